#pragma once
// What the three tokpidjin families (core tok_core*, grid tok_grid*, patch tok_patch*) share
// besides numbers (tok_numbers.hpp) and patch readers (tok_patch.hpp): how a primitive's body
// calls another wrapped primitive, the arc-dsl body a primitive reuses, and item k of a
// container. The reference's module globals are its safe_dsl wrappers, so a call from one
// primitive to another that raises gives the callee's safe default and the caller goes on;
// budget errors (Timeout, Resource) end the evaluation and are never replaced.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "check_macros.hpp"
#include "dsl/ctx.hpp"
#include "dsl/registry.hpp"
#include "dsl/tuple.hpp"
#include "dsl/value.hpp"

namespace batt::dsl::tok {

// The result of a call to another wrapped primitive whose safe default is `d`: r, or that
// default when r is an error other than a budget error (e.g. uppermost(7) is 0: toindices(7)
// is ∅, min(∅) raises, uppermost's default). No allocation.
inline Value guarded(const Value& r, SafeDefault d) noexcept {
  return r.is_error() && !is_budget_error(r) ? safe_default_value(d) : r;
}

// The arc-dsl implementation of `name`, for a tokpidjin primitive whose Python body is Hodel's
// on the inputs the caller hands it (tokpidjin-dsl.md §3.1, §3.3 "cosmetic"; size_t is size).
// The name must exist (BATT_CHECK); callers keep the result in a function-local static.
inline PrimFn arc_body(std::string_view name) noexcept {
  const std::int32_t k = find_prim(name, Dialect::ArcDsl);
  BATT_CHECK(k >= 0);
  return prim_info(k).fn;
}

// Item k of a container c (a tuple of any representation or a frozenset) in iteration order;
// k < len(c). Allocates only for a grid row (Resource error when that fails).
inline Value item_at(const Value& c, std::size_t k, EvalCtx& ctx) noexcept {
  return c.is_set() ? c.as_set().items()[k] : tuple_item(c, k, ctx);
}

// `tuple(v)` for a frozenset v (its items in iteration order); any other value, an Error
// included, unchanged. Allocates the tuple.
inline Value tuple_of_set(const Value& v, EvalCtx& ctx) noexcept {
  return v.is_set() ? tuple_of(v.as_set().span(), ctx) : v;
}

}  // namespace batt::dsl::tok
