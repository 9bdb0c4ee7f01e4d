// The tokpidjin patch family: neighbourhoods, lines and boxes (dneighbors, ineighbors, neighbors,
// connect, shoot, hfrontier, backdrop, delta, inbox, outbox, box, corners; vfrontier is
// Hodel's).
// Conventions in tok_patch.hpp. `range()` bounds must be Python ints (bools included); a set
// larger than the per-value item cap is a Resource error (Python would build it).
#include <algorithm>

#include "dsl/set.hpp"
#include "dsl/tok_numbers.hpp"
#include "dsl/tok_patch.hpp"
#include "dsl/tok_patch_prims.hpp"

namespace batt::dsl::tok {

namespace {

// Adds the location (i, j) to b.
Value push_loc(SetBuilder& b, std::int64_t i, std::int64_t j, EvalCtx& ctx) noexcept {
  const Value t = make_int_pair(i, j, ctx);
  if (t.is_error()) return t;
  b.push(t);
  return Value::none();
}

// The length of range(start, stop), or -1 when it does not fit int64.
std::int64_t range_len(std::int64_t start, std::int64_t stop) noexcept {
  std::int64_t d = 0;
  if (__builtin_sub_overflow(stop, start, &d)) return -1;
  return std::max<std::int64_t>(d, 0);
}

// The length of range(lo, hi + 1), or -1 when it does not fit int64.
std::int64_t span_len(std::int64_t lo, std::int64_t hi) noexcept {
  const std::int64_t d = range_len(lo, hi);
  return d < 0 || d == INT64_MAX ? -1 : (hi < lo ? 0 : d + 1);
}

// Python min(x, y) / max(x, y) of two values: x unless y is strictly smaller (larger).
Value min2(const Value& x, const Value& y) noexcept {
  const int lt = py_less(y, x);
  return lt < 0 ? type_error() : (lt == 1 ? y : x);
}
Value max2(const Value& x, const Value& y) noexcept {
  const int lt = py_less(x, y);
  return lt < 0 ? type_error() : (lt == 1 ? y : x);
}

// Whether a set of n items may be built (item cap, work budget).
Value room_for(std::int64_t n, EvalCtx& ctx) noexcept {
  if (n < 0 || !ctx.items_ok(static_cast<std::uint64_t>(n))) return resource_error();
  if (!ctx.charge(static_cast<std::uint64_t>(n))) return timeout_error();
  return Value::none();
}

// The outline of the rectangle [si, ei] x [sj, ej] given as range() bounds (ints, else a Type
// error): rows si and ei, columns sj and ej.
Value outline(const Value& vsi, const Value& vsj, const Value& vei, const Value& vej,
              EvalCtx& ctx) noexcept {
  std::int64_t si = 0, sj = 0, ei = 0, ej = 0;
  if (!get_int(vsi, si) || !get_int(vei, ei) || !get_int(vsj, sj) || !get_int(vej, ej)) {
    return type_error();
  }
  const std::int64_t rows = span_len(si, ei), cols = span_len(sj, ej);
  if (rows < 0 || cols < 0 || rows > (INT64_MAX / 4) || cols > (INT64_MAX / 4)) {
    return resource_error();
  }
  if (Value e = room_for(2 * (rows + cols), ctx); e.is_error()) return e;
  SetBuilder b(ctx, static_cast<std::size_t>(2 * (rows + cols)));
  for (std::int64_t k = 0; k < rows; ++k) {
    if (Value e = push_loc(b, si + k, sj, ctx); e.is_error()) return e;
    if (Value e = push_loc(b, si + k, ej, ctx); e.is_error()) return e;
  }
  for (std::int64_t k = 0; k < cols; ++k) {
    if (Value e = push_loc(b, si, sj + k, ctx); e.is_error()) return e;
    if (Value e = push_loc(b, ei, sj + k, ctx); e.is_error()) return e;
  }
  return b.finish();
}

// loc + each offset (rows then columns), for dneighbors / ineighbors: `()` and anything that is
// not a tuple give ∅; loc[0] and loc[1] must exist and be numbers. An offset of 0 keeps loc's
// own item (a bool stays a bool).
template <std::size_t N>
Value offsets_of(const Value& where, const int (&offs)[N][2], EvalCtx& ctx) noexcept {
  if (!where.is_tuplelike() || py_eq(where, empty_tuple())) return empty_set();
  Value x, y;
  if (Value e = subscript(where, 0, 1, ctx, x); e.is_error()) return e;
  if (Value e = subscript(where, 1, 1, ctx, y); e.is_error()) return e;
  SetBuilder b(ctx, N);
  for (const auto& o : offs) {
    const Value i = o[0] == 0 ? x : tok_add_int(x, o[0], ctx);
    if (i.is_error()) return i;
    const Value j = o[1] == 0 ? y : tok_add_int(y, o[1], ctx);
    if (j.is_error()) return j;
    const Value t = tuple2(i, j, ctx);
    if (t.is_error()) return t;
    b.push(t);
  }
  return b.finish();
}

constexpr int kDirect[4][2] = {{-1, 0}, {1, 0}, {0, -1}, {0, 1}};
constexpr int kDiagonal[4][2] = {{-1, -1}, {-1, 1}, {1, -1}, {1, 1}};

// connect(a, b): the horizontal, vertical or 45-degree segment from a to b, else ∅; `()` on
// either side gives ∅.
Value connect_of(const Value& a, const Value& b, EvalCtx& ctx) noexcept {
  if (py_eq(a, empty_tuple()) || py_eq(b, empty_tuple())) return empty_set();
  Value pa[2], pb[2];
  if (Value e = unpack(a, 2, ctx, pa); e.is_error()) return e;
  if (Value e = unpack(b, 2, ctx, pb); e.is_error()) return e;
  const Value &ai = pa[0], &aj = pa[1], &bi = pb[0], &bj = pb[1];
  const Value vsi = min2(ai, bi), vmi = max2(ai, bi), vsj = min2(aj, bj), vmj = max2(aj, bj);
  for (const Value* v : {&vsi, &vmi, &vsj, &vmj}) {
    if (v->is_error()) return *v;
  }
  const Value vei = tok_add_int(vmi, 1, ctx), vej = tok_add_int(vmj, 1, ctx);
  if (vei.is_error()) return vei;
  if (vej.is_error()) return vej;
  std::int64_t si = 0, ei = 0, sj = 0, ej = 0;
  const bool rows_ok = get_int(vsi, si) && get_int(vei, ei);
  const bool cols_ok = get_int(vsj, sj) && get_int(vej, ej);
  if (py_eq(ai, bi)) {  // {(ai, j) for j in range(sj, ej)}
    if (!cols_ok) return type_error();
    const std::int64_t n = range_len(sj, ej);
    if (Value e = room_for(n, ctx); e.is_error()) return e;
    SetBuilder s(ctx, static_cast<std::size_t>(n));
    for (std::int64_t j = sj; j < ej; ++j) {
      const Value t = tuple2(ai, Value::integer(j), ctx);
      if (t.is_error()) return t;
      s.push(t);
    }
    return s.finish();
  }
  if (py_eq(aj, bj)) {  // {(i, aj) for i in range(si, ei)}
    if (!rows_ok) return type_error();
    const std::int64_t n = range_len(si, ei);
    if (Value e = room_for(n, ctx); e.is_error()) return e;
    SetBuilder s(ctx, static_cast<std::size_t>(n));
    for (std::int64_t i = si; i < ei; ++i) {
      const Value t = tuple2(Value::integer(i), aj, ctx);
      if (t.is_error()) return t;
      s.push(t);
    }
    return s.finish();
  }
  const Value di = tok_binop(PyOp::Sub, bi, ai, ctx);
  if (di.is_error()) return di;
  const Value dj = tok_binop(PyOp::Sub, bj, aj, ctx);
  if (dj.is_error()) return dj;
  bool anti = false;
  if (!py_eq(di, dj)) {
    const Value back = tok_binop(PyOp::Sub, aj, bj, ctx);
    if (back.is_error()) return back;
    if (!py_eq(di, back)) return empty_set();
    anti = true;
  }
  // zip(range(si, ei), range(sj, ej)) or zip(range(si, ei), range(ej - 1, sj - 1, -1)).
  if (!rows_ok || !cols_ok) return type_error();
  const std::int64_t rn = range_len(si, ei), cn = range_len(sj, ej);
  const std::int64_t n = rn < 0 || cn < 0 ? -1 : std::min(rn, cn);
  if (Value e = room_for(n, ctx); e.is_error()) return e;
  SetBuilder s(ctx, static_cast<std::size_t>(n));
  for (std::int64_t k = 0; k < n; ++k) {
    if (Value e = push_loc(s, si + k, anti ? ej - 1 - k : sj + k, ctx); e.is_error()) return e;
  }
  return s.finish();
}

// The two corners a box is drawn between: ulcorner and lrcorner, each guarded and unpacked.
Value box_corners(const Value& p, EvalCtx& ctx, Value* ul, Value* lr) noexcept {
  const Value u = guarded(corner_of(p, Corner::UL, Via::Patch, ctx), SafeDefault::EmptyTuple);
  if (u.is_error()) return u;
  if (Value e = unpack(u, 2, ctx, ul); e.is_error()) return e;
  const Value l = guarded(corner_of(p, Corner::LR, Via::Patch, ctx), SafeDefault::EmptyTuple);
  if (l.is_error()) return l;
  return unpack(l, 2, ctx, lr);
}

Value backdrop_of(const Value& p, EvalCtx& ctx) noexcept {
  if (!is_container(p) || len_of(p) == 0) return empty_set();
  Value ul[2], lr[2];
  if (Value e = box_corners(p, ctx, ul, lr); e.is_error()) return e;
  std::int64_t si = 0, sj = 0, ei = 0, ej = 0;
  const Value ei1 = tok_add_int(lr[0], 1, ctx);
  if (ei1.is_error()) return ei1;
  if (!get_int(ul[0], si) || !get_int(ei1, ei)) return type_error();
  if (ei <= si) return empty_set();  // the inner range is never evaluated
  const Value ej1 = tok_add_int(lr[1], 1, ctx);
  if (ej1.is_error()) return ej1;
  if (!get_int(ul[1], sj) || !get_int(ej1, ej)) return type_error();
  const std::int64_t rows = range_len(si, ei), cols = range_len(sj, ej);
  if (rows < 0 || cols < 0 ||
      (cols > 0 && rows > static_cast<std::int64_t>(ctx.limits().max_items) / cols)) {
    return resource_error();
  }
  if (Value e = room_for(rows * cols, ctx); e.is_error()) return e;
  SetBuilder b(ctx, static_cast<std::size_t>(rows * cols));
  for (std::int64_t i = si; i < ei; ++i) {
    for (std::int64_t j = sj; j < ej; ++j) {
      if (Value e = push_loc(b, i, j, ctx); e.is_error()) return e;
    }
  }
  return b.finish();
}

// inbox (grow = -1) and outbox (grow = +1): the outline between (uppermost - grow,
// leftmost - grow) and (lowermost + grow, rightmost + grow), min/max per axis.
Value grown_box(const Value& p, int grow, EvalCtx& ctx) noexcept {
  if (py_eq(p, empty_set()) || py_eq(p, empty_tuple())) return empty_set();
  constexpr Edge kEdges[4] = {Edge::Top, Edge::Left, Edge::Bottom, Edge::Right};
  Value v[4];
  for (int k = 0; k < 4; ++k) {
    const Value x = guarded(extreme(p, kEdges[k], Via::Patch, ctx), SafeDefault::Zero);
    if (x.is_error()) return x;
    v[k] = tok_add_int(x, k < 2 ? -grow : grow, ctx);
    if (v[k].is_error()) return v[k];
  }
  const Value si = min2(v[0], v[2]), sj = min2(v[1], v[3]);
  const Value ei = max2(v[0], v[2]), ej = max2(v[1], v[3]);
  for (const Value* x : {&si, &sj, &ei, &ej}) {
    if (x->is_error()) return *x;
  }
  return outline(si, sj, ei, ej, ctx);
}

}  // namespace

Value prim_dneighbors(Args a, EvalCtx& ctx) noexcept {
  return offsets_of(a[0], kDirect, ctx);
}
Value prim_ineighbors(Args a, EvalCtx& ctx) noexcept {
  return offsets_of(a[0], kDiagonal, ctx);
}

Value prim_neighbors(Args a, EvalCtx& ctx) noexcept {
  const Value d = guarded(offsets_of(a[0], kDirect, ctx), SafeDefault::EmptySet);
  if (d.is_error()) return d;
  const Value i = guarded(offsets_of(a[0], kDiagonal, ctx), SafeDefault::EmptySet);
  if (i.is_error()) return i;
  return set_union(d.as_set(), i.as_set(), ctx);
}

Value prim_connect(Args a, EvalCtx& ctx) noexcept {
  return connect_of(a[0], a[1], ctx);
}

// connect(start, (start[0] + 42 * direction[0], start[1] + 42 * direction[1])); `()` or ∅ on
// either side gives ∅.
Value prim_shoot(Args a, EvalCtx& ctx) noexcept {
  const Value &start = a[0], &dir = a[1];
  for (const Value* v : {&start, &dir}) {
    if (py_eq(*v, empty_tuple()) || py_eq(*v, empty_set())) return empty_set();
  }
  Value end[2];
  for (std::size_t k = 0; k < 2; ++k) {
    Value s, d;
    if (Value e = subscript(start, k, 1, ctx, s); e.is_error()) return e;
    if (Value e = subscript(dir, k, 2, ctx, d); e.is_error()) return e;
    const Value far = tok_binop(PyOp::Mul, Value::integer(42), d, ctx);
    if (far.is_error()) return far;
    end[k] = tok_binop(PyOp::Add, s, far, ctx);
    if (end[k].is_error()) return end[k];
  }
  const Value target = tuple2(end[0], end[1], ctx);
  if (target.is_error()) return target;
  return guarded(connect_of(start, target, ctx), SafeDefault::EmptySet);
}

// hfrontier: `frozenset()` for loc == (), Hodel's body otherwise (vfrontier has no such guard:
// its table entry takes Hodel's body as it is).
Value prim_hfrontier(Args a, EvalCtx& ctx) noexcept {
  if (py_eq(a[0], empty_tuple())) return empty_set();
  static const PrimFn arc_hfrontier = arc_body("hfrontier");
  return arc_hfrontier(a, ctx);
}

Value prim_backdrop(Args a, EvalCtx& ctx) noexcept {
  return backdrop_of(a[0], ctx);
}

// backdrop(p) - toindices(p): a frozenset minus a tuple (toindices keeps a tuple of
// locations) raises.
Value prim_delta(Args a, EvalCtx& ctx) noexcept {
  const Value& p = a[0];
  if (!is_container(p) || len_of(p) == 0) return empty_set();
  const Value all = guarded(backdrop_of(p, ctx), SafeDefault::EmptySet);
  if (all.is_error()) return all;
  const Value own = locations(p, Via::Patch, ctx);
  if (own.is_error()) return own;
  if (!own.is_set()) return type_error(1);
  return set_difference(all.as_set(), own.as_set(), ctx);
}

Value prim_inbox(Args a, EvalCtx& ctx) noexcept {
  return grown_box(a[0], -1, ctx);
}
Value prim_outbox(Args a, EvalCtx& ctx) noexcept {
  return grown_box(a[0], 1, ctx);
}

Value prim_box(Args a, EvalCtx& ctx) noexcept {
  const Value& p = a[0];
  if (py_eq(p, empty_set()) || py_eq(p, empty_tuple())) return empty_set();
  Value ul[2], lr[2];
  if (Value e = box_corners(p, ctx, ul, lr); e.is_error()) return e;
  const Value si = min2(ul[0], lr[0]), sj = min2(ul[1], lr[1]);
  const Value ei = max2(ul[0], lr[0]), ej = max2(ul[1], lr[1]);
  for (const Value* x : {&si, &sj, &ei, &ej}) {
    if (x->is_error()) return *x;
  }
  return outline(si, sj, ei, ej, ctx);
}

// {ulcorner, urcorner, llcorner, lrcorner}, each guarded (an empty patch gives {()}).
Value prim_corners(Args a, EvalCtx& ctx) noexcept {
  constexpr Corner kAll[4] = {Corner::UL, Corner::UR, Corner::LL, Corner::LR};
  SetBuilder b(ctx, 4);
  for (Corner k : kAll) {
    const Value c = guarded(corner_of(a[0], k, Via::Patch, ctx), SafeDefault::EmptyTuple);
    if (c.is_error()) return c;
    b.push(c);
  }
  return b.finish();
}

}  // namespace batt::dsl::tok
