#pragma once
// Reading ARC tasks from ../shared/arc in tests: the path of a task file and its grids.
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "dsl/value_json.hpp"

namespace batt::dsl::testing {

inline std::string shared_dir() {
  if (const char* p = std::getenv("BATT_SHARED_DIR")) return p;
  return BATT_SHARED_DIR;
}

inline nlohmann::json load_arc_task(const std::string& set, const std::string& id) {
  const std::string path = shared_dir() + "/arc/" + set + "/" + id + ".json";
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  return nlohmann::json::parse(in);
}

struct Sample {
  Value input, output;
};

// All train then test pairs of an ARC-AGI-1 training task, decoded into `ctx`'s arena.
inline std::vector<Sample> arc_samples(const std::string& id, EvalCtx& ctx) {
  const nlohmann::json task = load_arc_task("arc-agi-1/training", id);
  std::vector<Sample> out;
  std::string why;
  for (const char* part : {"train", "test"}) {
    for (const auto& s : task[part]) {
      out.push_back(
          {grid_from_arc_json(s["input"], ctx, why), grid_from_arc_json(s["output"], ctx, why)});
    }
  }
  if (!why.empty()) throw std::runtime_error(id + ": " + why);
  return out;
}

}  // namespace batt::dsl::testing
