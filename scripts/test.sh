#!/usr/bin/env bash
# Builds (scripts/setup.sh) and runs the whole test suite with ctest. Extra arguments go to
# ctest, e.g. `scripts/test.sh -L golden` or `scripts/test.sh -R closure`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
ctest --test-dir build --output-on-failure -j2 "$@"
