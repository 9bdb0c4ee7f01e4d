// Scaling and assembling grids: hconcat, vconcat, downscale, hupscale, vupscale, upscale (the
// mirror and window primitives, hsplit and vsplit included, are in prims_grid.cpp).
//
// Each primitive has a fast path over the int8 cells of a Grid (memcpy and repeated rows), and
// upscale one over a sorted Object that pushes the result in canonical order. Any other tuple
// follows the reference's loops item by item (pyops.hpp for Python's `+` and slicing);
// TupleBuilder normalises what they build, so Python's empty results and ragged tuples come
// out as the reference's.
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

// ---- primitives ----------------------------------------------------------------------------

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
  if (!is_container(a[0])) return type_error(1);
  if (!is_container(a[1])) return type_error(2);
  Span rx, ry;
  if (Value err = items_of(a[0], ctx, rx); err.is_error()) return err;
  if (Value err = items_of(a[1], ctx, ry); err.is_error()) return err;
  const std::size_t h = std::min(rx.size(), ry.size());
  TupleBuilder b(ctx, h);
  for (std::size_t i = 0; i < h; ++i) {
    const Value r = py_binop(PyOp::Add, rx[i], ry[i], ctx, 1, 2);
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
  return py_binop(PyOp::Add, a[0], a[1], ctx, 1, 2);
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
  if (!is_container(grid)) return type_error(1);
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
      if (!is_container(row)) return type_error(1);
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
          for (std::int64_t j = j0; j < j0 + f; ++j) b.push(patch_elem(true, c, i, j));
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
    {"hconcat", prim_hconcat, 2, {K::Grid, K::Grid}, K::Grid},
    {"vconcat", prim_vconcat, 2, {K::Grid, K::Grid}, K::Grid},
    {"downscale", prim_downscale, 2, {K::Grid, K::Integer}, K::Grid},
    {"hupscale", prim_hupscale, 2, {K::Grid, K::Integer}, K::Grid},
    {"vupscale", prim_vupscale, 2, {K::Grid, K::Integer}, K::Grid},
    {"upscale", prim_upscale, 2, {K::Element, K::Integer}, K::Element},
};

}  // namespace

std::span<const PrimInfo> detail::scale_prims() noexcept {
  return kTable;
}

}  // namespace batt::dsl
