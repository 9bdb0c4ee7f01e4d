#pragma once
// Colour statistics shared by several primitive families: mostcolor and leastcolor, and the
// background colour that objects/fgpartition/underfill/underpaint/cover/move read. No
// allocation.
#include <cstdint>

#include "dsl/value.hpp"

namespace batt::dsl {

// mostcolor / leastcolor of a Grid or a set whose elements are all Cells (an Object: the
// colours) or all Pairs (Indices: `v, _ = (i, j)` reads the row). Ties go to the smallest
// colour (candidates iterated in ascending order, reference/arc-dsl.md §5.4/§5.5). O(n), no
// allocation. False when `element` is none of these or is empty (the reference raises on an
// empty one; callers handle other tuples and mixed sets themselves).
bool most_color(const Value& element, std::int64_t& out) noexcept;
bool least_color(const Value& element, std::int64_t& out) noexcept;

}  // namespace batt::dsl
