// Grid primitives: rotations and mirrors (rot90, rot180, rot270, hmirror, vmirror, dmirror,
// cmirror) and windows (crop, subgrid, tophalf, bottomhalf, lefthalf, righthalf, hsplit,
// vsplit, trim). Concatenation and scaling live in prims_scale.cpp.
//
// Each primitive has a fast path over the int8 cells of a Grid, and the mirrors one over sorted
// Indices / Objects that pushes the result in canonical order where it can. Any other tuple
// follows the reference's Python expression (slices, zip) item by item through the generic
// helpers of pyops.hpp and below; TupleBuilder normalises what they build, so Python's empty
// results (`()`, a tuple of empty rows) and ragged tuples come out as the reference's.
#include <algorithm>
#include <cstring>

#include "dsl/grid.hpp"
#include "dsl/patch.hpp"
#include "dsl/pyops.hpp"
#include "dsl/registry.hpp"
#include "dsl/set.hpp"
#include "dsl/tuple.hpp"

namespace batt::dsl {

namespace {

using Span = std::span<const Value>;

// ---- Python tuple operations (the generic paths) -----------------------------------------------

// start + count, saturated: Python's big ints clamp to the same slice bound.
constexpr std::int64_t sat_add(std::int64_t a, std::int64_t b) noexcept {
  std::int64_t r = 0;
  if (__builtin_add_overflow(a, b, &r)) return b > 0 ? INT64_MAX : INT64_MIN;
  return r;
}

// tuple(fn(row) for row in v) for a tuple-like v.
template <typename Fn>
Value map_rows(const Value& v, EvalCtx& ctx, Fn&& fn) noexcept {
  Span rows;
  if (Value err = items_of(v, ctx, rows); err.is_error()) return err;
  TupleBuilder b(ctx, rows.size());
  for (const Value& r : rows) {
    const Value x = fn(r);
    if (x.is_error()) return x;
    b.push(x);
  }
  return b.finish();
}

// Python `row[::-1]` applied to an item of the argument: it must be a tuple.
Value reversed_row(const Value& row, EvalCtx& ctx) noexcept {
  return row.is_tuplelike() ? reversed_of(row, ctx) : type_error(1);
}

struct ZipOpts {
  bool rev_rows = false;   // zip(*v[::-1])
  bool rev_items = false;  // each row reversed first (r[::-1]: rows must be tuples)
  bool rev_out = false;    // the zipped columns in reverse order
};

// tuple(zip(*rows)) over the items of a tuple-like v, truncated to the shortest row.
Value zip_rows(const Value& v, ZipOpts o, EvalCtx& ctx) noexcept {
  Span rows;
  if (Value err = items_of(v, ctx, rows); err.is_error()) return err;
  const std::size_t n = rows.size();
  if (n == 0) return empty_tuple();
  auto* cols = static_cast<Span*>(ctx.alloc(n * sizeof(Span)));
  if (!cols) return resource_error();
  std::size_t m = SIZE_MAX;
  for (std::size_t r = 0; r < n; ++r) {
    if (o.rev_items ? !rows[r].is_tuplelike() : !is_container(rows[r])) return type_error(1);
    if (Value err = items_of(rows[r], ctx, cols[r]); err.is_error()) return err;
    m = std::min(m, cols[r].size());
  }
  TupleBuilder out(ctx, m);
  for (std::size_t t = 0; t < m; ++t) {
    const std::size_t k = o.rev_out ? m - 1 - t : t;
    TupleBuilder col(ctx, n);
    for (std::size_t q = 0; q < n; ++q) {
      const Span& row = cols[o.rev_rows ? n - 1 - q : q];
      col.push(row[o.rev_items ? row.size() - 1 - k : k]);
    }
    const Value c = col.finish();
    if (c.is_error()) return c;
    out.push(c);
  }
  return out.finish();
}

// `start[k]` and `start[k] + dims[k]` as slice bounds (both must be ints for the slice).
Value slice_pair(const Value& start, const Value& dims, std::size_t k, EvalCtx& ctx,
                 std::int64_t& lo, std::int64_t& hi) noexcept {
  Value s, d;
  if (Value err = subscript(start, k, 2, ctx, s); err.is_error()) return err;
  if (Value err = subscript(dims, k, 3, ctx, d); err.is_error()) return err;
  if (!s.is_intlike()) return type_error(2);
  if (!d.is_intlike()) return type_error(3);
  lo = s.as_int();
  hi = sat_add(lo, d.as_int());
  return Value::none();
}

// tuple(r[c0:c1] for r in grid[r0:r1]) with unclamped Python bounds; grid is tuple-like
// (argument `arg`: a row that is not a tuple is a Type error).
Value window(const Value& grid, std::int64_t r0, std::int64_t r1, std::int64_t c0, std::int64_t c1,
             int arg, EvalCtx& ctx) noexcept {
  if (grid.is_grid()) {
    const GridObj& g = grid.as_grid();
    const std::int64_t rs = slice_bound(r0, g.h), re = slice_bound(r1, g.h);
    const std::int64_t cs = slice_bound(c0, g.w), ce = slice_bound(c1, g.w);
    const std::int64_t w = ce - cs;
    return make_grid_result(ctx, re - rs, w, [&](std::int8_t* out) {
      for (std::int64_t i = rs; i < re; ++i, out += w)
        std::memcpy(out, &g.cells()[i * g.w + cs], w);
    });
  }
  const std::int64_t n = len_of(grid);
  const std::int64_t rs = slice_bound(r0, n), re = slice_bound(r1, n);
  if (re <= rs) return empty_tuple();
  std::span<const Value> rows;
  if (Value err = items_of(grid, ctx, rows); err.is_error()) return err;
  TupleBuilder b(ctx, static_cast<std::size_t>(re - rs));
  for (std::int64_t i = rs; i < re; ++i) {
    const Value& r = rows[static_cast<std::size_t>(i)];
    if (!r.is_tuplelike()) return type_error(arg);
    const std::int64_t len = len_of(r);
    const Value x = slice_of(r, slice_bound(c0, len), slice_bound(c1, len), ctx);
    if (x.is_error()) return x;
    b.push(x);
  }
  return b.finish();
}

// ---- grid kernels --------------------------------------------------------------------------

// An oh x ow grid whose cell (i, j) is g's cell at flat index src(i, j).
template <typename Src>
Value remap_grid(const GridObj& g, std::int32_t oh, std::int32_t ow, EvalCtx& ctx,
                 Src src) noexcept {
  return make_grid_result(ctx, oh, ow, [&](std::int8_t* out) {
    const std::int8_t* in = g.cells();
    for (std::int32_t i = 0; i < oh; ++i) {
      for (std::int32_t j = 0; j < ow; ++j) *out++ = in[src(i, j)];
    }
  });
}

// ---- patches ---------------------------------------------------------------------------------

// The patch behind a piece that is not a tuple. The reference reads ulcorner(piece)[k]:
// IndexError for an empty set (ValueError where it unpacks it: dmirror); TypeError for
// anything that is not a patch.
Value patch_arg(const Value& p, bool& object, BBox& bb, bool unpack = false) noexcept {
  const PatchKind k = patch_kind(p);
  if (k == PatchKind::Empty) return unpack ? value_error(1) : index_error(1);
  if (k == PatchKind::Invalid) return type_error(1);
  object = k == PatchKind::Object;
  patch_bbox(p, bb);
  return Value::none();
}

// hmirror (across = false) or vmirror (true) within the bounding box. Rows taken bottom-up
// for hmirror, each row read backwards for vmirror, keep the canonical order: no sort.
Value flip_patch(const SetObj& s, bool object, const BBox& bb, bool across, EvalCtx& ctx) noexcept {
  const std::int64_t d = across ? bb.left + bb.right : bb.top + bb.bottom;
  SetBuilder b(ctx, s.n);
  for_each_run(s, object, [&](const Value* first, const Value* last) {
    for_each_row(first, last, !across, [&](const Value* rb, const Value* re) {
      for (std::ptrdiff_t k = 0; k < re - rb; ++k) {
        const Value* p = across ? re - 1 - k : rb + k;
        b.push(across ? patch_elem(object, p->cell_color(), p->a(), d - p->b())
                      : patch_elem(object, p->cell_color(), d - p->a(), p->b()));
      }
    });
  });
  return b.finish();
}

// Sort key of a location: unsigned order equals (i, j) order for int32 coordinates.
constexpr std::uint64_t loc_key(std::int64_t i, std::int64_t j) noexcept {
  return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(i) ^ 0x80000000u) << 32) |
         (static_cast<std::uint32_t>(j) ^ 0x80000000u);
}
constexpr std::int32_t key_i(std::uint64_t k) noexcept {
  return static_cast<std::int32_t>(static_cast<std::uint32_t>(k >> 32) ^ 0x80000000u);
}
constexpr std::int32_t key_j(std::uint64_t k) noexcept {
  return static_cast<std::int32_t>(static_cast<std::uint32_t>(k) ^ 0x80000000u);
}

