#!/usr/bin/env bash
# Scaling of the MPI job: the bundled batch x the ARC-AGI-1 training and evaluation tasks
# (--pairing cross, 800 tasks), with 1 worker (mpirun -n 2) and 2 workers (mpirun -n 3),
# medians of --runs runs. Prints the evaluation phase's wall time (rank 0 hands out units and
# writes results meanwhile), the speedup of 2 workers over 1, and rank 0's share of that
# wall time spent on its own work (appending rows to the report: "report.append").
#   bench/mpi_bench.sh [--batt build/src/tools/batt_mpi] [--runs 5]
set -euo pipefail
cd "$(dirname "$0")/.."
batt=build/src/tools/batt_mpi
runs=5
while [ $# -gt 0 ]; do
  case "$1" in
    --batt) batt=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    *) echo "usage: $0 [--batt PATH] [--runs N]" >&2; exit 2 ;;
  esac
done
[ -x "$batt" ] || { echo "mpi_bench: no $batt (run scripts/setup.sh)" >&2; exit 2; }
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
arc=../shared/arc/arc-agi-1
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

for ranks in 2 3; do
  wall=(); share=()
  for _ in $(seq "$runs"); do
    summary=$(mpirun -n "$ranks" --oversubscribe --bind-to none "$batt" corpus \
      --task-path "$arc/training" --task-path "$arc/evaluation" --pairing cross \
      --progress-s 0 -o "$out/report.h5")
    w=$(awk '$1 == "evaluate.wall" {print $2}' <<<"$summary")
    r=$(awk '$1 == "report.append" {s += $2} END {print s}' <<<"$summary")
    wall+=("$w"); share+=("$(awk -v r="$r" -v w="$w" 'BEGIN {print 100 * r / w}')")
  done
  printf '%d worker(s): evaluation wall %s s, rank 0 busy %s%% of it (median of %s)\n' \
    $((ranks - 1)) "$(median "${wall[@]}")" "$(median "${share[@]}")" "$runs"
  eval "wall_${ranks}=$(median "${wall[@]}")"
done
# shellcheck disable=SC2154  # set by the eval above
awk -v a="$wall_2" -v b="$wall_3" 'BEGIN { printf "speedup of 2 workers over 1: %.2fx\n", a / b }'
