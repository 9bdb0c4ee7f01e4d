#include "job_cli.hpp"

#include <map>
#include <string>

#include "git_sha.hpp"  // generated at build time (cmake/GitSha.cmake)
#include "report/shard_spec.hpp"

namespace batt::tools {

JobCli::JobCli(CLI::App& app) {
  coordinator::JobOptions& opt = opt_;
  app.allow_config_extras(CLI::config_extras_mode::error);  // a misspelt key is an error
  app.set_config("--config", "",
                 "TOML file of options (keys are the long option names; the command line "
                 "wins). configs/default.toml lists them all at their defaults");
  app.add_option("corpus", opt.corpus,
                 "corpus directory: tasks/ (ARC task files <id>.json, or a Kaggle "
                 "*_challenges.json + *_solutions.json pair), batches/ (solver and batt files) "
                 "and differs/ (differ files, optional)");
  app.add_option("--task-path", opt.task_paths,
                 "task files or directories to load instead of CORPUS/tasks (repeatable)")
      ->group("Input");
  app.add_option("--batches", opt.batch_paths,
                 "batch files or directories to read instead of CORPUS/batches (repeatable)")
      ->group("Input");
  app.add_option("--differs", opt.differ_paths,
                 "differ files or directories to read instead of CORPUS/differs (repeatable)")
      ->group("Input");
  app.add_option("--tasks", opt.tasks,
                 "evaluate only these task ids (comma-separated); default: every loaded task")
      ->delimiter(',')
      ->group("Input");
  app.add_option("--pairing", pairing_,
                 "which tasks a candidate is tried on: origin (the tasks its name or batt "
                 "records name) or cross (every selected task)")
      ->check(CLI::IsMember({"origin", "cross"}))
      ->capture_default_str()
      ->group("Input");
  app.add_option("--dialect", dialect_,
                 "the DSL dialect of the batch files: auto (per file: tokpidjin when it uses a "
                 "name only tokpidjin has, e.g. vmirror_t, o_g, F0, YELLOW; arc-dsl when it uses "
                 "one only arc-dsl has, e.g. vmirror, mostcolor, height; both is an error; "
                 "neither: batt files, *_call.py maps and solve(S, I, C)/differ(S, I, C) "
                 "functions are tokpidjin, other solver files arc-dsl), arc-dsl or tokpidjin "
                 "(every file)")
      ->check(CLI::IsMember({"auto", "arc-dsl", "tokpidjin"}))
      ->capture_default_str()
      ->group("Input");
  app.add_option("--shard", shard_,
                 "evaluate shard i of n (i/n, 0 <= i < n): the selected tasks split into n parts "
                 "of about equal cost, the same split in every job, so n jobs cover the sweep "
                 "once")
      ->check([](const std::string& v) {
        return report::parse_shard(v)
                   ? std::string()
                   : "--shard " + v + ": expected i/n with 0 <= i < n (e.g. 3/16)";
      })
      ->capture_default_str()
      ->group("Input");
  app.add_option("-o,--out", opt.out,
                 "HDF5 report to write; written as OUT.partial and renamed when complete")
      ->capture_default_str()
      ->group("Output");
  app.add_option("--store-outputs", store_outputs_,
                 "output grids to keep in /outputs: none, test (test samples) or all")
      ->check(CLI::IsMember({"none", "test", "all"}))
      ->capture_default_str()
      ->group("Output");
  app.add_option("--outputs-min-demo-hits", opt.unit.outputs_min_demo_hits,
                 "keep outputs only of (candidate, task) pairs with at least this many demo "
                 "hits (0: every pair)")
      ->capture_default_str()
      ->group("Output");
  app.add_option("-j,--threads", opt.threads, "worker threads (0: every hardware thread)")
      ->capture_default_str()
      ->group("Execution");
  app.add_option("--block", opt.block,
                 "candidates evaluated together per work unit (they share one DAG walk per "
                 "sample)")
      ->check(CLI::Range(1, 1 << 20))
      ->capture_default_str()
      ->group("Execution");
  app.add_option("--batch-units", opt.batch_units,
                 "work units evaluated between two appends to the report (0: 8 per thread)")
      ->capture_default_str()
      ->group("Execution");
  app.add_option("--flush-s", opt.flush_s,
                 "flush the report to disk at least this often (seconds); a crash or kill "
                 "loses at most that much work")
      ->capture_default_str()
      ->group("Execution");
  app.add_option("--reissue-after-s", opt.reissue_after_s,
                 "MPI: once every unit is handed out, give an idle worker a copy of a unit "
                 "another worker has held this long (the first result is kept)")
      ->capture_default_str()
      ->group("Execution");
  app.add_option("--progress-s", opt.progress_s, "seconds between progress lines (0: none)")
      ->capture_default_str()
      ->group("Execution");
  app.add_option("--max-steps", opt.unit.limits.max_steps,
                 "work units one evaluation (candidate x sample) may use; more: status timeout")
      ->capture_default_str()
      ->group("Budgets");
  app.add_option("--deadline-ms", deadline_ms_,
                 "wall-clock limit per evaluation step in milliseconds; more: status timeout")
      ->capture_default_str()
      ->group("Budgets");
  app.add_option("--max-items", opt.unit.limits.max_items,
                 "largest value (elements or cells); bigger: status resource")
      ->capture_default_str()
      ->group("Budgets");
  app.add_option("--max-depth", opt.unit.limits.max_depth, "deepest nesting of closure calls")
      ->capture_default_str()
      ->group("Budgets");
  app.add_option("--arena-mb", arena_mb_,
                 "memory per thread for the values of one block on one sample (MiB); more: "
                 "status resource")
      ->capture_default_str()
      ->group("Budgets");
  app.add_option("--validate-runs", opt.unit.validate_runs,
                 "timed runs per sample when validating a candidate's canonical text (median "
                 "is kept; 0: no validation)")
      ->capture_default_str()
      ->group("Validation");
  app.add_option("--validate-min-hits", opt.unit.validate_min_hits,
                 "validate (candidate, task) pairs with at least this many demo+test hits")
      ->capture_default_str()
      ->group("Validation");
  app.add_option("--max-canonical-bytes", opt.front.max_canonical_bytes,
                 "largest inlined text to print and hash; bigger candidates are identified by "
                 "the MD5 of their structure and not evaluated")
      ->capture_default_str()
      ->group("Input");
  app.add_option("--max-file-bytes", opt.front.max_file_bytes, "largest batch file to read")
      ->capture_default_str()
      ->group("Input");
  app.add_flag("--resume", opt.resume,
               "continue OUT.partial (left by a stopped or killed run of the same job): keep "
               "its rows and evaluate only the work units it does not hold")
      ->group("Output");
  app.add_flag("--print-config", print_config_,
               "print the resolved options in the --config file format and exit")
      ->configurable(false)
      ->group("Output");
  app.add_flag("-q,--quiet", opt.quiet, "print errors only: no warnings, progress or summary")
      ->group("Output");
}

coordinator::JobOptions JobCli::options(const CLI::App& app, int argc, char** argv) const {
  coordinator::JobOptions opt = opt_;
  opt.unit.limits.deadline =
      std::chrono::nanoseconds(static_cast<std::int64_t>(deadline_ms_ * 1e6));
  opt.unit.arena_bytes = arena_mb_ << 20;
  opt.pairing = pairing_ == "cross" ? coordinator::Pairing::Cross : coordinator::Pairing::Origin;
  program::parse_dialect_choice(dialect_, opt.dialect);  // checked when parsed
  opt.unit.store_outputs = store_outputs_ == "none"  ? worker::StoreOutputs::None
                           : store_outputs_ == "all" ? worker::StoreOutputs::All
                                                     : worker::StoreOutputs::Test;
  opt.shard = report::parse_shard(shard_).value_or(opt.shard);  // checked when parsed
  opt.command_line.clear();
  for (int i = 0; i < argc; ++i) {
    if (i) opt.command_line += ' ';
    opt.command_line += argv[i];
  }
  opt.config_text = app.config_to_str(true, false);
  opt.git_sha = BATT_GIT_SHA;
  opt.git_dirty = BATT_GIT_DIRTY != 0;
  return opt;
}

}  // namespace batt::tools
