#include "dsl/value.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string_view>

#include "dsl/registry.hpp"

namespace batt::dsl {

const char* errcode_name(ErrCode c) noexcept {
  switch (c) {
    case ErrCode::Type:
      return "type";
    case ErrCode::Value:
      return "value";
    case ErrCode::Index:
      return "index";
    case ErrCode::ZeroDivision:
      return "zero-division";
    case ErrCode::Arity:
      return "arity";
    case ErrCode::Recursion:
      return "recursion";
    case ErrCode::Overflow:
      return "overflow";
    case ErrCode::Resource:
      return "resource";
    case ErrCode::Timeout:
      return "timeout";
  }
  return "?";
}

namespace {

// Type rank of the canonical order: None < numbers < tuples < sets < functions < errors.
int rank(Tag t) noexcept {
  switch (t) {
    case Tag::None:
      return 0;
    case Tag::Int:
    case Tag::Bool:
    case Tag::Float:
      return 1;
    case Tag::Pair:
    case Tag::Cell:
    case Tag::Triple:
    case Tag::Grid:
    case Tag::Tuple:
      return 2;
    case Tag::Set:
      return 3;
    case Tag::Prim:
    case Tag::Closure:
      return 4;
    case Tag::Error:
      return 5;
  }
  return 5;
}

template <typename T>
int cmp3(T x, T y) noexcept {
  return (x > y) - (x < y);
}

// Canonical order of two numbers (Int, Bool or Float): by value, nan after every number and
// equal to itself. An int and a float compare exactly (as Python does), not through double.
int compare_numbers(const Value& a, const Value& b) noexcept {
  if (!a.is_float() && !b.is_float()) return cmp3(a.as_int(), b.as_int());
  const bool na = a.is_float() && std::isnan(a.as_float());
  const bool nb = b.is_float() && std::isnan(b.as_float());
  if (na || nb) return cmp3(int{na}, int{nb});
  if (a.is_float() && b.is_float()) return cmp3(a.as_float(), b.as_float());
  // One int i and one float f: compare i with f exactly.
  const bool a_int = !a.is_float();
  const std::int64_t i = a_int ? a.as_int() : b.as_int();
  const double f = a_int ? b.as_float() : a.as_float();
  int c;  // sign of (i - f)
  if (f >= 9.3e18) {
    c = -1;
  } else if (f <= -9.3e18) {
    c = 1;
  } else {
    const double fl = std::floor(f);
    const auto fi = static_cast<std::int64_t>(fl);
    c = i != fi ? cmp3(i, fi) : (fl < f ? -1 : 0);
  }
  return a_int ? c : -c;
}

// An item of a tuple-like value: either a Value or one row of a Grid (a tuple of ints that
// has no Value of its own). Lets equal/compare walk any two tuples without allocating.
struct Item {
  Value v;
  const std::int8_t* row = nullptr;  // set: this item is a grid row of `w` ints
  std::int32_t w = 0;
};

// A tuple-like value seen as a sequence of Items.
struct Seq {
  const Value* vals = nullptr;        // Tuple items
  const std::int8_t* ints = nullptr;  // a grid row
  const GridObj* grid = nullptr;      // Grid rows
  Value v;                            // Pair or Cell itself
  std::size_t n = 0;

