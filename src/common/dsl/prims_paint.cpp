// Painting primitives: fill, paint, underfill, underpaint, cover, move, replace, switch,
// cellwise, canvas, index, occurrences, frontiers, compress.
//
// Grid results are copy-on-write: a primitive that changes no cell returns its input grid
// (values are immutable, so sharing is invisible). A value written into a grid cell must be
// an int/bool in int8 range; where the reference would store anything else (it never checks),
// these primitives return a Type error, and only when such a write actually happens.
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

std::size_t offset(const GridOut& g, std::int64_t i, std::int64_t j) noexcept {
  return static_cast<std::size_t>(i) * static_cast<std::size_t>(g.w()) +
         static_cast<std::size_t>(j);
}

// fill / underfill / cover: `value` at every in-bounds location of the patch; with `under`,
// only where the cell (as painted so far) is the background colour `bg`.
Value fill_impl(const Value& grid, const Value& value, int value_arg, const Value& patch,
                int patch_arg, bool under, std::int64_t bg, EvalCtx& ctx) noexcept {
  PatchView pv;
  if (Value e = read_patch(patch, patch_arg, ctx, pv); e.is_error()) return e;
  if (!grid.is_grid()) return grid;  // no columns: every location is out of bounds
  std::int8_t c = 0;
  const bool is_color = get_color(value, c);
  GridOut out(grid, ctx);
  for (const Value& l : pv.locs) {
    if (!out.inside(l.a(), l.b())) continue;
    const std::size_t k = offset(out, l.a(), l.b());
    if (under && out.at(k) != bg) continue;
    if (!is_color) return type_error(value_arg);
    if (!out.put(k, c)) return resource_error();
  }
  return out.result();
}

Value prim_fill(Args a, EvalCtx& ctx) noexcept {
  const GridForm form = grid_form(a[0]);
  if (form == GridForm::Empty || form == GridForm::Other) return grid_form_error(form, 1);
  return fill_impl(a[0], a[1], 2, a[2], 3, false, 0, ctx);
}

Value prim_underfill(Args a, EvalCtx& ctx) noexcept {
  const GridForm form = grid_form(a[0]);
  if (form == GridForm::Empty || form == GridForm::Other) return grid_form_error(form, 1);
  std::int64_t bg = 0;
  if (!most_color(a[0], bg)) return value_error(1);  // no cells: max() of an empty sequence
  return fill_impl(a[0], a[1], 2, a[2], 3, true, bg, ctx);
}

Value prim_cover(Args a, EvalCtx& ctx) noexcept {
  const GridForm form = grid_form(a[0]);
  if (form == GridForm::Other) return type_error(1);
  std::int64_t bg = 0;
  if (!most_color(a[0], bg)) return value_error(1);
  return fill_impl(a[0], Value::integer(bg), 1, a[1], 2, false, 0, ctx);
}

// `value, (i, j) = e` as paint's loop unpacks an element of the object.
Value unpack_cell(const Value& e, EvalCtx& ctx, Value& v, std::int64_t& i,
                  std::int64_t& j) noexcept {
  if (e.is_cell()) {
    v = Value::integer(e.cell_color());
    i = e.a();
    j = e.b();
    return Value::none();
  }
  Value loc, x, y;
  if (Value err = unpack2(e, 2, ctx, v, loc); err.is_error()) return err;
  if (Value err = unpack2(loc, 2, ctx, x, y); err.is_error()) return err;
  if (!x.is_intlike() || !y.is_intlike()) return type_error(2);  // `0 <= i < h` raises
  i = x.as_int();
  j = y.as_int();
  return Value::none();
}

