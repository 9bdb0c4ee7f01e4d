#pragma once
// A work unit: one block of solver candidates x one task (ARCHITECTURE §2, §6). The worker
// evaluates the block on every demo and test sample, scores each candidate (per-sample status,
// demo and test hits, solved), credits the match-only diff, validates candidates with hits by
// re-running their canonical text alone (timed, median of k runs), and keeps the output grids
// the user asked for. Everything it returns is plain rows for the report.
//
// Match-only diff (the intended rule of tokpidjin-pipeline.md §4.5, ARCHITECTURE §6): for
// each demo sample j where candidate c's output matched O_j, and each differ d:
//   iz += [d(S, I_j, O_j).size > 0] + [d(S, out_c, O_j).size == 0],  zo the opposite,
// credited to c, once per sample. A match means out_c == O_j exactly, so both differ calls
// depend only on (task, sample, d): they are computed once per task (DiffTable) and credited
// to every matching candidate. A differ result counts only when it is a tuple whose first
// item is an int (not a bool), as the reference requires (Q41).
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "corpus/tasks.hpp"
#include "program/candidates.hpp"
#include "report/rows.hpp"
#include "worker/engine.hpp"

namespace batt::worker {

enum class StoreOutputs : std::uint8_t { None, Test, All };

struct UnitOptions {
  dsl::Limits limits;  // per node-evaluation budget (engine.hpp)
  std::size_t arena_bytes = std::size_t{512} << 20;
  int validate_runs = 5;      // k: timed runs per sample (median)
  int validate_min_hits = 1;  // validate pairs with demo+test hits >= this
  StoreOutputs store_outputs = StoreOutputs::Test;
  int outputs_min_demo_hits = 1;         // store outputs of pairs with demo hits >= this
  std::size_t output_text_bytes = 4096;  // repr of a non-grid output, truncated
};

// One selected task as the workers see it: its samples and S (the demo pairs, demo only).
struct TaskInput {
  const corpus::Task* task = nullptr;
  std::int32_t index = 0;  // row in /tasks
  dsl::Value S;            // tuple of (input, output) demo pairs
};

// Per task: for each demo sample and differ, the sizes d(S, I, O) and d(S, O, O).
struct DiffEntry {
  std::optional<std::int64_t> base;   // d(S, I_j, O_j): nullopt when not a valid result
  std::optional<std::int64_t> match;  // d(S, O_j, O_j)
};
struct DiffTable {
  std::size_t differs = 0;
  std::vector<DiffEntry> entries;  // [demo sample][differ]
  std::uint64_t evaluations = 0;   // differ evaluations actually run
};

class Worker;

// The differ candidates of a corpus, compiled as one block per dialect (a block never mixes
// dialects). Differ d is entry d - (entries of the blocks before it) of its block: the blocks
// hold the differs in the order of `cands`.
struct Differs {
  std::vector<std::int32_t> cands;  // rows in /candidates (indices into corpus.candidates)
  std::vector<std::string> names;
  std::vector<Block> blocks;
};

// A task's DiffTable, computed once, on first use, by the first worker that needs it: most
// tasks of a cross run never see a demo match, and then no differ runs on them.
class LazyDiffTable {
 public:
  LazyDiffTable(const Differs& d, const TaskInput& t) : differs_(&d), task_(&t) {}
  // The table; `computed` is set to true when this call computed it.
  const DiffTable& get(Worker& w, bool& computed);

 private:
  const Differs* differs_;
  const TaskInput* task_;
  std::once_flag once_;
  DiffTable table_;
};

// Counters for the "Demo scoring" line and the timing table.
struct UnitCounters {
  std::uint64_t demo_outputs = 0;  // demo evaluations that completed (ok or mismatch)
  std::uint64_t demo_matches = 0;
  std::uint64_t diff_calls = 0;          // logical differ calls credited (2 per match and differ)
  std::uint64_t evaluations = 0;         // candidate x sample evaluations
  std::uint64_t validations = 0;         // (candidate, task) pairs validated
  std::uint64_t differ_evaluations = 0;  // differ runs of the task's DiffTable, if made here
  double eval_s = 0, diff_s = 0, validate_s = 0;  // seconds in each part
};

struct UnitResult {
  std::vector<report::ResultRow> results;
  std::vector<report::DiffRow> diffs;
  std::vector<report::OutputRow> outputs;
  UnitCounters counters;
};

// What a unit needs to know about the corpus: the DAG, candidates and each one's mode.
struct CorpusView {
  const program::Corpus* corpus = nullptr;
  std::vector<Mode> modes;             // per candidate
  std::vector<std::string> canonical;  // per candidate; "" when over the text cap
};

// What a worker knows about the candidates of a block, parallel to its entries: enough to
// score them and to validate their canonical text (read back in the block's dialect),
// without the corpus (an MPI worker receives only its blocks).
struct BlockInfo {
  std::vector<std::int32_t> cands;     // rows in /candidates
  std::vector<std::string> md5;        // MD5 of the canonical text
  std::vector<std::string> canonical;  // the canonical text
};

// Batt compatibility for candidates found in a batt file (an o.append or s.append record),
// strict for candidates found only in solver or differ files.
Mode mode_of(const program::Candidate& c) noexcept;

// The view of a corpus every part of the job shares: modes and canonical texts, computed once.
CorpusView make_view(const program::Corpus& corpus);

// Builds S for a task in `ctx`'s arena (which must outlive its use).
dsl::Value demo_pairs(const corpus::Task& t, dsl::EvalCtx& ctx);

// Selects the differs of a corpus (differ files and base blocks of batt files; per-solver
// differ blocks embed a solver and are not differs of their own) and compiles them, one
// block per dialect (candidates are sorted by kind, then dialect, so each dialect's differs
// are contiguous).
Differs select_differs(const CorpusView& cv);

// The per-thread worker: evaluator state reused across units.
class Worker {
 public:
  explicit Worker(const UnitOptions& opt);

  DiffTable diff_table(const Differs& d, const TaskInput& t);

  // Evaluates `block` (the candidates of `info`) on task t.
  UnitResult run(const Block& block, const BlockInfo& info, const TaskInput& t,
                 LazyDiffTable& diffs, std::int32_t unit, std::int16_t rank = 0);

 private:
  // Re-runs entry k of the block alone and its re-parsed canonical text; sets valid (same
  // outputs as in the block) and time_us (sum of per-sample medians of k timed runs).
  void validate(const Block& block, std::size_t k, const BlockInfo& info, const TaskInput& t,
                report::ResultRow& row);

  UnitOptions opt_;
  Evaluator main_, alone_, canon_;
  std::vector<Outcome> outcomes_, alone_out_, canon_out_;
};

}  // namespace batt::worker
