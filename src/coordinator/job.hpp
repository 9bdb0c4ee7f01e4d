#pragma once
// The main job in one process (ARCHITECTURE §2): load the tasks and the candidate batches,
// deduplicate, pair candidates with tasks, evaluate every work unit on a thread pool, and
// stream the rows into the HDF5 report, flushed after every batch of units. The multi-rank
// job distributes the same units; this is the reference it must agree with.
#include <cstdint>
#include <string>
#include <vector>

#include "program/dialect.hpp"
#include "program/lexer.hpp"
#include "report/shard_spec.hpp"
#include "worker/unit.hpp"

namespace batt::coordinator {

enum class Pairing : std::uint8_t { Origin, Cross };

// --shard i/n (shard.hpp): this job evaluates shard i of n of the selected tasks. Defined in
// batt_common (report/shard_spec.hpp), where the report merge reads it back too.
using report::ShardSpec;

struct JobOptions {
  std::string corpus;                     // CORPUS: a directory with tasks/, batches/, differs/
  std::vector<std::string> task_paths;    // default CORPUS/tasks
  std::vector<std::string> batch_paths;   // default CORPUS/batches
  std::vector<std::string> differ_paths;  // default CORPUS/differs (when it exists)
  std::vector<std::string> tasks;         // selected task ids; empty = every loaded task
  Pairing pairing = Pairing::Origin;
  // The dialect of each batch file: auto (per file, from its names and form) or forced
  // (program/dialect.hpp).
  program::DialectChoice dialect = program::DialectChoice::Auto;
  ShardSpec shard;
  std::string out = "report.h5";
  int threads = 0;              // 0 = every hardware thread
  int block = 256;              // candidates per work unit
  int batch_units = 0;          // units evaluated between two report appends; 0 = 8 per thread
  double flush_s = 1;           // at most this many seconds between report flushes (crash loss)
  double progress_s = 10;       // seconds between progress lines; 0 = none
  double reissue_after_s = 60;  // MPI: re-issue a unit out this long once the queue is empty
  bool quiet = false;
  bool resume = false;  // continue OUT.partial: skip the units it already holds
  worker::UnitOptions unit;
  program::Limits front;  // front-end limits (file size, canonical text cap, ...)
  // Provenance, stored as root attributes.
  std::string command_line;
  std::string config_text;  // the resolved options, as the config file format
  std::string git_sha;      // the commit the binary was built from
  bool git_dirty = false;   // ... with uncommitted changes
};

// Totals of a finished run (also printed by the summary).
struct JobSummary {
  std::size_t tasks = 0, candidates = 0, programs = 0, solver_candidates = 0, differs = 0;
  std::size_t skipped = 0;  // solver candidates that cannot be evaluated
  std::size_t pairs = 0, units = 0, solved_tasks = 0, solving_pairs = 0;
  worker::UnitCounters counters;
  std::uint64_t differ_evaluations = 0;
  std::size_t invalid = 0;  // validated pairs whose canonical re-run differed
  std::string report_path;
  bool aborted = false;  // stopped by a signal; the .partial report holds what finished
};

// Runs the job. Diagnostics go to stderr, the summary to stdout. Returns the process exit
// code: 0 done, 1 finished with problems (aborted by a signal), 2 bad input or options.
int run_job(const JobOptions& opt, JobSummary* summary = nullptr);

}  // namespace batt::coordinator