// paint / underpaint: the object's cells in iteration order, so on one position the last
// cell wins (paint) or the first one, as the cell is no longer background (underpaint).
Value paint_impl(const Value& grid, const Value& obj, bool under, EvalCtx& ctx) noexcept {
  const GridForm form = grid_form(grid);
  if (form == GridForm::Empty || form == GridForm::Other) return grid_form_error(form, 1);
  std::int64_t bg = 0;
  if (under && !most_color(grid, bg)) return value_error(1);
  const SetObj* s = get_set(obj);
  if (form == GridForm::Grid && s && (s->kind == SetKind::Cells || s->kind == SetKind::Empty)) {
    GridOut out(grid, ctx);
    for (const Value& cell : s->span()) {
      if (!out.inside(cell.a(), cell.b())) continue;
      const std::size_t k = offset(out, cell.a(), cell.b());
      if (under && out.at(k) != bg) continue;
      if (!fits_i8(cell.cell_color())) return type_error(2);
      if (!out.put(k, static_cast<std::int8_t>(cell.cell_color()))) return resource_error();
    }
    return out.result();
  }
  std::span<const Value> items;
  if (s || obj.is_tuple()) {
    items = s ? s->span() : obj.as_tuple().span();
  } else if (obj.is_grid()) {
    return obj.as_grid().w == 2 ? type_error(2) : value_error(2);  // `(i, j) = int` / bad length
  } else {
    return type_error(2);
  }
  if (form != GridForm::Grid) {
    for (const Value& e : items) {
      Value v;
      std::int64_t i = 0, j = 0;
      if (Value err = unpack_cell(e, ctx, v, i, j); err.is_error()) return err;
    }
    return grid;
  }
  GridOut out(grid, ctx);
  for (const Value& e : items) {
    Value v;
    std::int64_t i = 0, j = 0;
    if (Value err = unpack_cell(e, ctx, v, i, j); err.is_error()) return err;
    if (!out.inside(i, j)) continue;
    const std::size_t k = offset(out, i, j);
    if (under && out.at(k) != bg) continue;
    std::int8_t c = 0;
    if (!get_color(v, c)) return type_error(2);
    if (!out.put(k, c)) return resource_error();
  }
  return out.result();
}

Value prim_paint(Args a, EvalCtx& ctx) noexcept {
  return paint_impl(a[0], a[1], false, ctx);
}
Value prim_underpaint(Args a, EvalCtx& ctx) noexcept {
  return paint_impl(a[0], a[1], true, ctx);
}

// paint(cover(grid, obj), shift(obj, offset)) in one copy: the shift keeps the object's
// iteration order, so the shifted cells are painted straight from the original set.
Value prim_move(Args a, EvalCtx& ctx) noexcept {
  const GridForm form = grid_form(a[0]);
  if (form == GridForm::Other) return type_error(1);
  std::int64_t bg = 0;
  if (!most_color(a[0], bg)) return value_error(1);
  Value obj = a[1];
  if (obj.is_tuple()) obj = set_of(obj.as_tuple().span(), ctx);  // shift returns a frozenset
  if (obj.is_error()) return obj;
  const SetObj* s = get_set(obj);
  if (!s) return type_error(2);
  // shift unpacks the offset, then reads the first element; paint needs cells.
  std::int64_t di = 0, dj = 0;
  if (!get_ij(a[2], di, dj)) return type_error(3);
  if (s->kind == SetKind::Empty) return value_error(2);
  if (s->kind != SetKind::Cells) return type_error(2);
  GridOut out(a[0], ctx);
  const auto bgc = static_cast<std::int8_t>(bg);
  for (const Value& cell : s->span()) {
    if (out.inside(cell.a(), cell.b()) && !out.put(offset(out, cell.a(), cell.b()), bgc)) {
      return resource_error();
    }
  }
  for (const Value& cell : s->span()) {
    const std::int64_t i = cell.a() + di, j = cell.b() + dj;
    if (!out.inside(i, j)) continue;
    if (!fits_i8(cell.cell_color())) return type_error(2);
    if (!out.put(offset(out, i, j), static_cast<std::int8_t>(cell.cell_color()))) {
      return resource_error();
    }
  }
  return out.result();
}