// Every location mapped by fn(i, j, i', j'); each colour run is re-sorted by integer keys
// (cheaper than the builder's generic sort). Overflow error when a coordinate leaves int32.
template <typename Fn>
Value remap_patch(const SetObj& s, bool object, EvalCtx& ctx, Fn&& fn) noexcept {
  auto* keys = static_cast<std::uint64_t*>(ctx.alloc(s.n * sizeof(std::uint64_t)));
  if (!keys) return resource_error();
  SetBuilder b(ctx, s.n);
  bool overflow = false;
  for_each_run(s, object, [&](const Value* first, const Value* last) {
    std::size_t n = 0;
    for (const Value* p = first; p != last; ++p) {
      std::int64_t i = 0, j = 0;
      fn(std::int64_t{p->a()}, std::int64_t{p->b()}, i, j);
      overflow = overflow || !fits_i32(i) || !fits_i32(j);
      keys[n++] = loc_key(i, j);
    }
    std::sort(keys, keys + n);
    for (std::size_t k = 0; k < n; ++k) {
      b.push(patch_elem(object, first->cell_color(), key_i(keys[k]), key_j(keys[k])));
    }
  });
  return overflow ? overflow_error() : b.finish();
}

// ---- primitives ------------------------------------------------------------------------------

Value prim_rot90(Args a, EvalCtx& ctx) noexcept {
  if (const GridObj* g = get_grid(a[0])) {
    const std::int32_t h = g->h, w = g->w;
    return remap_grid(*g, w, h, ctx,
                      [=](std::int32_t i, std::int32_t j) { return (h - 1 - j) * w + i; });
  }
  if (!a[0].is_tuplelike()) return type_error(1);
  return zip_rows(a[0], {.rev_rows = true}, ctx);
}

