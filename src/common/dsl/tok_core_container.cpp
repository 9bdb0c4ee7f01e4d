// Tokpidjin container primitives that differ from Hodel's: combine_f, difference (and
// difference_tuple), mostcommon_f/leastcommon_f, first, last, second and their variants,
// remove (and remove_f, remove_t), other and its variants, dedupe_pair_tuple. (size_t/size_f,
// mostcommon_t/leastcommon_t and merge_t/merge_f take Hodel's bodies: tok_core.cpp's table.)
//
// The dialect's bodies return sentinels where Hodel's raise (first(∅) is None, last(∅) is (),
// other_t of nothing left is (); tokpidjin-dsl.md §3.3, §4.1), and test `e != value` with
// Python's `!=` operator, so a float nan is never removed. Sets iterate in ascending canonical
// order, which decides first_f, last_f, mostcommon_f and every "first element" below.
#include <algorithm>

#include "dsl/pyops.hpp"
#include "dsl/set.hpp"
#include "dsl/tok_core.hpp"
#include "dsl/tuple.hpp"

namespace batt::dsl::detail::tokcore {

namespace {

// `for e in c if e != value`: the kept items, into a set (c a frozenset, or `as_set`) or a
// tuple. Type error (arg) when c is not iterable.
Value without(const Value& c, const Value& value, bool as_set, int arg, EvalCtx& ctx) noexcept {
  std::span<const Value> items;
  if (Value e = items_of(c, ctx, items, arg); e.is_error()) return e;
  if (!ctx.charge(items.size())) return timeout_error();
  std::size_t kept = 0;
  for (const Value& x : items) kept += !py_eq(x, value);
  if (kept == items.size() && (as_set ? c.is_set() : c.is_tuplelike())) return c;
  if (as_set) {
    SetBuilder b(ctx, kept);
    for (const Value& x : items) {
      if (!py_eq(x, value)) b.push(x);
    }
    return b.finish();
  }
  TupleBuilder b(ctx, kept);
  for (const Value& x : items) {
    if (!py_eq(x, value)) b.push(x);
  }
  return b.finish();
}

// The first item of c (in iteration order) with `item != v` (Python's `!=`, so a nan is never
// equal): other and its variants, without building the remainder. `if_unreadable` when c is
// not iterable (a budget error is returned as is), `if_none` when no item differs.
Value first_other(const Value& c, const Value& v, const Value& if_unreadable, const Value& if_none,
                  EvalCtx& ctx) noexcept {
  std::span<const Value> items;
  if (Value e = items_of(c, ctx, items, 1); e.is_error()) {
    return is_budget_error(e) ? e : if_unreadable;
  }
  for (const Value& x : items) {
    if (!py_eq(x, v)) return x;
  }
  return if_none;
}

// `max(set(lst), key=lst.count)` (most) or min over `lst = list(container)`: any iterable.
// Over a frozenset every count is 1, so it is the first element iterated.
Value common_of_any(const Value& c, bool most, EvalCtx& ctx) noexcept {
  if (c.is_set()) {
    if (c.as_set().n == 0) return value_error(1);  // max() of an empty sequence
    return c.as_set().items()[0];
  }
  static const PrimFn mostcommon = arc_body("mostcommon");
  static const PrimFn leastcommon = arc_body("leastcommon");
  return (most ? mostcommon : leastcommon)(Args(&c, 1), ctx);
}

// `container[k] if container else empty` for k = 0 or -1 (first_t, last_t).
Value subscript_end(const Value& c, bool last, EvalCtx& ctx) noexcept {
  if (!truthy(c)) return empty_tuple();
  if (!c.is_tuplelike()) return type_error(1);  // sets and numbers are not subscriptable
  return tuple_item(c, last ? static_cast<std::size_t>(len_of(c) - 1) : 0, ctx);
}

// `next(iter(c)) if c else empty` (first) or `max(enumerate(c))[1] if c else empty` (last):
// a falsy value of any type gives `empty`, a truthy non-iterable fails.
Value iterate_end(const Value& c, bool last, const Value& empty, EvalCtx& ctx) noexcept {
  if (!truthy(c)) return empty;
  if (!is_container(c)) return type_error(1);
  return item_at(c, last ? static_cast<std::size_t>(len_of(c) - 1) : 0, ctx);
}

}  // namespace

// `a | b`: frozensets only.
Value prim_combine_f(Args a, EvalCtx& ctx) noexcept {
  if (!a[0].is_set()) return type_error(1);
  if (!a[1].is_set()) return type_error(2);
  return set_union(a[0].as_set(), a[1].as_set(), ctx);
}

// `type(a)(e for e in a if e not in b)` (difference, difference_tuple): a is any iterable (a
// tuple gives a tuple), b anything `in` accepts, looked at only when a has items.
Value prim_difference(Args a, EvalCtx& ctx) noexcept {
  if (a[0].is_set() && a[1].is_set()) return set_difference(a[0].as_set(), a[1].as_set(), ctx);
  std::span<const Value> items;
  if (Value e = items_of(a[0], ctx, items, 1); e.is_error()) return e;
  if (items.empty()) return a[0].is_set() ? empty_set() : empty_tuple();
  // A tuple b is searched linearly, a set by bisection.
  const std::int64_t scan = a[1].is_tuplelike() ? std::max<std::int64_t>(len_of(a[1]), 1) : 1;
  if (!ctx.charge(items.size() * static_cast<std::uint64_t>(scan))) return timeout_error();
  static const PrimFn contained = arc_body("contained");
  auto* kept = static_cast<Value*>(ctx.alloc(items.size() * sizeof(Value)));
  if (!kept) return resource_error();
  std::size_t n = 0;
  for (const Value& x : items) {
    const Value args[2] = {x, a[1]};
    const Value in = contained(Args(args), ctx);
    if (in.is_error()) return in;
    if (!in.as_bool()) kept[n++] = x;
  }
  if (a[0].is_set()) return set_of({kept, n}, ctx);
  return tuple_of({kept, n}, ctx);
}

// mostcommon_f, leastcommon_f: over `list(container)`, any iterable (mostcommon, leastcommon
// and their _t variants are Hodel's `max(set(c), key=c.count)`: tok_core.cpp's table).
Value prim_mostcommon_f(Args a, EvalCtx& ctx) noexcept {
  return common_of_any(a[0], true, ctx);
}
Value prim_leastcommon_f(Args a, EvalCtx& ctx) noexcept {
  return common_of_any(a[0], false, ctx);
}

// `next(iter(c), None)`: None when empty, a Type error when c is not iterable.
Value prim_first(Args a, EvalCtx& ctx) noexcept {
  const std::int64_t n = len_of(a[0]);
  if (n < 0) return type_error(1);
  return n == 0 ? Value::none() : item_at(a[0], 0, ctx);
}
Value prim_first_t(Args a, EvalCtx& ctx) noexcept {
  return subscript_end(a[0], false, ctx);
}
Value prim_first_f(Args a, EvalCtx& ctx) noexcept {
  return iterate_end(a[0], false, empty_set(), ctx);
}
Value prim_last(Args a, EvalCtx& ctx) noexcept {
  return iterate_end(a[0], true, empty_tuple(), ctx);
}
Value prim_last_t(Args a, EvalCtx& ctx) noexcept {
  return subscript_end(a[0], true, ctx);
}
Value prim_last_f(Args a, EvalCtx& ctx) noexcept {
  return iterate_end(a[0], true, empty_set(), ctx);
}

// `it = iter(c); next(it); return next(it, None)`: fails on an empty c (StopIteration).
Value prim_second(Args a, EvalCtx& ctx) noexcept {
  const std::int64_t n = len_of(a[0]);
  if (n < 0) return type_error(1);
  if (n == 0) return value_error(1);
  return n == 1 ? Value::none() : item_at(a[0], 1, ctx);
}

// remove, remove_f: `type(container)(e for e in container if e != value)`.
Value prim_remove(Args a, EvalCtx& ctx) noexcept {
  return without(a[1], a[0], a[1].is_set(), 2, ctx);
}
// remove_t: always a tuple.
Value prim_remove_t(Args a, EvalCtx& ctx) noexcept {
  return without(a[1], a[0], false, 2, ctx);
}

// other: `first(remove(value, container))` through the wrappers: a container remove() cannot
// read gives its default (), and first(()) is None, so other never fails.
Value prim_other(Args a, EvalCtx& ctx) noexcept {
  return first_other(a[0], a[1], Value::none(), Value::none(), ctx);
}

// `filtered = tuple(e for e in container if e != value); filtered[0] if filtered else ()`.
Value prim_other_t(Args a, EvalCtx& ctx) noexcept {
  return first_other(a[0], a[1], type_error(1), empty_tuple(), ctx);
}

// `filtered = remove_f(value, container)` (its default frozenset() when it fails), then
// `next(iter(filtered)) if filtered else frozenset()`.
Value prim_other_f(Args a, EvalCtx& ctx) noexcept {
  return first_other(a[0], a[1], empty_set(), empty_set(), ctx);
}

// `tuple((a, b) for a, b in S if a != b)`: the sample pairs whose input is not their output.
Value prim_dedupe_pair_tuple(Args a, EvalCtx& ctx) noexcept {
  std::span<const Value> samples;
  if (Value e = items_of(a[0], ctx, samples, 1); e.is_error()) return e;
  TupleBuilder b(ctx, samples.size());
  for (const Value& s : samples) {
    Value in, out;
    if (Value e = unpack2(s, 1, ctx, in, out); e.is_error()) return e;
    if (py_eq(in, out)) continue;
    const Value p = tuple2(in, out, ctx);
    if (p.is_error()) return p;
    b.push(p);
  }
  return b.finish();
}

}  // namespace batt::dsl::detail::tokcore
