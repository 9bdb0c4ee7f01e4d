// batt_report: works on the HDF5 reports batt_mpi writes. This file only parses the command
// line and calls the library (report/merge.hpp, report/report_reader.hpp).
//
//   batt_report merge OUT SHARD...   the shard reports of one sweep -> the single-run report
//   batt_report compare A B          exit 0 when the reports hold the same rows, 1 otherwise
//   batt_report summary REPORT       status, provenance, table sizes, results by status
#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "report/merge.hpp"
#include "report/report_reader.hpp"
#include "report_summary.hpp"

namespace {

int run_merge(const std::string& out, const std::vector<std::string>& shards, bool allow_partial) {
  const batt::report::MergeSummary s =
      batt::report::merge_reports(shards, out, {.allow_partial = allow_partial});
  std::printf(
      "merged %zu of %zu shards: %zu tasks, %zu units, %zu results, %zu diffs, %zu outputs\n"
      "report: %s\n",
      s.shards, s.shard_count, s.tasks, s.units, s.results, s.diffs, s.outputs, out.c_str());
  return 0;
}

int run_compare(const std::string& a, const std::string& b, bool strict,
                const std::vector<std::string>& extra_ignore) {
  std::vector<std::string> names = extra_ignore;
  if (!strict) {
    // Never reproducible between two runs: wall-clock times and who evaluated what.
    names.insert(names.end(), {"timings", "results.time_us", "results.rank"});
  }
  const std::vector<std::string_view> ignore(names.begin(), names.end());
  const std::vector<std::string> diffs = batt::report::compare_reports(a, b, ignore);
  for (const std::string& d : diffs) std::printf("%s\n", d.c_str());
  if (diffs.empty()) {
    std::printf("same: %s and %s\n", a.c_str(), b.c_str());
    return 0;
  }
  std::printf("differ: %zu difference(s) between a=%s and b=%s\n", diffs.size(), a.c_str(),
              b.c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"batt_report " BATT_VERSION
               ": merge, compare and summarise the HDF5 reports of batt_mpi "
               "(docs/report-schema.md)"};
  app.require_subcommand(1);

  std::string out;
  std::vector<std::string> shards;
  bool allow_partial = false;
  auto* merge = app.add_subcommand(
      "merge",
      "Combine the shard reports of one sweep (batt_mpi --shard i/n, one per job of a Slurm "
      "array) into the report one run of the whole sweep writes: same tables, same rows, same "
      "order. Refuses (exit 2, naming the file and the attribute) reports of another corpus or "
      "options (corpus_digest, config_digest), of another split, a shard given twice or "
      "missing, and unfinished shards (a .partial, status other than complete).");
  merge->add_option("out", out, "the merged report to write (via OUT.partial)")->required();
  merge->add_option("shards", shards, "the shard reports (any order)")->required();
  merge->add_flag("--allow-partial", allow_partial,
                  "merge a subset of the shards (a shard given twice is still refused); the "
                  "report's shard attribute then lists the ones it holds, e.g. 0,2/3");

  std::string a, b;
  bool strict = false;
  std::vector<std::string> ignore;
  auto* compare = app.add_subcommand(
      "compare",
      "Compare two reports table by table, column by column, row by row; print each "
      "difference (the first differing row of a column) and exit 1 if there is any, 0 if "
      "none. Root attributes (times, hosts, command line) are not compared; neither are, "
      "unless --strict, the timings, results.time_us and results.rank, which differ between "
      "any two runs.");
  compare->add_option("a", a, "a report")->required()->check(CLI::ExistingFile);
  compare->add_option("b", b, "another report")->required()->check(CLI::ExistingFile);
  compare->add_flag("--strict", strict, "compare timings, results.time_us and results.rank too");
  compare->add_option("--ignore", ignore,
                      "a table (diffs) or table.column (results.valid) to skip (repeatable)");

  std::string report;
  auto* summary = app.add_subcommand(
      "summary",
      "Print a report's status and provenance (shard, digests, times, hosts), the rows of "
      "each table, the results by status and the tasks solved. Reads .partial files too.");
  summary->add_option("report", report, "a report")->required()->check(CLI::ExistingFile);

  CLI11_PARSE(app, argc, argv);
  try {
    if (*merge) return run_merge(out, shards, allow_partial);
    if (*compare) return run_compare(a, b, strict, ignore);
    if (*summary) {
      batt::tools::print_report_summary(report, std::cout);
      return 0;
    }
  } catch (const batt::report::MergeError& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "batt_report: error: %s\n", e.what());
    return 2;
  }
  return 2;
}
