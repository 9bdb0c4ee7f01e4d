// Object primitives of the tokpidjin dialect: asobject, objects, o_g, partition, fgpartition,
// toobject, f_ofcolor, frontiers, is_no_grid (asindices is arc-dsl's body).
//
// Cells are (i, j, c) Triples, so an object's canonical order is position-major: a row-major scan
// of the grid produces each object's cells already sorted, and objects found in scan order of
// their first cell are sorted too (their first cells are distinct positions). Grids of int8
// cells take these fast paths; other tuples follow the reference's loops over arbitrary values.
#include <algorithm>

#include "dsl/grid.hpp"
#include "dsl/pyops.hpp"
#include "dsl/set.hpp"
#include "dsl/tok_grid.hpp"
#include "dsl/tok_patch.hpp"
#include "dsl/tuple.hpp"

namespace batt::dsl::detail::tokgrid {

namespace {

// The cell (i, j, v): a Triple when v is a plain int, else a 3-tuple.
Value make_cell(std::int64_t i, std::int64_t j, const Value& v, EvalCtx& ctx) noexcept {
  if (v.is_int() && fits_i32(v.as_int()) && fits_i32(i) && fits_i32(j)) {
    return Value::triple(static_cast<std::int32_t>(i), static_cast<std::int32_t>(j),
                         static_cast<std::int32_t>(v.as_int()));
  }
  const Value items[3] = {Value::integer(i), Value::integer(j), v};
  return tuple_of(items, ctx);
}

// grid_size(), and for a grid that is not a Grid value its cells
// `grid[i][j]` for i < h, j < w as one row-major array (every row must be a tuple with at least
// w items, as the reference reads all of them).
struct Cells {
  std::int64_t h = 0, w = 0;
  const GridObj* g = nullptr;  // the fast case
  const Value* v = nullptr;    // otherwise, h * w values
};

Value read_cells(const Value& grid, EvalCtx& ctx, Cells& out) noexcept {
  if (Value e = grid_size(grid, ctx, out.h, out.w); e.is_error()) return e;
  out.g = get_grid(grid);
  if (out.g) return Value::none();
  const auto area = static_cast<std::uint64_t>(out.h) * static_cast<std::uint64_t>(out.w);
  if (!ctx.items_ok(area)) return resource_error();
  auto* cells = static_cast<Value*>(ctx.alloc(std::max<std::uint64_t>(area, 1) * sizeof(Value)));
  if (!cells) return resource_error();
  std::span<const Value> rows;
  if (Value e = items_of(grid, ctx, rows, 1); e.is_error()) return e;
  for (std::int64_t i = 0; i < out.h && out.w > 0; ++i) {
    const Value& r = rows[static_cast<std::size_t>(i)];
    if (!r.is_tuplelike()) return type_error(1);
    if (len_of(r) < out.w) return index_error(1);
    std::span<const Value> items;
    if (Value e = items_of(r, ctx, items); e.is_error()) return e;
    std::copy(items.begin(), items.begin() + out.w, cells + i * out.w);
  }
  out.v = cells;
  return Value::none();
}

// Connected components by flood fill, as the reference's objects(): a seed is every cell in
// row-major order that is in no object yet and for which `skip` is false; the object grows over
// the (diagonal) neighbours q with `joins(seed, q)`. The seed itself expands only when
// joins(seed, seed) (false only for a nan cell with univalued). Objects come out sorted.
template <typename Skip, typename Joins, typename Make>
Value flood(std::int64_t h, std::int64_t w, bool diagonal, Skip&& skip, Joins&& joins, Make&& make,
            EvalCtx& ctx) noexcept {
  const auto area = static_cast<std::size_t>(h * w);
  if (!ctx.charge(area)) return timeout_error();
  auto* lab = static_cast<std::int32_t*>(ctx.alloc((3 * area + 2) * sizeof(std::int32_t)));
  if (!lab) return resource_error();
  std::int32_t* stack = lab + area;
  std::int32_t* start = stack + area;  // per object: first slot of its cells; ncomp + 1 entries
  std::fill(lab, lab + area, -1);
  constexpr int kDi[8] = {-1, 1, 0, 0, -1, -1, 1, 1};
  constexpr int kDj[8] = {0, 0, -1, 1, -1, 1, -1, 1};
  const int nn = diagonal ? 8 : 4;
  std::int32_t ncomp = 0;
  for (std::size_t p = 0; p < area; ++p) {
    if (lab[p] >= 0 || skip(p)) continue;
    const std::int32_t comp = ncomp++;
    lab[p] = comp;
    if (!joins(p, p)) continue;
    std::size_t top = 0;
    stack[top++] = static_cast<std::int32_t>(p);
    while (top > 0) {
      const std::int32_t q = stack[--top];
      const std::int64_t qi = q / w, qj = q % w;
      for (int d = 0; d < nn; ++d) {
        const std::int64_t ri = qi + kDi[d], rj = qj + kDj[d];
        if (ri < 0 || ri >= h || rj < 0 || rj >= w) continue;
        const auto r = static_cast<std::size_t>(ri * w + rj);
        if (lab[r] >= 0 || !joins(p, r)) continue;
        lab[r] = comp;
        stack[top++] = static_cast<std::int32_t>(r);
      }
    }
  }
  if (ncomp == 0) return empty_set();
  // Counting sort of the labelled cells by object, in row-major (= canonical) order.
  std::fill(start, start + ncomp + 1, 0);
  for (std::size_t p = 0; p < area; ++p) {
    if (lab[p] >= 0) ++start[lab[p] + 1];
  }
  for (std::int32_t c = 0; c < ncomp; ++c) start[c + 1] += start[c];
  auto* cells =
      static_cast<Value*>(ctx.alloc(std::max<std::size_t>(start[ncomp], 1) * sizeof(Value)));
  if (!cells) return resource_error();
  std::int32_t* cursor = stack;  // the stack is free again
  std::copy(start, start + ncomp, cursor);
  for (std::size_t p = 0; p < area; ++p) {
    if (lab[p] < 0) continue;
    const Value c = make(static_cast<std::int64_t>(p) / w, static_cast<std::int64_t>(p) % w, p);
    if (c.is_error()) return c;
    cells[cursor[lab[p]]++] = c;
  }
  SetBuilder objs(ctx, static_cast<std::size_t>(ncomp));
  for (std::int32_t c = 0; c < ncomp; ++c) {
    const Value obj = set_of_ascending(
        {cells + start[c], static_cast<std::size_t>(start[c + 1] - start[c])}, ctx);
    if (obj.is_error()) return obj;
    objs.push(obj);
  }
  return objs.finish();
}

Value objects_impl(const Value& grid, bool univalued, bool diagonal, bool without_bg,
                   EvalCtx& ctx) noexcept {
  if (py_eq(grid, empty_tuple())) return empty_set();
  const Value bg = without_bg ? mostcolor_t_of(grid, ctx) : Value::none();
  if (bg.is_error()) return bg;
  Cells cells;
  if (Value e = read_cells(grid, ctx, cells); e.is_error()) return e;
  if (cells.h == 0 || cells.w == 0) return empty_set();
  if (const GridObj* g = cells.g) {
    const std::int8_t* v = g->cells();
    const bool has_bg = bg.is_int();
    const std::int64_t b = has_bg ? bg.as_int() : 0;
    return flood(
        g->h, g->w, diagonal, [&](std::size_t p) { return has_bg && v[p] == b; },
        [&](std::size_t s, std::size_t q) {
          return univalued ? v[s] == v[q] : !(has_bg && v[q] == b);
        },
        [&](std::int64_t i, std::int64_t j, std::size_t p) {
          return Value::triple(static_cast<std::int32_t>(i), static_cast<std::int32_t>(j), v[p]);
        },
        ctx);
  }
  const Value* v = cells.v;
  return flood(
      cells.h, cells.w, diagonal, [&](std::size_t p) { return py_eq(v[p], bg); },
      [&](std::size_t s, std::size_t q) {
        return univalued ? py_eq(v[s], v[q]) : !py_eq(v[q], bg);
      },
      [&](std::int64_t i, std::int64_t j, std::size_t p) { return make_cell(i, j, v[p], ctx); },
      ctx);
}

// partition (skip_bg == false) and fgpartition: one object per colour of palette_t(grid)
// (minus mostcolor_t(grid)), each the cells `c == color` in row-major order.
Value partition_impl(const Value& grid, bool skip_bg, EvalCtx& ctx) noexcept {
  const Value pal = palette_t_of(grid, ctx);
  if (pal.is_error()) return pal;
  Value bg = Value::none();
  if (skip_bg) {
    bg = mostcolor_t_of(grid, ctx);
    if (bg.is_error()) return bg;
  }
  std::span<const Value> colors = pal.as_set().span();
  if (const GridObj* g = get_grid(grid)) {
    SetBuilder objs(ctx, colors.size());
    for (const Value& color : colors) {
      if (skip_bg && equal(color, bg)) continue;
      const auto c = static_cast<std::int8_t>(color.as_int());
      std::size_t n = 0;
      for (std::size_t k = 0; k < g->area(); ++k) n += g->cells()[k] == c;
      SetBuilder obj(ctx, n);
      for (std::int32_t i = 0; i < g->h; ++i) {
        for (std::int32_t j = 0; j < g->w; ++j) {
          if (g->at(i, j) == c) obj.push_ascending(Value::triple(i, j, c));
        }
      }
      const Value o = obj.finish();
      if (o.is_error()) return o;
      objs.push(o);
    }
    return objs.finish();
  }
  Rows rows;
  if (!colors.empty()) {
    if (Value e = read_rows(grid, ctx, rows); e.is_error()) return e;
  }
  SetBuilder objs(ctx, colors.size());
  for (const Value& color : colors) {
    if (skip_bg && equal(color, bg)) continue;  // `palette - {bg}`
    SetBuilder obj(ctx, rows.cells);
    for (std::size_t i = 0; i < rows.n; ++i) {
      for (std::size_t j = 0; j < rows.rows[i].size(); ++j) {
        const Value& c = rows.rows[i][j];
        if (!py_eq(c, color)) continue;
        const Value cell =
            make_cell(static_cast<std::int64_t>(i), static_cast<std::int64_t>(j), c, ctx);
        if (cell.is_error()) return cell;
        obj.push(cell);
      }
    }
    const Value o = obj.finish();
    if (o.is_error()) return o;
    objs.push(o);
  }
  return objs.finish();
}

// `grid[i][j]` of a grid that passed grid_size().
Value cell_at(const Value& grid, std::int64_t i, std::int64_t j, EvalCtx& ctx) noexcept {
  if (const GridObj* g = get_grid(grid)) {
    return Value::integer(g->at(static_cast<std::int32_t>(i), static_cast<std::int32_t>(j)));
  }
  Value row, c;
  if (Value e = subscript(grid, static_cast<std::size_t>(i), 1, ctx, row); e.is_error()) return e;
  if (Value e = subscript(row, static_cast<std::size_t>(j), 1, ctx, c); e.is_error()) return e;
  return c;
}

// frozenset({(i, j, grid[i][j]) for ...}) along row i (row == true) or column j.
Value frontier(const Value& grid, std::int64_t k, bool row, std::int64_t n, EvalCtx& ctx) noexcept {
  SetBuilder f(ctx, static_cast<std::size_t>(n));
  for (std::int64_t t = 0; t < n; ++t) {
    const std::int64_t i = row ? k : t, j = row ? t : k;
    const Value v = cell_at(grid, i, j, ctx);
    if (v.is_error()) return v;
    const Value c = make_cell(i, j, v, ctx);
    if (c.is_error()) return c;
    f.push(c);
  }
  return f.finish();
}

bool is_no_grid(const Value& x) noexcept {
  if (x.is_grid()) return false;
  if (!x.is_tuple()) return true;  // not a tuple, or a Pair / Cell / Triple (items are no rows)
  for (const Value& inner : x.as_tuple().span()) {
    if (inner.is_pair() || inner.is_triple()) continue;
    if (!inner.is_tuple()) return true;  // not a tuple, or a Cell / Grid (rows hold tuples)
    for (const Value& v : inner.as_tuple().span()) {
      if (!v.is_intlike()) return true;
    }
  }
  return false;
}

}  // namespace

Value prim_asobject(Args a, EvalCtx& ctx) noexcept {
  if (const GridObj* g = get_grid(a[0])) {
    SetBuilder b(ctx, g->area());
    for (std::int32_t i = 0; i < g->h; ++i) {
      for (std::int32_t j = 0; j < g->w; ++j) b.push_ascending(Value::triple(i, j, g->at(i, j)));
    }
    return b.finish();
  }
  if (is_no_grid(a[0])) return empty_set();
  Rows rows;
  if (Value e = read_rows(a[0], ctx, rows); e.is_error()) return e;
  SetBuilder b(ctx, rows.cells);
  for (std::size_t i = 0; i < rows.n; ++i) {
    for (std::size_t j = 0; j < rows.rows[i].size(); ++j) {
      const Value c = make_cell(static_cast<std::int64_t>(i), static_cast<std::int64_t>(j),
                                rows.rows[i][j], ctx);
      if (c.is_error()) return c;
      b.push(c);
    }
  }
  return b.finish();
}

Value prim_objects(Args a, EvalCtx& ctx) noexcept {
  return objects_impl(a[0], truthy(a[1]), truthy(a[2]), truthy(a[3]), ctx);
}

// objects(grid, t >= 4, t & 2, t & 1) for t in 0..7 (objects wrapped: frozenset() when it
// raises); None for any other t.
Value prim_o_g(Args a, EvalCtx& ctx) noexcept {
  for (int t = 0; t < 8; ++t) {
    if (!py_eq(a[1], Value::integer(t))) continue;
    return guarded(objects_impl(a[0], t >= 4, (t & 2) != 0, (t & 1) != 0, ctx),
                   SafeDefault::EmptySet);
  }
  return Value::none();
}

Value prim_partition(Args a, EvalCtx& ctx) noexcept {
  return partition_impl(a[0], false, ctx);
}
Value prim_fgpartition(Args a, EvalCtx& ctx) noexcept {
  return partition_impl(a[0], true, ctx);
}

// frozenset((i, j, grid[i][j]) for i, j in toindices(patch) if 0 <= i < h and 0 <= j < w).
Value prim_toobject(Args a, EvalCtx& ctx) noexcept {
  const Value& grid = a[1];
  std::int64_t h = 0, w = 0;
  if (Value e = grid_size(grid, ctx, h, w); e.is_error()) return e;
  const Value idx = tok::locations(a[0], tok::Via::Patch, ctx);
  if (idx.is_error()) return idx;
  const GridObj* g = get_grid(grid);
  if (g && idx.is_set() && idx.as_set().kind == SetKind::Pairs) {
    const SetObj& s = idx.as_set();
    SetBuilder b(ctx, s.n);
    for (const Value& p : s.span()) {
      if (p.a() >= 0 && p.a() < h && p.b() >= 0 && p.b() < w) {
        b.push_ascending(Value::triple(p.a(), p.b(), g->at(p.a(), p.b())));
      }
    }
    return b.finish();
  }
  SetBuilder b(ctx, static_cast<std::size_t>(std::max<std::int64_t>(len_of(idx), 0)));
  const Value err = tok::for_each_unpacked(idx, 2, ctx, [&](const Value* xs) {
    bool in = false;
    std::int64_t i = 0, j = 0;
    if (Value e = coords_in(xs[0], xs[1], h, w, in, i, j); e.is_error()) return e;
    if (!in) return Value::none();
    const Value v = cell_at(grid, i, j, ctx);
    if (v.is_error()) return v;
    const Value c = make_cell(i, j, v, ctx);
    if (c.is_error()) return c;
    b.push(c);
    return Value::none();
  });
  return err.is_error() ? err : b.finish();
}

// frozenset((i, j) for i, r in enumerate(grid) for j, c in enumerate(r) if c == color).
Value prim_f_ofcolor(Args a, EvalCtx& ctx) noexcept {
  if (const GridObj* g = get_grid(a[0]); g && a[1].is_intlike()) {
    const std::int64_t v = a[1].as_int();
    std::size_t n = 0;
    for (std::size_t k = 0; k < g->area(); ++k) n += g->cells()[k] == v;
    SetBuilder b(ctx, n);
    for (std::int32_t i = 0; i < g->h; ++i) {
      for (std::int32_t j = 0; j < g->w; ++j) {
        if (g->at(i, j) == v) b.push_ascending(Value::pair(i, j));
      }
    }
    return b.finish();
  }
  Rows rows;
  if (Value e = read_rows(a[0], ctx, rows); e.is_error()) return e;
  SetBuilder b(ctx, rows.cells);
  for (std::size_t i = 0; i < rows.n; ++i) {
    for (std::size_t j = 0; j < rows.rows[i].size(); ++j) {
      if (!py_eq(rows.rows[i][j], a[1])) continue;
      const Value p =
          make_int_pair(static_cast<std::int64_t>(i), static_cast<std::int64_t>(j), ctx);
      if (p.is_error()) return p;
      b.push(p);
    }
  }
  return b.finish();
}

// The rows and the columns (of dmirror_t(grid), wrapped) holding a single value, each as the
// object of its cells.
Value prim_frontiers(Args a, EvalCtx& ctx) noexcept {
  const Value& grid = a[0];
  std::int64_t h = 0, w = 0;
  if (Value e = grid_size(grid, ctx, h, w); e.is_error()) return e;
  std::span<const Value> rows;
  if (Value e = items_of(grid, ctx, rows, 1); e.is_error()) return e;
  SetBuilder out(ctx, rows.size() + static_cast<std::size_t>(std::max<std::int64_t>(w, 0)));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    std::span<const Value> r;
    if (Value e = items_of(rows[i], ctx, r, 1); e.is_error()) return e;
    if (!all_same(r)) continue;
    const Value f = frontier(grid, static_cast<std::int64_t>(i), true, w, ctx);
    if (f.is_error()) return f;
    out.push(f);
  }
  const Value cols = guarded(prim_dmirror_t(Args(&grid, 1), ctx), SafeDefault::EmptyTuple);
  if (cols.is_error()) return cols;
  std::span<const Value> cs;
  if (Value e = items_of(cols, ctx, cs); e.is_error()) return e;
  for (std::size_t j = 0; j < cs.size(); ++j) {
    std::span<const Value> c;
    if (Value e = items_of(cs[j], ctx, c); e.is_error()) return e;
    if (!all_same(c)) continue;
    const Value f = frontier(grid, static_cast<std::int64_t>(j), false, h, ctx);
    if (f.is_error()) return f;
    out.push(f);
  }
  return out.finish();
}

Value prim_is_no_grid(Args a, EvalCtx&) noexcept {
  return Value::boolean(is_no_grid(a[0]));
}

}  // namespace batt::dsl::detail::tokgrid
