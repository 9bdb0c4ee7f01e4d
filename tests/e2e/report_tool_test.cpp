// Sharded sweeps end to end: the provenance digests (corpus_digest, config_digest) that
// every shard of one sweep shares, `batt_report merge` giving back the single run's report
// row for row (cross and origin pairing, several block sizes), its refusals of mixtures
// (another corpus or options, another split, a shard twice or missing, unfinished shards),
// `batt_report compare` and `summary`, --resume refusing a .partial of other options, and
// every configs/*.toml being a valid --config file.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "report/report_reader.hpp"
#include "report/report_writer.hpp"
#include "support/job_runner.hpp"

namespace {

namespace fs = std::filesystem;
using batt::report::ReportReader;
using batt::testing::scratch;

const std::string kExe = BATT_MPI_EXE;
const std::string kReport = BATT_REPORT_EXE;

int run(const std::string& cmd, std::string* out = nullptr) {
  return batt::testing::run_shell(cmd, out);
}

// Runs batt_mpi on the bundled corpus with `args`, writing `name`; returns its path.
fs::path job(const std::string& name, const std::string& args) {
  const fs::path p = scratch(name);
  std::string out;
  EXPECT_EQ(run(kExe + " corpus " + args + " -q -o " + p.string(), &out), 0) << out;
  return p;
}

// The shards of `args` (i/n for every i), as paths.
std::vector<fs::path> shards(const std::string& stem, const std::string& args, int n) {
  std::vector<fs::path> v;
  for (int i = 0; i < n; ++i) {
    v.push_back(job(stem + std::to_string(i) + ".h5",
                    args + " --shard " + std::to_string(i) + "/" + std::to_string(n)));
  }
  return v;
}

std::string merge_cmd(const fs::path& out, const std::vector<fs::path>& in,
                      const std::string& flags = "") {
  std::string cmd = kReport + " merge " + flags + " " + out.string();
  for (const fs::path& p : in) cmd += " " + p.string();
  return cmd;
}

std::string attr(const fs::path& p, const char* name) {
  return ReportReader(p.string()).attr_string(name).value_or("");
}

const std::string_view kIgnore[] = {"timings", "results.time_us", "results.rank"};

// The whole sweep in one run, and in 3 shards (cross pairing, outputs of every sample).
class Sweep : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ASSERT_TRUE(batt::testing::kJobEnvironment);
    whole_ = job("whole.h5", kArgs);
    shards_ = shards("shard", kArgs, 3);
  }
  static constexpr const char* kArgs = "--pairing cross --store-outputs all --block 7";
  static fs::path whole_;
  static std::vector<fs::path> shards_;
};
fs::path Sweep::whole_;
std::vector<fs::path> Sweep::shards_;

TEST_F(Sweep, ShardsShareTheDigestsOfTheWholeSweep) {
  const std::string corpus = attr(whole_, "corpus_digest"), config = attr(whole_, "config_digest");
  EXPECT_EQ(corpus.size(), 32u) << corpus;
  EXPECT_EQ(config.size(), 32u) << config;
  EXPECT_NE(corpus, config);
  for (std::size_t i = 0; i < shards_.size(); ++i) {
    EXPECT_EQ(attr(shards_[i], "corpus_digest"), corpus) << i;
    EXPECT_EQ(attr(shards_[i], "config_digest"), config) << i;
    EXPECT_EQ(attr(shards_[i], "shard"), std::to_string(i) + "/3");
  }
  EXPECT_EQ(attr(whole_, "shard"), "0/1");
  // /units: one row per unit of the plan, most expensive first.
  const ReportReader r(whole_.string());
  const auto cost = r.read_double("units", "cost");
  ASSERT_GT(cost.size(), 10u);
  EXPECT_TRUE(std::is_sorted(cost.rbegin(), cost.rend()));
  EXPECT_EQ(r.attr_int("units_done"), static_cast<std::int64_t>(cost.size()));
}

// Options that only change how the work runs keep the config digest; result options change it.
TEST_F(Sweep, ConfigDigestFollowsOnlyResultOptions) {
  const std::string config = attr(whole_, "config_digest");
  const fs::path other_run =
      job("threads.h5", "--pairing cross --store-outputs all --block 3 -j 1 --flush-s 5");
  EXPECT_EQ(attr(other_run, "config_digest"), config);
  EXPECT_EQ(attr(other_run, "corpus_digest"), attr(whole_, "corpus_digest"));
  const fs::path budget = job("budget.h5", std::string(kArgs) + " --max-steps 1000000");
  EXPECT_NE(attr(budget, "config_digest"), config);
  EXPECT_EQ(attr(budget, "corpus_digest"), attr(whole_, "corpus_digest"));
  const fs::path fewer = job("fewer.h5", std::string(kArgs) + " --tasks 007bbfb7,3c9b0459");
  EXPECT_NE(attr(fewer, "corpus_digest"), attr(whole_, "corpus_digest"));
  EXPECT_EQ(attr(fewer, "config_digest"), config);
}

