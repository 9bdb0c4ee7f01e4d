#pragma once
// Internal to the "container" primitive family: the helpers that prims_container.cpp shares
// with prims_higher.cpp, and the higher-order primitives that prims_higher.cpp implements for
// the family's one table (in prims_container.cpp). Outside the family, only the tokpidjin core
// family (tok_core*.cpp) includes it, to reuse these bodies.
#include <cstdint>
#include <span>

#include "dsl/check.hpp"
#include "dsl/ctx.hpp"
#include "dsl/value.hpp"

namespace batt::dsl::detail {

// ---- helpers (prims_container.cpp) -----------------------------------------------------------

// `type(outer)(e for c in parts for e in c)`: the concatenation of the parts' items (a tuple)
// or their union (a frozenset when `as_set`). Type error (argument `arg`) for a part that is
// not a container.
Value merge_parts(std::span<const Value> parts, bool as_set, int arg, EvalCtx& ctx) noexcept;

// Indices 0..n-1 of `items` sorted canonically, equal items by position: each run of equal
// items starts with its first occurrence (mostcommon, dedupe, tokpidjin's get_common_rank).
// `idx` is scratch memory from the arena; Resource error when that fails, which a fresh arena
// may also report for no items (alloc(0) is nullptr there): callers handle `items.empty()`.
Value sorted_index(std::span<const Value> items, EvalCtx& ctx, std::uint32_t*& idx) noexcept;

// ---- higher-order primitives (prims_higher.cpp) ----------------------------------------------
Value prim_order(Args a, EvalCtx& ctx) noexcept;
Value prim_valmax(Args a, EvalCtx& ctx) noexcept;
Value prim_valmin(Args a, EvalCtx& ctx) noexcept;
Value prim_argmax(Args a, EvalCtx& ctx) noexcept;
Value prim_argmin(Args a, EvalCtx& ctx) noexcept;
Value prim_sfilter(Args a, EvalCtx& ctx) noexcept;
Value prim_mfilter(Args a, EvalCtx& ctx) noexcept;
Value prim_extract(Args a, EvalCtx& ctx) noexcept;
Value prim_apply(Args a, EvalCtx& ctx) noexcept;
Value prim_rapply(Args a, EvalCtx& ctx) noexcept;
Value prim_mapply(Args a, EvalCtx& ctx) noexcept;
Value prim_papply(Args a, EvalCtx& ctx) noexcept;
Value prim_mpapply(Args a, EvalCtx& ctx) noexcept;
Value prim_prapply(Args a, EvalCtx& ctx) noexcept;

}  // namespace batt::dsl::detail
