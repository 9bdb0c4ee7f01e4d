// ARC task loading against real data (../shared/arc) and hand-written fixtures
// (tests/fixtures/tasks/): task files and Kaggle challenges/solutions pairs, every malformed
// input giving exactly one error at a hand-checked file:line:col while the good tasks next
// to it still load, duplicate ids, missing paths, and files over the size limit.
#include "corpus/tasks.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "dsl/grid.hpp"
#include "dsl/value_json.hpp"

namespace batt::corpus {
namespace {

namespace fs = std::filesystem;
using program::Diagnostics;
using program::Severity;

const std::string kArc = std::string(BATT_SHARED_DIR) + "/arc/";
const std::string kTraining = kArc + "arc-agi-1/training";
const std::string kFix = std::string(BATT_SOURCE_DIR) + "/tests/fixtures/tasks/";

nlohmann::json read_json(const std::string& path) {
  std::ifstream in(path);
  return nlohmann::json::parse(in);
}

// The rows of a Grid value, as the ARC JSON writes them.
nlohmann::json rows(const dsl::Value& v) {
  return dsl::grid_to_arc_json(v);
}

std::string all(const Diagnostics& d) {
  std::string out;
  for (const auto& x : d.all()) out += program::format(x) + "\n";
  return out;
}

// Every grid of every task equals the one in its file, read independently with nlohmann.
void expect_same_as_files(const TaskSet& set) {
  for (const Task& t : set.tasks) {
    const auto j = read_json(t.source);
    ASSERT_EQ(t.demo.size(), j["train"].size()) << t.id;
    ASSERT_EQ(t.test.size(), j["test"].size()) << t.id;
    for (std::size_t i = 0; i < t.demo.size(); ++i) {
      EXPECT_EQ(rows(t.demo[i].input), j["train"][i]["input"]) << t.id;
      ASSERT_TRUE(t.demo[i].output) << t.id;
      EXPECT_EQ(rows(*t.demo[i].output), j["train"][i]["output"]) << t.id;
    }
    for (std::size_t i = 0; i < t.test.size(); ++i) {
      EXPECT_EQ(rows(t.test[i].input), j["test"][i]["input"]) << t.id;
      ASSERT_TRUE(t.test[i].output) << t.id;
      EXPECT_EQ(rows(*t.test[i].output), j["test"][i]["output"]) << t.id;
    }
  }
}

TEST(Tasks, ArcAgi1TrainingLoadsWhole) {
  Diagnostics d;
  const TaskSet set = load_tasks({kTraining}, d);
  EXPECT_TRUE(d.all().empty()) << all(d);
  ASSERT_EQ(set.tasks.size(), 400u);
  for (std::size_t i = 1; i < set.tasks.size(); ++i) {
    EXPECT_LT(set.tasks[i - 1].id, set.tasks[i].id);
  }
  for (const Task& t : set.tasks) EXPECT_TRUE(t.test_outputs_known()) << t.id;

  const Task* t = set.find("007bbfb7");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->id, "007bbfb7");
  EXPECT_EQ(t->source, kTraining + "/007bbfb7.json");
  EXPECT_EQ(t->demo.size(), 5u);
  EXPECT_EQ(t->test.size(), 1u);
  // First demo input, from the file: [[0, 7, 7], [7, 7, 7], [0, 7, 7]].
  const dsl::Value in = t->demo[0].input;
  ASSERT_TRUE(in.is_grid());
  const dsl::GridObj& g = in.as_grid();
  ASSERT_EQ(g.h, 3);
  ASSERT_EQ(g.w, 3);
  const int want[3][3] = {{0, 7, 7}, {7, 7, 7}, {0, 7, 7}};
  for (int i = 0; i < 3; ++i) {
    for (int j = 0; j < 3; ++j) EXPECT_EQ(g.at(i, j), want[i][j]) << i << "," << j;
  }
  // The test output is 9 x 9.
  ASSERT_TRUE(t->test[0].output);
  EXPECT_EQ(t->test[0].output->as_grid().h, 9);
  EXPECT_EQ(t->test[0].output->as_grid().w, 9);

