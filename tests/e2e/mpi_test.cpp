// The MPI job with real mpirun (1, 2, 3 and 5 ranks, oversubscribed on this machine; as root
// in CI through OMPI_ALLOW_RUN_AS_ROOT*): its report equals the single-process report of the
// same corpus, rows for rows, whatever the rank count; a stop signal to rank 0 leaves an
// "interrupted" .partial; a worker killed with SIGKILL ends the job, the .partial stays
// readable, and --resume completes it into the report an uninterrupted run writes.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <string>
#include <thread>

#include "report/report_reader.hpp"
#include "support/job_runner.hpp"

namespace {

namespace fs = std::filesystem;
using batt::report::ReportReader;

using batt::testing::scratch;
using batt::testing::wait_for_results;

const std::string kExe = BATT_MPI_EXE;
const std::string kShared = BATT_SHARED_DIR;
const std::string kMpirun = BATT_MPIEXEC;

// Under the sanitizer pass, LeakSanitizer reports what Open MPI's dlopen'ed components keep
// until exit, as "<unknown module>" that no suppression can name: processes this test starts
// run without leak detection (address and UB checks stay on; the single-process tests and
// the unit tests keep leak detection).
const bool kNoMpiLeakCheck = [] {
  const char* old = std::getenv("ASAN_OPTIONS");
  const std::string opts =
      std::string(old ? old : "") + (old && *old ? ":" : "") + "detect_leaks=0";
  return setenv("ASAN_OPTIONS", opts.c_str(), 1) == 0;
}();

int run(const std::string& cmd, std::string* out = nullptr) {
  return batt::testing::run_shell(cmd, out);
}

std::string mpirun(int ranks) {
  return kMpirun + " -n " + std::to_string(ranks) + " --oversubscribe --bind-to none " + kExe;
}

// What may differ between runs: who ran a unit, how long things took.
const std::string_view kIgnore[] = {"timings", "results.rank", "results.time_us"};

class MpiRanks : public ::testing::TestWithParam<int> {
 protected:
  static void SetUpTestSuite() {
    ASSERT_TRUE(batt::testing::kJobEnvironment && kNoMpiLeakCheck);
    single_ = scratch("single.h5");
    std::string out;
    ASSERT_EQ(run(kExe + " corpus --pairing cross -q -o " + single_.string(), &out), 0) << out;
  }
  static fs::path single_;
};
fs::path MpiRanks::single_;

TEST_P(MpiRanks, ReportEqualsTheSingleProcessOne) {
  const int n = GetParam();
  const fs::path rep = scratch("ranks" + std::to_string(n) + ".h5");
  std::string out;
  ASSERT_EQ(run(mpirun(n) + " corpus --pairing cross -q -o " + rep.string(), &out), 0) << out;
  const auto diffs = batt::report::compare_reports(single_.string(), rep.string(), kIgnore);
  EXPECT_TRUE(diffs.empty()) << diffs.front();
  const ReportReader r(rep.string());
  EXPECT_EQ(r.attr_int("mpi_world_size"), n);
  EXPECT_EQ(r.attr_string("status"), "complete");
  if (n > 1) {
    // Every rank says where it ran and on what (no GPU is visible here: CPU workers).
    const std::string ranks = r.attr_string("ranks").value_or("");
    EXPECT_NE(ranks.find("rank 0: host "), std::string::npos) << ranks;
    EXPECT_NE(ranks.find("rank " + std::to_string(n - 1) + ": host "), std::string::npos) << ranks;
    EXPECT_NE(ranks.find(", worker 0 of the node, "), std::string::npos) << ranks;
    // Units ran on the workers, never on rank 0.
    for (const auto rank : r.read_int64("results", "rank")) {
      EXPECT_TRUE(rank >= 1 && rank < n) << rank;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Ranks, MpiRanks, ::testing::Values(1, 2, 3, 5));

// A unit that throws on a worker is retried once on another, and the report is whole.
TEST_F(MpiRanks, FailedUnitIsRetriedElsewhere) {
  const fs::path rep = scratch("retry.h5");
  std::string out;
  ASSERT_EQ(run("BATT_INJECT_UNIT_FAILURE=0 " + mpirun(3) + " corpus --pairing cross -q -o " +
                    rep.string(),
                &out),
            0)
      << out;
  EXPECT_NE(out.find("unit 0 failed on rank 1: injected failure"), std::string::npos) << out;
  const auto diffs = batt::report::compare_reports(single_.string(), rep.string(), kIgnore);
  EXPECT_TRUE(diffs.empty()) << diffs.front();
}

// Re-issuing every unit still out as soon as the queue is empty: duplicates come back, the
// first result of each unit is kept, and the report is still the single-process one.
TEST_F(MpiRanks, ReissuedUnitsKeepTheFirstResult) {
  const fs::path rep = scratch("reissue.h5");
  std::string out;
  ASSERT_EQ(
      run(mpirun(3) + " corpus --pairing cross --block 4 --reissue-after-s 0 -q -o " + rep.string(),
          &out),
      0)
      << out;
  const fs::path single4 = scratch("single4.h5");
  ASSERT_EQ(run(kExe + " corpus --pairing cross --block 4 -q -o " + single4.string(), &out), 0)
      << out;
  const auto diffs = batt::report::compare_reports(single4.string(), rep.string(), kIgnore);
  EXPECT_TRUE(diffs.empty()) << diffs.front();
  EXPECT_GT(ReportReader(rep.string()).attr_int("units_reissued").value_or(0), 0);
}

// The job the fault tests stop: the bundled corpus on all 400 ARC-AGI-1 training tasks,
// one candidate per unit. With a flush after every unit it takes about 30 s, long enough to
// stop mid-way; without, about a second.
std::string long_job() {
  return "corpus --task-path " + kShared + "/arc/arc-agi-1/training --pairing cross --block 1 -q";
}

pid_t start_long_run(const fs::path& rep, int ranks) {
  return batt::testing::spawn_shell(mpirun(ranks) + " " + long_job() + " --flush-s 0 -o " +
                                    rep.string());
}

// The pid of MPI rank `rank` among the children of mpirun (found by its OMPI_COMM_WORLD_RANK).
pid_t rank_pid(pid_t mpirun_pid, int rank) {
  const std::string cmd = "pgrep -f -P " + std::to_string(mpirun_pid) + " batt_mpi";
  FILE* p = popen(cmd.c_str(), "r");
  std::vector<pid_t> pids;
  int x = 0;
  while (p && fscanf(p, "%d", &x) == 1) pids.push_back(x);
  if (p) pclose(p);
  // OMPI_COMM_WORLD_RANK of each child, from its environment.
  for (const pid_t c : pids) {
    const std::string env = batt::testing::read_text("/proc/" + std::to_string(c) + "/environ");
    const std::string key = "OMPI_COMM_WORLD_RANK=" + std::to_string(rank);
    if (env.find(key + '\0') != std::string::npos) return c;
  }
  return -1;
}

TEST(MpiJob, SigtermToRankZeroLeavesAnInterruptedReport) {
  const fs::path rep = scratch("term.h5");
  const fs::path partial = rep.string() + ".partial";
  const pid_t sh = start_long_run(rep, 3);
  wait_for_results(partial);
  const pid_t rank0 = rank_pid(sh, 0);
  ASSERT_GT(rank0, 0);
  kill(rank0, SIGTERM);
  int st = 0;
  waitpid(sh, &st, 0);
  EXPECT_TRUE(WIFEXITED(st)) << "mpirun ended by a signal";
  EXPECT_EQ(WEXITSTATUS(st), 1);
  ASSERT_FALSE(fs::exists(rep));
  const ReportReader r(partial.string());
  EXPECT_EQ(r.attr_string("status"), "interrupted");
  EXPECT_GT(r.rows("results"), 0u);
  // With --block 1 a unit is one row: every unit written is written once.
  const auto units = r.read_int64("results", "unit");
  EXPECT_EQ(std::set<std::int64_t>(units.begin(), units.end()).size(), units.size());
}

TEST(MpiJob, KilledWorkerEndsTheJobWithAReadablePartialReport) {
  const fs::path rep = scratch("kill.h5");
  const fs::path partial = rep.string() + ".partial";
  const pid_t sh = start_long_run(rep, 3);
  wait_for_results(partial);
  const pid_t worker = rank_pid(sh, 1);
  ASSERT_GT(worker, 0);
  kill(worker, SIGKILL);
  int st = 0;
  waitpid(sh, &st, 0);
  EXPECT_FALSE(WIFEXITED(st) && WEXITSTATUS(st) == 0);
  ASSERT_FALSE(fs::exists(rep));
  {
    const ReportReader r(partial.string());
    EXPECT_GT(r.rows("results"), 0u);
    EXPECT_EQ(r.rows("tasks"), 400u);
  }
  // --resume completes it, and the tables equal an uninterrupted run's.
  std::string out;
  ASSERT_EQ(run(mpirun(3) + " " + long_job() + " --resume -o " + rep.string(), &out), 0) << out;
  const fs::path ref = scratch("kill_ref.h5");
  ASSERT_EQ(run(kExe + " " + long_job() + " -o " + ref.string(), &out), 0) << out;
  const auto diffs = batt::report::compare_reports(ref.string(), rep.string(), kIgnore);
  EXPECT_TRUE(diffs.empty()) << diffs.front();
}

}  // namespace
