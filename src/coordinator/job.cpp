#include "coordinator/job.hpp"

#include <spdlog/spdlog.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>
#include <unistd.h>

#include <ctime>
#include <deque>
#include <filesystem>
#include <iostream>
#include <thread>

#include "coordinator/inputs.hpp"
#include "coordinator/phases.hpp"
#include "coordinator/plan.hpp"
#include "coordinator/recorder.hpp"
#include "coordinator/stop_signal.hpp"
#include "coordinator/summary.hpp"
#include "coordinator/tables.hpp"
#include "report/report_writer.hpp"

namespace batt::coordinator {

namespace fs = std::filesystem;

namespace {

std::string utc_now() {
  const std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

std::string host_name() {
  char buf[256] = {};
  return gethostname(buf, sizeof buf - 1) == 0 ? buf : "";
}

// Creates OUT.partial (and OUT's directory, as mkdir -p) with the provenance attributes;
// nullptr, with the reason on stderr, when it cannot.
std::unique_ptr<report::ReportWriter> open_report(const JobOptions& opt, int threads) {
  std::unique_ptr<report::ReportWriter> writer;
  try {
    if (const fs::path dir = fs::path(opt.out).parent_path(); !dir.empty()) {
      fs::create_directories(dir);
    }
    writer = std::make_unique<report::ReportWriter>(opt.out);
  } catch (const std::exception& e) {
    std::cerr << "batt_mpi: cannot write the report " << opt.out << ": " << e.what() << '\n';
    return nullptr;
  }
  writer->set_attr("command_line", opt.command_line);
  writer->set_attr("config", opt.config_text);
  writer->set_attr("git_sha", opt.git_sha);
  writer->set_attr("git_dirty", std::int64_t{opt.git_dirty ? 1 : 0});
  writer->set_attr("hostname", host_name());
  writer->set_attr("gpus", "none (CPU workers)");
  writer->set_attr("mpi_world_size", std::int64_t{1});
  writer->set_attr("threads", std::int64_t{threads});
  writer->set_attr("pairing", opt.pairing == Pairing::Cross ? "cross" : "origin");
  return writer;
}

// Runs the plan's units on this process's thread pool, a batch at a time, handing each batch
// to the recorder in unit order. Stops early when a stop signal arrives. Returns the number
// of units done.
std::size_t run_units_here(const JobOptions& opt, int threads, JobInputs& in, const Plan& plan,
                           Recorder& recorder, Phases& phases, JobSummary& sum) {
  tbb::enumerable_thread_specific<worker::Worker> workers(opt.unit);
  std::deque<worker::LazyDiffTable> diff_tables;  // not movable: built in place
  for (const worker::TaskInput& t : in.tasks) diff_tables.emplace_back(in.differs, t);

  const std::size_t per_batch = opt.batch_units > 0 ? static_cast<std::size_t>(opt.batch_units)
                                                    : static_cast<std::size_t>(threads) * 8;
  auto last_progress = Clock::now();
  const auto t0 = Clock::now();
  std::size_t done = 0;
  for (std::size_t first = 0; first < plan.units.size(); first += per_batch) {
    if (StopSignals::requested() != 0) {
      sum.aborted = true;
      break;
    }
    const std::size_t last = std::min(plan.units.size(), first + per_batch);
    std::vector<worker::UnitResult> results(last - first);
    tbb::parallel_for(first, last, [&](std::size_t u) {
      const Unit& unit = plan.units[u];
      results[u - first] = workers.local().run(plan.blocks[unit.block], plan.block_info[unit.block],
                                               in.tasks[unit.task], diff_tables[unit.task],
                                               static_cast<std::int32_t>(u));
    });
    recorder.add(results);
    done = last;
    if (opt.progress_s > 0 && since(last_progress) >= opt.progress_s && done < plan.units.size()) {
      last_progress = Clock::now();
      const double el = since(t0);
      spdlog::info("{}/{} units, {} evaluations, {:.0f} evaluations/s, about {:.0f} s left", done,
                   plan.units.size(), sum.counters.evaluations,
                   static_cast<double>(sum.counters.evaluations) / std::max(el, 1e-9),
                   el / static_cast<double>(done) * static_cast<double>(plan.units.size() - done));
    }
  }
  phases.add("evaluate.wall", since(t0), static_cast<std::int64_t>(done));
  for (const worker::LazyDiffTable& d : diff_tables) {
    if (const worker::DiffTable* t = d.computed()) sum.differ_evaluations += t->evaluations;
  }
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

  std::unique_ptr<report::ReportWriter> writer = open_report(opt, threads);
  if (!writer) return 2;
  t0 = Clock::now();
  write_lookup_tables(*writer, *in, plan);
  writer->flush();
  phases.add("report.write", since(t0));

  sum.tasks = in->tasks.size();
  sum.candidates = in->corpus.candidates.size();
  sum.programs = in->corpus.programs;
  sum.differs = in->differs.cands.size();
  sum.units = plan.units.size();
  sum.skipped = plan.skipped_candidates;
  for (const program::Candidate& c : in->corpus.candidates) {
    sum.solver_candidates += c.kind == program::ProgramKind::Solver;
  }

  Recorder recorder(*writer, phases, sum, in->tasks.size(), opt.flush_s);
  const std::size_t done = run_units_here(opt, threads, *in, plan, recorder, phases, sum);
  recorder.count_solved();

  phases.add("total", since(job_t0));
  const std::vector<report::TimingRow> timing = phases.rows(0);
  writer->write_timings(timing);
  writer->set_attr("units_done", static_cast<std::int64_t>(done));
  writer->set_attr("end_time_utc", utc_now());
  if (sum.aborted) {
    writer->set_attr("stopped_by_signal", std::int64_t{StopSignals::requested()});
    writer->flush();
    sum.report_path = writer->partial_path();
    writer.reset();  // leaves the .partial with status "aborted"
  } else {
    sum.report_path = writer->finish();
  }

  if (!opt.quiet) print_summary(sum, timing, std::cout);
  if (out_summary) *out_summary = sum;
  return sum.aborted ? 1 : 0;
}

}  // namespace batt::coordinator
