#pragma once
// Which device a worker rank evaluates on (ARCHITECTURE §7, §9). With CUDA built and at least
// one GPU visible, worker k of a node binds GPU k modulo the node's GPU count (cudaSetDevice)
// and reports its name and UUID; otherwise it is a CPU worker. The evaluation engine is
// CPU-only for now: the binding fixes which GPU a worker will use and records it in the
// report, so a run on a GPU box says which worker held which device.
#include <string>

namespace batt::gpu {

struct DeviceInfo {
  std::string kind = "cpu";  // "cpu" or "cuda"
  int index = -1;            // CUDA device index, -1 for a CPU worker
  std::string name;          // "NVIDIA L4", "" for a CPU worker
  std::string uuid;          // "GPU-8a7f...", "" for a CPU worker
};

// Binds the device for the `worker`-th worker rank of this node (0-based).
DeviceInfo bind_device(int worker);

}  // namespace batt::gpu