// replace / switch: a per-cell colour map. `to[c]` is the new colour of c, or kKeep.
constexpr int kKeep = 1000;
constexpr int kBadValue = 2000;  // the replacement is not a colour: + argument number

Value remap(const Value& grid, const int (&to)[256], EvalCtx& ctx) noexcept {
  const GridForm form = grid_form(grid);
  if (form == GridForm::Other) return type_error(1);
  if (form != GridForm::Grid) return grid;  // `()` and empty rows map to themselves
  const GridObj& g = grid.as_grid();
  GridOut out(grid, ctx);
  for (std::size_t k = 0; k < g.area(); ++k) {
    const int t = to[g.cells()[k] + 128];
    if (t == kKeep) continue;
    if (t >= kBadValue) return type_error(t - kBadValue);
    if (!out.put(k, static_cast<std::int8_t>(t))) return resource_error();
  }
  return out.result();
}

// The entry of a colour map for writing `v` (argument `argno`).
int target(const Value& v, int argno) noexcept {
  std::int8_t c = 0;
  return get_color(v, c) ? c : kBadValue + argno;
}

// Whether the grid cell colour c (as an int) equals v.
bool cell_equals(int c, const Value& v) noexcept {
  return v.is_intlike() && v.as_int() == c;
}

Value prim_replace(Args a, EvalCtx& ctx) noexcept {
  int to[256];
  std::fill(std::begin(to), std::end(to), kKeep);
  for (int c = -128; c < 128; ++c) {
    if (cell_equals(c, a[1])) to[c + 128] = target(a[2], 3);
  }
  return remap(a[0], to, ctx);
}

Value prim_switch(Args a, EvalCtx& ctx) noexcept {
  int to[256];
  std::fill(std::begin(to), std::end(to), kKeep);
  for (int c = -128; c < 128; ++c) {
    // `{a: b, b: a}[v]`: when a == b the one key maps to a, which is v itself.
    if (cell_equals(c, a[2])) {
      to[c + 128] = target(a[1], 2);
    } else if (cell_equals(c, a[1])) {
      to[c + 128] = target(a[2], 3);
    }
  }
  return remap(a[0], to, ctx);
}

Value prim_cellwise(Args a, EvalCtx& ctx) noexcept {
  const GridForm form = grid_form(a[0]);
  if (form == GridForm::NoCols) return a[0];  // zero columns: b is never read
  if (form != GridForm::Grid) return grid_form_error(form, 1);
  const GridObj* b = get_grid(a[1]);
  if (!b) return a[1].is_tuplelike() ? index_error(2) : type_error(2);
  const GridObj& g = a[0].as_grid();
  if (b->h < g.h || b->w < g.w) return index_error(2);
  std::int8_t fallback = 0;
  const bool is_color = get_color(a[2], fallback);
  // Rows are compared as bytes, and only a grid with a difference is built, row by row
  // without branches (the hot path of tiling solvers on 30x30 grids).
  std::int32_t first = 0;
  while (first < g.h && std::memcmp(g.row(first).data(), b->row(first).data(),
                                    static_cast<std::size_t>(g.w)) == 0) {
    ++first;
  }
  if (first == g.h) return a[0];
  if (!is_color) return type_error(3);
  GridObj* out = new_grid(ctx, g.h, g.w);
  if (!out) return resource_error();
  // One flat loop when b has a's width (the usual case), so it vectorises over the grid.
  const std::size_t row_len = b->w == g.w ? g.area() : static_cast<std::size_t>(g.w);
  const std::int32_t rows = b->w == g.w ? 1 : g.h;
  for (std::int32_t i = 0; i < rows; ++i) {
    const std::int8_t* __restrict x = g.row(i).data();
    const std::int8_t* __restrict y = b->row(i).data();
    std::int8_t* __restrict o = out->cells() + static_cast<std::ptrdiff_t>(i) * g.w;
    for (std::size_t j = 0; j < row_len; ++j) o[j] = x[j] == y[j] ? x[j] : fallback;
  }
  return Value::grid(out);
}

