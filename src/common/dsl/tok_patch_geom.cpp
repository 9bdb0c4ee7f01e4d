// The tokpidjin patch family: centres, distances and relative positions (center, centerofmass,
// position, manhattan, adjacent, bordering, gravitate, hmatching, vmatching). Conventions in
// tok_patch.hpp; plain patches (all Pairs or all Triples) take integer fast paths.
#include <algorithm>
#include <cstdlib>

#include "dsl/set.hpp"
#include "dsl/tok_numbers.hpp"
#include "dsl/tok_patch.hpp"
#include "dsl/tok_patch_prims.hpp"

namespace batt::dsl::tok {

namespace {

std::int64_t dist_to_box(std::int64_t i, std::int64_t j, const Box& b) noexcept {
  const std::int64_t di = i < b.top ? b.top - i : (i > b.bottom ? i - b.bottom : 0);
  const std::int64_t dj = j < b.left ? b.left - j : (j > b.right ? j - b.right : 0);
  return di + dj;
}

// min |ai + di - bi| + |aj + dj - bj| over two plain patches (a moved by (di, dj)). Skips the
// locations of a that cannot beat the best so far (distance to b's bounding box).
Value plain_distance(const PlainPatch& a, const PlainPatch& b, std::int64_t di, std::int64_t dj,
                     EvalCtx& ctx, std::int64_t& out) noexcept {
  const Box bb = plain_box(b);
  std::int64_t best = INT64_MAX;
  for (std::size_t x = 0; x < a.n && best > 0; ++x) {
    const std::int64_t ai = a.i(x) + di, aj = a.j(x) + dj;
    const std::int64_t bound = dist_to_box(ai, aj, bb);
    if (bound >= best) continue;
    if (!ctx.charge(b.n)) return timeout_error();
    for (std::size_t y = 0; y < b.n; ++y) {
      const std::int64_t d = std::abs(ai - b.i(y)) + std::abs(aj - b.j(y));
      if (d < best) {
        best = d;
        if (best == bound) break;
      }
    }
  }
  out = best;
  return Value::none();
}

// The rows (col 0) or columns (col 1) of `for i, j in locations(p)`, as a set.
Value line_keys(const Value& p, int col, EvalCtx& ctx) noexcept {
  const Value x = locations(p, Via::Patch, ctx);
  if (x.is_error()) return x;
  SetBuilder keys(ctx, static_cast<std::size_t>(std::max<std::int64_t>(len_of(x), 0)));
  const Value err = for_each_unpacked(x, 2, ctx, [&](const Value* xs) {
    keys.push(xs[col]);
    return Value::none();
  });
  return err.is_error() ? err : keys.finish();
}

// hmatching (col 0) / vmatching (col 1): whether the two patches share a row (column).
Value matching(const Value& a, const Value& b, int col, EvalCtx& ctx) noexcept {
  PlainPatch pa, pb;
  if (plain_patch(a, pa) && plain_patch(b, pb)) {
    const Box ba = plain_box(pa), bb = plain_box(pb);
    const std::int64_t lo = col == 0 ? std::max(ba.top, bb.top) : std::max(ba.left, bb.left);
    const std::int64_t hi =
        col == 0 ? std::min(ba.bottom, bb.bottom) : std::min(ba.right, bb.right);
    if (lo > hi) return Value::boolean(false);
    auto* keys = static_cast<std::int32_t*>(ctx.alloc(pa.n * sizeof(std::int32_t)));
    if (!keys) return resource_error();
    for (std::size_t k = 0; k < pa.n; ++k) keys[k] = col == 0 ? pa.i(k) : pa.j(k);
    std::sort(keys, keys + pa.n);
    if (!ctx.charge(pa.n + pb.n)) return timeout_error();
    for (std::size_t k = 0; k < pb.n; ++k) {
      if (std::binary_search(keys, keys + pa.n, col == 0 ? pb.i(k) : pb.j(k))) {
        return Value::boolean(true);
      }
    }
    return Value::boolean(false);
  }
  const Value ka = line_keys(a, col, ctx);
  if (ka.is_error()) return ka;
  const Value kb = line_keys(b, col, ctx);
  if (kb.is_error()) return kb;
  const Value both = set_intersection(ka.as_set(), kb.as_set(), ctx);
  return both.is_error() ? both : Value::boolean(both.as_set().n > 0);
}

}  // namespace

// ---- shared readers (tok_patch.hpp) -----------------------------------------------------------

Value center_of(const Value& patch, EvalCtx& ctx) noexcept {
  PlainPatch pp;
  if (plain_patch(patch, pp)) {
    const Box b = plain_box(pp);
    return Value::pair(static_cast<std::int32_t>(b.top + (b.bottom - b.top + 1) / 2),
                       static_cast<std::int32_t>(b.left + (b.right - b.left + 1) / 2));
  }
  const Value top = guarded(extreme(patch, Edge::Top, Via::Patch, ctx), SafeDefault::Zero);
  if (top.is_error()) return top;
  if (tok_is_nan(top)) return empty_tuple();
  const Value left = guarded(extreme(patch, Edge::Left, Via::Patch, ctx), SafeDefault::Zero);
  if (left.is_error()) return left;
  if (tok_is_nan(left)) return empty_tuple();
  const Value h = guarded(height_of(patch, Via::Patch, ctx), SafeDefault::Zero);
  if (h.is_error()) return h;
  const Value half_h = tok_binop(PyOp::FloorDiv, h, Value::integer(2), ctx);
  if (half_h.is_error()) return half_h;
  const Value i = tok_binop(PyOp::Add, top, half_h, ctx);
  if (i.is_error()) return i;
  const Value w = guarded(width_of(patch, Via::Patch, ctx), SafeDefault::Zero);
  if (w.is_error()) return w;
  const Value half_w = tok_binop(PyOp::FloorDiv, w, Value::integer(2), ctx);
  if (half_w.is_error()) return half_w;
  const Value j = tok_binop(PyOp::Add, left, half_w, ctx);
  if (j.is_error()) return j;
  return tuple2(i, j, ctx);
}

Value manhattan_of(const Value& a, const Value& b, EvalCtx& ctx) noexcept {
  if (!is_container(a) || len_of(a) == 0 || !is_container(b) || len_of(b) == 0) return tok_inf();
  PlainPatch pa, pb;
  if (plain_patch(a, pa) && plain_patch(b, pb)) {
    std::int64_t d = 0;
    if (Value e = plain_distance(pa, pb, 0, 0, ctx, d); e.is_error()) return e;
    return Value::integer(d);
  }
  const Value x = locations(a, Via::Patch, ctx);
  if (x.is_error()) return x;
  const Value y = locations(b, Via::Patch, ctx);
  if (y.is_error()) return y;
  Extremum best(false);
  const Value err = for_each_unpacked(x, 2, ctx, [&](const Value* xa) {
    return for_each_unpacked(y, 2, ctx, [&](const Value* yb) {
      const Value di = tok_binop(PyOp::Sub, xa[0], yb[0], ctx);
      if (di.is_error()) return di;
      const Value dj = tok_binop(PyOp::Sub, xa[1], yb[1], ctx);
      if (dj.is_error()) return dj;
      const Value ai = tok_abs(di);
      if (ai.is_error()) return ai;
      const Value aj = tok_abs(dj);
      if (aj.is_error()) return aj;
      const Value d = tok_binop(PyOp::Add, ai, aj, ctx);
      return d.is_error() ? d : best.add(d);
    });
  });
  return err.is_error() ? err : best.result();
}

// ---- primitives -------------------------------------------------------------------------------

Value prim_center(Args a, EvalCtx& ctx) noexcept {
  return center_of(a[0], ctx);
}

// tuple(map(lambda x: sum(x) // len(patch), zip(*toindices(patch)))).
Value prim_centerofmass(Args a, EvalCtx& ctx) noexcept {
  const Value& p = a[0];
  PlainPatch pp;
  if (plain_patch(p, pp) && (!pp.cells || pp.canonical)) {
    // toindices keeps locations (a tuple's repeats too); a set of cells (position-major)
    // becomes the set of its distinct locations.
    std::int64_t si = 0, sj = 0;
    for (std::size_t k = 0; k < pp.n; ++k) {
      if (pp.cells && k > 0 && pp.i(k) == pp.i(k - 1) && pp.j(k) == pp.j(k - 1)) continue;
      si += pp.i(k);
      sj += pp.j(k);
    }
    const auto n = static_cast<std::int64_t>(pp.n);
    return make_int_pair(floor_div(si, n), floor_div(sj, n), ctx);
  }
  const Value x = locations(p, Via::Patch, ctx);
  if (x.is_error()) return x;
  std::span<const Value> elems;
  std::size_t cols = 0;
  if (Value e = zip_elements(x, ctx, elems, cols); e.is_error()) return e;
  TupleBuilder out(ctx, cols);
  for (std::size_t col = 0; col < cols; ++col) {
    if (!ctx.charge(elems.size())) return timeout_error();
    Value sum = Value::integer(0);
    for (const Value& el : elems) {
      const Value v = item_at(el, col, ctx);
      if (v.is_error()) return v;
      sum = tok_binop(PyOp::Add, sum, v, ctx);
      if (sum.is_error()) return sum;
    }
    const std::int64_t n = len_of(p);
    if (n < 0) return type_error(1);
    const Value mean = tok_binop(PyOp::FloorDiv, sum, Value::integer(n), ctx);
    if (mean.is_error()) return mean;
    out.push(mean);
  }
  return out.finish();
}

// The direction from center(toindices(a)) to center(toindices(b)): (0, ±1) on one row, (±1, 0)
// on one column, else diagonal; None when the rows compare neither way (nan).
Value prim_position(Args a, EvalCtx& ctx) noexcept {
  Value ca[2], cb[2];
  for (int k = 0; k < 2; ++k) {
    const Value loc = locations(a[k], Via::Patch, ctx);
    if (loc.is_error()) return loc;
    const Value c = guarded(center_of(loc, ctx), SafeDefault::EmptyTuple);
    if (c.is_error()) return c;
    if (Value e = unpack(c, 2, ctx, k == 0 ? ca : cb); e.is_error()) return e;
  }
  const Value &ia = ca[0], &ja = ca[1], &ib = cb[0], &jb = cb[1];
  auto horizontal = [&](int& out) -> bool {
    const int lt = py_less(ja, jb);
    out = lt == 1 ? 1 : -1;
    return lt >= 0;
  };
  int h = 0;
  if (py_eq(ia, ib)) return horizontal(h) ? Value::pair(0, h) : type_error();
  if (py_eq(ja, jb)) {
    const int lt = py_less(ia, ib);
    return lt < 0 ? type_error() : Value::pair(lt == 1 ? 1 : -1, 0);
  }
  const int up = py_less(ia, ib);
  if (up < 0) return type_error();
  if (up == 1) return horizontal(h) ? Value::pair(1, h) : type_error();
  const int down = py_less(ib, ia);
  if (down < 0) return type_error();
  if (down == 1) return horizontal(h) ? Value::pair(-1, h) : type_error();
  return Value::none();
}

Value prim_manhattan(Args a, EvalCtx& ctx) noexcept {
  return manhattan_of(a[0], a[1], ctx);
}

Value prim_adjacent(Args a, EvalCtx& ctx) noexcept {
  const Value d = guarded(manhattan_of(a[0], a[1], ctx), SafeDefault::Zero);
  if (d.is_error()) return d;
  return Value::boolean(py_eq(d, Value::integer(1)));
}

// uppermost == 0 or leftmost == 0 or lowermost == len(grid) - 1 or
// rightmost == len(grid[0]) - 1, lazily as Python's `or`.
Value prim_bordering(Args a, EvalCtx& ctx) noexcept {
  const Value& p = a[0];
  const Value& grid = a[1];
  // Each test compares a guarded extreme of p with `want`; the first true one decides.
  auto at = [&](Edge e, std::int64_t want) -> Value {
    const Value v = guarded(extreme(p, e, Via::Patch, ctx), SafeDefault::Zero);
    return v.is_error() ? v : Value::boolean(py_eq(v, Value::integer(want)));
  };
  for (Edge e : {Edge::Top, Edge::Left}) {
    const Value hit = at(e, 0);
    if (hit.is_error() || hit.as_bool()) return hit;
  }
  const std::int64_t h = len_of(grid);
  if (h < 0) return type_error(2);
  if (const Value hit = at(Edge::Bottom, h - 1); hit.is_error() || hit.as_bool()) return hit;
  Value row;  // grid[0]: a set is not subscriptable, () has no row 0
  if (Value e = subscript(grid, 0, 2, ctx, row); e.is_error()) return e;
  const std::int64_t w = len_of(row);
  if (w < 0) return type_error(2);
  return at(Edge::Right, w - 1);
}

// The offset that moves source one step at a time (vertically when the patches share a
// column, else horizontally, toward the destination's center) until it is adjacent, at most 42
// steps. A falsy destination returns the source itself (the reference's guard).
Value prim_gravitate(Args a, EvalCtx& ctx) noexcept {
  const Value& src = a[0];
  const Value& dst = a[1];
  if (!truthy(dst)) return src;
  constexpr std::int64_t kMaxSteps = 42;
  PlainPatch ps, pd;
  if (plain_patch(src, ps) && plain_patch(dst, pd)) {
    const Box bs = plain_box(ps), bd = plain_box(pd);
    const std::int64_t si = bs.top + (bs.bottom - bs.top + 1) / 2;
    const std::int64_t sj = bs.left + (bs.right - bs.left + 1) / 2;
    const std::int64_t di = bd.top + (bd.bottom - bd.top + 1) / 2;
    const std::int64_t dj = bd.left + (bd.right - bd.left + 1) / 2;
    const Value vm = matching(src, dst, 1, ctx);
    if (vm.is_error()) return vm;
    const std::int64_t step_i = vm.as_bool() ? (si < di ? 1 : -1) : 0;
    const std::int64_t step_j = vm.as_bool() ? 0 : (sj < dj ? 1 : -1);
    // One step changes the distance by at most 1: from distance d >= 2 the next d - 2 steps
    // cannot reach adjacency and are skipped.
    std::int64_t c = 0;
    while (c < kMaxSteps) {
      std::int64_t d = 0;
      if (Value e = plain_distance(ps, pd, c * step_i, c * step_j, ctx, d); e.is_error()) {
        return e;
      }
      if (d == 1) break;
      c += std::max<std::int64_t>(1, d - 1);
    }
    c = std::min(c, kMaxSteps);
    return Value::pair(static_cast<std::int32_t>(c * step_i),
                       static_cast<std::int32_t>(c * step_j));
  }
  Value s[2], d[2];
  const Value cs = guarded(center_of(src, ctx), SafeDefault::EmptyTuple);
  if (cs.is_error()) return cs;
  if (Value e = unpack(cs, 2, ctx, s); e.is_error()) return e;
  const Value cd = guarded(center_of(dst, ctx), SafeDefault::EmptyTuple);
  if (cd.is_error()) return cd;
  if (Value e = unpack(cd, 2, ctx, d); e.is_error()) return e;
  const Value vm = guarded(matching(src, dst, 1, ctx), SafeDefault::False);
  if (vm.is_error()) return vm;
  std::int32_t i = 0, j = 0;
  const int lt = truthy(vm) ? py_less(s[0], d[0]) : py_less(s[1], d[1]);
  if (lt < 0) return type_error();
  (truthy(vm) ? i : j) = lt == 1 ? 1 : -1;
  Value source = src;
  std::int64_t c = 0;
  while (true) {
    const Value dist = guarded(manhattan_of(source, dst, ctx), SafeDefault::Zero);
    if (dist.is_error()) return dist;
    if (py_eq(dist, Value::integer(1)) || c >= kMaxSteps) break;
    ++c;
    source = guarded(shift_of(source, Value::pair(i, j), ctx), SafeDefault::EmptySet);
    if (source.is_error()) return source;
  }
  return Value::pair(static_cast<std::int32_t>(c * i), static_cast<std::int32_t>(c * j));
}

Value prim_hmatching(Args a, EvalCtx& ctx) noexcept {
  return matching(a[0], a[1], 0, ctx);
}
Value prim_vmatching(Args a, EvalCtx& ctx) noexcept {
  return matching(a[0], a[1], 1, ctx);
}

}  // namespace batt::dsl::tok
