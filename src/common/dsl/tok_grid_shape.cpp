// Shape and layout primitives of the tokpidjin dialect: crop, subgrid, height_t, width_t,
// shape_t, portrait_t, square_t, hmirror_t, vmirror_t, dmirror_t, cmirror_t, mir_rot_t,
// upscale_t, lefthalf, righthalf, hsplit, vsplit.
//
// Where the dialect's Python body is Hodel's (the mirrors and rotations of tuples, upscale of a
// grid, the halves), the arc-dsl implementation does the work; this file adds what differs: the
// `_t` variants iterate frozensets where Hodel's read them as patches, crop refuses a window that
// is not inside the grid, and inner calls are wrapped (a failing one gives its default).
#include <algorithm>

#include "dsl/pyops.hpp"
#include "dsl/set.hpp"
#include "dsl/tok_grid.hpp"
#include "dsl/tok_patch.hpp"
#include "dsl/tuple.hpp"

namespace batt::dsl::detail::tokgrid {

namespace {

Value call_arc1(PrimFn fn, const Value& x, EvalCtx& ctx) noexcept {
  return fn(Args(&x, 1), ctx);
}

// len(piece[0]) if piece else 0.
Value width_raw(const Value& piece, EvalCtx& ctx) noexcept {
  if (!truthy(piece)) return Value::integer(0);
  Value row0;
  if (Value e = subscript(piece, 0, 1, ctx, row0); e.is_error()) return e;
  const std::int64_t w = len_of(row0);
  return w < 0 ? type_error(1) : Value::integer(w);
}

Value height_raw(const Value& piece) noexcept {
  const std::int64_t h = len_of(piece);
  return h < 0 ? type_error(1) : Value::integer(h);
}

// rot270(half(rot90(grid))), each call wrapped; a Grid takes Hodel's own lefthalf/righthalf.
Value side_half(const Value& grid, bool right, EvalCtx& ctx) noexcept {
  static const PrimFn rot90 = arc_body("rot90");
  static const PrimFn rot270 = arc_body("rot270");
  static const PrimFn tophalf = arc_body("tophalf");
  static const PrimFn bottomhalf = arc_body("bottomhalf");
  static const PrimFn lefthalf = arc_body("lefthalf");
  static const PrimFn righthalf = arc_body("righthalf");
  if (grid.is_grid()) return call_arc1(right ? righthalf : lefthalf, grid, ctx);
  Value r = guarded(call_arc1(rot90, grid, ctx), SafeDefault::EmptyTuple);
  if (r.is_error()) return r;
  r = guarded(call_arc1(right ? bottomhalf : tophalf, r, ctx), SafeDefault::EmptyTuple);
  if (r.is_error()) return r;
  return guarded(call_arc1(rot270, r, ctx), SafeDefault::EmptyTuple);
}

// hsplit / vsplit: n crops (wrapped) of len // n rows or columns, one separator skipped after
// each piece when the length is not divisible by n.
Value split(const Value& grid, const Value& nv, bool vertical, EvalCtx& ctx) noexcept {
  std::int64_t h = 0, w = 0;
  if (Value e = grid_size(grid, ctx, h, w); e.is_error()) return e;
  if (!nv.is_intlike()) return type_error(2);  // range(n) (and // of a float n) raise
  const std::int64_t n = nv.as_int();
  if (n == 0) return zero_division_error(2);
  if (n < 0) return empty_tuple();
  if (!ctx.items_ok(static_cast<std::uint64_t>(n))) return resource_error();
  if (!ctx.charge(static_cast<std::uint64_t>(n))) return timeout_error();
  const std::int64_t len = vertical ? h : w;
  const std::int64_t size = floor_div(len, n), off = floor_mod(len, n) != 0;
  TupleBuilder out(ctx, static_cast<std::size_t>(n));
  for (std::int64_t i = 0; i < n; ++i) {
    const std::int64_t at = size * i + i * off;
    const Value start = vertical ? make_int_pair(at, 0, ctx) : make_int_pair(0, at, ctx);
    const Value dims = vertical ? make_int_pair(size, w, ctx) : make_int_pair(h, size, ctx);
    if (start.is_error()) return start;
    if (dims.is_error()) return dims;
    const Value piece = guarded(tok_crop(grid, start, dims, ctx), SafeDefault::EmptyTuple);
    if (piece.is_error()) return piece;
    out.push(piece);
  }
  return out.finish();
}

}  // namespace

Value prim_crop(Args a, EvalCtx& ctx) noexcept {
  return tok_crop(a[0], a[1], a[2], ctx);
}

// () for patch in [frozenset(), ()], else crop(grid, ulcorner(patch), shape_f(patch)), every
// call wrapped (so a patch sticking out of the grid gives ()).
Value prim_subgrid(Args a, EvalCtx& ctx) noexcept {
  const Value& patch = a[0];
  if (equal(patch, empty_set()) || equal(patch, empty_tuple())) return empty_tuple();
  const Value start = guarded(tok::corner_of(patch, tok::Corner::UL, tok::Via::Patch, ctx),
                              SafeDefault::EmptyTuple);
  if (start.is_error()) return start;
  const Value dims = tok::shape_of(patch, ctx);
  if (dims.is_error()) return dims;
  return guarded(tok_crop(a[1], start, dims, ctx), SafeDefault::EmptyTuple);
}

Value prim_height_t(Args a, EvalCtx&) noexcept {
  return height_raw(a[0]);
}

Value prim_width_t(Args a, EvalCtx& ctx) noexcept {
  return width_raw(a[0], ctx);
}

// (height_t(grid), width_t(grid)), both wrapped.
Value prim_shape_t(Args a, EvalCtx& ctx) noexcept {
  const Value h = guarded(height_raw(a[0]), SafeDefault::Zero);
  const Value w = guarded(width_raw(a[0], ctx), SafeDefault::Zero);
  if (w.is_error()) return w;
  return tuple2(h, w, ctx);
}

// height_t(grid) > width_t(grid), both wrapped.
Value prim_portrait_t(Args a, EvalCtx& ctx) noexcept {
  const Value h = guarded(height_raw(a[0]), SafeDefault::Zero);
  const Value w = guarded(width_raw(a[0], ctx), SafeDefault::Zero);
  if (w.is_error()) return w;
  return Value::boolean(h.as_int() > w.as_int());
}

// len(grid) == len(grid[0]).
Value prim_square_t(Args a, EvalCtx& ctx) noexcept {
  std::int64_t h = 0, w = 0;
  if (Value e = grid_size(a[0], ctx, h, w); e.is_error()) return e;
  return Value::boolean(h == w);
}

// piece[::-1]: tuples only.
Value prim_hmirror_t(Args a, EvalCtx& ctx) noexcept {
  if (!a[0].is_tuplelike()) return type_error(1);
  return reversed_of(a[0], ctx);
}

// tuple(row[::-1] for row in piece): any container of tuples.
Value prim_vmirror_t(Args a, EvalCtx& ctx) noexcept {
  static const PrimFn vmirror = arc_body("vmirror");
  if (!is_container(a[0])) return type_error(1);
  const Value rows = tuple_of_set(a[0], ctx);
  if (rows.is_error()) return rows;
  if (len_of(rows) == 0) return empty_tuple();
  return call_arc1(vmirror, rows, ctx);
}

// tuple(zip(*piece)): any container of containers.
Value prim_dmirror_t(Args a, EvalCtx& ctx) noexcept {
  static const PrimFn dmirror = arc_body("dmirror");
  if (!is_container(a[0])) return type_error(1);
  const Value rows = tuple_of_set(a[0], ctx);
  if (rows.is_error()) return rows;
  return call_arc1(dmirror, rows, ctx);
}

// tuple(zip(*(r[::-1] for r in piece[::-1]))): tuples of tuples.
Value prim_cmirror_t(Args a, EvalCtx& ctx) noexcept {
  static const PrimFn cmirror = arc_body("cmirror");
  if (!a[0].is_tuplelike()) return type_error(1);
  return call_arc1(cmirror, a[0], ctx);
}

Value prim_mir_rot_t(Args a, EvalCtx& ctx) noexcept {
  return mir_rot_of(a[0], a[1], ctx);
}

// Every value repeated `factor` times across and every row `factor` times down; the rows of a
// frozenset are iterated like those of a tuple.
Value prim_upscale_t(Args a, EvalCtx& ctx) noexcept {
  static const PrimFn upscale = arc_body("upscale");
  if (!is_container(a[0])) return type_error(1);
  const Value rows = tuple_of_set(a[0], ctx);
  if (rows.is_error()) return rows;
  const Value args[2] = {rows, a[1]};
  return upscale(Args(args), ctx);
}

Value prim_lefthalf(Args a, EvalCtx& ctx) noexcept {
  return side_half(a[0], false, ctx);
}
Value prim_righthalf(Args a, EvalCtx& ctx) noexcept {
  return side_half(a[0], true, ctx);
}

Value prim_hsplit(Args a, EvalCtx& ctx) noexcept {
  return split(a[0], a[1], false, ctx);
}
Value prim_vsplit(Args a, EvalCtx& ctx) noexcept {
  return split(a[0], a[1], true, ctx);
}

}  // namespace batt::dsl::detail::tokgrid
