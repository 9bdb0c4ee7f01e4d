// batt_mpi: evaluates batches of ARC-DSL candidate programs against ARC tasks.
// This file only parses the command line and calls the library.
//
// Subcommands available now:
//   selfcheck   replay the golden vectors of the reference DSL and report per primitive
//   prims       list the registered primitives with arity and result kind
#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>
#include <string>

#include "dsl/golden.hpp"
#include "dsl/registry.hpp"

namespace {

int run_selfcheck(const std::string& golden, bool verbose) {
  using namespace batt::dsl;
  const GoldenReport r = replay_golden(golden);
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
  for (const PrimInfo& p : all_prims()) covered += r.by_prim.count(std::string(p.name));
  std::printf(
      "\nselfcheck: %zu lines, %zu checked, %zu passed, %zu primitives failing, %zu problems; "
      "%zu of %zu registered primitives covered by vectors\n",
      r.lines, r.checked(), r.passed(), failing, r.problems.size(), covered, all_prims().size());
  return (failing == 0 && r.problems.empty()) ? 0 : 1;
}

int run_prims() {
  for (const auto& p : batt::dsl::all_prims()) {
    std::printf("%-14s arity %u\n", std::string(p.name).c_str(), p.arity);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"batt_mpi " BATT_VERSION
               ": evaluate batches of ARC-DSL candidate programs against ARC tasks"};
  app.require_subcommand(1);

  std::string golden = BATT_DEFAULT_GOLDEN;
  bool verbose = false;
  auto* selfcheck = app.add_subcommand(
      "selfcheck",
      "Replay the golden vectors of the reference Python DSL through the C++ DSL "
      "and report, per primitive, how many results match exactly");
  selfcheck->add_option("--golden", golden, "golden vector file (JSON lines)")
      ->check(CLI::ExistingFile)
      ->capture_default_str();
  selfcheck->add_flag("-v,--verbose", verbose, "list every primitive, not only failing ones");

  auto* prims = app.add_subcommand("prims", "List the registered DSL primitives");

  CLI11_PARSE(app, argc, argv);
  try {
    if (*selfcheck) return run_selfcheck(golden, verbose);
    if (*prims) return run_prims();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "batt_mpi: error: %s\n", e.what());
    return 2;
  }
  return 0;
}
