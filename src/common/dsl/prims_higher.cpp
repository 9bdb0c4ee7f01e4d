// Higher-order primitives of the "container" family (registered in prims_container.cpp's
// table): order, valmax, valmin, argmax, argmin, sfilter, mfilter, extract, apply, rapply,
// mapply, papply, mpapply, prapply.
//
// Function values are called through apply1/apply2, which count a step per call; the first
// Error a call returns is returned at once (Python would have raised there). Keys are compared
// with Python's `<` (py_less): sets by proper subset, unorderable keys are a Type error.
#include "dsl/prims_higher.hpp"

#include <algorithm>

#include "dsl/closure.hpp"
#include "dsl/merge_sort.hpp"
#include "dsl/pyops.hpp"
#include "dsl/set.hpp"
#include "dsl/tuple.hpp"

namespace batt::dsl::detail {

namespace {

struct Keyed {
  Value key;
  Value item;
};

// CPython 3.11 list.sort for fewer than 64 items: the natural run at the front (reversed when
// strictly descending), then binary insertion of the rest. Doing exactly its comparisons keeps
// the result identical to the reference even for partially ordered keys (frozensets).
// False when two keys cannot be compared.
bool cpython_small_sort(Keyed* v, std::size_t n) noexcept {
  std::size_t run = 1;
  if (n > 1) {
    int r = py_less(v[1].key, v[0].key);
    if (r < 0) return false;
    const bool descending = r == 1;
    for (run = 2; run < n; ++run) {
      r = py_less(v[run].key, v[run - 1].key);
      if (r < 0) return false;
      if ((r == 1) != descending) break;
    }
    if (descending) std::reverse(v, v + run);
  }
  for (std::size_t s = run; s < n; ++s) {
    const Keyed pivot = v[s];
    std::size_t l = 0, r = s;
    while (l < r) {
      const std::size_t p = l + (r - l) / 2;
      const int c = py_less(pivot.key, v[p].key);
      if (c < 0) return false;
      if (c == 1) {
        r = p;
      } else {
        l = p + 1;
      }
    }
    std::move_backward(v + l, v + s, v + s + 1);
    v[l] = pivot;
  }
  return true;
}

// The keys f(item) of every item, in iteration order (Python computes them all first).
Value compute_keys(const Value& f, std::span<const Value> items, EvalCtx& ctx,
                   Keyed*& out) noexcept {
  out = static_cast<Keyed*>(ctx.alloc(items.size() * sizeof(Keyed)));
  if (!out) return resource_error();
  for (std::size_t k = 0; k < items.size(); ++k) {
    const Value key = apply1(f, items[k], ctx);
    if (key.is_error()) return key;
    out[k] = {key, items[k]};
  }
  return Value::none();
}

// max(container, key=f) / min: the first item whose key no later key beats strictly.
// `val` gives the key instead (valmax: compfunc(argmax), with compfunc(0) when empty).
Value select(Args a, bool want_max, bool val, EvalCtx& ctx) noexcept {
  const Value& f = a[1];
  std::span<const Value> items;
  if (Value e = items_of(a[0], ctx, items, 1); e.is_error()) return e;
  if (items.empty()) return val ? apply1(f, Value::integer(0), ctx) : value_error(1);
  Value best = items[0];
  Value best_key = apply1(f, best, ctx);
  if (best_key.is_error()) return best_key;
  for (std::size_t k = 1; k < items.size(); ++k) {
    const Value key = apply1(f, items[k], ctx);
    if (key.is_error()) return key;
    const int r = want_max ? py_less(best_key, key) : py_less(key, best_key);
    if (r < 0) return type_error(2);
    if (r == 1) {
      best = items[k];
      best_key = key;
    }
  }
  return val ? best_key : best;
}

// Builds `type(c)(...)` for container c: a frozenset or a tuple, with at most `cap` items
// pushed by fill(builder) (which returns an Error to abandon the result).
template <typename Fill>
Value build_like(const Value& c, std::size_t cap, EvalCtx& ctx, Fill&& fill) noexcept {
  if (c.is_set()) {
    SetBuilder b(ctx, cap);
    if (Value e = fill(b); e.is_error()) return e;
    return b.finish();
  }
  TupleBuilder b(ctx, cap);
  if (Value e = fill(b); e.is_error()) return e;
  return b.finish();
}

// f(item) for every item of a container, into arena scratch memory (what mapply merges).
Value map_items(const Value& f, std::span<const Value> items, EvalCtx& ctx, Value*& out) noexcept {
  out = static_cast<Value*>(ctx.alloc(items.size() * sizeof(Value)));
  if (!out && !items.empty()) return resource_error();
  for (std::size_t k = 0; k < items.size(); ++k) {
    out[k] = apply1(f, items[k], ctx);
    if (out[k].is_error()) return out[k];
  }
  return Value::none();
}

// f(x_k, y_k) over zip(xs, ys), into arena scratch memory.
Value zip_items(const Value& f, std::span<const Value> xs, std::span<const Value> ys, EvalCtx& ctx,
                std::span<Value>& out) noexcept {
  const std::size_t n = std::min(xs.size(), ys.size());
  auto* r = static_cast<Value*>(ctx.alloc(n * sizeof(Value)));
  if (!r && n > 0) return resource_error();
  for (std::size_t k = 0; k < n; ++k) {
    r[k] = apply2(f, xs[k], ys[k], ctx);
    if (r[k].is_error()) return r[k];
  }
  out = {r, n};
  return Value::none();
}

// The kept items of sfilter(container, condition), in iteration order, into scratch memory.
Value filter_items(const Value& cond, std::span<const Value> items, EvalCtx& ctx,
                   std::span<Value>& out) noexcept {
  auto* kept = static_cast<Value*>(ctx.alloc(items.size() * sizeof(Value)));
  if (!kept && !items.empty()) return resource_error();
  std::size_t n = 0;
  for (const Value& x : items) {
    const Value r = apply1(cond, x, ctx);
    if (r.is_error()) return r;
    if (truthy(r)) kept[n++] = x;
  }
  out = {kept, n};
  return Value::none();
}

}  // namespace

// tuple(sorted(container, key=compfunc)): a stable sort by Python `<` on the keys.
Value prim_order(Args a, EvalCtx& ctx) noexcept {
  std::span<const Value> items;
  if (Value e = items_of(a[0], ctx, items, 1); e.is_error()) return e;
  const std::size_t n = items.size();
  if (n == 0) return empty_tuple();
  Keyed* v = nullptr;
  if (Value e = compute_keys(a[1], items, ctx, v); e.is_error()) return e;
  if (n < 64) {
    if (!cpython_small_sort(v, n)) return type_error(2);
  } else {
    auto* tmp = static_cast<Keyed*>(ctx.alloc(n * sizeof(Keyed)));
    if (!tmp) return resource_error();
    // Stable merges; CPython's galloping merges compare other pairs, which only matters for
    // partially ordered keys.
    auto less = [](const Keyed& x, const Keyed& y) { return py_less(x.key, y.key); };
    if (!merge_sort(v, tmp, n, less)) return type_error(2);
  }
  TupleBuilder b(ctx, n);
  for (std::size_t k = 0; k < n; ++k) b.push(v[k].item);
  return b.finish();
}

Value prim_valmax(Args a, EvalCtx& ctx) noexcept {
  return select(a, true, true, ctx);
}
Value prim_valmin(Args a, EvalCtx& ctx) noexcept {
  return select(a, false, true, ctx);
}
Value prim_argmax(Args a, EvalCtx& ctx) noexcept {
  return select(a, true, false, ctx);
}
Value prim_argmin(Args a, EvalCtx& ctx) noexcept {
  return select(a, false, false, ctx);
}

Value prim_sfilter(Args a, EvalCtx& ctx) noexcept {
  std::span<const Value> items;
  if (Value e = items_of(a[0], ctx, items, 1); e.is_error()) return e;
  std::span<Value> kept;
  if (Value e = filter_items(a[1], items, ctx, kept); e.is_error()) return e;
  if (kept.size() == items.size()) return a[0];  // type(c)(c) equals c
  if (a[0].is_set()) {
    if (kept.empty()) return empty_set();
    SetBuilder b(ctx, kept.size());  // a subsequence of a set is sorted: no sort
    for (const Value& x : kept) b.push(x);
    return b.finish();
  }
  return tuple_of(kept, ctx);
}

// merge(sfilter(container, function)).
Value prim_mfilter(Args a, EvalCtx& ctx) noexcept {
  std::span<const Value> items;
  if (Value e = items_of(a[0], ctx, items, 1); e.is_error()) return e;
  std::span<Value> kept;
  if (Value e = filter_items(a[1], items, ctx, kept); e.is_error()) return e;
  return merge_parts(kept, a[0].is_set(), 1, ctx);
}

// next(e for e in container if condition(e)); StopIteration (Value error) when none does.
Value prim_extract(Args a, EvalCtx& ctx) noexcept {
  std::span<const Value> items;
  if (Value e = items_of(a[0], ctx, items, 1); e.is_error()) return e;
  for (const Value& x : items) {
    const Value r = apply1(a[1], x, ctx);
    if (r.is_error()) return r;
    if (truthy(r)) return x;
  }
  return value_error(1);
}

Value prim_apply(Args a, EvalCtx& ctx) noexcept {
  std::span<const Value> items;
  if (Value e = items_of(a[1], ctx, items, 2); e.is_error()) return e;
  return build_like(a[1], items.size(), ctx, [&](auto& b) -> Value {
    for (const Value& x : items) {
      const Value r = apply1(a[0], x, ctx);
      if (r.is_error()) return r;
      b.push(r);
    }
    return Value::none();
  });
}

Value prim_rapply(Args a, EvalCtx& ctx) noexcept {
  std::span<const Value> fns;
  if (Value e = items_of(a[0], ctx, fns, 1); e.is_error()) return e;
  return build_like(a[0], fns.size(), ctx, [&](auto& b) -> Value {
    for (const Value& f : fns) {
      const Value r = apply1(f, a[1], ctx);
      if (r.is_error()) return r;
      b.push(r);
    }
    return Value::none();
  });
}

// merge(apply(function, container)): the union (a set container) or concatenation of the
// images; deduplicating the images first, as apply on a set does, changes no union.
Value prim_mapply(Args a, EvalCtx& ctx) noexcept {
  std::span<const Value> items;
  if (Value e = items_of(a[1], ctx, items, 2); e.is_error()) return e;
  Value* images = nullptr;
  if (Value e = map_items(a[0], items, ctx, images); e.is_error()) return e;
  return merge_parts({images, items.size()}, a[1].is_set(), 2, ctx);
}

// tuple(function(i, j) for i, j in zip(a, b)).
Value prim_papply(Args a, EvalCtx& ctx) noexcept {
  std::span<const Value> xs, ys;
  if (Value e = items_of(a[1], ctx, xs, 2); e.is_error()) return e;
  if (Value e = items_of(a[2], ctx, ys, 3); e.is_error()) return e;
  std::span<Value> images;
  if (Value e = zip_items(a[0], xs, ys, ctx, images); e.is_error()) return e;
  return tuple_of(images, ctx);
}

// merge(papply(...)): always a tuple, the images' items concatenated.
Value prim_mpapply(Args a, EvalCtx& ctx) noexcept {
  std::span<const Value> xs, ys;
  if (Value e = items_of(a[1], ctx, xs, 2); e.is_error()) return e;
  if (Value e = items_of(a[2], ctx, ys, 3); e.is_error()) return e;
  std::span<Value> images;
  if (Value e = zip_items(a[0], xs, ys, ctx, images); e.is_error()) return e;
  return merge_parts(images, false, 1, ctx);
}

// frozenset(function(i, j) for j in b for i in a).
Value prim_prapply(Args a, EvalCtx& ctx) noexcept {
  // b is iterated first, and a only for each item of b: an empty b never looks at a.
  std::span<const Value> xs, ys;
  if (Value e = items_of(a[2], ctx, ys, 3); e.is_error()) return e;
  if (ys.empty()) return empty_set();
  if (Value e = items_of(a[1], ctx, xs, 2); e.is_error()) return e;
  const std::uint64_t total = std::uint64_t{xs.size()} * ys.size();
  if (total == 0) return empty_set();
  if (!ctx.items_ok(total)) return resource_error();
  SetBuilder b(ctx, static_cast<std::size_t>(total));
  for (const Value& y : ys) {
    for (const Value& x : xs) {
      const Value r = apply2(a[0], x, y, ctx);
      if (r.is_error()) return r;
      b.push(r);
    }
  }
  return b.finish();
}

}  // namespace batt::dsl::detail
