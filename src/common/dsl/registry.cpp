#include "dsl/registry.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <utility>
#include <vector>

#include "check_macros.hpp"
#include "dsl/set.hpp"
#include "dsl/tuple.hpp"

namespace batt::dsl {

namespace {

// The joined table and a name index, built once (like Lua's linit.c list of libraries).
struct Tables {
  std::vector<PrimInfo> prims;
  std::vector<std::pair<std::string_view, std::int32_t>> by_name[2];  // per dialect, sorted

  Tables() {
    for (auto family :
         {detail::math_prims, detail::closure_prims, detail::container_prims, detail::patch_prims,
          detail::geometry_prims, detail::color_prims, detail::paint_prims, detail::grid_prims,
          detail::scale_prims, detail::tok_core_prims, detail::tok_patch_prims,
          detail::tok_grid_prims, detail::tok_later_prims}) {
      for (const PrimInfo& p : family()) prims.push_back(p);
    }
    for (std::size_t k = 0; k < prims.size(); ++k) {
      by_name[static_cast<int>(prims[k].dialect)].emplace_back(prims[k].name,
                                                               static_cast<std::int32_t>(k));
    }
    for (auto& v : by_name) std::sort(v.begin(), v.end());
    // Tokpidjin entries that share an arc-dsl body (fn == nullptr) take its implementation:
    // that of the arc-dsl entry `body`, or of the same name.
    for (PrimInfo& p : prims) {
      if (p.fn) continue;
      const std::string_view name = p.body.empty() ? p.name : p.body;
      const auto& arc = by_name[static_cast<int>(Dialect::ArcDsl)];
      auto it = std::lower_bound(arc.begin(), arc.end(), name,
                                 [](const auto& e, std::string_view n) { return e.first < n; });
      // A tokpidjin entry without a body must name an arc-dsl primitive.
      BATT_CHECK(it != arc.end() && it->first == name);
      p.fn = prims[static_cast<std::size_t>(it->second)].fn;
    }
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

// constants.py of tokpidjin (tokpidjin-dsl.md §5): all of arc-dsl's (joined below), plus the
// rank, symbol, angle, colour and scale families.
constexpr ConstantInfo kTokOnlyConstants[] = {
    {"F0", Value::integer(0)},   {"F1", Value::integer(1)},       {"F2", Value::integer(2)},
    {"F3", Value::integer(3)},   {"F4", Value::integer(4)},       {"F5", Value::integer(5)},
    {"F6", Value::integer(6)},   {"F7", Value::integer(7)},       {"F8", Value::integer(8)},
    {"F9", Value::integer(9)},   {"L1", Value::integer(-1)},      {"L2", Value::integer(-2)},
    {"L3", Value::integer(-3)},  {"L4", Value::integer(-4)},      {"L5", Value::integer(-5)},
    {"L6", Value::integer(-6)},  {"L7", Value::integer(-7)},      {"L8", Value::integer(-8)},
    {"L9", Value::integer(-9)},  {"L10", Value::integer(-10)},    {"R0", Value::integer(0)},
    {"R1", Value::integer(1)},   {"R2", Value::integer(2)},       {"R3", Value::integer(3)},
    {"R4", Value::integer(4)},   {"R5", Value::integer(5)},       {"R6", Value::integer(6)},
    {"R7", Value::integer(7)},   {"R8", Value::integer(8)},       {"R9", Value::integer(9)},
    {"A0", Value::integer(0)},   {"A1", Value::integer(1)},       {"A2", Value::integer(2)},
    {"A3", Value::integer(3)},   {"A4", Value::integer(4)},       {"A5", Value::integer(5)},
    {"A6", Value::integer(6)},   {"A7", Value::integer(7)},       {"A8", Value::integer(8)},
    {"A9", Value::integer(9)},   {"BLACK", Value::integer(0)},    {"BLUE", Value::integer(1)},
    {"RED", Value::integer(2)},  {"GREEN", Value::integer(3)},    {"YELLOW", Value::integer(4)},
    {"GRAY", Value::integer(5)}, {"MAGENTA", Value::integer(6)},  {"ORANGE", Value::integer(7)},
    {"CYAN", Value::integer(8)}, {"BURGUNDY", Value::integer(9)}, {"SM2", Value::integer(2)},
    {"SM3", Value::integer(3)},  {"SD2", Value::integer(-2)},     {"SD3", Value::integer(-3)},
};

template <std::size_t N, std::size_t M, std::size_t... I>
constexpr std::array<ConstantInfo, N + M> join_constants(const ConstantInfo (&a)[N],
                                                         const ConstantInfo (&b)[M],
                                                         std::index_sequence<I...>) {
  return {{(I < N ? a[I] : b[I - N])...}};
}
constexpr auto kTokConstants = join_constants(
    kArcConstants, kTokOnlyConstants,
    std::make_index_sequence<std::size(kArcConstants) + std::size(kTokOnlyConstants)>{});

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
  return d == Dialect::ArcDsl ? std::span<const ConstantInfo>(kArcConstants)
                              : std::span<const ConstantInfo>(kTokConstants);
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
    case SafeDefault::Derived:
      break;  // resolved by PrimInfo::safe_default()
  }
  return empty_tuple();
}

}  // namespace batt::dsl
