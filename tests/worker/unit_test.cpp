// A work unit on a real ARC task: hits per sample, status bits, solved, the match-only diff
// (values worked out by hand below) and validation of the canonical text.
#include "worker/unit.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "corpus/tasks.hpp"
#include "program/canonical.hpp"
#include "support/arc_data.hpp"
#include "support/text_file.hpp"

namespace batt::worker {
namespace {

using report::Status;

// 007bbfb7 (5 demo pairs, 1 test pair): the bundled corpus's solver, a program that
// misses (the input upscaled, not tiled), and one that fails on every input
// (first(first(first(I))): the first row, its first cell, first() of an int).
constexpr const char* kSolvers = R"(
def solve_almost(I):
    O = upscale(I, THREE)
    return O

def solve_fails(I):
    x1 = first(I)
    x2 = first(x1)
    O = first(x2)
    return O
)";

// The bundled corpus's two differs, and one that returns a bool as its size, which the
// reference rejects (Q41).
constexpr const char* kBoolDiffer = R"(
def differ(S, I, C):
    x1 = shape(I)
    x2 = shape(C)
    x3 = equality(x1, x2)
    O = astuple(x3, ZERO)
    return O
)";

struct Fixture {
  program::Corpus corpus;
  CorpusView cv;
  corpus::TaskSet tasks;
  dsl::Arena arena;
  std::vector<TaskInput> inputs;

  Fixture() {
    program::Diagnostics diags;
    program::CorpusBuilder b(diags);
    for (const char* f : {"corpus/batches/solvers.py", "corpus/differs/differs.py"}) {
      b.add_file(f, testing::read_text(testing::project_path(f)));
    }
    b.add_file("solvers.py", kSolvers);
    b.add_file("bool_differ.py", kBoolDiffer);
    corpus = b.finish();
    EXPECT_EQ(diags.errors(), 0u);
    cv = make_view(corpus);
    tasks = corpus::load_tasks(
        {dsl::testing::shared_dir() + "/arc/arc-agi-1/training/007bbfb7.json"}, diags);
    dsl::EvalCtx ctx(arena);
    inputs.push_back({&tasks.tasks.at(0), 0, demo_pairs(tasks.tasks.at(0), ctx)});
  }
  // The block of `cands` and what a worker knows of them (as the plan builds it).
  Block block(const std::vector<std::int32_t>& cands) const {
    std::vector<BlockEntry> entries;
    for (auto c : cands) entries.push_back({corpus.candidates[c].root, cv.modes[c]});
    return Block(corpus.dag, entries, dsl::Dialect::ArcDsl);
  }
  BlockInfo info(const std::vector<std::int32_t>& cands) const {
    BlockInfo i{cands, {}, {}};
    for (auto c : cands) {
      const program::Candidate& k = corpus.candidates[c];
      i.md5.push_back(*k.md5);
      i.canonical.push_back(program::canonical_text(corpus.dag, k.root, k.kind));
    }
    return i;
  }
  std::int32_t cand(const std::string& record) const {
    for (std::size_t i = 0; i < corpus.candidates.size(); ++i) {
      for (const auto& o : corpus.candidates[i].origins) {
        if (o.record == record) return static_cast<std::int32_t>(i);
      }
    }
    ADD_FAILURE() << record;
    return -1;
  }
};

