#pragma once
// Host API of the CUDA launchers (built only with BATT_HAVE_CUDA). Batches of equally sized
// grids, packed back to back; one thread block per grid.
#include <cstdint>
#include <string>

namespace batt::gpu {

// Number of CUDA devices visible to this process (0 when there is none or no driver).
int device_count() noexcept;

// Rotates `n` h x w grids by 90 degrees on the current device. Returns "" on success, else
// the CUDA error text.
std::string rot90_batch(const std::int8_t* host_in, std::int32_t n, std::int32_t h, std::int32_t w,
                        std::int8_t* host_out);

}  // namespace batt::gpu
