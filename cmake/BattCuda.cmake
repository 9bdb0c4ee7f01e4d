# Optional CUDA: BATT_CUDA=AUTO (use nvcc when found), ON (require it), OFF.
# Everything builds and passes without CUDA; with nvcc present the src/gpu launchers
# are compiled so they never rot, even on machines without a GPU.
set(BATT_CUDA "AUTO" CACHE STRING "Build the CUDA part: AUTO, ON or OFF")
set_property(CACHE BATT_CUDA PROPERTY STRINGS AUTO ON OFF)

set(BATT_HAVE_CUDA OFF)
if(NOT BATT_CUDA STREQUAL "OFF")
  include(CheckLanguage)
  if(NOT CMAKE_CUDA_COMPILER AND EXISTS /usr/local/cuda/bin/nvcc)
    set(CMAKE_CUDA_COMPILER /usr/local/cuda/bin/nvcc)
  endif()
  check_language(CUDA)
  if(CMAKE_CUDA_COMPILER)
    if(NOT DEFINED CMAKE_CUDA_ARCHITECTURES)
      set(CMAKE_CUDA_ARCHITECTURES 75 89 90)  # T4, L4, H100
    endif()
    set(CMAKE_CUDA_STANDARD 17)
    set(CMAKE_CUDA_STANDARD_REQUIRED ON)
    enable_language(CUDA)
    find_package(CUDAToolkit REQUIRED)
    set(BATT_HAVE_CUDA ON)
  elseif(BATT_CUDA STREQUAL "ON")
    message(FATAL_ERROR "BATT_CUDA=ON but no CUDA compiler was found")
  endif()
endif()
message(STATUS "batt_mpi: CUDA part ${BATT_HAVE_CUDA}")
