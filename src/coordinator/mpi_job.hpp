#pragma once
// The main job over MPI ranks (ARCHITECTURE §7): rank 0 loads, deduplicates, plans and
// writes the report; ranks >= 1 are workers. Rank 0 broadcasts one Setup (wire.hpp), then
// hands out work units on demand, most expensive first, `kInFlight` per worker, and writes
// results in unit order as they complete, so the report equals the single-process one
// (run_job) whatever the rank count: same rows, only the `rank` and time columns differ.
// A unit that throws on a worker is retried once on another; a second failure ends the job.
// Each worker binds a device first (gpu/device.hpp: worker k of a node takes GPU k, when CUDA
// is built and GPUs are visible; else it is a CPU worker); the report's `ranks` and `gpus`
// attributes say who ran where. SIGINT/SIGTERM/SIGUSR1 on rank 0: no new units, the ones in flight
// are recorded, workers stop, the report stays .partial with status "interrupted".
#include <boost/mpi/communicator.hpp>

#include "coordinator/job.hpp"

namespace batt::coordinator {

// Every rank calls it with the same options (mpirun gives every rank the same command
// line). Returns the process exit code, as run_job.
int run_mpi_job(const JobOptions& opt, boost::mpi::communicator& world);

}  // namespace batt::coordinator
