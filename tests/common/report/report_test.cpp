// The HDF5 report: every column written by ReportWriter reads back through ReportReader with
// its value and type; the .partial / rename / aborted / crashed life cycle; compare_reports;
// errors that name the file. Task rows and the stored output grid come from the real ARC
// tasks in ../shared/arc, the candidate from the README's example (its MD5 is the MD5 of its
// canonical text).
#include <gtest/gtest.h>
#include <hdf5.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>
#include <vector>

#include "report/report_reader.hpp"
#include "report/report_writer.hpp"
#include "support/arc_data.hpp"

namespace batt::report {
namespace {

namespace fs = std::filesystem;
using dsl::testing::load_arc_task;

// A fresh directory per test (ctest runs the cases in parallel).
std::string temp_dir() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  const fs::path dir =
      fs::path(::testing::TempDir()) /
      ("batt_report_" + std::string(info->name()) + "_" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir.string();
}

// 4 bits per sample, sample k at bits 4k..4k+3 (rows.hpp).
std::uint64_t status_bits(std::initializer_list<Status> per_sample) {
  std::uint64_t bits = 0;
  int k = 0;
  for (Status s : per_sample) bits |= static_cast<std::uint64_t>(s) << (4 * k++);
  return bits;
}

std::vector<std::int8_t> arc_cells(const nlohmann::json& grid) {
  std::vector<std::int8_t> cells;
  for (const auto& row : grid) {
    for (const auto& v : row) cells.push_back(static_cast<std::int8_t>(v.get<int>()));
  }
  return cells;
}

const char* kCanonical =
    "def solve(S, I, C):\n    return fill(I, FOUR, mfilter(colorfilter(objects(I, T, F, F), "
    "ZERO), compose(flip, rbind(bordering, I))))";

struct Rows {
  std::vector<TaskRow> tasks;
  std::vector<CandidateRow> candidates;
  std::vector<OriginRow> origins;
  std::vector<DifferRow> differs;
  std::vector<UnitRow> units;
  std::vector<ResultRow> results;
  std::vector<DiffRow> diffs;
  std::vector<OutputRow> outputs;
  std::vector<TimingRow> timings;
};

Rows sample_rows() {
  Rows r;
  for (const char* id : {"007bbfb7", "00d62c1b", "017c7c7b"}) {
    const nlohmann::json t = load_arc_task("arc-agi-1/training", id);
    r.tasks.push_back({id, "arc-agi-1/training/" + std::string(id) + ".json",
                       static_cast<std::int16_t>(t["train"].size()),
                       static_cast<std::int16_t>(t["test"].size()), true});
  }
  r.tasks[2].test_outputs = false;  // as for a Kaggle test task
  r.candidates = {
      {"48d816d46a130895d98496388c19c1b5", "48d816d46a130895d98496388c19c1b5", 0, 0, true, 129, 11,
       kCanonical,
       "from dsl import *\nfrom constants import *\n\ndef solve(S, I, C):\n    x1 = objects(I, T, "
       "F, F)\n    O = fill(I, FOUR, x1)\n    return O\n"},
      // Over the canonical cap: identified by its structure MD5, no texts.
      {"0f343b0931126a20f133d67c2b018a3b", "", 0, 1, false, 3000000000ULL, 4000000000U, "", ""},
      {"c59eb873aed0ed2b5da8d4d0a1a3e1e5", "c59eb873aed0ed2b5da8d4d0a1a3e1e5", 1, 1, true, 57, 5,
       "def differ(S, I, C):\n    return difference(I, C)  # ≠ Größe", "é", 1},
  };
  r.origins = {
      {0, "solvers.py", 11, "solve_00d62c1b", "00d62c1b", -1, ""},
      {0, "batches/b_273.py", 407, "t60", "00d62c1b", 1, ""},
      {1, "batches/b_273.py", 9120, "t61", "", 0, ""},
      {2, "differs.py", 3, "differ", "None", -1, "differ_c59e"},
  };
  r.differs = {{2, "differ_c59eb873"}};
  r.units = {{1, 2, 3456.0}, {0, 1, 0.5}};
  using S = Status;
  r.results = {
      {0, 1, 5, 1, 5, 1, true, S::Ok, status_bits({S::Ok, S::Ok, S::Ok, S::Ok, S::Ok, S::Ok}), 1,
       12.5f, 4821, 0, 0},
      {0, 0, 0, 0, 5, 1, false, S::Mismatch,
       status_bits({S::Mismatch, S::Mismatch, S::Ok, S::Mismatch, S::Mismatch, S::Mismatch}), -1,
       -1.0f, 1ULL << 40, 1, 0},
      {1, 2, 0, 0, 3, 1, false, S::Skipped, 0, -1, -1.0f, 0, 1, 3},
      {0, 2, 2, 0, 3, 1, false, S::Timeout, status_bits({S::Ok, S::Ok, S::Timeout, S::Error}), 0,
       1234.25f, std::numeric_limits<std::uint64_t>::max(), 2, 7},
  };
  r.diffs = {{0, 0, 0, 3, 2, 5}, {0, 2, 0, 1, 0, 3}};
  const nlohmann::json t = load_arc_task("arc-agi-1/training", "007bbfb7");
  const nlohmann::json& out = t["test"][0]["output"];
  r.outputs = {
      {0, 0, 5, true, S::Ok, static_cast<std::int16_t>(out.size()),
       static_cast<std::int16_t>(out[0].size()), arc_cells(out), ""},
      {0, 2, 1, false, S::Error, 0, 0, {}, "(1, 2)"},
      {1, 0, 0, false, S::Mismatch, 1, 3, {0, 9, 4}, ""},
  };
  r.timings = {
      {0, "load", 0.25, 1}, {1, "evaluate", 3.5e-3, 1200}, {2, "evaluate", 7.0, 9000000000}};
  return r;
}

void write_all(ReportWriter& w, const Rows& r) {
  w.write_tasks(r.tasks);
  w.write_candidates(r.candidates);
  w.write_origins(r.origins);
  w.write_differs(r.differs);
  w.write_units(r.units);
  // Two batches, so the appends meet across calls.
  w.append_results(std::span(r.results).first(1));
  w.append_results(std::span(r.results).subspan(1));
  w.append_diffs(r.diffs);
  w.append_outputs(std::span(r.outputs).first(1));
  w.append_outputs(std::span(r.outputs).subspan(1));
  w.write_timings(r.timings);
}

template <class Row, class F>
auto column(const std::vector<Row>& rows, F f) {
  std::vector<decltype(f(rows[0]))> out;
  for (const Row& r : rows) out.push_back(f(r));
  return out;
}

template <class Row, class F>
std::vector<std::int64_t> ints(const std::vector<Row>& rows, F f) {
  std::vector<std::int64_t> out;
  for (const Row& r : rows) out.push_back(static_cast<std::int64_t>(f(r)));
  return out;
}

// The columns of each table, from the fields of rows.hpp (outputs: cells -> cell_offset).
const std::vector<std::pair<std::string, std::vector<std::string>>> kSchema = {
    {"tasks", {"id", "source", "n_demo", "n_test", "test_outputs"}},
    {"candidates",
     {"id", "md5", "kind", "mode", "dialect", "evaluable", "canonical_bytes", "nodes", "canonical",
      "expanded"}},
    {"origins", {"cand", "file", "line", "record", "task", "mutated", "differ"}},
    {"differs", {"cand", "name"}},
    {"units", {"task", "cands", "cost"}},
    {"results",
     {"cand", "task", "demo_hits", "test_hits", "n_demo", "n_test", "solved", "status",
      "status_bits", "valid", "time_us", "steps", "rank", "unit"}},
    {"diffs", {"cand", "task", "differ", "iz", "zo", "samples"}},
    {"outputs",
     {"cand", "task", "sample", "is_test", "status", "rows", "cols", "cell_offset", "text"}},
    {"timings", {"rank", "phase", "seconds", "count"}},
};

std::vector<std::string> table_names() {
  std::vector<std::string> names;
  for (const auto& [t, cols] : kSchema) names.push_back(t);
  names.push_back("output_cells");
  return names;
}

TEST(Report, StatusNames) {
  EXPECT_STREQ(status_name(Status::Ok), "ok");
  EXPECT_STREQ(status_name(Status::Mismatch), "mismatch");
  EXPECT_STREQ(status_name(Status::Error), "error");
  EXPECT_STREQ(status_name(Status::Timeout), "timeout");
  EXPECT_STREQ(status_name(Status::Resource), "resource");
  EXPECT_STREQ(status_name(Status::Skipped), "skipped");
}

TEST(Report, EveryColumnReadsBack) {
  const std::string path = temp_dir() + "/report.h5";
  const Rows r = sample_rows();
  {
    ReportWriter w(path, ReportOptions{2, 4});  // 2-row chunks: batches cross chunk borders
    write_all(w, r);
    w.set_attr("git_sha", "bee755a");
    w.set_attr("mpi_world_size", std::int64_t{3});
    w.set_attr("dedup_ratio", 0.765);
    w.set_attr("hostname", "node01");
    w.set_attr("hostname", std::int64_t{7});  // replaced, with another type
    EXPECT_EQ(w.finish(), path);
  }
  ReportReader rd(path);
  EXPECT_EQ(rd.tables(), table_names());
  for (const auto& [t, cols] : kSchema) EXPECT_EQ(rd.columns(t), cols) << t;
  EXPECT_EQ(rd.columns("output_cells"), std::vector<std::string>{"output_cells"});

  // The ARC files say 007bbfb7 has 5 demo samples and 1 test sample, 017c7c7b 3 and 1.
  EXPECT_EQ(rd.rows("tasks"), 3u);
  EXPECT_EQ(rd.read_string("tasks", "id"),
            (std::vector<std::string>{"007bbfb7", "00d62c1b", "017c7c7b"}));
  EXPECT_EQ(rd.read_string("tasks", "source")[1], "arc-agi-1/training/00d62c1b.json");
  EXPECT_EQ(rd.read_int64("tasks", "n_demo"), (std::vector<std::int64_t>{5, 5, 3}));
  EXPECT_EQ(rd.read_int64("tasks", "n_test"), (std::vector<std::int64_t>{1, 1, 1}));
  EXPECT_EQ(rd.read_int64("tasks", "test_outputs"), (std::vector<std::int64_t>{1, 1, 0}));

  const auto& c = r.candidates;
  EXPECT_EQ(rd.read_string("candidates", "id"), column(c, [](auto& x) { return x.id; }));
  EXPECT_EQ(rd.read_string("candidates", "md5"), column(c, [](auto& x) { return x.md5; }));
  EXPECT_EQ(rd.read_int64("candidates", "kind"), (std::vector<std::int64_t>{0, 0, 1}));
  EXPECT_EQ(rd.read_int64("candidates", "mode"), (std::vector<std::int64_t>{0, 1, 1}));
  EXPECT_EQ(rd.read_int64("candidates", "dialect"), (std::vector<std::int64_t>{0, 0, 1}));
  EXPECT_EQ(rd.read_int64("candidates", "evaluable"), (std::vector<std::int64_t>{1, 0, 1}));
  EXPECT_EQ(rd.read_int64("candidates", "canonical_bytes"),
            (std::vector<std::int64_t>{129, 3000000000LL, 57}));
  EXPECT_EQ(rd.read_int64("candidates", "nodes"), (std::vector<std::int64_t>{11, 4000000000LL, 5}));
  EXPECT_EQ(rd.read_string("candidates", "canonical"),
            column(c, [](auto& x) { return x.canonical; }));
  EXPECT_EQ(rd.read_string("candidates", "expanded"),
            column(c, [](auto& x) { return x.expanded; }));
  EXPECT_EQ(rd.read_string("candidates", "canonical")[0].size(), 129u);

  const auto& o = r.origins;
  EXPECT_EQ(rd.read_int64("origins", "cand"), (std::vector<std::int64_t>{0, 0, 1, 2}));
  EXPECT_EQ(rd.read_string("origins", "file"), column(o, [](auto& x) { return x.file; }));
  EXPECT_EQ(rd.read_int64("origins", "line"), (std::vector<std::int64_t>{11, 407, 9120, 3}));
  EXPECT_EQ(rd.read_string("origins", "record"), column(o, [](auto& x) { return x.record; }));
  EXPECT_EQ(rd.read_string("origins", "task"),
            (std::vector<std::string>{"00d62c1b", "00d62c1b", "", "None"}));
  EXPECT_EQ(rd.read_int64("origins", "mutated"), (std::vector<std::int64_t>{-1, 1, 0, -1}));
  EXPECT_EQ(rd.read_string("origins", "differ"),
            (std::vector<std::string>{"", "", "", "differ_c59e"}));

  EXPECT_EQ(rd.read_int64("differs", "cand"), std::vector<std::int64_t>{2});
  EXPECT_EQ(rd.read_string("differs", "name"), std::vector<std::string>{"differ_c59eb873"});

  EXPECT_EQ(rd.read_int64("units", "task"), (std::vector<std::int64_t>{1, 0}));
  EXPECT_EQ(rd.read_int64("units", "cands"), (std::vector<std::int64_t>{2, 1}));
  EXPECT_EQ(rd.read_double("units", "cost"), (std::vector<double>{3456.0, 0.5}));

  const auto& res = r.results;
  EXPECT_EQ(rd.rows("results"), 4u);
  EXPECT_EQ(rd.read_int64("results", "cand"), (std::vector<std::int64_t>{0, 0, 1, 0}));
  EXPECT_EQ(rd.read_int64("results", "task"), (std::vector<std::int64_t>{1, 0, 2, 2}));
  EXPECT_EQ(rd.read_int64("results", "demo_hits"), (std::vector<std::int64_t>{5, 0, 0, 2}));
  EXPECT_EQ(rd.read_int64("results", "test_hits"), (std::vector<std::int64_t>{1, 0, 0, 0}));
  EXPECT_EQ(rd.read_int64("results", "n_demo"), (std::vector<std::int64_t>{5, 5, 3, 3}));
  EXPECT_EQ(rd.read_int64("results", "n_test"), (std::vector<std::int64_t>{1, 1, 1, 1}));
  EXPECT_EQ(rd.read_int64("results", "solved"), (std::vector<std::int64_t>{1, 0, 0, 0}));
  EXPECT_EQ(rd.read_int64("results", "status"), (std::vector<std::int64_t>{0, 1, 5, 3}));
  // Sample k at bits 4k..4k+3, worked by hand: mismatch (1) everywhere but sample 2 (ok), and
  // ok, ok, timeout (3), error (2).
  EXPECT_EQ(rd.read_int64("results", "status_bits"),
            (std::vector<std::int64_t>{0, 0x111011, 0, 0x2300}));
  EXPECT_EQ(rd.read_int64("results", "valid"), (std::vector<std::int64_t>{1, -1, -1, 0}));
  EXPECT_EQ(rd.read_double("results", "time_us"), (std::vector<double>{12.5, -1, -1, 1234.25}));
  EXPECT_EQ(rd.kind("results", "time_us"), ReportReader::Kind::Float);
  // uint64 columns: exact, the maximum as its bit pattern (-1) through read_int64, exact in
  // text through read_string.
  EXPECT_EQ(rd.read_int64("results", "steps"),
            (std::vector<std::int64_t>{4821, std::int64_t{1} << 40, 0, -1}));
  EXPECT_EQ(rd.read_string("results", "steps")[3], "18446744073709551615");
  EXPECT_EQ(rd.read_string("results", "time_us")[3], "1234.25");
  EXPECT_EQ(rd.read_int64("results", "rank"), (std::vector<std::int64_t>{0, 1, 1, 2}));
  EXPECT_EQ(rd.read_int64("results", "unit"), (std::vector<std::int64_t>{0, 0, 3, 7}));
  EXPECT_EQ(rd.read_int64("results", "steps").size(), res.size());
  EXPECT_EQ(rd.column_attr("results", "status", "codes"), std::string(kStatusCodes));
  EXPECT_EQ(rd.column_attr("outputs", "status", "codes"),
            "0 ok,1 mismatch,2 error,3 timeout,4 resource,5 skipped");
  EXPECT_EQ(rd.column_attr("results", "task", "codes"), std::nullopt);

  EXPECT_EQ(rd.read_int64("diffs", "cand"), (std::vector<std::int64_t>{0, 0}));
  EXPECT_EQ(rd.read_int64("diffs", "task"), (std::vector<std::int64_t>{0, 2}));
  EXPECT_EQ(rd.read_int64("diffs", "differ"), (std::vector<std::int64_t>{0, 0}));
  EXPECT_EQ(rd.read_int64("diffs", "iz"), (std::vector<std::int64_t>{3, 1}));
  EXPECT_EQ(rd.read_int64("diffs", "zo"), (std::vector<std::int64_t>{2, 0}));
  EXPECT_EQ(rd.read_int64("diffs", "samples"), (std::vector<std::int64_t>{5, 3}));

  // Outputs: the 9x9 test output of 007bbfb7 (81 cells), a non-grid, a 1x3 grid.
  EXPECT_EQ(rd.read_int64("outputs", "cand"), (std::vector<std::int64_t>{0, 0, 1}));
  EXPECT_EQ(rd.read_int64("outputs", "task"), (std::vector<std::int64_t>{0, 2, 0}));
  EXPECT_EQ(rd.read_int64("outputs", "sample"), (std::vector<std::int64_t>{5, 1, 0}));
  EXPECT_EQ(rd.read_int64("outputs", "is_test"), (std::vector<std::int64_t>{1, 0, 0}));
  EXPECT_EQ(rd.read_int64("outputs", "status"), (std::vector<std::int64_t>{0, 2, 1}));
  EXPECT_EQ(rd.read_int64("outputs", "rows"), (std::vector<std::int64_t>{9, 0, 1}));
  EXPECT_EQ(rd.read_int64("outputs", "cols"), (std::vector<std::int64_t>{9, 0, 3}));
  EXPECT_EQ(rd.read_int64("outputs", "cell_offset"), (std::vector<std::int64_t>{0, 81, 81}));
  EXPECT_EQ(rd.read_string("outputs", "text"), (std::vector<std::string>{"", "(1, 2)", ""}));
  const std::vector<std::int64_t> cells = rd.read_int64("output_cells", "output_cells");
  ASSERT_EQ(cells.size(), 84u);
  const nlohmann::json grid = load_arc_task("arc-agi-1/training", "007bbfb7")["test"][0]["output"];
  for (std::size_t i = 0; i < 81; ++i) {
    EXPECT_EQ(cells[i], grid[i / 9][i % 9].get<int>()) << "cell " << i;
  }
  EXPECT_EQ(std::vector<std::int64_t>(cells.begin() + 81, cells.end()),
            (std::vector<std::int64_t>{0, 9, 4}));

  EXPECT_EQ(rd.read_int64("timings", "rank"), (std::vector<std::int64_t>{0, 1, 2}));
  EXPECT_EQ(rd.read_string("timings", "phase"),
            (std::vector<std::string>{"load", "evaluate", "evaluate"}));
  EXPECT_EQ(rd.read_double("timings", "seconds"), (std::vector<double>{0.25, 3.5e-3, 7.0}));
  EXPECT_EQ(rd.read_int64("timings", "count"), (std::vector<std::int64_t>{1, 1200, 9000000000}));

  // Root attributes.
  EXPECT_EQ(rd.attr_int("schema_version"), kSchemaVersion);
  EXPECT_EQ(rd.attr_string("status"), "complete");
  // Shapes, every digit written as 9 (std::regex trips GCC 12's -Wmaybe-uninitialized).
  const auto shape = [](std::string s) {
    for (char& ch : s) ch = (ch >= '0' && ch <= '9') ? '9' : ch;
    return s;
  };
  EXPECT_EQ(shape(*rd.attr_string("batt_version")), "9.9.9");
  const std::string start = *rd.attr_string("start_time_utc"),
                    end = *rd.attr_string("end_time_utc");
  EXPECT_EQ(shape(start), "9999-99-99T99:99:99Z") << start;
  EXPECT_EQ(shape(end), "9999-99-99T99:99:99Z") << end;
  EXPECT_LE(start, end);
  EXPECT_EQ(rd.attr_string("git_sha"), "bee755a");
  EXPECT_EQ(rd.attr_int("mpi_world_size"), 3);
  EXPECT_EQ(rd.attr_double("mpi_world_size"), 3.0);
  EXPECT_EQ(rd.attr_double("dedup_ratio"), 0.765);
  EXPECT_EQ(rd.attr_int("hostname"), 7);
  EXPECT_EQ(rd.attr_string("no_such_attribute"), std::nullopt);
  EXPECT_THROW(rd.attr_int("git_sha"), std::runtime_error);
  EXPECT_THROW(rd.attr_string("mpi_world_size"), std::runtime_error);
}

TEST(Report, ManyRowsAcrossDefaultChunks) {
  const std::string path = temp_dir() + "/report.h5";
  constexpr int kRows = 40000;  // more than two 16384-row chunks, in uneven batches
  {
    ReportWriter w(path);
    std::vector<ResultRow> batch;
    for (int i = 0; i < kRows; ++i) {
      ResultRow r;
      r.cand = i;
      r.task = i % 400;
      r.steps = static_cast<std::uint64_t>(i) * 3;
      r.time_us = static_cast<float>(i) / 4;
      batch.push_back(r);
      if (batch.size() == 9999 || i == kRows - 1) {
        w.append_results(batch);
        w.flush();
        batch.clear();
      }
    }
    w.finish();
  }
  ReportReader rd(path);
  ASSERT_EQ(rd.rows("results"), static_cast<std::size_t>(kRows));
  const auto cand = rd.read_int64("results", "cand"), task = rd.read_int64("results", "task");
  const auto steps = rd.read_int64("results", "steps");
  const auto time = rd.read_double("results", "time_us");
  for (int i = 0; i < kRows; ++i) {
    ASSERT_EQ(cand[i], i);
    ASSERT_EQ(task[i], i % 400);
    ASSERT_EQ(steps[i], 3 * i);
    ASSERT_EQ(time[i], i / 4.0);
  }
}

TEST(Report, EmptyTablesExistWithEveryColumn) {
  const std::string path = temp_dir() + "/report.h5";
  {
    ReportWriter w(path);
    w.write_tasks({});
    w.append_results({});
    w.append_outputs({});
    w.finish();
  }
  ReportReader rd(path);
  EXPECT_EQ(rd.tables(), table_names());
  for (const auto& [t, cols] : kSchema) {
    EXPECT_EQ(rd.columns(t), cols);
    for (const std::string& c : cols) EXPECT_EQ(rd.rows(t, c), 0u) << t << "." << c;
    EXPECT_EQ(rd.rows(t), 0u);
  }
  EXPECT_EQ(rd.rows("output_cells"), 0u);
  EXPECT_TRUE(rd.read_string("candidates", "md5").empty());
  EXPECT_EQ(rd.kind("candidates", "md5"), ReportReader::Kind::String);
  EXPECT_EQ(rd.kind("tasks", "n_demo"), ReportReader::Kind::Int);
}

TEST(Report, WrittenAsPartialThenRenamed) {
  const std::string dir = temp_dir(), path = dir + "/report.h5";
  { std::ofstream(path + ".partial") << "an old partial file that is not HDF5"; }
  ReportWriter w(path);
  EXPECT_EQ(w.partial_path(), path + ".partial");
  w.write_tasks(sample_rows().tasks);
  w.flush();
  EXPECT_TRUE(fs::exists(path + ".partial"));
  EXPECT_FALSE(fs::exists(path));
  EXPECT_EQ(w.finish(), path);
  EXPECT_TRUE(fs::exists(path));
  EXPECT_FALSE(fs::exists(path + ".partial"));
  EXPECT_EQ(ReportReader(path).rows("tasks"), 3u);
  EXPECT_THROW(w.append_results(sample_rows().results), std::logic_error);
  EXPECT_THROW(w.flush(), std::logic_error);
  EXPECT_THROW(w.finish(), std::logic_error);
}

TEST(Report, AbortedWriterLeavesReadablePartial) {
  const std::string path = temp_dir() + "/report.h5";
  {
    ReportWriter w(path);
    write_all(w, sample_rows());
    ReportReader running(w.partial_path());  // readable while running (after the first flush)
    EXPECT_EQ(running.attr_string("status"), "running");
  }  // destroyed without finish()
  EXPECT_FALSE(fs::exists(path));
  ReportReader rd(path + ".partial");
  EXPECT_EQ(rd.attr_string("status"), "aborted");
  EXPECT_TRUE(rd.attr_string("end_time_utc").has_value());
  EXPECT_EQ(rd.rows("results"), 4u);
  EXPECT_EQ(rd.rows("output_cells"), 84u);
}

TEST(Report, CrashAfterFlushKeepsFlushedRows) {
  const std::string path = temp_dir() + "/report.h5";
  const Rows r = sample_rows();
  const pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    const rlimit no_core{0, 0};
    setrlimit(RLIMIT_CORE, &no_core);
    ReportWriter w(path);
    write_all(w, r);
    w.flush();
    std::abort();  // no destructor, no H5Fclose
  }
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFSIGNALED(status));
  EXPECT_EQ(WTERMSIG(status), SIGABRT);
  ReportReader rd(path + ".partial");
  EXPECT_EQ(rd.attr_string("status"), "running");
  EXPECT_EQ(rd.read_string("tasks", "id"),
            (std::vector<std::string>{"007bbfb7", "00d62c1b", "017c7c7b"}));
  EXPECT_EQ(rd.read_int64("results", "demo_hits"), (std::vector<std::int64_t>{5, 0, 0, 2}));
  EXPECT_EQ(rd.read_string("candidates", "canonical")[0], kCanonical);
  EXPECT_EQ(rd.read_int64("outputs", "cell_offset"), (std::vector<std::int64_t>{0, 81, 81}));
  EXPECT_EQ(rd.rows("output_cells"), 84u);
}

