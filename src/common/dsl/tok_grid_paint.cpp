// Painting primitives of the tokpidjin dialect: fill, underfill, cover, paint, underpaint, move,
// switch, replace, cellwise, canvas, compress (index is in tok_grid_util.cpp).
//
// The reference builds `[list(r) for r in grid]`, writes any value into it and returns the tuple
// of its rows, so a result is a Grid only while every written value is a small int; Canvas keeps
// the int8 copy-on-write fast path and falls back to rows of Values on the first other write.
// Objects are read as (i, j, c) cells and patches through toindices (tok_patch.hpp).
#include <algorithm>
#include <optional>

#include "dsl/grid.hpp"
#include "dsl/pyops.hpp"
#include "dsl/set.hpp"
#include "dsl/tok_grid.hpp"
#include "dsl/tok_patch.hpp"
#include "dsl/tuple.hpp"

namespace batt::dsl::detail::tokgrid {

namespace {

// A value that can be stored in an int8 Grid cell and reads back as itself (a plain int: a bool
// stored as 0/1 would come back as an int).
bool small_int(const Value& v, std::int8_t& out) noexcept {
  if (!v.is_int() || !fits_i8(v.as_int())) return false;
  out = static_cast<std::int8_t>(v.as_int());
  return true;
}

// `g = [list(r) for r in grid]` with h = len(grid), w = len(grid[0]), then writes g[i][j] = v for
// 0 <= i < h, 0 <= j < w, and `tuple(tuple(r) for r in g)`.
class Canvas {
 public:
  explicit Canvas(EvalCtx& ctx) noexcept : ctx_(ctx) {}

  // Errors where `len(grid)`, `len(grid[0])` or `list(r)` raises; with `indexed`, also where a
  // row is no tuple (the caller reads grid[i][j] itself instead of a list copy).
  Value init(const Value& grid, bool indexed = false) noexcept {
    src_ = grid;
    if (Value e = grid_size(grid, ctx_, h, w); e.is_error()) return e;
    if (grid.is_grid()) {
      grid_.emplace(src_, ctx_);
      return Value::none();
    }
    if (indexed) {
      std::span<const Value> items;
      if (Value e = items_of(grid, ctx_, items, 1); e.is_error()) return e;
      for (const Value& r : items) {
        if (!r.is_tuplelike()) return type_error(1);
      }
    }
    Rows rows;
    if (Value e = read_rows(grid, ctx_, rows); e.is_error()) return e;
    return take_rows(rows);
  }

  // g[i][j] (0 <= i < h, 0 <= j < w): Index error when row i is shorter.
  Value get(std::int64_t i, std::int64_t j) const noexcept {
    if (grid_) return Value::integer(grid_->at(offset(i, j)));
    if (static_cast<std::size_t>(j) >= lens_[i]) return index_error(1);
    return rows_[i][j];
  }

  Value set(std::int64_t i, std::int64_t j, const Value& v) noexcept {
    std::int8_t c = 0;
    if (grid_ && small_int(v, c)) {
      return grid_->put(offset(i, j), c) ? Value::none() : resource_error();
    }
    if (grid_) {
      if (Value e = to_values(); e.is_error()) return e;
    }
    if (static_cast<std::size_t>(j) >= lens_[i]) return index_error(1);
    rows_[i][j] = v;
    return Value::none();
  }

  Value result() noexcept {
    if (grid_) return grid_->result();
    TupleBuilder b(ctx_, static_cast<std::size_t>(h));
    for (std::int64_t i = 0; i < h; ++i) {
      const Value r = tuple_of({rows_[i], lens_[i]}, ctx_);
      if (r.is_error()) return r;
      b.push(r);
    }
    return b.finish();
  }

  std::int64_t h = 0, w = 0;

 private:
  Value take_rows(const Rows& rows) noexcept {
    rows_ = static_cast<Value**>(ctx_.alloc(std::max<std::size_t>(rows.n, 1) * sizeof(Value*)));
    lens_ = static_cast<std::size_t*>(
        ctx_.alloc(std::max<std::size_t>(rows.n, 1) * sizeof(std::size_t)));
    auto* cells =
        static_cast<Value*>(ctx_.alloc(std::max<std::size_t>(rows.cells, 1) * sizeof(Value)));
    if (!rows_ || !lens_ || !cells) return resource_error();
    for (std::size_t r = 0; r < rows.n; ++r) {
      rows_[r] = cells;
      lens_[r] = rows.rows[r].size();
      cells = std::copy(rows.rows[r].begin(), rows.rows[r].end(), cells);
    }
    return Value::none();
  }

