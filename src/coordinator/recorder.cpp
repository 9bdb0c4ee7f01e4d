#include "coordinator/recorder.hpp"

#include <iterator>

namespace batt::coordinator {

Recorder::Recorder(report::ReportWriter& writer, Phases& phases, JobSummary& sum, std::size_t tasks,
                   double flush_s)
    : writer_(writer), phases_(phases), sum_(sum), solving_(tasks, 0), flush_s_(flush_s) {}

void Recorder::add(std::vector<worker::UnitResult>& batch) {
  const auto t0 = Clock::now();
  std::vector<report::ResultRow> results;
  std::vector<report::DiffRow> diffs;
  std::vector<report::OutputRow> outputs;
  for (worker::UnitResult& r : batch) {
    results.insert(results.end(), r.results.begin(), r.results.end());
    diffs.insert(diffs.end(), r.diffs.begin(), r.diffs.end());
    std::move(r.outputs.begin(), r.outputs.end(), std::back_inserter(outputs));
    const worker::UnitCounters& c = r.counters;
    sum_.counters.demo_outputs += c.demo_outputs;
    sum_.counters.demo_matches += c.demo_matches;
    sum_.counters.diff_calls += c.diff_calls;
    sum_.counters.evaluations += c.evaluations;
    sum_.counters.validations += c.validations;
    sum_.differ_evaluations += c.differ_evaluations;
    const std::int16_t rank = r.results.empty() ? 0 : r.results.front().rank;
    phases_.add("evaluate", c.eval_s, static_cast<std::int64_t>(c.evaluations), rank);
    phases_.add("diff", c.diff_s, static_cast<std::int64_t>(c.diff_calls), rank);
    phases_.add("validate", c.validate_s, static_cast<std::int64_t>(c.validations), rank);
    for (const report::ResultRow& row : r.results) {
      ++sum_.pairs;
      if (row.solved) {
        ++solving_[static_cast<std::size_t>(row.task)];
        ++sum_.solving_pairs;
      }
      sum_.invalid += row.valid == 0;
    }
  }
  writer_.append_results(results);
  writer_.append_diffs(diffs);
  writer_.append_outputs(outputs);
  // Flushing costs milliseconds: bound what a crash can lose by time, not per batch.
  if (since(last_flush_) >= flush_s_) {
    writer_.flush();
    last_flush_ = Clock::now();
  }
  phases_.add("report.append", since(t0));
}

void Recorder::count_solved() {
  sum_.solved_tasks = 0;
  for (const std::int32_t s : solving_) sum_.solved_tasks += s > 0;
}

}  // namespace batt::coordinator
