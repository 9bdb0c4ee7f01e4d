// bind_device() of a build without CUDA: every worker is a CPU worker.
#include "gpu/device.hpp"

namespace batt::gpu {

DeviceInfo bind_device(int /*worker*/) {
  return {};
}

}  // namespace batt::gpu
