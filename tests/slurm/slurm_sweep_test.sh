#!/usr/bin/env bash
# The Slurm integration test (ctest label `slurm`): a real single-node Slurm (slurmctld,
# slurmd and munged started here, private to this test: own config, ports, state and munge
# socket under a scratch directory) with 4 fake GPUs, the job array of
# jobs/slurm/sweep-array.sbatch submitted through jobs/slurm/submit over the bundled corpus's
# programs on the 400 ARC-AGI-1 training tasks in 3 shards, one shard preempted while it runs
# (USR1 to its batch shell, as --signal=B:USR1@300 sends it: the job stops batt_mpi, requeues
# itself and resumes its .partial), every shard waited for (done markers), the shards merged
# with `batt_report merge`, and the merged report compared with `batt_report compare` to a
# single-process run with the same options. Also runs jobs/slurm/sweep.sbatch (1 coordinator
# + 2 GPU workers under srun --mpi=pmix) on the same sweep and compares its report too; checks
# that `submit --resubmit-failed` leaves queued, running and requeued shards to their jobs and
# lists a shard without its marker once its job has ended; and that CONFIG= reaches the job
# as no --config (a job with /bin/echo for batt_mpi).
#
#   tests/slurm/slurm_sweep_test.sh BATT_MPI BATT_REPORT
#
# Needs root and the Debian packages slurm-wlm slurmctld slurmd slurm-client munge (.ci/run
# installs them); without them it exits 77 (ctest: skipped; with BATT_REQUIRE_SLURM=1, as in
# CI, it fails). The ARC tasks come from $BATT_SHARED_DIR (default ../shared). Keeps its
# scratch directory (logs) on failure. About 20 s on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

