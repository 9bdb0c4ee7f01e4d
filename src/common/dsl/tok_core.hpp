#pragma once
// Internal to the tokpidjin core family (tok_core*.cpp): the helpers its files share and the
// primitives they implement for the family's one table (tok_core.cpp). Nothing outside these
// files includes it. Where the rest is: tok_common.hpp (what all three families share: guarded
// inner calls, arc_body, item_at), tok_numbers.hpp (numbers with floats), tok_patch.hpp (patch
// readers, the patch family's helpers), tok_grid.hpp (the grid family's).
//
// Every function here follows the registry contract (registry.hpp): it returns an Error value
// exactly where the reference's primitive raises, and the safe_dsl wrapper (apply() with
// EvalCtx::compat, or the golden harness) turns that into the entry's safe default.
#include <cstdint>
#include <span>

#include "dsl/check.hpp"
#include "dsl/ctx.hpp"
#include "dsl/registry.hpp"
#include "dsl/tok_common.hpp"
#include "dsl/value.hpp"

namespace batt::dsl::detail::tokcore {

// ---- helpers (tok_core.cpp) ------------------------------------------------------------------

// The helpers every tokpidjin family shares (tok_common.hpp).
using tok::arc_body;
using tok::guarded;
using tok::item_at;
using tok::tuple_of_set;

// The key function Python's sorted/max/min use for `key`: None means the items themselves,
// which is the identity primitive; any other value is called as it is.
Value key_or_identity(const Value& key) noexcept;

// `sorted(c, key=key, reverse=reverse)` for any iterable c (CPython's stable sort;
// reverse=True sorts the reversed list and reverses the result, so equal keys keep their
// order). The result lives in the arena. Errors: a Type error (arg 1) when c is not
// iterable, and those of the key calls (Type error, arg 2, for unorderable keys).
Value sorted_by_key(const Value& c, const Value& key, bool reverse, EvalCtx& ctx,
                    std::span<const Value>& out) noexcept;

// The Python range test `-n <= rank < n`: false for a float rank (nan, inf, -inf never lie in
// range), a Type error (arg) for a rank that is not a number.
Value rank_in_range(const Value& rank, std::int64_t n, int arg, bool& in) noexcept;

// `seq[rank]` for a rank that passed rank_in_range (negative counts from the end).
inline const Value& at_rank(std::span<const Value> seq, const Value& rank) noexcept {
  const std::int64_t r = rank.as_int();
  return seq[static_cast<std::size_t>(r < 0 ? r + static_cast<std::int64_t>(seq.size()) : r)];
}

// ---- numbers (tok_core_math.cpp) -------------------------------------------------------------
Value prim_add(Args a, EvalCtx& ctx) noexcept;
Value prim_subtract(Args a, EvalCtx& ctx) noexcept;
Value prim_multiply(Args a, EvalCtx& ctx) noexcept;
Value prim_divide(Args a, EvalCtx& ctx) noexcept;
Value prim_invert(Args a, EvalCtx& ctx) noexcept;
Value prim_even(Args a, EvalCtx& ctx) noexcept;
Value prim_double(Args a, EvalCtx& ctx) noexcept;
Value prim_halve(Args a, EvalCtx& ctx) noexcept;
Value prim_increment(Args a, EvalCtx& ctx) noexcept;
Value prim_decrement(Args a, EvalCtx& ctx) noexcept;
Value prim_crement(Args a, EvalCtx& ctx) noexcept;
Value prim_sign(Args a, EvalCtx& ctx) noexcept;
Value prim_positive(Args a, EvalCtx& ctx) noexcept;
Value prim_equality(Args a, EvalCtx& ctx) noexcept;
Value prim_combine_t(Args a, EvalCtx& ctx) noexcept;

// ---- containers (tok_core_container.cpp) -----------------------------------------------------
Value prim_combine_f(Args a, EvalCtx& ctx) noexcept;
Value prim_difference(Args a, EvalCtx& ctx) noexcept;  // also difference_tuple
Value prim_mostcommon_f(Args a, EvalCtx& ctx) noexcept;
Value prim_leastcommon_f(Args a, EvalCtx& ctx) noexcept;
Value prim_first(Args a, EvalCtx& ctx) noexcept;
Value prim_first_t(Args a, EvalCtx& ctx) noexcept;
Value prim_first_f(Args a, EvalCtx& ctx) noexcept;
Value prim_last(Args a, EvalCtx& ctx) noexcept;
Value prim_last_t(Args a, EvalCtx& ctx) noexcept;
Value prim_last_f(Args a, EvalCtx& ctx) noexcept;
Value prim_second(Args a, EvalCtx& ctx) noexcept;
Value prim_remove(Args a, EvalCtx& ctx) noexcept;  // also remove_f
Value prim_remove_t(Args a, EvalCtx& ctx) noexcept;
Value prim_other(Args a, EvalCtx& ctx) noexcept;
Value prim_other_t(Args a, EvalCtx& ctx) noexcept;
Value prim_other_f(Args a, EvalCtx& ctx) noexcept;
Value prim_dedupe_pair_tuple(Args a, EvalCtx& ctx) noexcept;

// ---- higher-order (tok_core_higher.cpp) ------------------------------------------------------
Value prim_order(Args a, EvalCtx& ctx) noexcept;
Value prim_argmax(Args a, EvalCtx& ctx) noexcept;  // argmax_t, argmax_f
Value prim_argmin(Args a, EvalCtx& ctx) noexcept;  // argmin_t, argmin_f
Value prim_sfilter_t(Args a, EvalCtx& ctx) noexcept;
Value prim_sfilter_f(Args a, EvalCtx& ctx) noexcept;
Value prim_mfilter(Args a, EvalCtx& ctx) noexcept;  // mfilter_f
Value prim_mfilter_t(Args a, EvalCtx& ctx) noexcept;
Value prim_extract(Args a, EvalCtx& ctx) noexcept;
Value prim_apply_t(Args a, EvalCtx& ctx) noexcept;
Value prim_rapply_t(Args a, EvalCtx& ctx) noexcept;
Value prim_mapply(Args a, EvalCtx& ctx) noexcept;
Value prim_mapply_t(Args a, EvalCtx& ctx) noexcept;
Value prim_mapply_f(Args a, EvalCtx& ctx) noexcept;
Value prim_mpapply(Args a, EvalCtx& ctx) noexcept;

// ---- rank selectors (tok_core_rank.cpp) ------------------------------------------------------
Value prim_get_nth_t(Args a, EvalCtx& ctx) noexcept;
Value prim_get_nth_f(Args a, EvalCtx& ctx) noexcept;
Value prim_get_nth_by_key_t(Args a, EvalCtx& ctx) noexcept;
Value prim_get_nth_by_key_f(Args a, EvalCtx& ctx) noexcept;
Value prim_get_rank(Args a, EvalCtx& ctx) noexcept;
Value prim_get_arg_rank(Args a, EvalCtx& ctx) noexcept;  // _t
Value prim_get_arg_rank_f(Args a, EvalCtx& ctx) noexcept;
Value prim_get_val_rank(Args a, EvalCtx& ctx) noexcept;     // _t, _f
Value prim_get_common_rank(Args a, EvalCtx& ctx) noexcept;  // _t
Value prim_get_common_rank_f(Args a, EvalCtx& ctx) noexcept;

}  // namespace batt::dsl::detail::tokcore