// Writes the sample report with `edit` applied to its rows.
template <class F>
std::string write_variant(const std::string& path, F edit) {
  Rows r = sample_rows();
  edit(r);
  ReportWriter w(path);
  write_all(w, r);
  return w.finish();
}

TEST(Report, CompareFindsChangesAndSkipsIgnored) {
  const std::string dir = temp_dir();
  const std::string a = write_variant(dir + "/a.h5", [](Rows&) {});
  const std::string same = write_variant(dir + "/same.h5", [](Rows&) {});
  EXPECT_TRUE(compare_reports(a, same).empty());  // start times may differ: not compared

  // Another rank layout and other times: equal once those columns are ignored.
  const std::string ranks = write_variant(dir + "/ranks.h5", [](Rows& r) {
    for (ResultRow& x : r.results) {
      x.rank = static_cast<std::int16_t>(x.rank + 1);
      x.time_us += 1;
    }
    r.timings.push_back({3, "evaluate", 1.0, 5});
  });
  const std::string_view ignore[] = {"results.rank", "results.time_us", "timings"};
  EXPECT_TRUE(compare_reports(a, ranks, ignore).empty());
  EXPECT_EQ(
      compare_reports(a, ranks),
      (std::vector<std::string>{
          "results.time_us: row 0 differs: a 12.5, b 13.5", "results.rank: row 0 differs: a 0, b 1",
          "timings.rank: 3 rows in a, 4 in b", "timings.phase: 3 rows in a, 4 in b",
          "timings.seconds: 3 rows in a, 4 in b", "timings.count: 3 rows in a, 4 in b"}));

  // One changed value in each kind of column, and a changed output cell.
  const std::string changed = write_variant(dir + "/changed.h5", [](Rows& r) {
    r.results[2].demo_hits = 1;
    r.tasks[1].source = "arc-agi-1/evaluation/00d62c1b.json";
    r.timings[1].seconds = 0.5;
    r.outputs[0].cells[80] = 3;
  });
  EXPECT_EQ(compare_reports(a, changed, ignore),
            (std::vector<std::string>{
                "tasks.source: row 1 differs: a 'arc-agi-1/training/00d62c1b.json', b "
                "'arc-agi-1/evaluation/00d62c1b.json'",
                "results.demo_hits: row 2 differs: a 0, b 1",
                "output_cells.output_cells: row 80 differs: a 0, b 3"}));
  EXPECT_EQ(compare_reports(a, changed).size(), 4u);  // + timings.seconds

  // A table missing from one file (removed with the raw C API).
  const std::string missing = write_variant(dir + "/missing.h5", [](Rows&) {});
  const hid_t f = H5Fopen(missing.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
  ASSERT_GE(f, 0);
  ASSERT_GE(H5Ldelete(f, "/diffs", H5P_DEFAULT), 0);
  ASSERT_GE(H5Ldelete(f, "/results/unit", H5P_DEFAULT), 0);
  ASSERT_GE(H5Fclose(f), 0);
  EXPECT_EQ(compare_reports(a, missing),
            (std::vector<std::string>{"results.unit: only in a", "table diffs: only in a"}));
  EXPECT_EQ(compare_reports(missing, a),
            (std::vector<std::string>{"results.unit: only in b", "table diffs: only in b"}));
  const std::string_view skip_missing[] = {"diffs", "results.unit"};
  EXPECT_TRUE(compare_reports(a, missing, skip_missing).empty());
}

TEST(Report, ErrorsNameTheFile) {
  const std::string dir = temp_dir();
  const std::string bad = dir + "/no_such_dir/report.h5";
  try {
    ReportWriter w(bad);
    FAIL() << "created a report in a missing directory";
  } catch (const std::runtime_error& e) {
    const std::string msg = e.what();
    EXPECT_NE(msg.find(bad + ".partial"), std::string::npos) << msg;
    EXPECT_NE(msg.find("No such file or directory"), std::string::npos) << msg;
  }
  try {
    ReportReader r(dir + "/absent.h5");
    FAIL() << "opened a missing file";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(dir + "/absent.h5"), std::string::npos) << e.what();
  }
  const std::string text = dir + "/text.h5";
  std::ofstream(text) << "not an HDF5 file\n";
  EXPECT_THROW(ReportReader{text}, std::runtime_error);

  const std::string path = dir + "/report.h5";
  ReportWriter w(path);
  // Rows the schema cannot hold are refused before anything is written.
  std::vector<CandidateRow> long_id(1);
  long_id[0].id = std::string(33, 'a');
  EXPECT_THROW(w.write_candidates(long_id), std::invalid_argument);
  std::vector<OutputRow> bad_grid(1);
  bad_grid[0].rows = 2;
  bad_grid[0].cols = 2;
  bad_grid[0].cells = {1, 2, 3};
  EXPECT_THROW(w.append_outputs(bad_grid), std::invalid_argument);
  w.finish();
  ReportReader rd(path);
  EXPECT_EQ(rd.rows("candidates"), 0u);
  EXPECT_EQ(rd.rows("outputs"), 0u);
  EXPECT_EQ(rd.rows("output_cells"), 0u);
  try {
    (void)rd.read_int64("results", "nope");
    FAIL();
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("results.nope"), std::string::npos) << e.what();
  }
  try {
    (void)rd.read_int64("tasks", "id");
    FAIL();
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(path + ": /tasks/id"), std::string::npos) << e.what();
  }
  EXPECT_THROW((void)rd.columns("no_table"), std::runtime_error);
  EXPECT_THROW(ReportWriter(path, ReportOptions{0, 4}), std::invalid_argument);
  EXPECT_THROW(ReportWriter(path, ReportOptions{16, 10}), std::invalid_argument);
}

