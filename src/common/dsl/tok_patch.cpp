// The tokpidjin dialect: patch family (tokpidjin-dsl.md §2.1, §3.3, §4.1, §4.3, §4.5). This file
// holds toindices*, shift, normalize*, the extremes, the corners, height/width/shape/portrait/
// square, vline/hline, corner and col_row, and the family's registry table; the other
// primitives are in tok_patch_{geom,lines,mirror,cells}.cpp and the shared readers in
// tok_patch_read.cpp (tok_patch.hpp has the conventions). Safe defaults follow the
// reference's return annotations: Indices/Patch/Object give ∅, IJ/Tuple give `()`, Integer 0,
// Boolean False; corner, col_row and mir_rot_f give `()` because their R4/A4 parameter
// annotations do not resolve (tokpidjin-pipeline.md §2.5).
#include "dsl/tok_patch.hpp"

#include "dsl/registry.hpp"
#include "dsl/set.hpp"
#include "dsl/tok_numbers.hpp"
#include "dsl/tok_patch_prims.hpp"

namespace batt::dsl::tok {

// ---- shared readers defined here (tok_patch.hpp) ----------------------------------------------

namespace {

// lowermost - uppermost + 1 (or rightmost - leftmost + 1) of a variant, each guarded.
Value extent(const Value& p, Edge lo_edge, Edge hi_edge, Via via, EvalCtx& ctx) noexcept {
  const std::int64_t n = len_of(p);
  if (n < 0) return type_error();
  if (n == 0) return Value::integer(0);
  PlainPatch pp;
  if (plain_patch(p, pp)) {
    // A mismatched variant raises in both extremes: 0 - 0 + 1.
    if ((via == Via::Indices && pp.cells) || (via == Via::Object && !pp.cells)) {
      return Value::integer(1);
    }
    const Box b = plain_box(pp);
    return Value::integer(lo_edge == Edge::Top ? b.bottom - b.top + 1 : b.right - b.left + 1);
  }
  const Value hi = guarded(extreme(p, hi_edge, via, ctx), SafeDefault::Zero);
  if (hi.is_error()) return hi;
  const Value lo = guarded(extreme(p, lo_edge, via, ctx), SafeDefault::Zero);
  if (lo.is_error()) return lo;
  const Value d = tok_binop(PyOp::Sub, hi, lo, ctx);
  return d.is_error() ? d : tok_add_int(d, 1, ctx);
}

}  // namespace

Value height_of(const Value& p, Via via, EvalCtx& ctx) noexcept {
  return extent(p, Edge::Top, Edge::Bottom, via, ctx);
}

Value width_of(const Value& p, Via via, EvalCtx& ctx) noexcept {
  return extent(p, Edge::Left, Edge::Right, via, ctx);
}

namespace {

// height_f(p) and width_f(p), guarded (default 0).
Value guarded_sizes(const Value& p, EvalCtx& ctx, Value& h, Value& w) noexcept {
  h = guarded(height_of(p, Via::Patch, ctx), SafeDefault::Zero);
  if (h.is_error()) return h;
  w = guarded(width_of(p, Via::Patch, ctx), SafeDefault::Zero);
  return w.is_error() ? w : Value::none();
}

}  // namespace

Value shape_of(const Value& p, EvalCtx& ctx) noexcept {
  Value h, w;
  if (Value e = guarded_sizes(p, ctx, h, w); e.is_error()) return e;
  return tuple2(h, w, ctx);
}

Value shift_of(const Value& patch, const Value& directions, EvalCtx& ctx) noexcept {
  if (!truthy(patch)) return empty_set();
  if (py_eq(directions, empty_tuple())) return patch;
  Value d[2];
  if (Value e = unpack(directions, 2, ctx, d); e.is_error()) return e;
  PlainPatch pp;
  if (plain_patch(patch, pp) && d[0].is_intlike() && d[1].is_intlike()) {
    const std::int64_t di = d[0].as_int(), dj = d[1].as_int();
    const Box b = plain_box(pp);
    if (fits_i32(di) && fits_i32(dj) && fits_i32(b.top + di) && fits_i32(b.bottom + di) &&
        fits_i32(b.left + dj) && fits_i32(b.right + dj)) {
      SetBuilder out(ctx, pp.n);
      for (std::size_t k = 0; k < pp.n; ++k) {
        const auto i = static_cast<std::int32_t>(pp.i(k) + di);
        const auto j = static_cast<std::int32_t>(pp.j(k) + dj);
        const Value moved = pp.cells ? Value::triple(i, j, pp.c(k)) : Value::pair(i, j);
        if (pp.canonical) {
          out.push_ascending(moved);  // a translation keeps the order
        } else {
          out.push(moved);
        }
      }
      return out.finish();
    }
  }
  const Value first = first_item(patch, ctx);
  if (first.is_error()) return first;
  const std::int64_t nf = len_of(first);
  if (nf < 0) return type_error();
  const std::size_t n = nf == 3 ? 3 : 2;
  SetBuilder out(ctx, static_cast<std::size_t>(len_of(patch)));
  const Value err = for_each_unpacked(patch, n, ctx, [&](const Value* xs) {
    Value moved[3] = {tok_binop(PyOp::Add, xs[0], d[0], ctx),
                      tok_binop(PyOp::Add, xs[1], d[1], ctx), n == 3 ? xs[2] : Value::none()};
    if (moved[0].is_error()) return moved[0];
    if (moved[1].is_error()) return moved[1];
    const Value t = tuple_of({moved, n}, ctx);
    if (t.is_error()) return t;
    out.push(t);
    return Value::none();
  });
  return err.is_error() ? err : out.finish();
}

Value normalize_of(const Value& p, Via via, EvalCtx& ctx) noexcept {
  const std::int64_t n = len_of(p);
  if (n < 0) return type_error();
  if (n == 0) return p;
  const Value top = guarded(extreme(p, Edge::Top, via, ctx), SafeDefault::Zero);
  if (top.is_error()) return top;
  const Value di = tok_neg(top);
  if (di.is_error()) return di;
  const Value left = guarded(extreme(p, Edge::Left, via, ctx), SafeDefault::Zero);
  if (left.is_error()) return left;
  const Value dj = tok_neg(left);
  if (dj.is_error()) return dj;
  const Value d = tuple2(di, dj, ctx);
  if (d.is_error()) return d;
  return guarded(shift_of(p, d, ctx), SafeDefault::EmptySet);
}

namespace {

// ---- toindices, shift, normalize --------------------------------------------------------------

Value prim_toindices(Args a, EvalCtx& ctx) noexcept {
  return toindices(a[0], ctx);
}
Value prim_toindices_i(Args a, EvalCtx&) noexcept {
  return a[0];
}
Value prim_toindices_o(Args a, EvalCtx& ctx) noexcept {
  return toindices_o(a[0], ctx);
}

Value prim_shift(Args a, EvalCtx& ctx) noexcept {
  return shift_of(a[0], a[1], ctx);
}

Value prim_normalize(Args a, EvalCtx& ctx) noexcept {
  return normalize_of(a[0], Via::Patch, ctx);
}
Value prim_normalize_i(Args a, EvalCtx& ctx) noexcept {
  return normalize_of(a[0], Via::Indices, ctx);
}
Value prim_normalize_o(Args a, EvalCtx& ctx) noexcept {
  return normalize_of(a[0], Via::Object, ctx);
}
Value prim_normalize_t(Args a, EvalCtx&) noexcept {
  return a[0];
}

// ---- extremes and corners ---------------------------------------------------------------------

template <Edge E, Via V>
Value prim_extreme(Args a, EvalCtx& ctx) noexcept {
  return extreme(a[0], E, V, ctx);
}

template <Corner C, Via V>
Value prim_corner_of(Args a, EvalCtx& ctx) noexcept {
  return corner_of(a[0], C, V, ctx);
}

// corner(patch, type): 0 ul, 1 ur, 2 ll, 3 lr, anything else ul (compared with `==`).
Value prim_corner(Args a, EvalCtx& ctx) noexcept {
  Corner k = Corner::UL;
  if (py_eq(a[1], Value::integer(1))) k = Corner::UR;
  if (py_eq(a[1], Value::integer(2))) k = Corner::LL;
  if (py_eq(a[1], Value::integer(3))) k = Corner::LR;
  return guarded(corner_of(a[0], k, Via::Patch, ctx), SafeDefault::EmptyTuple);
}

// col_row(patch, type): 0 lowermost, 1 uppermost, 2 leftmost, 3 rightmost, else None.
Value prim_col_row(Args a, EvalCtx& ctx) noexcept {
  constexpr Edge kEdges[] = {Edge::Bottom, Edge::Top, Edge::Left, Edge::Right};
  for (int t = 0; t < 4; ++t) {
    if (py_eq(a[1], Value::integer(t))) {
      return guarded(extreme(a[0], kEdges[t], Via::Patch, ctx), SafeDefault::Zero);
    }
  }
  return Value::none();
}

// ---- sizes ------------------------------------------------------------------------------------

template <Via V>
Value prim_height(Args a, EvalCtx& ctx) noexcept {
  return height_of(a[0], V, ctx);
}
template <Via V>
Value prim_width(Args a, EvalCtx& ctx) noexcept {
  return width_of(a[0], V, ctx);
}

Value prim_shape_f(Args a, EvalCtx& ctx) noexcept {
  return shape_of(a[0], ctx);
}

Value prim_portrait_f(Args a, EvalCtx& ctx) noexcept {
  Value h, w;
  if (Value e = guarded_sizes(a[0], ctx, h, w); e.is_error()) return e;
  const int gt = py_less(w, h);
  return gt < 0 ? type_error() : Value::boolean(gt == 1);
}

// height * width == len(p) and height == width.
Value prim_square_f(Args a, EvalCtx& ctx) noexcept {
  Value h, w;
  if (Value e = guarded_sizes(a[0], ctx, h, w); e.is_error()) return e;
  const Value area = tok_binop(PyOp::Mul, h, w, ctx);
  if (area.is_error()) return area;
  const std::int64_t n = len_of(a[0]);
  if (n < 0) return type_error(1);
  if (!py_eq(area, Value::integer(n))) return Value::boolean(false);
  return Value::boolean(py_eq(h, w));
}

// vline: height == len(p) and width == 1; hline: width == len(p) and height == 1.
template <bool Vertical, Via V>
Value prim_line(Args a, EvalCtx& ctx) noexcept {
  const Value along =
      guarded(Vertical ? height_of(a[0], V, ctx) : width_of(a[0], V, ctx), SafeDefault::Zero);
  if (along.is_error()) return along;
  const std::int64_t n = len_of(a[0]);
  if (n < 0) return type_error(1);
  if (!py_eq(along, Value::integer(n))) return Value::boolean(false);
  const Value across =
      guarded(Vertical ? width_of(a[0], V, ctx) : height_of(a[0], V, ctx), SafeDefault::Zero);
  if (across.is_error()) return across;
  return Value::boolean(py_eq(across, Value::integer(1)));
}

// ---- the table --------------------------------------------------------------------------------
// An entry whose fn is nullptr takes the arc-dsl body of the same name (registry.cpp).

using K = Kind;
constexpr Dialect kTok = Dialect::Tokpidjin;
constexpr SafeDefault kSet = SafeDefault::EmptySet;
constexpr SafeDefault kTup = SafeDefault::EmptyTuple;
constexpr SafeDefault kZero = SafeDefault::Zero;
constexpr SafeDefault kFalse = SafeDefault::False;
constexpr std::uint16_t kNo = kFlagNone;

constexpr PrimInfo kTable[] = {
    {"toindices", prim_toindices, 1, {K::Patch}, K::Indices, kNo, kTok, kSet},
    {"toindices_i", prim_toindices_i, 1, {K::Indices}, K::Indices, kNo, kTok, kSet},
    {"toindices_o", prim_toindices_o, 1, {K::Object}, K::Indices, kNo, kTok, kSet},
    {"shift", prim_shift, 2, {K::Patch, K::IntegerTuple}, K::Patch, kNo, kTok, kSet},
    {"normalize", prim_normalize, 1, {K::Indices}, K::Indices, kNo, kTok, kSet},
    {"normalize_i", prim_normalize_i, 1, {K::Indices}, K::Indices, kNo, kTok, kSet},
    {"normalize_o", prim_normalize_o, 1, {K::Object}, K::Object, kNo, kTok, kSet},
    {"normalize_t", prim_normalize_t, 1, {K::Tuple}, K::Tuple, kNo, kTok, kTup},
    {"ulcorner",
     prim_corner_of<Corner::UL, Via::Patch>,
     1,
     {K::Patch},
     K::IntegerTuple,
     kNo,
     kTok,
     kTup},
    {"urcorner",
     prim_corner_of<Corner::UR, Via::Patch>,
     1,
     {K::Patch},
     K::IntegerTuple,
     kNo,
     kTok,
     kTup},
    {"llcorner",
     prim_corner_of<Corner::LL, Via::Patch>,
     1,
     {K::Patch},
     K::IntegerTuple,
     kNo,
     kTok,
     kTup},
    {"lrcorner",
     prim_corner_of<Corner::LR, Via::Patch>,
     1,
     {K::Patch},
     K::IntegerTuple,
     kNo,
     kTok,
     kTup},
    {"ulcorner_i",
     prim_corner_of<Corner::UL, Via::Indices>,
     1,
     {K::Indices},
     K::IntegerTuple,
     kNo,
     kTok,
     kTup},
    {"urcorner_i",
     prim_corner_of<Corner::UR, Via::Indices>,
     1,
     {K::Indices},
     K::IntegerTuple,
     kNo,
     kTok,
     kTup},
    {"llcorner_i",
     prim_corner_of<Corner::LL, Via::Indices>,
     1,
     {K::Indices},
     K::IntegerTuple,
     kNo,
     kTok,
     kTup},
    {"lrcorner_i",
     prim_corner_of<Corner::LR, Via::Indices>,
     1,
     {K::Indices},
     K::IntegerTuple,
     kNo,
     kTok,
     kTup},
    {"ulcorner_o",
     prim_corner_of<Corner::UL, Via::Object>,
     1,
     {K::Object},
     K::IntegerTuple,
     kNo,
     kTok,
     kTup},
    {"urcorner_o",
     prim_corner_of<Corner::UR, Via::Object>,
     1,
     {K::Object},
     K::IntegerTuple,
     kNo,
     kTok,
     kTup},
    {"llcorner_o",
     prim_corner_of<Corner::LL, Via::Object>,
     1,
     {K::Object},
     K::IntegerTuple,
     kNo,
     kTok,
     kTup},
    {"lrcorner_o",
     prim_corner_of<Corner::LR, Via::Object>,
     1,
     {K::Object},
     K::IntegerTuple,
     kNo,
     kTok,
     kTup},
    {"uppermost", prim_extreme<Edge::Top, Via::Patch>, 1, {K::Patch}, K::Integer, kNo, kTok, kZero},
    {"lowermost",
     prim_extreme<Edge::Bottom, Via::Patch>,
     1,
     {K::Patch},
     K::Integer,
     kNo,
     kTok,
     kZero},
    {"leftmost", prim_extreme<Edge::Left, Via::Patch>, 1, {K::Patch}, K::Integer, kNo, kTok, kZero},
    {"rightmost",
     prim_extreme<Edge::Right, Via::Patch>,
     1,
     {K::Patch},
     K::Integer,
     kNo,
     kTok,
     kZero},
    {"uppermost_i",
     prim_extreme<Edge::Top, Via::Indices>,
     1,
     {K::Indices},
     K::Integer,
     kNo,
     kTok,
     kZero},
    {"lowermost_i",
     prim_extreme<Edge::Bottom, Via::Indices>,
     1,
     {K::Indices},
     K::Integer,
     kNo,
     kTok,
     kZero},
    {"leftmost_i",
     prim_extreme<Edge::Left, Via::Indices>,
     1,
     {K::Indices},
     K::Integer,
     kNo,
     kTok,
     kZero},
    {"rightmost_i",
     prim_extreme<Edge::Right, Via::Indices>,
     1,
     {K::Indices},
     K::Integer,
     kNo,
     kTok,
     kZero},
    {"uppermost_o",
     prim_extreme<Edge::Top, Via::Object>,
     1,
     {K::Object},
     K::Integer,
     kNo,
     kTok,
     kZero},
    {"lowermost_o",
     prim_extreme<Edge::Bottom, Via::Object>,
     1,
     {K::Object},
     K::Integer,
     kNo,
     kTok,
     kZero},
    {"leftmost_o",
     prim_extreme<Edge::Left, Via::Object>,
     1,
     {K::Object},
     K::Integer,
     kNo,
     kTok,
     kZero},
    {"rightmost_o",
     prim_extreme<Edge::Right, Via::Object>,
     1,
     {K::Object},
     K::Integer,
     kNo,
     kTok,
     kZero},
    {"corner", prim_corner, 2, {K::Patch, K::Integer}, K::IntegerTuple, kNo, kTok, kTup},
    {"col_row", prim_col_row, 2, {K::Patch, K::Integer}, K::Integer, kNo, kTok, kTup},
    {"center", prim_center, 1, {K::Patch}, K::IntegerTuple, kNo, kTok, kTup},
    {"centerofmass", prim_centerofmass, 1, {K::Patch}, K::IntegerTuple, kNo, kTok, kTup},
    {"position", prim_position, 2, {K::Patch, K::Patch}, K::IntegerTuple, kNo, kTok, kTup},
    {"manhattan", prim_manhattan, 2, {K::Patch, K::Patch}, K::Integer, kNo, kTok, kZero},
    {"adjacent", prim_adjacent, 2, {K::Patch, K::Patch}, K::Boolean, kNo, kTok, kFalse},
    {"bordering", prim_bordering, 2, {K::Patch, K::Grid}, K::Boolean, kNo, kTok, kFalse},
    {"gravitate", prim_gravitate, 2, {K::Patch, K::Patch}, K::IntegerTuple, kNo, kTok, kTup},
    {"hmatching", prim_hmatching, 2, {K::Patch, K::Patch}, K::Boolean, kNo, kTok, kFalse},
    {"vmatching", prim_vmatching, 2, {K::Patch, K::Patch}, K::Boolean, kNo, kTok, kFalse},
    {"dneighbors", prim_dneighbors, 1, {K::IntegerTuple}, K::Indices, kNo, kTok, kSet},
    {"ineighbors", prim_ineighbors, 1, {K::IntegerTuple}, K::Indices, kNo, kTok, kSet},
    {"neighbors", prim_neighbors, 1, {K::IntegerTuple}, K::Indices, kNo, kTok, kSet},
    {"connect", prim_connect, 2, {K::IntegerTuple, K::IntegerTuple}, K::Indices, kNo, kTok, kSet},
    {"shoot", prim_shoot, 2, {K::IntegerTuple, K::IntegerTuple}, K::Indices, kNo, kTok, kSet},
    {"hfrontier", prim_hfrontier, 1, {K::IntegerTuple}, K::Indices, kNo, kTok, kSet},
    {"vfrontier", nullptr, 1, {K::IntegerTuple}, K::Indices, kNo, kTok, kSet},
    {"backdrop", prim_backdrop, 1, {K::Patch}, K::Indices, kNo, kTok, kSet},
    {"delta", prim_delta, 1, {K::Patch}, K::Indices, kNo, kTok, kSet},
    {"inbox", prim_inbox, 1, {K::Patch}, K::Indices, kNo, kTok, kSet},
    {"outbox", prim_outbox, 1, {K::Patch}, K::Indices, kNo, kTok, kSet},
    {"box", prim_box, 1, {K::Patch}, K::Indices, kNo, kTok, kSet},
    {"corners", prim_corners, 1, {K::Patch}, K::Indices, kNo, kTok, kSet},
    {"height_f", prim_height<Via::Patch>, 1, {K::Indices}, K::Integer, kNo, kTok, kZero},
    {"height_i", prim_height<Via::Indices>, 1, {K::Indices}, K::Integer, kNo, kTok, kZero},
    {"height_o", prim_height<Via::Object>, 1, {K::Object}, K::Integer, kNo, kTok, kZero},
    {"width_f", prim_width<Via::Patch>, 1, {K::Indices}, K::Integer, kNo, kTok, kZero},
    {"width_i", prim_width<Via::Indices>, 1, {K::Indices}, K::Integer, kNo, kTok, kZero},
    {"width_o", prim_width<Via::Object>, 1, {K::Object}, K::Integer, kNo, kTok, kZero},
    {"shape_f", prim_shape_f, 1, {K::Patch}, K::IntegerTuple, kNo, kTok, kTup},
    {"portrait_f", prim_portrait_f, 1, {K::Patch}, K::Boolean, kNo, kTok, kFalse},
    {"square_f", prim_square_f, 1, {K::Patch}, K::Boolean, kNo, kTok, kFalse},
    {"hmirror_f", prim_hmirror_f, 1, {K::Patch}, K::Patch, kNo, kTok, kSet},
    {"hmirror_i", prim_hmirror_i, 1, {K::Indices}, K::Indices, kNo, kTok, kSet},
    {"hmirror_o", prim_hmirror_o, 1, {K::Object}, K::Object, kNo, kTok, kSet},
    {"vmirror_f", prim_vmirror_f, 1, {K::Patch}, K::Patch, kNo, kTok, kSet},
    {"vmirror_i", prim_vmirror_i, 1, {K::Indices}, K::Indices, kNo, kTok, kSet},
    {"vmirror_o", prim_vmirror_o, 1, {K::Object}, K::Object, kNo, kTok, kSet},
    {"dmirror_f", prim_dmirror_f, 1, {K::Patch}, K::Patch, kNo, kTok, kSet},
    {"dmirror_i", prim_dmirror_i, 1, {K::Indices}, K::Indices, kNo, kTok, kSet},
    {"dmirror_o", prim_dmirror_o, 1, {K::Object}, K::Object, kNo, kTok, kSet},
    {"cmirror_f", prim_cmirror_f, 1, {K::Patch}, K::Patch, kNo, kTok, kSet},
    {"cmirror_i", prim_cmirror_i, 1, {K::Indices}, K::Indices, kNo, kTok, kSet},
    {"cmirror_o", prim_cmirror_o, 1, {K::Object}, K::Object, kNo, kTok, kSet},
    {"mir_rot_f", prim_mir_rot_f, 2, {K::Patch, K::Integer}, K::Patch, kNo, kTok, kTup},
    {"vline_i", prim_line<true, Via::Indices>, 1, {K::Indices}, K::Boolean, kNo, kTok, kFalse},
    {"vline_o", prim_line<true, Via::Object>, 1, {K::Object}, K::Boolean, kNo, kTok, kFalse},
    {"hline_i", prim_line<false, Via::Indices>, 1, {K::Indices}, K::Boolean, kNo, kTok, kFalse},
    {"hline_o", prim_line<false, Via::Object>, 1, {K::Object}, K::Boolean, kNo, kTok, kFalse},
    {"recolor_i", prim_recolor_i, 2, {K::Integer, K::Indices}, K::Object, kNo, kTok, kSet},
    {"recolor_o", prim_recolor_o, 2, {K::Integer, K::Object}, K::Object, kNo, kTok, kSet},
    {"upscale_f", prim_upscale_f, 2, {K::Object, K::Integer}, K::Object, kNo, kTok, kSet},
    {"toij", prim_toij, 1, {K::Cell}, K::IntegerTuple, kNo, kTok, kTup},
    {"ascell", prim_ascell, 2, {K::IntegerTuple, K::Integer}, K::Cell, kNo, kTok, kTup},
    {"astriple", prim_astriple, 3, {K::Integer, K::Integer, K::Integer}, K::Cell, kNo, kTok, kTup},
    {"celltuple", prim_celltuple, 2, {K::Tuple, K::Tuple}, K::TupleTuple, kNo, kTok, kTup},
};

}  // namespace

}  // namespace batt::dsl::tok

namespace batt::dsl {

std::span<const PrimInfo> detail::tok_patch_prims() noexcept {
  return tok::kTable;
}

}  // namespace batt::dsl