Value prim_canvas(Args a, EvalCtx& ctx) noexcept {
  // `range(dims[0])` is read first; `dims[1]` only once there is a row to build.
  Value d0, d1;
  if (Value e = subscript(a[1], 0, 2, ctx, d0); e.is_error()) return e;
  if (!d0.is_intlike()) return type_error(2);
  const std::int64_t h = d0.as_int();
  if (h <= 0) return empty_tuple();
  if (Value e = subscript(a[1], 1, 2, ctx, d1); e.is_error()) return e;
  if (!d1.is_intlike()) return type_error(2);
  const std::int64_t w = d1.as_int();
  std::int8_t c = 0;
  if (w > 0 && !get_color(a[0], c)) return type_error(1);
  if (w > 0 && !ctx.items_ok(static_cast<std::uint64_t>(h) * static_cast<std::uint64_t>(w))) {
    return resource_error();
  }
  return make_grid_result(ctx, h, w, [&](std::int8_t* cells) {
    std::memset(cells, static_cast<unsigned char>(c), static_cast<std::size_t>(h * w));
  });
}

Value prim_index(Args a, EvalCtx& ctx) noexcept {
  Value x, y;
  if (Value e = unpack2(a[1], 2, ctx, x, y); e.is_error()) return e;
  if (!x.is_intlike() || !y.is_intlike()) return type_error(2);
  const std::int64_t i = x.as_int(), j = y.as_int();
  if (const GridObj* g = get_grid(a[0])) {
    if (i < 0 || i >= g->h || j < 0 || j >= g->w) return Value::none();
    return Value::integer(g->at(static_cast<std::int32_t>(i), static_cast<std::int32_t>(j)));
  }
  // Any other tuple of rows: h = len(grid), w = len(grid[0]), then grid[i][j].
  if (!a[0].is_tuple()) return type_error(1);
  const TupleObj& t = a[0].as_tuple();
  if (t.n == 0) return index_error(1);
  const std::int64_t w = len_of(t.items()[0]);
  if (w < 0) return type_error(1);
  if (i < 0 || i >= t.n || j < 0 || j >= w) return Value::none();
  Value v;
  if (Value e = subscript(t.items()[i], static_cast<std::size_t>(j), 1, ctx, v); e.is_error()) {
    return e;
  }
  return v;
}