// --- close_partial and OpenMode::Resume ---------------------------------------------------

// Sets the lengths of datasets of a closed .partial with the raw C API, as a crash part-way
// through a batch leaves them (the rows added hold fill values: they are to be cut).
void set_lengths(const std::string& file,
                 std::initializer_list<std::pair<const char*, hsize_t>> lengths) {
  const hid_t f = H5Fopen(file.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
  ASSERT_GE(f, 0) << file;
  for (const auto& [name, n] : lengths) {
    const hid_t d = H5Dopen2(f, name, H5P_DEFAULT);
    ASSERT_GE(d, 0) << name;
    EXPECT_GE(H5Dset_extent(d, &n), 0) << name;
    EXPECT_GE(H5Dclose(d), 0);
  }
  ASSERT_GE(H5Fclose(f), 0);
}

// Results of a second session, told apart from sample_rows() by their cand (10, 11).
std::vector<ResultRow> more_results() {
  std::vector<ResultRow> rows(2);
  rows[0].cand = 10;
  rows[0].task = 1;
  rows[0].demo_hits = 4;
  rows[0].unit = 8;
  rows[1].cand = 11;
  rows[1].task = 0;
  rows[1].demo_hits = 1;
  rows[1].unit = 9;
  return rows;
}

TEST(Report, ClosePartialStatusSurvivesTheDestructor) {
  const std::string path = temp_dir() + "/report.h5";
  {
    ReportWriter w(path);
    w.write_tasks(sample_rows().tasks);
    w.close_partial("interrupted");
    EXPECT_EQ(w.path(), path);
    EXPECT_EQ(w.partial_path(), path + ".partial");
    EXPECT_THROW(w.append_results(more_results()), std::logic_error);
    EXPECT_THROW(w.set_attr("units_done", std::int64_t{1}), std::logic_error);
    EXPECT_THROW(w.flush(), std::logic_error);
    EXPECT_THROW(w.close_partial("interrupted"), std::logic_error);
    EXPECT_THROW(w.finish(), std::logic_error);
  }  // the destructor must not mark it "aborted"
  EXPECT_FALSE(fs::exists(path));
  ReportReader rd(path + ".partial");
  EXPECT_EQ(rd.attr_string("status"), "interrupted");
  EXPECT_TRUE(rd.attr_string("end_time_utc").has_value());
  EXPECT_EQ(rd.attr_int("resumed"), std::nullopt);
  EXPECT_EQ(rd.read_string("tasks", "id"),
            (std::vector<std::string>{"007bbfb7", "00d62c1b", "017c7c7b"}));
}

TEST(Report, ResumeAppendsAfterTheRowsOfTheFirstSession) {
  const std::string path = temp_dir() + "/report.h5";
  const Rows r = sample_rows();
  std::string start;
  {
    ReportWriter w(path, ReportOptions{2, 4});  // 2-row chunks: the resumed appends cross them
    write_all(w, r);
    w.set_attr("git_sha", "bee755a");
    w.close_partial("interrupted");
    start = *ReportReader(path + ".partial").attr_string("start_time_utc");
  }
  // Two more sessions: the first interrupted again, the second finishing.
  const nlohmann::json t = load_arc_task("arc-agi-1/training", "017c7c7b");
  const nlohmann::json& grid = t["test"][0]["output"];  // 9x3
  std::vector<OutputRow> outputs = {
      {10, 2, 3, true, Status::Mismatch, 9, 3, arc_cells(grid), ""},
      {11, 0, 1, false, Status::Error, 0, 0, {}, "None"},
  };
  {
    ReportWriter w(path, {}, OpenMode::Resume);
    {
      ReportReader running(w.partial_path());
      EXPECT_EQ(running.attr_string("status"), "running");
      EXPECT_EQ(running.attr_int("resumed"), 1);
      EXPECT_EQ(running.attr_string("end_time_utc"), std::nullopt);
    }
    w.append_results(more_results());
    w.append_outputs(std::span(outputs).first(1));
    w.close_partial("interrupted");
  }
  {
    ReportWriter w(path, {}, OpenMode::Resume);
    w.append_outputs(std::span(outputs).subspan(1));
    w.set_attr("units_done", std::int64_t{10});
    EXPECT_EQ(w.finish(), path);
  }
  EXPECT_FALSE(fs::exists(path + ".partial"));
  ReportReader rd(path);
  EXPECT_EQ(rd.attr_string("status"), "complete");
  EXPECT_EQ(rd.attr_int("resumed"), 2);
  EXPECT_EQ(rd.attr_string("start_time_utc"), start);
  EXPECT_LE(start, *rd.attr_string("end_time_utc"));
  EXPECT_EQ(rd.attr_string("git_sha"), "bee755a");
  EXPECT_EQ(rd.attr_int("units_done"), 10);
  EXPECT_EQ(rd.attr_int("schema_version"), kSchemaVersion);
  EXPECT_EQ(rd.tables(), table_names());

  // Every column of a table has the same length, the first session's rows first.
  for (const auto& [table, cols] : kSchema) {
    for (const std::string& c : cols) EXPECT_EQ(rd.rows(table, c), rd.rows(table)) << c;
  }
  EXPECT_EQ(rd.rows("tasks"), 3u);
  EXPECT_EQ(rd.read_int64("results", "cand"), (std::vector<std::int64_t>{0, 0, 1, 0, 10, 11}));
  EXPECT_EQ(rd.read_int64("results", "demo_hits"), (std::vector<std::int64_t>{5, 0, 0, 2, 4, 1}));
  EXPECT_EQ(rd.read_int64("results", "unit"), (std::vector<std::int64_t>{0, 0, 3, 7, 8, 9}));
  EXPECT_EQ(rd.read_int64("results", "steps")[3], -1);  // the first session's uint64 max

  // Outputs: 81 + 0 + 3 cells from the first session, then the 9x3 grid and a non-grid.
  EXPECT_EQ(rd.read_int64("outputs", "cand"), (std::vector<std::int64_t>{0, 0, 1, 10, 11}));
  EXPECT_EQ(rd.read_int64("outputs", "cell_offset"),
            (std::vector<std::int64_t>{0, 81, 81, 84, 111}));
  EXPECT_EQ(rd.read_string("outputs", "text"),
            (std::vector<std::string>{"", "(1, 2)", "", "", "None"}));
  const std::vector<std::int64_t> cells = rd.read_int64("output_cells", "output_cells");
  ASSERT_EQ(cells.size(), 111u);
  const nlohmann::json first = load_arc_task("arc-agi-1/training", "007bbfb7")["test"][0]["output"];
  for (std::size_t i = 0; i < 81; ++i) EXPECT_EQ(cells[i], first[i / 9][i % 9].get<int>()) << i;
  EXPECT_EQ(std::vector<std::int64_t>(cells.begin() + 81, cells.begin() + 84),
            (std::vector<std::int64_t>{0, 9, 4}));
  for (std::size_t i = 0; i < 27; ++i) {
    EXPECT_EQ(cells[84 + i], grid[i / 3][i % 3].get<int>()) << "cell " << 84 + i;
  }
}

TEST(Report, ResumeAfterACrash) {
  const std::string path = temp_dir() + "/report.h5";
  const Rows r = sample_rows();
  const pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    const rlimit no_core{0, 0};
    setrlimit(RLIMIT_CORE, &no_core);
    ReportWriter w(path);
    write_all(w, r);
    w.flush();
    std::abort();  // no destructor, no H5Fclose, the file lock dropped by the kernel
  }
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFSIGNALED(status));
  {
    ReportWriter w(path, {}, OpenMode::Resume);
    w.append_results(more_results());
    std::vector<OutputRow> out = {{10, 1, 0, false, Status::Ok, 1, 2, {3, 7}, ""}};
    w.append_outputs(out);
    w.finish();
  }
  ReportReader rd(path);
  EXPECT_EQ(rd.attr_string("status"), "complete");
  EXPECT_EQ(rd.attr_int("resumed"), 1);
  EXPECT_EQ(rd.read_string("tasks", "id"),
            (std::vector<std::string>{"007bbfb7", "00d62c1b", "017c7c7b"}));
  EXPECT_EQ(rd.read_string("candidates", "canonical")[0], kCanonical);
  EXPECT_EQ(rd.read_int64("results", "cand"), (std::vector<std::int64_t>{0, 0, 1, 0, 10, 11}));
  EXPECT_EQ(rd.read_int64("outputs", "cell_offset"), (std::vector<std::int64_t>{0, 81, 81, 84}));
  const std::vector<std::int64_t> cells = rd.read_int64("output_cells", "output_cells");
  EXPECT_EQ(std::vector<std::int64_t>(cells.begin() + 81, cells.end()),
            (std::vector<std::int64_t>{0, 9, 4, 3, 7}));
}

