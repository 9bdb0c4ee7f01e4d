// The tokpidjin patch family: mirrors (hmirror/vmirror/dmirror/cmirror _f/_i/_o) and mir_rot_f.
// dsl.py defines each _f/_i/_o mirror twice and the second definition wins
// (tokpidjin-dsl.md §4.1): only vmirror_f guards the empty set; hmirror_f/dmirror_f and every
// _i/_o variant raise on it (their ulcorner is `()`), and so give ∅ through the safe default.
// The axis comes from the generic ulcorner/lrcorner of the patch; the _f variants then read
// cells or locations by the length of the first element, _i always locations, _o always cells.
// cmirror_* is vmirror_f(dmirror_f(vmirror_f(p))), each call guarded. Conventions in
// tok_patch.hpp.
#include <algorithm>

#include "dsl/set.hpp"
#include "dsl/tok_numbers.hpp"
#include "dsl/tok_patch.hpp"
#include "dsl/tok_patch_prims.hpp"

namespace batt::dsl::tok {

namespace {

enum class Axis : std::uint8_t { H, V, D };

// Item k of a guarded corner of p (`ulcorner(p)[k]`): Index error when the corner is `()`.
Value corner_item(const Value& p, Corner which, std::size_t k, EvalCtx& ctx) noexcept {
  const Value c = guarded(corner_of(p, which, Via::Patch, ctx), SafeDefault::EmptyTuple);
  if (c.is_error()) return c;
  Value out;
  if (Value e = subscript(c, k, 1, ctx, out); e.is_error()) return e;
  return out;
}

// The image of one element (x = i, y = j) under the mirror with parameters p0, p1:
// H: (p0 - i, j); V: (i, p0 - j); D: (j - p1 + p0, i - p0 + p1).
Value mirror_coords(Axis axis, const Value& p0, const Value& p1, const Value& i, const Value& j,
                    EvalCtx& ctx, Value* out) noexcept {
  switch (axis) {
    case Axis::H:
      out[0] = tok_binop(PyOp::Sub, p0, i, ctx);
      out[1] = j;
      break;
    case Axis::V:
      out[0] = i;
      out[1] = tok_binop(PyOp::Sub, p0, j, ctx);
      break;
    case Axis::D: {
      const Value a = tok_binop(PyOp::Sub, j, p1, ctx);
      out[0] = a.is_error() ? a : tok_binop(PyOp::Add, a, p0, ctx);
      const Value b = tok_binop(PyOp::Sub, i, p0, ctx);
      out[1] = b.is_error() ? b : tok_binop(PyOp::Add, b, p1, ctx);
      break;
    }
  }
  if (out[0].is_error()) return out[0];
  return out[1].is_error() ? out[1] : Value::none();
}

// The mirror of a plain patch (all items of the kind `cells` says) by int parameters; false
// when an image leaves int32 (the general code then builds it with Python ints).
bool plain_mirror(const PlainPatch& pp, Axis axis, std::int64_t p0, std::int64_t p1, EvalCtx& ctx,
                  Value& out) noexcept {
  SetBuilder b(ctx, pp.n);
  for (std::size_t k = 0; k < pp.n; ++k) {
    std::int64_t i = pp.i(k), j = pp.j(k);
    switch (axis) {
      case Axis::H:
        i = p0 - i;
        break;
      case Axis::V:
        j = p0 - j;
        break;
      case Axis::D: {
        const std::int64_t ni = j - p1 + p0, nj = i - p0 + p1;
        i = ni;
        j = nj;
        break;
      }
    }
    if (!fits_i32(i) || !fits_i32(j)) return false;
    const auto ii = static_cast<std::int32_t>(i), jj = static_cast<std::int32_t>(j);
    b.push(pp.cells ? Value::triple(ii, jj, pp.c(k)) : Value::pair(ii, jj));
  }
  out = b.finish();
  return true;
}

Value mirror(const Value& p, Axis axis, Via via, EvalCtx& ctx) noexcept {
  if (axis == Axis::V && via == Via::Patch && py_eq(p, empty_set())) return p;
  Value p0, p1;  // H/V: d = ulcorner[k] + lrcorner[k]; D: a, b = ulcorner
  if (axis == Axis::D) {
    const Value ul = guarded(corner_of(p, Corner::UL, Via::Patch, ctx), SafeDefault::EmptyTuple);
    if (ul.is_error()) return ul;
    Value ab[2];
    if (Value e = unpack(ul, 2, ctx, ab); e.is_error()) return e;
    p0 = ab[0];
    p1 = ab[1];
  } else {
    const std::size_t k = axis == Axis::H ? 0 : 1;
    const Value u = corner_item(p, Corner::UL, k, ctx);
    if (u.is_error()) return u;
    const Value l = corner_item(p, Corner::LR, k, ctx);
    if (l.is_error()) return l;
    p0 = tok_binop(PyOp::Add, u, l, ctx);
    if (p0.is_error()) return p0;
  }
  std::size_t n = via == Via::Object ? 3 : 2;
  if (via == Via::Patch) {
    const Value first = first_item(p, ctx);
    if (first.is_error()) return first;
    const std::int64_t nf = len_of(first);
    if (nf < 0) return type_error(1);
    n = nf == 3 ? 3 : 2;
  }
  PlainPatch pp;
  if (plain_patch(p, pp) && pp.cells == (n == 3) && p0.is_intlike() &&
      (axis != Axis::D || p1.is_intlike())) {
    Value out;
    if (plain_mirror(pp, axis, p0.as_int(), axis == Axis::D ? p1.as_int() : 0, ctx, out)) {
      return out;
    }
  }
  SetBuilder out(ctx, static_cast<std::size_t>(std::max<std::int64_t>(len_of(p), 0)));
  const Value err = for_each_unpacked(p, n, ctx, [&](const Value* xs) {
    Value image[3] = {Value(), Value(), n == 3 ? xs[2] : Value::none()};
    if (Value e = mirror_coords(axis, p0, p1, xs[0], xs[1], ctx, image); e.is_error()) return e;
    const Value t = tuple_of({image, n}, ctx);
    if (t.is_error()) return t;
    out.push(t);
    return Value::none();
  });
  return err.is_error() ? err : out.finish();
}

Value cmirror(const Value& p, EvalCtx& ctx) noexcept {
  Value x = p;
  for (Axis axis : {Axis::V, Axis::D, Axis::V}) {
    x = guarded(mirror(x, axis, Via::Patch, ctx), SafeDefault::EmptySet);
    if (x.is_error()) return x;
  }
  return x;
}

}  // namespace

Value prim_hmirror_f(Args a, EvalCtx& ctx) noexcept {
  return mirror(a[0], Axis::H, Via::Patch, ctx);
}
Value prim_hmirror_i(Args a, EvalCtx& ctx) noexcept {
  return mirror(a[0], Axis::H, Via::Indices, ctx);
}
Value prim_hmirror_o(Args a, EvalCtx& ctx) noexcept {
  return mirror(a[0], Axis::H, Via::Object, ctx);
}
Value prim_vmirror_f(Args a, EvalCtx& ctx) noexcept {
  return mirror(a[0], Axis::V, Via::Patch, ctx);
}
Value prim_vmirror_i(Args a, EvalCtx& ctx) noexcept {
  return mirror(a[0], Axis::V, Via::Indices, ctx);
}
Value prim_vmirror_o(Args a, EvalCtx& ctx) noexcept {
  return mirror(a[0], Axis::V, Via::Object, ctx);
}
Value prim_dmirror_f(Args a, EvalCtx& ctx) noexcept {
  return mirror(a[0], Axis::D, Via::Patch, ctx);
}
Value prim_dmirror_i(Args a, EvalCtx& ctx) noexcept {
  return mirror(a[0], Axis::D, Via::Indices, ctx);
}
Value prim_dmirror_o(Args a, EvalCtx& ctx) noexcept {
  return mirror(a[0], Axis::D, Via::Object, ctx);
}
Value prim_cmirror_f(Args a, EvalCtx& ctx) noexcept {
  return cmirror(a[0], ctx);
}
Value prim_cmirror_i(Args a, EvalCtx& ctx) noexcept {
  return cmirror(a[0], ctx);
}
Value prim_cmirror_o(Args a, EvalCtx& ctx) noexcept {
  return cmirror(a[0], ctx);
}

// mir_rot_f(patch, type): 0 hmirror_f, 1 dmirror_f, 2 vmirror_f, 3 cmirror_f, else the patch.
Value prim_mir_rot_f(Args a, EvalCtx& ctx) noexcept {
  const Value& p = a[0];
  constexpr Axis kAxes[3] = {Axis::H, Axis::D, Axis::V};
  for (int t = 0; t < 3; ++t) {
    if (py_eq(a[1], Value::integer(t))) {
      return guarded(mirror(p, kAxes[t], Via::Patch, ctx), SafeDefault::EmptySet);
    }
  }
  if (py_eq(a[1], Value::integer(3))) return guarded(cmirror(p, ctx), SafeDefault::EmptySet);
  return p;
}

}  // namespace batt::dsl::tok
