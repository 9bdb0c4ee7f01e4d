# shellcheck shell=bash
# Sourced by sweep.sbatch, sweep-array.sbatch and submit (not run on its own): the parameters'
# defaults, and one batt_mpi job step under srun so that a stop costs nothing but the requeue.
#
#   batt_defaults   sets every parameter left unset (jobs/slurm/README.md, "Parameters")
#   batt_step SHARD OUT     SHARD is i/n (0/1: the whole sweep), OUT the report to write
#
# - OUT's done marker (OUT without .h5, plus .done) exists: nothing to do (exit 0); OUT
#   exists (a report is renamed to OUT only when complete): the marker is written.
# - Under Slurm the job's id (the array task's: 4242_7) goes to OUT without .h5 plus .jobid,
#   which `submit --resubmit-failed` asks squeue about (a queued or running shard is left to
#   its job).
# - OUT.partial exists (an earlier run of this job was stopped, killed or preempted): the same
#   command plus --resume, which keeps its rows and evaluates only what is missing.
# - USR1 (Slurm's warning before the time limit, --signal=B:USR1@300, or `scancel
#   --signal=USR1 -b`): batt_mpi is told to stop (srun passes USR1 to every rank; rank 0
#   finishes its batch, leaves OUT.partial "interrupted" and exits 1), then the job requeues
#   itself (`scontrol requeue`, the array task alone) and comes back with --resume.
# - TERM (scancel, preemption, an operator's `scontrol requeue`): passed on to batt_mpi, which
#   leaves OUT.partial the same way; Slurm decides whether the job comes back.
# - batt_mpi's exit status is the job's: 0 complete (and the done marker written), 1
#   interrupted, 2 bad input or options (--resume refused: OUT.partial of another sweep).
#
# Parameters (shell variables of the sourcing script, batt_defaults fills the unset ones):
# CORPUS, CONFIG, BATT_MPI, BATT_ARGS (extra batt_mpi options, split on spaces), SRUN_ARGS
# (extra srun options); OUT_DIR and SHARDS are the sbatch files' and submit's.

# The defaults, in one place for submit and both sbatch files. Empty is a value for CONFIG
# (`CONFIG=`: no config file), so only an unset CONFIG takes the default; the others take
# theirs when unset or empty. Sourced, not exported: batt_step reads them in this shell and
# gives batt_mpi its arguments (submit exports them for sbatch).
batt_defaults() {
  : "${CORPUS:=corpus}"                      # the corpus directory (tasks/, batches/, differs/)
  : "${OUT_DIR:=results}"                    # reports, .partial files, done markers, job ids
  : "${BATT_MPI:=build/src/tools/batt_mpi}"  # the binary (or a name on PATH)
  : "${CONFIG=configs/slurm-sweep.toml}"     # options every shard shares (empty: none)
  : "${SHARDS:=16}"                          # n of --shard i/n (the array: 0..n-1)
  : "${BATT_ARGS:=}"                         # more batt_mpi options, e.g. "--pairing cross"
  : "${SRUN_ARGS:=}"                         # more srun options
}

batt_log() {
  echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) batt[${BATT_JOB_ID}]: $*"
}

# Called on USR1 while batt_mpi runs: stop it, wait for its report, requeue this job.
batt_on_usr1() {
  local rc=1
  if [ -n "$BATT_PID" ]; then
    batt_log "USR1: stopping batt_mpi (pid ${BATT_PID}) for a requeue"
    kill -USR1 "$BATT_PID" 2>/dev/null || true
    rc=0
    wait "$BATT_PID" || rc=$?
    if [ "$rc" -eq 0 ] && [ -e "$BATT_OUT" ]; then
      batt_finish  # it completed before the signal reached it
      exit 0
    fi
  fi
  batt_log "batt_mpi stopped (exit $rc); requeueing ${BATT_JOB_ID} to resume ${BATT_OUT}.partial"
  scontrol requeue "$BATT_JOB_ID"
  exit 0
}

# Called on TERM while batt_mpi runs: let it write its .partial before Slurm's SIGKILL.
batt_on_term() {
  if [ -n "$BATT_PID" ]; then
    batt_log "TERM: stopping batt_mpi (pid ${BATT_PID})"
    kill -TERM "$BATT_PID" 2>/dev/null || true
    wait "$BATT_PID" || true
  fi
  exit 143
}

batt_finish() {
  echo "${BATT_JOB_ID} $(date -u +%Y-%m-%dT%H:%M:%SZ) ${BATT_OUT}" >"$BATT_DONE"
  batt_log "complete: ${BATT_OUT} (marker ${BATT_DONE})"
}

batt_step() {
  local shard=$1
  BATT_OUT=$2
  BATT_DONE="${BATT_OUT%.h5}.done"
  # The array task alone (the bare array job id would requeue every task of the array).
  BATT_JOB_ID=${SLURM_ARRAY_JOB_ID:+${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID}}
  BATT_JOB_ID=${BATT_JOB_ID:-${SLURM_JOB_ID:-local}}
  BATT_PID=""
  trap batt_on_usr1 USR1
  trap batt_on_term TERM
  if [ -e "$BATT_DONE" ]; then
    batt_log "${BATT_OUT} is complete already (${BATT_DONE}); nothing to do"
    return 0
  fi
  if [ -e "$BATT_OUT" ] && [ ! -e "${BATT_OUT}.partial" ]; then
    batt_finish  # complete, but stopped before its marker was written
    return 0
  fi
  if ! command -v "$BATT_MPI" >/dev/null; then
    batt_log "error: no batt_mpi at '${BATT_MPI}' (set BATT_MPI)"
    return 2
  fi
  mkdir -p "$(dirname "$BATT_OUT")"
  if [ -n "${SLURM_JOB_ID:-}" ]; then
    echo "$BATT_JOB_ID" >"${BATT_OUT%.h5}.jobid"  # submit wrote the same for its arrays
  fi
  local args=("$CORPUS" --shard "$shard" -o "$BATT_OUT")
  if [ -n "${CONFIG:-}" ]; then args+=(--config "$CONFIG"); fi
  if [ -e "${BATT_OUT}.partial" ]; then args+=(--resume); fi
  local extra=() srun_extra=()
  read -r -a extra <<<"${BATT_ARGS:-}"
  read -r -a srun_extra <<<"${SRUN_ARGS:-}"
  batt_log "restart ${SLURM_RESTART_COUNT:-0}: srun ${BATT_MPI} ${args[*]} ${extra[*]}"
  # In the background: bash runs traps only while it waits on a child, not during a
  # foreground command.
  srun --mpi=pmix --kill-on-bad-exit=1 --cpu-bind=none "${srun_extra[@]}" \
    "$BATT_MPI" "${args[@]}" "${extra[@]}" &
  BATT_PID=$!
  local rc=0
  wait "$BATT_PID" || rc=$?
  trap - USR1 TERM
  if [ "$rc" -eq 0 ] && [ ! -e "$BATT_OUT" ]; then
    rc=1  # srun itself can return 0 when it failed to launch the step
    batt_log "srun returned 0 but ${BATT_OUT} was not written"
  fi
  if [ "$rc" -ne 0 ]; then
    batt_log "batt_mpi failed (exit ${rc}); ${BATT_OUT}.partial (if any) stays for --resume"
    return "$rc"
  fi
  batt_finish
}
