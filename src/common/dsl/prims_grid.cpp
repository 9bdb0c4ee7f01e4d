// Grid primitives: rotations and mirrors (rot90, rot180, rot270, hmirror, vmirror, dmirror,
// cmirror), windows (crop, subgrid, tophalf, bottomhalf, lefthalf, righthalf, trim, hsplit,
// vsplit), concatenation (hconcat, vconcat) and scaling (downscale, hupscale, vupscale,
// upscale).
//
// Each primitive has a fast path over the int8 cells of a Grid, and the mirrors and upscale
// one over sorted Indices / Objects that pushes the result in canonical order where it can.
// Any other tuple follows the reference's Python expression (slices, zip, +) item by item
// through the generic helpers below; TupleBuilder normalises what they build, so Python's
// empty results (`()`, a tuple of empty rows) and ragged tuples come out as the reference's.
#include <algorithm>
#include <cstring>

#include "dsl/grid.hpp"
#include "dsl/patch.hpp"
#include "dsl/registry.hpp"
#include "dsl/set.hpp"
#include "dsl/tuple.hpp"

namespace batt::dsl {

namespace {

using Span = std::span<const Value>;

// ---- Python slicing and tuple operations (the generic paths) -------------------------------

// A slice bound clamped to [0, n] as Python does (a negative bound counts from the end).
constexpr std::int64_t slice_bound(std::int64_t x, std::int64_t n) noexcept {
  return x < 0 ? std::max<std::int64_t>(x + n, 0) : std::min(x, n);
}

// start + count, saturated: Python's big ints clamp to the same slice bound.
constexpr std::int64_t sat_add(std::int64_t a, std::int64_t b) noexcept {
  std::int64_t r = 0;
  if (__builtin_add_overflow(a, b, &r)) return b > 0 ? INT64_MAX : INT64_MIN;
  return r;
}

// Whether `for x in v` works: tuples and sets.
bool iterable(const Value& v) noexcept {
  return v.is_tuplelike() || v.is_set();
}

// v[s:e] for a tuple-like v, bounds already clamped to [0, len(v)].
Value slice_of(const Value& v, std::int64_t s, std::int64_t e, EvalCtx& ctx) noexcept {
  if (e <= s) return empty_tuple();
  if (v.is_grid()) {
    const GridObj& g = v.as_grid();
    return make_grid_result(ctx, e - s, g.w, [&](std::int8_t* out) {
      std::memcpy(out, g.cells() + s * g.w, static_cast<std::size_t>((e - s) * g.w));
    });
  }
  if (v.is_tuple() && s == 0 && e == v.as_tuple().n) return v;
  Span items;
  if (Value err = items_of(v, ctx, items); err.is_error()) return err;
  return tuple_of(items.subspan(static_cast<std::size_t>(s), static_cast<std::size_t>(e - s)), ctx);
}

// v[::-1] for a tuple-like v.
Value reversed_of(const Value& v, EvalCtx& ctx) noexcept {
  if (v.is_pair()) return Value::pair(v.b(), v.a());
  if (v.is_grid()) {
    const GridObj& g = v.as_grid();
    return make_grid_result(ctx, g.h, g.w, [&](std::int8_t* out) {
      for (std::int32_t i = g.h; i-- > 0; out += g.w) std::memcpy(out, g.row(i).data(), g.w);
    });
  }
  Span items;
  if (Value err = items_of(v, ctx, items); err.is_error()) return err;
  TupleBuilder b(ctx, items.size());
  for (std::size_t k = items.size(); k-- > 0;) b.push(items[k]);
  return b.finish();
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
    if (o.rev_items ? !rows[r].is_tuplelike() : !iterable(rows[r])) return type_error(1);
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

// Python `a + b`: ints add, tuples concatenate, anything else is a TypeError.
Value py_add(const Value& a, const Value& b, EvalCtx& ctx) noexcept {
  if (a.is_intlike() && b.is_intlike()) {
    std::int64_t r = 0;
    if (__builtin_add_overflow(a.as_int(), b.as_int(), &r)) return overflow_error();
    return Value::integer(r);
  }
  if (!a.is_tuplelike()) return type_error(1);
  if (!b.is_tuplelike()) return type_error(2);
  if (len_of(b) == 0) return a;
  if (len_of(a) == 0) return b;
  Span x, y;
  if (Value err = items_of(a, ctx, x); err.is_error()) return err;
  if (Value err = items_of(b, ctx, y); err.is_error()) return err;
  TupleBuilder t(ctx, x.size() + y.size());
  for (const Value& v : x) t.push(v);
  for (const Value& v : y) t.push(v);
  return t.finish();
}

// Python `v[k]` for crop's start and dims: Type error when v is not subscriptable, Index error
// when it is too short.
Value subscript(const Value& v, std::size_t k, int arg, EvalCtx& ctx, Value& out) noexcept {
  if (!v.is_tuplelike()) return type_error(arg);
  if (static_cast<std::int64_t>(k) >= len_of(v)) return index_error(arg);
  out = tuple_item(v, k, ctx);
  return out.is_error() ? out : Value::none();
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

// tuple(r[c0:c1] for r in grid[r0:r1]) with unclamped Python bounds; grid is tuple-like.
Value window(const Value& grid, std::int64_t r0, std::int64_t r1, std::int64_t c0, std::int64_t c1,
             EvalCtx& ctx) noexcept {
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
  Span rows;
  if (Value err = items_of(grid, ctx, rows); err.is_error()) return err;
  TupleBuilder b(ctx, static_cast<std::size_t>(re - rs));
  for (std::int64_t i = rs; i < re; ++i) {
    const Value& r = rows[static_cast<std::size_t>(i)];
    if (!r.is_tuplelike()) return type_error(1);
    const std::int64_t len = len_of(r);
    const Value x = slice_of(r, slice_bound(c0, len), slice_bound(c1, len), ctx);
    if (x.is_error()) return x;
    b.push(x);
  }
  return b.finish();
}

// len(grid[0]) for a tuple-like grid with at least one row; -1 when that row has no len.
std::int64_t first_row_len(const Value& grid, EvalCtx& ctx) noexcept {
  if (grid.is_grid()) return grid.as_grid().w;
  return len_of(tuple_item(grid, 0, ctx));
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

// Whether an h x w grid scaled by (fh, fw) stays within the item cap (no int64 overflow).
bool scaled_ok(const GridObj& g, std::int64_t fh, std::int64_t fw, const EvalCtx& ctx) noexcept {
  const std::uint64_t cap = ctx.limits().max_items;
  if (static_cast<std::uint64_t>(fh) > cap || static_cast<std::uint64_t>(fw) > cap) return false;
  return ctx.items_ok(g.area() * static_cast<std::uint64_t>(fh) * static_cast<std::uint64_t>(fw));
}

// g with every cell repeated fw times across and every row fh times down (fh, fw >= 1).
Value scale_grid(const GridObj& g, std::int64_t fh, std::int64_t fw, EvalCtx& ctx) noexcept {
  if (!scaled_ok(g, fh, fw, ctx)) return resource_error();
  const std::int64_t ow = g.w * fw;
  return make_grid_result(ctx, g.h * fh, ow, [&](std::int8_t* out) {
    for (std::int32_t i = 0; i < g.h; ++i) {
      std::int8_t* first = out;
      if (fw == 1) {
        std::memcpy(out, g.row(i).data(), g.w);
      } else {
        for (std::int8_t v : g.row(i)) {
          for (std::int64_t k = 0; k < fw; ++k) *out++ = v;  // fw is small: cheaper than memset
        }
        out = first;
      }
      out += ow;
      for (std::int64_t r = 1; r < fh; ++r, out += ow) std::memcpy(out, first, ow);
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

Value patch_item(bool object, std::int32_t c, std::int64_t i, std::int64_t j) noexcept {
  const auto ii = static_cast<std::int32_t>(i), jj = static_cast<std::int32_t>(j);
  return object ? Value::cell(c, ii, jj) : Value::pair(ii, jj);
}

// Calls fn(first, last) for each run of one colour (sorted cells are colour-major), or once
// for the whole set of Indices. Inside a run, locations are sorted by (i, j).
template <typename Fn>
void for_each_run(const SetObj& s, bool object, Fn&& fn) noexcept {
  const Value* it = s.items();
  const Value* end = it + s.n;
  while (it != end) {
    const Value* run = end;
    if (object) {
      run = it + 1;
      while (run != end && run->cell_color() == it->cell_color()) ++run;
    }
    fn(it, run);
    it = run;
  }
}

// Calls fn(first, last) for each row (equal i) of a sorted run, from the top or the bottom.
template <typename Fn>
void for_each_row(const Value* first, const Value* last, bool bottom_up, Fn&& fn) noexcept {
  if (bottom_up) {
    for (const Value* e = last; e != first;) {
      const Value* b = e - 1;
      while (b != first && (b - 1)->a() == b->a()) --b;
      fn(b, e);
      e = b;
    }
    return;
  }
  for (const Value* b = first; b != last;) {
    const Value* e = b + 1;
    while (e != last && e->a() == b->a()) ++e;
    fn(b, e);
    b = e;
  }
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
        b.push(across ? patch_item(object, p->cell_color(), p->a(), d - p->b())
                      : patch_item(object, p->cell_color(), d - p->a(), p->b()));
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
      b.push(patch_item(object, first->cell_color(), key_i(keys[k]), key_j(keys[k])));
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
  return window(a[0], r0, r1, c0, c1, ctx);
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
  return window(a[1], bb.top, bb.top + bb.height(), bb.left, bb.left + bb.width(), ctx);
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
    return window(grid, 0, g->h, c0, c0 + half, ctx);
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
  return window(a[0], 1, -1, 1, -1, ctx);
}

// hsplit/vsplit: n crops of size `size` along one axis, starting every size + offset (one
// separator skipped when the length is not divisible by n).
Value split(const Value& grid, const Value& nv, bool vertical, EvalCtx& ctx) noexcept {
  if (!iterable(grid)) return type_error(1);  // len(grid)
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
      piece =
          vertical ? window(grid, s, s + size, 0, w, ctx) : window(grid, 0, h, s, s + size, ctx);
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

Value prim_hconcat(Args a, EvalCtx& ctx) noexcept {
  const GridObj* x = get_grid(a[0]);
  const GridObj* y = get_grid(a[1]);
  if (x && y) {
    const std::int32_t h = std::min(x->h, y->h);
    return make_grid_result(ctx, h, std::int64_t{x->w} + y->w, [&](std::int8_t* out) {
      for (std::int32_t i = 0; i < h; ++i) {
        std::memcpy(out, x->row(i).data(), x->w);
        std::memcpy(out + x->w, y->row(i).data(), y->w);
        out += x->w + y->w;
      }
    });
  }
  if (!iterable(a[0])) return type_error(1);
  if (!iterable(a[1])) return type_error(2);
  Span rx, ry;
  if (Value err = items_of(a[0], ctx, rx); err.is_error()) return err;
  if (Value err = items_of(a[1], ctx, ry); err.is_error()) return err;
  const std::size_t h = std::min(rx.size(), ry.size());
  TupleBuilder b(ctx, h);
  for (std::size_t i = 0; i < h; ++i) {
    const Value r = py_add(rx[i], ry[i], ctx);
    if (r.is_error()) return r;
    b.push(r);
  }
  return b.finish();
}

Value prim_vconcat(Args a, EvalCtx& ctx) noexcept {
  const GridObj* x = get_grid(a[0]);
  const GridObj* y = get_grid(a[1]);
  if (x && y && x->w == y->w) {
    return make_grid_result(ctx, std::int64_t{x->h} + y->h, x->w, [&](std::int8_t* out) {
      std::memcpy(out, x->cells(), x->area());
      std::memcpy(out + x->area(), y->cells(), y->area());
    });
  }
  return py_add(a[0], a[1], ctx);
}

Value prim_downscale(Args a, EvalCtx& ctx) noexcept {
  const Value& grid = a[0];
  if (!grid.is_tuplelike()) return type_error(1);
  const std::int64_t h = len_of(grid);
  if (h == 0) return index_error(1);
  const std::int64_t w = first_row_len(grid, ctx);
  if (w < 0) return type_error(1);
  std::int64_t f = 0;
  if (!get_int(a[1], f)) return type_error(2);
  if (f == 0) return zero_division_error(2);
  // x % f == 0 does not depend on the sign of f.
  const std::int64_t step = f == INT64_MIN ? INT64_MAX : (f < 0 ? -f : f);
  const std::int64_t oh = (h - 1) / step + 1, ow = w == 0 ? 0 : (w - 1) / step + 1;
  if (const GridObj* g = get_grid(grid)) {
    return make_grid_result(ctx, oh, ow, [&](std::int8_t* out) {
      for (std::int64_t i = 0; i < h; i += step) {
        for (std::int64_t j = 0; j < w; j += step) *out++ = g->cells()[i * w + j];
      }
    });
  }
  if (w == 0) return empty_rows(ctx, oh);
  // Every row is read at columns 0, step, ... < w (the reference walks all rows first).
  Span rows;
  if (Value err = items_of(grid, ctx, rows); err.is_error()) return err;
  for (const Value& r : rows) {
    if (!r.is_tuplelike()) return type_error(1);
    if (len_of(r) <= (ow - 1) * step) return index_error(1);
  }
  TupleBuilder b(ctx, static_cast<std::size_t>(oh));
  for (std::int64_t i = 0; i < h; i += step) {
    Span items;
    if (Value err = items_of(rows[static_cast<std::size_t>(i)], ctx, items); err.is_error()) {
      return err;
    }
    TupleBuilder r(ctx, static_cast<std::size_t>(ow));
    for (std::int64_t j = 0; j < w; j += step) r.push(items[static_cast<std::size_t>(j)]);
    const Value row = r.finish();
    if (row.is_error()) return row;
    b.push(row);
  }
  return b.finish();
}

// hupscale (across), vupscale (down) and upscale (both) of any tuple, as the reference's
// loops: rows must be iterable where their items are repeated, and the factor is only read
// (TypeError if not an int) once there is something to repeat.
Value upscale_generic(const Value& grid, const Value& fv, bool across, bool down,
                      EvalCtx& ctx) noexcept {
  if (!iterable(grid)) return type_error(1);
  Span rows;
  if (Value err = items_of(grid, ctx, rows); err.is_error()) return err;
  if (rows.empty()) return empty_tuple();
  std::int64_t f = 0;
  const bool f_ok = get_int(fv, f);
  // Clamped just over the item cap: the builders then fail with Resource, without overflow.
  const std::int64_t cap = ctx.limits().max_items;
  const auto fr = static_cast<std::size_t>(f_ok && f > 0 ? std::min(f, cap + 1) : 0);
  const std::size_t nd = down ? fr : 1, na = across ? fr : 1;
  TupleBuilder b(ctx, rows.size() * nd);
  for (const Value& row : rows) {
    // A row is only unpacked when its items are repeated (hupscale, upscale).
    Value out = row;
    if (across) {
      if (!iterable(row)) return type_error(1);
      Span items;
      if (Value err = items_of(row, ctx, items); err.is_error()) return err;
      if (!items.empty() && !f_ok) return type_error(2);
      TupleBuilder r(ctx, items.size() * na);
      for (const Value& v : items) {
        for (std::size_t k = 0; k < na; ++k) r.push(v);
      }
      out = r.finish();
      if (out.is_error()) return out;
    }
    if (down && !f_ok) return type_error(2);
    for (std::size_t k = 0; k < nd; ++k) b.push(out);
  }
  return b.finish();
}

Value prim_hupscale(Args a, EvalCtx& ctx) noexcept {
  std::int64_t f = 0;
  if (const GridObj* g = get_grid(a[0]); g && get_int(a[1], f)) {
    return f <= 0 ? empty_rows(ctx, g->h) : scale_grid(*g, 1, f, ctx);
  }
  return upscale_generic(a[0], a[1], true, false, ctx);
}

Value prim_vupscale(Args a, EvalCtx& ctx) noexcept {
  std::int64_t f = 0;
  if (const GridObj* g = get_grid(a[0]); g && get_int(a[1], f)) {
    return f <= 0 ? empty_tuple() : scale_grid(*g, f, 1, ctx);
  }
  return upscale_generic(a[0], a[1], false, true, ctx);
}

// upscale of an object: each cell becomes an f x f block, anchored at the upper-left corner.
// Colour runs, then rows, then the f copies of a row keep the canonical order.
Value upscale_object(const SetObj& s, const Value& fv, EvalCtx& ctx) noexcept {
  std::int64_t f = 0;
  if (!get_int(fv, f)) return type_error(2);
  if (f <= 0) return value_error();  // shift of the empty result reads its first element
  BBox bb{};
  patch_bbox(Value::set(&s), bb);
  const std::uint64_t cap = ctx.limits().max_items;
  if (static_cast<std::uint64_t>(f) > cap || !ctx.items_ok(std::uint64_t{s.n} * f * f)) {
    return resource_error();
  }
  if (!fits_i32(bb.top + bb.height() * f - 1) || !fits_i32(bb.left + bb.width() * f - 1)) {
    return overflow_error();
  }
  SetBuilder b(ctx, static_cast<std::size_t>(std::uint64_t{s.n} * f * f));
  for_each_run(s, true, [&](const Value* first, const Value* last) {
    const std::int32_t c = first->cell_color();
    for_each_row(first, last, false, [&](const Value* rb, const Value* re) {
      const std::int64_t i0 = (rb->a() - bb.top) * f + bb.top;
      for (std::int64_t i = i0; i < i0 + f; ++i) {
        for (const Value* p = rb; p != re; ++p) {
          const std::int64_t j0 = (p->b() - bb.left) * f + bb.left;
          for (std::int64_t j = j0; j < j0 + f; ++j) b.push(patch_item(true, c, i, j));
        }
      }
    });
  });
  return b.finish();
}

Value prim_upscale(Args a, EvalCtx& ctx) noexcept {
  std::int64_t f = 0;
  if (const GridObj* g = get_grid(a[0]); g && get_int(a[1], f)) {
    return f <= 0 ? empty_tuple() : scale_grid(*g, f, f, ctx);
  }
  if (a[0].is_tuplelike()) return upscale_generic(a[0], a[1], true, true, ctx);
  switch (patch_kind(a[0])) {
    case PatchKind::Empty:
      return empty_set();
    case PatchKind::Object:
      return upscale_object(a[0].as_set(), a[1], ctx);
    // Indices: `for value, (i, j) in obj` cannot unpack an int.
    default:
      return type_error(1);
  }
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
    {"hconcat", prim_hconcat, 2, {K::Grid, K::Grid}, K::Grid},
    {"vconcat", prim_vconcat, 2, {K::Grid, K::Grid}, K::Grid},
    {"trim", prim_trim, 1, {K::Grid}, K::Grid},
    {"downscale", prim_downscale, 2, {K::Grid, K::Integer}, K::Grid},
    {"hupscale", prim_hupscale, 2, {K::Grid, K::Integer}, K::Grid},
    {"vupscale", prim_vupscale, 2, {K::Grid, K::Integer}, K::Grid},
    {"upscale", prim_upscale, 2, {K::Element, K::Integer}, K::Element},
};

}  // namespace

std::span<const PrimInfo> detail::grid_prims() noexcept {
  return kTable;
}

}  // namespace batt::dsl
