#pragma once
// Colour statistics and element access shared by several primitive families (mostcolor,
// leastcolor, palette; objects/fgpartition/underfill/cover use the background colour), plus
// the Python-level readers the colour and paint primitives share: the shape of a grid
// argument, `x, y = v` unpacking, `next(iter(c))`, `v[k]` and the locations of a patch.
// None of these allocate except patch_locs() and the readers that materialise grid rows.
#include <cstdint>
#include <span>

#include "dsl/ctx.hpp"
#include "dsl/value.hpp"

namespace batt::dsl {

// mostcolor / leastcolor of a Grid or a set whose elements are all Cells (an Object: the
// colours) or all Pairs (Indices: `v, _ = (i, j)` reads the row). Ties go to the smallest
// colour (candidates iterated in ascending order, reference/arc-dsl.md §5.4/§5.5). O(n), no
// allocation. False when `element` is none of these or is empty (the reference raises on an
// empty one; callers handle other tuples and mixed sets themselves).
bool most_color(const Value& element, std::int64_t& out) noexcept;
bool least_color(const Value& element, std::int64_t& out) noexcept;

// What a grid argument is, for the primitives that read `len(grid)` and `len(grid[0])`.
enum class GridForm : std::uint8_t {
  Grid,    // a Grid value
  Empty,   // `()`: `grid[0]` raises IndexError
  NoCols,  // a tuple of `()` rows: h >= 1, w == 0 (every location is out of bounds)
  Other,   // anything else (ragged rows, non-int cells, not a tuple): callers give a Type error
};
GridForm grid_form(const Value& v) noexcept;

// Python `x, y = v`: Pair, Cell, a 2-row Grid, a 2-tuple or a 2-set (in iteration order).
// Value error for another length, Type error for a non-iterable. Grid rows are materialised.
Value unpack2(const Value& v, EvalCtx& ctx, Value& x, Value& y) noexcept;

// Python `v[k]` for k >= 0: Index error past the end, Type error when v is not a tuple.
Value subscript(const Value& v, std::size_t k, EvalCtx& ctx, Value& out) noexcept;

// Python `next(iter(c))[0]` (the colour of an object's first-iterated cell): Value error
// for an empty container (StopIteration), Type/Index error as the subscript would raise.
Value first_item_head(const Value& c, EvalCtx& ctx, Value& out) noexcept;

// The locations that `for i, j in toindices(patch)` visits, for primitives that only use the
// locations that fall inside a grid: a span of Pairs or Cells (read .a() and .b()), possibly
// with repeats and in no particular order. Locations outside int32 are dropped (they are
// outside every grid). Sets of Pairs/Cells are read in place; tuple patches and mixed sets
// (handled as the reference does, by looking at the first element) are copied to the arena.
// Type/Value error (tied to argument `argno`) where the reference would raise.
Value patch_locs(const Value& patch, int argno, EvalCtx& ctx, std::span<const Value>& out) noexcept;

}  // namespace batt::dsl
