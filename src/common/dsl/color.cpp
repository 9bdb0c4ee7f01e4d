#include "dsl/color.hpp"

#include "dsl/check.hpp"
#include "dsl/tuple.hpp"

namespace batt::dsl {

namespace {

enum class Pick : std::uint8_t { Most, Least };

// The reference's `max(set(values), key=values.count)` (or min): candidates in ascending
// order, the first strictly better count wins, so ties go to the smallest colour.
bool pick_color(const Value& element, Pick pick, std::int64_t& out) noexcept {
  if (const GridObj* g = get_grid(element)) {
    // Four interleaved tables: runs of one colour would otherwise serialise on one counter.
    std::uint32_t part[4][256] = {};
    const std::int8_t* c = g->cells();
    const std::size_t n = g->area();
    std::size_t k = 0;
    for (; k + 4 <= n; k += 4) {
      ++part[0][c[k] + 128];
      ++part[1][c[k + 1] + 128];
      ++part[2][c[k + 2] + 128];
      ++part[3][c[k + 3] + 128];
    }
    for (; k < n; ++k) ++part[0][c[k] + 128];
    std::uint32_t count[256];
    for (int v = 0; v < 256; ++v) count[v] = part[0][v] + part[1][v] + part[2][v] + part[3][v];
    int best = -1;
    for (int v = 0; v < 256; ++v) {
      if (count[v] == 0) continue;
      if (best < 0 || (pick == Pick::Most ? count[v] > count[best] : count[v] < count[best])) {
        best = v;
      }
    }
    out = best - 128;
    return true;
  }
  const SetObj* s = get_set(element);
  if (!s || s->n == 0 || (s->kind != SetKind::Cells && s->kind != SetKind::Pairs)) return false;
  // Cells sort colour-major and Pairs row-major, so equal keys form consecutive runs.
  const bool cells = s->kind == SetKind::Cells;
  auto key = [cells](const Value& v) { return cells ? v.cell_color() : v.a(); };
  const Value* items = s->items();
  std::int64_t best = key(items[0]);
  std::size_t best_n = 0;
  for (std::size_t k = 0; k < s->n;) {
    const std::int32_t v = key(items[k]);
    std::size_t end = k + 1;
    while (end < s->n && key(items[end]) == v) ++end;
    const std::size_t run = end - k;
    if (best_n == 0 || (pick == Pick::Most ? run > best_n : run < best_n)) {
      best = v;
      best_n = run;
    }
    k = end;
  }
  out = best;
  return true;
}

// The same error, tied to argument `argno` (budget errors stay untied).
Value at_arg(const Value& err, int argno) noexcept {
  const ErrCode c = err.err_code();
  if (c == ErrCode::Resource || c == ErrCode::Timeout) return err;
  return Value::error(c, argno);
}

}  // namespace

bool most_color(const Value& element, std::int64_t& out) noexcept {
  return pick_color(element, Pick::Most, out);
}

bool least_color(const Value& element, std::int64_t& out) noexcept {
  return pick_color(element, Pick::Least, out);
}

GridForm grid_form(const Value& v) noexcept {
  if (v.is_grid()) return GridForm::Grid;
  if (!v.is_tuple()) return GridForm::Other;
  const TupleObj& t = v.as_tuple();
  if (t.n == 0) return GridForm::Empty;
  for (const Value& r : t.span()) {
    if (!r.is_tuple() || r.as_tuple().n != 0) return GridForm::Other;
  }
  return GridForm::NoCols;
}

Value unpack2(const Value& v, EvalCtx& ctx, Value& x, Value& y) noexcept {
  switch (v.tag()) {
    case Tag::Pair:
      x = Value::integer(v.a());
      y = Value::integer(v.b());
      return Value::none();
    case Tag::Cell:
      x = Value::integer(v.cell_color());
      y = v.cell_loc();
      return Value::none();
    case Tag::Grid:
      if (v.as_grid().h != 2) return value_error();
      x = grid_row(v.as_grid(), 0, ctx);
      y = grid_row(v.as_grid(), 1, ctx);
      if (x.is_error()) return x;
      if (y.is_error()) return y;
      return Value::none();
    case Tag::Tuple:
    case Tag::Set: {
      std::span<const Value> items;
      if (Value e = items_of(v, ctx, items); e.is_error()) return e;
      if (items.size() != 2) return value_error();
      x = items[0];
      y = items[1];
      return Value::none();
    }
    default:
      return type_error();
  }
}

Value subscript(const Value& v, std::size_t k, EvalCtx& ctx, Value& out) noexcept {
  if (!v.is_tuplelike()) return type_error();
  if (static_cast<std::size_t>(len_of(v)) <= k) return index_error();
  out = tuple_item(v, k, ctx);
  return out.is_error() ? out : Value::none();
}

Value first_item_head(const Value& c, EvalCtx& ctx, Value& out) noexcept {
  switch (c.tag()) {
    case Tag::Set: {
      const SetObj& s = c.as_set();
      if (s.n == 0) return value_error();
      const Value& e = s.items()[0];
      if (e.is_cell()) {
        out = Value::integer(e.cell_color());
        return Value::none();
      }
      return subscript(e, 0, ctx, out);
    }
    case Tag::Grid:
      out = Value::integer(c.as_grid().cells()[0]);
      return Value::none();
    case Tag::Tuple:
      if (c.as_tuple().n == 0) return value_error();
      return subscript(c.as_tuple().items()[0], 0, ctx, out);
    default:
      return type_error();  // an int first item (Pair, Cell) or not iterable
  }
}

Value patch_locs(const Value& patch, int argno, EvalCtx& ctx,
                 std::span<const Value>& out) noexcept {
  std::span<const Value> items;
  if (const SetObj* s = get_set(patch)) {
    if (s->kind == SetKind::Empty || s->kind == SetKind::Pairs || s->kind == SetKind::Cells) {
      out = s->span();
      return Value::none();
    }
    items = s->span();
  } else if (patch.is_tuple()) {
    items = patch.as_tuple().span();
    if (items.empty()) {
      out = {};
      return Value::none();
    }
  } else if (const GridObj* g = get_grid(patch)) {
    // Rows are the items: `row[1]` is an int, so each row is read as a location `i, j`.
    if (g->w == 1) return index_error(argno);
    if (g->w != 2) return value_error(argno);
    auto* locs = static_cast<Value*>(ctx.alloc(g->h * sizeof(Value)));
    if (!locs) return resource_error();
    for (std::int32_t r = 0; r < g->h; ++r) locs[r] = Value::pair(g->at(r, 0), g->at(r, 1));
    out = {locs, static_cast<std::size_t>(g->h)};
    return Value::none();
  } else {
    return type_error(argno);  // no len() (or a Pair/Cell, whose first item is an int)
  }
  // The reference looks at the first element: if its item 1 is a tuple, the patch is an
  // object and the locations are item 1 of every element; otherwise the elements are them.
  Value head;
  if (Value e = subscript(items[0], 1, ctx, head); e.is_error()) return at_arg(e, argno);
  const bool object = head.is_tuplelike();
  auto* locs = static_cast<Value*>(ctx.alloc(items.size() * sizeof(Value)));
  if (!locs) return resource_error();
  std::size_t n = 0;
  for (const Value& item : items) {
    Value loc = item;
    if (object) {
      Value value;
      if (Value e = unpack2(item, ctx, value, loc); e.is_error()) return at_arg(e, argno);
    }
    std::int64_t i = 0, j = 0;
    if (!get_ij(loc, i, j)) return loc.is_tuplelike() ? value_error(argno) : type_error(argno);
    if (fits_i32(i) && fits_i32(j)) {
      locs[n++] = Value::pair(static_cast<std::int32_t>(i), static_cast<std::int32_t>(j));
    }
  }
  out = {locs, n};
  return Value::none();
}

}  // namespace batt::dsl
