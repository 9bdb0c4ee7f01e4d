#pragma once
// Work units: which candidates are tried on which task (ARCHITECTURE §3: `origin`, the tasks
// a candidate's name or records name; `cross`, every selected task), cut into blocks of at
// most `block` candidates of one dialect that share one DAG walk per sample (a block never
// mixes dialects: its names resolve, and its primitives fail, one way). A unit is (block,
// task). The plan is a pure function of the corpus, the tasks and the options, never of the thread
// or rank count, so every run of the same input has the same units and the same report rows.
#include <cstdint>
#include <vector>

#include "coordinator/job.hpp"
#include "report/rows.hpp"
#include "worker/engine.hpp"
#include "worker/unit.hpp"

namespace batt::coordinator {

struct Unit {
  std::uint32_t task = 0;   // index into the selected tasks
  std::uint32_t block = 0;  // index into Plan::blocks
  // The estimated cost the units are sorted by: the cells of the task's samples times the
  // block's DAG nodes. Recorded in /units, so shard reports merge into the plan's order.
  double cost = 0;
};

struct Plan {
  std::vector<worker::Block> blocks;
  std::vector<worker::BlockInfo> block_info;  // the candidates of each block, ascending
  std::vector<Unit> units;                    // most expensive first (see make_plan)
  // Solver candidates that cannot be evaluated (unknown names, unresolved variables, text
  // over the cap): one Skipped row for each selected task their origins name.
  std::vector<report::ResultRow> skipped;
  std::size_t skipped_candidates = 0;
};

Plan make_plan(const worker::CorpusView& cv, const std::vector<worker::TaskInput>& tasks,
               Pairing pairing, int block);

}  // namespace batt::coordinator
