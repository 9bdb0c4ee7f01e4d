// Shared helpers of the tokpidjin grid family (declared in tok_grid.hpp): range tests on
// arbitrary values, generic grid readers, and the inner primitives several files call
// (mostcolor_t, palette_t, index, crop, mir_rot_t).
#include <algorithm>

#include "dsl/pyops.hpp"
#include "dsl/tok_grid.hpp"
#include "dsl/tok_numbers.hpp"
#include "dsl/tuple.hpp"

namespace batt::dsl::detail::tokgrid {

// ---- range tests --------------------------------------------------------------------------------

Value in_range(const Value& x, std::int64_t n) noexcept {
  const Value lo = tok_le(Value::integer(0), x);
  if (lo.is_error() || !lo.as_bool()) return lo;
  return tok_lt(x, Value::integer(n));
}

Value coords_in(const Value& i, const Value& j, std::int64_t h, std::int64_t w, bool& inside,
                std::int64_t& ii, std::int64_t& jj) noexcept {
  inside = false;
  if (i.is_int() && j.is_int()) {  // the usual case
    ii = i.as_int();
    jj = j.as_int();
    inside = ii >= 0 && ii < h && jj >= 0 && jj < w;
    return Value::none();
  }
  for (const Value& t : {in_range(i, h), in_range(j, w)}) {
    if (!t.is_bool() || !t.as_bool()) return t.is_bool() ? Value::none() : t;
  }
  if (!i.is_intlike() || !j.is_intlike()) return type_error();  // a float list index
  ii = i.as_int();
  jj = j.as_int();
  inside = true;
  return Value::none();
}

// ---- grids -------------------------------------------------------------------------------------

Value grid_size(const Value& grid, EvalCtx& ctx, std::int64_t& h, std::int64_t& w) noexcept {
  if (const GridObj* g = get_grid(grid)) {
    h = g->h;
    w = g->w;
    return Value::none();
  }
  h = len_of(grid);
  if (h < 0) return type_error(1);
  Value row0;
  if (Value e = subscript(grid, 0, 1, ctx, row0); e.is_error()) return e;
  w = len_of(row0);
  return w < 0 ? type_error(1) : Value::none();
}

Value read_rows(const Value& v, EvalCtx& ctx, Rows& out) noexcept {
  std::span<const Value> rows;
  if (Value e = items_of(v, ctx, rows); e.is_error()) return e;
  auto* spans = static_cast<std::span<const Value>*>(
      ctx.alloc(std::max<std::size_t>(rows.size(), 1) * sizeof(std::span<const Value>)));
  if (!spans) return resource_error();
  std::size_t cells = 0;
  for (std::size_t k = 0; k < rows.size(); ++k) {
    if (Value e = items_of(rows[k], ctx, spans[k]); e.is_error()) return e;
    cells += spans[k].size();
  }
  if (!ctx.items_ok(cells)) return resource_error();
  out = {spans, rows.size(), cells};
  return Value::none();
}

Value flat_values(const Value& grid, EvalCtx& ctx, std::span<const Value>& out) noexcept {
  if (const GridObj* g = get_grid(grid)) {
    auto* vals = static_cast<Value*>(ctx.alloc(g->area() * sizeof(Value)));
    if (!vals) return resource_error();
    for (std::size_t k = 0; k < g->area(); ++k) vals[k] = Value::integer(g->cells()[k]);
    out = {vals, g->area()};
    return Value::none();
  }
  Rows rows;
  if (Value e = read_rows(grid, ctx, rows); e.is_error()) return e;
  auto* vals = static_cast<Value*>(ctx.alloc(std::max<std::size_t>(rows.cells, 1) * sizeof(Value)));
  if (!vals) return resource_error();
  std::size_t k = 0;
  for (std::size_t r = 0; r < rows.n; ++r) {
    for (const Value& v : rows.rows[r]) vals[k++] = v;
  }
  out = {vals, k};
  return Value::none();
}

Value rows_to_tuple(std::span<const Value> cells, std::span<const std::size_t> lens,
                    EvalCtx& ctx) noexcept {
  TupleBuilder out(ctx, lens.size());
  std::size_t at = 0;
  for (const std::size_t len : lens) {
    const Value row = tuple_of(cells.subspan(at, len), ctx);
    if (row.is_error()) return row;
    out.push(row);
    at += len;
  }
  return out.finish();
}

bool all_same(std::span<const Value> items) noexcept {
  if (items.empty()) return false;
  for (const Value& x : items) {
    if (compare(x, items[0]) != 0) return false;
  }
  return true;
}

// Of equal values (1 and True) the first one listed represents them, as set() keeps the first
// inserted: indices sorted by value, then by position, put it first in its run (std::sort on
// arena scratch: std::stable_sort would take a heap buffer).
Value common_value(std::span<const Value> values, bool most, EvalCtx& ctx) noexcept {
  const std::size_t n = values.size();
  auto* idx = static_cast<std::uint32_t*>(ctx.alloc(n * sizeof(std::uint32_t)));
  if (!idx) return resource_error();
  for (std::uint32_t k = 0; k < n; ++k) idx[k] = k;
  std::sort(idx, idx + n, [&values](std::uint32_t x, std::uint32_t y) {
    const int c = compare(values[x], values[y]);
    return c != 0 ? c < 0 : x < y;
  });
  if (!ctx.charge(n)) return timeout_error();
  Value best = values[idx[0]];
  std::size_t best_n = 0;
  for (std::size_t k = 0; k < n;) {
    std::size_t end = k + 1;
    while (end < n && compare(values[idx[end]], values[idx[k]]) == 0) ++end;
    if (best_n == 0 || (most ? end - k > best_n : end - k < best_n)) {
      best = values[idx[k]];
      best_n = end - k;
    }
    k = end;
  }
  return best;
}

Value mostcolor_t_of(const Value& grid, EvalCtx& ctx) noexcept {
  return guarded(prim_mostcolor_t(Args(&grid, 1), ctx), SafeDefault::Zero);
}

Value palette_t_of(const Value& grid, EvalCtx& ctx) noexcept {
  return guarded(prim_palette_t(Args(&grid, 1), ctx), SafeDefault::EmptySet);
}

namespace {

// `v[x]` for an index x the caller tested 0 <= x (an int or bool; a float raises).
Value subscript_by(const Value& v, const Value& x, EvalCtx& ctx, Value& out) noexcept {
  if (!x.is_intlike() || x.as_int() < 0) return type_error();
  return subscript(v, static_cast<std::size_t>(x.as_int()), 0, ctx, out);
}

// index() itself: an error where the reference raises.
Value index_raw(const Value& grid, const Value& loc, EvalCtx& ctx) noexcept {
  if (py_eq(loc, empty_tuple())) return tok_ninf();
  Value i, j;
  if (Value e = unpack2(loc, 2, ctx, i, j); e.is_error()) return e;
  std::int64_t h = 0, w = 0;
  if (Value e = grid_size(grid, ctx, h, w); e.is_error()) return e;
  for (const Value& t : {in_range(i, h), in_range(j, w)}) {
    if (!t.is_bool()) return t;
    if (!t.as_bool()) return tok_ninf();
  }
  // grid[loc[0]][loc[1]]: loc is read again by subscript (a 2-set unpacks but is no sequence).
  Value i2, j2, row, cell;
  if (Value e = subscript(loc, 0, 2, ctx, i2); e.is_error()) return e;
  if (Value e = subscript(loc, 1, 2, ctx, j2); e.is_error()) return e;
  if (const GridObj* g = get_grid(grid); g && i2.is_intlike() && j2.is_intlike()) {
    return Value::integer(
        g->at(static_cast<std::int32_t>(i2.as_int()), static_cast<std::int32_t>(j2.as_int())));
  }
  if (Value e = subscript_by(grid, i2, ctx, row); e.is_error()) return e;
  if (Value e = subscript_by(row, j2, ctx, cell); e.is_error()) return e;
  return cell;
}

}  // namespace

Value index_of(const Value& grid, const Value& loc, EvalCtx& ctx) noexcept {
  return guarded(index_raw(grid, loc, ctx), SafeDefault::Zero);
}

Value prim_index(Args a, EvalCtx& ctx) noexcept {
  return index_raw(a[0], a[1], ctx);
}

Value tok_crop(const Value& grid, const Value& start, const Value& dims, EvalCtx& ctx) noexcept {
  if (py_eq(grid, empty_tuple())) return empty_tuple();
  std::int64_t h = 0, w = 0;
  if (Value e = grid_size(grid, ctx, h, w); e.is_error()) return e;
  // start[0] >= 0 and start[0] < h and start[1] >= 0 and start[1] < w
  //   and start[0] + dims[0] <= h and start[1] + dims[1] <= w, stopping at the first false.
  const Value zero = Value::integer(0), hv = Value::integer(h), wv = Value::integer(w);
  for (std::size_t k = 0; k < 2; ++k) {
    Value s;
    if (Value e = subscript(start, k, 2, ctx, s); e.is_error()) return e;
    for (const Value& t : {tok_le(zero, s), tok_lt(s, k == 0 ? hv : wv)}) {
      if (!t.is_bool()) return t;
      if (!t.as_bool()) return empty_tuple();
    }
  }
  for (std::size_t k = 0; k < 2; ++k) {
    Value s, d;
    if (Value e = subscript(start, k, 2, ctx, s); e.is_error()) return e;
    if (Value e = subscript(dims, k, 3, ctx, d); e.is_error()) return e;
    const Value end = tok_binop(PyOp::Add, s, d, ctx);
    if (end.is_error()) return end;
    const Value t = tok_le(end, k == 0 ? hv : wv);
    if (!t.is_bool()) return t;
    if (!t.as_bool()) return empty_tuple();
  }
  // The window is inside: Hodel's crop (Python slicing) gives it.
  static const PrimFn arc_crop = arc_body("crop");
  const Value args[3] = {grid, start, dims};
  return arc_crop(Args(args), ctx);
}

Value mir_rot_of(const Value& grid, const Value& t, EvalCtx& ctx) noexcept {
  // 0 hmirror, 1 dmirror, 2 vmirror, 3 cmirror, 4 rot90, 5 rot180, 6 rot270 (`type == k`).
  static const PrimFn kBy[7] = {prim_hmirror_t,    prim_dmirror_t,    prim_vmirror_t,
                                prim_cmirror_t,    arc_body("rot90"), arc_body("rot180"),
                                arc_body("rot270")};
  for (int k = 0; k < 7; ++k) {
    if (py_eq(t, Value::integer(k))) {
      return guarded(kBy[k](Args(&grid, 1), ctx), SafeDefault::EmptyTuple);
    }
  }
  return grid;
}

}  // namespace batt::dsl::detail::tokgrid
