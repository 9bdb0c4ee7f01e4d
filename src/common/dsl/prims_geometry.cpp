// Geometry primitives: corners, connect, vfrontier, hfrontier, backdrop, delta, gravitate,
// inbox, outbox, box, shoot, hperiod, vperiod; and, to keep prims_patch.cpp within size, the
// location generators dneighbors, ineighbors, neighbors and the distances manhattan,
// adjacent (registered here, listed with the patch family in arc-dsl.md).
//
// Most build small index sets (neighbours, lines, rectangles, outlines): they are pushed in
// ascending (i, j) order, so SetBuilder never sorts. Patches are read through read_patch()
// (patch.hpp: sets or tuples, kind from the first element, like the reference). Coordinates that
// would leave int32 give an Overflow error (Python has big ints).
#include <algorithm>
#include <array>
#include <cstdlib>
#include <initializer_list>

#include "dsl/patch.hpp"
#include "dsl/pyops.hpp"
#include "dsl/registry.hpp"
#include "dsl/set.hpp"
#include "dsl/tuple.hpp"

namespace batt::dsl {

namespace {

bool all_fit(std::initializer_list<std::int64_t> xs) noexcept {
  for (std::int64_t x : xs) {
    if (!fits_i32(x)) return false;
  }
  return true;
}

Value loc(std::int64_t i, std::int64_t j) noexcept {
  return Value::pair(static_cast<std::int32_t>(i), static_cast<std::int32_t>(j));
}

// A patch read by read_patch() and, when it is not empty, its bounding box.
struct Locs : PatchView {
  BBox box{};
};

Value read_locs(const Value& patch, int arg, EvalCtx& ctx, Locs& out) noexcept {
  if (Value e = read_patch(patch, arg, ctx, out); e.is_error()) return e;
  if (out.len > 0) out.box = bbox_of(out);
  return Value::none();
}

// A patch that must not be empty (the reference takes min() of its rows).
Value read_box(const Value& patch, int arg, EvalCtx& ctx, Locs& out) noexcept {
  return read_nonempty_patch(patch, arg, ctx, out, out.box);
}

// The segment from (ai, aj) to (bi, bj): horizontal, vertical or 45-degree diagonal, else
// the empty set.
Value segment(std::int64_t ai, std::int64_t aj, std::int64_t bi, std::int64_t bj,
              EvalCtx& ctx) noexcept {
  if (!all_fit({ai, aj, bi, bj})) return overflow_error();
  const std::int64_t si = std::min(ai, bi), ei = std::max(ai, bi);
  const std::int64_t sj = std::min(aj, bj), ej = std::max(aj, bj);
  const bool diag = bi - ai == bj - aj, anti = bi - ai == aj - bj;
  if (ai != bi && aj != bj && !diag && !anti) return empty_set();
  const std::int64_t n = (ai == bi ? ej - sj : ei - si) + 1;
  if (!ctx.items_ok(static_cast<std::uint64_t>(n))) return resource_error();
  SetBuilder b(ctx, static_cast<std::size_t>(n));
  for (std::int64_t k = 0; k < n; ++k) {
    if (ai == bi) {
      b.push(loc(ai, sj + k));
    } else if (aj == bj) {
      b.push(loc(si + k, aj));
    } else {
      b.push(loc(si + k, diag ? sj + k : ej - k));
    }
  }
  return b.finish();
}

// The outline of the rectangle [si, ei] x [sj, ej] (si <= ei, sj <= ej), row by row.
Value outline(std::int64_t si, std::int64_t sj, std::int64_t ei, std::int64_t ej,
              EvalCtx& ctx) noexcept {
  if (!all_fit({si, sj, ei, ej})) return overflow_error();
  const std::int64_t rows = ei - si + 1, cols = ej - sj + 1;
  const std::int64_t n = rows == 1 ? cols : (cols == 1 ? rows : 2 * cols + 2 * (rows - 2));
  if (!ctx.items_ok(static_cast<std::uint64_t>(n))) return resource_error();
  SetBuilder b(ctx, static_cast<std::size_t>(n));
  for (std::int64_t j = sj; j <= ej; ++j) b.push(loc(si, j));
  for (std::int64_t i = si + 1; i < ei; ++i) {
    b.push(loc(i, sj));
    b.push(loc(i, ej));  // equal to the previous one when cols == 1: skipped
  }
  if (ei != si) {
    for (std::int64_t j = sj; j <= ej; ++j) b.push(loc(ei, j));
  }
  return b.finish();
}

// Every location of the box, except those of `skip` (a set sorted canonically) if given.
Value rectangle(const BBox& box, const SetObj* skip, EvalCtx& ctx) noexcept {
  const std::int64_t h = box.height(), w = box.width();
  const std::uint64_t cap = ctx.limits().max_items;
  if (static_cast<std::uint64_t>(h) > cap || static_cast<std::uint64_t>(w) > cap ||
      !ctx.items_ok(static_cast<std::uint64_t>(h) * static_cast<std::uint64_t>(w))) {
    return resource_error();
  }
  SetBuilder b(ctx, static_cast<std::size_t>(h * w));
  const bool merge = skip && skip->kind == SetKind::Pairs;
  std::size_t p = 0;
  for (std::int64_t i = box.top; i <= box.bottom; ++i) {
    for (std::int64_t j = box.left; j <= box.right; ++j) {
      const Value v = loc(i, j);
      if (merge) {
        // Both run in (i, j) order: advance the patch pointer past smaller locations.
        while (p < skip->n && (skip->items()[p].a() < i ||
                               (skip->items()[p].a() == i && skip->items()[p].b() < j))) {
          ++p;
        }
        if (p < skip->n && skip->items()[p].a() == i && skip->items()[p].b() == j) continue;
      } else if (skip && set_contains(*skip, v)) {
        continue;
      }
      b.push(v);
    }
  }
  return b.finish();
}

// loc[0] and loc[1], both ints, read in the reference's order (`loc[0] - 1` is evaluated
// before `loc[1]` is read; any tuple of two or more).
Value read_loc(const Value& v, int arg, EvalCtx& ctx, Value& x, Value& y) noexcept {
  if (v.is_pair()) {
    x = Value::integer(v.a());
    y = Value::integer(v.b());
    return Value::none();
  }
  if (Value e = subscript(v, 0, arg, ctx, x); e.is_error()) return e;
  if (!x.is_intlike()) return type_error(arg);
  if (Value e = subscript(v, 1, arg, ctx, y); e.is_error()) return e;
  if (!y.is_intlike()) return type_error(arg);
  return Value::none();
}

// loc + each offset; offsets are listed in ascending order, so no sort happens. A coordinate
// with offset 0 is loc's own item, as in the reference (a bool stays a bool).
template <std::size_t N>
Value offsets_set(const Value& loc, const std::array<std::array<int, 2>, N>& offs,
                  EvalCtx& ctx) noexcept {
  Value x, y;
  if (Value e = read_loc(loc, 1, ctx, x, y); e.is_error()) return e;
  const std::int64_t i = x.as_int(), j = y.as_int();
  if (!fits_i32(i) || !fits_i32(j)) return overflow_error(1);
  const bool plain = x.is_int() && y.is_int();
  SetBuilder b(ctx, N);
  for (const auto& o : offs) {
    if (!fits_i32(i + o[0]) || !fits_i32(j + o[1])) return overflow_error(1);
    if (plain) {
      b.push(Value::pair(static_cast<std::int32_t>(i + o[0]), static_cast<std::int32_t>(j + o[1])));
      continue;
    }
    const Value t = tuple2(o[0] == 0 ? x : Value::integer(i + o[0]),
                           o[1] == 0 ? y : Value::integer(j + o[1]), ctx);
    if (t.is_error()) return t;
    b.push(t);
  }
  return b.finish();
}

constexpr std::array<std::array<int, 2>, 4> kDirect = {{{-1, 0}, {0, -1}, {0, 1}, {1, 0}}};
constexpr std::array<std::array<int, 2>, 4> kDiagonal = {{{-1, -1}, {-1, 1}, {1, -1}, {1, 1}}};
constexpr std::array<std::array<int, 2>, 8> kAll = {
    {{-1, -1}, {-1, 0}, {-1, 1}, {0, -1}, {0, 1}, {1, -1}, {1, 0}, {1, 1}}};

Value prim_dneighbors(Args a, EvalCtx& ctx) noexcept {
  return offsets_set(a[0], kDirect, ctx);
}
Value prim_ineighbors(Args a, EvalCtx& ctx) noexcept {
  return offsets_set(a[0], kDiagonal, ctx);
}
Value prim_neighbors(Args a, EvalCtx& ctx) noexcept {
  return offsets_set(a[0], kAll, ctx);
}

Value prim_corners(Args a, EvalCtx& ctx) noexcept {
  Locs p;
  if (Value e = read_locs(a[0], 1, ctx, p); e.is_error()) return e;
  const BBox& box = p.box;
  if (p.len == 0) {
    // Every corner of an empty patch is `()`.
    SetBuilder b(ctx, 1);
    b.push(empty_tuple());
    return b.finish();
  }
  SetBuilder b(ctx, 4);
  b.push(loc(box.top, box.left));
  b.push(loc(box.top, box.right));
  b.push(loc(box.bottom, box.left));
  b.push(loc(box.bottom, box.right));
  return b.finish();
}

Value prim_connect(Args a, EvalCtx& ctx) noexcept {
  std::int64_t ai = 0, aj = 0, bi = 0, bj = 0;
  if (Value e = unpack_int_pair(a[0], 1, ai, aj); e.is_error()) return e;
  if (Value e = unpack_int_pair(a[1], 2, bi, bj); e.is_error()) return e;
  return segment(ai, aj, bi, bj, ctx);
}

// (i, loc[1]) for i in 0..29, or (loc[0], j) for j in 0..29; the fixed item may be any value.
Value frontier(const Value& location, bool vertical, EvalCtx& ctx) noexcept {
  Value fixed;
  if (Value e = subscript(location, vertical ? 1 : 0, 1, ctx, fixed); e.is_error()) return e;
  constexpr int kLength = 30;
  SetBuilder b(ctx, kLength);
  for (int k = 0; k < kLength; ++k) {
    if (fixed.is_int() && fits_i32(fixed.as_int())) {
      const auto f = static_cast<std::int32_t>(fixed.as_int());
      b.push(vertical ? Value::pair(k, f) : Value::pair(f, k));
    } else {
      const Value t =
          vertical ? tuple2(Value::integer(k), fixed, ctx) : tuple2(fixed, Value::integer(k), ctx);
      if (t.is_error()) return t;
      b.push(t);
    }
  }
  return b.finish();
}

Value prim_vfrontier(Args a, EvalCtx& ctx) noexcept {
  return frontier(a[0], true, ctx);
}
Value prim_hfrontier(Args a, EvalCtx& ctx) noexcept {
  return frontier(a[0], false, ctx);
}

// backdrop(patch), and delta: backdrop(patch) - toindices(patch), where a tuple of locations
// stays a tuple under toindices, and frozenset - tuple raises.
Value backdrop_of(const Value& patch, bool minus_indices, EvalCtx& ctx) noexcept {
  const std::int64_t n = len_of(patch);
  if (n < 0) return type_error(1);
  if (n == 0) return empty_set();
  Locs p;
  if (Value e = read_box(patch, 1, ctx, p); e.is_error()) return e;
  if (!minus_indices) return rectangle(p.box, nullptr, ctx);
  const Value ind = to_indices(patch, 1, ctx);
  if (ind.is_error()) return ind;
  if (!ind.is_set()) return type_error(1);
  return rectangle(p.box, &ind.as_set(), ctx);
}

Value prim_backdrop(Args a, EvalCtx& ctx) noexcept {
  return backdrop_of(a[0], false, ctx);
}
Value prim_delta(Args a, EvalCtx& ctx) noexcept {
  return backdrop_of(a[0], true, ctx);
}

constexpr std::int64_t kDtCells = 4096;  // distance-transform window (64 x 64), on the stack

std::int64_t dist_to_box(std::int64_t i, std::int64_t j, const BBox& b) noexcept {
  const std::int64_t di = i < b.top ? b.top - i : (i > b.bottom ? i - b.bottom : 0);
  const std::int64_t dj = j < b.left ? b.left - j : (j > b.right ? j - b.right : 0);
  return di + dj;
}

// L1 distance to the nearest cell of b for every cell of a window, by the two-pass chamfer
// (exact for the city-block metric); then the minimum over a's cells shifted by (di, dj).
std::int64_t min_distance_dt(const Locs& a, const Locs& b, std::int64_t di, std::int64_t dj,
                             std::int64_t top, std::int64_t left, std::int64_t h,
                             std::int64_t w) noexcept {
  std::array<std::uint16_t, kDtCells> d;
  constexpr std::uint16_t kFar = 0x7fff;
  std::fill_n(d.begin(), h * w, kFar);
  for (const Value& y : b.locs) d[(y.a() - top) * w + (y.b() - left)] = 0;
  for (std::int64_t r = 0; r < h; ++r) {
    for (std::int64_t c = 0; c < w; ++c) {
      std::uint16_t& x = d[r * w + c];
      if (r > 0) x = std::min<std::uint16_t>(x, d[(r - 1) * w + c] + 1);
      if (c > 0) x = std::min<std::uint16_t>(x, d[r * w + c - 1] + 1);
    }
  }
  for (std::int64_t r = h - 1; r >= 0; --r) {
    for (std::int64_t c = w - 1; c >= 0; --c) {
      std::uint16_t& x = d[r * w + c];
      if (r + 1 < h) x = std::min<std::uint16_t>(x, d[(r + 1) * w + c] + 1);
      if (c + 1 < w) x = std::min<std::uint16_t>(x, d[r * w + c + 1] + 1);
    }
  }
  std::int64_t best = INT64_MAX;
  for (const Value& x : a.locs) {
    best = std::min<std::int64_t>(best, d[(x.a() + di - top) * w + (x.b() + dj - left)]);
  }
  return best;
}

// min |xi + di - yi| + |xj + dj - yj| over x in a, y in b (both non-empty).
// Picks the pairwise scan or a distance transform, whichever does less work.
Value min_distance(const Locs& a, const Locs& b, std::int64_t di, std::int64_t dj, EvalCtx& ctx,
                   std::int64_t& out) noexcept {
  const BBox &ba = a.box, &bb = b.box;
  const auto n = static_cast<std::int64_t>(a.locs.size());
  const auto m = static_cast<std::int64_t>(b.locs.size());
  const std::int64_t top = std::min(ba.top + di, bb.top), left = std::min(ba.left + dj, bb.left);
  const std::int64_t h = std::max(ba.bottom + di, bb.bottom) - top + 1;
  const std::int64_t w = std::max(ba.right + dj, bb.right) - left + 1;
  if (h <= kDtCells && w <= kDtCells && h * w <= kDtCells && n * m > 2 * h * w + n + m) {
    if (!ctx.charge(static_cast<std::uint64_t>(2 * h * w + n + m))) return timeout_error();
    out = min_distance_dt(a, b, di, dj, top, left, h, w);
    return Value::none();
  }
  std::int64_t best = INT64_MAX;
  for (const Value& x : a.locs) {
    const std::int64_t xi = x.a() + di, xj = x.b() + dj;
    const std::int64_t bound = dist_to_box(xi, xj, bb);  // no cell of b is nearer than this
    if (bound >= best) continue;
    if (!ctx.charge(static_cast<std::uint64_t>(m))) return timeout_error();
    for (const Value& y : b.locs) {
      const std::int64_t dd = std::abs(xi - y.a()) + std::abs(xj - y.b());
      if (dd < best) {
        best = dd;
        if (best == bound) break;
      }
    }
    if (best == 0) break;
  }
  out = best;
  return Value::none();
}

// Python manhattan(a, b): Value error when either is empty (a is read first, and b is not
// looked at when a is empty).
Value manhattan_of(const Value& va, const Value& vb, EvalCtx& ctx, std::int64_t& out) noexcept {
  Locs a, b;
  if (Value e = read_box(va, 1, ctx, a); e.is_error()) return e;
  if (Value e = read_box(vb, 2, ctx, b); e.is_error()) return e;
  return min_distance(a, b, 0, 0, ctx, out);
}

Value prim_manhattan(Args a, EvalCtx& ctx) noexcept {
  std::int64_t d = 0;
  if (Value e = manhattan_of(a[0], a[1], ctx, d); e.is_error()) return e;
  return Value::integer(d);
}

Value prim_adjacent(Args a, EvalCtx& ctx) noexcept {
  std::int64_t d = 0;
  if (Value e = manhattan_of(a[0], a[1], ctx, d); e.is_error()) return e;
  return Value::boolean(d == 1);
}

// The source steps one cell at a time (vertically when the patches share a column, else
// horizontally, toward the destination's center) until it is adjacent, at most 42 steps;
// returns the total offset. One step changes the distance by at most 1, so from distance
// d >= 2 the next d - 2 steps cannot reach adjacency and are skipped.
Value prim_gravitate(Args a, EvalCtx& ctx) noexcept {
  Locs src, dst;
  if (Value e = read_box(a[0], 1, ctx, src); e.is_error()) return e;
  if (Value e = read_box(a[1], 2, ctx, dst); e.is_error()) return e;
  std::int64_t si = 0, sj = 0, di = 0, dj = 0;
  patch_center(src, src.box, a[0].is_tuplelike(), si, sj);
  patch_center(dst, dst.box, a[1].is_tuplelike(), di, dj);
  bool vmatch = false;
  if (Value e = lines_meet(a[0], a[1], false, ctx, vmatch); e.is_error()) return e;
  const std::int64_t step_i = vmatch ? (si < di ? 1 : -1) : 0;
  const std::int64_t step_j = vmatch ? 0 : (sj < dj ? 1 : -1);
  constexpr std::int64_t kMaxSteps = 42;
  std::int64_t c = 0;
  while (c < kMaxSteps) {
    std::int64_t d = 0;
    if (Value e = min_distance(src, dst, c * step_i, c * step_j, ctx, d); e.is_error()) return e;
    if (d == 1) break;
    c += std::max<std::int64_t>(1, d - 1);
  }
  c = std::min(c, kMaxSteps);
  return Value::pair(static_cast<std::int32_t>(c * step_i), static_cast<std::int32_t>(c * step_j));
}

// inbox (delta -1) and outbox (delta +1): the outline of the box grown by delta on each
// side; a degenerate inbox (a 1-wide patch) flips to the enclosing outline, as in Python's
// min/max of the two bounds.
Value grown_outline(const Value& patch, std::int64_t delta, EvalCtx& ctx) noexcept {
  Locs p;
  if (Value e = read_box(patch, 1, ctx, p); e.is_error()) return e;
  const BBox& box = p.box;
  const std::int64_t ai = box.top - delta, aj = box.left - delta;
  const std::int64_t bi = box.bottom + delta, bj = box.right + delta;
  return outline(std::min(ai, bi), std::min(aj, bj), std::max(ai, bi), std::max(aj, bj), ctx);
}

Value prim_inbox(Args a, EvalCtx& ctx) noexcept {
  return grown_outline(a[0], -1, ctx);
}
Value prim_outbox(Args a, EvalCtx& ctx) noexcept {
  return grown_outline(a[0], 1, ctx);
}

Value prim_box(Args a, EvalCtx& ctx) noexcept {
  const std::int64_t n = len_of(a[0]);
  if (n < 0) return type_error(1);
  if (n == 0) return a[0];
  Locs p;
  if (Value e = read_box(a[0], 1, ctx, p); e.is_error()) return e;
  const BBox& box = p.box;
  return outline(box.top, box.left, box.bottom, box.right, ctx);
}

// connect(start, start + 42 * direction).
Value prim_shoot(Args a, EvalCtx& ctx) noexcept {
  std::int64_t si = 0, sj = 0, di = 0, dj = 0;
  if (Value e = int_item_pair(a[0], 1, ctx, si, sj); e.is_error()) return e;
  if (Value e = int_item_pair(a[1], 2, ctx, di, dj); e.is_error()) return e;
  std::int64_t ei = 0, ej = 0;
  if (__builtin_mul_overflow(di, 42, &ei) || __builtin_add_overflow(ei, si, &ei) ||
      __builtin_mul_overflow(dj, 42, &ej) || __builtin_add_overflow(ej, sj, &ej)) {
    return overflow_error();
  }
  if (len_of(a[0]) != 2) return value_error(1);  // connect unpacks `ai, aj = start`
  return segment(si, sj, ei, ej, ctx);
}

// Whether the object holds the cell (c, i, j): binary search in colour-major order.
bool has_cell(std::span<const Value> cells, std::int32_t c, std::int32_t i,
              std::int32_t j) noexcept {
  auto less = [](const Value& x, const std::array<std::int32_t, 3>& k) {
    if (x.cell_color() != k[0]) return x.cell_color() < k[0];
    if (x.a() != k[1]) return x.a() < k[1];
    return x.b() < k[2];
  };
  const std::array<std::int32_t, 3> key{c, i, j};
  auto it = std::lower_bound(cells.begin(), cells.end(), key, less);
  return it != cells.end() && it->cell_color() == c && it->a() == i && it->b() == j;
}

// hperiod/vperiod: the smallest p in 1..size-1 such that every cell at least p from the
// leading edge, moved back by p, is a cell of the object (same colour); else size. Works on
// the object in place (normalising is a translation), one bit per colour and position when
// the box is small and the colours are 0..15, else by binary search.
Value period(const Value& obj, bool horizontal, EvalCtx& ctx) noexcept {
  const std::int64_t n = len_of(obj);
  if (n < 0) return type_error(1);
  if (n == 0) return Value::integer(0);  // normalize(empty) is itself, of width 0
  Locs o;
  if (Value e = read_box(obj, 1, ctx, o); e.is_error()) return e;
  const BBox& box = o.box;
  const std::int64_t size = horizontal ? box.width() : box.height();
  if (size <= 1) return Value::integer(size);
  Value s = obj;
  if (obj.is_tuplelike()) {
    // normalize() of a tuple rebuilds it as a frozenset.
    std::span<const Value> items;
    if (Value e = items_of(obj, ctx, items); e.is_error()) return e;
    s = set_of(items, ctx);
    if (s.is_error()) return s;
  }
  if (s.as_set().kind != SetKind::Cells) return type_error(1);  // `c, (i, j)` of a location
  const std::span<const Value> cells = s.as_set().span();
  const std::int64_t h = box.height(), w = box.width();
  constexpr std::int64_t kDense = 4096;
  const bool dense = h <= kDense && w <= kDense && h * w <= kDense &&
                     cells.front().cell_color() >= 0 && cells.back().cell_color() < 16;
  std::array<std::uint16_t, kDense> mask;
  if (dense) {
    std::fill_n(mask.begin(), h * w, std::uint16_t{0});
    for (const Value& v : cells) {
      mask[(v.a() - box.top) * w + (v.b() - box.left)] |=
          static_cast<std::uint16_t>(1u << v.cell_color());
    }
  }
  for (std::int64_t p = 1; p < size; ++p) {
    if (!ctx.charge(cells.size())) return timeout_error();
    bool ok = true;
    for (const Value& v : cells) {
      const std::int64_t i = v.a() - (horizontal ? 0 : p), j = v.b() - (horizontal ? p : 0);
      if ((horizontal ? j - box.left : i - box.top) < 0) continue;  // pruned: left the object
      const bool present =
          dense ? (mask[(i - box.top) * w + (j - box.left)] >> v.cell_color() & 1) != 0
                : has_cell(cells, v.cell_color(), static_cast<std::int32_t>(i),
                           static_cast<std::int32_t>(j));
      if (!present) {
        ok = false;
        break;
      }
    }
    if (ok) return Value::integer(p);
  }
  return Value::integer(size);
}

Value prim_hperiod(Args a, EvalCtx& ctx) noexcept {
  return period(a[0], true, ctx);
}
Value prim_vperiod(Args a, EvalCtx& ctx) noexcept {
  return period(a[0], false, ctx);
}

using K = Kind;

constexpr PrimInfo kTable[] = {
    {"dneighbors", prim_dneighbors, 1, {K::IntegerTuple}, K::Indices},
    {"ineighbors", prim_ineighbors, 1, {K::IntegerTuple}, K::Indices},
    {"neighbors", prim_neighbors, 1, {K::IntegerTuple}, K::Indices},
    {"manhattan", prim_manhattan, 2, {K::Patch, K::Patch}, K::Integer},
    {"adjacent", prim_adjacent, 2, {K::Patch, K::Patch}, K::Boolean},
    {"corners", prim_corners, 1, {K::Patch}, K::Indices},
    {"connect", prim_connect, 2, {K::IntegerTuple, K::IntegerTuple}, K::Indices},
    {"vfrontier", prim_vfrontier, 1, {K::IntegerTuple}, K::Indices},
    {"hfrontier", prim_hfrontier, 1, {K::IntegerTuple}, K::Indices},
    {"backdrop", prim_backdrop, 1, {K::Patch}, K::Indices},
    {"delta", prim_delta, 1, {K::Patch}, K::Indices},
    {"gravitate", prim_gravitate, 2, {K::Patch, K::Patch}, K::IntegerTuple},
    {"inbox", prim_inbox, 1, {K::Patch}, K::Indices},
    {"outbox", prim_outbox, 1, {K::Patch}, K::Indices},
    {"box", prim_box, 1, {K::Patch}, K::Indices},
    {"shoot", prim_shoot, 2, {K::IntegerTuple, K::IntegerTuple}, K::Indices},
    {"hperiod", prim_hperiod, 1, {K::Object}, K::Integer},
    {"vperiod", prim_vperiod, 1, {K::Object}, K::Integer},
};

}  // namespace

std::span<const PrimInfo> detail::geometry_prims() noexcept {
  return kTable;
}

}  // namespace batt::dsl
