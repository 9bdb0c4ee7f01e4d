#pragma once
// Per-grid kernel bodies, written once for CPU and GPU (BATT_HD). A grid is h x w int8
// cells, row-major, as in dsl::GridObj. The CPU build tests these against the registry
// primitives (tests/gpu/grid_body_twin_test.cpp); src/gpu/grid_kernels.cu launches them over
// batches of grids on the device.
#include <cstdint>

#include "common/hd.hpp"

namespace batt::gpu {

// rot90: quarter clockwise rotation. `out` is w x h: out[j][h - 1 - i] = in[i][j].
BATT_HD inline void rot90_body(const std::int8_t* in, std::int32_t h, std::int32_t w,
                               std::int8_t* out) {
  for (std::int32_t i = 0; i < h; ++i) {
    for (std::int32_t j = 0; j < w; ++j) out[j * h + (h - 1 - i)] = in[i * w + j];
  }
}

// Histogram of colours 0..9 (cells outside 0..9 are not counted): what mostcolor,
// leastcolor, palette and numcolors read.
BATT_HD inline void color_hist_body(const std::int8_t* in, std::int32_t area,
                                    std::int32_t hist[10]) {
  for (int c = 0; c < 10; ++c) hist[c] = 0;
  for (std::int32_t k = 0; k < area; ++k) {
    if (in[k] >= 0 && in[k] < 10) ++hist[in[k]];
  }
}

}  // namespace batt::gpu
