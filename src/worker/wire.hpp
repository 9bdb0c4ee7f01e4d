#pragma once
// What travels between ranks (ARCHITECTURE §7), as byte strings Boost.MPI sends and
// receives. Rank 0 broadcasts one Setup (the selected tasks, the compiled blocks with what a
// worker needs to know of their candidates, the differs); then every work unit travels as
// its index in the plan, and every result as an encoded UnitResult. Encoding is
// Boost.Serialization's binary archive, so both ends must be the same build of batt_mpi
// (mpirun starts one binary). A Block travels with its dialect (which decides how its
// primitives fail); its values are immediates (primitives, constants, ints, error markers)
// and are sent as their 16 raw bytes.
#include <cstdint>
#include <string>
#include <vector>

#include "corpus/tasks.hpp"
#include "worker/engine.hpp"
#include "worker/unit.hpp"

namespace batt::worker {

// One task, its grids as (h, w, cells); an unknown output has h = 0.
struct TaskWire {
  struct Grid {
    std::int32_t h = 0, w = 0;
    std::vector<std::int8_t> cells;
  };
  std::string id, source;
  std::vector<Grid> demo_in, demo_out, test_in, test_out;
};

TaskWire to_wire(const corpus::Task& t);
// The task, its grids allocated in `arena` (which must outlive it).
corpus::Task from_wire(const TaskWire& w, dsl::Arena& arena);

struct Setup {
  std::vector<TaskWire> tasks;       // the selected tasks, by task index
  std::vector<Block> blocks;         // the plan's blocks, by block index
  std::vector<BlockInfo> infos;      // ... and their candidates
  std::vector<Block> differ_blocks;  // the differs, compiled (Differs::blocks)
  std::vector<std::int32_t> differ_cands;
};

std::string encode(const Setup& s);
Setup decode_setup(const std::string& bytes);

std::string encode(const UnitResult& r);
UnitResult decode_result(const std::string& bytes);

}  // namespace batt::worker
