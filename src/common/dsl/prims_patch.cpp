// Patch primitives: toindices, recolor, shift, normalize, uppermost, lowermost, leftmost,
// rightmost, ulcorner, urcorner, llcorner, lrcorner, height, width, shape, portrait, square,
// vline, hline, hmatching, vmatching, bordering, centerofmass, center, position. dneighbors,
// ineighbors, neighbors, manhattan and adjacent live in prims_geometry.cpp (file size).
//
// Patches are read by read_patch() (patch.hpp) the way the reference reads them: the kind
// (object or indices) comes from the first element, and a tuple of locations or cells is
// accepted wherever the reference only iterates its argument (solvers pass such tuples). Sets
// of Pairs and of Cells take the fast paths. Coordinates that would leave int32 give an
// Overflow error (Python has big ints).
#include <algorithm>

#include "dsl/patch.hpp"
#include "dsl/pyops.hpp"
#include "dsl/registry.hpp"
#include "dsl/set.hpp"
#include "dsl/tuple.hpp"

namespace batt::dsl {

namespace {

Value int_pair(std::int64_t i, std::int64_t j) noexcept {
  if (!fits_i32(i) || !fits_i32(j)) return overflow_error();
  return Value::pair(static_cast<std::int32_t>(i), static_cast<std::int32_t>(j));
}

// ---- piece sizes (a grid is any tuple: len(piece), len(piece[0])) ---------------------------

Value piece_height(const Value& v, int arg, EvalCtx& ctx) noexcept {
  const std::int64_t n = len_of(v);
  if (n < 0) return type_error(arg);
  if (n == 0 || v.is_tuplelike()) return Value::integer(n);
  PatchView pv;
  BBox box{};
  if (Value e = read_nonempty_patch(v, arg, ctx, pv, box); e.is_error()) return e;
  return Value::integer(box.height());
}

Value piece_width(const Value& v, int arg, EvalCtx& ctx) noexcept {
  const std::int64_t n = len_of(v);
  if (n < 0) return type_error(arg);
  if (n == 0) return Value::integer(0);
  if (v.is_grid()) return Value::integer(v.as_grid().w);
  if (v.is_tuple()) {
    const std::int64_t w = len_of(v.as_tuple().items()[0]);
    return w < 0 ? type_error(arg) : Value::integer(w);
  }
  if (v.is_tuplelike()) return type_error(arg);  // Pair/Cell: item 0 is an int
  PatchView pv;
  BBox box{};
  if (Value e = read_nonempty_patch(v, arg, ctx, pv, box); e.is_error()) return e;
  return Value::integer(box.width());
}

Value matching(Args a, bool rows, EvalCtx& ctx) noexcept {
  bool meet = false;
  if (Value e = lines_meet(a[0], a[1], rows, ctx, meet); e.is_error()) return e;
  return Value::boolean(meet);
}

// ---- primitives -----------------------------------------------------------------------------

Value prim_toindices(Args a, EvalCtx& ctx) noexcept {
  return to_indices(a[0], 1, ctx);
}

Value prim_recolor(Args a, EvalCtx& ctx) noexcept {
  const Value& value = a[0];
  const Value ind = to_indices(a[1], 2, ctx);
  if (ind.is_error()) return ind;
  std::span<const Value> items;
  if (Value e = items_of(ind, ctx, items); e.is_error()) return e;
  const bool int_colour = value.is_int() && fits_i32(value.as_int());
  SetBuilder b(ctx, items.size());
  for (const Value& loc : items) {
    if (int_colour && loc.is_pair()) {
      b.push(Value::cell(static_cast<std::int32_t>(value.as_int()), loc.a(), loc.b()));
    } else {
      const Value t = tuple2(value, loc, ctx);
      if (t.is_error()) return t;
      b.push(t);
    }
  }
  return b.finish();
}

Value prim_shift(Args a, EvalCtx& ctx) noexcept {
  const std::int64_t n = len_of(a[0]);
  if (n < 0) return type_error(1);
  if (n == 0) return a[0];
  std::int64_t di = 0, dj = 0;
  if (Value e = unpack_int_pair(a[1], 2, di, dj); e.is_error()) return e;
  if (!fits_i32(di) || !fits_i32(dj)) return overflow_error(2);
  const PatchKind kind = patch_kind(a[0]);
  if ((kind == PatchKind::Indices || kind == PatchKind::Object) && di == 0 && dj == 0) {
    return a[0];
  }
  PatchView pv;
  if (Value e = read_patch(a[0], 1, ctx, pv); e.is_error()) return e;
  return shift_patch(pv, di, dj, ctx);
}

Value prim_normalize(Args a, EvalCtx& ctx) noexcept {
  const std::int64_t n = len_of(a[0]);
  if (n < 0) return type_error(1);
  if (n == 0) return a[0];
  PatchView pv;
  BBox box{};
  if (Value e = read_nonempty_patch(a[0], 1, ctx, pv, box); e.is_error()) return e;
  const PatchKind kind = patch_kind(a[0]);
  const bool plain = kind == PatchKind::Indices || kind == PatchKind::Object;
  if (plain && box.top == 0 && box.left == 0) return a[0];
  return shift_patch(pv, -box.top, -box.left, ctx);
}

enum class Side { Top, Bottom, Left, Right };

Value extreme(const Value& patch, Side side, EvalCtx& ctx) noexcept {
  PatchView pv;
  BBox box{};
  if (Value e = read_nonempty_patch(patch, 1, ctx, pv, box); e.is_error()) return e;
  const std::int64_t sides[] = {box.top, box.bottom, box.left, box.right};
  return Value::integer(sides[static_cast<int>(side)]);
}

Value prim_uppermost(Args a, EvalCtx& ctx) noexcept {
  return extreme(a[0], Side::Top, ctx);
}
Value prim_lowermost(Args a, EvalCtx& ctx) noexcept {
  return extreme(a[0], Side::Bottom, ctx);
}
Value prim_leftmost(Args a, EvalCtx& ctx) noexcept {
  return extreme(a[0], Side::Left, ctx);
}
Value prim_rightmost(Args a, EvalCtx& ctx) noexcept {
  return extreme(a[0], Side::Right, ctx);
}

enum class Fold { Min, Max, FloorMean };

// `tuple(map(f, zip(*grid)))` for a grid of rows wider than a location (toindices() returns
// such a grid as is): one min, max or floored mean per column.
Value fold_columns(const GridObj& g, Fold f, EvalCtx& ctx) noexcept {
  TupleBuilder b(ctx, static_cast<std::size_t>(g.w));
  for (std::int32_t c = 0; c < g.w; ++c) {
    std::int64_t acc = f == Fold::FloorMean ? 0 : g.at(0, c);
    for (std::int32_t r = 0; r < g.h; ++r) {
      const std::int64_t x = g.at(r, c);
      acc = f == Fold::Min ? std::min(acc, x) : (f == Fold::Max ? std::max(acc, x) : acc + x);
    }
    b.push(Value::integer(f == Fold::FloorMean ? floor_div(acc, g.h) : acc));
  }
  return b.finish();
}

// ulcorner & co: `()` for an empty patch (zip of nothing).
Value corner(const Value& patch, Side vert, Side horiz, EvalCtx& ctx) noexcept {
  if (patch.is_grid() && patch.as_grid().w > 2 && (vert == Side::Top) == (horiz == Side::Left)) {
    // urcorner/llcorner index {0: min, 1: max} by column and raise past column 1.
    return fold_columns(patch.as_grid(), vert == Side::Top ? Fold::Min : Fold::Max, ctx);
  }
  PatchView pv;
  if (Value e = read_patch(patch, 1, ctx, pv); e.is_error()) return e;
  if (pv.len == 0) return empty_tuple();
  const BBox box = bbox_of(pv);
  return Value::pair(static_cast<std::int32_t>(vert == Side::Top ? box.top : box.bottom),
                     static_cast<std::int32_t>(horiz == Side::Left ? box.left : box.right));
}

Value prim_ulcorner(Args a, EvalCtx& ctx) noexcept {
  return corner(a[0], Side::Top, Side::Left, ctx);
}
Value prim_urcorner(Args a, EvalCtx& ctx) noexcept {
  return corner(a[0], Side::Top, Side::Right, ctx);
}
Value prim_llcorner(Args a, EvalCtx& ctx) noexcept {
  return corner(a[0], Side::Bottom, Side::Left, ctx);
}
Value prim_lrcorner(Args a, EvalCtx& ctx) noexcept {
  return corner(a[0], Side::Bottom, Side::Right, ctx);
}

Value prim_height(Args a, EvalCtx& ctx) noexcept {
  return piece_height(a[0], 1, ctx);
}
Value prim_width(Args a, EvalCtx& ctx) noexcept {
  return piece_width(a[0], 1, ctx);
}

Value prim_shape(Args a, EvalCtx& ctx) noexcept {
  const Value h = piece_height(a[0], 1, ctx);
  if (h.is_error()) return h;
  const Value w = piece_width(a[0], 1, ctx);
  if (w.is_error()) return w;
  return make_int_pair(h.as_int(), w.as_int(), ctx);
}

Value prim_portrait(Args a, EvalCtx& ctx) noexcept {
  const Value h = piece_height(a[0], 1, ctx);
  if (h.is_error()) return h;
  const Value w = piece_width(a[0], 1, ctx);
  if (w.is_error()) return w;
  return Value::boolean(h.as_int() > w.as_int());
}

Value prim_square(Args a, EvalCtx& ctx) noexcept {
  const Value& piece = a[0];
  if (piece.is_tuplelike()) {
    if (len_of(piece) == 0) return index_error(1);  // piece[0] of ()
    const Value w = piece_width(piece, 1, ctx);
    if (w.is_error()) return w;
    return Value::boolean(len_of(piece) == w.as_int());
  }
  const Value h = piece_height(piece, 1, ctx);
  if (h.is_error()) return h;
  const Value w = piece_width(piece, 1, ctx);
  if (w.is_error()) return w;
  std::int64_t area = 0;  // a sparse patch can span a box too large for int64
  const bool fits = !__builtin_mul_overflow(h.as_int(), w.as_int(), &area);
  return Value::boolean(fits && area == len_of(piece) && h.as_int() == w.as_int());
}

// vline: height == len and width == 1; hline: width == len and height == 1 (short-circuit).
Value line_test(const Value& patch, bool vertical, EvalCtx& ctx) noexcept {
  const Value along = vertical ? piece_height(patch, 1, ctx) : piece_width(patch, 1, ctx);
  if (along.is_error()) return along;
  if (along.as_int() != len_of(patch)) return Value::boolean(false);
  const Value across = vertical ? piece_width(patch, 1, ctx) : piece_height(patch, 1, ctx);
  if (across.is_error()) return across;
  return Value::boolean(across.as_int() == 1);
}

Value prim_vline(Args a, EvalCtx& ctx) noexcept {
  return line_test(a[0], true, ctx);
}
Value prim_hline(Args a, EvalCtx& ctx) noexcept {
  return line_test(a[0], false, ctx);
}

Value prim_hmatching(Args a, EvalCtx& ctx) noexcept {
  return matching(a, true, ctx);
}
Value prim_vmatching(Args a, EvalCtx& ctx) noexcept {
  return matching(a, false, ctx);
}

// uppermost == 0 or leftmost == 0 or lowermost == len(grid) - 1 or rightmost == len(grid[0]) - 1,
// evaluated lazily like Python's `or`.
Value prim_bordering(Args a, EvalCtx& ctx) noexcept {
  PatchView pv;
  BBox box{};
  if (Value e = read_nonempty_patch(a[0], 1, ctx, pv, box); e.is_error()) return e;
  if (box.top == 0 || box.left == 0) return Value::boolean(true);
  const Value& grid = a[1];
  const std::int64_t h = len_of(grid);
  if (h < 0) return type_error(2);
  if (box.bottom == h - 1) return Value::boolean(true);
  if (!grid.is_tuplelike()) return type_error(2);  // a set is not subscriptable
  if (h == 0) return index_error(2);
  const Value w = piece_width(grid, 2, ctx);
  if (w.is_error()) return w;
  return Value::boolean(box.right == w.as_int() - 1);
}

// Sums over toindices(patch) (locations deduplicated for an object, a tuple of locations
// kept as is) divided by len(patch), floored.
Value prim_centerofmass(Args a, EvalCtx& ctx) noexcept {
  if (a[0].is_grid() && a[0].as_grid().w > 2) {
    return fold_columns(a[0].as_grid(), Fold::FloorMean, ctx);
  }
  PatchView pv;
  if (Value e = read_patch(a[0], 1, ctx, pv); e.is_error()) return e;
  if (pv.len == 0) return empty_tuple();
  std::span<const Value> locs = pv.locs;
  if (pv.object && !pv.unique_sorted) {
    SetBuilder b(ctx, locs.size());
    for (const Value& v : locs) b.push(v.cell_loc());
    const Value s = b.finish();
    if (s.is_error()) return s;
    locs = s.as_set().span();
  }
  std::int64_t si = 0, sj = 0;
  for (const Value& v : locs) {
    si += v.a();
    sj += v.b();
  }
  return int_pair(floor_div(si, pv.len), floor_div(sj, pv.len));
}

Value prim_center(Args a, EvalCtx& ctx) noexcept {
  PatchView pv;
  BBox box{};
  if (Value e = read_nonempty_patch(a[0], 1, ctx, pv, box); e.is_error()) return e;
  std::int64_t ci = 0, cj = 0;
  patch_center(pv, box, a[0].is_tuplelike(), ci, cj);
  return int_pair(ci, cj);
}

// center(toindices(p)): toindices keeps a tuple of locations a tuple, and makes a set of an
// object's locations.
Value center_via_indices(const Value& patch, int arg, EvalCtx& ctx, std::int64_t& ci,
                         std::int64_t& cj) noexcept {
  PatchView pv;
  BBox box{};
  if (Value e = read_nonempty_patch(patch, arg, ctx, pv, box); e.is_error()) return e;
  patch_center(pv, box, patch.is_tuplelike() && !pv.object, ci, cj);
  return Value::none();
}

Value prim_position(Args a, EvalCtx& ctx) noexcept {
  std::int64_t ia = 0, ja = 0, ib = 0, jb = 0;
  if (Value e = center_via_indices(a[0], 1, ctx, ia, ja); e.is_error()) return e;
  if (Value e = center_via_indices(a[1], 2, ctx, ib, jb); e.is_error()) return e;
  const int horiz = ja < jb ? 1 : -1;
  if (ia == ib) return Value::pair(0, horiz);
  if (ja == jb) return Value::pair(ia < ib ? 1 : -1, 0);
  return Value::pair(ia < ib ? 1 : -1, horiz);
}

using K = Kind;

constexpr PrimInfo kTable[] = {
    {"toindices", prim_toindices, 1, {K::Patch}, K::Indices},
    {"recolor", prim_recolor, 2, {K::Integer, K::Patch}, K::Object},
    {"shift", prim_shift, 2, {K::Patch, K::IntegerTuple}, K::Patch},
    {"normalize", prim_normalize, 1, {K::Patch}, K::Patch},
    {"uppermost", prim_uppermost, 1, {K::Patch}, K::Integer},
    {"lowermost", prim_lowermost, 1, {K::Patch}, K::Integer},
    {"leftmost", prim_leftmost, 1, {K::Patch}, K::Integer},
    {"rightmost", prim_rightmost, 1, {K::Patch}, K::Integer},
    {"ulcorner", prim_ulcorner, 1, {K::Patch}, K::IntegerTuple},
    {"urcorner", prim_urcorner, 1, {K::Patch}, K::IntegerTuple},
    {"llcorner", prim_llcorner, 1, {K::Patch}, K::IntegerTuple},
    {"lrcorner", prim_lrcorner, 1, {K::Patch}, K::IntegerTuple},
    {"height", prim_height, 1, {K::Piece}, K::Integer},
    {"width", prim_width, 1, {K::Piece}, K::Integer},
    {"shape", prim_shape, 1, {K::Piece}, K::IntegerTuple},
    {"portrait", prim_portrait, 1, {K::Piece}, K::Boolean},
    {"square", prim_square, 1, {K::Piece}, K::Boolean},
    {"vline", prim_vline, 1, {K::Patch}, K::Boolean},
    {"hline", prim_hline, 1, {K::Patch}, K::Boolean},
    {"hmatching", prim_hmatching, 2, {K::Patch, K::Patch}, K::Boolean},
    {"vmatching", prim_vmatching, 2, {K::Patch, K::Patch}, K::Boolean},
    {"bordering", prim_bordering, 2, {K::Patch, K::Grid}, K::Boolean},
    {"centerofmass", prim_centerofmass, 1, {K::Patch}, K::IntegerTuple},
    {"center", prim_center, 1, {K::Patch}, K::IntegerTuple},
    {"position", prim_position, 2, {K::Patch, K::Patch}, K::IntegerTuple},
};

}  // namespace

std::span<const PrimInfo> detail::patch_prims() noexcept {
  return kTable;
}

}  // namespace batt::dsl
