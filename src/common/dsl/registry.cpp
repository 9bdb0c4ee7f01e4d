#include "dsl/registry.hpp"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "dsl/set.hpp"
#include "dsl/tuple.hpp"

namespace batt::dsl {

namespace {

// The joined table and a name index, built once (like Lua's linit.c list of libraries).
struct Tables {
  std::vector<PrimInfo> prims;
  std::vector<std::pair<std::string_view, std::int32_t>> by_name[2];  // per dialect, sorted

  Tables() {
    for (auto family : {detail::math_prims, detail::closure_prims, detail::container_prims,
                        detail::patch_prims, detail::geometry_prims, detail::color_prims,
                        detail::paint_prims, detail::grid_prims, detail::scale_prims}) {
      for (const PrimInfo& p : family()) prims.push_back(p);
    }
    for (std::size_t k = 0; k < prims.size(); ++k) {
      by_name[static_cast<int>(prims[k].dialect)].emplace_back(prims[k].name,
                                                               static_cast<std::int32_t>(k));
    }
    for (auto& v : by_name) std::sort(v.begin(), v.end());
  }
};

const Tables& tables() {
  static const Tables t;
  return t;
}

// The ConstEmpty closure: the safe default of a primitive that returns a Callable.
alignas(16) const ClosureObj g_const_empty{ClosureKind::ConstEmpty, -1, 0, {0, 0, 0, 0, 0}};

// constants.py of arc-dsl.
constexpr ConstantInfo kArcConstants[] = {
    {"F", Value::boolean(false)},       {"T", Value::boolean(true)},
    {"ZERO", Value::integer(0)},        {"ONE", Value::integer(1)},
    {"TWO", Value::integer(2)},         {"THREE", Value::integer(3)},
    {"FOUR", Value::integer(4)},        {"FIVE", Value::integer(5)},
    {"SIX", Value::integer(6)},         {"SEVEN", Value::integer(7)},
    {"EIGHT", Value::integer(8)},       {"NINE", Value::integer(9)},
    {"TEN", Value::integer(10)},        {"NEG_ONE", Value::integer(-1)},
    {"NEG_TWO", Value::integer(-2)},    {"DOWN", Value::pair(1, 0)},
    {"RIGHT", Value::pair(0, 1)},       {"UP", Value::pair(-1, 0)},
    {"LEFT", Value::pair(0, -1)},       {"ORIGIN", Value::pair(0, 0)},
    {"UNITY", Value::pair(1, 1)},       {"NEG_UNITY", Value::pair(-1, -1)},
    {"UP_RIGHT", Value::pair(-1, 1)},   {"DOWN_LEFT", Value::pair(1, -1)},
    {"ZERO_BY_TWO", Value::pair(0, 2)}, {"TWO_BY_ZERO", Value::pair(2, 0)},
    {"TWO_BY_TWO", Value::pair(2, 2)},  {"THREE_BY_THREE", Value::pair(3, 3)},
};

}  // namespace

std::span<const PrimInfo> all_prims() noexcept {
  return tables().prims;
}

const PrimInfo& prim_info(std::int32_t index) noexcept {
  return tables().prims[static_cast<std::size_t>(index)];
}

std::int32_t find_prim(std::string_view name, Dialect d) noexcept {
  const auto& v = tables().by_name[static_cast<int>(d)];
  auto it = std::lower_bound(v.begin(), v.end(), name,
                             [](const auto& e, std::string_view n) { return e.first < n; });
  return (it != v.end() && it->first == name) ? it->second : -1;
}

std::span<const ConstantInfo> all_constants(Dialect d) noexcept {
  if (d == Dialect::ArcDsl) return kArcConstants;
  return {};
}

std::optional<Value> find_constant(std::string_view name, Dialect d) noexcept {
  for (const ConstantInfo& c : all_constants(d)) {
    if (c.name == name) return c.value;
  }
  return std::nullopt;
}

Value safe_default_value(SafeDefault d) noexcept {
  switch (d) {
    case SafeDefault::EmptyTuple:
      return empty_tuple();
    case SafeDefault::EmptySet:
      return empty_set();
    case SafeDefault::Zero:
      return Value::integer(0);
    case SafeDefault::False:
      return Value::boolean(false);
    case SafeDefault::Callable:
      return Value::closure(&g_const_empty);
  }
  return empty_tuple();
}

}  // namespace batt::dsl