Value prim_rot180(Args a, EvalCtx& ctx) noexcept {
  if (const GridObj* g = get_grid(a[0])) {
    const std::int32_t h = g->h, w = g->w;
    return remap_grid(*g, h, w, ctx, [=](std::int32_t i, std::int32_t j) {
      return (h - 1 - i) * w + (w - 1 - j);
    });
  }
  if (!a[0].is_tuplelike()) return type_error(1);
  const Value r = reversed_of(a[0], ctx);
  if (r.is_error()) return r;
  return map_rows(r, ctx, [&](const Value& row) { return reversed_row(row, ctx); });
}

Value prim_rot270(Args a, EvalCtx& ctx) noexcept {
  if (const GridObj* g = get_grid(a[0])) {
    const std::int32_t h = g->h, w = g->w;
    return remap_grid(*g, w, h, ctx,
                      [=](std::int32_t i, std::int32_t j) { return j * w + (w - 1 - i); });
  }
  if (!a[0].is_tuplelike()) return type_error(1);
  return zip_rows(a[0], {.rev_out = true}, ctx);
}

Value prim_hmirror(Args a, EvalCtx& ctx) noexcept {
  if (a[0].is_tuplelike()) return reversed_of(a[0], ctx);
  bool object = false;
  BBox bb{};
  if (Value err = patch_arg(a[0], object, bb); err.is_error()) return err;
  return flip_patch(a[0].as_set(), object, bb, false, ctx);
}

Value prim_vmirror(Args a, EvalCtx& ctx) noexcept {
  if (const GridObj* g = get_grid(a[0])) {
    const std::int32_t w = g->w;
    return remap_grid(*g, g->h, w, ctx,
                      [=](std::int32_t i, std::int32_t j) { return i * w + (w - 1 - j); });
  }
  if (a[0].is_tuplelike()) {
    return map_rows(a[0], ctx, [&](const Value& row) { return reversed_row(row, ctx); });
  }
  bool object = false;
  BBox bb{};
  if (Value err = patch_arg(a[0], object, bb); err.is_error()) return err;
  return flip_patch(a[0].as_set(), object, bb, true, ctx);
}

