// Tokpidjin rank selectors (tokpidjin-dsl.md §4.2): get_nth_t, get_nth_f, get_nth_by_key_t,
// get_nth_by_key_f, get_rank, get_arg_rank (and _t, _f), get_val_rank (and _t, _f),
// get_common_rank (and _t, _f).
//
// A rank is an int: F0..F9 count from the first element, L1..L10 (-1..-10) from the last. The
// directions differ across the family, as in the reference:
//   get_nth_t        the tuple as given                 out of range: nan (also for a non-tuple)
//   get_nth_f        iteration order                    frozenset()
//   get_nth_by_key_* ascending key (identity by default) _t: None if empty, else IndexError;
//                                                        _f: None (a negative rank is F0)
//   get_rank         descending                         0
//   get_arg_rank*    descending key, stable             () or frozenset() (see each)
//   get_val_rank*    ascending key                      compfunc(0)
//   get_common_rank* ascending count over set(c), stable () (_f: frozenset())
// "Stable descending" is Python's sorted(reverse=True): equal keys keep their order, so
// get_arg_rank(c, f, L1) is the LAST of the minimal elements, where argmin gives the first.
// A rank that is not a number fails the range test (safe default); a float rank is never in
// range.
#include <algorithm>

#include "dsl/closure.hpp"
#include "dsl/prims_higher.hpp"
#include "dsl/set.hpp"
#include "dsl/tok_core.hpp"
#include "dsl/tok_numbers.hpp"
#include "dsl/tuple.hpp"

