#pragma once
// Building grids and reading grid arguments. A Grid is h x w small ints (int8), row-major,
// h >= 1 and w >= 1; an empty result (h == 0 or w == 0) is not a Grid but the tuple it stands
// for: `()` when h == 0, a tuple of h empty tuples when w == 0 (see make_grid_result).
#include <cstdint>
#include <cstring>

#include "dsl/ctx.hpp"
#include "dsl/value.hpp"

namespace batt::dsl {

// Allocates an h x w grid with uninitialised cells. nullptr when h or w < 1, when h * w is
// over the item cap, or when the arena is exhausted.
GridObj* new_grid(EvalCtx& ctx, std::int64_t h, std::int64_t w) noexcept;

// Copy-on-write output over a Grid value: the first put() that changes a cell copies the grid
// (values are immutable, so an unchanged result is the source itself, shared). src must be a
// Grid and outlive the GridOut.
class GridOut {
 public:
  GridOut(const Value& src, EvalCtx& ctx) noexcept : src_(src), g_(src.as_grid()), ctx_(ctx) {}
  std::int32_t h() const noexcept { return g_.h; }
  std::int32_t w() const noexcept { return g_.w; }
  bool inside(std::int64_t i, std::int64_t j) const noexcept {
    return i >= 0 && i < g_.h && j >= 0 && j < g_.w;
  }
  // Cell k (row-major) as written so far.
  std::int8_t at(std::size_t k) const noexcept { return (out_ ? out_->cells() : g_.cells())[k]; }
  // False when the copy could not be allocated.
  bool put(std::size_t k, std::int8_t c) noexcept {
    if (at(k) == c) return true;
    if (!out_) {
      out_ = new_grid(ctx_, g_.h, g_.w);
      if (!out_) return false;
      std::memcpy(out_->cells(), g_.cells(), g_.area());
    }
    out_->cells()[k] = c;
    return true;
  }
  Value result() const noexcept { return out_ ? Value::grid(out_) : src_; }

 private:
  Value src_;
  const GridObj& g_;
  EvalCtx& ctx_;
  GridObj* out_ = nullptr;
};

// The value for an h x w grid result whose cells `fill(cells)` writes (row-major): a Grid when
// h, w >= 1; `()` when h <= 0; a tuple of h `()` rows when w <= 0 (Python slicing results).
// Resource error when it is too big.
template <typename Fill>
Value make_grid_result(EvalCtx& ctx, std::int64_t h, std::int64_t w, Fill&& fill) noexcept;

// A tuple of h empty tuples (what Python gives for a grid sliced to zero columns).
Value empty_rows(EvalCtx& ctx, std::int64_t h) noexcept;

// ---- reading a grid argument ----------------------------------------------------------------

// What a grid argument is, for the primitives that read `len(grid)` and `len(grid[0])`.
enum class GridForm : std::uint8_t {
  Grid,    // a Grid value
  Empty,   // `()`: `grid[0]` raises IndexError
  NoCols,  // a tuple of `()` rows: h >= 1, w == 0 (every location is out of bounds)
  Other,   // anything else (ragged rows, non-int cells, not a tuple): callers give a Type error
};
GridForm grid_form(const Value& v) noexcept;

// `len(grid[0])` for a tuple-like grid with at least one row; -1 when that row has no len.
// No allocation.
std::int64_t first_row_len(const Value& grid, EvalCtx& ctx) noexcept;

// Python's failure for `len(grid), len(grid[0])` on a grid argument `arg` of form Empty
// (Index error) or Other (Type error).
constexpr Value grid_form_error(GridForm form, int arg) noexcept {
  return Value::error(form == GridForm::Empty ? ErrCode::Index : ErrCode::Type, arg);
}

// ---- implementation ---------------------------------------------------------------------
Value empty_tuple() noexcept;

template <typename Fill>
Value make_grid_result(EvalCtx& ctx, std::int64_t h, std::int64_t w, Fill&& fill) noexcept {
  if (h <= 0) return empty_tuple();
  if (w <= 0) return empty_rows(ctx, h);
  GridObj* g = new_grid(ctx, h, w);
  if (!g) return Value::error(ErrCode::Resource);
  fill(g->cells());
  return Value::grid(g);
}

}  // namespace batt::dsl
