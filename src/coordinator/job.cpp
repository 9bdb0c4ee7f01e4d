#include "coordinator/job.hpp"

#include <spdlog/spdlog.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <map>
#include <set>
#include <stdexcept>
#include <thread>

#include "coordinator/plan.hpp"
#include "coordinator/summary.hpp"
#include "coordinator/tables.hpp"
#include "corpus/tasks.hpp"
#include "program/canonical.hpp"
#include "report/report_writer.hpp"

namespace batt::coordinator {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

// Set by SIGINT/SIGTERM/SIGUSR1 (Slurm preemption): finish the current batch, flush, stop.
std::atomic<int> g_stop{0};
extern "C" void on_stop_signal(int sig) {
  g_stop.store(sig);
}

class SignalGuard {
 public:
  SignalGuard() {
    g_stop.store(0);
    for (int s : {SIGINT, SIGTERM, SIGUSR1}) old_[s] = std::signal(s, on_stop_signal);
  }
  ~SignalGuard() {
    for (auto& [s, h] : old_) std::signal(s, h);
  }
  SignalGuard(const SignalGuard&) = delete;
  SignalGuard& operator=(const SignalGuard&) = delete;

 private:
  std::map<int, void (*)(int)> old_;
};

// Seconds and counts per phase: the report's /timings and the printed "Timing summary".
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

double since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

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

// Prints diagnostics (errors always, warnings unless quiet); returns the number of errors.
std::size_t print_diagnostics(const program::Diagnostics& diags, bool quiet) {
  for (const program::Diagnostic& d : diags.all()) {
    if (!quiet || d.severity == program::Severity::Error) std::cerr << format(d) << '\n';
  }
  return diags.errors();
}

std::vector<std::string> or_default(const std::vector<std::string>& given, const fs::path& dflt,
                                    bool must_exist) {
  if (!given.empty()) return given;
  if (!must_exist && !fs::exists(dflt)) return {};
  return {dflt.string()};
}

}  // namespace

