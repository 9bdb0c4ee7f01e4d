// batt_mpi: evaluates batches of ARC-DSL candidate programs against ARC tasks.
// This file only parses the command line and calls the library.
//
//   batt_mpi CORPUS [options]   the main job: evaluate, score, diff, validate, HDF5 report
// Subcommands:
//   selfcheck   replay the golden vectors of the reference DSL and report per primitive
//   inspect     parse batch files, slice, canonicalise, dedup; one JSON line per candidate
//   prims       list the registered primitives with arity and result kind
#include <CLI/CLI.hpp>
#include <boost/mpi/communicator.hpp>
#include <boost/mpi/environment.hpp>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "coordinator/job.hpp"
#include "coordinator/mpi_job.hpp"
#include "dsl/golden.hpp"
#include "dsl/registry.hpp"
#include "job_cli.hpp"
#include "program/candidates.hpp"
#include "program/dialect.hpp"
#include "program/inspect.hpp"

namespace {

int run_selfcheck(const std::string& golden, const std::string& dialect, bool verbose) {
  using namespace batt::dsl;
  GoldenOptions opt;
  // auto: the dialect the file was recorded from, by its name (golden/README.md).
  const bool tok = dialect == "tokpidjin" ||
                   (dialect == "auto" && golden.find("tokpidjin") != std::string::npos);
  opt.dialect = tok ? Dialect::Tokpidjin : Dialect::ArcDsl;
  const GoldenReport r = replay_golden(golden, opt);
  std::printf("%-14s %8s %8s %8s\n", "primitive", "checked", "passed", "ord-sens");
  std::size_t failing = 0;
  for (const auto& [name, s] : r.by_prim) {
    const bool ok = s.passed == s.checked;
    failing += ok ? 0 : 1;
    if (verbose || !ok) {
      std::printf("%-14s %8zu %8zu %8zu%s\n", name.c_str(), s.checked, s.passed, s.order_sensitive,
                  ok ? "" : "  FAIL");
    }
    for (const auto& f : s.failures) {
      std::printf("    line %zu: %s(%s)\n      want %s\n      got  %s\n", f.line, name.c_str(),
                  f.args.c_str(), f.want.c_str(), f.got.c_str());
    }
  }
  for (const auto& p : r.problems) std::printf("problem: %s\n", p.c_str());
  std::size_t covered = 0;
  std::size_t registered = 0;
  for (const PrimInfo& p : all_prims()) {
    if (p.dialect != opt.dialect) continue;
    ++registered;
    covered += r.by_prim.count(std::string(p.name));
  }
  std::printf(
      "\nselfcheck: %zu lines, %zu checked, %zu passed, %zu primitives failing, %zu problems; "
      "%zu of %zu registered primitives covered by vectors\n",
      r.lines, r.checked(), r.passed(), failing, r.problems.size(), covered, registered);
  return (failing == 0 && r.problems.empty()) ? 0 : 1;
}

int run_inspect(const std::vector<std::string>& paths, const batt::program::Limits& limits,
                const std::string& dialect, bool quiet) {
  using namespace batt::program;
  Diagnostics diags;
  DialectChoice choice = DialectChoice::Auto;
  parse_dialect_choice(dialect, choice);  // checked by CLI11
  const Corpus corpus = load_corpus(paths, diags, limits, choice);
  write_inspect(corpus, std::cout);
  std::size_t warnings = 0;
  for (const Diagnostic& d : diags.all()) {
    warnings += d.severity == Severity::Warning;
    if (!quiet || d.severity == Severity::Error) std::cerr << format(d) << '\n';
  }
  std::size_t evaluable = 0;
  for (const Candidate& c : corpus.candidates) evaluable += c.evaluable();
  const double ratio = corpus.programs
                           ? 100.0 * (1.0 - static_cast<double>(corpus.candidates.size()) /
                                                static_cast<double>(corpus.programs))
                           : 0.0;
  std::fprintf(stderr,
               "inspect: %zu files (%zu rejected), %zu candidates, %zu unique (%.1f%% "
               "duplicates), %zu evaluable; %zu errors, %zu warnings\n",
               corpus.files, corpus.files_rejected, corpus.programs, corpus.candidates.size(),
               ratio, evaluable, diags.errors(), warnings);
  return diags.errors() == 0 ? 0 : 1;
}

// Whether an MPI launcher started this process (Open MPI's mpirun, or a PMI/PMIx launcher
// such as srun): only then is MPI initialised, so a plain `batt_mpi corpus/` never needs it.
bool launched_by_mpi() {
  for (const char* v : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_SIZE"}) {
    if (std::getenv(v)) return true;
  }
  return false;
}

int run_prims() {
  for (const auto& p : batt::dsl::all_prims()) {
    std::printf("%-10s %-18s arity %u\n", batt::program::dialect_name(p.dialect),
                std::string(p.name).c_str(), p.arity);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "batt_mpi " BATT_VERSION
      ": evaluate batches of ARC-DSL candidate programs against ARC tasks.\n\n"
      "  batt_mpi CORPUS [options]      evaluate every unique candidate of CORPUS/batches\n"
      "                                 on the tasks of CORPUS/tasks, write an HDF5 report\n"
      "  batt_mpi SUBCOMMAND ...        selfcheck, inspect, prims (see SUBCOMMAND --help)"};
  app.require_subcommand(0, 1);
  const batt::tools::JobCli job(app);

  std::string golden = BATT_DEFAULT_GOLDEN;
  bool verbose = false;
  auto* selfcheck = app.add_subcommand(
      "selfcheck",
      "Replay the golden vectors of the reference Python DSL through the C++ DSL "
      "and report, per primitive, how many results match exactly");
  selfcheck->add_option("--golden", golden, "golden vector file (JSON lines)")
      ->check(CLI::ExistingFile)
      ->capture_default_str();
  std::string golden_dialect = "auto";
  selfcheck
      ->add_option("--dialect", golden_dialect,
                   "the dialect the file was recorded from: arc-dsl, tokpidjin, or auto (tokpidjin "
                   "when the file name says so)")
      ->check(CLI::IsMember({"auto", "arc-dsl", "tokpidjin"}))
      ->capture_default_str();
  selfcheck->add_flag("-v,--verbose", verbose, "list every primitive, not only failing ones");

  std::vector<std::string> paths;
  batt::program::Limits limits;
  bool quiet = false;
  auto* inspect = app.add_subcommand(
      "inspect",
      "Parse batch files (arc-dsl/tokpidjin solver files, tokpidjin batt files and their "
      "*_call.py maps), cut every candidate out of its file, and print one JSON object per line "
      "for each unique candidate: id, md5, kind, canonical and expanded text, origins. "
      "Diagnostics (file:line:col: error: ...) go to stderr. Exit status 1 if any file had "
      "errors (the other files are still read).");
  inspect->add_option("paths", paths, "files or directories (searched recursively for *.py)")
      ->required();
  inspect
      ->add_option("--max-canonical-bytes", limits.max_canonical_bytes,
                   "largest inlined text to print and hash; bigger candidates are identified by "
                   "the MD5 of their expanded form")
      ->capture_default_str();
  inspect->add_option("--max-file-bytes", limits.max_file_bytes, "largest file to read")
      ->capture_default_str();
  std::string dialect = "auto";
  inspect
      ->add_option("--dialect", dialect,
                   "auto (each file by the names it uses, as the job does: see batt_mpi --help), "
                   "arc-dsl or tokpidjin (every file)")
      ->check(CLI::IsMember({"auto", "arc-dsl", "tokpidjin"}))
      ->capture_default_str();
  inspect->add_flag("-q,--quiet", quiet, "print errors only, not warnings");

  auto* prims = app.add_subcommand("prims", "List the registered DSL primitives");

  CLI11_PARSE(app, argc, argv);
  try {
    if (*selfcheck) return run_selfcheck(golden, golden_dialect, verbose);
    if (*inspect) return run_inspect(paths, limits, dialect, quiet);
    if (*prims) return run_prims();
    const batt::coordinator::JobOptions opt = job.options(app, argc, argv);
    if (job.print_config()) {
      std::fputs(opt.config_text.c_str(), stdout);
      return 0;
    }
    if (opt.corpus.empty() && opt.task_paths.empty()) {
      std::fprintf(stderr,
                   "batt_mpi: give a corpus directory (or --task-path and --batches); "
                   "see batt_mpi --help\n");
      return 2;
    }
    // Under mpirun (or srun) with more than one rank: 1 coordinator + n-1 workers. Alone, or
    // as the only rank, everything runs in this process, on a thread pool.
    if (launched_by_mpi()) {
      boost::mpi::environment env(argc, argv);
      boost::mpi::communicator world;
      if (world.size() > 1) return batt::coordinator::run_mpi_job(opt, world);
    }
    return batt::coordinator::run_job(opt);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "batt_mpi: error: %s\n", e.what());
    return 2;
  }
}
