// End to end: the real batt_mpi binary on the bundled corpus, its HDF5 report read back
// through the HDF5 library and compared with tests/fixtures/corpus_expected.json, which
// tests/fixtures/corpus_oracle.py computed independently with the reference Python arc-dsl.
// Also: identical reports for 1 and 2 threads, hostile programs within budget, bad input,
// and a run killed mid-way leaving a readable report.h5.partial.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "report/report_reader.hpp"
#include "report/rows.hpp"
#include "support/job_runner.hpp"

namespace {

namespace fs = std::filesystem;
using batt::report::ReportReader;

using batt::testing::scratch;
using batt::testing::spawn_shell;
using batt::testing::wait_for_results;

const std::string kExe = BATT_MPI_EXE;
const std::string kShared = BATT_SHARED_DIR;

// Runs batt_mpi with `args` (a shell fragment); returns the exit status, output in `out`.
int run(const std::string& args, std::string* out = nullptr) {
  return batt::testing::run_shell(kExe + " " + args, out);
}

pid_t start(const std::string& args) {
  return spawn_shell(kExe + " " + args);
}

class CorpusRun : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    report_ = scratch("cross.h5");
    std::string out;
    ASSERT_EQ(run("corpus --pairing cross -j 1 -o " + report_.string(), &out), 0) << out;
    summary_ = out;
  }
  static fs::path report_;
  static std::string summary_;
};
fs::path CorpusRun::report_;
std::string CorpusRun::summary_;

TEST_F(CorpusRun, MatchesTheIndependentOracle) {
  std::ifstream in(batt::testing::project_path("tests/fixtures/corpus_expected.json"));
  const nlohmann::json expected = nlohmann::json::parse(in);
  const ReportReader r(report_.string());
  EXPECT_EQ(r.attr_string("status"), "complete");
  const auto md5 = r.read_string("candidates", "md5");
  const auto kind = r.read_int64("candidates", "kind");
  const auto task_ids = r.read_string("tasks", "id");
  ASSERT_EQ(task_ids.size(), 10u);

  const auto cand = r.read_int64("results", "cand");
  const auto task = r.read_int64("results", "task");
  const auto demo_hits = r.read_int64("results", "demo_hits");
  const auto test_hits = r.read_int64("results", "test_hits");
  const auto bits = r.read_int64("results", "status_bits");
  const auto solved = r.read_int64("results", "solved");
  const auto valid = r.read_int64("results", "valid");
  const auto time_us = r.read_double("results", "time_us");

  std::size_t solver_cands = 0;
  for (const auto& [m, c] : expected["candidates"].items()) solver_cands += c["kind"] == "solver";
  ASSERT_EQ(cand.size(), solver_cands * task_ids.size());  // cross: every pair once

  std::size_t hits = 0;
  for (std::size_t i = 0; i < cand.size(); ++i) {
    const std::string& m = md5[static_cast<std::size_t>(cand[i])];
    const std::string& t = task_ids[static_cast<std::size_t>(task[i])];
    ASSERT_EQ(kind[static_cast<std::size_t>(cand[i])], 0);
    const nlohmann::json& e = expected["candidates"].at(m)["tasks"].at(t);
    int k = 0, demo = 0, test = 0;
    bool all = true;
    for (const char* part : {"demo", "test"}) {
      for (const auto& s : e[part]) {
        const std::int64_t code = (bits[i] >> (4 * k)) & 15;
        EXPECT_EQ(batt::report::status_name(static_cast<batt::report::Status>(code)),
                  s.get<std::string>())
            << m << " on " << t << " " << part << " sample " << k;
        const bool hit = s == "ok";
        (std::string(part) == "demo" ? demo : test) += hit;
        all = all && hit;
        ++k;
      }
    }
    EXPECT_EQ(demo_hits[i], demo) << m << " " << t;
    EXPECT_EQ(test_hits[i], test) << m << " " << t;
    EXPECT_EQ(solved[i], all ? 1 : 0) << m << " " << t;
    if (demo + test > 0) {
      ++hits;
      EXPECT_EQ(valid[i], 1) << m << " " << t;  // canonical re-run gives the same outputs
      EXPECT_GT(time_us[i], 0.0);
    } else {
      EXPECT_EQ(valid[i], -1);
    }
  }
  EXPECT_GT(hits, 10u);

  // Match-only diff: every (candidate, task, differ) credit equals the oracle's.
  const auto d_cand = r.read_int64("diffs", "cand");
  const auto d_task = r.read_int64("diffs", "task");
  const auto d_differ = r.read_int64("diffs", "differ");
  const auto iz = r.read_int64("diffs", "iz");
  const auto zo = r.read_int64("diffs", "zo");
  const auto samples = r.read_int64("diffs", "samples");
  const auto differ_cand = r.read_int64("differs", "cand");
  std::size_t expected_rows = 0;
  for (const auto& [m, per_task] : expected["diffs"].items()) {
    for (const auto& [t, per_differ] : per_task.items()) {
      for (const auto& [d, v] : per_differ.items()) expected_rows += v["samples"] > 0;
    }
  }
  EXPECT_EQ(d_cand.size(), expected_rows);
  for (std::size_t i = 0; i < d_cand.size(); ++i) {
    const std::string& m = md5[static_cast<std::size_t>(d_cand[i])];
    const std::string& t = task_ids[static_cast<std::size_t>(d_task[i])];
    const std::string& d =
        md5[static_cast<std::size_t>(differ_cand[static_cast<std::size_t>(d_differ[i])])];
    const nlohmann::json& e = expected["diffs"].at(m).at(t).at(d);
    EXPECT_EQ(iz[i], e["iz"].get<int>()) << m << " " << t << " " << d;
    EXPECT_EQ(zo[i], e["zo"].get<int>()) << m << " " << t << " " << d;
    EXPECT_EQ(samples[i], e["samples"].get<int>()) << m << " " << t << " " << d;
  }
}

