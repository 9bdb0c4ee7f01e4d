#include "dsl/set.hpp"

#include <algorithm>

#include "check_macros.hpp"
#include "dsl/check.hpp"
#include "dsl/merge_sort.hpp"

namespace batt::dsl {

namespace {

alignas(16) SetObj g_empty_set{0, SetKind::Empty, {0, 0, 0}};

constexpr std::size_t set_bytes(std::size_t n) noexcept {
  return sizeof(SetObj) + n * sizeof(Value);
}

SetKind kind_of(std::span<const Value> items) noexcept {
  if (items.empty()) return SetKind::Empty;
  const Tag t = items[0].tag();
  const bool intlike = items[0].is_intlike();
  for (const Value& v : items) {
    if (intlike ? !v.is_intlike() : v.tag() != t) return SetKind::Mixed;
  }
  if (intlike) return SetKind::Ints;
  if (t == Tag::Pair) return SetKind::Pairs;
  if (t == Tag::Cell) return SetKind::Cells;
  if (t == Tag::Triple) return SetKind::Triples;
  return SetKind::Mixed;
}

// Sort keys for the two common homogeneous cases; the generic comparator handles the rest.
std::uint64_t pair_key(const Value& v) noexcept {
  return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(v.a()) ^ 0x80000000u) << 32) |
         (static_cast<std::uint32_t>(v.b()) ^ 0x80000000u);
}

}  // namespace

Value empty_set() noexcept {
  return Value::set(&g_empty_set);
}

std::size_t sort_unique(Value* items, std::size_t n, Value* scratch) noexcept {
  if (n < 2) return n;
  Value* end = items + n;
  const SetKind kind = kind_of({items, n});
  // Pairs, cells and triples are equal only when identical, so an unstable sort is exact.
  if (kind == SetKind::Pairs) {
    std::sort(items, end, [](const Value& x, const Value& y) { return pair_key(x) < pair_key(y); });
  } else if (kind == SetKind::Cells) {
    std::sort(items, end, [](const Value& x, const Value& y) {
      if (x.cell_color() != y.cell_color()) return x.cell_color() < y.cell_color();
      return pair_key(x) < pair_key(y);
    });
  } else if (kind == SetKind::Triples) {
    std::sort(items, end, [](const Value& x, const Value& y) {
      if (x.a() != y.a() || x.b() != y.b()) return pair_key(x) < pair_key(y);
      return x.c() < y.c();
    });
  } else if (scratch) {
    // Stable: among equal items (True and 1, or sets holding them) the first pushed stays
    // first, so unique() keeps it, as Python's set construction does.
    merge_sort(items, scratch, n, [](const Value& x, const Value& y) { return compare(x, y) < 0; });
  } else {
    // No working memory: ties (True vs 1) are broken by tag, deterministic but not Python's.
    std::sort(items, end, [](const Value& x, const Value& y) {
      int c = compare(x, y);
      return c != 0 ? c < 0 : x.tag() < y.tag();
    });
  }
  end = std::unique(items, end, [](const Value& x, const Value& y) { return compare(x, y) == 0; });
  return static_cast<std::size_t>(end - items);
}

SetBuilder::SetBuilder(EvalCtx& ctx, std::size_t cap) noexcept : ctx_(ctx), cap_(cap) {
  if (!ctx.items_ok(cap)) return;
  obj_ = static_cast<SetObj*>(ctx.alloc(set_bytes(cap)));
}

Value SetBuilder::finish() noexcept {
  if (!obj_ || overflow_) return resource_error();
  if (n_ == 0) {
    ctx_.arena().shrink_last(obj_, 0);
    return empty_set();
  }
#ifndef NDEBUG
  if (sorted_) {  // push_ascending() callers promised this
    for (std::size_t k = 1; k < n_; ++k)
      BATT_CHECK(compare(obj_->items()[k - 1], obj_->items()[k]) < 0);
  }
#endif
  if (!sorted_) {
    const SetKind k = kind_of({obj_->items(), n_});
    Value* scratch = (k == SetKind::Pairs || k == SetKind::Cells)
                         ? nullptr
                         : static_cast<Value*>(ctx_.alloc(n_ * sizeof(Value)));
    n_ = sort_unique(obj_->items(), n_, scratch);
  }
  obj_->n = static_cast<std::uint32_t>(n_);
  obj_->kind = kind_of({obj_->items(), n_});
  ctx_.arena().shrink_last(obj_, set_bytes(n_));
  return Value::set(obj_);
}

Value set_of(std::span<const Value> items, EvalCtx& ctx) noexcept {
  SetBuilder b(ctx, items.size());
  for (const Value& v : items) b.push(v);
  return b.finish();
}

Value set_of_ascending(std::span<const Value> items, EvalCtx& ctx) noexcept {
  SetBuilder b(ctx, items.size());
  for (const Value& v : items) b.push_ascending(v);
  return b.finish();
}

