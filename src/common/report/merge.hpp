#pragma once
// merge_reports(): the shard reports of one sweep (`batt_mpi --shard i/n`, e.g. a Slurm job
// array) combined into the report a single run of the whole sweep writes: the same tables,
// the same rows in the same order (compare_reports finds no difference but the timings, the
// validation times and the ranks), so everything downstream reads one file.
//
// How: the lookup tables (/candidates, /origins, /differs) are the same in every shard and are
// copied; /tasks is the union of the shards' tasks, sorted by id, and every task column is
// renumbered; /units (the plan's work units with the cost they are sorted by) is merged by
// (cost descending, task, the shard's own order), which is the order of the single run's
// plan, and /results, /diffs and /outputs follow their units (the rows of candidates that
// could not be evaluated first, by candidate and task, as a single run writes them); cells are
// copied and cell_offset recomputed; /timings is summed per (rank, phase).
//
// Mixtures are refused before anything is written: every input must be a complete report
// (status "complete", not a .partial) of this schema version, with the same corpus_digest
// and config_digest (provenance of the inputs and of the result-changing options), and the
// `shard` attributes i/n must name every shard 0..n-1 exactly once (a subset with
// allow_partial; never one twice).
#include <cstddef>
#include <span>
#include <stdexcept>
#include <string>

namespace batt::report {

// A refused merge: the message names the file(s) and what is wrong with them ("b.h5: its
// config_digest 9e1... differs from a.h5's 4c0...").
class MergeError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct MergeOptions {
  bool allow_partial = false;  // accept a subset of the shards (still never one twice)
};

struct MergeSummary {
  std::size_t shards = 0;       // inputs merged
  std::size_t shard_count = 0;  // n of their i/n
  std::size_t tasks = 0, units = 0, results = 0, diffs = 0, outputs = 0;
};

// Reads every input (whole tables in memory: about 60 bytes per /results row, 8 per output
// cell), checks them, and writes `out` (as out.partial, renamed when complete). Throws
// MergeError for a refused mixture, std::runtime_error for a file that cannot be read or
// written (naming it).
MergeSummary merge_reports(std::span<const std::string> inputs, const std::string& out,
                           const MergeOptions& opts = {});

}  // namespace batt::report
