// Writes the small report that tests/report/h5py_example_test.py reads with the h5py/pandas
// example of docs/report-schema.md: three real ARC tasks, two solvers and a differ (each id
// is the MD5 of its canonical text), four results, one stored output grid (the test input
// of 007bbfb7). The Python test asserts exactly these values.
// Usage: write_example_report DIR/report.h5
#include <cstdio>
#include <exception>
#include <filesystem>
#include <vector>

#include "report/report_writer.hpp"

int main(int argc, char** argv) {
  using namespace batt::report;
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s DIR/report.h5\n", argv[0]);
    return 2;
  }
  try {
    const std::filesystem::path path(argv[1]);
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
    ReportWriter w(path.string());
    const std::vector<TaskRow> tasks = {
        {"007bbfb7", "arc-agi-1/training/007bbfb7.json", 5, 1, true},
        {"00d62c1b", "arc-agi-1/training/00d62c1b.json", 5, 1, true},
        {"017c7c7b", "arc-agi-1/training/017c7c7b.json", 3, 1, true},
    };
    const std::vector<CandidateRow> cands = {
        {"48d816d46a130895d98496388c19c1b5", "48d816d46a130895d98496388c19c1b5", 0, 0, true, 129, 9,
         "def solve(S, I, C):\n    return fill(I, FOUR, mfilter(colorfilter(objects(I, T, F, F), "
         "ZERO), compose(flip, rbind(bordering, I))))",
         ""},
        {"62b7225c5ade5df1a9df827f6c342d59", "62b7225c5ade5df1a9df827f6c342d59", 0, 1, true, 66, 3,
         "def solve(S, I, C):\n    return hupscale(vupscale(I, THREE), THREE)", ""},
        {"5264029638676d9f9b0735368561c942", "5264029638676d9f9b0735368561c942", 1, 0, true, 74, 4,
         "def differ(S, I, C):\n    return difference(asindices(I), ofcolor(I, ZERO))", ""},
    };
    std::vector<ResultRow> results(4);
    results[0] = {0, 1, 5, 1, 5, 1, true, Status::Ok, 0, 1, 12.5f, 4821, 1, 0};
    results[1] = {0, 0, 0, 0, 5, 1, false, Status::Mismatch, 0x111111, -1, -1.0f, 900, 1, 0};
    results[2] = {1, 0, 1, 0, 5, 1, false, Status::Mismatch, 0x111110, -1, -1.0f, 75, 2, 1};
    results[3] = {1, 2, 0, 0, 3, 1, false, Status::Error, 0x2222, -1, -1.0f, 12, 2, 1};
    OutputRow grid{0, 0, 5, true, Status::Mismatch, 3, 3, {7, 0, 7, 7, 0, 7, 7, 7, 0}, ""};
    OutputRow text{1, 2, 0, false, Status::Error, 0, 0, {}, "(1, 2)"};
    w.write_tasks(tasks);
    w.write_candidates(cands);
    w.write_differs(std::vector<DifferRow>{{2, "differ_5264"}});
    w.append_results(results);
    w.append_outputs(std::vector<OutputRow>{grid, text});
    w.write_timings(std::vector<TimingRow>{{0, "evaluate", 0.125, 4}});
    w.set_attr("command_line", "batt_mpi run --tasks 3");
    w.finish();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "write_example_report: %s\n", e.what());
    return 1;
  }
  return 0;
}
