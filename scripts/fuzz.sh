#!/usr/bin/env bash
# libFuzzer pass (what CI runs after the sanitizer pass): builds tests/fuzz/parser_fuzz (the
# program front end) and tests/fuzz/eval_fuzz (the evaluation engine) with clang, ASan and
# UBSan in build-fuzz/ (BATT_FUZZ=ON), then fuzzes each for a bounded time from a copy of the
# seed corpus (tests/fuzz/corpus) plus read-only corpora (tests/fixtures/hostile; for the
# engine corpus/batches and tests/fixtures/hostile_batch). Exits non-zero on a crash, a hang
# (-timeout), a leak, an out-of-memory (-rss_limit_mb) or a violated invariant; the input that
# did it is kept in build-fuzz/artifacts/. Installs nothing (scripts/install-deps.sh has clang, lld and
# libclang-rt-dev).
#   BATT_FUZZ_SECONDS=600 scripts/fuzz.sh     # longer sessions (default 45 s per target)
#   build-fuzz/tests/fuzz/parser_fuzz FILE    # replays one input (eval_fuzz likewise)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${BATT_FUZZ_SECONDS:-45}"

CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DBATT_FUZZ=ON -DBATT_SANITIZE=ON \
  -DBATT_CUDA=OFF -DBATT_BUILD_BENCH=OFF >/dev/null
cmake --build build-fuzz --target parser_fuzz eval_fuzz -j2
rm -rf build-fuzz/artifacts
mkdir -p build-fuzz/artifacts

# fuzz TARGET DICT SEEDS READONLY...: new inputs go into a copy of SEEDS (build-fuzz/TARGET);
# the committed corpora stay as they are.
fuzz() {
  local target=$1 dict=$2 seeds=$3
  shift 3
  rm -rf "build-fuzz/${target}-corpus"
  cp -r "${seeds}" "build-fuzz/${target}-corpus"
  echo "fuzz: ${target} for ${seconds} s"
  local status=0
  UBSAN_OPTIONS=print_stacktrace=1 "build-fuzz/tests/fuzz/${target}" \
    -max_total_time="${seconds}" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
    -dict="${dict}" -artifact_prefix="build-fuzz/artifacts/${target}-" \
    "build-fuzz/${target}-corpus" "$@" 2>"build-fuzz/${target}.log" || status=$?
  grep -E '^(#[0-9]+[[:space:]]+DONE|stat::|INFO: (seed corpus|fuzzed|exiting))' \
    "build-fuzz/${target}.log" || true
  if [ "${status}" -ne 0 ]; then
    tail -n 60 "build-fuzz/${target}.log"
    echo "fuzz: ${target} failed (exit ${status}); reproducer(s):" >&2
    ls -l build-fuzz/artifacts/ >&2
    exit "${status}"
  fi
  echo "fuzz: ${target}: no crash, hang or leak in ${seconds} s" \
       "($(ls "build-fuzz/${target}-corpus" | wc -l) corpus inputs)"
}

fuzz parser_fuzz tests/fuzz/parser.dict tests/fuzz/corpus tests/fixtures/hostile
fuzz eval_fuzz tests/fuzz/eval.dict tests/fuzz/corpus corpus/batches tests/fixtures/hostile_batch