TEST_F(CorpusRun, SummaryHasTheTimingTableAndDemoScoringLine) {
  EXPECT_NE(summary_.find("Timing summary (seconds):"), std::string::npos) << summary_;
  EXPECT_NE(summary_.find("-- Demo scoring: "), std::string::npos) << summary_;
  EXPECT_NE(summary_.find("solved: 10 of 10 tasks"), std::string::npos) << summary_;
  const ReportReader r(report_.string());
  EXPECT_GT(r.rows("timings"), 3u);
  EXPECT_GT(r.rows("outputs"), 0u);                    // --store-outputs test by default
  EXPECT_GT(r.rows("origins"), r.rows("candidates"));  // duplicates keep every origin
}

TEST_F(CorpusRun, ReportCarriesProvenance) {
  const ReportReader r(report_.string());
  EXPECT_EQ(r.attr_int("schema_version"), 2);
  EXPECT_NE(r.attr_string("command_line").value_or("").find("--pairing cross"), std::string::npos);
  EXPECT_NE(r.attr_string("config").value_or("").find("pairing=\"cross\""), std::string::npos);
  const std::string sha = r.attr_string("git_sha").value_or("");
  EXPECT_TRUE(sha.size() == 40 || sha == "unknown") << sha;  // "unknown" outside a checkout
  EXPECT_EQ(r.attr_string("pairing"), "cross");
  EXPECT_EQ(r.attr_int("n_tasks"), 10);
  EXPECT_EQ(r.attr_int("n_candidates_unique"), static_cast<std::int64_t>(r.rows("candidates")));
  EXPECT_GT(r.attr_double("dedup_ratio").value_or(0), 1.0);
  EXPECT_TRUE(r.attr_string("start_time_utc").has_value());
  EXPECT_TRUE(r.attr_string("end_time_utc").has_value());
}

