// End to end on the tokpidjin fixture corpus (tests/fixtures/tokpidjin/): the batt_mpi binary
// under --dialect auto, its HDF5 report read back and compared with results worked out by
// hand (why each candidate solves or not: tests/worker/tokpidjin_eval_test.cpp, kExpected).
// The MD5s are those make_fixture.py --print-md5 computes by inlining the batt lines itself
// (hashlib), never batt_mpi's output. Also: the solver-file versions (strict mode), a forced
// --dialect, `inspect`, and an MPI run equal to the single-process one.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "report/report_reader.hpp"
#include "report/rows.hpp"
#include "support/job_runner.hpp"

namespace {

namespace fs = std::filesystem;
using batt::report::ReportReader;
using batt::testing::scratch;

const std::string kExe = BATT_MPI_EXE;
const std::string kMpirun = BATT_MPIEXEC;
const std::string kCorpus = "tests/fixtures/tokpidjin";

int run(const std::string& args, std::string* out = nullptr) {
  return batt::testing::run_shell(kExe + " " + args, out);
}

// What the report must say about one solver candidate on its origin task.
struct Want {
  const char* record;
  const char* md5;
  const char* task;
  int demo, test;      // samples of the task
  bool solves;         // every sample hit
  const char* batt;    // status of every sample in the batt file: "ok" or "mismatch"
  const char* strict;  // ... in the solver file (no protected lines)
};

const Want kWant[] = {
    {"t10", "df0f97f44a63b995e25af4b6659ac15a", "3c9b0459", 4, 1, true, "ok", "ok"},
    {"t17", "24e4174e2a93b810263ac14de7fe04b1", "3c9b0459", 4, 1, true, "ok", "ok"},
    {"t18", "b641f6b1dbe38070f3893bce8ab49f0d", "3c9b0459", 4, 1, false, "mismatch", "error"},
    {"t19", "41321c39e1d96c4c1752d89c606d1f6a", "3c9b0459", 4, 1, false, "mismatch", "error"},
    {"t21", "bee71566a20a1a12dbae4e6e8c3cf817", "3c9b0459", 4, 1, false, "mismatch", "error"},
    {"t24", "6d0206f706a62a8b09b8b35a9ed18f0c", "3c9b0459", 4, 1, true, "ok", "ok"},
    {"t33", "dabcc27eeaba7cd233575926d25f5ff5", "b1948b0a", 3, 1, true, "ok", "ok"},
    {"t40", "cbf78b4f765006f25d131381f08ed4f1", "b1948b0a", 3, 1, true, "ok", "ok"},
    {"t44", "a3f21d535740bf58e12821209af027ee", "b1948b0a", 3, 1, true, "ok", "ok"},
    {"t48", "371f618b5ee2e3d328546e153c3ead62", "b1948b0a", 3, 1, true, "ok", "ok"},
    {"t49", "87fca127c23e3ff32315ca55d45c709e", "b1948b0a", 3, 1, false, "mismatch", "mismatch"},
    {"t51", "aeaa42f71f3623513f52f949fb5acf4d", "b1948b0a", 3, 1, false, "mismatch", "mismatch"},
};

// Checks the /results rows of a report against kWant (one row per solver, origin pairing).
void check_results(const ReportReader& r, bool strict) {
  const auto md5 = r.read_string("candidates", "md5");
  const auto kind = r.read_int64("candidates", "kind");
  const auto task_ids = r.read_string("tasks", "id");
  const auto cand = r.read_int64("results", "cand");
  const auto task = r.read_int64("results", "task");
  const auto demo_hits = r.read_int64("results", "demo_hits");
  const auto test_hits = r.read_int64("results", "test_hits");
  const auto bits = r.read_int64("results", "status_bits");
  const auto status = r.read_int64("results", "status");
  const auto solved = r.read_int64("results", "solved");
  const auto valid = r.read_int64("results", "valid");
  ASSERT_EQ(cand.size(), std::size(kWant));
  std::map<std::string, std::size_t> row_of;
  for (std::size_t i = 0; i < cand.size(); ++i) {
    ASSERT_EQ(kind[static_cast<std::size_t>(cand[i])], 0);
    row_of[md5[static_cast<std::size_t>(cand[i])]] = i;
  }
  for (const Want& w : kWant) {
    SCOPED_TRACE(std::string(w.record) + (strict ? " (solver file)" : " (batt)"));
    ASSERT_EQ(row_of.count(w.md5), 1u);
    const std::size_t i = row_of[w.md5];
    EXPECT_EQ(task_ids[static_cast<std::size_t>(task[i])], w.task);
    const std::string want = strict ? w.strict : w.batt;
    const std::int64_t code = want == "ok" ? 0 : want == "mismatch" ? 1 : 2;
    std::int64_t want_bits = 0;
    for (int k = 0; k < w.demo + w.test; ++k) want_bits |= code << (4 * k);
    EXPECT_EQ(bits[i], want_bits);
    EXPECT_EQ(status[i], code);
    EXPECT_EQ(demo_hits[i], w.solves ? w.demo : 0);
    EXPECT_EQ(test_hits[i], w.solves ? w.test : 0);
    EXPECT_EQ(solved[i], w.solves ? 1 : 0);
    EXPECT_EQ(valid[i], w.solves ? 1 : -1);  // re-run from the canonical text, in tokpidjin
  }
}

class TokpidjinRun : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ASSERT_TRUE(batt::testing::kJobEnvironment);
    report_ = scratch("tok.h5");
    std::string out;
    ASSERT_EQ(run(kCorpus + " -j 1 -o " + report_.string(), &out), 0) << out;
    summary_ = out;
  }
  static fs::path report_;
  static std::string summary_;
};
fs::path TokpidjinRun::report_;
std::string TokpidjinRun::summary_;