  static Seq of(const Value& x) noexcept {
    Seq s;
    switch (x.tag()) {
      case Tag::Tuple:
        s.vals = x.as_tuple().items();
        s.n = x.as_tuple().n;
        break;
      case Tag::Grid:
        s.grid = &x.as_grid();
        s.n = static_cast<std::size_t>(s.grid->h);
        break;
      case Tag::Pair:
      case Tag::Cell:
        s.v = x;
        s.n = 2;
        break;
      case Tag::Triple:
        s.v = x;
        s.n = 3;
        break;
      default:
        break;
    }
    return s;
  }
  static Seq of(const Item& it) noexcept {
    if (!it.row) return of(it.v);
    Seq s;
    s.ints = it.row;
    s.n = static_cast<std::size_t>(it.w);
    return s;
  }
  Item at(std::size_t k) const noexcept {
    if (vals) return {vals[k]};
    if (ints) return {Value::integer(ints[k])};
    if (grid) {
      Item it;
      it.row = grid->cells() + k * static_cast<std::size_t>(grid->w);
      it.w = grid->w;
      return it;
    }
    if (v.is_pair()) return {Value::integer(k == 0 ? v.a() : v.b())};
    if (v.is_triple()) return {Value::integer(k == 0 ? v.a() : k == 1 ? v.b() : v.c())};
    // Cell (c, (i, j))
    return {k == 0 ? Value::integer(v.cell_color()) : v.cell_loc()};
  }
};

int item_rank(const Item& it) noexcept {
  return it.row ? 2 : rank(it.v.tag());
}

int compare_items(const Item& x, const Item& y) noexcept;
bool equal_items(const Item& x, const Item& y) noexcept;

int compare_seq(const Seq& x, const Seq& y) noexcept {
  const std::size_t n = std::min(x.n, y.n);
  for (std::size_t k = 0; k < n; ++k) {
    if (int c = compare_items(x.at(k), y.at(k))) return c;
  }
  return cmp3(x.n, y.n);
}

bool equal_seq(const Seq& x, const Seq& y) noexcept {
  if (x.n != y.n) return false;
  for (std::size_t k = 0; k < x.n; ++k) {
    if (!equal_items(x.at(k), y.at(k))) return false;
  }
  return true;
}

int compare_items(const Item& x, const Item& y) noexcept {
  if (!x.row && !y.row) return compare(x.v, y.v);
  if (int c = cmp3(item_rank(x), item_rank(y))) return c;
  return compare_seq(Seq::of(x), Seq::of(y));
}

bool equal_items(const Item& x, const Item& y) noexcept {
  if (!x.row && !y.row) return equal(x.v, y.v);
  if (item_rank(x) != 2 || item_rank(y) != 2) return false;
  return equal_seq(Seq::of(x), Seq::of(y));
}

int compare_grids(const GridObj& x, const GridObj& y) noexcept {
  if (x.w == y.w) {
    // Equal widths: the row-major cell arrays compare like the tuples of rows.
    const std::size_t n = std::min(x.area(), y.area());
    const std::int8_t* p = x.cells();
    const std::int8_t* q = y.cells();
    for (std::size_t k = 0; k < n; ++k) {
      if (p[k] != q[k]) return p[k] < q[k] ? -1 : 1;
    }
    return cmp3(x.h, y.h);
  }
  const std::int32_t h = std::min(x.h, y.h);
  for (std::int32_t r = 0; r < h; ++r) {
    auto a = x.row(r);
    auto b = y.row(r);
    if (auto c = std::lexicographical_compare_three_way(a.begin(), a.end(), b.begin(), b.end());
        c != 0) {
      return c < 0 ? -1 : 1;
    }
  }
  return cmp3(x.h, y.h);
}

int compare_span(std::span<const Value> x, std::span<const Value> y) noexcept {
  const std::size_t n = std::min(x.size(), y.size());
  for (std::size_t k = 0; k < n; ++k) {
    if (int c = compare(x[k], y[k])) return c;
  }
  return cmp3(x.size(), y.size());
}

bool equal_span(std::span<const Value> x, std::span<const Value> y) noexcept {
  if (x.size() != y.size()) return false;
  for (std::size_t k = 0; k < x.size(); ++k) {
    if (!equal(x[k], y[k])) return false;
  }
  return true;
}

int compare_closures(const ClosureObj& x, const ClosureObj& y) noexcept {
  if (int c = cmp3(static_cast<int>(x.kind), static_cast<int>(y.kind))) return c;
  if (int c = cmp3(x.arity, y.arity)) return c;
  return compare_span({x.caps(), x.n}, {y.caps(), y.n});
}

int compare_prims(std::int32_t x, std::int32_t y) noexcept {
  if (x == y) return 0;
  int c = prim_info(x).name.compare(prim_info(y).name);
  return c != 0 ? (c < 0 ? -1 : 1) : cmp3(x, y);
}

// Python's `a < b` on items of tuples (see py_less).
int py_less_items(const Item& x, const Item& y) noexcept;

int py_less_seq(const Seq& x, const Seq& y) noexcept {
  const std::size_t n = std::min(x.n, y.n);
  for (std::size_t k = 0; k < n; ++k) {
    Item a = x.at(k), b = y.at(k);
    if (!equal_items(a, b)) return py_less_items(a, b);
  }
  return x.n < y.n ? 1 : 0;
}

int py_less_items(const Item& x, const Item& y) noexcept {
  if (!x.row && !y.row) return py_less(x.v, y.v);
  if (item_rank(x) != 2 || item_rank(y) != 2) return -1;
  return py_less_seq(Seq::of(x), Seq::of(y));
}

// a is a subset of b (both sorted canonical).
bool subset(const SetObj& a, const SetObj& b) noexcept {
  if (a.n > b.n) return false;
  std::size_t j = 0;
  for (std::size_t i = 0; i < a.n; ++i) {
    while (j < b.n && compare(b.items()[j], a.items()[i]) < 0) ++j;
    if (j == b.n || !equal(b.items()[j], a.items()[i])) return false;
    ++j;
  }
  return true;
}

}  // namespace

bool equal(const Value& a, const Value& b) noexcept {
  if (a.tag() == b.tag()) {
    switch (a.tag()) {
      case Tag::Int:
      case Tag::Bool:
        return a.as_int() == b.as_int();
      case Tag::None:
        return true;
      case Tag::Pair:
        return a.a() == b.a() && a.b() == b.b();
      case Tag::Cell:
      case Tag::Triple:
        return a.c() == b.c() && a.a() == b.a() && a.b() == b.b();
      case Tag::Float:
        return compare_numbers(a, b) == 0;
      case Tag::Error:
        return false;
      case Tag::Prim:
        return a.prim_index() == b.prim_index();
      case Tag::Grid: {
        const GridObj& x = a.as_grid();
        const GridObj& y = b.as_grid();
        return x.h == y.h && x.w == y.w && std::equal(x.cells(), x.cells() + x.area(), y.cells());
      }
      case Tag::Tuple:
        return equal_span(a.as_tuple().span(), b.as_tuple().span());
      case Tag::Set:
        return equal_span(a.as_set().span(), b.as_set().span());
      case Tag::Closure:
        return compare_closures(a.as_closure(), b.as_closure()) == 0;
    }
    return false;
  }
  if (a.is_number() && b.is_number()) return compare_numbers(a, b) == 0;
  // Across representations only a Bool or a float inside a tuple can make two values equal.
  if (a.is_tuplelike() && b.is_tuplelike()) return equal_seq(Seq::of(a), Seq::of(b));
  return false;
}

bool py_eq(const Value& a, const Value& b) noexcept {
  if ((a.is_float() && std::isnan(a.as_float())) || (b.is_float() && std::isnan(b.as_float()))) {
    return false;
  }
  return equal(a, b);
}

bool identical(const Value& a, const Value& b) noexcept {
  if (a.tag() != b.tag()) return false;
  auto same_items = [](std::span<const Value> x, std::span<const Value> y) {
    if (x.size() != y.size()) return false;
    for (std::size_t k = 0; k < x.size(); ++k) {
      if (!identical(x[k], y[k])) return false;
    }
    return true;
  };
  switch (a.tag()) {
    case Tag::Tuple:
      return same_items(a.as_tuple().span(), b.as_tuple().span());
    case Tag::Set:
      return same_items(a.as_set().span(), b.as_set().span());
    case Tag::Closure:
      return a.as_closure().kind == b.as_closure().kind &&
             a.as_closure().arity == b.as_closure().arity &&
             same_items({a.as_closure().caps(), a.as_closure().n},
                        {b.as_closure().caps(), b.as_closure().n});
    default:
      return equal(a, b);
  }
}

int compare(const Value& a, const Value& b) noexcept {
  if (a.tag() == b.tag()) {
    switch (a.tag()) {
      case Tag::Int:
      case Tag::Bool:
        return cmp3(a.as_int(), b.as_int());
      case Tag::None:
        return 0;
      case Tag::Pair:
        if (a.a() != b.a()) return a.a() < b.a() ? -1 : 1;
        return cmp3(a.b(), b.b());
      case Tag::Cell:
        if (a.cell_color() != b.cell_color()) return a.cell_color() < b.cell_color() ? -1 : 1;
        if (a.a() != b.a()) return a.a() < b.a() ? -1 : 1;
        return cmp3(a.b(), b.b());
      case Tag::Triple:
        if (a.a() != b.a()) return a.a() < b.a() ? -1 : 1;
        if (a.b() != b.b()) return a.b() < b.b() ? -1 : 1;
        return cmp3(a.c(), b.c());
      case Tag::Float:
        return compare_numbers(a, b);
      case Tag::Error:
        return cmp3(static_cast<int>(a.err_code()), static_cast<int>(b.err_code()));
      case Tag::Prim:
        return compare_prims(a.prim_index(), b.prim_index());
      case Tag::Grid:
        return compare_grids(a.as_grid(), b.as_grid());
      case Tag::Tuple:
        return compare_span(a.as_tuple().span(), b.as_tuple().span());
      case Tag::Set:
        return compare_span(a.as_set().span(), b.as_set().span());
      case Tag::Closure:
        return compare_closures(a.as_closure(), b.as_closure());
    }
    return 0;
  }
  const int ra = rank(a.tag()), rb = rank(b.tag());
  if (ra != rb) return ra < rb ? -1 : 1;
  switch (ra) {
    case 1:
      return compare_numbers(a, b);
    case 2:
      return compare_seq(Seq::of(a), Seq::of(b));
    case 4:
      return a.is_prim() ? -1 : 1;  // primitives before closures
    default:
      return 0;
  }
}

int py_less(const Value& a, const Value& b) noexcept {
  if (a.is_intlike() && b.is_intlike()) return a.as_int() < b.as_int() ? 1 : 0;
  if (a.is_number() && b.is_number()) {
    if ((a.is_float() && std::isnan(a.as_float())) || (b.is_float() && std::isnan(b.as_float()))) {
      return 0;
    }
    return compare_numbers(a, b) < 0 ? 1 : 0;
  }
  if (a.is_pair() && b.is_pair()) {
    return (a.a() < b.a() || (a.a() == b.a() && a.b() < b.b())) ? 1 : 0;
  }
  if (a.is_tuplelike() && b.is_tuplelike()) return py_less_seq(Seq::of(a), Seq::of(b));
  if (a.is_set() && b.is_set()) {
    const SetObj& x = a.as_set();
    const SetObj& y = b.as_set();
    return (x.n < y.n && subset(x, y)) ? 1 : 0;
  }
  return -1;
}

bool truthy(const Value& v) noexcept {
  switch (v.tag()) {
    case Tag::Int:
    case Tag::Bool:
      return v.as_int() != 0;
    case Tag::Float:
      return v.as_float() != 0.0;  // nan is true
    case Tag::None:
    case Tag::Error:
      return false;
    case Tag::Tuple:
      return v.as_tuple().n > 0;
    case Tag::Set:
      return v.as_set().n > 0;
    default:
      return true;  // Pair, Cell, Triple, Grid are never empty; functions are true
  }
}

namespace {

void repr_into(const Value& v, std::string& out);

void repr_items(std::span<const Value> items, std::string& out) {
  for (std::size_t k = 0; k < items.size(); ++k) {
    if (k) out += ", ";
    repr_into(items[k], out);
  }
}

void repr_into(const Value& v, std::string& out) {
  switch (v.tag()) {
    case Tag::Int:
      out += std::to_string(v.as_int());
      return;
    case Tag::Bool:
      out += v.as_bool() ? "True" : "False";
      return;
    case Tag::None:
      out += "None";
      return;
    case Tag::Pair:
      out += '(';
      out += std::to_string(v.a());
      out += ", ";
      out += std::to_string(v.b());
      out += ')';
      return;
    case Tag::Cell:
      out += '(';
      out += std::to_string(v.cell_color());
      out += ", ";
      repr_into(v.cell_loc(), out);
      out += ')';
      return;
    case Tag::Triple:
      out += '(';
      out += std::to_string(v.a());
      out += ", ";
      out += std::to_string(v.b());
      out += ", ";
      out += std::to_string(v.c());
      out += ')';
      return;
    case Tag::Float: {
      const double d = v.as_float();
      if (std::isnan(d)) {
        out += "nan";
      } else if (std::isinf(d)) {
        out += d > 0 ? "inf" : "-inf";
      } else {
        char buf[32];
        auto r = std::to_chars(buf, buf + sizeof buf, d);  // shortest round trip, as Python
        const std::string_view txt(buf, static_cast<std::size_t>(r.ptr - buf));
        out += txt;
        if (txt.find_first_of(".en") == std::string_view::npos) out += ".0";
      }
      return;
    }
    case Tag::Error:
      out += "<error ";
      out += errcode_name(v.err_code());
      if (v.err_prim() >= 0) {
        out += " in ";
        out += prim_info(v.err_prim()).name;
      }
      if (v.err_arg() > 0) {
        out += " arg ";
        out += std::to_string(v.err_arg());
      }
      out += ">";
      return;
    case Tag::Prim:
      out += prim_info(v.prim_index()).name;
      return;
    case Tag::Grid: {
      const GridObj& g = v.as_grid();
      out += "(";
      for (std::int32_t i = 0; i < g.h; ++i) {
        if (i) out += ", ";
        out += "(";
        for (std::int32_t j = 0; j < g.w; ++j) {
          if (j) out += ", ";
          out += std::to_string(g.at(i, j));
        }
        out += g.w == 1 ? ",)" : ")";
      }
      out += g.h == 1 ? ",)" : ")";
      return;
    }
    case Tag::Tuple: {
      const TupleObj& t = v.as_tuple();
      out += "(";
      repr_items(t.span(), out);
      out += t.n == 1 ? ",)" : ")";
      return;
    }
    case Tag::Set: {
      const SetObj& s = v.as_set();
      if (s.n == 0) {
        out += "frozenset()";
        return;
      }
      out += "frozenset({";
      repr_items(s.span(), out);
      out += "})";
      return;
    }
    case Tag::Closure: {
      static constexpr std::string_view kNames[] = {"compose", "chain", "fork",  "matcher",
                                                    "rbind",   "lbind", "power", "const_empty"};
      const ClosureObj& c = v.as_closure();
      out += "<";
      out += kNames[static_cast<int>(c.kind)];
      out += "(";
      repr_items({c.caps(), c.n}, out);
      out += ")>";
      return;
    }
  }
}

}  // namespace

std::string repr(const Value& v) {
  std::string out;
  repr_into(v, out);
  return out;
}

}  // namespace batt::dsl
