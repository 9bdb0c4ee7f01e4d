// bind_device() of a CUDA build: one GPU per worker of a node, round robin; a CPU worker when
// the runtime sees no device (a CUDA build on a machine without a GPU, as in CI).
#include <cuda_runtime_api.h>

#include <cstdio>

#include "gpu/device.hpp"

namespace batt::gpu {

DeviceInfo bind_device(int worker) {
  int count = 0;
  if (cudaGetDeviceCount(&count) != cudaSuccess || count <= 0 || worker < 0) {
    cudaGetLastError();  // clear the sticky "no device" error
    return {};
  }
  DeviceInfo d;
  d.index = worker % count;
  if (cudaSetDevice(d.index) != cudaSuccess) return {};
  cudaDeviceProp p{};
  if (cudaGetDeviceProperties(&p, d.index) != cudaSuccess) return {};
  d.kind = "cuda";
  d.name = p.name;
  char uuid[64];
  const auto* b = reinterpret_cast<const unsigned char*>(p.uuid.bytes);
  std::snprintf(uuid, sizeof uuid,
                "GPU-%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0],
                b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13],
                b[14], b[15]);
  d.uuid = uuid;
  return d;
}

}  // namespace batt::gpu
