#pragma once
// BATT_HD marks functions that run on the host and, under nvcc, on the device too
// (Quicksilver's HOST_DEVICE). Kernel bodies use it so the CPU build compiles and tests
// exactly the code the GPU runs.
#if defined(__CUDACC__)
#define BATT_HD __host__ __device__
#else
#define BATT_HD
#endif