int run_job(const JobOptions& opt, JobSummary* out_summary) {
  SignalGuard signals;
  Phases phases;
  JobSummary sum;
  const auto job_t0 = Clock::now();
  const fs::path root = opt.corpus.empty() ? fs::path(".") : fs::path(opt.corpus);
  if (!opt.corpus.empty() && !fs::is_directory(root)) {
    std::cerr << "batt_mpi: " << opt.corpus << ": not a directory (expected a corpus with tasks/, "
              << "batches/ and differs/)\n";
    return 2;
  }
  const auto task_paths = or_default(opt.task_paths, root / "tasks", true);
  const auto batch_paths = or_default(opt.batch_paths, root / "batches", true);
  const auto differ_paths = or_default(opt.differ_paths, root / "differs", false);

  const int threads = opt.threads > 0
                          ? opt.threads
                          : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  tbb::global_control parallelism(tbb::global_control::max_allowed_parallelism,
                                  static_cast<std::size_t>(threads));

  // ---- load -------------------------------------------------------------------------------
  program::Diagnostics diags;
  auto t0 = Clock::now();
  corpus::TaskSet taskset = corpus::load_tasks(task_paths, diags);
  phases.add("load.tasks", since(t0), static_cast<std::int64_t>(taskset.tasks.size()));
  t0 = Clock::now();
  std::vector<std::string> program_paths = batch_paths;
  program_paths.insert(program_paths.end(), differ_paths.begin(), differ_paths.end());
  const program::Corpus corpus = program::load_corpus(program_paths, diags, opt.front);
  phases.add("load.corpus", since(t0), static_cast<std::int64_t>(corpus.programs));
  print_diagnostics(diags, opt.quiet);

  // ---- select tasks and plan --------------------------------------------------------------
  std::vector<const corpus::Task*> selected;
  if (opt.tasks.empty()) {
    for (const corpus::Task& t : taskset.tasks) selected.push_back(&t);
  } else {
    std::set<std::string> seen;
    for (const std::string& id : opt.tasks) {
      const corpus::Task* t = taskset.find(id);
      if (!t) {
        std::cerr << "batt_mpi: --tasks: no task '" << id << "' in " << task_paths.front()
                  << (task_paths.size() > 1 ? " ..." : "") << '\n';
        return 2;
      }
      if (seen.insert(id).second) selected.push_back(t);
    }
    std::sort(selected.begin(), selected.end(),
              [](const corpus::Task* a, const corpus::Task* b) { return a->id < b->id; });
  }
  if (selected.empty()) {
    std::cerr << "batt_mpi: no tasks to evaluate (looked in";
    for (const auto& p : task_paths) std::cerr << ' ' << p;
    std::cerr << ")\n";
    return 2;
  }

  std::unique_ptr<report::ReportWriter> writer;
  try {
    // -o runs/today/report.h5 makes runs/today/ (as mkdir -p would).
    if (const fs::path dir = fs::path(opt.out).parent_path(); !dir.empty()) {
      fs::create_directories(dir);
    }
    writer = std::make_unique<report::ReportWriter>(opt.out);
  } catch (const std::exception& e) {
    std::cerr << "batt_mpi: cannot write the report " << opt.out << ": " << e.what() << '\n';
    return 2;
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

  t0 = Clock::now();
  worker::CorpusView cv{&corpus, {}};
  for (const program::Candidate& c : corpus.candidates) cv.modes.push_back(worker::mode_of(c));
  dsl::Arena job_arena(std::size_t{1} << 32);
  dsl::EvalCtx job_ctx(job_arena);
  std::vector<worker::TaskInput> inputs;
  for (std::size_t i = 0; i < selected.size(); ++i) {
    inputs.push_back(
        {selected[i], static_cast<std::int32_t>(i), worker::demo_pairs(*selected[i], job_ctx)});
  }
  const worker::Differs differs = worker::select_differs(cv);
  const Plan plan = make_plan(cv, inputs, opt.pairing, opt.block);
  phases.add("plan", since(t0), static_cast<std::int64_t>(plan.units.size()));

  t0 = Clock::now();
  writer->write_tasks(task_rows(inputs));
  writer->write_candidates(candidate_rows(cv));
  writer->write_origins(origin_rows(corpus));
  std::vector<report::DifferRow> differ_rows;
  for (std::size_t d = 0; d < differs.cands.size(); ++d) {
    differ_rows.push_back({differs.cands[d], differs.names[d]});
  }
  writer->write_differs(differ_rows);
  writer->append_results(plan.skipped);
  writer->set_attr("n_tasks", static_cast<std::int64_t>(inputs.size()));
  writer->set_attr("n_candidates_unique", static_cast<std::int64_t>(corpus.candidates.size()));
  writer->set_attr("n_programs", static_cast<std::int64_t>(corpus.programs));
  writer->set_attr("dedup_ratio", corpus.candidates.empty()
                                      ? 1.0
                                      : static_cast<double>(corpus.programs) /
                                            static_cast<double>(corpus.candidates.size()));
  writer->flush();
  phases.add("report.write", since(t0));

  sum.tasks = inputs.size();
  sum.candidates = corpus.candidates.size();
  sum.programs = corpus.programs;
  sum.differs = differs.cands.size();
  sum.units = plan.units.size();
  sum.skipped = plan.skipped_candidates;
  for (const program::Candidate& c : corpus.candidates) {
    sum.solver_candidates += c.kind == program::ProgramKind::Solver;
  }

  // ---- evaluate ---------------------------------------------------------------------------
  tbb::enumerable_thread_specific<worker::Worker> workers(opt.unit);
  std::deque<worker::LazyDiffTable> diff_tables;  // not movable: built in place
  for (const worker::TaskInput& t : inputs) diff_tables.emplace_back(differs, t);

  std::vector<std::int32_t> solving(inputs.size(), 0);
  const std::size_t per_batch = opt.batch_units > 0 ? static_cast<std::size_t>(opt.batch_units)
                                                    : static_cast<std::size_t>(threads) * 8;
  auto last_progress = Clock::now();
  auto last_flush = Clock::now();
  const auto eval_t0 = Clock::now();
  std::size_t done = 0;
  for (std::size_t first = 0; first < plan.units.size(); first += per_batch) {
    if (g_stop.load() != 0) {
      sum.aborted = true;
      break;
    }
    const std::size_t last = std::min(plan.units.size(), first + per_batch);
    std::vector<worker::UnitResult> results(last - first);
    tbb::parallel_for(first, last, [&](std::size_t u) {
      const Unit& unit = plan.units[u];
      results[u - first] = workers.local().run(
          cv, plan.blocks[unit.block], plan.block_cands[unit.block], inputs[unit.task],
          diff_tables[unit.task], static_cast<std::int32_t>(u));
    });
    const auto w0 = Clock::now();
    std::vector<report::ResultRow> result_rows;
    std::vector<report::DiffRow> diff_rows;
    std::vector<report::OutputRow> output_rows;
    for (worker::UnitResult& r : results) {
      result_rows.insert(result_rows.end(), r.results.begin(), r.results.end());
      diff_rows.insert(diff_rows.end(), r.diffs.begin(), r.diffs.end());
      std::move(r.outputs.begin(), r.outputs.end(), std::back_inserter(output_rows));
      const worker::UnitCounters& c = r.counters;
      sum.counters.demo_outputs += c.demo_outputs;
      sum.counters.demo_matches += c.demo_matches;
      sum.counters.diff_calls += c.diff_calls;
      sum.counters.evaluations += c.evaluations;
      sum.counters.validations += c.validations;
      phases.add("evaluate", c.eval_s, static_cast<std::int64_t>(c.evaluations));
      phases.add("diff", c.diff_s, static_cast<std::int64_t>(c.diff_calls));
      phases.add("validate", c.validate_s, static_cast<std::int64_t>(c.validations));
      for (const report::ResultRow& row : r.results) {
        sum.pairs += 1;
        if (row.solved) {
          ++solving[static_cast<std::size_t>(row.task)];
          ++sum.solving_pairs;
        }
        sum.invalid += row.valid == 0;
      }
    }
    writer->append_results(result_rows);
    writer->append_diffs(diff_rows);
    writer->append_outputs(output_rows);
    // Flushing costs milliseconds; bound what a crash can lose by time instead of per batch.
    if (since(last_flush) >= opt.flush_s) {
      writer->flush();
      last_flush = Clock::now();
    }
    phases.add("report.write", since(w0));
    done = last;
    if (opt.progress_s > 0 && since(last_progress) >= opt.progress_s && done < plan.units.size()) {
      last_progress = Clock::now();
      const double el = since(eval_t0);
      spdlog::info("{}/{} units, {} evaluations, {:.0f} evaluations/s, about {:.0f} s left", done,
                   plan.units.size(), sum.counters.evaluations,
                   static_cast<double>(sum.counters.evaluations) / std::max(el, 1e-9),
                   el / static_cast<double>(done) * static_cast<double>(plan.units.size() - done));
    }
  }
  phases.add("evaluate.wall", since(eval_t0), static_cast<std::int64_t>(done));
  for (const worker::LazyDiffTable& d : diff_tables) {
    if (const worker::DiffTable* t = d.computed()) sum.differ_evaluations += t->evaluations;
  }
  for (std::int32_t s : solving) sum.solved_tasks += s > 0;

  // ---- finish -----------------------------------------------------------------------------
  phases.add("total", since(job_t0));
  const std::vector<report::TimingRow> timing = phases.rows(0);
  writer->write_timings(timing);
  writer->set_attr("units_done", static_cast<std::int64_t>(done));
  writer->set_attr("end_time_utc", utc_now());
  if (sum.aborted) {
    writer->set_attr("stopped_by_signal", std::int64_t{g_stop.load()});
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