// Upper-left offsets where the normalised object matches the grid cell for cell. A
// single-colour full rectangle is tested in O(1) per offset with a summed-area table;
// otherwise each offset compares the cells with an early exit.
Value prim_occurrences(Args a, EvalCtx& ctx) noexcept {
  Value obj = a[1];
  std::int64_t oh = -1, ow = -1;  // shape(obj); a tuple's "height" is its length
  if (obj.is_tuple() && obj.as_tuple().n > 0) {
    oh = obj.as_tuple().n;
    ow = 2;
    obj = set_of(obj.as_tuple().span(), ctx);
    if (obj.is_error()) return obj;
  }
  const PatchKind kind = patch_kind(obj);
  if (kind == PatchKind::Empty || (obj.is_tuple() && obj.as_tuple().n == 0)) {
    return value_error(2);  // normalize: min() of an empty sequence
  }
  if (kind == PatchKind::Invalid) return type_error(2);
  BBox box{};
  patch_bbox(obj, box);
  if (oh < 0) {
    oh = box.height();
    ow = box.width();
  }
  const GridForm form = grid_form(a[0]);
  if (form == GridForm::Empty || form == GridForm::Other) return grid_form_error(form, 1);
  if (form == GridForm::NoCols) return empty_set();
  const GridObj& g = a[0].as_grid();
  // Offsets past h - bh (or w - bw) put a cell outside the grid: they never match.
  const std::int64_t h2 = std::min<std::int64_t>(g.h - oh, g.h - box.height()) + 1;
  const std::int64_t w2 = std::min<std::int64_t>(g.w - ow, g.w - box.width()) + 1;
  if (g.h - oh + 1 > 0 && g.w - ow + 1 > 0 && kind == PatchKind::Indices) return type_error(2);
  if (h2 <= 0 || w2 <= 0) return empty_set();
  const SetObj& s = obj.as_set();
  for (const Value& cell : s.span()) {
    if (!fits_i8(cell.cell_color())) return empty_set();  // never equal to a grid cell
  }
  const auto gw = static_cast<std::size_t>(g.w);
  auto* off = static_cast<std::uint32_t*>(ctx.alloc(s.n * sizeof(std::uint32_t)));
  if (!off) return resource_error();
  bool uniform = true;
  for (std::size_t k = 0; k < s.n; ++k) {
    const Value& cell = s.items()[k];
    off[k] = static_cast<std::uint32_t>((cell.a() - box.top) * gw + (cell.b() - box.left));
    uniform = uniform && cell.cell_color() == s.items()[0].cell_color();
  }
  const std::int8_t* cells = g.cells();
  SetBuilder out(ctx, static_cast<std::size_t>(h2 * w2));
  if (uniform && static_cast<std::int64_t>(s.n) == box.height() * box.width()) {
    const auto c = static_cast<std::int8_t>(s.items()[0].cell_color());
    // sat[(i * (w + 1)) + j]: cells of colour c in rows < i and columns < j.
    const std::size_t sw = gw + 1;
    auto* sat = static_cast<std::uint32_t*>(ctx.alloc((g.h + 1) * sw * sizeof(std::uint32_t)));
    if (!sat) return resource_error();
    std::fill(sat, sat + sw, 0u);
    for (std::int32_t i = 0; i < g.h; ++i) {
      sat[(i + 1) * sw] = 0;
      for (std::int32_t j = 0; j < g.w; ++j) {
        sat[(i + 1) * sw + j + 1] =
            sat[i * sw + j + 1] + sat[(i + 1) * sw + j] - sat[i * sw + j] + (g.at(i, j) == c);
      }
    }
    const auto bh = static_cast<std::size_t>(box.height()),
               bw = static_cast<std::size_t>(box.width());
    for (std::int32_t i = 0; i < h2; ++i) {
      for (std::int32_t j = 0; j < w2; ++j) {
        const std::size_t t = i * sw + j, b = (i + bh) * sw + j;
        if (sat[b + bw] - sat[b] - sat[t + bw] + sat[t] == s.n) out.push(Value::pair(i, j));
      }
    }
    return out.finish();
  }
  for (std::int32_t i = 0; i < h2; ++i) {
    for (std::int32_t j = 0; j < w2; ++j) {
      const std::int8_t* base = cells + i * gw + j;
      std::size_t k = 0;
      while (k < s.n && base[off[k]] == s.items()[k].cell_color()) ++k;
      if (!ctx.charge(k + 1)) return timeout_error();
      if (k == s.n) out.push(Value::pair(i, j));
    }
  }
  return out.finish();
}

bool row_uniform(const GridObj& g, std::int32_t i) noexcept {
  for (std::int32_t j = 1; j < g.w; ++j) {
    if (g.at(i, j) != g.at(i, 0)) return false;
  }
  return true;
}

bool col_uniform(const GridObj& g, std::int32_t j) noexcept {
  for (std::int32_t i = 1; i < g.h; ++i) {
    if (g.at(i, j) != g.at(0, j)) return false;
  }
  return true;
}