TEST_F(TokpidjinRun, EveryCandidateGivesTheHandWorkedResult) {
  const ReportReader r(report_.string());
  EXPECT_EQ(r.attr_string("status"), "complete");
  // No diagnostics: every name of the batt file resolves in the tokpidjin dialect.
  EXPECT_EQ(summary_.find("warning:"), std::string::npos) << summary_;
  EXPECT_EQ(summary_.find("error:"), std::string::npos) << summary_;
  check_results(r, false);
  // Candidates: the 12 solvers, the base differ (§5.2's second vector), the two per-solver
  // differ blocks and the arc-dsl differ file.
  const auto md5 = r.read_string("candidates", "md5");
  EXPECT_EQ(md5.size(), 16u);
  EXPECT_EQ(std::count(md5.begin(), md5.end(), "27f29164d6f638c0cbe648aef9150390"), 1);
  const auto evaluable = r.read_int64("candidates", "evaluable");
  for (const auto e : evaluable) EXPECT_EQ(e, 1);
  // /candidates.dialect: the batt file's 15 candidates are tokpidjin (1), differs_arc.py's
  // differ arc-dsl (0), listed first among the differs (rows sort by kind, dialect, id).
  const auto dialect = r.read_int64("candidates", "dialect");
  const auto kind = r.read_int64("candidates", "kind");
  EXPECT_EQ(std::count(dialect.begin(), dialect.end(), 1), 15);
  EXPECT_EQ(std::count(dialect.begin(), dialect.end(), 0), 1);
  for (std::size_t i = 0; i < dialect.size(); ++i) {
    if (dialect[i] == 0) {
      EXPECT_EQ(kind[i], 1);  // the arc-dsl differ
    }
  }
}

TEST_F(TokpidjinRun, DiffersOfBothDialectsScoreTheMatches) {
  // Both differs measure the colours of C missing from I. 3c9b0459 (a half turn) keeps its
  // colours: d(S, I, O) and d(S, O, O) are both 0, so each matched demo sample gives iz 0+1,
  // zo 1+0: 4 samples, iz 4, zo 4. b1948b0a: O has 2 where I has 6, d(S, I, O) = 1,
  // d(S, O, O) = 0: iz 1+1, zo 0 per sample, 3 samples: iz 6, zo 0.
  const ReportReader r(report_.string());
  const auto names = r.read_string("differs", "name");
  ASSERT_EQ(names.size(), 2u);
  const auto md5 = r.read_string("candidates", "md5");
  const auto task_ids = r.read_string("tasks", "id");
  const auto cand = r.read_int64("diffs", "cand");
  const auto task = r.read_int64("diffs", "task");
  const auto iz = r.read_int64("diffs", "iz");
  const auto zo = r.read_int64("diffs", "zo");
  const auto samples = r.read_int64("diffs", "samples");
  std::size_t solvers = 0;
  for (const Want& w : kWant) solvers += w.solves;
  ASSERT_EQ(cand.size(), solvers * 2);  // every solving candidate x every differ
  for (std::size_t i = 0; i < cand.size(); ++i) {
    const bool turn = task_ids[static_cast<std::size_t>(task[i])] == "3c9b0459";
    SCOPED_TRACE(md5[static_cast<std::size_t>(cand[i])]);
    EXPECT_EQ(iz[i], turn ? 4 : 6);
    EXPECT_EQ(zo[i], turn ? 4 : 0);
    EXPECT_EQ(samples[i], turn ? 4 : 3);
  }
}

TEST(TokpidjinSolverFiles, StrictModeReportsTheUnprotectedFailures) {
  const fs::path rep = scratch("tok_solvers.h5");
  std::string out;
  ASSERT_EQ(run(kCorpus + " --batches " + kCorpus + "/solvers -j 1 -o " + rep.string(), &out), 0)
      << out;
  const ReportReader r(rep.string());
  check_results(r, true);
  // The same MD5s as the batt candidates (kWant), in the same dialect.
  const auto mode = r.read_int64("candidates", "mode");
  for (const auto m : mode) EXPECT_EQ(m, 0);
}