  expect_same_as_files(set);
}

TEST(Tasks, FindIsExactBinarySearch) {
  Diagnostics d;
  const TaskSet set = load_tasks({kTraining}, d);
  ASSERT_EQ(set.tasks.size(), 400u);
  EXPECT_EQ(set.find(set.tasks.front().id), &set.tasks.front());
  EXPECT_EQ(set.find(set.tasks.back().id), &set.tasks.back());
  for (const Task& t : set.tasks) EXPECT_EQ(set.find(t.id), &t);
  EXPECT_EQ(set.find(""), nullptr);
  EXPECT_EQ(set.find("007bbfb"), nullptr);    // a prefix of a real id
  EXPECT_EQ(set.find("007bbfb70"), nullptr);  // a real id extended
  EXPECT_EQ(set.find("zzzzzzzz"), nullptr);
  EXPECT_EQ(TaskSet{}.find("007bbfb7"), nullptr);
}

TEST(Tasks, ArcAgi2EvaluationLoadsWhole) {
  Diagnostics d;
  const TaskSet set = load_tasks({kArc + "arc-agi-2/evaluation"}, d);
  EXPECT_TRUE(d.all().empty()) << all(d);
  ASSERT_EQ(set.tasks.size(), 120u);
  for (const Task& t : set.tasks) EXPECT_TRUE(t.test_outputs_known()) << t.id;
  expect_same_as_files(set);
}

TEST(Tasks, SingleFilePath) {
  Diagnostics d;
  const std::string file = kTraining + "/6150a2bd.json";
  const TaskSet set = load_tasks({file}, d);
  EXPECT_TRUE(d.all().empty()) << all(d);
  ASSERT_EQ(set.tasks.size(), 1u);
  EXPECT_EQ(set.tasks[0].id, "6150a2bd");
  EXPECT_EQ(set.tasks[0].source, file);
  expect_same_as_files(set);
}

TEST(Tasks, MissingPathIsAnErrorAndOthersLoad) {
  Diagnostics d;
  const std::string missing = kFix + "no_such_dir";
  const TaskSet set = load_tasks({missing, kTraining + "/6150a2bd.json"}, d);
  ASSERT_EQ(d.all().size(), 1u) << all(d);
  EXPECT_EQ(d.all()[0].severity, Severity::Error);
  EXPECT_EQ(d.all()[0].file, missing);
  EXPECT_EQ(d.all()[0].line, 0);
  ASSERT_EQ(set.tasks.size(), 1u);
}

// The Kaggle fixture holds three real ARC-AGI-1 training tasks (one with two test pairs):
// the challenges file has their train pairs and test inputs, the solutions file their test
// outputs in test order. Loaded, they must equal the original task files.
void expect_same_as_training(const TaskSet& set, bool outputs) {
  ASSERT_EQ(set.tasks.size(), 3u);
  const std::vector<std::string> ids{"25ff71a9", "6150a2bd", "d631b094"};
  for (std::size_t n = 0; n < ids.size(); ++n) {
    const Task& t = set.tasks[n];
    EXPECT_EQ(t.id, ids[n]);
    const auto j = read_json(kTraining + "/" + t.id + ".json");
    ASSERT_EQ(t.demo.size(), j["train"].size());
    for (std::size_t i = 0; i < t.demo.size(); ++i) {
      EXPECT_EQ(rows(t.demo[i].input), j["train"][i]["input"]);
      EXPECT_EQ(rows(*t.demo[i].output), j["train"][i]["output"]);
    }
    ASSERT_EQ(t.test.size(), j["test"].size());
    EXPECT_EQ(t.test_outputs_known(), outputs) << t.id;
    for (std::size_t i = 0; i < t.test.size(); ++i) {
      EXPECT_EQ(rows(t.test[i].input), j["test"][i]["input"]);
      ASSERT_EQ(t.test[i].output.has_value(), outputs);
      if (outputs) {
        EXPECT_EQ(rows(*t.test[i].output), j["test"][i]["output"]);
      }
    }
  }
  EXPECT_EQ(set.find("25ff71a9")->test.size(), 2u);
}

TEST(Tasks, KaggleChallengesWithSolutions) {
  Diagnostics d;
  const TaskSet set = load_tasks({kFix + "kaggle"}, d);
  EXPECT_TRUE(d.all().empty()) << all(d);
  expect_same_as_training(set, true);
  EXPECT_EQ(set.tasks[0].source, kFix + "kaggle/mini_challenges.json");
  // Naming the challenges file alone reads the solutions next to it.
  Diagnostics d2;
  const TaskSet one = load_tasks({kFix + "kaggle/mini_challenges.json"}, d2);
  EXPECT_TRUE(d2.all().empty()) << all(d2);
  expect_same_as_training(one, true);
}

TEST(Tasks, KaggleChallengesAloneHaveUnknownOutputs) {
  Diagnostics d;
  const TaskSet set = load_tasks({kFix + "kaggle_unsolved"}, d);
  EXPECT_TRUE(d.all().empty()) << all(d);
  expect_same_as_training(set, false);
}

TEST(Tasks, KaggleSolutionsFileAloneIsNotATaskFile) {
  Diagnostics d;
  const TaskSet set = load_tasks({kFix + "kaggle/mini_solutions.json"}, d);
  EXPECT_TRUE(set.tasks.empty());
  EXPECT_EQ(d.errors(), 0u);
  ASSERT_EQ(d.all().size(), 1u);
  EXPECT_EQ(d.all()[0].severity, Severity::Warning);
}

// bad_solutions.json gives 25ff71a9 one output grid for its two test inputs (an error: that
// task is skipped), has no entry for d631b094 (kept, outputs unknown: a warning) and one for
// ffffffff, which is not a task (a warning). 6150a2bd loads with its output.
TEST(Tasks, KaggleSolutionsWithWrongGridCountSkipTheTask) {
  Diagnostics d;
  const TaskSet set = load_tasks({kFix + "kaggle_bad"}, d);
  const std::string sol = kFix + "kaggle_bad/bad_solutions.json";
  ASSERT_EQ(d.errors(), 1u) << all(d);
  const auto& e = *std::find_if(d.all().begin(), d.all().end(),
                                [](const auto& x) { return x.severity == Severity::Error; });
  EXPECT_EQ(e.file, sol);
  EXPECT_EQ(e.line, 3);  // `  "25ff71a9": [[[0, 0, 0], ...` : the entry's list
  EXPECT_EQ(e.col, 15);
  EXPECT_NE(e.message.find("task 25ff71a9: solutions: 1 test output grids, but the task has 2"),
            std::string::npos)
      << e.message;
  ASSERT_EQ(d.all().size(), 3u) << all(d);
  ASSERT_EQ(set.tasks.size(), 2u);
  EXPECT_EQ(set.tasks[0].id, "6150a2bd");
  EXPECT_TRUE(set.tasks[0].test_outputs_known());
  EXPECT_EQ(set.tasks[1].id, "d631b094");
  EXPECT_FALSE(set.tasks[1].test_outputs_known());
  EXPECT_EQ(set.find("25ff71a9"), nullptr);
}

// One malformed fixture: its file, the hand-checked position and a piece of the message.
struct Bad {
  const char* file;
  int line;
  int col;
  const char* says;
};

// Positions counted by hand in tests/fixtures/tasks/malformed/ (1-based byte columns).
// Python's json module reports the same line:col for the syntax errors, except for the
// truncated file, which Python reports at the end of input (6:1) and we just after the last
// character (5:26). Structural errors point at the offending pair, grid, row or cell.
const Bad kBad[] = {
    {"trailing_comma.json", 4, 3,
     "malformed JSON: syntax error while parsing value - unexpected ']'"},
    {"truncated.json", 5, 26, "malformed JSON: syntax error while parsing array - unexpected end"},
    {"missing_colon.json", 3, 14, "malformed JSON: syntax error while parsing object separator"},
    {"newline_in_key.json", 2, 9,
     "malformed JSON: syntax error while parsing object key - invalid"},
    {"empty.json", 1, 1, "malformed JSON: syntax error while parsing value - unexpected end"},
    {"overflow.json", 3, 24, "malformed JSON: number overflow parsing '1e999'"},
    {"ragged.json", 6, 17,
     "task ragged: train[1].output: rows have different lengths: row 1 has 3 cells, row 0 has 2"},
    {"bad_colour.json", 5, 27, "task bad_colour: test[0].input: cell [0][1] is 10, not a colour"},
    {"float_cell.json", 3, 56, "task float_cell: train[0].output: cell [1][1] is 1.0, not a"},
    {"no_input.json", 4, 5, "task no_input: train[1]: no \"input\" grid"},
    {"no_train.json", 1, 1, "task no_train: no \"train\" list"},
    {"no_output.json", 3, 5, "task no_output: train[0]: no \"output\" grid"},
    {"empty_grid.json", 3, 32, "task empty_grid: train[0].output: empty grid (no rows)"},
    {"empty_rows.json", 5, 23, "task empty_rows: test[0].input: empty rows (no columns)"},
    {"empty_test.json", 5, 11, "task empty_test: test: empty list"},
    {"test_not_list.json", 5, 11, "task test_not_list: test: not a list of pairs"},
    {"not_object.json", 2, 3, "task not_object: not a task"},
    {"tall.json", 1, 67, "task tall: test[0].input: 256 rows, more than 255"},
    {"wide.json", 1, 68, "task wide: test[0].input: 256 columns, more than 255"},
};

TEST(Tasks, EachMalformedFileGivesOneLocatedErrorAndGoodTasksLoad) {
  Diagnostics d;
  const TaskSet set = load_tasks({kFix + "malformed"}, d);
  ASSERT_EQ(set.tasks.size(), 2u) << all(d);
  EXPECT_EQ(set.tasks[0].id, "6150a2bd");
  EXPECT_EQ(set.tasks[1].id, "d631b094");
  EXPECT_EQ(d.all().size(), std::size(kBad)) << all(d);
  EXPECT_EQ(d.errors(), std::size(kBad));
  for (const Bad& b : kBad) {
    const std::string file = kFix + "malformed/" + b.file;
    SCOPED_TRACE(b.file);
    ASSERT_EQ(d.errors_in(file), 1u) << all(d);
    const auto& e = *std::find_if(d.all().begin(), d.all().end(),
                                  [&](const auto& x) { return x.file == file; });
    EXPECT_EQ(e.line, b.line) << program::format(e);
    EXPECT_EQ(e.col, b.col) << program::format(e);
    EXPECT_NE(e.message.find(b.says), std::string::npos) << program::format(e);
  }
}

TEST(Tasks, ErrorShowsTheSourceLineWithACaret) {
  Diagnostics d;
  const std::string file = kFix + "malformed/ragged.json";
  EXPECT_TRUE(load_tasks({file}, d).tasks.empty());
  ASSERT_EQ(d.all().size(), 1u);
  EXPECT_EQ(program::format(d.all()[0]),
            file +
                ":6:17: error: task ragged: train[1].output: rows have different lengths: "
                "row 1 has 3 cells, row 0 has 2\n"
                "                    [2, 1, 0]]}\n"
                "                    ^");
}

TEST(Tasks, ParseTaskFromText) {
  dsl::Arena arena;
  Diagnostics d;
  const auto t = parse_task(R"({"train": [{"input": [[1, 2]], "output": [[2], [1]]}],
                                "test": [{"input": [[3, 4]]}], "name": "ignored"})",
                            "t1", "mem.json", arena, d);
  EXPECT_TRUE(d.all().empty()) << all(d);
  ASSERT_TRUE(t);
  EXPECT_EQ(t->id, "t1");
  EXPECT_EQ(t->source, "mem.json");
  ASSERT_EQ(t->demo.size(), 1u);
  EXPECT_EQ(rows(t->demo[0].output.value()), nlohmann::json::parse("[[2], [1]]"));
  ASSERT_EQ(t->test.size(), 1u);
  EXPECT_FALSE(t->test[0].output);  // a test pair without "output": unknown
  EXPECT_FALSE(t->test_outputs_known());

  const auto bad = parse_task("{\"train\": [{\"input\": [[1]], \"output\": [[-1]]}]}", "t2",
                              "mem2.json", arena, d);
  EXPECT_FALSE(bad);
  ASSERT_EQ(d.errors_in("mem2.json"), 1u);
  EXPECT_EQ(d.all().back().line, 1);
  EXPECT_EQ(d.all().back().col, 41);  // the -1
}