TEST(Report, ResumeCutsTablesBackToTheirShortestColumn) {
  const std::string path = temp_dir() + "/report.h5", partial = path + ".partial";
  {
    ReportWriter w(path);
    write_all(w, sample_rows());
    w.close_partial("interrupted");
  }
  // As a crash between the column appends of a batch leaves them: the first columns of
  // /results and /tasks grown, cells appended that no /outputs row points to yet.
  set_lengths(
      partial,
      {{"/results/cand", 6}, {"/results/task", 5}, {"/tasks/id", 4}, {"/output_cells", 90}});
  {
    ReportWriter w(path, {}, OpenMode::Resume);
    w.append_results(more_results());
    std::vector<OutputRow> out = {{10, 1, 0, false, Status::Ok, 1, 2, {3, 7}, ""}};
    w.append_outputs(out);
    w.finish();
  }
  ReportReader rd(path);
  for (const auto& [table, cols] : kSchema) {
    for (const std::string& c : cols) EXPECT_EQ(rd.rows(table, c), rd.rows(table)) << c;
  }
  EXPECT_EQ(rd.read_string("tasks", "id"),
            (std::vector<std::string>{"007bbfb7", "00d62c1b", "017c7c7b"}));
  EXPECT_EQ(rd.read_int64("results", "cand"), (std::vector<std::int64_t>{0, 0, 1, 0, 10, 11}));
  EXPECT_EQ(rd.read_int64("results", "task"), (std::vector<std::int64_t>{1, 0, 2, 2, 1, 0}));
  EXPECT_EQ(rd.read_int64("outputs", "cell_offset"), (std::vector<std::int64_t>{0, 81, 81, 84}));
  const std::vector<std::int64_t> cells = rd.read_int64("output_cells", "output_cells");
  EXPECT_EQ(std::vector<std::int64_t>(cells.begin() + 81, cells.end()),
            (std::vector<std::int64_t>{0, 9, 4, 3, 7}));
}

