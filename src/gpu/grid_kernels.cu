// CUDA launchers for the grid bodies: thin __global__ wrappers, no logic of their own.
#include <cuda_runtime.h>

#include "gpu/grid_body.hpp"
#include "gpu/grid_kernels.hpp"

namespace batt::gpu {

namespace {

__global__ void rot90_kernel(const std::int8_t* in, std::int32_t n, std::int32_t h,
                             std::int32_t w, std::int8_t* out) {
  const std::int32_t g = blockIdx.x;
  if (g < n && threadIdx.x == 0) {
    const std::int64_t area = static_cast<std::int64_t>(h) * w;
    rot90_body(in + g * area, h, w, out + g * area);
  }
}

std::string check(cudaError_t e) { return e == cudaSuccess ? "" : cudaGetErrorString(e); }

}  // namespace

int device_count() noexcept {
  int n = 0;
  return cudaGetDeviceCount(&n) == cudaSuccess ? n : 0;
}

std::string rot90_batch(const std::int8_t* host_in, std::int32_t n, std::int32_t h,
                        std::int32_t w, std::int8_t* host_out) {
  const std::size_t bytes = static_cast<std::size_t>(n) * h * w;
  std::int8_t* d_in = nullptr;
  std::int8_t* d_out = nullptr;
  std::string err = check(cudaMalloc(&d_in, bytes));
  if (err.empty()) err = check(cudaMalloc(&d_out, bytes));
  if (err.empty()) err = check(cudaMemcpy(d_in, host_in, bytes, cudaMemcpyHostToDevice));
  if (err.empty()) {
    rot90_kernel<<<n, 32>>>(d_in, n, h, w, d_out);
    err = check(cudaGetLastError());
  }
  if (err.empty()) err = check(cudaMemcpy(host_out, d_out, bytes, cudaMemcpyDeviceToHost));
  cudaFree(d_in);
  cudaFree(d_out);
  return err;
}

}  // namespace batt::gpu
