#include "coordinator/job.hpp"

#include <spdlog/spdlog.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>

#include <deque>
#include <iostream>
#include <thread>

#include "coordinator/inputs.hpp"
#include "coordinator/phases.hpp"
#include "coordinator/plan.hpp"
#include "coordinator/recorder.hpp"
#include "coordinator/report_session.hpp"
#include "coordinator/stop_signal.hpp"
#include "coordinator/summary.hpp"
#include "coordinator/tables.hpp"
#include "report/report_writer.hpp"

namespace batt::coordinator {

namespace {

// Runs the plan's units on this process's thread pool, a batch at a time, handing each batch
// to the recorder in unit order. Stops early when a stop signal arrives. Returns the number
// of units done.
std::size_t run_units_here(const JobOptions& opt, int threads, JobInputs& in, const Plan& plan,
                           const std::vector<char>& already, Recorder& recorder, Phases& phases,
                           JobSummary& sum) {
  tbb::enumerable_thread_specific<worker::Worker> workers(opt.unit);
  std::deque<worker::LazyDiffTable> diff_tables;  // not movable: built in place
  for (const worker::TaskInput& t : in.tasks) diff_tables.emplace_back(in.differs, t);

  const std::size_t per_batch = opt.batch_units > 0 ? static_cast<std::size_t>(opt.batch_units)
                                                    : static_cast<std::size_t>(threads) * 8;
  std::vector<std::size_t> todo;  // the units a resumed report does not hold yet
  for (std::size_t u = 0; u < plan.units.size(); ++u) {
    if (!already[u]) todo.push_back(u);
  }
  std::size_t done = plan.units.size() - todo.size();
  auto last_progress = Clock::now();
  const auto t0 = Clock::now();
  for (std::size_t first = 0; first < todo.size(); first += per_batch) {
    if (StopSignals::requested() != 0) {
      sum.aborted = true;
      break;
    }
    const std::size_t last = std::min(todo.size(), first + per_batch);
    std::vector<worker::UnitResult> results(last - first);
    tbb::parallel_for(first, last, [&](std::size_t k) {
      const std::size_t u = todo[k];
      const Unit& unit = plan.units[u];
      results[k - first] = workers.local().run(plan.blocks[unit.block], plan.block_info[unit.block],
                                               in.tasks[unit.task], diff_tables[unit.task],
                                               static_cast<std::int32_t>(u));
    });
    recorder.add(results);
    done += last - first;
    if (!opt.quiet && opt.progress_s > 0 && since(last_progress) >= opt.progress_s &&
        last < todo.size()) {
      last_progress = Clock::now();
      const double el = since(t0);
      spdlog::info("{}/{} units, {} evaluations, {:.0f} evaluations/s, about {:.0f} s left", done,
                   plan.units.size(), sum.counters.evaluations,
                   static_cast<double>(sum.counters.evaluations) / std::max(el, 1e-9),
                   el / static_cast<double>(last) * static_cast<double>(todo.size() - last));
    }
  }
  phases.add("evaluate.wall", since(t0), static_cast<std::int64_t>(done));
  return done;
}

}  // namespace

int run_job(const JobOptions& opt, JobSummary* out_summary) {
  StopSignals signals;
  Phases phases;
  JobSummary sum;
  const auto job_t0 = Clock::now();
  const int threads = opt.threads > 0
                          ? opt.threads
                          : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  tbb::global_control parallelism(tbb::global_control::max_allowed_parallelism,
                                  static_cast<std::size_t>(threads));

  const std::unique_ptr<JobInputs> in = load_inputs(opt, phases);
  if (!in) return 2;
  auto t0 = Clock::now();
  const Plan plan = make_plan(in->cv, in->tasks, opt.pairing, opt.block);
  phases.add("plan", since(t0), static_cast<std::int64_t>(plan.units.size()));

  std::vector<char> already(plan.units.size(), 0);
  std::unique_ptr<report::ReportWriter> writer =
      opt.resume ? resume_report(opt, *in, plan, already) : open_report(opt, threads, 1);
  if (!writer) return 2;
  if (!opt.resume) {
    t0 = Clock::now();
    write_lookup_tables(*writer, *in, plan);
    writer->flush();
    phases.add("report.write", since(t0));
  }

  count_inputs(*in, plan, sum);

  Recorder recorder(*writer, phases, sum, in->tasks.size(), opt.flush_s);
  const std::size_t done = run_units_here(opt, threads, *in, plan, already, recorder, phases, sum);
  recorder.count_solved();

  phases.add("total", since(job_t0));
  const std::vector<report::TimingRow> timing = phases.rows();
  close_report(*writer, timing, done, sum.aborted ? StopSignals::requested() : 0, sum);

  if (!opt.quiet) print_summary(sum, timing, std::cout);
  if (out_summary) *out_summary = sum;
  return sum.aborted ? 1 : 0;
}

}  // namespace batt::coordinator