TEST_F(Sweep, MergedShardsEqualTheSingleRun) {
  const fs::path merged = scratch("merged.h5");
  std::string out;
  // Any order of the inputs.
  ASSERT_EQ(run(merge_cmd(merged, {shards_[2], shards_[0], shards_[1]}), &out), 0) << out;
  EXPECT_NE(out.find("merged 3 of 3 shards"), std::string::npos) << out;
  const auto diffs = batt::report::compare_reports(whole_.string(), merged.string(), kIgnore);
  EXPECT_TRUE(diffs.empty()) << diffs.front();
  const ReportReader r(merged.string());
  EXPECT_GT(r.rows("diffs"), 0u);
  EXPECT_GT(r.rows("outputs"), 0u);
  EXPECT_EQ(r.attr_string("status"), "complete");
  EXPECT_EQ(r.attr_string("shard"), "0/1");
  EXPECT_EQ(r.attr_string("corpus_digest"), attr(whole_, "corpus_digest"));
  EXPECT_EQ(r.attr_int("n_tasks"), 10);
  EXPECT_NE(r.attr_string("merged_from").value_or("").find("2/3 " + shards_[2].string()),
            std::string::npos);
  // batt_report compare says the same (timings, ranks and times ignored by default).
  EXPECT_EQ(run(kReport + " compare " + whole_.string() + " " + merged.string(), &out), 0) << out;
  EXPECT_NE(out.find("same"), std::string::npos) << out;
}

TEST(Merge, OriginPairingAndOtherSplitsEqualTheSingleRun) {
  for (const std::string args : {"--pairing origin", "--pairing cross --block 1"}) {
    const fs::path whole = job("o_whole.h5", args);
    const int n = args.find("origin") != std::string::npos ? 4 : 2;
    const std::vector<fs::path> parts = shards("o_shard", args, n);
    const fs::path merged = scratch("o_merged.h5");
    std::string out;
    ASSERT_EQ(run(merge_cmd(merged, parts), &out), 0) << out;
    const auto diffs = batt::report::compare_reports(whole.string(), merged.string(), kIgnore);
    EXPECT_TRUE(diffs.empty()) << args << ": " << diffs.front();
  }
}

TEST_F(Sweep, MergeRefusesMixtures) {
  const fs::path out = scratch("refused.h5");
  struct Case {
    std::vector<fs::path> inputs;
    std::vector<std::string> said;  // in the message
  };
  const fs::path budget =
      job("b_shard1.h5", std::string(kArgs) + " --max-steps 1000000 --shard 1/3");
  const fs::path fewer =
      job("c_shard1.h5", std::string(kArgs) + " --tasks 007bbfb7,3c9b0459,5521c0d9 --shard 1/3");
  const fs::path split = job("d_shard1.h5", std::string(kArgs) + " --shard 1/2");
  // Unfinished: a shard still running or stopped (only its .partial), and one whose status
  // says so (a .partial renamed by hand).
  const fs::path pending = scratch("pending.h5");
  fs::copy_file(shards_[2], pending.string() + ".partial", fs::copy_options::overwrite_existing);
  const fs::path stopped = scratch("stopped.h5");
  fs::copy_file(shards_[2], stopped.string() + ".partial", fs::copy_options::overwrite_existing);
  batt::report::ReportWriter(stopped.string(), {}, batt::report::OpenMode::Resume)
      .close_partial("interrupted");
  fs::rename(stopped.string() + ".partial", stopped);
  const std::vector<Case> cases = {
      {{shards_[0], shards_[1]}, {"missing shard(s) 2 of 3", "--allow-partial"}},
      {{shards_[0], shards_[1], shards_[2], shards_[1]},
       {"both shard 1/3", shards_[1].string(), "overlapping"}},
      {{shards_[0], budget, shards_[2]}, {budget.string(), "config_digest", "options"}},
      {{shards_[0], fewer, shards_[2]}, {fewer.string(), "corpus_digest"}},
      {{shards_[0], split, shards_[2]}, {split.string(), "1/2", "different splits"}},
      {{shards_[0], shards_[1], pending}, {pending.string(), "not finished"}},
      {{shards_[0], shards_[1], fs::path(pending.string() + ".partial")},
       {".partial", "incomplete"}},
      {{shards_[0], shards_[1], stopped}, {stopped.string(), "status is 'interrupted'"}},
  };
  for (const Case& c : cases) {
    std::string msg;
    EXPECT_EQ(run(merge_cmd(out, c.inputs), &msg), 2) << msg;
    for (const std::string& s : c.said) EXPECT_NE(msg.find(s), std::string::npos) << msg;
    EXPECT_FALSE(fs::exists(out)) << msg;
    EXPECT_FALSE(fs::exists(out.string() + ".partial")) << msg;
  }
  // A subset, when asked for: its shard attribute says which shards it holds.
  std::string msg;
  ASSERT_EQ(run(merge_cmd(out, {shards_[2], shards_[0]}, "--allow-partial"), &msg), 0) << msg;
  EXPECT_EQ(attr(out, "shard"), "0,2/3");
  EXPECT_EQ(ReportReader(out.string()).rows("tasks"),
            ReportReader(shards_[0].string()).rows("tasks") +
                ReportReader(shards_[2].string()).rows("tasks"));
}