  // Leaves the int8 fast path: the rows as Values.
  Value to_values() noexcept {
    Rows rows;
    if (Value e = read_rows(grid_->result(), ctx_, rows); e.is_error()) return e;
    grid_.reset();
    return take_rows(rows);
  }

  std::size_t offset(std::int64_t i, std::int64_t j) const noexcept {
    return static_cast<std::size_t>(i) * static_cast<std::size_t>(w) + static_cast<std::size_t>(j);
  }

  EvalCtx& ctx_;
  Value src_;
  std::optional<GridOut> grid_;  // the int8 fast path (a Grid source), until a non-int write
  Value** rows_ = nullptr;
  std::size_t* lens_ = nullptr;
};

enum class Under : std::uint8_t { No, Yes };

// Calls visit(i, j, v) for each location (ints, inside the canvas) of `for i, j in idx` (v unused)
// or `for i, j, c in obj` (v = c), in iteration order; errors where the loop raises.
template <typename Visit>
Value for_each_loc(const Value& items, int n, const Canvas& cv, EvalCtx& ctx,
                   Visit&& visit) noexcept {
  const bool fast =
      items.is_set() && items.as_set().kind == (n == 2 ? SetKind::Pairs : SetKind::Triples);
  if (fast) {
    for (const Value& p : items.as_set().span()) {
      if (p.a() < 0 || p.a() >= cv.h || p.b() < 0 || p.b() >= cv.w) continue;
      if (Value e = visit(p.a(), p.b(), n == 3 ? Value::integer(p.c()) : Value()); e.is_error()) {
        return e;
      }
    }
    return Value::none();
  }
  return tok::for_each_unpacked(items, static_cast<std::size_t>(n), ctx, [&](const Value* xs) {
    bool in = false;
    std::int64_t i = 0, j = 0;
    if (Value e = coords_in(xs[0], xs[1], cv.h, cv.w, in, i, j); e.is_error()) return e;
    return in ? visit(i, j, n == 3 ? xs[2] : Value()) : Value::none();
  });
}

// fill / underfill (`fill` given: that value at every location of toindices(items)) and paint /
// underpaint (each cell (i, j, c) of items), in iteration order (the last write to a position
// wins); under == Yes writes only where the cell holds mostcolor_t(grid).
Value draw(const Value& grid, const Value& items, const Value* fill, Under under,
           EvalCtx& ctx) noexcept {
  Canvas cv(ctx);
  if (Value e = cv.init(grid); e.is_error()) return e;
  Value bg;
  if (under == Under::Yes) {
    bg = mostcolor_t_of(grid, ctx);
    if (bg.is_error()) return bg;
  }
  const Value locs = fill ? tok::locations(items, tok::Via::Patch, ctx) : items;
  if (locs.is_error()) return locs;
  if (Value e = for_each_loc(locs, fill ? 2 : 3, cv, ctx,
                             [&](std::int64_t i, std::int64_t j, const Value& c) {
                               if (under == Under::Yes) {
                                 const Value cur = cv.get(i, j);
                                 if (cur.is_error()) return cur;
                                 if (!py_eq(cur, bg)) return Value::none();
                               }
                               return cv.set(i, j, fill ? *fill : c);
                             });
      e.is_error()) {
    return e;
  }
  return cv.result();
}

// cover(grid, patch) = fill(grid, mostcolor_t(grid), toindices(patch)), fill wrapped.
Value cover_impl(const Value& grid, const Value& patch, EvalCtx& ctx) noexcept {
  const Value bg = mostcolor_t_of(grid, ctx);
  if (bg.is_error()) return bg;
  const Value idx = tok::locations(patch, tok::Via::Patch, ctx);
  if (idx.is_error()) return idx;
  return guarded(draw(grid, idx, &bg, Under::No, ctx), SafeDefault::EmptyTuple);
}

// `tuple(tuple(f(v) for v in r) for r in grid)` over any container of containers.
template <typename Fn>
Value map_cells(const Value& grid, EvalCtx& ctx, Fn&& fn) noexcept {
  Rows rows;
  if (Value e = read_rows(grid, ctx, rows); e.is_error()) return e;
  auto* cells =
      static_cast<Value*>(ctx.alloc(std::max<std::size_t>(rows.cells, 1) * sizeof(Value)));
  auto* lens =
      static_cast<std::size_t*>(ctx.alloc(std::max<std::size_t>(rows.n, 1) * sizeof(std::size_t)));
  if (!cells || !lens) return resource_error();
  std::size_t k = 0;
  for (std::size_t r = 0; r < rows.n; ++r) {
    lens[r] = rows.rows[r].size();
    for (const Value& v : rows.rows[r]) cells[k++] = fn(v);
  }
  return rows_to_tuple({cells, k}, {lens, rows.n}, ctx);
}

}  // namespace

Value prim_fill(Args a, EvalCtx& ctx) noexcept {
  return draw(a[0], a[2], &a[1], Under::No, ctx);
}
Value prim_underfill(Args a, EvalCtx& ctx) noexcept {
  return draw(a[0], a[2], &a[1], Under::Yes, ctx);
}
Value prim_cover(Args a, EvalCtx& ctx) noexcept {
  return cover_impl(a[0], a[1], ctx);
}
Value prim_paint(Args a, EvalCtx& ctx) noexcept {
  return draw(a[0], a[1], nullptr, Under::No, ctx);
}
Value prim_underpaint(Args a, EvalCtx& ctx) noexcept {
  return draw(a[0], a[1], nullptr, Under::Yes, ctx);
}

// paint(cover(grid, obj), shift(obj, offset)), each call wrapped.
Value prim_move(Args a, EvalCtx& ctx) noexcept {
  const Value covered = cover_impl(a[0], a[1], ctx);
  if (covered.is_error()) return covered;
  const Value moved = guarded(tok::shift_of(a[1], a[2], ctx), SafeDefault::EmptySet);
  if (moved.is_error()) return moved;
  return guarded(draw(covered, moved, nullptr, Under::No, ctx), SafeDefault::EmptyTuple);
}

// v if v not in [a, b] else {a: b, b: a}[v].
Value prim_switch(Args a, EvalCtx& ctx) noexcept {
  std::int8_t x = 0, y = 0;
  if (a[0].is_grid() && small_int(a[1], x) && small_int(a[2], y)) {
    static const PrimFn arc_switch = arc_body("switch");
    return arc_switch(a, ctx);
  }
  const bool same = equal(a[1], a[2]);  // one dict key: it maps to a
  return map_cells(a[0], ctx, [&](const Value& v) {
    if (equal(v, a[2])) return a[1];
    if (equal(v, a[1])) return same ? a[1] : a[2];
    return v;
  });
}

// replacer if v == replacee else v.
Value prim_replace(Args a, EvalCtx& ctx) noexcept {
  std::int8_t y = 0;
  if (a[0].is_grid() && a[1].is_intlike() && small_int(a[2], y)) {
    static const PrimFn arc_replace = arc_body("replace");
    return arc_replace(a, ctx);
  }
  return map_cells(a[0], ctx, [&](const Value& v) { return py_eq(v, a[1]) ? a[2] : v; });
}

// a[i][j] if a[i][j] == index(b, (i, j)) else fallback, for i < len(a), j < len(a[0]); index
// gives -inf outside b (and 0 when it raises), so a smaller or broken b is no error.
Value prim_cellwise(Args a, EvalCtx& ctx) noexcept {
  const GridObj* x = get_grid(a[0]);
  const GridObj* y = get_grid(a[1]);
  std::int8_t fb = 0;
  if (x && y && small_int(a[2], fb)) {
    GridObj* out = new_grid(ctx, x->h, x->w);
    if (!out) return resource_error();
    for (std::int32_t i = 0; i < x->h; ++i) {
      for (std::int32_t j = 0; j < x->w; ++j) {
        const std::int8_t v = x->at(i, j);
        const bool same = i < y->h && j < y->w && y->at(i, j) == v;
        out->cells()[static_cast<std::size_t>(i) * x->w + j] = same ? v : fb;
      }
    }
    return Value::grid(out);
  }
  Canvas cv(ctx);  // only read: a[i][j]
  if (Value e = cv.init(a[0], true); e.is_error()) return e;
  const auto area = static_cast<std::uint64_t>(cv.h) * static_cast<std::uint64_t>(cv.w);
  if (!ctx.items_ok(area)) return resource_error();
  if (!ctx.charge(area)) return timeout_error();
  auto* cells = static_cast<Value*>(ctx.alloc(std::max<std::uint64_t>(area, 1) * sizeof(Value)));
  auto* lens =
      static_cast<std::size_t*>(ctx.alloc(std::max<std::int64_t>(cv.h, 1) * sizeof(std::size_t)));
  if (!cells || !lens) return resource_error();
  for (std::int64_t i = 0; i < cv.h; ++i) {
    lens[i] = static_cast<std::size_t>(cv.w);
    for (std::int64_t j = 0; j < cv.w; ++j) {
      const Value v = cv.get(i, j);
      if (v.is_error()) return v;
      const Value loc = make_int_pair(i, j, ctx);
      if (loc.is_error()) return loc;
      const Value other = index_of(a[1], loc, ctx);
      if (other.is_error()) return other;
      cells[i * cv.w + j] = py_eq(v, other) ? v : a[2];
    }
  }
  return rows_to_tuple({cells, static_cast<std::size_t>(area)},
                       {lens, static_cast<std::size_t>(cv.h)}, ctx);
}

// tuple(tuple(color for _ in range(dims[1])) for _ in range(dims[0])).
Value prim_canvas(Args a, EvalCtx& ctx) noexcept {
  std::int8_t c = 0;
  static const PrimFn arc_canvas = arc_body("canvas");
  if (small_int(a[0], c)) return arc_canvas(a, ctx);
  Value d0, d1;
  if (Value e = subscript(a[1], 0, 2, ctx, d0); e.is_error()) return e;
  if (!d0.is_intlike()) return type_error(2);
  const std::int64_t h = d0.as_int();
  if (h <= 0) return empty_tuple();
  if (Value e = subscript(a[1], 1, 2, ctx, d1); e.is_error()) return e;
  if (!d1.is_intlike()) return type_error(2);
  const std::int64_t w = std::max<std::int64_t>(d1.as_int(), 0);
  if (!ctx.items_ok(static_cast<std::uint64_t>(h)) ||
      !ctx.items_ok(static_cast<std::uint64_t>(w)) ||
      !ctx.items_ok(static_cast<std::uint64_t>(h) * static_cast<std::uint64_t>(w))) {
    return resource_error();
  }
  TupleBuilder row(ctx, static_cast<std::size_t>(w));
  for (std::int64_t j = 0; j < w; ++j) row.push(a[0]);
  const Value r = row.finish();
  if (r.is_error()) return r;
  TupleBuilder out(ctx, static_cast<std::size_t>(h));
  for (std::int64_t i = 0; i < h; ++i) out.push(r);
  return out.finish();
}

// Drops the rows, and the columns (of dmirror_t(grid), wrapped), that hold a single value.
Value prim_compress(Args a, EvalCtx& ctx) noexcept {
  if (a[0].is_grid()) {
    static const PrimFn arc_compress = arc_body("compress");
    return arc_compress(a, ctx);
  }
  Rows rows;
  if (Value e = read_rows(a[0], ctx, rows); e.is_error()) return e;
  const Value cols = guarded(prim_dmirror_t(a, ctx), SafeDefault::EmptyTuple);
  if (cols.is_error()) return cols;
  std::span<const Value> cs;
  if (Value e = items_of(cols, ctx, cs); e.is_error()) return e;
  auto* drop_col = static_cast<bool*>(ctx.alloc(std::max<std::size_t>(cs.size(), 1)));
  if (!drop_col) return resource_error();
  for (std::size_t j = 0; j < cs.size(); ++j) {
    std::span<const Value> c;
    if (Value e = items_of(cs[j], ctx, c); e.is_error()) return e;
    drop_col[j] = all_same(c);
  }
  TupleBuilder out(ctx, rows.n);
  for (std::size_t i = 0; i < rows.n; ++i) {
    const std::span<const Value> r = rows.rows[i];
    if (all_same(r)) continue;
    TupleBuilder row(ctx, r.size());
    for (std::size_t j = 0; j < r.size(); ++j) {
      if (j >= cs.size() || !drop_col[j]) row.push(r[j]);
    }
    const Value rv = row.finish();
    if (rv.is_error()) return rv;
    out.push(rv);
  }
  return out.finish();
}

}  // namespace batt::dsl::detail::tokgrid
