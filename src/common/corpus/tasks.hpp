#pragma once
// ARC tasks (ARCHITECTURE §3): `train` pairs are the demo samples, `test` pairs the test
// samples. Read from a directory of `<id>.json` files, from single `<id>.json` files, or from
// a Kaggle pair `X_challenges.json` (+ `X_solutions.json` next to it, optional). A task whose
// test outputs are unknown (no solutions file, or no "output" in a test pair) is kept: it is
// evaluated but can never count a test hit.
//
// Bad input never throws: malformed JSON (reported with file:line:col), a grid that is not a
// rectangle of ints 0..9, a missing "train" list, or a duplicate task id becomes a Diagnostic
// and that task (or file) is skipped; the others load.
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dsl/arena.hpp"
#include "dsl/value.hpp"
#include "program/diagnostic.hpp"

namespace batt::corpus {

struct Sample {
  dsl::Value input;                  // a Grid
  std::optional<dsl::Value> output;  // a Grid; nullopt when unknown
};

struct Task {
  std::string id;      // file stem, or the key in a Kaggle challenges file
  std::string source;  // the file it came from
  std::vector<Sample> demo;
  std::vector<Sample> test;
  bool test_outputs_known() const noexcept;  // every test sample has an output
};

// The loaded tasks, sorted by id. Grids live in the set's own arena, which is never reset,
// so Values stay valid as long as the TaskSet lives (it is movable, not copyable).
struct TaskSet {
  std::unique_ptr<dsl::Arena> arena;
  std::vector<Task> tasks;
  const Task* find(std::string_view id) const noexcept;  // binary search by id
};

// A task file larger than this is an error and is not read (a stray multi-GB file must not
// exhaust memory). The ARC Kaggle challenges files are meant to fit (not measured here).
inline constexpr std::size_t kMaxTaskFileBytes = std::size_t{64} << 20;  // 64 MiB

// Largest grid side accepted (ARC grids are at most 30 x 30; 255 leaves room for synthetic
// tasks while keeping a side in one byte).
inline constexpr int kMaxGridSide = 255;

// Loads every task under `paths` (files or directories; a directory is searched one level
// deep for *.json). The files of all `paths` are read once each, in sorted path order, so the
// result does not depend on the order of the arguments:
//   - `X_challenges.json` is a Kaggle file: a JSON object task id -> task, whose test pairs
//     have no "output"; the outputs come from `X_solutions.json` in the same directory (task
//     id -> list of test output grids, in test order) when that file exists. A solutions
//     entry with the wrong number of grids, or a bad grid, is an error and skips that task;
//     a task without an entry is kept with unknown test outputs (a warning).
//   - `X_solutions.json` is never a task file (a warning when its challenges file is absent).
//   - any other file is one task, whose id is the file stem.
// When the same id appears twice, the first wins and the second is an error. A path that does
// not exist, an unreadable file, or one over kMaxTaskFileBytes is an error. Every error names
// the file (and line:col and the JSON path of the offending pair where there is one).
// Cost: one JSON parse per file; grids are copied into the set's arena.
TaskSet load_tasks(const std::vector<std::string>& paths, program::Diagnostics& diags);

// Parses one task from JSON text (a `{"train": [...], "test": [...]}` object; both lists
// non-empty, every train pair with "input" and "output", every test pair with "input" and
// optionally "output"; other keys are ignored). Grids are allocated in `arena`. On failure
// returns nullopt and adds one located diagnostic for `file`
// (e.g. `f.json:3:18: error: task 007bbfb7: train[2].output: rows have different lengths...`).
std::optional<Task> parse_task(std::string_view text, const std::string& id,
                               const std::string& file, dsl::Arena& arena,
                               program::Diagnostics& diags);

}  // namespace batt::corpus
