#pragma once
// Seconds and counts per phase of a run: the report's /timings and the printed "Timing
// summary" (tokpidjin-pipeline.md §9, but every key accumulates over the whole run).
#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "report/rows.hpp"

namespace batt::coordinator {

using Clock = std::chrono::steady_clock;

inline double since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

// Keyed by (rank, phase): in an MPI job the workers' phases (evaluate, diff, validate) are
// credited to the rank that ran them.
class Phases {
 public:
  void add(const std::string& phase, double seconds, std::int64_t count = 1,
           std::int16_t rank = 0) {
    auto& [s, c] = totals_[{rank, phase}];
    s += seconds;
    c += count;
  }
  std::vector<report::TimingRow> rows() const {
    std::vector<report::TimingRow> r;
    for (const auto& [key, sc] : totals_) r.push_back({key.first, key.second, sc.first, sc.second});
    return r;
  }

 private:
  std::map<std::pair<std::int16_t, std::string>, std::pair<double, std::int64_t>> totals_;
};

}  // namespace batt::coordinator
