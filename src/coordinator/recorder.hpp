#pragma once
// Rank 0's side of the results: takes finished work units, in unit order, appends their rows
// to the report, keeps the totals of the summary and the per-phase timings, and flushes the
// report at least every `flush_s` seconds (what a crash can lose). Whoever ran the units (the
// thread pool of this process, or MPI workers) hands them over here.
#include <cstdint>
#include <vector>

#include "coordinator/job.hpp"
#include "coordinator/phases.hpp"
#include "report/report_writer.hpp"
#include "worker/unit.hpp"

namespace batt::coordinator {

class Recorder {
 public:
  Recorder(report::ReportWriter& writer, Phases& phases, JobSummary& sum, std::size_t tasks,
           double flush_s);

  // Appends a batch of finished units (in unit order).
  void add(std::vector<worker::UnitResult>& batch);

  // Sets the summary's count of solved tasks (call once, at the end).
  void count_solved();

 private:
  report::ReportWriter& writer_;
  Phases& phases_;
  JobSummary& sum_;
  std::vector<std::int32_t> solving_;  // solving pairs per task
  double flush_s_;
  Clock::time_point last_flush_ = Clock::now();
};

}  // namespace batt::coordinator
