#pragma once
// Building and combining frozensets. A set is a sorted, deduplicated vector in canonical
// order (value.hpp), so membership is a binary search and union / intersection / difference
// are linear merges. SetBuilder and set_of() are the only ways to make a set value.
#include <cstdint>
#include <span>

#include "dsl/ctx.hpp"
#include "dsl/value.hpp"

namespace batt::dsl {

// The empty frozenset (a static object, no allocation).
Value empty_set() noexcept;

// A set of the given items, in any order, duplicates allowed.
Value set_of(std::span<const Value> items, EvalCtx& ctx) noexcept;

// Builds a set of at most `cap` items in place. Items pushed in ascending canonical order
// cost no sort; otherwise finish() sorts and deduplicates once.
class SetBuilder {
 public:
  SetBuilder(EvalCtx& ctx, std::size_t cap) noexcept;
  bool ok() const noexcept { return obj_ != nullptr; }

  // Adds v (a duplicate of the previous item is dropped at once; other duplicates and
  // disorder are resolved by finish()). Inline: builders of Indices and Objects push
  // millions of pairs and cells, most of them already in order.
  void push(const Value& v) noexcept {
    if (!obj_) return;
    if (n_ > 0 && sorted_) {
      const int c = order_of(obj_->items()[n_ - 1], v);
      if (c == 0) return;
      if (c > 0) sorted_ = false;
    }
    if (n_ == cap_) {
      overflow_ = true;
      return;
    }
    obj_->items()[n_++] = v;
  }

  // Adds v, which the caller guarantees is greater than every item pushed so far (a
  // generator that walks a grid row-major, or translates a sorted set). No comparison;
  // debug builds verify the order in finish().
  void push_ascending(const Value& v) noexcept {
    if (!obj_) return;
    if (n_ == cap_) {
      overflow_ = true;
      return;
    }
    obj_->items()[n_++] = v;
  }

  std::size_t size() const noexcept { return n_; }
  // Resource error if the reservation failed or the cap was exceeded.
  Value finish() noexcept;

 private:
  // compare() with the hot cases (Pair after Pair, Cell after Cell, Triple after Triple) inlined.
  static int order_of(const Value& x, const Value& y) noexcept {
    if (x.tag() != y.tag() || !(x.is_pair() || x.is_cell() || x.is_triple())) return compare(x, y);
    if (x.is_cell() && x.cell_color() != y.cell_color()) {
      return x.cell_color() < y.cell_color() ? -1 : 1;
    }
    if (x.a() != y.a()) return x.a() < y.a() ? -1 : 1;
    if (x.b() != y.b() || !x.is_triple()) return (x.b() > y.b()) - (x.b() < y.b());
    return (x.c() > y.c()) - (x.c() < y.c());
  }

  EvalCtx& ctx_;
  SetObj* obj_ = nullptr;
  std::size_t cap_ = 0;
  std::size_t n_ = 0;
  bool sorted_ = true;
  bool overflow_ = false;
};

// A set of items the caller guarantees are strictly ascending in canonical order (copied,
// never compared; debug builds verify). For generators such as objects() that produce each
// object's cells in order.
Value set_of_ascending(std::span<const Value> items, EvalCtx& ctx) noexcept;

// Membership (Python `in`, with True == 1).
bool set_contains(const SetObj& s, const Value& v) noexcept;

// a | b, a & b, a - b. Resource error if the arena is exhausted.
Value set_union(const SetObj& a, const SetObj& b, EvalCtx& ctx) noexcept;
Value set_intersection(const SetObj& a, const SetObj& b, EvalCtx& ctx) noexcept;
Value set_difference(const SetObj& a, const SetObj& b, EvalCtx& ctx) noexcept;

// The union of many sets (every item of `sets` is a Set value): a k-way merge of the sorted
// parts, O(n log k) instead of sorting all n items. Of equal items (True and 1) the one in
// the earliest part stays, as Python's set construction keeps the first one inserted.
Value set_union_all(std::span<const Value> sets, EvalCtx& ctx) noexcept;

// Sorts items[0..n) canonically and removes duplicates in place; returns the new length.
// Of several equal items (True and 1) the first one stays, as in Python, when `scratch`
// (n Values of working memory) is given; without it the tie is broken by tag.
std::size_t sort_unique(Value* items, std::size_t n, Value* scratch = nullptr) noexcept;

}  // namespace batt::dsl
