#include "coordinator/summary.hpp"

#include <algorithm>
#include <cstdio>

namespace batt::coordinator {

namespace {

std::string fmt(const char* f, auto... args) {
  char buf[512];
  std::snprintf(buf, sizeof buf, f, args...);
  return buf;
}

}  // namespace

void print_summary(const JobSummary& s, const std::vector<report::TimingRow>& timings,
                   std::ostream& out) {
  const double ratio =
      s.candidates ? static_cast<double>(s.programs) / static_cast<double>(s.candidates) : 1.0;
  out << fmt("tasks: %zu\n", s.tasks);
  out << fmt(
      "candidates: %zu programs, %zu unique (dedup ratio %.2f): %zu solvers (%zu not "
      "evaluable), %zu differs\n",
      s.programs, s.candidates, ratio, s.solver_candidates, s.skipped, s.differs);
  out << fmt("evaluated: %zu (candidate, task) pairs in %zu units, %llu evaluations\n", s.pairs,
             s.units, static_cast<unsigned long long>(s.counters.evaluations));
  out << fmt("solved: %zu of %zu tasks (%zu solving pairs)\n", s.solved_tasks, s.tasks,
             s.solving_pairs);
  const auto& c = s.counters;
  out << fmt(
      "-- Demo scoring: %llu outputs, %llu matches, %llu diff calls (%llu differ "
      "evaluations)\n",
      static_cast<unsigned long long>(c.demo_outputs),
      static_cast<unsigned long long>(c.demo_matches),
      static_cast<unsigned long long>(c.diff_calls),
      static_cast<unsigned long long>(s.differ_evaluations));
  out << fmt("-- Validation: %llu pairs re-run from their canonical text, %zu differed\n",
             static_cast<unsigned long long>(c.validations), s.invalid);
  std::vector<report::TimingRow> sorted = timings;
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.seconds > b.seconds; });
  out << "\nTiming summary (seconds):\n";
  for (const report::TimingRow& t : sorted) {
    const std::string key =
        t.rank == 0 ? t.phase : t.phase + " (rank " + std::to_string(t.rank) + ")";
    out << fmt("  %-32s %8.3f %10lld\n", key.c_str(), t.seconds, static_cast<long long>(t.count));
  }
  out << (s.aborted ? "stopped by a signal; partial report: " : "report: ") << s.report_path
      << '\n';
}

}  // namespace batt::coordinator
