// Primitives of the tokpidjin grid family that read an object through the dialect's patch
// primitives (normalize, shape_f, width_f, shift; tok_patch.hpp): occurrences, hperiod,
// vperiod. The object's cells are (i, j, c); an Indices patch makes the `for i, j, c in ...`
// loops raise, so these primitives then give their default.
#include <algorithm>

#include "dsl/pyops.hpp"
#include "dsl/set.hpp"
#include "dsl/tok_grid.hpp"
#include "dsl/tok_numbers.hpp"
#include "dsl/tok_patch.hpp"
#include "dsl/tuple.hpp"

namespace batt::dsl::detail::tokgrid {

namespace {

bool triples(const Value& v) noexcept {
  return v.is_set() && v.as_set().kind == SetKind::Triples;
}

// `h - oh + 1` for the number of offsets along one axis: an int, or an error (range() of
// anything else raises).
Value offsets(std::int64_t h, const Value& oh, EvalCtx& ctx, std::int64_t& out) noexcept {
  const Value d = tok_binop(PyOp::Sub, Value::integer(h), oh, ctx);
  if (d.is_error()) return d;
  const Value n = tok_add_int(d, 1, ctx);
  if (n.is_error()) return n;
  if (!n.is_intlike()) return type_error(2);
  out = n.as_int();
  return Value::none();
}

// all(0 <= a < h and 0 <= b < w and grid[a][b] == v for a, b, v in cells), stopping at the
// first false test (later items are never read).
Value all_match(const Value& grid, std::int64_t h, std::int64_t w, const Value& cells, EvalCtx& ctx,
                bool& out) noexcept {
  const Value r = tok::for_each_unpacked(cells, 3, ctx, [&](const Value* abv) {
    bool in = false;
    std::int64_t a = 0, b = 0;
    if (Value e = coords_in(abv[0], abv[1], h, w, in, a, b); e.is_error()) return e;
    if (!in) return Value::boolean(false);
    Value row, v;
    if (Value e = subscript(grid, static_cast<std::size_t>(a), 1, ctx, row); e.is_error()) return e;
    if (Value e = subscript(row, static_cast<std::size_t>(b), 1, ctx, v); e.is_error()) return e;
    return py_eq(v, abv[2]) ? Value::none() : Value::boolean(false);
  });
  if (r.is_error()) return r;
  out = r.is_none();
  return Value::none();
}

// hperiod (across == true) / vperiod: the smallest p in 1 .. extent-1 for which the object
// shifted back by p, cut at the edge, lies inside itself; else its width (height).
Value period(const Value& obj, bool across, EvalCtx& ctx) noexcept {
  const Value norm = guarded(tok::normalize_of(obj, tok::Via::Patch, ctx), SafeDefault::EmptySet);
  if (norm.is_error()) return norm;
  const Value ext = guarded(across ? tok::width_of(norm, tok::Via::Patch, ctx)
                                   : tok::height_of(norm, tok::Via::Patch, ctx),
                            SafeDefault::Zero);
  if (ext.is_error()) return ext;
  if (!ext.is_intlike()) return type_error(1);  // range(1, w)
  const std::int64_t n = ext.as_int();
  if (triples(norm)) {
    const SetObj& s = norm.as_set();
    for (std::int64_t p = 1; p < n; ++p) {
      if (!ctx.charge(s.n)) return timeout_error();
      bool inside = true;
      for (std::size_t k = 0; k < s.n && inside; ++k) {
        const Value& c = s.items()[k];
        const std::int64_t i = across ? c.a() : c.a() - p, j = across ? c.b() - p : c.b();
        if (i < 0 || j < 0) continue;  // pruned
        inside = set_contains(
            s, Value::triple(static_cast<std::int32_t>(i), static_cast<std::int32_t>(j), c.c()));
      }
      if (inside) return Value::integer(p);
    }
    return ext;
  }
  for (std::int64_t p = 1; p < n; ++p) {
    if (!ctx.charge(1 + static_cast<std::uint64_t>(std::max<std::int64_t>(len_of(norm), 0)))) {
      return timeout_error();
    }
    const Value d = across ? make_int_pair(0, -p, ctx) : make_int_pair(-p, 0, ctx);
    if (d.is_error()) return d;
    const Value moved = guarded(tok::shift_of(norm, d, ctx), SafeDefault::EmptySet);
    if (moved.is_error()) return moved;
    // Stops (False) at the first kept cell that is not in normalized.
    const Value outside = tok::for_each_unpacked(moved, 3, ctx, [&](const Value* ijc) {
      const Value t = tok_le(Value::integer(0), ijc[across ? 1 : 0]);
      if (t.is_error()) return t;
      if (!t.as_bool()) return Value::none();  // pruned
      const Value cell = tuple_of({ijc, 3}, ctx);
      if (cell.is_error()) return cell;
      // pruned.issubset(normalized): normalize gives a frozenset here (or an empty patch).
      const bool in = norm.is_set() && set_contains(norm.as_set(), cell);
      return in ? Value::none() : Value::boolean(false);
    });
    if (outside.is_error()) return outside;
    if (outside.is_none()) return Value::integer(p);
  }
  return ext;
}

}  // namespace

// The upper-left offsets (i, j) at which normalize(obj) matches the grid cell for cell.
Value prim_occurrences(Args a, EvalCtx& ctx) noexcept {
  const Value& grid = a[0];
  const Value norm = guarded(tok::normalize_of(a[1], tok::Via::Patch, ctx), SafeDefault::EmptySet);
  if (norm.is_error()) return norm;
  std::int64_t h = 0, w = 0;
  if (Value e = grid_size(grid, ctx, h, w); e.is_error()) return e;
  const Value shape = tok::shape_of(a[1], ctx);
  if (shape.is_error()) return shape;
  Value oh, ow;
  if (Value e = unpack2(shape, 2, ctx, oh, ow); e.is_error()) return e;
  std::int64_t h2 = 0, w2 = 0;
  if (Value e = offsets(h, oh, ctx, h2); e.is_error()) return e;
  if (Value e = offsets(w, ow, ctx, w2); e.is_error()) return e;
  if (h2 <= 0 || w2 <= 0) return empty_set();
  const auto positions = static_cast<std::uint64_t>(h2) * static_cast<std::uint64_t>(w2);
  if (!ctx.items_ok(positions)) return resource_error();
  SetBuilder out(ctx, static_cast<std::size_t>(positions));
  if (const GridObj* g = get_grid(grid); g && triples(norm)) {
    // The normalised cells start at row 0 and column 0, so only the far edges can be crossed.
    const SetObj& s = norm.as_set();
    for (std::int64_t i = 0; i < h2; ++i) {
      for (std::int64_t j = 0; j < w2; ++j) {
        std::size_t k = 0;
        for (; k < s.n; ++k) {
          const Value& c = s.items()[k];
          const std::int64_t r = c.a() + i, q = c.b() + j;
          if (r >= h || q >= w ||
              g->at(static_cast<std::int32_t>(r), static_cast<std::int32_t>(q)) != c.c()) {
            break;
          }
        }
        if (!ctx.charge(k + 1)) return timeout_error();
        if (k == s.n) {
          out.push_ascending(
              Value::pair(static_cast<std::int32_t>(i), static_cast<std::int32_t>(j)));
        }
      }
    }
    return out.finish();
  }
  for (std::int64_t i = 0; i < h2; ++i) {
    for (std::int64_t j = 0; j < w2; ++j) {
      if (!ctx.charge(1 + static_cast<std::uint64_t>(std::max<std::int64_t>(len_of(norm), 0)))) {
        return timeout_error();
      }
      const Value d = make_int_pair(i, j, ctx);
      if (d.is_error()) return d;
      const Value cells = guarded(tok::shift_of(norm, d, ctx), SafeDefault::EmptySet);
      if (cells.is_error()) return cells;
      bool match = false;
      if (Value e = all_match(grid, h, w, cells, ctx, match); e.is_error()) return e;
      if (match) {
        const Value p = make_int_pair(i, j, ctx);
        if (p.is_error()) return p;
        out.push(p);
      }
    }
  }
  return out.finish();
}

Value prim_hperiod(Args a, EvalCtx& ctx) noexcept {
  return period(a[0], true, ctx);
}
Value prim_vperiod(Args a, EvalCtx& ctx) noexcept {
  return period(a[0], false, ctx);
}

}  // namespace batt::dsl::detail::tokgrid