TEST_F(CorpusRun, SameReportForOneAndTwoThreads) {
  const fs::path two = scratch("cross2.h5");
  std::string out;
  ASSERT_EQ(run("corpus --pairing cross -j 2 --batch-units 3 -q -o " + two.string(), &out), 0)
      << out;
  const std::string_view ignore[] = {"timings", "results.time_us"};
  const auto diffs = batt::report::compare_reports(report_.string(), two.string(), ignore);
  EXPECT_TRUE(diffs.empty()) << diffs.front();
}

// The block size changes which candidates share a walk (and the units, so the order of the
// rows), never what a candidate gets.
TEST_F(CorpusRun, BlockSizeChangesNoResult) {
  const fs::path seven = scratch("block7.h5");
  std::string out;
  ASSERT_EQ(run("corpus --pairing cross --block 7 -q -o " + seven.string(), &out), 0) << out;
  auto rows = [](const fs::path& p) {
    const ReportReader r(p.string());
    std::vector<std::vector<std::int64_t>> v;
    std::vector<std::vector<std::int64_t>> cols;
    for (const char* c : {"task", "cand", "demo_hits", "test_hits", "status_bits", "solved",
                          "valid", "steps", "status"}) {
      cols.push_back(r.read_int64("results", c));
    }
    for (std::size_t i = 0; i < cols[0].size(); ++i) {
      std::vector<std::int64_t> row;
      for (const auto& c : cols) row.push_back(c[i]);
      v.push_back(row);
    }
    std::sort(v.begin(), v.end());
    return v;
  };
  EXPECT_EQ(rows(report_), rows(seven));
}

TEST(Job, OriginPairingTriesEachCandidateOnItsOwnTasks) {
  const fs::path rep = scratch("origin.h5");
  std::string out;
  ASSERT_EQ(run("corpus -q -o " + rep.string(), &out), 0) << out;
  const ReportReader r(rep.string());
  const auto task = r.read_int64("results", "task");
  const auto cand = r.read_int64("results", "cand");
  const auto o_cand = r.read_int64("origins", "cand");
  const auto o_task = r.read_string("origins", "task");
  const auto ids = r.read_string("tasks", "id");
  for (std::size_t i = 0; i < task.size(); ++i) {
    bool named = false;
    for (std::size_t k = 0; k < o_cand.size(); ++k) {
      named =
          named || (o_cand[k] == cand[i] && o_task[k] == ids[static_cast<std::size_t>(task[i])]);
    }
    EXPECT_TRUE(named) << "row " << i;
  }
  EXPECT_GE(task.size(), 109u);
}

TEST(Job, HostileBatchFinishesWithinBudget) {
  const fs::path rep = scratch("hostile.h5");
  std::string out;
  const auto t0 = std::chrono::steady_clock::now();
  ASSERT_EQ(run("--task-path corpus/tasks --batches tests/fixtures/hostile_batch --tasks "
                "007bbfb7,3c9b0459 --pairing cross --deadline-ms 100 --max-steps 2000000 -q -o " +
                    rep.string(),
                &out),
            0)
      << out;
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_LT(s, 60.0);
  const ReportReader r(rep.string());
  const auto status = r.read_int64("results", "status");
  std::map<std::int64_t, int> count;
  for (auto st : status) ++count[st];
  EXPECT_GT(count[3] + count[4], 0) << "no timeout or resource status";
  EXPECT_GT(count[0], 0) << "the sane candidate must still solve its task";
}

TEST(Job, BadInputIsAClearErrorNotACrash) {
  std::string out;
  EXPECT_EQ(run("no/such/corpus", &out), 2);
  EXPECT_NE(out.find("no/such/corpus"), std::string::npos) << out;
  EXPECT_EQ(run("corpus --tasks 007bbfb7,zzzzzzzz -o " + scratch("bad.h5").string(), &out), 2);
  EXPECT_NE(out.find("zzzzzzzz"), std::string::npos) << out;
  EXPECT_EQ(run("corpus --pairing sideways", &out), 105 /* CLI11 validation */) << out;
  EXPECT_EQ(run("corpus -o /proc/forbidden/report.h5", &out), 2);
  EXPECT_NE(out.find("/proc/forbidden/report.h5"), std::string::npos) << out;
}

