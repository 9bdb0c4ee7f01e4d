# Build options shared by every target: warnings, sanitizers, test/bench switches.
option(BATT_WERROR "Treat warnings as errors" OFF)
option(BATT_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(BATT_BUILD_TESTS "Build the test suite" ON)
option(BATT_BUILD_BENCH "Build the benchmarks" ON)
option(BATT_FUZZ "Build the libFuzzer targets of tests/fuzz (clang only, with BATT_SANITIZE)" OFF)

add_library(batt_warnings INTERFACE)
target_compile_options(batt_warnings INTERFACE
  $<$<COMPILE_LANGUAGE:CXX>:-Wall -Wextra -Wpedantic -Wnon-virtual-dtor>
  $<$<CXX_COMPILER_ID:GNU>:-Wshadow=local>)
# GCC 12 reports -Wrestrict false positives inside libstdc++ for `"x" + std::string` at -O2+
# (GCC bug 105329); the warning is kept for other compilers.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(batt_warnings INTERFACE $<$<COMPILE_LANGUAGE:CXX>:-Wno-restrict>)
endif()
if(BATT_WERROR)
  target_compile_options(batt_warnings INTERFACE $<$<COMPILE_LANGUAGE:CXX>:-Werror>)
endif()

if(BATT_SANITIZE)
  set(_batt_san -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  foreach(_flag IN LISTS _batt_san)
    add_compile_options($<$<COMPILE_LANGUAGE:CXX>:${_flag}>)
  endforeach()
  add_link_options(${_batt_san})
endif()

# Fuzzing (scripts/fuzz.sh): every object gets libFuzzer's coverage instrumentation, so the
# library under test guides the fuzzer; only the targets of tests/fuzz link libFuzzer itself
# (-fsanitize=fuzzer). The other executables of such a tree link the coverage hooks from the
# ASan runtime, hence BATT_SANITIZE.
if(BATT_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "BATT_FUZZ needs clang (libFuzzer): configure with CC=clang CXX=clang++")
  endif()
  if(NOT BATT_SANITIZE OR NOT BATT_BUILD_TESTS)
    message(FATAL_ERROR "BATT_FUZZ needs BATT_SANITIZE=ON and BATT_BUILD_TESTS=ON")
  endif()
  add_compile_options($<$<COMPILE_LANGUAGE:CXX>:-fsanitize=fuzzer-no-link>)
endif()