// Same id in three places: a/ and b/ as task files, c/ in a Kaggle challenges file with
// another task. Files are read in sorted path order whatever the argument order, so a/ wins
// (its test output is the real one; b/'s copy was altered), and b/ and c/ each get an error.
TEST(Tasks, DuplicateIdFirstInPathOrderWins) {
  Diagnostics d;
  const std::string dir = kFix + "dup/";
  const TaskSet set = load_tasks({dir + "c", dir + "b", dir + "a"}, d);
  ASSERT_EQ(d.errors(), 2u) << all(d);
  ASSERT_EQ(d.errors_in(dir + "b/6150a2bd.json"), 1u) << all(d);
  ASSERT_EQ(d.errors_in(dir + "c/dup_challenges.json"), 1u) << all(d);
  for (const auto& e : d.all()) {
    EXPECT_NE(e.message.find("task 6150a2bd is already loaded from " + dir + "a/6150a2bd.json"),
              std::string::npos)
        << e.message;
    if (e.file == dir + "c/dup_challenges.json") {
      EXPECT_EQ(e.line, 3);  // the task's object in the challenges file
      EXPECT_EQ(e.col, 15);
    }
  }
  ASSERT_EQ(set.tasks.size(), 2u);
  EXPECT_EQ(set.tasks[0].id, "25ff71a9");
  EXPECT_EQ(set.tasks[1].id, "6150a2bd");
  EXPECT_EQ(set.tasks[1].source, dir + "a/6150a2bd.json");
  expect_same_as_files(TaskSet{nullptr, {set.tasks[1]}});
}

// A file over kMaxTaskFileBytes is refused before it is read. The file is sparse, so the
// test costs no disk.
TEST(Tasks, FileOverSizeLimitIsRefused) {
  const fs::path dir = fs::path(::testing::TempDir()) / "batt_tasks_big";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path big = dir / "big.json";
  { std::ofstream(big) << "{"; }
  fs::resize_file(big, kMaxTaskFileBytes + 1);
  fs::copy_file(kTraining + "/6150a2bd.json", dir / "6150a2bd.json");
  Diagnostics d;
  const TaskSet set = load_tasks({dir.string()}, d);
  ASSERT_EQ(d.all().size(), 1u) << all(d);
  EXPECT_EQ(d.all()[0].file, big.string());
  EXPECT_EQ(d.all()[0].line, 0);
  EXPECT_NE(d.all()[0].message.find("over the limit"), std::string::npos);
  ASSERT_EQ(set.tasks.size(), 1u);
  EXPECT_EQ(set.tasks[0].id, "6150a2bd");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace batt::corpus