Value prim_dmirror(Args a, EvalCtx& ctx) noexcept {
  if (const GridObj* g = get_grid(a[0])) {
    const std::int32_t w = g->w;
    return remap_grid(*g, w, g->h, ctx, [=](std::int32_t i, std::int32_t j) { return j * w + i; });
  }
  if (a[0].is_tuplelike()) return zip_rows(a[0], {}, ctx);
  bool object = false;
  BBox bb{};
  if (Value err = patch_arg(a[0], object, bb, true); err.is_error()) return err;
  return remap_patch(a[0].as_set(), object, ctx,
                     [&](std::int64_t i, std::int64_t j, std::int64_t& oi, std::int64_t& oj) {
                       oi = j - bb.left + bb.top;
                       oj = i - bb.top + bb.left;
                     });
}

Value prim_cmirror(Args a, EvalCtx& ctx) noexcept {
  if (const GridObj* g = get_grid(a[0])) {
    const std::int32_t h = g->h, w = g->w;
    return remap_grid(*g, w, h, ctx, [=](std::int32_t i, std::int32_t j) {
      return (h - 1 - j) * w + (w - 1 - i);
    });
  }
  if (a[0].is_tuplelike()) return zip_rows(a[0], {.rev_rows = true, .rev_items = true}, ctx);
  bool object = false;
  BBox bb{};
  if (Value err = patch_arg(a[0], object, bb); err.is_error()) return err;
  // vmirror(dmirror(vmirror(p))) folded into one map: the anti-diagonal of the bounding box.
  return remap_patch(a[0].as_set(), object, ctx,
                     [&](std::int64_t i, std::int64_t j, std::int64_t& oi, std::int64_t& oj) {
                       oi = bb.top + bb.right - j;
                       oj = bb.left + bb.bottom - i;
                     });
}

Value prim_crop(Args a, EvalCtx& ctx) noexcept {
  std::int64_t r0 = 0, r1 = 0, c0 = 0, c1 = 0;
  if (Value err = slice_pair(a[1], a[2], 0, ctx, r0, r1); err.is_error()) return err;
  if (!a[0].is_tuplelike()) return type_error(1);
  // The column bounds are read per row: with no rows the reference never reads them.
  const std::int64_t n = len_of(a[0]);
  if (slice_bound(r1, n) <= slice_bound(r0, n)) return empty_tuple();
  if (Value err = slice_pair(a[1], a[2], 1, ctx, c0, c1); err.is_error()) return err;
  return window(a[0], r0, r1, c0, c1, 1, ctx);
}

Value prim_subgrid(Args a, EvalCtx& ctx) noexcept {
  BBox bb{};
  if (const GridObj* g = get_grid(a[0])) {
    // toindices keeps a grid whose first row has an int at [1]; ulcorner is then the
    // minima of its columns and shape its (h, w). Other tuples: Type error (deviation).
    if (g->w < 2) return index_error(1);
    bb = {INT8_MAX, INT8_MAX, 0, 0};
    for (std::int32_t i = 0; i < g->h; ++i) {
      bb.top = std::min<std::int64_t>(bb.top, g->at(i, 0));
      bb.left = std::min<std::int64_t>(bb.left, g->at(i, 1));
    }
    bb.bottom = bb.top + g->h - 1;
    bb.right = bb.left + g->w - 1;
  } else if (!patch_bbox(a[0], bb)) {
    // ulcorner of an empty patch is (), and crop reads ()[0].
    const bool empty = patch_kind(a[0]) == PatchKind::Empty || len_of(a[0]) == 0;
    return empty ? index_error(1) : type_error(1);
  }
  if (!a[1].is_tuplelike()) return type_error(2);
  return window(a[1], bb.top, bb.top + bb.height(), bb.left, bb.left + bb.width(), 2, ctx);
}

Value prim_tophalf(Args a, EvalCtx& ctx) noexcept {
  if (!a[0].is_tuplelike()) return type_error(1);
  return slice_of(a[0], 0, len_of(a[0]) / 2, ctx);
}

Value prim_bottomhalf(Args a, EvalCtx& ctx) noexcept {
  if (!a[0].is_tuplelike()) return type_error(1);
  const std::int64_t n = len_of(a[0]);
  return slice_of(a[0], n / 2 + n % 2, n, ctx);
}

// lefthalf/righthalf are rot270(tophalf/bottomhalf(rot90(grid))): the left / right w // 2
// columns of a Grid, and () when that is none (rot270 of () is ()).
Value side_half(const Value& grid, bool right, EvalCtx& ctx) noexcept {
  if (const GridObj* g = get_grid(grid)) {
    const std::int64_t half = g->w / 2;
    if (half == 0) return empty_tuple();
    const std::int64_t c0 = right ? g->w - half : 0;
    return window(grid, 0, g->h, c0, c0 + half, 1, ctx);
  }
  Value r = prim_rot90(Args(&grid, 1), ctx);
  if (r.is_error()) return r;
  r = right ? prim_bottomhalf(Args(&r, 1), ctx) : prim_tophalf(Args(&r, 1), ctx);
  if (r.is_error()) return r;
  return prim_rot270(Args(&r, 1), ctx);
}