bool set_contains(const SetObj& s, const Value& v) noexcept {
  const Value* begin = s.items();
  const Value* end = begin + s.n;
  const Value* it = std::lower_bound(
      begin, end, v, [](const Value& x, const Value& y) { return compare(x, y) < 0; });
  return it != end && compare(*it, v) == 0;
}

Value set_union(const SetObj& a, const SetObj& b, EvalCtx& ctx) noexcept {
  if (b.n == 0) return Value::set(&a);
  if (a.n == 0) return Value::set(&b);
  SetBuilder out(ctx, a.n + b.n);
  std::size_t i = 0, j = 0;
  while (i < a.n && j < b.n) {
    const int c = compare(a.items()[i], b.items()[j]);
    if (c <= 0) {
      out.push(a.items()[i++]);
      if (c == 0) ++j;
    } else {
      out.push(b.items()[j++]);
    }
  }
  while (i < a.n) out.push(a.items()[i++]);
  while (j < b.n) out.push(b.items()[j++]);
  return out.finish();
}

Value set_intersection(const SetObj& a, const SetObj& b, EvalCtx& ctx) noexcept {
  SetBuilder out(ctx, std::min(a.n, b.n));
  std::size_t i = 0, j = 0;
  while (i < a.n && j < b.n) {
    const int c = compare(a.items()[i], b.items()[j]);
    if (c == 0) {
      out.push(a.items()[i]);
      ++i;
      ++j;
    } else if (c < 0) {
      ++i;
    } else {
      ++j;
    }
  }
  return out.finish();
}

Value set_difference(const SetObj& a, const SetObj& b, EvalCtx& ctx) noexcept {
  if (b.n == 0) return Value::set(&a);
  SetBuilder out(ctx, a.n);
  std::size_t j = 0;
  for (std::size_t i = 0; i < a.n; ++i) {
    const Value& x = a.items()[i];
    while (j < b.n && compare(b.items()[j], x) < 0) ++j;
    if (j < b.n && compare(b.items()[j], x) == 0) continue;
    out.push(x);
  }
  return out.finish();
}

Value set_union_all(std::span<const Value> sets, EvalCtx& ctx) noexcept {
  std::size_t total = 0;
  for (const Value& v : sets) total += v.as_set().n;
  if (total == 0) return empty_set();
  if (!ctx.items_ok(total)) return resource_error();
  auto* a = static_cast<Value*>(ctx.alloc(total * sizeof(Value)));
  auto* b = static_cast<Value*>(ctx.alloc(total * sizeof(Value)));
  auto* bounds = static_cast<std::size_t*>(ctx.alloc((sets.size() + 1) * sizeof(std::size_t)));
  if (!a || !b || !bounds) return resource_error();
  // Runs: the parts, concatenated in order. Then merge neighbouring runs until one is left.
  std::size_t runs = 0, at = 0;
  bounds[0] = 0;
  for (const Value& v : sets) {
    const SetObj& s = v.as_set();
    if (s.n == 0) continue;
    std::copy(s.items(), s.items() + s.n, a + at);
    at += s.n;
    bounds[++runs] = at;
  }
  const auto less = [](const Value& x, const Value& y) {
    if (x.tag() == y.tag() && (x.is_pair() || x.is_cell())) {
      if (x.is_cell() && x.cell_color() != y.cell_color()) return x.cell_color() < y.cell_color();
      return x.a() != y.a() ? x.a() < y.a() : x.b() < y.b();
    }
    if (x.tag() == y.tag() && x.is_triple()) {
      if (x.a() != y.a()) return x.a() < y.a();
      return x.b() != y.b() ? x.b() < y.b() : x.c() < y.c();
    }
    return compare(x, y) < 0;
  };
  if (!ctx.charge(total)) return timeout_error();
  while (runs > 1) {
    std::size_t out = 0;
    for (std::size_t r = 0; r < runs; r += 2) {
      const std::size_t lo = bounds[r], mid = bounds[r + 1];
      const std::size_t hi = r + 2 <= runs ? bounds[r + 2] : mid;
      std::merge(a + lo, a + mid, a + mid, a + hi, b + lo, less);  // stable: left run first
      bounds[++out] = hi;
    }
    runs = out;
    std::swap(a, b);
  }
  // Sorted: equal items are neighbours. Pairs, cells and triples are equal only when identical.
  const auto same = [](const Value& x, const Value& y) {
    if (x.tag() == y.tag() && (x.is_pair() || x.is_cell() || x.is_triple())) {
      return x.a() == y.a() && x.b() == y.b() && (x.is_pair() || x.c() == y.c());
    }
    return compare(x, y) == 0;
  };
  SetBuilder result(ctx, total);
  result.push_ascending(a[0]);
  for (std::size_t k = 1; k < total; ++k) {
    if (!same(a[k - 1], a[k])) result.push_ascending(a[k]);
  }
  return result.finish();
}

}  // namespace batt::dsl