// A long run (the hostile batch, whose programs run into their 100 ms deadlines, on all 400
// ARC-AGI-1 training tasks, one candidate per unit, a flush after every unit: minutes).
pid_t start_long_run(const fs::path& rep) {
  return start("--task-path " + kShared + "/arc/arc-agi-1/training --batches " +
               "tests/fixtures/hostile_batch --pairing cross --block 1 --batch-units 1 " +
               "--flush-s 0 -j 1 -q -o " + rep.string());
}

TEST(Job, KilledRunLeavesAReadablePartialReport) {
  for (const int sig : {SIGKILL, SIGTERM}) {
    const fs::path rep = scratch(sig == SIGKILL ? "killed.h5" : "termed.h5");
    const fs::path partial = rep.string() + ".partial";
    const pid_t pid = start_long_run(rep);
    wait_for_results(partial);
    kill(pid, sig);
    int st = 0;
    waitpid(pid, &st, 0);
    ASSERT_FALSE(fs::exists(rep)) << "the run finished before it was stopped";
    const ReportReader r(partial.string());
    EXPECT_GT(r.rows("results"), 0u);
    EXPECT_EQ(r.rows("tasks"), 400u);
    if (sig == SIGTERM) {
      EXPECT_TRUE(WIFEXITED(st)) << "SIGTERM must end the run cleanly";
      EXPECT_EQ(WEXITSTATUS(st), 1);
      EXPECT_EQ(r.attr_string("status"), "interrupted");
    }
  }
}

}  // namespace

namespace {

TEST(Job, ConfigFileGivesOptionsAndTheCommandLineWins) {
  std::string dflt, from_file;
  ASSERT_EQ(run("--print-config", &dflt), 0);
  ASSERT_EQ(run("--config configs/default.toml --print-config", &from_file), 0);
  EXPECT_EQ(dflt, from_file) << "configs/default.toml drifted from the built-in defaults";

  const fs::path cfg = scratch("c.toml");
  std::ofstream(cfg) << "pairing = \"cross\"\nblock = 5\n";
  std::string out;
  ASSERT_EQ(run("--config " + cfg.string() + " --block 9 --print-config", &out), 0);
  EXPECT_NE(out.find("pairing=\"cross\""), std::string::npos) << out;
  EXPECT_NE(out.find("block=9"), std::string::npos) << out;

  std::ofstream(cfg) << "pairng = \"cross\"\n";  // misspelt
  EXPECT_NE(run("--config " + cfg.string() + " --print-config", &out), 0);
  EXPECT_NE(out.find("pairng"), std::string::npos) << out;
}

}  // namespace