TEST(Report, ResumeCutsOutputsWhoseCellsAreMissing) {
  const std::string path = temp_dir() + "/report.h5", partial = path + ".partial";
  {
    ReportWriter w(path);
    write_all(w, sample_rows());
    w.close_partial("interrupted");
  }
  // Rows 0..2 are the 9x9 grid at 0, a non-grid at 81 and the 1x3 grid at 81. With 83 cells
  // the 1x3 grid lacks one: row 2 goes, and the cells after the 81 that rows 0 and 1 use.
  // /outputs/cand one row longer too: that row goes first.
  set_lengths(partial, {{"/output_cells", 83}, {"/outputs/cand", 4}});
  {
    ReportWriter w(path, {}, OpenMode::Resume);
    std::vector<OutputRow> out = {{10, 1, 0, false, Status::Ok, 1, 2, {3, 7}, ""}};
    w.append_outputs(out);
    w.finish();
  }
  ReportReader rd(path);
  for (const std::string& c : rd.columns("outputs")) EXPECT_EQ(rd.rows("outputs", c), 3u) << c;
  EXPECT_EQ(rd.read_int64("outputs", "cand"), (std::vector<std::int64_t>{0, 0, 10}));
  EXPECT_EQ(rd.read_int64("outputs", "cell_offset"), (std::vector<std::int64_t>{0, 81, 81}));
  EXPECT_EQ(rd.read_string("outputs", "text"), (std::vector<std::string>{"", "(1, 2)", ""}));
  const std::vector<std::int64_t> cells = rd.read_int64("output_cells", "output_cells");
  ASSERT_EQ(cells.size(), 83u);
  EXPECT_EQ(cells[80], 0);  // the last cell of 007bbfb7's test output, kept
  EXPECT_EQ(std::vector<std::int64_t>(cells.begin() + 81, cells.end()),
            (std::vector<std::int64_t>{3, 7}));
}

