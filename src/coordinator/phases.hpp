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

class Phases {
 public:
  void add(const std::string& phase, double seconds, std::int64_t count = 1) {
    auto& [s, c] = totals_[phase];
    s += seconds;
    c += count;
  }
  std::vector<report::TimingRow> rows(std::int16_t rank) const {
    std::vector<report::TimingRow> r;
    for (const auto& [phase, sc] : totals_) r.push_back({rank, phase, sc.first, sc.second});
    return r;
  }

 private:
  std::map<std::string, std::pair<double, std::int64_t>> totals_;
};

}  // namespace batt::coordinator
