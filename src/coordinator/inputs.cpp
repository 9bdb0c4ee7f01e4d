#include "coordinator/inputs.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <set>

#include "coordinator/provenance.hpp"
#include "coordinator/shard.hpp"
#include "report/shard_spec.hpp"

namespace batt::coordinator {

namespace fs = std::filesystem;

namespace {

std::vector<std::string> or_default(const std::vector<std::string>& given, const fs::path& dflt,
                                    bool must_exist) {
  if (!given.empty()) return given;
  if (!must_exist && !fs::exists(dflt)) return {};
  return {dflt.string()};
}

void print_diagnostics(const program::Diagnostics& diags, bool quiet) {
  for (const program::Diagnostic& d : diags.all()) {
    if (!quiet || d.severity == program::Severity::Error) std::cerr << format(d) << '\n';
  }
}

// The tasks --tasks names (all when it names none), sorted by id; empty after an error.
std::vector<const corpus::Task*> select_tasks(const JobOptions& opt, const corpus::TaskSet& ts,
                                              const std::vector<std::string>& task_paths) {
  std::vector<const corpus::Task*> selected;
  if (opt.tasks.empty()) {
    for (const corpus::Task& t : ts.tasks) selected.push_back(&t);
    return selected;
  }
  std::set<std::string> seen;
  for (const std::string& id : opt.tasks) {
    const corpus::Task* t = ts.find(id);
    if (!t) {
      std::cerr << "batt_mpi: --tasks: no task '" << id << "' in " << task_paths.front()
                << (task_paths.size() > 1 ? " ..." : "") << '\n';
      return {};
    }
    if (seen.insert(id).second) selected.push_back(t);
  }
  std::sort(selected.begin(), selected.end(),
            [](const corpus::Task* a, const corpus::Task* b) { return a->id < b->id; });
  return selected;
}

}  // namespace

std::unique_ptr<JobInputs> load_inputs(const JobOptions& opt, Phases& phases) {
  const fs::path root = opt.corpus.empty() ? fs::path(".") : fs::path(opt.corpus);
  if (!opt.corpus.empty() && !fs::is_directory(root)) {
    std::cerr << "batt_mpi: " << opt.corpus << ": not a directory (expected a corpus with tasks/, "
              << "batches/ and differs/)\n";
    return nullptr;
  }
  const auto task_paths = or_default(opt.task_paths, root / "tasks", true);
  const auto batch_paths = or_default(opt.batch_paths, root / "batches", true);
  const auto differ_paths = or_default(opt.differ_paths, root / "differs", false);

  auto in = std::make_unique<JobInputs>();
  program::Diagnostics diags;
  auto t0 = Clock::now();
  in->taskset = corpus::load_tasks(task_paths, diags);
  phases.add("load.tasks", since(t0), static_cast<std::int64_t>(in->taskset.tasks.size()));
  t0 = Clock::now();
  std::vector<std::string> program_paths = batch_paths;
  program_paths.insert(program_paths.end(), differ_paths.begin(), differ_paths.end());
  in->corpus = program::load_corpus(program_paths, diags, opt.front, opt.dialect);
  phases.add("load.corpus", since(t0), static_cast<std::int64_t>(in->corpus.programs));
  print_diagnostics(diags, opt.quiet);

  const std::vector<const corpus::Task*> sweep = select_tasks(opt, in->taskset, task_paths);
  const std::vector<const corpus::Task*> selected =
      shard_tasks(sweep, in->corpus, opt.pairing, opt.shard);
  if (selected.empty()) {
    if (opt.shard.count > 1) {
      std::cerr << "batt_mpi: --shard " << report::to_string(opt.shard)
                << " has no tasks (more shards than selected tasks)\n";
    } else if (opt.tasks.empty()) {
      std::cerr << "batt_mpi: no tasks to evaluate (looked in";
      for (const auto& p : task_paths) std::cerr << ' ' << p;
      std::cerr << ")\n";
    }
    return nullptr;
  }
  in->cv = worker::make_view(in->corpus);
  in->corpus_digest = corpus_digest(sweep, in->cv);
  dsl::EvalCtx ctx(in->arena);
  for (std::size_t i = 0; i < selected.size(); ++i) {
    in->tasks.push_back(
        {selected[i], static_cast<std::int32_t>(i), worker::demo_pairs(*selected[i], ctx)});
  }
  in->differs = worker::select_differs(in->cv);
  return in;
}

}  // namespace batt::coordinator