Value prim_lefthalf(Args a, EvalCtx& ctx) noexcept {
  return side_half(a[0], false, ctx);
}
Value prim_righthalf(Args a, EvalCtx& ctx) noexcept {
  return side_half(a[0], true, ctx);
}

Value prim_trim(Args a, EvalCtx& ctx) noexcept {
  if (!a[0].is_tuplelike()) return type_error(1);
  return window(a[0], 1, -1, 1, -1, 1, ctx);
}

// hsplit/vsplit: n crops of size `size` along one axis, starting every size + offset (one
// separator skipped when the length is not divisible by n).
Value split(const Value& grid, const Value& nv, bool vertical, EvalCtx& ctx) noexcept {
  if (!is_container(grid)) return type_error(1);  // len(grid)
  std::int64_t n = 0;
  const bool n_ok = get_int(nv, n);
  // vsplit divides len(grid) by n before it reads grid[0]; hsplit divides len(grid[0]).
  if (vertical && !n_ok) return type_error(2);
  if (vertical && n == 0) return zero_division_error(2);
  if (grid.is_set()) return type_error(1);
  const std::int64_t h = len_of(grid);
  if (h == 0) return index_error(1);
  const std::int64_t w = first_row_len(grid, ctx);
  if (w < 0) return type_error(1);
  if (!n_ok) return type_error(2);
  if (n == 0) return zero_division_error(2);
  if (n < 0) return empty_tuple();
  const std::int64_t len = vertical ? h : w;
  const std::int64_t size = len / n, step = size + (len % n != 0);
  TupleBuilder b(ctx, static_cast<std::size_t>(std::min<std::int64_t>(n, UINT32_MAX)));
  Value piece;
  for (std::int64_t k = 0; k < n && b.ok(); ++k) {
    // Zero-sized pieces are all alike: build one and share it.
    if (k == 0 || size > 0) {
      const std::int64_t s = size > 0 ? k * step : 0;
      piece = vertical ? window(grid, s, s + size, 0, w, 1, ctx)
                       : window(grid, 0, h, s, s + size, 1, ctx);
      if (piece.is_error()) return piece;
    }
    b.push(piece);
  }
  return b.finish();
}

Value prim_hsplit(Args a, EvalCtx& ctx) noexcept {
  return split(a[0], a[1], false, ctx);
}
Value prim_vsplit(Args a, EvalCtx& ctx) noexcept {
  return split(a[0], a[1], true, ctx);
}

using K = Kind;

constexpr PrimInfo kTable[] = {
    {"rot90", prim_rot90, 1, {K::Grid}, K::Grid},
    {"rot180", prim_rot180, 1, {K::Grid}, K::Grid},
    {"rot270", prim_rot270, 1, {K::Grid}, K::Grid},
    {"hmirror", prim_hmirror, 1, {K::Piece}, K::Piece},
    {"vmirror", prim_vmirror, 1, {K::Piece}, K::Piece},
    {"dmirror", prim_dmirror, 1, {K::Piece}, K::Piece},
    {"cmirror", prim_cmirror, 1, {K::Piece}, K::Piece},
    {"crop", prim_crop, 3, {K::Grid, K::IntegerTuple, K::IntegerTuple}, K::Grid},
    {"subgrid", prim_subgrid, 2, {K::Patch, K::Grid}, K::Grid},
    {"tophalf", prim_tophalf, 1, {K::Grid}, K::Grid},
    {"bottomhalf", prim_bottomhalf, 1, {K::Grid}, K::Grid},
    {"lefthalf", prim_lefthalf, 1, {K::Grid}, K::Grid},
    {"righthalf", prim_righthalf, 1, {K::Grid}, K::Grid},
    {"hsplit", prim_hsplit, 2, {K::Grid, K::Integer}, K::Tuple},
    {"vsplit", prim_vsplit, 2, {K::Grid, K::Integer}, K::Tuple},
    {"trim", prim_trim, 1, {K::Grid}, K::Grid},
};

}  // namespace

std::span<const PrimInfo> detail::grid_prims() noexcept {
  return kTable;
}

}  // namespace batt::dsl