TEST(Report, ResumeRefusesWhatItCannotContinue) {
  const std::string dir = temp_dir();
  // The message of the std::runtime_error that resuming `path` throws.
  const auto resume_error = [](const std::string& path) -> std::string {
    try {
      ReportWriter w(path, {}, OpenMode::Resume);
    } catch (const std::runtime_error& e) {
      return e.what();
    }
    return "(resumed)";
  };
  const std::string absent = dir + "/absent.h5";
  EXPECT_NE(resume_error(absent).find(absent + ".partial"), std::string::npos)
      << resume_error(absent);
  EXPECT_FALSE(fs::exists(absent + ".partial"));

  const std::string text = dir + "/text.h5";
  std::ofstream(text + ".partial") << "not an HDF5 file\n";
  EXPECT_NE(resume_error(text).find(text + ".partial"), std::string::npos) << resume_error(text);

  // A report of another schema version, and reports lacking a column or a table.
  const auto interrupted = [&](const std::string& name) {
    const std::string path = dir + "/" + name;
    ReportWriter w(path);
    w.write_tasks(sample_rows().tasks);
    if (name == "v9.h5") w.set_attr("schema_version", std::int64_t{9});
    w.close_partial("interrupted");
    return path;
  };
  const auto delete_link = [](const std::string& file, const char* link) {
    const hid_t f = H5Fopen(file.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
    ASSERT_GE(f, 0);
    EXPECT_GE(H5Ldelete(f, link, H5P_DEFAULT), 0);
    ASSERT_GE(H5Fclose(f), 0);
  };
  const std::string v9 = interrupted("v9.h5");
  const std::string no_column = interrupted("no_column.h5");
  delete_link(no_column + ".partial", "/results/unit");
  const std::string no_table = interrupted("no_table.h5");
  delete_link(no_table + ".partial", "/diffs");
  const std::pair<std::string, std::string> refused[] = {
      {v9, "schema_version is 9"}, {no_column, "/results/unit"}, {no_table, "/diffs"}};
  for (const auto& [path, why] : refused) {
    const std::string msg = resume_error(path);
    EXPECT_NE(msg.find(path + ".partial"), std::string::npos) << msg;
    EXPECT_NE(msg.find(why), std::string::npos) << msg;
    // Refused before anything changed.
    ReportReader rd(path + ".partial");
    EXPECT_EQ(rd.attr_string("status"), "interrupted") << path;
    EXPECT_EQ(rd.attr_int("resumed"), std::nullopt) << path;
    EXPECT_EQ(rd.rows("tasks"), 3u) << path;
  }
}

}  // namespace
}  // namespace batt::report
