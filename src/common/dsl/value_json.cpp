#include "dsl/value_json.hpp"

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <vector>

#include "dsl/grid.hpp"
#include "dsl/set.hpp"
#include "dsl/tuple.hpp"

namespace batt::dsl {

Value value_from_json(const nlohmann::json& j, EvalCtx& ctx, std::string& why, Dialect d) {
  using nlohmann::json;
  switch (j.type()) {
    case json::value_t::boolean:
      return Value::boolean(j.get<bool>());
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
      return Value::integer(j.get<std::int64_t>());
    case json::value_t::null:
      return Value::none();
    case json::value_t::number_float:
      return Value::real(j.get<double>());
    case json::value_t::object: {
      if (j.size() != 1) break;
      const auto it = j.begin();
      const std::string& key = it.key();
      const json& body = it.value();
      if (key == "fn" && body.is_string()) {
        const std::int32_t p = find_prim(body.get<std::string>(), d);
        if (p < 0) {
          why = "unknown primitive " + body.get<std::string>();
          return type_error();
        }
        return Value::prim(p);
      }
      if (key == "f") {  // a float: {"f": "nan" | "inf" | "-inf" | number}
        if (body.is_number()) return Value::real(body.get<double>());
        if (body == "nan") return Value::real(std::numeric_limits<double>::quiet_NaN());
        if (body == "inf") return Value::real(std::numeric_limits<double>::infinity());
        if (body == "-inf") return Value::real(-std::numeric_limits<double>::infinity());
      }
      if ((key == "t" || key == "s") && body.is_array()) {
        std::vector<Value> items;
        items.reserve(body.size());
        for (const json& e : body) {
          Value v = value_from_json(e, ctx, why, d);
          if (v.is_error()) return v;
          items.push_back(v);
        }
        return key == "t" ? tuple_of(items, ctx) : set_of(items, ctx);
      }
      break;
    }
    default:
      break;
  }
  why = "cannot decode " + j.dump().substr(0, 80);
  return type_error();
}

Value grid_from_arc_json(const nlohmann::json& j, EvalCtx& ctx, std::string& why) {
  if (!j.is_array() || j.empty() || !j[0].is_array() || j[0].empty()) {
    why = "a grid must be a non-empty array of non-empty arrays";
    return type_error();
  }
  const std::size_t h = j.size(), w = j[0].size();
  GridObj* g = new_grid(ctx, static_cast<std::int64_t>(h), static_cast<std::int64_t>(w));
  if (!g) {
    why = "grid too large";
    return resource_error();
  }
  for (std::size_t i = 0; i < h; ++i) {
    if (!j[i].is_array() || j[i].size() != w) {
      why = "row " + std::to_string(i) + " has another length than row 0";
      return type_error();
    }
    for (std::size_t k = 0; k < w; ++k) {
      const auto& c = j[i][k];
      if (!c.is_number_integer() || c.get<std::int64_t>() < 0 || c.get<std::int64_t>() > 9) {
        why = "cell (" + std::to_string(i) + ", " + std::to_string(k) + ") is not a colour 0..9";
        return type_error();
      }
      g->cells()[i * w + k] = static_cast<std::int8_t>(c.get<int>());
    }
  }
  return Value::grid(g);
}

nlohmann::json grid_to_arc_json(const Value& v) {
  if (!v.is_grid()) return nullptr;
  const GridObj& g = v.as_grid();
  nlohmann::json rows = nlohmann::json::array();
  for (std::int32_t i = 0; i < g.h; ++i) {
    nlohmann::json row = nlohmann::json::array();
    for (std::int8_t c : g.row(i)) row.push_back(static_cast<int>(c));
    rows.push_back(std::move(row));
  }
  return rows;
}

nlohmann::json value_to_json(const Value& v) {
  using nlohmann::json;
  switch (v.tag()) {
    case Tag::Int:
      return v.as_int();
    case Tag::Bool:
      return v.as_bool();
    case Tag::None:
      return nullptr;
    case Tag::Prim:
      return json{{"fn", prim_info(v.prim_index()).name}};
    case Tag::Error:
      return json{{"error", repr(v)}};
    case Tag::Closure:
      return json{{"closure", repr(v)}};
    case Tag::Pair:
      return json{{"t", {v.a(), v.b()}}};
    case Tag::Cell:
      return json{{"t", {json(v.cell_color()), json{{"t", {v.a(), v.b()}}}}}};
    case Tag::Triple:
      return json{{"t", {v.a(), v.b(), v.c()}}};
    case Tag::Float: {
      const double d = v.as_float();
      if (std::isnan(d)) return json{{"f", "nan"}};
      if (std::isinf(d)) return json{{"f", d > 0 ? "inf" : "-inf"}};
      return json{{"f", d}};
    }
    case Tag::Grid: {
      const GridObj& g = v.as_grid();
      json rows = json::array();
      for (std::int32_t i = 0; i < g.h; ++i) {
        json row = json::array();
        for (std::int8_t c : g.row(i)) row.push_back(static_cast<int>(c));
        rows.push_back(json{{"t", std::move(row)}});
      }
      return json{{"t", std::move(rows)}};
    }
    case Tag::Tuple:
    case Tag::Set: {
      json items = json::array();
      for (const Value& x : v.is_set() ? v.as_set().span() : v.as_tuple().span()) {
        items.push_back(value_to_json(x));
      }
      return json{{v.is_set() ? "s" : "t", std::move(items)}};
    }
  }
  return nullptr;
}

}  // namespace batt::dsl
