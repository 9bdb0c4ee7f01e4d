#!/usr/bin/env bash
# Throughput of the main job: the bundled batch (corpus/batches) x all 400 ARC-AGI-1
# training tasks, --pairing cross, one thread, as program-sample evaluations per second per
# core. Prints the median of --runs runs of batt_mpi's own "evaluate" phase (the time spent
# in the evaluation engine, summed over threads) and of the whole run. With --arc-dsl DIR
# (the reference Python arc-dsl, not part of this project) it also times the reference
# pipeline on the same samples (bench/python_cross.py) and prints the ratio.
#
#   bench/cross_bench.sh [--batt build/src/tools/batt_mpi] [--runs 5] [--arc-dsl DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
batt=build/src/tools/batt_mpi
runs=5
arcdsl=""
tasks=../shared/arc/arc-agi-1/training
while [ $# -gt 0 ]; do
  case "$1" in
    --batt) batt=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --arc-dsl) arcdsl=$2; shift 2 ;;
    --tasks) tasks=$2; shift 2 ;;
    *) echo "usage: $0 [--batt PATH] [--runs N] [--arc-dsl DIR] [--tasks DIR]" >&2; exit 2 ;;
  esac
done
[ -x "$batt" ] || { echo "cross_bench: no $batt (run scripts/setup.sh)" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

eval_s=(); total_s=(); evals=0
for _ in $(seq "$runs"); do
  summary=$("$batt" corpus --task-path "$tasks" --pairing cross -j 1 --validate-runs 0 \
            --store-outputs none --progress-s 0 -o "$out/report.h5")
  eval_s+=("$(awk '$1 == "evaluate" {print $2}' <<<"$summary")")
  total_s+=("$(awk '$1 == "total" {print $2}' <<<"$summary")")
  evals=$(awk '$1 == "evaluate" {print $3}' <<<"$summary")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
me=$(median "${eval_s[@]}"); mt=$(median "${total_s[@]}")
printf 'batt_mpi: %s evaluations; evaluate %s s, whole run %s s (median of %s)\n' \
  "$evals" "$me" "$mt" "$runs"
awk -v n="$evals" -v s="$me" -v t="$mt" 'BEGIN {
  printf "batt_mpi: %.0f evaluations/s per core in the engine, %.0f over the whole run\n", n/s, n/t }'

if [ -n "$arcdsl" ]; then
  py=$(/usr/bin/python3 bench/python_cross.py --arc-dsl "$arcdsl" --tasks "$tasks")
  echo "reference: $py"
  ps=$(/usr/bin/python3 -c 'import json,sys; print(json.loads(sys.argv[1])["seconds"])' "$py")
  awk -v p="$ps" -v s="$me" -v t="$mt" 'BEGIN {
    printf "same samples, same batch: reference %.3f s / batt_mpi engine %.3f s = %.0fx; / whole run %.3f s = %.0fx\n", p, s, p/s, t, p/t }'
fi