namespace batt::dsl::detail::tokcore {

namespace {

// `ranked[rank] if -len(ranked) <= rank < len(ranked) else missing`; the rank is argument `arg`.
Value pick(std::span<const Value> ranked, const Value& rank, int arg,
           const Value& missing) noexcept {
  bool in = false;
  if (Value e = rank_in_range(rank, static_cast<std::int64_t>(ranked.size()), arg, in);
      e.is_error()) {
    return e;
  }
  return in ? at_rank(ranked, rank) : missing;
}

// get_arg_rank*: `sorted(container, key=compfunc, reverse=True)` picked at rank.
Value arg_rank(Args a, const Value& missing, EvalCtx& ctx) noexcept {
  std::span<const Value> ranked;
  if (Value e = sorted_by_key(a[0], a[1], true, ctx, ranked); e.is_error()) return e;
  return pick(ranked, a[2], 3, missing);
}

// `sorted(set(items), key=items.count)`: the distinct items (the first occurrence of each, as
// a Python set keeps it) in ascending canonical order, then stably by ascending count.
Value by_count(std::span<const Value> items, EvalCtx& ctx, std::span<const Value>& out) noexcept {
  const std::size_t n = items.size();
  out = {};
  if (!ctx.charge(n)) return timeout_error();
  if (n == 0) return Value::none();
  // Equal items sort by position, so each run starts with its first occurrence.
  std::uint32_t* idx = nullptr;
  if (Value e = detail::sorted_index(items, ctx, idx); e.is_error()) return e;
  auto* count = static_cast<std::uint32_t*>(ctx.alloc(n * sizeof(std::uint32_t)));
  auto* distinct = static_cast<Value*>(ctx.alloc(n * sizeof(Value)));
  if (!count || !distinct) return resource_error();
  std::size_t m = 0;
  for (std::size_t s = 0; s < n;) {
    std::size_t e = s + 1;
    while (e < n && compare(items[idx[s]], items[idx[e]]) == 0) ++e;
    distinct[m] = items[idx[s]];
    count[m] = static_cast<std::uint32_t>(e - s);
    idx[m] = static_cast<std::uint32_t>(m);  // reused: the order of the distinct items
    ++m;
    s = e;
  }
  std::sort(idx, idx + m, [&](std::uint32_t x, std::uint32_t y) {
    return count[x] != count[y] ? count[x] < count[y] : x < y;
  });
  auto* ranked = static_cast<Value*>(ctx.alloc(m * sizeof(Value)));
  if (!ranked) return resource_error();
  for (std::size_t k = 0; k < m; ++k) ranked[k] = distinct[idx[k]];
  out = {ranked, m};
  return Value::none();
}

// get_common_rank* with the items already read; `missing` when the rank is out of range.
Value common_rank(std::span<const Value> items, const Value& rank, const Value& missing,
                  EvalCtx& ctx) noexcept {
  std::span<const Value> ranked;
  if (Value e = by_count(items, ctx, ranked); e.is_error()) return e;
  return pick(ranked, rank, 2, missing);
}

}  // namespace

// `math.nan` unless the container is a tuple and the rank lies in range.
Value prim_get_nth_t(Args a, EvalCtx& ctx) noexcept {
  if (!a[0].is_tuplelike()) return tok_nan();
  bool in = false;
  if (Value e = rank_in_range(a[1], len_of(a[0]), 2, in); e.is_error()) return e;
  if (!in) return tok_nan();
  const std::int64_t r = a[1].as_int();
  return tuple_item(a[0], static_cast<std::size_t>(r < 0 ? r + len_of(a[0]) : r), ctx);
}

// Item `rank` in iteration order, or item -rank-1 of the reversed order for a negative rank;
// frozenset() past either end. The rank must be an int (`rank < 0`, then range(rank)).
Value prim_get_nth_f(Args a, EvalCtx& ctx) noexcept {
  std::span<const Value> items;
  if (Value e = items_of(a[0], ctx, items, 1); e.is_error()) return e;
  if (!a[1].is_intlike()) return type_error(2);
  const std::int64_t r = a[1].as_int();
  const auto n = static_cast<std::int64_t>(items.size());
  if (r < -n || r >= n) return empty_set();
  return items[static_cast<std::size_t>(r < 0 ? n + r : r)];
}

// `sorted_tuple = sorted(container, key=key); sorted_tuple[rank] if sorted_tuple else None`.
Value prim_get_nth_by_key_t(Args a, EvalCtx& ctx) noexcept {
  const Value key = a.size() > 2 ? a[2] : Value::none();  // None: the default key identity
  std::span<const Value> ranked;
  if (Value e = sorted_by_key(a[0], key, false, ctx, ranked); e.is_error()) return e;
  if (ranked.empty()) return Value::none();
  if (!a[1].is_intlike()) return type_error(2);  // list indices must be integers
  bool in = false;
  if (Value e = rank_in_range(a[1], static_cast<std::int64_t>(ranked.size()), 2, in);
      e.is_error()) {
    return e;
  }
  return in ? at_rank(ranked, a[1]) : index_error(2);
}

// `it = iter(sorted(container, key=key)); for _ in range(rank): next(it, None)` then
// `next(it, None)`: item `rank` of the sorted items, the first for a negative rank, None past
// the end.
Value prim_get_nth_by_key_f(Args a, EvalCtx& ctx) noexcept {
  const Value key = a.size() > 2 ? a[2] : Value::none();
  std::span<const Value> ranked;
  if (Value e = sorted_by_key(a[0], key, false, ctx, ranked); e.is_error()) return e;
  if (!a[1].is_intlike()) return type_error(2);  // range() needs an int
  const std::int64_t r = std::max<std::int64_t>(a[1].as_int(), 0);
  if (r >= static_cast<std::int64_t>(ranked.size())) return Value::none();
  return ranked[static_cast<std::size_t>(r)];
}

// `sorted(container, reverse=True)[rank]`, 0 out of range.
Value prim_get_rank(Args a, EvalCtx& ctx) noexcept {
  std::span<const Value> ranked;
  if (Value e = sorted_by_key(a[0], Value::none(), true, ctx, ranked); e.is_error()) return e;
  return pick(ranked, a[1], 2, Value::integer(0));
}

// get_arg_rank, get_arg_rank_t (the same body): out of range, an empty container of the
// input's type.
Value prim_get_arg_rank(Args a, EvalCtx& ctx) noexcept {
  return arg_rank(a, a[0].is_set() ? empty_set() : empty_tuple(), ctx);
}
Value prim_get_arg_rank_f(Args a, EvalCtx& ctx) noexcept {
  return arg_rank(a, empty_set(), ctx);
}

// `compfunc(sorted(container, key=compfunc)[rank])`, compfunc(0) out of range.
Value prim_get_val_rank(Args a, EvalCtx& ctx) noexcept {
  std::span<const Value> ranked;
  if (Value e = sorted_by_key(a[0], a[1], false, ctx, ranked); e.is_error()) return e;
  bool in = false;
  if (Value e = rank_in_range(a[2], static_cast<std::int64_t>(ranked.size()), 3, in);
      e.is_error()) {
    return e;
  }
  return apply1(a[1], in ? at_rank(ranked, a[2]) : Value::integer(0), ctx);
}

// `sorted(set(container), key=container.count)[rank]`, () out of range. Only a tuple has
// .count: a frozenset fails.
Value prim_get_common_rank(Args a, EvalCtx& ctx) noexcept {
  if (!a[0].is_tuplelike()) return type_error(1);
  std::span<const Value> items;
  if (Value e = items_of(a[0], ctx, items, 1); e.is_error()) return e;
  return common_rank(items, a[1], empty_tuple(), ctx);
}

// The same over `list(container)`, any iterable (every count of a frozenset is 1, so it is
// ranked in iteration order); frozenset() out of range.
Value prim_get_common_rank_f(Args a, EvalCtx& ctx) noexcept {
  std::span<const Value> items;
  if (Value e = items_of(a[0], ctx, items, 1); e.is_error()) return e;
  return common_rank(items, a[1], empty_set(), ctx);
}

}  // namespace batt::dsl::detail::tokcore
