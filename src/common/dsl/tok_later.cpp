// Tokpidjin primitives of the later DSL (b5409c8a and after) that real batt files use but the
// reference commit 273a50a1 lacks: `o_g_t` and `colorfilter_t` (tokpidjin-pipeline.md §11,
// rows 228-229; the first MD5 vector of §5.2 calls both). No golden vectors exist for them:
// their semantics here are INFERRED, not verified (docs/dsl.md, "The tokpidjin dialect"):
//   o_g_t(grid, t)        the objects of o_g(grid, t), as a tuple in ascending order;
//   colorfilter_t(objs, c) the objects of objs whose colour (that of the object's first cell,
//                          as colorfilter reads it) is c, as a tuple in objs's order.
// The later DSL builds each object of o_g_t as a tuple of cells in discovery order; here an
// object stays the frozenset o_g gives, which every patch primitive reads the same way.
#include "dsl/closure.hpp"
#include "dsl/registry.hpp"
#include "dsl/tuple.hpp"

namespace batt::dsl {

namespace {

// o_g_t(grid, t): o_g's objects as a tuple. o_g gives None for a t outside 0..7, where the
// later o_g_t raises (its table lookup fails): then the safe default.
Value prim_o_g_t(Args args, EvalCtx& ctx) noexcept {
  static const std::int32_t o_g = find_prim("o_g", Dialect::Tokpidjin);
  if (o_g < 0) return type_error();
  const Value objs = apply(Value::prim(o_g), args, ctx);
  if (objs.is_error()) return objs;
  if (!objs.is_set()) return value_error(2);
  const SetObj& s = objs.as_set();
  TupleBuilder b(ctx, s.n);
  for (const Value& o : s.span()) b.push(o);
  return b.finish();
}

// The colour of an object's first cell, as `obj[0][2]` (a tuple object) or colorfilter's
// `next(iter(obj))[2]` (a set) reads it; false when the object has no first cell of 3 ints.
bool first_cell_color(const Value& obj, EvalCtx& ctx, std::int64_t& color) noexcept {
  std::span<const Value> cells;
  if (!obj.is_set() && !obj.is_tuple()) return false;
  if (!items_of(obj, ctx, cells).is_none() || cells.empty() || !cells[0].is_triple()) return false;
  color = cells[0].c();
  return true;
}

// colorfilter_t(objs, c): the objects of objs (a tuple or a set, read in iteration order)
// whose colour is c, as a tuple.
Value prim_colorfilter_t(Args args, EvalCtx& ctx) noexcept {
  std::span<const Value> objs;
  if (const Value e = items_of(args[0], ctx, objs, 1); !e.is_none()) return e;
  if (!ctx.charge(objs.size())) return timeout_error();
  TupleBuilder b(ctx, objs.size());
  for (const Value& o : objs) {
    std::int64_t c = 0;
    if (!first_cell_color(o, ctx, c)) return type_error(1);
    if (py_eq(Value::integer(c), args[1])) b.push(o);
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
