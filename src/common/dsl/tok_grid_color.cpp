// Colour primitives of the tokpidjin dialect: mostcolor_t/_f, leastcolor_t/_f, palette_t/_f,
// numcolors_t/_f, colorcount_t/_f, get_color_rank_t/_f, p_g, p_o, p_f, color, colorfilter.
//
// `_t` variants read a grid as `[v for r in grid for v in r]`, `_f` variants an object as
// `[c for _, _, c in obj]` (cells are (i, j, c), tokpidjin-dsl.md §2.1). mostcolor/leastcolor of
// a Grid count as arc-dsl's do (color.hpp); other Grid reads and sets of Triples with small
// colours count into 256 buckets; anything else follows the Python expression over arbitrary
// values.
#include <algorithm>

#include "dsl/color.hpp"
#include "dsl/pyops.hpp"
#include "dsl/set.hpp"
#include "dsl/tok_grid.hpp"
#include "dsl/tok_numbers.hpp"
#include "dsl/tok_patch.hpp"
#include "dsl/tuple.hpp"

namespace batt::dsl::detail::tokgrid {

namespace {

// Per-colour counts of the int8 colours of a Grid, or of a set of Triples whose colours all fit
// int8 (false otherwise), plus the position of each colour's first appearance.
struct Buckets {
  std::uint32_t count[256] = {};
  std::uint32_t first[256] = {};
  bool any = false;
};

bool small_buckets(const Value& v, bool object, Buckets& out) noexcept {
  auto add = [&out](std::int64_t c, std::uint32_t at) {
    const auto k = static_cast<std::size_t>(c + 128);
    if (out.count[k]++ == 0) out.first[k] = at;
    out.any = true;
  };
  if (!object) {
    const GridObj* g = get_grid(v);
    if (!g) return false;
    for (std::size_t k = 0; k < g->area(); ++k) add(g->cells()[k], static_cast<std::uint32_t>(k));
    return true;
  }
  if (!v.is_set() || (v.as_set().kind != SetKind::Triples && v.as_set().kind != SetKind::Empty)) {
    return false;
  }
  const SetObj& s = v.as_set();
  for (const Value& c : s.span()) {
    if (!fits_i8(c.c())) return false;
  }
  for (std::size_t k = 0; k < s.n; ++k) add(s.items()[k].c(), static_cast<std::uint32_t>(k));
  return true;
}

// `[c for _, _, c in obj]`.
Value object_colors(const Value& obj, EvalCtx& ctx, std::span<const Value>& out) noexcept {
  const std::int64_t n = len_of(obj);
  if (n < 0) return type_error();
  auto* vals = static_cast<Value*>(ctx.alloc(std::max<std::int64_t>(n, 1) * sizeof(Value)));
  if (!vals) return resource_error();
  std::size_t k = 0;
  const Value err = tok::for_each_unpacked(obj, 3, ctx, [&](const Value* xs) {
    vals[k++] = xs[2];
    return Value::none();
  });
  if (err.is_error()) return err;
  out = {vals, k};
  return Value::none();
}

// The values a primitive counts: the grid's cells (object == false) or the object's colours.
Value colors_of(const Value& v, bool object, EvalCtx& ctx, std::span<const Value>& out) noexcept {
  return object ? object_colors(v, ctx, out) : flat_values(v, ctx, out);
}

// mostcolor / leastcolor: nan when there is nothing to count; ties to the smallest colour.
Value pick(const Value& v, bool object, bool most, EvalCtx& ctx) noexcept {
  if (!object && get_grid(v)) {
    // A Grid (never empty) counts as arc-dsl's mostcolor does, with the same tie rule.
    std::int64_t c = 0;
    if (most) {
      most_color(v, c);
    } else {
      least_color(v, c);
    }
    return Value::integer(c);
  }
  Buckets b;
  if (small_buckets(v, object, b)) {
    if (!b.any) return tok_nan();
    int best = -1;
    for (int k = 0; k < 256; ++k) {
      if (b.count[k] == 0) continue;
      if (best < 0 || (most ? b.count[k] > b.count[best] : b.count[k] < b.count[best])) best = k;
    }
    return Value::integer(best - 128);
  }
  std::span<const Value> vals;
  if (Value e = colors_of(v, object, ctx, vals); e.is_error()) return e;
  if (vals.empty()) return tok_nan();
  return common_value(vals, most, ctx);
}

// frozenset of the counted values.
Value palette(const Value& v, bool object, EvalCtx& ctx) noexcept {
  Buckets b;
  if (small_buckets(v, object, b)) {
    Value colors[256];
    std::size_t n = 0;
    for (int k = 0; k < 256; ++k) {
      if (b.count[k] > 0) colors[n++] = Value::integer(k - 128);
    }
    return set_of({colors, n}, ctx);
  }
  std::span<const Value> vals;
  if (Value e = colors_of(v, object, ctx, vals); e.is_error()) return e;
  return set_of(vals, ctx);
}

// `Counter(values).most_common()`: the distinct values (the first of equal ones represents them)
// by descending count, ties by first appearance, into `out`.
Value ranked_values(const Value& v, bool object, EvalCtx& ctx,
                    std::span<const Value>& out) noexcept {
  Buckets b;
  if (small_buckets(v, object, b)) {
    int order[256];
    int n = 0;
    for (int k = 0; k < 256; ++k) {
      if (b.count[k] > 0) order[n++] = k;
    }
    std::sort(order, order + n, [&b](int x, int y) {
      return b.count[x] != b.count[y] ? b.count[x] > b.count[y] : b.first[x] < b.first[y];
    });
    auto* vals = static_cast<Value*>(ctx.alloc(std::max(n, 1) * sizeof(Value)));
    if (!vals) return resource_error();
    for (int k = 0; k < n; ++k) vals[k] = Value::integer(order[k] - 128);
    out = {vals, static_cast<std::size_t>(n)};
    return Value::none();
  }
  std::span<const Value> vals;
  if (Value e = colors_of(v, object, ctx, vals); e.is_error()) return e;
  const std::size_t n = vals.size();
  if (!ctx.charge(n)) return timeout_error();
  // Group equal values, each group starting with its first appearance (position breaks ties;
  // std::stable_sort would take a heap buffer).
  auto* idx = static_cast<std::uint32_t*>(
      ctx.alloc(std::max<std::size_t>(n, 1) * 3 * sizeof(std::uint32_t)));
  auto* reps = static_cast<Value*>(ctx.alloc(std::max<std::size_t>(n, 1) * sizeof(Value)));
  if (!idx || !reps) return resource_error();
  for (std::size_t k = 0; k < n; ++k) idx[k] = static_cast<std::uint32_t>(k);
  std::sort(idx, idx + n, [&vals](std::uint32_t x, std::uint32_t y) {
    const int c = compare(vals[x], vals[y]);
    return c != 0 ? c < 0 : x < y;
  });
  std::uint32_t* first = idx + n;  // per group: first appearance, then count
  std::uint32_t* count = idx + 2 * n;
  std::size_t groups = 0;
  for (std::size_t k = 0; k < n;) {
    std::size_t end = k + 1;
    while (end < n && compare(vals[idx[end]], vals[idx[k]]) == 0) ++end;
    first[groups] = idx[k];
    count[groups] = static_cast<std::uint32_t>(end - k);
    ++groups;
    k = end;
  }
  // Reuse idx[0..groups) as the group order.
  for (std::size_t g = 0; g < groups; ++g) idx[g] = static_cast<std::uint32_t>(g);
  std::sort(idx, idx + groups, [&](std::uint32_t x, std::uint32_t y) {
    return count[x] != count[y] ? count[x] > count[y] : first[x] < first[y];
  });
  for (std::size_t g = 0; g < groups; ++g) reps[g] = vals[first[idx[g]]];
  out = {reps, groups};
  return Value::none();
}

// get_color_rank: `ranked[rank][0] if -len(ranked) <= rank < len(ranked) else <empty>`.
Value color_rank(const Value& v, bool object, const Value& rank, EvalCtx& ctx) noexcept {
  std::span<const Value> ranked;
  if (Value e = ranked_values(v, object, ctx, ranked); e.is_error()) return e;
  const auto n = static_cast<std::int64_t>(ranked.size());
  const Value outside = object ? empty_set() : empty_tuple();
  for (const Value& t : {tok_le(Value::integer(-n), rank), tok_lt(rank, Value::integer(n))}) {
    if (!t.is_bool()) return t;
    if (!t.as_bool()) return outside;
  }
  if (!rank.is_intlike()) return type_error(2);  // a float list index
  const std::int64_t k = rank.as_int() < 0 ? rank.as_int() + n : rank.as_int();
  return ranked[static_cast<std::size_t>(k)];
}

}  // namespace

Value prim_mostcolor_t(Args a, EvalCtx& ctx) noexcept {
  return pick(a[0], false, true, ctx);
}
Value prim_mostcolor_f(Args a, EvalCtx& ctx) noexcept {
  return pick(a[0], true, true, ctx);
}
Value prim_leastcolor_t(Args a, EvalCtx& ctx) noexcept {
  return pick(a[0], false, false, ctx);
}
Value prim_leastcolor_f(Args a, EvalCtx& ctx) noexcept {
  return pick(a[0], true, false, ctx);
}

Value prim_palette_t(Args a, EvalCtx& ctx) noexcept {
  return palette(a[0], false, ctx);
}
Value prim_palette_f(Args a, EvalCtx& ctx) noexcept {
  return palette(a[0], true, ctx);
}

// len(palette_x(v)), palette_x wrapped: 0 colours when it raises.
Value prim_numcolors_t(Args a, EvalCtx& ctx) noexcept {
  const Value p = guarded(palette(a[0], false, ctx), SafeDefault::EmptySet);
  return p.is_error() ? p : Value::integer(len_of(p));
}
Value prim_numcolors_f(Args a, EvalCtx& ctx) noexcept {
  const Value p = guarded(palette(a[0], true, ctx), SafeDefault::EmptySet);
  return p.is_error() ? p : Value::integer(len_of(p));
}

// sum(row.count(color) for row in grid): rows must be tuples (only they have .count).
Value prim_colorcount_t(Args a, EvalCtx& ctx) noexcept {
  const Value& color = a[1];
  std::int64_t n = 0;
  if (const GridObj* g = get_grid(a[0]); g && color.is_intlike()) {
    for (std::size_t k = 0; k < g->area(); ++k) n += g->cells()[k] == color.as_int();
    return Value::integer(n);
  }
  std::span<const Value> rows;
  if (Value e = items_of(a[0], ctx, rows, 1); e.is_error()) return e;
  for (const Value& r : rows) {
    if (!r.is_tuplelike()) return type_error(1);
    std::span<const Value> items;
    if (Value e = items_of(r, ctx, items); e.is_error()) return e;
    for (const Value& x : items) n += equal(x, color);
  }
  return Value::integer(n);
}

// sum(c == color for _, _, c in obj).
Value prim_colorcount_f(Args a, EvalCtx& ctx) noexcept {
  std::int64_t n = 0;
  if (a[0].is_set() && a[0].as_set().kind == SetKind::Triples && a[1].is_intlike()) {
    for (const Value& c : a[0].as_set().span()) n += c.c() == a[1].as_int();
    return Value::integer(n);
  }
  std::span<const Value> colors;
  if (Value e = object_colors(a[0], ctx, colors); e.is_error()) return e;
  for (const Value& c : colors) n += py_eq(c, a[1]);
  return Value::integer(n);
}

Value prim_get_color_rank_t(Args a, EvalCtx& ctx) noexcept {
  return color_rank(a[0], false, a[1], ctx);
}
Value prim_get_color_rank_f(Args a, EvalCtx& ctx) noexcept {
  return color_rank(a[0], true, a[1], ctx);
}

// tuple({cell for row in grid for cell in row}), ascending (the dialect's set order).
Value prim_p_g(Args a, EvalCtx& ctx) noexcept {
  return tuple_of_set(palette(a[0], false, ctx), ctx);
}
// tuple({c for _, _, c in obj}).
Value prim_p_o(Args a, EvalCtx& ctx) noexcept {
  return tuple_of_set(palette(a[0], true, ctx), ctx);
}
// frozenset(c for _, _, c in obj).
Value prim_p_f(Args a, EvalCtx& ctx) noexcept {
  return palette(a[0], true, ctx);
}

// first = next(iter(obj), (0, 0, -inf)); first[2] if it is a tuple, else -inf.
Value prim_color(Args a, EvalCtx& ctx) noexcept {
  const Value& obj = a[0];
  if (!is_container(obj)) return type_error(1);
  if (len_of(obj) == 0) return tok_ninf();
  if (obj.is_set() && obj.as_set().kind == SetKind::Triples) {
    return Value::integer(obj.as_set().items()[0].c());
  }
  const Value first = item_at(obj, 0, ctx);
  if (first.is_error()) return first;
  if (!first.is_tuplelike()) return tok_ninf();
  Value c;
  if (Value e = subscript(first, 2, 1, ctx, c); e.is_error()) return e;
  return c;
}

Value first_color(const Value& obj, EvalCtx& ctx, Value& out) noexcept {
  if (!is_container(obj)) return type_error(1);
  if (len_of(obj) == 0) return value_error(1);  // StopIteration in a generator
  const Value first = item_at(obj, 0, ctx);
  if (first.is_error()) return first;
  if (first.is_triple()) {
    out = Value::integer(first.c());
    return Value::none();
  }
  return subscript(first, 2, 1, ctx, out);
}

// frozenset(obj for obj in objs if next(iter(obj))[2] == color).
Value prim_colorfilter(Args a, EvalCtx& ctx) noexcept {
  std::span<const Value> objs;
  if (Value e = items_of(a[0], ctx, objs, 1); e.is_error()) return e;
  SetBuilder out(ctx, objs.size());
  for (const Value& obj : objs) {
    Value c;
    if (Value e = first_color(obj, ctx, c); e.is_error()) return e;
    if (py_eq(c, a[1])) out.push(obj);
  }
  return out.finish();
}

}  // namespace batt::dsl::detail::tokgrid
