// Whole-task primitives of the tokpidjin dialect (tokpidjin-dsl.md §4.4): a_mr, c_iz, c_zo,
// c_iz_n, c_zo_n. S is a tuple of (input, output) grid pairs.
//
// c_iz/c_zo are compositions of wrapped primitives (apply, first/second, mapply_t, dedupe,
// difference_tuple); each step below reproduces that primitive's result, its safe default `()`
// included, so c_iz itself never fails. The function argument and `pick` are called through
// apply(), which wraps primitives the same way.
#include "dsl/closure.hpp"
#include "dsl/pyops.hpp"
#include "dsl/set.hpp"
#include "dsl/tok_grid.hpp"
#include "dsl/tuple.hpp"

namespace batt::dsl::detail::tokgrid {

namespace {

// apply(first, S) or apply(second, S): `type(S)(first(e) for e in S)`. first(e) is
// `next(iter(e), None)`; second(e) the item after it (None if e has one item); either is `()`
// (its default) when e is not iterable or, for second, empty. `()` when S is not iterable.
Value inputs_or_outputs(const Value& s, bool second, EvalCtx& ctx) noexcept {
  std::span<const Value> items;
  if (Value e = items_of(s, ctx, items); e.is_error()) return guarded(e, SafeDefault::EmptyTuple);
  auto* out =
      static_cast<Value*>(ctx.alloc(std::max<std::size_t>(items.size(), 1) * sizeof(Value)));
  if (!out) return resource_error();
  for (std::size_t k = 0; k < items.size(); ++k) {
    const std::int64_t n = len_of(items[k]);
    const std::size_t at = second ? 1 : 0;
    if (n < 0 || (second && n == 0)) {
      out[k] = empty_tuple();
    } else if (n <= static_cast<std::int64_t>(at)) {
      out[k] = Value::none();
    } else {
      out[k] = item_at(items[k], at, ctx);
      if (out[k].is_error()) return out[k];
    }
  }
  return s.is_set() ? set_of({out, items.size()}, ctx) : tuple_of({out, items.size()}, ctx);
}

// dedupe(mapply_t(f, xs)): the items of f(x) for x in xs, concatenated, first occurrences kept.
// `()` when xs or an f(x) is not iterable, or when f itself fails (a closure's error).
Value mapped_values(const Value& f, const Value& xs, EvalCtx& ctx) noexcept {
  std::span<const Value> items;
  if (Value e = items_of(xs, ctx, items); e.is_error()) return guarded(e, SafeDefault::EmptyTuple);
  auto* parts = static_cast<std::span<const Value>*>(
      ctx.alloc(std::max<std::size_t>(items.size(), 1) * sizeof(std::span<const Value>)));
  if (!parts) return resource_error();
  std::size_t total = 0;
  for (std::size_t k = 0; k < items.size(); ++k) {
    const Value r = apply1(f, items[k], ctx);
    if (r.is_error()) return guarded(r, SafeDefault::EmptyTuple);  // apply_t raised
    if (Value e = items_of(r, ctx, parts[k]); e.is_error()) {
      return guarded(e, SafeDefault::EmptyTuple);  // merge_t raised
    }
    total += parts[k].size();
  }
  if (!ctx.charge(total)) return timeout_error();
  TupleBuilder out(ctx, total);
  auto seen = [](const Value& v, const Value* begin, std::size_t n) {
    for (std::size_t q = 0; q < n; ++q) {
      if (equal(begin[q], v)) return true;
    }
    return false;
  };
  // Kept items are few (colours, sizes): a linear scan of what was kept so far.
  auto* kept = static_cast<Value*>(ctx.alloc(std::max<std::size_t>(total, 1) * sizeof(Value)));
  if (!kept) return resource_error();
  std::size_t nk = 0;
  for (std::size_t k = 0; k < items.size(); ++k) {
    for (const Value& v : parts[k]) {
      if (seen(v, kept, nk)) continue;
      kept[nk++] = v;
      out.push(v);
    }
  }
  return out.finish();
}

// difference_tuple(a, b): the items of a not in b (a and b are tuples here).
Value tuple_minus(const Value& a, const Value& b, EvalCtx& ctx) noexcept {
  std::span<const Value> xs, ys;
  if (Value e = items_of(a, ctx, xs); e.is_error()) return guarded(e, SafeDefault::EmptyTuple);
  if (Value e = items_of(b, ctx, ys); e.is_error()) return guarded(e, SafeDefault::EmptyTuple);
  if (!ctx.charge(xs.size() * (ys.size() + 1))) return timeout_error();
  TupleBuilder out(ctx, xs.size());
  for (const Value& x : xs) {
    bool in = false;
    for (const Value& y : ys) in = in || equal(x, y);
    if (!in) out.push(x);
  }
  return out.finish();
}

// c_iz (in_not_out) or c_zo.
Value c_diff(const Value& s, const Value& f, bool in_not_out, EvalCtx& ctx) noexcept {
  const Value ins = inputs_or_outputs(s, false, ctx);
  if (ins.is_error()) return ins;
  const Value outs = inputs_or_outputs(s, true, ctx);
  if (outs.is_error()) return outs;
  const Value x3 = mapped_values(f, ins, ctx);
  if (x3.is_error()) return x3;
  const Value x4 = mapped_values(f, outs, ctx);
  if (x4.is_error()) return x4;
  return in_not_out ? tuple_minus(x3, x4, ctx) : tuple_minus(x4, x3, ctx);
}

}  // namespace

// The first a in 0..7 with mir_rot_t(input, a) == output for every pair of S; None if none.
Value prim_a_mr(Args a, EvalCtx& ctx) noexcept {
  std::span<const Value> pairs;
  if (Value e = items_of(a[0], ctx, pairs, 1); e.is_error()) return e;
  for (int t = 0; t < 8; ++t) {
    bool all = true;
    for (const Value& p : pairs) {
      Value in, out;
      if (Value e = unpack2(p, 1, ctx, in, out); e.is_error()) return e;
      const Value got = mir_rot_of(in, Value::integer(t), ctx);
      if (got.is_error()) return got;
      if (!py_eq(out, got)) {
        all = false;
        break;
      }
    }
    if (all) return Value::integer(t);
  }
  return Value::none();
}

Value prim_c_iz(Args a, EvalCtx& ctx) noexcept {
  return c_diff(a[0], a[1], true, ctx);
}
Value prim_c_zo(Args a, EvalCtx& ctx) noexcept {
  return c_diff(a[0], a[1], false, ctx);
}

// pick(c_iz(S, f)): an error of pick (not callable, a closure's failure) is c_iz_n's own.
Value prim_c_iz_n(Args a, EvalCtx& ctx) noexcept {
  const Value d = c_diff(a[0], a[1], true, ctx);
  if (d.is_error()) return d;
  return apply1(a[2], d, ctx);
}
Value prim_c_zo_n(Args a, EvalCtx& ctx) noexcept {
  const Value d = c_diff(a[0], a[1], false, ctx);
  if (d.is_error()) return d;
  return apply1(a[2], d, ctx);
}

}  // namespace batt::dsl::detail::tokgrid