TEST(Unit, ScoresDiffsAndValidates) {
  Fixture f;
  const Differs differs = select_differs(f.cv);
  ASSERT_EQ(differs.cands.size(), 3u);
  std::vector<std::int32_t> cands = {f.cand("solve_007bbfb7"), f.cand("solve_almost"),
                                     f.cand("solve_fails")};
  std::sort(cands.begin(), cands.end());

  UnitOptions opt;
  opt.validate_runs = 3;
  Worker w(opt);
  LazyDiffTable tab(differs, f.inputs[0]);
  const UnitResult u = w.run(f.block(cands), f.info(cands), f.inputs[0], tab, 7, 0);
  // There was a demo match: this unit computed the task's differ table.
  EXPECT_EQ(u.counters.differ_evaluations, 5u * 3u * 2u);
  ASSERT_EQ(u.results.size(), 3u);
  auto row = [&](std::int32_t c) {
    for (const auto& r : u.results) {
      if (r.cand == c) return r;
    }
    return report::ResultRow{};
  };
  const report::ResultRow good = row(f.cand("solve_007bbfb7"));
  EXPECT_EQ(good.demo_hits, 5);
  EXPECT_EQ(good.test_hits, 1);
  EXPECT_TRUE(good.solved);
  EXPECT_EQ(good.status, Status::Ok);
  EXPECT_EQ(good.status_bits, 0u);  // six samples, all code 0
  EXPECT_EQ(good.valid, 1);
  EXPECT_GT(good.time_us, 0.0f);
  EXPECT_EQ(good.unit, 7);

  // The upscaled input is a 9x9 grid, but not the tiled one.
  const report::ResultRow almost = row(f.cand("solve_almost"));
  EXPECT_EQ(almost.demo_hits + almost.test_hits, 0);
  EXPECT_EQ(almost.status, Status::Mismatch);
  EXPECT_EQ(almost.status_bits, 0x111111u);
  EXPECT_EQ(almost.valid, -1);  // no hits: not validated

  // first(first(first(I))): first row, first cell (an int), first() of an int raises.
  const report::ResultRow fails = row(f.cand("solve_fails"));
  EXPECT_EQ(fails.status, Status::Error);
  EXPECT_EQ(fails.status_bits, 0x222222u);

  // Match-only diff, by hand. Only solve_007bbfb7 matches, on its 5 demo samples, where
  // d(S, O, O) = 0 for both differs: iz += 1 from that term on every sample.
  // Palette differ: each output has exactly its input's colours, d(S, I, O) = 0: zo += 1 per
  // sample -> iz 5, zo 5.
  // Cells-of-I-not-in-C differ: O's top-left 3x3 block keeps I's cell where it equals
  // I[0][0] and is 0 elsewhere, so I's coloured cells are missing from O exactly when
  // I[0][0] is 0: demo inputs 1 and 3 ([[0,7,7],..] and [[0,0,0],..]) of the five (the
  // others start with 4, 6, 2) -> iz 5 + 2 = 7, zo 3.
  // The bool differ is never valid: no row.
  ASSERT_EQ(u.diffs.size(), 2u);
  std::set<std::pair<int, int>> scores;
  for (const report::DiffRow& d : u.diffs) {
    EXPECT_EQ(d.cand, good.cand);
    EXPECT_EQ(d.samples, 5);
    scores.insert({d.iz, d.zo});
  }
  EXPECT_EQ(scores, (std::set<std::pair<int, int>>{{5, 5}, {7, 3}}));
  EXPECT_EQ(u.counters.demo_matches, 5u);
  EXPECT_EQ(u.counters.demo_outputs, 10u);  // 5 matches + 5 mismatches; errors do not count
  EXPECT_EQ(u.counters.diff_calls, 5u * 3u * 2u);

  // Default --store-outputs test: test outputs of pairs with a demo hit.
  ASSERT_EQ(u.outputs.size(), 1u);
  EXPECT_EQ(u.outputs[0].cand, good.cand);
  EXPECT_TRUE(u.outputs[0].is_test);
  EXPECT_EQ(u.outputs[0].sample, 5);
  EXPECT_EQ(u.outputs[0].rows, 9);
  EXPECT_EQ(u.outputs[0].cols, 9);
  EXPECT_EQ(u.outputs[0].cells.size(), 81u);
}

TEST(Unit, StoreAllKeepsEverySampleOfSelectedPairs) {
  Fixture f;
  std::vector<std::int32_t> cands = {f.cand("solve_007bbfb7"), f.cand("solve_fails")};
  std::sort(cands.begin(), cands.end());
  UnitOptions opt;
  opt.store_outputs = StoreOutputs::All;
  opt.outputs_min_demo_hits = 0;
  opt.validate_runs = 0;
  Worker w(opt);
  const Differs none;
  LazyDiffTable tab(none, f.inputs[0]);
  const UnitResult u = w.run(f.block(cands), f.info(cands), f.inputs[0], tab, 0, 0);
  EXPECT_EQ(u.outputs.size(), 12u);
  std::size_t errors = 0;
  for (const auto& o : u.outputs) {
    if (o.status == Status::Error) {
      ++errors;
      EXPECT_EQ(o.rows, 0);
      EXPECT_FALSE(o.text.empty());
    }
  }
  EXPECT_EQ(errors, 6u);
  for (const auto& r : u.results) EXPECT_EQ(r.valid, -1);  // validation off
}

}  // namespace
}  // namespace batt::worker
