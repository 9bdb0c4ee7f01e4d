// The tokpidjin patch family: building (i, j, c) cells and objects (recolor_i, recolor_o,
// upscale_f, toij, ascell, astriple, celltuple). Conventions in tok_patch.hpp. A cell whose
// items are ints in int32 range is a Triple; any other 3-tuple (a float or None colour, say)
// is an ordinary tuple, as tuple_of() normalises.
#include <algorithm>

#include "dsl/set.hpp"
#include "dsl/tok_numbers.hpp"
#include "dsl/tok_patch.hpp"
#include "dsl/tok_patch_prims.hpp"

namespace batt::dsl::tok {

namespace {

// {(i, j, colour) for i, j in seq}: every element must unpack into two.
Value recolor_of(const Value& colour, const Value& seq, EvalCtx& ctx) noexcept {
  PlainPatch pp;
  if (plain_patch(seq, pp) && !pp.cells && colour.is_int() && fits_i32(colour.as_int())) {
    const auto c = static_cast<std::int32_t>(colour.as_int());
    SetBuilder b(ctx, pp.n);
    for (std::size_t k = 0; k < pp.n; ++k) {
      const Value cell = Value::triple(pp.i(k), pp.j(k), c);
      if (pp.canonical) {
        b.push_ascending(cell);  // (i, j) ascending, one colour: (i, j, c) ascending
      } else {
        b.push(cell);
      }
    }
    return b.finish();
  }
  SetBuilder b(ctx, static_cast<std::size_t>(std::max<std::int64_t>(len_of(seq), 0)));
  const Value err = for_each_unpacked(seq, 2, ctx, [&](const Value* xs) {
    const Value items[3] = {xs[0], xs[1], colour};
    const Value t = tuple_of(items, ctx);
    if (t.is_error()) return t;
    b.push(t);
    return Value::none();
  });
  return err.is_error() ? err : b.finish();
}

// The object scaled by `factor` about its upper-left corner, for a plain set or tuple of cells
// and an int factor whose image fits int32; false otherwise (the general code runs).
bool plain_upscale(const PlainPatch& pp, std::int64_t f, EvalCtx& ctx, Value& out) noexcept {
  if (f <= 0) {
    out = empty_set();
    return true;
  }
  // Budget first (it bounds f), then whether the image fits int32.
  const auto block = static_cast<std::uint64_t>(f) * static_cast<std::uint64_t>(f);
  if (f > INT32_MAX || !ctx.items_ok(block) || !ctx.items_ok(block * pp.n)) {
    out = resource_error();
    return true;
  }
  const std::uint64_t n = block * pp.n;
  if (!ctx.charge(n)) {
    out = timeout_error();
    return true;
  }
  const Box b = plain_box(pp);
  if (!fits_i32(b.top + (b.bottom - b.top + 1) * f) ||
      !fits_i32(b.left + (b.right - b.left + 1) * f)) {
    return false;
  }
  SetBuilder s(ctx, static_cast<std::size_t>(n));
  for (std::size_t k = 0; k < pp.n; ++k) {
    const std::int64_t i0 = b.top + (pp.i(k) - b.top) * f;
    const std::int64_t j0 = b.left + (pp.j(k) - b.left) * f;
    for (std::int64_t io = 0; io < f; ++io) {
      for (std::int64_t jo = 0; jo < f; ++jo) {
        s.push(Value::triple(static_cast<std::int32_t>(i0 + io), static_cast<std::int32_t>(j0 + jo),
                             pp.c(k)));
      }
    }
  }
  out = s.finish();
  return true;
}

}  // namespace

Value prim_recolor_i(Args a, EvalCtx& ctx) noexcept {
  return recolor_of(a[0], a[1], ctx);
}

Value prim_recolor_o(Args a, EvalCtx& ctx) noexcept {
  const Value ind = locations(a[1], Via::Object, ctx);
  if (ind.is_error()) return ind;
  return recolor_of(a[0], ind, ctx);
}

// upscale_f(obj, factor): ∅ for an empty object; else shift the object to the origin, replace
// each cell by a factor x factor block, and shift back (each call guarded).
Value prim_upscale_f(Args a, EvalCtx& ctx) noexcept {
  const Value& obj = a[0];
  const Value& factor = a[1];
  const std::int64_t n = len_of(obj);
  if (n < 0) return type_error(1);
  if (n == 0) return empty_set();
  PlainPatch pp;
  if (plain_patch(obj, pp) && pp.cells && factor.is_intlike()) {
    Value out;
    if (plain_upscale(pp, factor.as_int(), ctx, out)) return out;
  }
  const Value ul = guarded(corner_of(obj, Corner::UL, Via::Patch, ctx), SafeDefault::EmptyTuple);
  if (ul.is_error()) return ul;
  Value d[2];
  if (Value e = unpack(ul, 2, ctx, d); e.is_error()) return e;
  const Value back = tuple2(d[0], d[1], ctx);
  if (back.is_error()) return back;
  const Value ni = tok_neg(d[0]);
  if (ni.is_error()) return ni;
  const Value nj = tok_neg(d[1]);
  if (nj.is_error()) return nj;
  const Value to_origin = tuple2(ni, nj, ctx);
  if (to_origin.is_error()) return to_origin;
  const Value normed = guarded(shift_of(obj, to_origin, ctx), SafeDefault::EmptySet);
  if (normed.is_error()) return normed;
  std::int64_t f = 0;
  const bool f_ok = get_int(factor, f);
  const std::int64_t cells = std::max<std::int64_t>(len_of(normed), 0);
  std::uint64_t block = 0;  // f * f cells per cell of the object
  if (f_ok && f > 0 && cells > 0) {
    if (f > INT32_MAX) return resource_error();
    block = static_cast<std::uint64_t>(f) * static_cast<std::uint64_t>(f);
    if (!ctx.items_ok(block) || !ctx.items_ok(block * static_cast<std::uint64_t>(cells))) {
      return resource_error();
    }
  }
  SetBuilder o(ctx, static_cast<std::size_t>(block * static_cast<std::uint64_t>(cells)));
  const Value err = for_each_unpacked(normed, 3, ctx, [&](const Value* xs) {
    if (!f_ok) return type_error(2);  // range(factor), reached for the first cell
    if (!ctx.charge(block)) return timeout_error();
    const Value si = tok_binop(PyOp::Mul, xs[0], Value::integer(f), ctx);
    const Value sj = tok_binop(PyOp::Mul, xs[1], Value::integer(f), ctx);
    for (std::int64_t io = 0; io < f; ++io) {
      for (std::int64_t jo = 0; jo < f; ++jo) {
        if (si.is_error()) return si;
        if (sj.is_error()) return sj;
        const Value items[3] = {tok_add_int(si, io, ctx), tok_add_int(sj, jo, ctx), xs[2]};
        if (items[0].is_error()) return items[0];
        if (items[1].is_error()) return items[1];
        const Value t = tuple_of(items, ctx);
        if (t.is_error()) return t;
        o.push(t);
      }
    }
    return Value::none();
  });
  if (err.is_error()) return err;
  const Value scaled = o.finish();
  if (scaled.is_error()) return scaled;
  return guarded(shift_of(scaled, back, ctx), SafeDefault::EmptySet);
}

// (c[0], c[1]).
Value prim_toij(Args a, EvalCtx& ctx) noexcept {
  Value i, j;
  if (Value e = subscript(a[0], 0, 1, ctx, i); e.is_error()) return e;
  if (Value e = subscript(a[0], 1, 1, ctx, j); e.is_error()) return e;
  return tuple2(i, j, ctx);
}

// (ij[0], ij[1], c).
Value prim_ascell(Args a, EvalCtx& ctx) noexcept {
  Value items[3];
  if (Value e = subscript(a[0], 0, 1, ctx, items[0]); e.is_error()) return e;
  if (Value e = subscript(a[0], 1, 1, ctx, items[1]); e.is_error()) return e;
  items[2] = a[1];
  return tuple_of(items, ctx);
}

// (i, j, c).
Value prim_astriple(Args a, EvalCtx& ctx) noexcept {
  return tuple_of(a, ctx);
}

// tuple((x, y, z) for (x, y), z in zip(a, b)).
Value prim_celltuple(Args a, EvalCtx& ctx) noexcept {
  std::span<const Value> xs, zs;
  if (Value e = items_of(a[0], ctx, xs, 1); e.is_error()) return e;
  if (Value e = items_of(a[1], ctx, zs, 2); e.is_error()) return e;
  const std::size_t n = std::min(xs.size(), zs.size());
  if (!ctx.charge(n)) return timeout_error();
  TupleBuilder out(ctx, n);
  for (std::size_t k = 0; k < n; ++k) {
    Value items[3];
    if (Value e = unpack(xs[k], 2, ctx, items); e.is_error()) return e;
    items[2] = zs[k];
    const Value t = tuple_of(items, ctx);
    if (t.is_error()) return t;
    out.push(t);
  }
  return out.finish();
}

}  // namespace batt::dsl::tok
