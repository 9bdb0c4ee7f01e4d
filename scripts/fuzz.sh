#!/usr/bin/env bash
# libFuzzer pass over the program front end (what CI runs after the sanitizer pass): builds
# tests/fuzz/parser_fuzz with clang, ASan and UBSan in build-fuzz/ (BATT_FUZZ=ON), then fuzzes
# for a bounded time from a copy of the seed corpus (tests/fuzz/corpus) plus the hostile
# corpus (tests/fixtures/hostile, read only). Exits non-zero on a crash, a hang (-timeout), a
# leak, an out-of-memory (-rss_limit_mb) or a violated invariant; the input that did it is
# kept in build-fuzz/artifacts/. Installs nothing (scripts/install-deps.sh has clang, lld and
# libclang-rt-dev).
#   BATT_FUZZ_SECONDS=600 scripts/fuzz.sh     # a longer session (default 60 s)
#   build-fuzz/tests/fuzz/parser_fuzz FILE    # replays one input
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${BATT_FUZZ_SECONDS:-60}"

CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DBATT_FUZZ=ON -DBATT_SANITIZE=ON \
  -DBATT_CUDA=OFF -DBATT_BUILD_BENCH=OFF >/dev/null
cmake --build build-fuzz --target parser_fuzz -j2

# New inputs go into the copy (the first corpus directory); the committed corpora stay as
# they are.
rm -rf build-fuzz/corpus build-fuzz/artifacts
mkdir -p build-fuzz/artifacts
cp -r tests/fuzz/corpus build-fuzz/corpus

echo "fuzz: parser_fuzz for ${seconds} s"
status=0
UBSAN_OPTIONS=print_stacktrace=1 build-fuzz/tests/fuzz/parser_fuzz \
  -max_total_time="${seconds}" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 -dict=tests/fuzz/parser.dict \
  -artifact_prefix=build-fuzz/artifacts/ build-fuzz/corpus tests/fixtures/hostile \
  2>build-fuzz/fuzz.log || status=$?
grep -E '^(#[0-9]+[[:space:]]+DONE|stat::|INFO: (seed corpus|fuzzed|exiting))' build-fuzz/fuzz.log || true
if [ "${status}" -ne 0 ]; then
  tail -n 60 build-fuzz/fuzz.log
  echo "fuzz: parser_fuzz failed (exit ${status}); reproducer(s):" >&2
  ls -l build-fuzz/artifacts/ >&2
  exit "${status}"
fi
echo "fuzz: no crash, hang or leak in ${seconds} s ($(ls build-fuzz/corpus | wc -l) corpus inputs)"
