#pragma once
// Building and reading tuples. tuple_of()/TupleBuilder are the only ways to make a tuple
// value, and they apply the normalisation rule of value.hpp (Pair, Cell, Triple, Grid, Tuple), so
// every Python tuple has exactly one representation. items_of() reads any container (tuple
// or set) as a span of Values in iteration order, materialising grid rows when needed.
#include <cstdint>
#include <span>

#include "dsl/ctx.hpp"
#include "dsl/value.hpp"

namespace batt::dsl {

// The empty tuple `()` (a static object, no allocation).
Value empty_tuple() noexcept;

// A tuple of the given items, normalised. Resource error if the arena is exhausted or the
// tuple is over the per-value item cap.
Value tuple_of(std::span<const Value> items, EvalCtx& ctx) noexcept;

// (a, b) for two Python ints: a Pair when both fit in int32, else a 2-Tuple.
Value make_int_pair(std::int64_t a, std::int64_t b, EvalCtx& ctx) noexcept;

// The 2-tuple (x, y): tuple_of({x, y}) without a detour through the arena when it is a Pair
// or a Cell. Resource error as tuple_of().
Value tuple2(const Value& x, const Value& y, EvalCtx& ctx) noexcept;

// Builds a tuple of at most `cap` items in place (no copy): push() then finish().
class TupleBuilder {
 public:
  TupleBuilder(EvalCtx& ctx, std::size_t cap) noexcept;
  // False when the reservation failed; push() is then a no-op and finish() a Resource error.
  bool ok() const noexcept { return obj_ != nullptr; }
  void push(const Value& v) noexcept {
    if (obj_ && n_ < cap_) obj_->items()[n_++] = v;
  }
  std::size_t size() const noexcept { return n_; }
  Value finish() noexcept;

 private:
  EvalCtx& ctx_;
  TupleObj* obj_ = nullptr;
  std::size_t cap_ = 0;
  std::size_t n_ = 0;
};

// Python len(): items of a tuple or set (rows of a grid); -1 when v is not a container.
std::int64_t len_of(const Value& v) noexcept;

// `for x in v`: the items of a container (any tuple or set) in iteration order. Returns
// Value::none() and sets `out` on success; a Type error naming argument `arg` when v is not a
// container; a Resource error when grid rows could not be materialised. Tuples and sets are
// read in place; the span lives as long as v and the arena.
Value items_of(const Value& v, EvalCtx& ctx, std::span<const Value>& out, int arg = 0) noexcept;

// Item k (0 <= k < len_of(v)) of a tuple-like value; a grid row is materialised (Pair for
// width 2). Resource error if the arena is exhausted.
Value tuple_item(const Value& v, std::size_t k, EvalCtx& ctx) noexcept;

// Row i of a grid as a tuple value.
Value grid_row(const GridObj& g, std::int32_t i, EvalCtx& ctx) noexcept;

}  // namespace batt::dsl