namespace {

// SIGTERM mid-run, then --resume: the report is the one an uninterrupted run writes.
TEST(Job, InterruptedRunResumesToTheSameReport) {
  const std::string job =
      "corpus --task-path " + kShared + "/arc/arc-agi-1/training --pairing cross --block 1 -j 1 -q";
  const fs::path ref = scratch("uninterrupted.h5");
  std::string out;
  ASSERT_EQ(run(job + " -o " + ref.string(), &out), 0) << out;

  const fs::path rep = scratch("resumed.h5");
  const fs::path partial = rep.string() + ".partial";
  // Flushing after every 4 units makes this run slow enough (about 30 s) to stop mid-way.
  const pid_t pid = start(job + " --flush-s 0 --batch-units 4 -o " + rep.string());
  wait_for_results(partial);
  kill(pid, SIGTERM);
  int st = 0;
  waitpid(pid, &st, 0);
  ASSERT_TRUE(fs::exists(partial));
  ASSERT_EQ(ReportReader(partial.string()).attr_string("status"), "interrupted");

  ASSERT_EQ(run(job + " --resume -o " + rep.string(), &out), 0) << out;
  const ReportReader r(rep.string());
  EXPECT_EQ(r.attr_string("status"), "complete");
  EXPECT_EQ(r.attr_int("resumed"), 1);
  const std::string_view ignore[] = {"timings", "results.time_us"};
  const auto diffs = batt::report::compare_reports(ref.string(), rep.string(), ignore);
  EXPECT_TRUE(diffs.empty()) << diffs.front();
}

TEST(Job, ResumeRefusesAReportOfAnotherJob) {
  const fs::path rep = scratch("other.h5");
  const pid_t pid = start(
      "corpus --pairing cross --block 1 --flush-s 0 --batch-units 1 "
      "-j 1 -q -o " +
      rep.string());
  int st = 0;
  waitpid(pid, &st, 0);
  fs::rename(rep, rep.string() + ".partial");  // as if it had been stopped
  std::string out;
  EXPECT_EQ(run("corpus --pairing cross --block 5 --resume -q -o " + rep.string(), &out), 2);
  EXPECT_NE(out.find("other work units"), std::string::npos) << out;
  EXPECT_EQ(run("corpus --resume -q -o " + scratch("none.h5").string(), &out), 2);
  EXPECT_NE(out.find("none.h5.partial"), std::string::npos) << out;
}

}  // namespace

namespace {

// --shard i/n: n jobs cover the sweep exactly once, together giving what one job gives.
TEST(Job, ShardsCoverTheSweepExactlyOnce) {
  const fs::path whole = scratch("whole.h5");
  std::string out;
  ASSERT_EQ(run("corpus --pairing cross -q -o " + whole.string(), &out), 0) << out;
  // (task id, candidate md5, status bits, demo hits, test hits) of every result row.
  using Row = std::tuple<std::string, std::string, std::int64_t, std::int64_t, std::int64_t>;
  auto rows = [](const fs::path& p) {
    const ReportReader r(p.string());
    const auto ids = r.read_string("tasks", "id");
    const auto md5 = r.read_string("candidates", "md5");
    const auto task = r.read_int64("results", "task");
    const auto cand = r.read_int64("results", "cand");
    const auto bits = r.read_int64("results", "status_bits");
    const auto demo = r.read_int64("results", "demo_hits");
    const auto test = r.read_int64("results", "test_hits");
    std::vector<Row> v;
    for (std::size_t i = 0; i < task.size(); ++i) {
      v.emplace_back(ids[static_cast<std::size_t>(task[i])], md5[static_cast<std::size_t>(cand[i])],
                     bits[i], demo[i], test[i]);
    }
    return v;
  };
  std::vector<Row> sharded;
  std::multiset<std::string> tasks;
  for (int i = 0; i < 3; ++i) {
    const fs::path p = scratch("shard" + std::to_string(i) + ".h5");
    ASSERT_EQ(
        run("corpus --pairing cross --shard " + std::to_string(i) + "/3 -q -o " + p.string(), &out),
        0)
        << out;
    const ReportReader r(p.string());
    EXPECT_EQ(r.attr_string("shard"), std::to_string(i) + "/3");
    for (const auto& id : r.read_string("tasks", "id")) tasks.insert(id);
    EXPECT_GE(r.rows("tasks"), 1u);  // balanced by cost, not by count: never empty here
    const auto v = rows(p);
    sharded.insert(sharded.end(), v.begin(), v.end());
  }
  EXPECT_EQ(tasks.size(), 10u);
  EXPECT_EQ(std::set<std::string>(tasks.begin(), tasks.end()).size(), 10u);  // each once
  auto all = rows(whole);
  std::sort(all.begin(), all.end());
  std::sort(sharded.begin(), sharded.end());
  EXPECT_EQ(all, sharded);

  EXPECT_EQ(run("corpus --shard 3/3 -q", &out), 105);  // CLI11's validation error
  EXPECT_NE(out.find("0 <= i < n"), std::string::npos) << out;
}

}  // namespace