TEST(TokpidjinSolverFiles, ForcingArcDslLeavesTokpidjinNamesUnknown) {
  const fs::path rep = scratch("tok_forced.h5");
  std::string out;
  ASSERT_EQ(run(kCorpus + " --dialect arc-dsl -j 1 -o " + rep.string(), &out), 0) << out;
  EXPECT_NE(out.find("unknown name 'get_nth_t'"), std::string::npos) << out;
  EXPECT_NE(out.find("(a tokpidjin name; --dialect is arc-dsl)"), std::string::npos) << out;
  const ReportReader r(rep.string());
  // Six solvers use shared names only (t17, t18, t19: power(rot90, TWO) called; t21
  // rot180(ONE(I)); t24 branch(size(rot90(ONE)), ...); t51 rbind(ONE, TWO)(I)): they run, in
  // arc-dsl. The other six use a tokpidjin name (a_mr, p_g, RED, f_ofcolor, o_g_t,
  // upscale_t): skipped.
  const auto status = r.read_int64("results", "status");
  std::size_t skipped = 0;
  for (const auto s : status) {
    skipped += s == static_cast<std::int64_t>(batt::report::Status::Skipped);
  }
  EXPECT_EQ(status.size(), 12u);
  EXPECT_EQ(skipped, 6u);
  // The config key exists and --print-config shows it.
  std::string cfg;
  ASSERT_EQ(run(kCorpus + " --dialect tokpidjin --print-config", &cfg), 0) << cfg;
  EXPECT_NE(cfg.find("dialect=\"tokpidjin\""), std::string::npos) << cfg;
}

TEST(TokpidjinInspect, CandidatesCarryTheirDialect) {
  std::string out;
  ASSERT_EQ(run("inspect -q " + kCorpus + "/batches " + kCorpus + "/differs", &out), 0) << out;
  std::size_t tok = 0, arc = 0;
  for (std::size_t p = out.find("\"dialect\":\""); p != std::string::npos;
       p = out.find("\"dialect\":\"", p + 1)) {
    (out.compare(p + 11, 9, "tokpidjin") == 0 ? tok : arc) += 1;
  }
  EXPECT_EQ(tok, 15u);  // 12 solvers and 3 differ blocks of the batt file
  EXPECT_EQ(arc, 1u);   // differs_arc.py
}

TEST(TokpidjinInspect, AForcedDialectAppliesToEveryFile) {
  std::string out;
  run("inspect -q --dialect arc-dsl " + kCorpus + "/batches " + kCorpus + "/differs", &out);
  std::size_t tok = 0, arc = 0;
  for (std::size_t p = out.find("\"dialect\":\""); p != std::string::npos;
       p = out.find("\"dialect\":\"", p + 1)) {
    (out.compare(p + 11, 9, "tokpidjin") == 0 ? tok : arc) += 1;
  }
  EXPECT_EQ(tok, 0u);
  EXPECT_EQ(arc, 16u) << out;  // every candidate, the batt file's included
}

// selfcheck replays a golden file in the dialect its name says (golden/README.md), or the one
// --dialect forces: the tokpidjin vectors pass as tokpidjin and fail as arc-dsl (names arc-dsl
// lacks, arc-dsl's strict errors where tokpidjin gives defaults).
TEST(TokpidjinSelfcheck, TheFileNameChoosesTheDialect) {
  const std::string golden = std::string(BATT_SHARED_DIR) + "/golden/tokpidjin_dsl_calls.jsonl";
  std::string out;
  EXPECT_EQ(run("selfcheck --golden " + golden, &out), 0) << out;
  EXPECT_NE(out.find(" 0 primitives failing, 0 problems"), std::string::npos) << out;
  EXPECT_EQ(run("selfcheck --dialect arc-dsl --golden " + golden, &out), 1);
}

TEST(TokpidjinMpi, TwoRanksGiveTheSingleProcessReport) {
  ASSERT_TRUE(batt::testing::kJobEnvironment);
  setenv("ASAN_OPTIONS", "detect_leaks=0", 1);  // see mpi_test.cpp
  const fs::path single = scratch("tok_single.h5"), ranks = scratch("tok_ranks.h5");
  std::string out;
  ASSERT_EQ(run(kCorpus + " --pairing cross -q -o " + single.string(), &out), 0) << out;
  ASSERT_EQ(batt::testing::run_shell(kMpirun + " -n 3 --oversubscribe --bind-to none " + kExe +
                                         " " + kCorpus + " --pairing cross -q -o " + ranks.string(),
                                     &out),
            0)
      << out;
  const std::string_view ignore[] = {"timings", "results.rank", "results.time_us"};
  const auto diffs = batt::report::compare_reports(single.string(), ranks.string(), ignore);
  EXPECT_TRUE(diffs.empty()) << diffs.front();
  // Cross pairing: the solving candidates still solve their own task from the workers.
  const ReportReader r(ranks.string());
  // (None solves the other task: e.g. t33's F4 block finds no colour on 3c9b0459, whose
  // palettes do not change, and replace(I, nan, RED) leaves I, which is no half turn of it.)
  std::int64_t solved = 0, want = 0;
  for (const auto s : r.read_int64("results", "solved")) solved += s;
  for (const Want& w : kWant) want += w.solves;
  EXPECT_EQ(want, 7);
  EXPECT_EQ(solved, want);
}

}  // namespace
