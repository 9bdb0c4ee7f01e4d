#pragma once
// Colour statistics of grids and objects shared by several primitive families (mostcolor,
// leastcolor, palette; objects/fgpartition/underfill/cover use the background colour).
#include <cstdint>

#include "dsl/value.hpp"

namespace batt::dsl {

// mostcolor / leastcolor of a Grid or an Object (see prims_color.cpp for the tie rule).
// False when `element` is neither (or is empty, where the reference raises).
bool most_color(const Value& element, std::int64_t& out) noexcept;
bool least_color(const Value& element, std::int64_t& out) noexcept;

}  // namespace batt::dsl
