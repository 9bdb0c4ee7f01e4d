#!/usr/bin/env bash
# ASan + UBSan build of the library and tests in build-asan/, then every test under the
# sanitizers (what CI's sanitizer pass runs). A debug build
# (assertions on, e.g. the order promised by SetBuilder::push_ascending), optimised with -O1
# so the 15k golden lines and the robustness sweep stay quick.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g" -DBATT_SANITIZE=ON \
  -DBATT_WERROR=ON -DBATT_CUDA=OFF -DBATT_BUILD_BENCH=OFF >/dev/null
cmake --build build-asan -j2
# Not the slurm label: it tests the job scripts under a real Slurm (the release pass runs it),
# and Open MPI under srun trips LeakSanitizer.
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan --output-on-failure -j2 -LE slurm
