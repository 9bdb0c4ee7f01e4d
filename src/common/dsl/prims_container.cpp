// Container primitives: contained, combine, intersection, difference, dedupe, repeat, size,
// merge, maximum, minimum, mostcommon, leastcommon, initset, totuple, first, last, insert,
// remove, other, interval, product, pair, sizefilter; and the family's one table, which also
// lists the higher-order ones of prims_higher.cpp (order, argmax, apply, sfilter, ...).
//
// `type(container)(...)` in the reference decides the result type: a tuple argument gives a
// tuple (order and duplicates kept; the builders normalise, so a tuple of small pairs comes
// back as a Grid), a frozenset gives a frozenset. Sets iterate in canonical ascending order,
// which decides first/last/other and every tie-break (reference/arc-dsl.md §5.5).
#include <algorithm>
#include <cstring>

#include "dsl/grid.hpp"
#include "dsl/prims_higher.hpp"
#include "dsl/pyops.hpp"
#include "dsl/registry.hpp"
#include "dsl/set.hpp"
#include "dsl/tuple.hpp"

namespace batt::dsl {

Value detail::merge_parts(std::span<const Value> parts, bool as_set, int arg,
                          EvalCtx& ctx) noexcept {
  std::uint64_t total = 0;
  const Value* only = nullptr;  // the one non-empty part, if there is exactly one
  std::size_t nonempty = 0;
  for (const Value& p : parts) {
    const std::int64_t n = len_of(p);
    if (n < 0) return type_error(arg);
    if (n > 0) {
      only = &p;
      ++nonempty;
    }
    total += static_cast<std::uint64_t>(n);
  }
  if (total == 0) return as_set ? empty_set() : empty_tuple();
  if (nonempty == 1 && (as_set ? only->is_set() : only->is_tuplelike())) return *only;
  if (!ctx.items_ok(total)) return resource_error();
  if (as_set &&
      std::all_of(parts.begin(), parts.end(), [](const Value& p) { return p.is_set(); })) {
    return set_union_all(parts, ctx);
  }
  auto fill = [&](auto& b) -> Value {
    for (const Value& p : parts) {
      std::span<const Value> items;
      if (Value e = items_of(p, ctx, items); e.is_error()) return e;
      for (const Value& v : items) b.push(v);
    }
    return b.finish();
  };
  if (as_set) {
    SetBuilder b(ctx, total);
    return fill(b);
  }
  TupleBuilder b(ctx, total);
  return fill(b);
}

Value detail::sorted_index(std::span<const Value> items, EvalCtx& ctx,
                           std::uint32_t*& idx) noexcept {
  idx = static_cast<std::uint32_t*>(ctx.alloc(items.size() * sizeof(std::uint32_t)));
  if (!idx) return resource_error();
  for (std::uint32_t k = 0; k < items.size(); ++k) idx[k] = k;
  std::sort(idx, idx + items.size(), [&](std::uint32_t x, std::uint32_t y) {
    const int c = compare(items[x], items[y]);
    return c != 0 ? c < 0 : x < y;
  });
  return Value::none();
}

namespace {

// ---- helpers ----------------------------------------------------------------------------------

// Whether x equals a row of g (Python `x in grid`): only a Pair or a Tuple of ints can.
bool grid_has_row(const GridObj& g, const Value& x) noexcept {
  if (x.is_pair()) {
    if (g.w != 2) return false;
    for (std::int32_t i = 0; i < g.h; ++i) {
      if (g.at(i, 0) == x.a() && g.at(i, 1) == x.b()) return true;
    }
    return false;
  }
  if (x.is_triple()) {
    if (g.w != 3) return false;
    for (std::int32_t i = 0; i < g.h; ++i) {
      if (g.at(i, 0) == x.a() && g.at(i, 1) == x.b() && g.at(i, 2) == x.c()) return true;
    }
    return false;
  }
  if (!x.is_tuple() || x.as_tuple().n != static_cast<std::uint32_t>(g.w)) return false;
  const Value* want = x.as_tuple().items();
  for (std::int32_t k = 0; k < g.w; ++k) {
    if (!want[k].is_intlike()) return false;
  }
  for (std::int32_t i = 0; i < g.h; ++i) {
    std::int32_t k = 0;
    while (k < g.w && want[k].as_int() == g.at(i, k)) ++k;
    if (k == g.w) return true;
  }
  return false;
}

// Whether every item is an int or bool that a grid cell could hold: the counting fast paths.
bool all_small_ints(std::span<const Value> items) noexcept {
  for (const Value& v : items) {
    if (!v.is_intlike() || !fits_i8(v.as_int())) return false;
  }
  return true;
}

// max(container) / min(container), default 0: the first extreme item in iteration order.
Value extreme(const Value& c, bool want_max, EvalCtx& ctx) noexcept {
  if (c.is_set()) {
    const SetObj& s = c.as_set();
    if (s.n == 0) return Value::integer(0);
    // Canonical order is Python's order for ints, pairs and cells.
    if (s.kind == SetKind::Ints || s.kind == SetKind::Pairs || s.kind == SetKind::Cells) {
      return want_max ? s.items()[s.n - 1] : s.items()[0];
    }
  }
  std::span<const Value> items;
  if (Value e = items_of(c, ctx, items, 1); e.is_error()) return e;
  if (items.empty()) return Value::integer(0);
  Value best = items[0];
  for (std::size_t k = 1; k < items.size(); ++k) {
    const int r = want_max ? py_less(best, items[k]) : py_less(items[k], best);
    if (r < 0) return type_error(1);
    if (r == 1) best = items[k];
  }
  return best;
}

// `max(set(c), key=c.count)` (most) or min: candidates in canonical ascending order, each
// represented by its first occurrence (the element Python's set keeps).
Value most_least(const Value& c, bool most, EvalCtx& ctx) noexcept {
  if (!c.is_tuplelike()) return type_error(1);  // a frozenset has no .count
  std::span<const Value> items;
  if (Value e = items_of(c, ctx, items); e.is_error()) return e;
  if (items.empty()) return value_error(1);
  auto better = [most](std::size_t n, std::size_t best) { return most ? n > best : n < best; };
  if (all_small_ints(items)) {
    std::uint32_t count[256] = {};
    std::int32_t first[256];
    for (std::size_t k = items.size(); k-- > 0;) {
      const auto v = static_cast<std::uint8_t>(items[k].as_int() + 128);
      ++count[v];
      first[v] = static_cast<std::int32_t>(k);
    }
    std::int32_t best = -1;
    for (int v = 0; v < 256; ++v) {
      if (count[v] > 0 && (best < 0 || better(count[v], count[best]))) best = v;
    }
    return items[static_cast<std::size_t>(first[best])];
  }
  std::uint32_t* idx = nullptr;
  if (Value e = detail::sorted_index(items, ctx, idx); e.is_error()) return e;
  std::size_t best_rep = 0, best_n = 0;
  for (std::size_t s = 0; s < items.size();) {
    std::size_t e = s + 1;
    while (e < items.size() && compare(items[idx[s]], items[idx[e]]) == 0) ++e;
    if (s == 0 || better(e - s, best_n)) {
      best_rep = idx[s];
      best_n = e - s;
    }
    s = e;
  }
  return items[best_rep];
}

// ---- primitives -------------------------------------------------------------------------------

Value prim_contained(Args a, EvalCtx&) noexcept {
  const Value& x = a[0];
  const Value& c = a[1];
  switch (c.tag()) {
    case Tag::Set:
      return Value::boolean(set_contains(c.as_set(), x));
    case Tag::Tuple:
      for (const Value& v : c.as_tuple().span()) {
        if (equal(v, x)) return Value::boolean(true);
      }
      return Value::boolean(false);
    case Tag::Pair:
      return Value::boolean(x.is_number() &&
                            (equal(x, Value::integer(c.a())) || equal(x, Value::integer(c.b()))));
    case Tag::Cell:
      return Value::boolean((x.is_intlike() && x.as_int() == c.cell_color()) ||
                            equal(x, c.cell_loc()));
    case Tag::Triple:
      return Value::boolean(x.is_number() &&
                            (equal(x, Value::integer(c.a())) || equal(x, Value::integer(c.b())) ||
                             equal(x, Value::integer(c.c()))));
    case Tag::Grid:
      return Value::boolean(grid_has_row(c.as_grid(), x));
    default:
      return type_error(2);
  }
}

Value prim_combine(Args a, EvalCtx& ctx) noexcept {
  const Value& x = a[0];
  const Value& y = a[1];
  if (!is_container(x)) return type_error(1);
  if (!is_container(y)) return type_error(2);
  if (x.is_set() && y.is_set()) return set_union(x.as_set(), y.as_set(), ctx);
  if (x.is_tuplelike()) {
    if (len_of(y) == 0) return x;  // tuple(x) is x
    if (len_of(x) == 0 && y.is_tuplelike()) return y;
    if (x.is_grid() && y.is_grid() && x.as_grid().w == y.as_grid().w) {
      const GridObj& g = x.as_grid();
      const GridObj& h = y.as_grid();
      return make_grid_result(ctx, std::int64_t{g.h} + h.h, g.w, [&](std::int8_t* out) {
        std::memcpy(out, g.cells(), g.area());
        std::memcpy(out + g.area(), h.cells(), h.area());
      });
    }
  }
  const Value parts[2] = {x, y};
  return detail::merge_parts(parts, x.is_set(), 2, ctx);
}

// `a & b`: frozensets intersect; ints (and bools) are and-ed bitwise, as in Python.
Value prim_intersection(Args a, EvalCtx& ctx) noexcept {
  return py_binop(PyOp::And, a[0], a[1], ctx, 1, 2);
}

// `a - b`: set difference; ints (and bools) subtract, as in Python. Tuples raise.
Value prim_difference(Args a, EvalCtx& ctx) noexcept {
  return py_binop(PyOp::Sub, a[0], a[1], ctx, 1, 2);
}

Value prim_dedupe(Args a, EvalCtx& ctx) noexcept {
  const Value& t = a[0];
  // `tup.index` is looked up only once an element is reached: an empty frozenset gives ().
  if (t.is_set()) return t.as_set().n == 0 ? empty_tuple() : type_error(1);
  if (!t.is_tuplelike()) return type_error(1);
  std::span<const Value> items;
  if (Value e = items_of(t, ctx, items); e.is_error()) return e;
  const std::size_t n = items.size();
  if (n < 2) return t;
  auto* keep = static_cast<bool*>(ctx.alloc(n));
  if (!keep) return resource_error();
  std::size_t kept = 0;
  if (all_small_ints(items)) {
    bool seen[256] = {};
    for (std::size_t k = 0; k < n; ++k) {
      const auto v = static_cast<std::uint8_t>(items[k].as_int() + 128);
      keep[k] = !seen[v];
      seen[v] = true;
      kept += keep[k];
    }
  } else {
    std::uint32_t* idx = nullptr;
    if (Value e = detail::sorted_index(items, ctx, idx); e.is_error()) return e;
    for (std::size_t s = 0; s < n; ++s) {
      keep[idx[s]] = s == 0 || compare(items[idx[s - 1]], items[idx[s]]) != 0;
      kept += keep[idx[s]];
    }
  }
  if (kept == n) return t;
  TupleBuilder b(ctx, kept);
  for (std::size_t k = 0; k < n; ++k) {
    if (keep[k]) b.push(items[k]);
  }
  return b.finish();
}

Value prim_repeat(Args a, EvalCtx& ctx) noexcept {
  std::int64_t n = 0;
  if (!get_int(a[1], n)) return type_error(2);
  if (n <= 0) return empty_tuple();
  if (!ctx.items_ok(static_cast<std::uint64_t>(n))) return resource_error();
  TupleBuilder b(ctx, static_cast<std::size_t>(n));
  for (std::int64_t k = 0; k < n; ++k) b.push(a[0]);
  return b.finish();
}

Value prim_size(Args a, EvalCtx&) noexcept {
  const std::int64_t n = len_of(a[0]);
  return n < 0 ? type_error(1) : Value::integer(n);
}

Value prim_merge(Args a, EvalCtx& ctx) noexcept {
  const Value& c = a[0];
  if (c.is_grid()) {  // rows of ints flatten to the cells, row-major
    const GridObj& g = c.as_grid();
    TupleBuilder b(ctx, g.area());
    for (std::size_t k = 0; k < g.area(); ++k) b.push(Value::integer(g.cells()[k]));
    return b.finish();
  }
  std::span<const Value> parts;
  if (Value e = items_of(c, ctx, parts, 1); e.is_error()) return e;
  return detail::merge_parts(parts, c.is_set(), 1, ctx);
}

Value prim_maximum(Args a, EvalCtx& ctx) noexcept {
  return extreme(a[0], true, ctx);
}
Value prim_minimum(Args a, EvalCtx& ctx) noexcept {
  return extreme(a[0], false, ctx);
}
Value prim_mostcommon(Args a, EvalCtx& ctx) noexcept {
  return most_least(a[0], true, ctx);
}
Value prim_leastcommon(Args a, EvalCtx& ctx) noexcept {
  return most_least(a[0], false, ctx);
}

Value prim_initset(Args a, EvalCtx& ctx) noexcept {
  return set_of(a.first(1), ctx);
}

Value prim_totuple(Args a, EvalCtx& ctx) noexcept {
  if (a[0].is_set()) return tuple_of(a[0].as_set().span(), ctx);
  return a[0].is_tuplelike() ? a[0] : type_error(1);
}

// Item k of a container counted from the front (or from the back when `from_back`); a Value
// error (StopIteration / max() of nothing) when it is empty.
Value end_item(const Value& c, bool from_back, EvalCtx& ctx) noexcept {
  const std::int64_t n = len_of(c);
  if (n < 0) return type_error(1);
  if (n == 0) return value_error(1);
  const auto k = static_cast<std::size_t>(from_back ? n - 1 : 0);
  return c.is_set() ? c.as_set().items()[k] : tuple_item(c, k, ctx);
}

Value prim_first(Args a, EvalCtx& ctx) noexcept {
  return end_item(a[0], false, ctx);
}
Value prim_last(Args a, EvalCtx& ctx) noexcept {
  return end_item(a[0], true, ctx);
}

// `container.union(frozenset({value}))`: only frozensets have .union.
Value prim_insert(Args a, EvalCtx& ctx) noexcept {
  const Value& v = a[0];
  if (!a[1].is_set()) return type_error(2);
  const SetObj& s = a[1].as_set();
  if (set_contains(s, v)) return a[1];
  SetBuilder b(ctx, s.n + std::size_t{1});
  bool placed = false;
  for (const Value& x : s.span()) {
    if (!placed && compare(v, x) < 0) {
      b.push(v);
      placed = true;
    }
    b.push(x);
  }
  if (!placed) b.push(v);
  return b.finish();
}

Value prim_remove(Args a, EvalCtx& ctx) noexcept {
  const Value& v = a[0];
  const Value& c = a[1];
  if (c.is_set()) {
    // At most one element of a set equals v.
    if (!set_contains(c.as_set(), v)) return c;
    SetBuilder b(ctx, c.as_set().n);
    for (const Value& x : c.as_set().span()) {
      if (!equal(x, v)) b.push(x);
    }
    return b.finish();
  }
  std::span<const Value> items;
  if (Value e = items_of(c, ctx, items, 2); e.is_error()) return e;
  std::size_t kept = 0;
  for (const Value& x : items) kept += !equal(x, v);
  if (kept == items.size()) return c;
  TupleBuilder b(ctx, kept);
  for (const Value& x : items) {
    if (!equal(x, v)) b.push(x);
  }
  return b.finish();
}

// first(remove(value, container)) without building the remainder.
Value prim_other(Args a, EvalCtx& ctx) noexcept {
  std::span<const Value> items;
  if (Value e = items_of(a[0], ctx, items, 1); e.is_error()) return e;
  for (const Value& x : items) {
    if (!equal(x, a[1])) return x;
  }
  return value_error(1);
}

// tuple(range(start, stop, step)).
Value prim_interval(Args a, EvalCtx& ctx) noexcept {
  std::int64_t start = 0, stop = 0, step = 0;
  if (!get_int(a[0], start)) return type_error(1);
  if (!get_int(a[1], stop)) return type_error(2);
  if (!get_int(a[2], step)) return type_error(3);
  if (step == 0) return value_error(3);
  // Unsigned arithmetic: the distance between two int64 always fits, and the items wrap
  // back into int64 range.
  using U = std::uint64_t;
  U n = 0;
  if (step > 0 && start < stop) n = (U(stop) - U(start) - 1) / U(step) + 1;
  if (step < 0 && start > stop) n = (U(start) - U(stop) - 1) / (U(0) - U(step)) + 1;
  if (n == 0) return empty_tuple();
  if (!ctx.items_ok(n)) return resource_error();
  TupleBuilder b(ctx, static_cast<std::size_t>(n));
  for (U k = 0; k < n; ++k)
    b.push(Value::integer(static_cast<std::int64_t>(U(start) + k * U(step))));
  return b.finish();
}

// frozenset((i, j) for j in b for i in a).
Value prim_product(Args a, EvalCtx& ctx) noexcept {
  // b is iterated first, and a only for each item of b: an empty b never looks at a.
  std::span<const Value> xs, ys;
  if (Value e = items_of(a[1], ctx, ys, 2); e.is_error()) return e;
  if (ys.empty()) return empty_set();
  if (Value e = items_of(a[0], ctx, xs, 1); e.is_error()) return e;
  const std::uint64_t total = std::uint64_t{xs.size()} * ys.size();
  if (total == 0) return empty_set();
  if (!ctx.items_ok(total)) return resource_error();
  if (!ctx.charge(total)) return timeout_error();  // duplicates make it more than the result
  // i outer, j inner: for two sorted sets the pairs come out sorted (no sort in finish()).
  SetBuilder b(ctx, static_cast<std::size_t>(total));
  for (const Value& x : xs) {
    for (const Value& y : ys) {
      const Value p = tuple2(x, y, ctx);
      if (p.is_error()) return p;
      b.push(p);
    }
  }
  return b.finish();
}

// tuple(zip(a, b)).
Value prim_pair(Args a, EvalCtx& ctx) noexcept {
  std::span<const Value> xs, ys;
  if (Value e = items_of(a[0], ctx, xs, 1); e.is_error()) return e;
  if (Value e = items_of(a[1], ctx, ys, 2); e.is_error()) return e;
  const std::size_t n = std::min(xs.size(), ys.size());
  TupleBuilder b(ctx, n);
  for (std::size_t k = 0; k < n; ++k) {
    const Value p = tuple2(xs[k], ys[k], ctx);
    if (p.is_error()) return p;
    b.push(p);
  }
  return b.finish();
}

// frozenset(item for item in container if len(item) == n); n may be any value (==).
Value prim_sizefilter(Args a, EvalCtx& ctx) noexcept {
  std::span<const Value> items;
  if (Value e = items_of(a[0], ctx, items, 1); e.is_error()) return e;
  SetBuilder b(ctx, items.size());
  for (const Value& x : items) {
    const std::int64_t n = len_of(x);
    if (n < 0) return type_error(1);
    if (equal(Value::integer(n), a[1])) b.push(x);
  }
  return b.finish();
}

using K = Kind;
using namespace detail;  // the higher-order primitives of prims_higher.cpp

constexpr std::uint16_t kHo = kHigherOrder;

constexpr PrimInfo kTable[] = {
    {"contained", prim_contained, 2, {K::Any, K::Container}, K::Boolean},
    {"combine", prim_combine, 2, {K::Container, K::Container}, K::Container, kTupleLeak},
    {"intersection", prim_intersection, 2, {K::FrozenSet, K::FrozenSet}, K::FrozenSet},
    {"difference", prim_difference, 2, {K::FrozenSet, K::FrozenSet}, K::FrozenSet},
    {"dedupe", prim_dedupe, 1, {K::Tuple}, K::Tuple},
    {"order", prim_order, 2, {K::Container, K::Callable}, K::Tuple, kOrderTies | kHo},
    {"repeat", prim_repeat, 2, {K::Any, K::Integer}, K::Tuple},
    {"size", prim_size, 1, {K::Container}, K::Integer},
    {"merge", prim_merge, 1, {K::ContainerContainer}, K::Container, kTupleLeak},
    {"maximum", prim_maximum, 1, {K::IntegerSet}, K::Integer},
    {"minimum", prim_minimum, 1, {K::IntegerSet}, K::Integer},
    {"valmax", prim_valmax, 2, {K::Container, K::Callable}, K::Integer, kHo},
    {"valmin", prim_valmin, 2, {K::Container, K::Callable}, K::Integer, kHo},
    {"argmax", prim_argmax, 2, {K::Container, K::Callable}, K::Any, kOrderTies | kHo},
    {"argmin", prim_argmin, 2, {K::Container, K::Callable}, K::Any, kOrderTies | kHo},
    {"mostcommon", prim_mostcommon, 1, {K::Container}, K::Any, kOrderTies},
    {"leastcommon", prim_leastcommon, 1, {K::Container}, K::Any, kOrderTies},
    {"initset", prim_initset, 1, {K::Any}, K::FrozenSet},
    {"sfilter", prim_sfilter, 2, {K::Container, K::Callable}, K::Container, kHo},
    {"mfilter", prim_mfilter, 2, {K::Container, K::Callable}, K::FrozenSet, kTupleLeak | kHo},
    {"extract", prim_extract, 2, {K::Container, K::Callable}, K::Any, kOrderYes | kHo},
    {"totuple", prim_totuple, 1, {K::FrozenSet}, K::Tuple, kOrderYes},
    {"first", prim_first, 1, {K::Container}, K::Any, kOrderYes},
    {"last", prim_last, 1, {K::Container}, K::Any, kOrderYes},
    {"insert", prim_insert, 2, {K::Any, K::FrozenSet}, K::FrozenSet},
    {"remove", prim_remove, 2, {K::Any, K::Container}, K::Container},
    {"other", prim_other, 2, {K::Container, K::Any}, K::Any, kOrderYes},
    {"interval", prim_interval, 3, {K::Integer, K::Integer, K::Integer}, K::Tuple},
    {"product", prim_product, 2, {K::Container, K::Container}, K::FrozenSet},
    {"pair", prim_pair, 2, {K::Tuple, K::Tuple}, K::TupleTuple},
    {"apply", prim_apply, 2, {K::Callable, K::Container}, K::Container, kHo},
    {"rapply", prim_rapply, 2, {K::Container, K::Any}, K::Container, kHo},
    {"mapply",
     prim_mapply,
     2,
     {K::Callable, K::ContainerContainer},
     K::FrozenSet,
     kTupleLeak | kHo},
    {"papply", prim_papply, 3, {K::Callable, K::Tuple, K::Tuple}, K::Tuple, kHo},
    {"mpapply", prim_mpapply, 3, {K::Callable, K::Tuple, K::Tuple}, K::Tuple, kTupleLeak | kHo},
    {"prapply", prim_prapply, 3, {K::Any, K::Container, K::Container}, K::FrozenSet, kHo},
    {"sizefilter", prim_sizefilter, 2, {K::Container, K::Integer}, K::FrozenSet},
};

}  // namespace

std::span<const PrimInfo> detail::container_prims() noexcept {
  return kTable;
}

}  // namespace batt::dsl
