# Build options shared by every target: warnings, sanitizers, test/bench switches.
option(BATT_WERROR "Treat warnings as errors" OFF)
option(BATT_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(BATT_BUILD_TESTS "Build the test suite" ON)
option(BATT_BUILD_BENCH "Build the benchmarks" ON)

add_library(batt_warnings INTERFACE)
target_compile_options(batt_warnings INTERFACE
  $<$<COMPILE_LANGUAGE:CXX>:-Wall -Wextra -Wpedantic -Wshadow=local -Wnon-virtual-dtor>)
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