Value prim_frontiers(Args a, EvalCtx& ctx) noexcept {
  const GridForm form = grid_form(a[0]);
  if (form == GridForm::NoCols) return empty_set();  // empty rows have no single colour
  if (form != GridForm::Grid) return grid_form_error(form, 1);
  const GridObj& g = a[0].as_grid();
  SetBuilder out(ctx, static_cast<std::size_t>(g.h) + static_cast<std::size_t>(g.w));
  for (std::int32_t i = 0; i < g.h; ++i) {
    if (!row_uniform(g, i)) continue;
    SetBuilder f(ctx, static_cast<std::size_t>(g.w));
    for (std::int32_t j = 0; j < g.w; ++j) f.push(Value::cell(g.at(i, j), i, j));
    const Value v = f.finish();
    if (v.is_error()) return v;
    out.push(v);
  }
  for (std::int32_t j = 0; j < g.w; ++j) {
    if (!col_uniform(g, j)) continue;
    SetBuilder f(ctx, static_cast<std::size_t>(g.h));
    for (std::int32_t i = 0; i < g.h; ++i) f.push(Value::cell(g.at(i, j), i, j));
    const Value v = f.finish();
    if (v.is_error()) return v;
    out.push(v);
  }
  return out.finish();
}

Value prim_compress(Args a, EvalCtx& ctx) noexcept {
  const GridForm form = grid_form(a[0]);
  if (form == GridForm::Other) return type_error(1);
  if (form != GridForm::Grid) return a[0];  // nothing uniform to remove
  const GridObj& g = a[0].as_grid();
  auto* keep_row = static_cast<bool*>(ctx.alloc(static_cast<std::size_t>(g.h) + g.w));
  if (!keep_row) return resource_error();
  bool* keep_col = keep_row + g.h;
  std::int64_t h = 0, w = 0;
  for (std::int32_t i = 0; i < g.h; ++i) {
    keep_row[i] = !row_uniform(g, i);
    h += keep_row[i];
  }
  for (std::int32_t j = 0; j < g.w; ++j) {
    keep_col[j] = !col_uniform(g, j);
    w += keep_col[j];
  }
  if (h == g.h && w == g.w) return a[0];
  return make_grid_result(ctx, h, w, [&](std::int8_t* out) {
    for (std::int32_t i = 0; i < g.h; ++i) {
      if (!keep_row[i]) continue;
      for (std::int32_t j = 0; j < g.w; ++j) {
        if (keep_col[j]) *out++ = g.at(i, j);
      }
    }
  });
}

using K = Kind;

constexpr PrimInfo kTable[] = {
    {"fill", prim_fill, 3, {K::Grid, K::Integer, K::Patch}, K::Grid},
    {"paint", prim_paint, 2, {K::Grid, K::Object}, K::Grid, kOverlap},
    {"underfill", prim_underfill, 3, {K::Grid, K::Integer, K::Patch}, K::Grid, kMostcolor},
    {"underpaint", prim_underpaint, 2, {K::Grid, K::Object}, K::Grid, kMostcolor | kOverlap},
    {"cover", prim_cover, 2, {K::Grid, K::Patch}, K::Grid, kMostcolor},
    {"move", prim_move, 3, {K::Grid, K::Object, K::IntegerTuple}, K::Grid, kMostcolor | kOverlap},
    {"replace", prim_replace, 3, {K::Grid, K::Integer, K::Integer}, K::Grid},
    {"switch", prim_switch, 3, {K::Grid, K::Integer, K::Integer}, K::Grid},
    {"cellwise", prim_cellwise, 3, {K::Grid, K::Grid, K::Integer}, K::Grid},
    {"canvas", prim_canvas, 2, {K::Integer, K::IntegerTuple}, K::Grid},
    {"index", prim_index, 2, {K::Grid, K::IntegerTuple}, K::Integer},
    {"occurrences", prim_occurrences, 2, {K::Grid, K::Object}, K::Indices},
    {"frontiers", prim_frontiers, 1, {K::Grid}, K::Objects},
    {"compress", prim_compress, 1, {K::Grid}, K::Grid},
};

}  // namespace

std::span<const PrimInfo> detail::paint_prims() noexcept {
  return kTable;
}

}  // namespace batt::dsl