TEST_F(Sweep, CompareAndSummary) {
  std::string out;
  EXPECT_EQ(run(kReport + " compare " + whole_.string() + " " + whole_.string(), &out), 0) << out;
  EXPECT_EQ(run(kReport + " compare " + whole_.string() + " " + shards_[0].string(), &out), 1)
      << out;
  EXPECT_NE(out.find("tasks.id"), std::string::npos) << out;
  EXPECT_NE(out.find("differ:"), std::string::npos) << out;
  // --ignore skips what it names; --strict compares the timings too.
  EXPECT_EQ(run(kReport +
                    " compare --ignore tasks --ignore units --ignore results --ignore diffs "
                    "--ignore outputs --ignore output_cells " +
                    whole_.string() + " " + shards_[0].string(),
                &out),
            0)
      << out;
  EXPECT_EQ(run(kReport + " compare --strict " + whole_.string() + " " + whole_.string(), &out), 0)
      << out;
  EXPECT_EQ(run(kReport + " compare " + whole_.string() + " /no/such.h5", &out), 105) << out;

  ASSERT_EQ(run(kReport + " summary " + whole_.string(), &out), 0) << out;
  for (const char* s :
       {"status: complete", "shard: 0/1", "corpus_digest: ", "results: ", "solved: ", "units="}) {
    EXPECT_NE(out.find(s), std::string::npos) << s << "\n" << out;
  }
  for (const char* sub : {"merge", "compare", "summary"}) {
    EXPECT_EQ(run(kReport + " " + sub + " --help", &out), 0) << out;
  }
  EXPECT_NE(run(kReport, &out), 0);
}

// --resume continues only the job that wrote the .partial: same corpus, same result options.
TEST_F(Sweep, ResumeRefusesAPartialOfOtherOptions) {
  const fs::path rep = scratch("resume_other.h5");
  fs::copy_file(shards_[0], rep.string() + ".partial", fs::copy_options::overwrite_existing);
  std::string out;
  EXPECT_EQ(run(kExe + " corpus " + kArgs + " --shard 0/3 --max-steps 1000000 --resume -q -o " +
                    rep.string(),
                &out),
            2)
      << out;
  EXPECT_NE(out.find("config_digest"), std::string::npos) << out;
  // The same options (another thread count) resume it: nothing is left to do.
  EXPECT_EQ(
      run(kExe + " corpus " + kArgs + " --shard 0/3 -j 1 --resume -q -o " + rep.string(), &out), 0)
      << out;
  EXPECT_TRUE(batt::report::compare_reports(shards_[0].string(), rep.string(), kIgnore).empty());
}

// Every shipped config is a valid --config file (a misspelt key would fail to parse).
TEST(Configs, EveryConfigFileParses) {
  std::size_t n = 0;
  for (const auto& e : fs::directory_iterator(batt::testing::project_path("configs"))) {
    if (e.path().extension() != ".toml") continue;
    ++n;
    std::string out;
    EXPECT_EQ(run(kExe + " --config " + e.path().string() + " --print-config", &out), 0)
        << e.path() << "\n"
        << out;
  }
  EXPECT_GE(n, 3u);
}

}  // namespace
