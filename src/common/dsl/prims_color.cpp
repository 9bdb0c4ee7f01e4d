// Colour primitives: mostcolor, leastcolor, colorcount, colorfilter, palette, numcolors,
// color, toobject, asobject, asindices, ofcolor, objects, partition, fgpartition.
//
// Grids (int8 cells) and sets of Cells/Pairs take allocation-free or single-pass fast paths;
// Objects are produced in canonical order directly (a stable counting sort by colour of cells
// met in row-major order), so the set builders never sort. Other tuples and mixed sets follow
// the reference's iteration protocol generically (`[v for r in element for v in r]` for a
// tuple, `[v for v, _ in element]` for a set), as CPython would.
#include <algorithm>

#include "dsl/color.hpp"
#include "dsl/grid.hpp"
#include "dsl/patch.hpp"
#include "dsl/pyops.hpp"
#include "dsl/registry.hpp"
#include "dsl/set.hpp"
#include "dsl/tuple.hpp"

namespace batt::dsl {

namespace {

template <typename T>
T* scratch(EvalCtx& ctx, std::size_t n) noexcept {
  return static_cast<T*>(ctx.alloc(std::max<std::size_t>(n, 1) * sizeof(T)));
}

// Cells visited in row-major order, stably sorted by colour (int8): cells[start[c + 128] ..
// start[c + 129]) hold colour c in row-major order, i.e. the canonical order of an Object.
struct ColourSorted {
  Value* cells = nullptr;
  std::size_t n = 0;
  std::uint32_t start[257] = {};
};

// visit(fn) calls fn(colour, i, j) for every cell, in row-major order, the same way twice.
template <typename Visit>
Value colour_sort(EvalCtx& ctx, Visit&& visit, ColourSorted& out) noexcept {
  visit([&](std::int8_t c, std::int32_t, std::int32_t) {
    ++out.start[c + 129];
    ++out.n;
  });
  for (int k = 1; k < 257; ++k) out.start[k] += out.start[k - 1];
  out.cells = scratch<Value>(ctx, out.n);
  if (!out.cells) return resource_error();
  std::uint32_t cursor[256];
  std::copy(out.start, out.start + 256, cursor);
  visit([&](std::int8_t c, std::int32_t i, std::int32_t j) {
    out.cells[cursor[c + 128]++] = Value::cell(c, i, j);
  });
  return Value::none();
}

template <typename Visit>
Value build_object(EvalCtx& ctx, Visit&& visit) noexcept {
  ColourSorted cs;
  if (Value e = colour_sort(ctx, visit, cs); e.is_error()) return e;
  // Callers visit distinct locations row-major, so colour-sorted cells are canonical.
  return set_of_ascending({cs.cells, cs.n}, ctx);
}

auto grid_cells(const GridObj& g) noexcept {
  return [&g](auto&& fn) {
    const std::int8_t* c = g.cells();
    for (std::int32_t i = 0; i < g.h; ++i) {
      for (std::int32_t j = 0; j < g.w; ++j) fn(*c++, i, j);
    }
  };
}

// Budget errors pass through; any other error of a generic reader becomes a Type error of
// argument `argno` (the reference raises while iterating).
Value arg_error(const Value& e, int argno) noexcept {
  const ErrCode c = e.err_code();
  return (c == ErrCode::Resource || c == ErrCode::Timeout) ? e : type_error(argno);
}

// fn(i, j, v) for `for i, r in enumerate(grid) for j, v in enumerate(r)` on any container.
template <typename Fn>
Value for_each_row_item(const Value& grid, int argno, EvalCtx& ctx, Fn&& fn) noexcept {
  std::span<const Value> rows;
  if (Value e = items_of(grid, ctx, rows); e.is_error()) return arg_error(e, argno);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    std::span<const Value> row;
    if (Value e = items_of(rows[i], ctx, row); e.is_error()) return arg_error(e, argno);
    for (std::size_t j = 0; j < row.size(); ++j) {
      if (Value e = fn(static_cast<std::int32_t>(i), static_cast<std::int32_t>(j), row[j]);
          e.is_error()) {
        return e;
      }
    }
  }
  return Value::none();
}

// The reference's colour list of an element that is not a Grid: `[v for r in element for v
// in r]` for a tuple, `[v for v, _ in element]` for a set. Copied to the arena.
Value element_values(const Value& element, EvalCtx& ctx, std::span<const Value>& out) noexcept {
  if (element.is_tuplelike()) {
    std::span<const Value> rows;
    if (Value e = items_of(element, ctx, rows); e.is_error()) return arg_error(e, 1);
    std::size_t n = 0;
    for (const Value& r : rows) {
      if (!is_container(r)) return type_error(1);
      n += static_cast<std::size_t>(len_of(r));
    }
    if (!ctx.items_ok(n)) return resource_error();
    Value* vals = scratch<Value>(ctx, n);
    if (!vals) return resource_error();
    std::size_t k = 0;
    for (const Value& r : rows) {
      std::span<const Value> row;
      if (Value e = items_of(r, ctx, row); e.is_error()) return arg_error(e, 1);
      for (const Value& v : row) vals[k++] = v;
    }
    out = {vals, k};
    return Value::none();
  }
  const SetObj* s = get_set(element);
  if (!s) return type_error(1);
  Value* vals = scratch<Value>(ctx, s->n);
  if (!vals) return resource_error();
  for (std::size_t k = 0; k < s->n; ++k) {
    Value rest;
    if (Value e = unpack2(s->items()[k], 1, ctx, vals[k], rest); e.is_error()) return e;
  }
  out = {vals, s->n};
  return Value::none();
}

// mostcolor/leastcolor of what the fast paths do not cover: sort a copy of the values
// canonically and take the first run with the best count.
Value pick_generic(const Value& element, bool most, EvalCtx& ctx) noexcept {
  std::span<const Value> vals;
  if (Value e = element_values(element, ctx, vals); e.is_error()) return e;
  if (vals.empty()) return value_error(1);
  Value* sorted = scratch<Value>(ctx, vals.size());
  if (!sorted) return resource_error();
  std::copy(vals.begin(), vals.end(), sorted);
  std::sort(sorted, sorted + vals.size(),
            [](const Value& x, const Value& y) { return compare(x, y) < 0; });
  if (!ctx.charge(vals.size())) return timeout_error();
  Value best = sorted[0];
  std::size_t best_n = 0;
  for (std::size_t k = 0; k < vals.size();) {
    std::size_t end = k + 1;
    while (end < vals.size() && compare(sorted[end], sorted[k]) == 0) ++end;
    if (best_n == 0 || (most ? end - k > best_n : end - k < best_n)) {
      best = sorted[k];
      best_n = end - k;
    }
    k = end;
  }
  return best;
}

Value prim_mostcolor(Args a, EvalCtx& ctx) noexcept {
  std::int64_t c = 0;
  if (most_color(a[0], c)) return Value::integer(c);
  return pick_generic(a[0], true, ctx);
}

Value prim_leastcolor(Args a, EvalCtx& ctx) noexcept {
  std::int64_t c = 0;
  if (least_color(a[0], c)) return Value::integer(c);
  return pick_generic(a[0], false, ctx);
}

Value prim_colorcount(Args a, EvalCtx& ctx) noexcept {
  const Value& el = a[0];
  const Value& value = a[1];
  std::int64_t n = 0;
  if (const GridObj* g = get_grid(el)) {
    if (!value.is_intlike()) return Value::integer(0);  // an int cell equals only a number
    const std::int64_t v = value.as_int();
    const std::int8_t* c = g->cells();
    for (std::size_t k = 0; k < g->area(); ++k) n += c[k] == v;
    return Value::integer(n);
  }
  if (const SetObj* s = get_set(el)) {
    if (value.is_intlike() && (s->kind == SetKind::Cells || s->kind == SetKind::Pairs)) {
      const std::int64_t v = value.as_int();
      const bool cells = s->kind == SetKind::Cells;
      for (const Value& x : s->span()) n += (cells ? x.cell_color() : x.a()) == v;
      return Value::integer(n);
    }
    std::span<const Value> vals;
    if (Value e = element_values(el, ctx, vals); e.is_error()) return e;
    for (const Value& x : vals) n += equal(x, value);
    return Value::integer(n);
  }
  if (!el.is_tuplelike()) return type_error(1);
  // `sum(row.count(value) for row in element)`: rows must be tuples (sets have no count).
  std::span<const Value> rows;
  if (Value e = items_of(el, ctx, rows); e.is_error()) return e;
  for (const Value& r : rows) {
    if (!r.is_tuplelike()) return type_error(1);
    std::span<const Value> row;
    if (Value e = items_of(r, ctx, row); e.is_error()) return e;
    for (const Value& x : row) n += equal(x, value);
  }
  return Value::integer(n);
}

// `next(iter(obj))[0] == value` for one object; the fast path is an Object's first cell.
Value head_matches(const Value& obj, const Value& value, EvalCtx& ctx, bool& match) noexcept {
  if (obj.is_set() && obj.as_set().kind == SetKind::Cells && value.is_intlike()) {
    match = obj.as_set().items()[0].cell_color() == value.as_int();
    return Value::none();
  }
  Value head;
  if (Value e = first_item_head(obj, 1, ctx, head); e.is_error()) return e;
  match = equal(head, value);
  return Value::none();
}

Value prim_colorfilter(Args a, EvalCtx& ctx) noexcept {
  std::span<const Value> objs;
  if (Value e = items_of(a[0], ctx, objs); e.is_error()) return arg_error(e, 1);
  SetBuilder b(ctx, objs.size());
  for (const Value& obj : objs) {
    bool match = false;
    if (Value e = head_matches(obj, a[1], ctx, match); e.is_error()) return e;
    if (match) b.push(obj);
  }
  return b.finish();
}

// The distinct first components of a Grid or a set of Cells/Pairs, ascending, via fn(v).
// False for other elements.
template <typename Fn>
bool for_each_color(const Value& el, Fn&& fn) noexcept {
  if (const GridObj* g = get_grid(el)) {
    bool seen[256] = {};
    const std::int8_t* c = g->cells();
    for (std::size_t k = 0; k < g->area(); ++k) seen[c[k] + 128] = true;
    for (int v = 0; v < 256; ++v) {
      if (seen[v]) fn(v - 128);
    }
    return true;
  }
  const SetObj* s = get_set(el);
  if (!s || (s->kind != SetKind::Cells && s->kind != SetKind::Pairs && s->kind != SetKind::Empty)) {
    return false;
  }
  const bool cells = s->kind == SetKind::Cells;
  for (std::size_t k = 0; k < s->n; ++k) {
    const std::int32_t v = cells ? s->items()[k].cell_color() : s->items()[k].a();
    if (k == 0 || v != (cells ? s->items()[k - 1].cell_color() : s->items()[k - 1].a())) fn(v);
  }
  return true;
}

Value prim_palette(Args a, EvalCtx& ctx) noexcept {
  Value colors[256];
  std::size_t n = 0;
  bool small = true;  // at most 256 distinct colours (always so for a Grid)
  const bool fast = for_each_color(a[0], [&](std::int64_t v) {
    if (n < 256) {
      colors[n++] = Value::integer(v);
    } else {
      small = false;
    }
  });
  if (fast && small) return set_of({colors, n}, ctx);
  if (fast) {
    // An object with more than 256 colours: collect them again into the arena.
    const SetObj& s = a[0].as_set();
    SetBuilder b(ctx, s.n);
    for (const Value& x : s.span()) b.push(Value::integer(x.is_cell() ? x.cell_color() : x.a()));
    return b.finish();
  }
  std::span<const Value> vals;
  if (Value e = element_values(a[0], ctx, vals); e.is_error()) return e;
  return set_of(vals, ctx);
}

Value prim_numcolors(Args a, EvalCtx& ctx) noexcept {
  std::int64_t n = 0;
  if (for_each_color(a[0], [&n](std::int64_t) { ++n; })) return Value::integer(n);
  const Value p = prim_palette(a, ctx);
  return p.is_error() ? p : Value::integer(len_of(p));
}

Value prim_color(Args a, EvalCtx& ctx) noexcept {
  Value head;
  if (Value e = first_item_head(a[0], 1, ctx, head); e.is_error()) return e;
  return head;
}

Value prim_toobject(Args a, EvalCtx& ctx) noexcept {
  const GridForm form = grid_form(a[1]);
  if (form == GridForm::Empty) return index_error(2);
  if (form == GridForm::Other) return type_error(2);
  Value patch = a[0];
  if (patch_kind(patch) == PatchKind::Object) {
    // Sorted, distinct locations make the cells below come in row-major order.
    patch = to_indices(patch, 1, ctx);
    if (patch.is_error()) return patch;
  }
  PatchView pv;
  if (Value e = read_patch(patch, 1, ctx, pv); e.is_error()) return e;
  const std::span<const Value> locs = pv.locs;
  if (form == GridForm::NoCols || locs.empty()) return empty_set();
  const GridObj& g = a[1].as_grid();
  auto inside = [&g](const Value& l) {
    return l.a() >= 0 && l.a() < g.h && l.b() >= 0 && l.b() < g.w;
  };
  if (pv.unique_sorted) {
    return build_object(ctx, [&](auto&& fn) {
      for (const Value& l : locs) {
        if (inside(l)) fn(g.at(l.a(), l.b()), l.a(), l.b());
      }
    });
  }
  SetBuilder b(ctx, locs.size());
  for (const Value& l : locs) {
    if (inside(l)) b.push(Value::cell(g.at(l.a(), l.b()), l.a(), l.b()));
  }
  return b.finish();
}

Value prim_asobject(Args a, EvalCtx& ctx) noexcept {
  if (const GridObj* g = get_grid(a[0])) return build_object(ctx, grid_cells(*g));
  if (!is_container(a[0])) return type_error(1);
  std::int64_t total = 0;
  if (Value e = for_each_row_item(a[0], 1, ctx,
                                  [&](std::int32_t, std::int32_t, const Value&) {
                                    ++total;
                                    return Value::none();
                                  });
      e.is_error()) {
    return e;
  }
  SetBuilder b(ctx, static_cast<std::size_t>(total));
  Value err = for_each_row_item(a[0], 1, ctx, [&](std::int32_t i, std::int32_t j, const Value& v) {
    const Value c = tuple2(v, Value::pair(i, j), ctx);
    if (c.is_error()) return c;
    b.push(c);
    return Value::none();
  });
  return err.is_error() ? err : b.finish();
}

Value prim_asindices(Args a, EvalCtx& ctx) noexcept {
  std::int64_t h = 0, w = 0;
  if (const GridObj* g = get_grid(a[0])) {
    h = g->h;
    w = g->w;
  } else if (a[0].is_tuple()) {
    // `range(len(grid[0]))` is only read once there is a first row.
    const TupleObj& t = a[0].as_tuple();
    if (t.n == 0) return empty_set();
    h = t.n;
    w = len_of(t.items()[0]);
    if (w < 0) return type_error(1);
  } else if (a[0].is_set() && a[0].as_set().n == 0) {
    return empty_set();
  } else {
    return type_error(1);
  }
  if (w == 0) return empty_set();
  if (!ctx.items_ok(static_cast<std::uint64_t>(h) * static_cast<std::uint64_t>(w))) {
    return resource_error();
  }
  SetBuilder b(ctx, static_cast<std::size_t>(h * w));
  for (std::int32_t i = 0; i < h; ++i) {
    for (std::int32_t j = 0; j < w; ++j) b.push_ascending(Value::pair(i, j));
  }
  return b.finish();
}

Value prim_ofcolor(Args a, EvalCtx& ctx) noexcept {
  if (const GridObj* g = get_grid(a[0])) {
    if (!a[1].is_intlike()) return empty_set();
    const std::int64_t v = a[1].as_int();
    std::size_t n = 0;
    const std::int8_t* c = g->cells();
    for (std::size_t k = 0; k < g->area(); ++k) n += c[k] == v;
    SetBuilder b(ctx, n);
    for (std::int32_t i = 0; i < g->h; ++i) {
      for (std::int32_t j = 0; j < g->w; ++j) {
        if (*c++ == v) b.push_ascending(Value::pair(i, j));
      }
    }
    return b.finish();
  }
  if (!is_container(a[0])) return type_error(1);
  std::size_t n = 0;
  auto count = [&](std::int32_t, std::int32_t, const Value& v) {
    n += equal(v, a[1]);
    return Value::none();
  };
  if (Value e = for_each_row_item(a[0], 1, ctx, count); e.is_error()) return e;
  SetBuilder b(ctx, n);
  Value err = for_each_row_item(a[0], 1, ctx, [&](std::int32_t i, std::int32_t j, const Value& v) {
    if (equal(v, a[1])) b.push(Value::pair(i, j));
    return Value::none();
  });
  return err.is_error() ? err : b.finish();
}

// Connected components by flood fill over arena scratch. Components are then ranked by
// their smallest cell in canonical (colour, i, j) order, which is the order of the objects
// in the result, and each object's cells are scattered in that order: nothing is sorted.
Value prim_objects(Args a, EvalCtx& ctx) noexcept {
  const bool univalued = truthy(a[1]);
  const bool diagonal = truthy(a[2]);
  const bool without_bg = truthy(a[3]);
  const GridObj* g = get_grid(a[0]);
  if (!g) {
    switch (grid_form(a[0])) {
      case GridForm::Empty:
        return without_bg ? value_error(1) : index_error(1);
      case GridForm::NoCols:
        return without_bg ? value_error(1) : empty_set();
      default:
        return type_error(1);
    }
  }
  std::int64_t bg = 0;
  if (without_bg) most_color(a[0], bg);
  const std::int32_t h = g->h, w = g->w;
  const std::size_t area = g->area();
  if (!ctx.charge(area)) return timeout_error();
  const std::int8_t* cells = g->cells();
  auto* lab = scratch<std::int32_t>(ctx, 5 * area + 1);
  if (!lab) return resource_error();
  std::int32_t* work = lab + area;  // flood-fill stack, then the colour-sorted cell order
  std::int32_t* size = work + area;
  std::int32_t* rank = size + area;
  std::int32_t* start = rank + area;  // ncomp + 1 <= area + 1 entries
  std::fill(lab, lab + area, -1);

  constexpr int kDi[8] = {-1, 1, 0, 0, -1, -1, 1, 1};
  constexpr int kDj[8] = {0, 0, -1, 1, -1, 1, -1, 1};
  const int nn = diagonal ? 8 : 4;
  auto is_bg = [&](std::int8_t v) { return without_bg && v == bg; };
  std::int32_t ncomp = 0;
  std::size_t nlab = 0;
  for (std::size_t p = 0; p < area; ++p) {
    if (lab[p] >= 0 || is_bg(cells[p])) continue;
    const std::int8_t seed = cells[p];
    const std::int32_t comp = ncomp++;
    std::size_t top = 0;
    std::int32_t count = 0;
    lab[p] = comp;
    work[top++] = static_cast<std::int32_t>(p);
    while (top > 0) {
      const std::int32_t q = work[--top];
      ++count;
      const std::int32_t qi = q / w, qj = q % w;
      for (int d = 0; d < nn; ++d) {
        const std::int32_t ri = qi + kDi[d], rj = qj + kDj[d];
        if (ri < 0 || ri >= h || rj < 0 || rj >= w) continue;
        const std::int32_t r = ri * w + rj;
        if (lab[r] >= 0) continue;
        if (univalued ? cells[r] != seed : is_bg(cells[r])) continue;
        lab[r] = comp;
        work[top++] = r;
      }
    }
    size[comp] = count;
    nlab += static_cast<std::size_t>(count);
  }
  if (ncomp == 0) return empty_set();

  std::uint32_t cstart[257] = {};
  for (std::size_t p = 0; p < area; ++p) {
    if (lab[p] >= 0) ++cstart[cells[p] + 129];
  }
  for (int k = 1; k < 257; ++k) cstart[k] += cstart[k - 1];
  for (std::size_t p = 0; p < area; ++p) {
    if (lab[p] >= 0) work[cstart[cells[p] + 128]++] = static_cast<std::int32_t>(p);
  }
  std::fill(rank, rank + ncomp, -1);
  std::int32_t next = 0;
  for (std::size_t k = 0; k < nlab; ++k) {
    std::int32_t& r = rank[lab[work[k]]];
    if (r < 0) r = next++;
  }
  start[0] = 0;
  for (std::int32_t c = 0; c < ncomp; ++c) start[rank[c] + 1] = size[c];
  for (std::int32_t r = 0; r < ncomp; ++r) start[r + 1] += start[r];
  std::int32_t* cursor = size;  // sizes are no longer needed
  std::copy(start, start + ncomp, cursor);
  Value* out = scratch<Value>(ctx, nlab);
  if (!out) return resource_error();
  for (std::size_t k = 0; k < nlab; ++k) {
    const std::int32_t p = work[k];
    out[cursor[rank[lab[p]]]++] = Value::cell(cells[p], p / w, p % w);
  }
  // Each object's cells come out colour-major, row-major: canonical. Objects are ranked by
  // their first (smallest) cell, and components are disjoint, so the objects are ascending too.
  SetBuilder objs(ctx, static_cast<std::size_t>(ncomp));
  for (std::int32_t r = 0; r < ncomp; ++r) {
    const Value obj =
        set_of_ascending({out + start[r], static_cast<std::size_t>(start[r + 1] - start[r])}, ctx);
    if (obj.is_error()) return obj;
    objs.push_ascending(obj);
  }
  return objs.finish();
}

// One object per colour (without the background colour when skip_bg), ascending colours.
Value partition_impl(const Value& grid, bool skip_bg, EvalCtx& ctx) noexcept {
  const GridObj* g = get_grid(grid);
  if (!g) {
    switch (grid_form(grid)) {
      case GridForm::Empty:
      case GridForm::NoCols:
        return skip_bg ? value_error(1) : empty_set();
      default:
        return type_error(1);
    }
  }
  std::int64_t bg = 0;
  if (skip_bg) most_color(grid, bg);
  ColourSorted cs;
  if (Value e = colour_sort(ctx, grid_cells(*g), cs); e.is_error()) return e;
  SetBuilder objs(ctx, 256);
  for (int c = 0; c < 256; ++c) {
    const std::uint32_t n = cs.start[c + 1] - cs.start[c];
    if (n == 0 || (skip_bg && c - 128 == bg)) continue;
    // One colour per object, colours ascending: cells and objects are both canonical.
    const Value obj = set_of_ascending({cs.cells + cs.start[c], n}, ctx);
    if (obj.is_error()) return obj;
    objs.push_ascending(obj);
  }
  return objs.finish();
}

Value prim_partition(Args a, EvalCtx& ctx) noexcept {
  return partition_impl(a[0], false, ctx);
}
Value prim_fgpartition(Args a, EvalCtx& ctx) noexcept {
  return partition_impl(a[0], true, ctx);
}

using K = Kind;

constexpr PrimInfo kTable[] = {
    {"mostcolor", prim_mostcolor, 1, {K::Element}, K::Integer, kOrderTies},
    {"leastcolor", prim_leastcolor, 1, {K::Element}, K::Integer, kOrderTies},
    {"colorcount", prim_colorcount, 2, {K::Element, K::Integer}, K::Integer},
    {"colorfilter", prim_colorfilter, 2, {K::Objects, K::Integer}, K::Objects, kMulticolor},
    {"palette", prim_palette, 1, {K::Element}, K::IntegerSet},
    {"numcolors", prim_numcolors, 1, {K::Element}, K::IntegerSet},
    {"color", prim_color, 1, {K::Object}, K::Integer, kMulticolor},
    {"toobject", prim_toobject, 2, {K::Patch, K::Grid}, K::Object},
    {"asobject", prim_asobject, 1, {K::Grid}, K::Object},
    {"asindices", prim_asindices, 1, {K::Grid}, K::Indices},
    {"ofcolor", prim_ofcolor, 2, {K::Grid, K::Integer}, K::Indices},
    {"objects",
     prim_objects,
     4,
     {K::Grid, K::Boolean, K::Boolean, K::Boolean},
     K::Objects,
     kMostcolor},
    {"partition", prim_partition, 1, {K::Grid}, K::Objects},
    {"fgpartition", prim_fgpartition, 1, {K::Grid}, K::Objects, kMostcolor},
};

}  // namespace

std::span<const PrimInfo> detail::color_prims() noexcept {
  return kTable;
}

}  // namespace batt::dsl
