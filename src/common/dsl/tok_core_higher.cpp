// Tokpidjin higher-order primitives that differ from Hodel's: order, argmax/argmin (and _t,
// _f), sfilter_t/_f, mfilter (and _t, _f), extract, apply_t, rapply_t, mapply (and _t, _f),
// mpapply. The valmax/valmin variants, apply_f and rapply_f are Hodel's bodies (tok_core.cpp's
// table names them).
//
// Function arguments are called through apply() (prims_higher.cpp does it), so a primitive
// that fails on an item gives its own default and the loop goes on (mfilter_t(((1, 2),), even)
// keeps nothing, since even((1, 2)) is False). Where the reference's body calls another
// wrapped primitive (mfilter calls sfilter then merge_f, mapply calls apply then merge), a
// failure there is that primitive's default, and the outer call goes on with it: mfilter and
// mapply therefore never fail themselves. Python's max/min/sorted read `key=None` as "no key".
#include "dsl/closure.hpp"
#include "dsl/prims_higher.hpp"
#include "dsl/set.hpp"
#include "dsl/tok_core.hpp"
#include "dsl/tuple.hpp"

namespace batt::dsl::detail::tokcore {

namespace {

// f(container, key) with a None key replaced by the identity (max(c, key=None) is max(c)).
Value with_key(PrimFn f, Args a, EvalCtx& ctx) noexcept {
  const Value args[2] = {a[0], key_or_identity(a[1])};
  return f(Args(args), ctx);
}

// `tuple(function(e) for e in container)` (apply_t) or the same over `value` for each
// function (rapply_t): always a tuple, in iteration order.
Value map_to_tuple(const Value& f, const Value& c, int arg, EvalCtx& ctx) noexcept {
  std::span<const Value> items;
  if (Value e = items_of(c, ctx, items, arg); e.is_error()) return e;
  TupleBuilder b(ctx, items.size());
  for (const Value& x : items) {
    const Value r = apply1(f, x, ctx);
    if (r.is_error()) return r;
    b.push(r);
  }
  return b.finish();
}

// The container the filter keeps as `frozenset(...)` (tuple_of_set() gives `tuple(...)`).
Value as_set(const Value& v, EvalCtx& ctx) noexcept {
  if (v.is_error() || v.is_set()) return v;
  std::span<const Value> items;
  if (Value e = items_of(v, ctx, items); e.is_error()) return e;
  return set_of(items, ctx);
}

// merge_f / merge_t / merge of what an inner wrapped call returned; their default is ().
Value merged(const Value& parts, EvalCtx& ctx) noexcept {
  if (is_budget_error(parts)) return parts;
  static const PrimFn merge = arc_body("merge");  // merge, merge_t, merge_f share it
  return guarded(merge(Args(&parts, 1), ctx), SafeDefault::EmptyTuple);
}

}  // namespace

// `tuple(sorted(container, key=compfunc))`.
Value prim_order(Args a, EvalCtx& ctx) noexcept {
  return with_key(detail::prim_order, a, ctx);
}

// `max(container, key=compfunc)` / min: the first extreme item; ValueError when empty.
Value prim_argmax(Args a, EvalCtx& ctx) noexcept {
  return with_key(detail::prim_argmax, a, ctx);
}
Value prim_argmin(Args a, EvalCtx& ctx) noexcept {
  return with_key(detail::prim_argmin, a, ctx);
}

// `tuple(e for e in container if condition(e))`.
Value prim_sfilter_t(Args a, EvalCtx& ctx) noexcept {
  return tuple_of_set(detail::prim_sfilter(a, ctx), ctx);
}
// `frozenset(e for e in container if condition(e))` (sfilter_f, mfilter_t).
Value prim_sfilter_f(Args a, EvalCtx& ctx) noexcept {
  return as_set(detail::prim_sfilter(a, ctx), ctx);
}

// mfilter, mfilter_f: `merge_f(sfilter(container, function))`.
Value prim_mfilter(Args a, EvalCtx& ctx) noexcept {
  return merged(guarded(detail::prim_sfilter(a, ctx), SafeDefault::EmptyTuple), ctx);
}
// `frozenset(e for e in container if function(e))`: it does not merge.
Value prim_mfilter_t(Args a, EvalCtx& ctx) noexcept {
  return prim_sfilter_f(a, ctx);
}

// `next((e for e in container if condition(e)), frozenset())`.
Value prim_extract(Args a, EvalCtx& ctx) noexcept {
  std::span<const Value> items;
  if (Value e = items_of(a[0], ctx, items, 1); e.is_error()) return e;
  for (const Value& x : items) {
    const Value r = apply1(a[1], x, ctx);
    if (r.is_error()) return r;
    if (truthy(r)) return x;
  }
  return empty_set();
}

// `tuple(function(e) for e in container)`; apply and apply_f take Hodel's body.
Value prim_apply_t(Args a, EvalCtx& ctx) noexcept {
  return map_to_tuple(a[0], a[1], 2, ctx);
}

// `tuple(function(value) for function in functions)`; rapply and rapply_f take Hodel's body.
Value prim_rapply_t(Args a, EvalCtx& ctx) noexcept {
  std::span<const Value> fns;
  if (Value e = items_of(a[0], ctx, fns, 1); e.is_error()) return e;
  TupleBuilder b(ctx, fns.size());
  for (const Value& f : fns) {
    const Value r = apply1(f, a[1], ctx);
    if (r.is_error()) return r;
    b.push(r);
  }
  return b.finish();
}

// `merge(apply(function, container))`, each call wrapped: apply's default is ().
Value prim_mapply(Args a, EvalCtx& ctx) noexcept {
  return merged(guarded(detail::prim_apply(a, ctx), SafeDefault::EmptyTuple), ctx);
}
// `merge_t(apply_t(function, container))`.
Value prim_mapply_t(Args a, EvalCtx& ctx) noexcept {
  return merged(guarded(prim_apply_t(a, ctx), SafeDefault::EmptyTuple), ctx);
}
// `merge_f(apply_f(function, container))`: apply_f's default is frozenset().
Value prim_mapply_f(Args a, EvalCtx& ctx) noexcept {
  return merged(guarded(detail::prim_apply(a, ctx), SafeDefault::EmptySet), ctx);
}
// `merge_t(papply(function, a, b))`: papply's default is ().
Value prim_mpapply(Args a, EvalCtx& ctx) noexcept {
  return merged(guarded(detail::prim_papply(a, ctx), SafeDefault::EmptyTuple), ctx);
}

}  // namespace batt::dsl::detail::tokcore
