#pragma once
// The rows of the HDF5 report (docs/report-schema.md), as the job produces them. The report
// writer (report_writer.hpp) turns each kind of row into one table: a group of equal-length,
// chunked, extendible 1-D column datasets. Lookup tables (/tasks, /candidates, /origins,
// /differs) hold the strings; fact tables (/results, /diffs, /outputs, /timings) hold numbers
// and integer keys into them (task and cand are row indices into /tasks and /candidates).
#include <cstdint>
#include <string>
#include <vector>

namespace batt::report {

// Outcome of one candidate on one sample. Stored as int8 in /results.status (the worst over
// the samples, in this order of severity: Ok < Mismatch < Error < Resource < Timeout;
// Skipped when the candidate could not be evaluated at all) and as 4-bit codes in
// /results.status_bits.
enum class Status : std::uint8_t {
  Ok = 0,        // the output equals the expected grid (a hit)
  Mismatch = 1,  // ran to completion, output differs (or there is no expected output)
  Error = 2,     // the program raised (strict mode) or produced an error value
  Timeout = 3,   // step budget or deadline exhausted
  Resource = 4,  // a value or the arena went over its size cap
  Skipped = 5,   // not evaluable (unknown names, unresolved variables, text over the cap)
};
const char* status_name(Status s) noexcept;  // "ok", "mismatch", ...

// /tasks: one row per selected task, in the order of task indices.
struct TaskRow {
  std::string id;      // "007bbfb7"
  std::string source;  // the file it was read from
  std::int16_t n_demo = 0;
  std::int16_t n_test = 0;
  bool test_outputs = true;  // false when the test outputs are unknown (Kaggle test set)
};

// /candidates: one row per unique candidate (solvers and differs), sorted by (kind, dialect,
// id); (kind, dialect, id) is unique (the same text in two dialects: two rows, one md5).
struct CandidateRow {
  std::string id;         // md5 of the canonical text, or the structure md5 when over the cap
  std::string md5;        // "" when the canonical text is over the cap
  std::int8_t kind = 0;   // 0 solver, 1 differ
  std::int8_t mode = 0;   // 0 strict (solver files), 1 batt compatibility (batt records)
  bool evaluable = true;  // every name known, every variable assigned
  std::uint64_t canonical_bytes = 0;
  std::uint32_t nodes = 0;  // distinct DAG nodes in its slice
  std::string canonical;    // "" when over the cap
  std::string expanded;     // "" when over the cap
  std::int8_t dialect = 0;  // 0 arc-dsl, 1 tokpidjin (dsl::Dialect); column after `mode`
};

// /origins: where each candidate came from (several rows per candidate).
struct OriginRow {
  std::int32_t cand = 0;
  std::string file;
  std::int32_t line = 0;
  std::string record;        // "solve_00d62c1b", "t60", "differ", ...
  std::string task;          // origin task ("" unknown, "None" for a base differ block)
  std::int8_t mutated = -1;  // batt records: the evo flag (0/1); -1 when not recorded
  std::string differ;        // s.append records: the differ name
};

// /differs: the differs used by the match-only diff.
struct DifferRow {
  std::int32_t cand = 0;  // row in /candidates
  std::string name;       // "differ_c59e..." or the file's differ name
};

// /units: the plan's work units (one block of candidates on one task), row u = unit u, in
// the order they are run and written: by estimated cost, most expensive first.
struct UnitRow {
  std::int32_t task = 0;   // row in /tasks
  std::int32_t cands = 0;  // candidates in the unit's block
  double cost = 0;         // the estimate the units are sorted by (task cells x block nodes)
};

// /results: one row per evaluated (candidate, task) pair.
struct ResultRow {
  std::int32_t cand = 0;
  std::int32_t task = 0;
  std::int16_t demo_hits = 0;
  std::int16_t test_hits = 0;
  std::int16_t n_demo = 0;
  std::int16_t n_test = 0;
  bool solved = false;         // every demo and every test sample hit (and test outputs known)
  Status status = Status::Ok;  // the worst per-sample status
  // 4 bits per sample, demo samples first then test samples: sample k at bits 4k..4k+3
  // (the first 16 samples; ARC tasks have at most 14).
  std::uint64_t status_bits = 0;
  std::int8_t valid = -1;   // validation: -1 not validated, 0 canonical re-run differs, 1 same
  float time_us = -1.0f;    // validation: sum over samples of the median per-sample time
  std::uint64_t steps = 0;  // work units charged over all samples
  std::int16_t rank = 0;    // the rank that evaluated it
  std::int32_t unit = 0;    // the work unit it belonged to (resume key)
};

// /diffs: match-only diff scores, one row per (candidate, task, differ) with any credit.
struct DiffRow {
  std::int32_t cand = 0;
  std::int32_t task = 0;
  std::int32_t differ = 0;   // row in /differs
  std::int16_t iz = 0;       // [d(S,I,O).size > 0] + [d(S,out,O).size == 0], summed
  std::int16_t zo = 0;       // the opposite
  std::int16_t samples = 0;  // matched demo samples on which the differ gave a valid result
};

// /outputs: output grids of candidates (--store-outputs). cells holds rows*cols int8 values,
// row-major; a non-grid output has rows = cols = 0 and its repr in text.
struct OutputRow {
  std::int32_t cand = 0;
  std::int32_t task = 0;
  std::int16_t sample = 0;  // index among the task's samples, demo first then test
  bool is_test = false;
  Status status = Status::Ok;
  std::int16_t rows = 0;
  std::int16_t cols = 0;
  std::vector<std::int8_t> cells;
  std::string text;
};

// /timings: rank x phase x seconds x count, summed over the run.
struct TimingRow {
  std::int16_t rank = 0;
  std::string phase;
  double seconds = 0;
  std::int64_t count = 0;
};

}  // namespace batt::report