# CI sets BATT_REQUIRE_SLURM=1: there a missing prerequisite is a failure, not a skip.
skip() {
  if [ "${BATT_REQUIRE_SLURM:-0}" = 1 ]; then
    echo "FAIL (BATT_REQUIRE_SLURM=1): $*" >&2
    exit 1
  fi
  echo "SKIP: $*"
  exit 77
}
[ $# -eq 2 ] || { echo "usage: $0 BATT_MPI BATT_REPORT" >&2; exit 2; }
batt_mpi=$(realpath "$1")
batt_report=$(realpath "$2")
[ "$(id -u)" -eq 0 ] || skip "needs root (starts slurmctld, slurmd and munged)"
for b in slurmctld slurmd munged sbatch srun scontrol squeue scancel; do
  PATH=$PATH:/usr/sbin command -v "$b" >/dev/null ||
    skip "no $b: apt-get install slurm-wlm slurmctld slurmd slurm-client munge (.ci/run does)"
done
shared=${BATT_SHARED_DIR:-$root/../shared}
tasks=$shared/arc/arc-agi-1/training
[ -d "$tasks" ] || { echo "FAIL: no ARC tasks in $tasks (set BATT_SHARED_DIR)" >&2; exit 1; }

t0=$(date +%s)
W=$(mktemp -d /tmp/batt_slurm.XXXXXX)
chmod 755 "$W"
pids=()
ok=0
say() { echo "[$(($(date +%s) - t0)) s] $*"; }
fail() {
  echo "FAIL: $*" >&2
  exit 1
}
cleanup() {
  set +e
  if [ ${#jobs[@]} -gt 0 ]; then
    scancel --quiet --full "${jobs[@]}" 2>/dev/null
    for ((k = 0; k < 100; k++)); do
      [ -z "$(squeue -h 2>/dev/null)" ] && break
      sleep 0.2
    done
  fi
  for ((k = ${#pids[@]} - 1; k >= 0; k--)); do kill "${pids[k]}" 2>/dev/null; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null; done
  if [ "$ok" -eq 1 ]; then
    rm -rf "$W"
  else
    for f in "$W"/log/*.log "$W"/results/logs/* "$W"/sweep/logs/* "$W"/noconfig/logs/*; do
      [ -f "$f" ] && { echo "==== $f"; tail -n 25 "$f"; }
    done
    echo "kept $W"
  fi
}
jobs=()
trap cleanup EXIT

# --- a private single-node cluster --------------------------------------------------------
host=$(hostname -s)
mkdir -p "$W"/{state,spool,log,munge}
chown munge:munge "$W/munge"
chmod 755 "$W/munge"  # munged wants its socket's directory searchable by everyone
for i in 0 1 2 3; do mknod "$W/fakegpu$i" c 1 3; done  # /dev/null's numbers: a char device
[ -s /etc/munge/munge.key ] || fail "no /etc/munge/munge.key (the munge package creates it)"
runuser -u munge -- /usr/sbin/munged --socket="$W/munge/munge.socket" \
  --pid-file="$W/munge/munged.pid" --log-file="$W/munge/munged.log" \
  --seed-file="$W/munge/munged.seed"
pids+=("$(cat "$W/munge/munged.pid")")
port=$((20000 + RANDOM % 20000))
mem=$(awk '/MemTotal/ {print int($2 / 2048)}' /proc/meminfo)  # half of it, in MiB
cat >"$W/slurm.conf" <<EOF
ClusterName=batttest
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$W/munge/munge.socket
CredType=cred/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
StateSaveLocation=$W/state
SlurmdSpoolDir=$W/spool
SlurmctldPidFile=$W/slurmctld.pid
SlurmdPidFile=$W/slurmd.pid
SlurmctldLogFile=$W/log/slurmctld.log
SlurmdLogFile=$W/log/slurmd.log
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
ReturnToService=2
KillWait=15
DefMemPerCPU=256
GresTypes=gpu
NodeName=$host NodeAddr=127.0.0.1 CPUs=$(nproc) RealMemory=$mem Gres=gpu:4 State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES OverSubscribe=FORCE:4 MaxTime=INFINITE State=UP
EOF
printf 'AutoDetect=off\nNodeName=%s Name=gpu File=%s/fakegpu[0-3]\n' "$host" "$W" >"$W/gres.conf"
export SLURM_CONF=$W/slurm.conf
/usr/sbin/slurmctld -D -i -f "$SLURM_CONF" >"$W/log/slurmctld.out" 2>&1 &
pids+=($!)
/usr/sbin/slurmd -D -f "$SLURM_CONF" >"$W/log/slurmd.out" 2>&1 &
pids+=($!)
for ((k = 0; ; k++)); do
  [ "$(sinfo -h -o %T 2>/dev/null)" = idle ] && break
  [ "$k" -lt 60 ] || fail "the node did not come up: $(sinfo 2>&1)"
  sleep 0.5
done
say "cluster up: $host, 4 fake GPUs, slurmctld port $port"

# --- the array sweep: 3 shards through jobs/slurm/submit --------------------------------------
# Each shard runs as 1 rank (so --batch-units 2 --flush-s 0 make it slow enough, about 10 s,
# to be caught running); block size, batching, flushing and threads change no result.
export SHARDS=3 THROTTLE=3 CORPUS=corpus CONFIG=configs/slurm-sweep.toml BATT_MPI=$batt_mpi
export OUT_DIR=$W/results
sweep_args="--task-path $tasks --block 4"
export BATT_ARGS="$sweep_args --batch-units 2 --flush-s 0 -j 1"
resources=(--ntasks=1 --gpus=1 --cpus-per-task=1 --mem=600M --time=10:00 --job-name=batt-test)
jobs/slurm/submit --dry-run "${resources[@]}" >"$W/dry.txt"
grep -q -- "--array=0-2%3" "$W/dry.txt" || fail "submit --dry-run: $(cat "$W/dry.txt")"
[ ! -e "$OUT_DIR" ] || fail "submit --dry-run created $OUT_DIR"

jobs/slurm/submit "${resources[@]}" | tee "$W/submit.txt"
array=$(sed -n 's/^submitted: //p' "$W/submit.txt")
[ -n "$array" ] || fail "no job id from submit"
jobs+=("$array")
# Every shard is queued or running now (OUT_DIR/shard-i-of-3.jobid, squeue): none to resubmit.
jobs/slurm/submit --dry-run --resubmit-failed >"$W/dry.txt"
grep -q "nothing to resubmit" "$W/dry.txt" ||
  fail "--resubmit-failed with every shard queued or running: $(cat "$W/dry.txt")"

# The same sweep as one multi-rank job (sweep.sbatch: 1 coordinator + 2 GPU workers).
mkdir -p "$W/sweep/logs"
single=$(OUT_DIR=$W/sweep BATT_ARGS=$sweep_args BATT_JOBS_DIR=$root/jobs/slurm sbatch --parsable \
  --ntasks=3 --overcommit --cpus-per-task=1 --gpus=2 --mem=900M --time=10:00 --job-name=batt-test-mpi \
  --output="$W/sweep/logs/%x-%j.out" jobs/slurm/sweep.sbatch)
jobs+=("$single")

# CONFIG= is no config file, in submit and in the job: a one-shard job whose batt_mpi is
# /bin/echo logs the command line it was given (and fails: no report); queued after the
# others, so as not to delay them.
noconf=(env CONFIG= SHARDS=1 OUT_DIR="$W/noconfig" BATT_MPI=/bin/echo)
"${noconf[@]}" jobs/slurm/submit --dry-run >"$W/dry.txt"
grep -q " CONFIG= " "$W/dry.txt" || fail "submit --dry-run with CONFIG=: $(cat "$W/dry.txt")"
"${noconf[@]}" jobs/slurm/submit --ntasks=1 --cpus-per-task=1 --mem=100M --time=1:00 \
  --job-name=batt-test-noconfig >"$W/noconfig.txt"
noconfig=$(sed -n 's/^submitted: //p' "$W/noconfig.txt")
[ -n "$noconfig" ] || fail "no job id from submit (CONFIG=): $(cat "$W/noconfig.txt")"
jobs+=("$noconfig")
say "submitted array $array (3 shards) and multi-rank job $single; CONFIG= job $noconfig"

# --- preempt a running shard --------------------------------------------------------------------
# The first shard seen running with result rows in its .partial gets USR1 on its batch shell
# (what --signal=B:USR1@300 sends before the time limit).
victim=""
for ((k = 0; k < 600; k++)); do
  for i in 0 1 2; do
    partial=$OUT_DIR/shard-$i-of-3.h5.partial
    [ -e "$partial" ] || continue
    n=$(HDF5_USE_FILE_LOCKING=FALSE "$batt_report" summary "$partial" 2>/dev/null |
      sed -n 's/^results: \([0-9]*\) .*/\1/p') || true
    if [ "${n:-0}" -gt 0 ]; then
      victim=$i
      break
    fi
  done
  [ -z "$victim" ] || break
  sleep 0.1
done
[ -n "$victim" ] || fail "no shard was seen running with results"
scancel --signal=USR1 --batch "${array}_$victim"
say "sent USR1 to shard $victim (${array}_$victim)"
# It stops batt_mpi and requeues itself; Slurm holds a requeued job ~2 min (BeginTime), which
# an operator (here: the test) may cut short.
for ((k = 0; ; k++)); do
  info=$(scontrol -o show job "${array}_$victim" 2>/dev/null || true)
  if [[ "$info" == *"Restarts=1"* && "$info" == *"JobState=PENDING"* ]]; then break; fi
  [ "$k" -lt 600 ] || fail "shard $victim was not requeued: $info"
  sleep 0.1
done
[ ! -e "$OUT_DIR/shard-$victim-of-3.done" ] || fail "shard $victim finished before USR1 came"
[ -e "$OUT_DIR/shard-$victim-of-3.h5.partial" ] || fail "shard $victim left no .partial"
# Requeued (pending, no marker, a .partial), it is still its job's: not resubmitted.
jobs/slurm/submit --dry-run --resubmit-failed >"$W/dry.txt"
for want in "shard $victim is still queued or running (job ${array}_$victim)" "nothing to resubmit"; do
  grep -qF "$want" "$W/dry.txt" || fail "--resubmit-failed with shard $victim requeued: $(cat "$W/dry.txt")"
done
# Released once the step daemons of its first run are gone (the new step would reuse their
# PMIx socket).
raw=$(sed -n 's/^JobId=\([0-9]*\) .*/\1/p' <<<"$info")
for ((k = 0; k < 300; k++)); do
  pgrep -f "^slurmstepd: \[$raw\." >/dev/null || break
  sleep 0.1
done
scontrol update JobId="${array}_$victim" StartTime=now
say "shard $victim requeued with its .partial; released"

# --- wait for every shard and the multi-rank job ------------------------------------------------
for ((k = 0; ; k++)); do
  n=0
  for i in 0 1 2; do [ -e "$OUT_DIR/shard-$i-of-3.done" ] && n=$((n + 1)); done
  [ -e "$W/sweep/sweep.done" ] && n=$((n + 1))
  [ "$n" -eq 4 ] && break
  [ "$k" -lt 2400 ] || fail "only $n of 3 shards + 1 sweep done after 240 s: $(squeue 2>&1)"
  sleep 0.1
done
say "all shards done"
grep -q "USR1: stopping batt_mpi" "$OUT_DIR"/logs/*_"$victim".out || fail "no USR1 in the log"
grep -q "resume" "$OUT_DIR"/logs/*_"$victim".out || fail "the requeued shard did not resume"
[ "$("$batt_report" summary "$OUT_DIR/shard-$victim-of-3.h5" | sed -n 's/^  resumed: //p')" = 1 ] ||
  fail "shard $victim's report was not resumed once"

# --resubmit-failed: nothing while every shard is done; a shard without its marker (its job
# ended), alone.
jobs/slurm/submit --dry-run --resubmit-failed | grep -q "nothing to resubmit" ||
  fail "--resubmit-failed with every shard done"
mv "$OUT_DIR/shard-1-of-3.done" "$W/marker"
jobs/slurm/submit --dry-run --resubmit-failed >"$W/dry.txt"
grep -q -- "--array=1%3" "$W/dry.txt" || fail "--resubmit-failed: $(cat "$W/dry.txt")"
mv "$W/marker" "$OUT_DIR/shard-1-of-3.done"

# The CONFIG= job (ended long ago; its last line is the failure, as it wrote no report).
for ((k = 0; ; k++)); do
  log=$(cat "$W"/noconfig/logs/*_0.out 2>/dev/null || true)
  [[ "$log" == *"batt_mpi failed"* ]] && break
  [ "$k" -lt 300 ] || fail "the CONFIG= job $noconfig did not end: $log"
  sleep 0.1
done
[[ "$log" == *"srun /bin/echo corpus --shard 0/1 -o "* && "$log" != *--config* ]] ||
  fail "CONFIG= job $noconfig was given a --config: $log"

# --- merge, and compare with one process ------------------------------------------------------
"$batt_report" merge "$W/merged.h5" "$OUT_DIR"/shard-*-of-3.h5
# shellcheck disable=SC2086 # sweep_args is a list of options
"$batt_mpi" "$CORPUS" --config "$CONFIG" $sweep_args -q -o "$W/single.h5"
"$batt_report" compare "$W/single.h5" "$W/merged.h5" || fail "merged shards != one process"
"$batt_report" compare "$W/single.h5" "$W/sweep/sweep.h5" || fail "sweep.sbatch != one process"
ok=1
say "PASS: merged report of 3 shards (one preempted) and sweep.sbatch equal one process"
