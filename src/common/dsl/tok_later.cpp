// Tokpidjin primitives of the later DSL (b5409c8a and after) that real batt files use but the
// reference commit 273a50a1 lacks: `o_g_t` and `colorfilter_t` (tokpidjin-pipeline.md §11,
// rows 228-229; the first MD5 vector of §5.2 calls both). No golden vectors exist for them:
// their semantics here are INFERRED, not verified (docs/dsl.md, "The tokpidjin dialect"):
//   o_g_t(grid, t)        the objects of o_g(grid, t), as a tuple in ascending order;
//   colorfilter_t(objs, c) the objects of objs whose colour (that of the object's first cell,
//                          as colorfilter reads it) is c, as a tuple in objs's order.
// The later DSL builds each object of o_g_t as a tuple of cells in discovery order; here an
// object stays the frozenset o_g gives, which every patch primitive reads the same way.
#include "dsl/registry.hpp"
#include "dsl/tok_grid.hpp"
#include "dsl/tuple.hpp"

namespace batt::dsl {

namespace {

// o_g_t(grid, t): o_g's objects as a tuple. o_g (wrapped: () when it raises) gives None for a t
// outside 0..7, where the later o_g_t raises (its table lookup fails): then the safe default.
Value prim_o_g_t(Args args, EvalCtx& ctx) noexcept {
  const Value objs = tok::guarded(detail::tokgrid::prim_o_g(args, ctx), SafeDefault::EmptyTuple);
  if (objs.is_error()) return objs;
  if (!objs.is_set()) return value_error(2);
  return tok::tuple_of_set(objs, ctx);
}

// colorfilter_t(objs, c): the objects of objs (a tuple or a set, read in iteration order)
// whose colour, read as colorfilter reads it, is c, as a tuple.
Value prim_colorfilter_t(Args args, EvalCtx& ctx) noexcept {
  std::span<const Value> objs;
  if (const Value e = items_of(args[0], ctx, objs, 1); e.is_error()) return e;
  if (!ctx.charge(objs.size())) return timeout_error();
  TupleBuilder b(ctx, objs.size());
  for (const Value& o : objs) {
    Value c;
    if (const Value e = detail::tokgrid::first_color(o, ctx, c); e.is_error()) return e;
    if (py_eq(c, args[1])) b.push(o);
  }
  return b.finish();
}

using K = Kind;

constexpr PrimInfo kTable[] = {
    {"o_g_t",
     prim_o_g_t,
     2,
     {K::Grid, K::Integer},
     K::Tuple,
     kFlagNone,
     Dialect::Tokpidjin,
     SafeDefault::EmptyTuple},
    {"colorfilter_t",
     prim_colorfilter_t,
     2,
     {K::Tuple, K::Integer},
     K::Tuple,
     kMulticolor,
     Dialect::Tokpidjin,
     SafeDefault::EmptyTuple},
};

}  // namespace

std::span<const PrimInfo> detail::tok_later_prims() noexcept {
  return kTable;
}

}  // namespace batt::dsl
