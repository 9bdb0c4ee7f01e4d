#!/usr/bin/env bash
# Installs the Debian packages batt_mpi needs (quiet when present), configures and builds the
# release tree in build/ with warnings as errors. Re-running only rebuilds what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DBATT_WERROR=ON >/dev/null
cmake --build build -j2
