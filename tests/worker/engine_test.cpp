// The evaluation engine: one shared DAG walk per block and sample gives exactly what each
// candidate gives alone; strict and batt-compatibility modes; budgets end hostile programs
// with timeout/resource, deterministically and quickly.
#include "worker/engine.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "corpus/tasks.hpp"
#include "program/candidates.hpp"
#include "support/arc_data.hpp"
#include "support/text_file.hpp"
#include "worker/unit.hpp"

namespace batt::worker {
namespace {

using dsl::Value;
using report::Status;

// The candidates of project files (relative to the source tree) and of an in-memory file.
program::Corpus load(const std::vector<std::string>& files, const std::string& text = "") {
  program::Diagnostics diags;
  program::CorpusBuilder b(diags);
  for (const std::string& f : files) b.add_file(f, testing::read_text(testing::project_path(f)));
  if (!text.empty()) b.add_file("t.py", text);
  program::Corpus c = b.finish();
  EXPECT_EQ(diags.errors(), 0u);
  return c;
}

// The root of the candidate whose origin record is `record`.
program::NodeId root_of(const program::Corpus& c, const std::string& record) {
  for (const auto& cand : c.candidates) {
    for (const auto& o : cand.origins) {
      if (o.record == record) return cand.root;
    }
  }
  ADD_FAILURE() << "no candidate " << record;
  return 0;
}

corpus::TaskSet task(const std::string& id) {
  program::Diagnostics diags;
  corpus::TaskSet t = corpus::load_tasks(
      {dsl::testing::shared_dir() + "/arc/arc-agi-1/training/" + id + ".json"}, diags);
  EXPECT_EQ(t.tasks.size(), 1u);
  return t;
}

// The bundled corpus's solvers, plus one that fails on every input.
const std::vector<std::string> kSolverFiles = {"corpus/batches/solvers.py"};
constexpr const char* kFails = R"(
def solve_fails(I):
    x1 = ofcolor(I, SEVEN)
    x2 = ofcolor(I, EIGHT)
    x3 = intersection(x1, x2)
    x4 = first(x3)
    O = fill(I, ONE, x4)
    return O
)";

TEST(Engine, SharedWalkEqualsEachCandidateAlone) {
  const program::Corpus c = load(kSolverFiles, kFails);
  const corpus::TaskSet ts = task("007bbfb7");
  const corpus::Sample& s = ts.tasks[0].demo[0];
  std::vector<BlockEntry> all;
  for (const auto& cand : c.candidates) all.push_back({cand.root, Mode::Strict});
  ASSERT_EQ(all.size(), 11u);
  const Block together(c.dag, all, dsl::Dialect::ArcDsl);
  // Shared nodes (I, THREE, upscale(I, THREE), ...) appear once in the union.
  std::size_t slices = 0;
  for (std::size_t k = 0; k < all.size(); ++k) slices += together.slice_size(k);
  EXPECT_LT(together.nodes(), slices);

  Evaluator ev(dsl::Limits{}), alone_ev(dsl::Limits{});
  std::vector<Outcome> out, alone;
  ev.run(together, Inputs{Value::none(), s.input}, out);
  ASSERT_EQ(out.size(), all.size());
  const program::NodeId solver = root_of(c, "solve_007bbfb7");
  const program::NodeId fails = root_of(c, "solve_fails");
  for (std::size_t k = 0; k < all.size(); ++k) {
    if (all[k].root == solver) {
      EXPECT_EQ(out[k].status, Status::Ok);
      EXPECT_TRUE(dsl::identical(out[k].value, *s.output)) << dsl::repr(out[k].value);
    }
    if (all[k].root == fails) {
      EXPECT_EQ(out[k].status, Status::Error);  // first() of {}
    }
    const Block one(c.dag, {&all[k], 1}, dsl::Dialect::ArcDsl);
    alone_ev.run(one, Inputs{Value::none(), s.input}, alone);
    EXPECT_EQ(alone[0].status, out[k].status) << k;
    EXPECT_EQ(alone[0].steps, out[k].steps) << k;  // cost does not depend on the block
    if (out[k].status == Status::Ok) {
      EXPECT_TRUE(dsl::identical(alone[0].value, out[k].value));
    }
  }
}

TEST(Engine, BattModeTakesSafeDefaultsWhereStrictFails) {
  const program::Corpus c = load({}, kFails);
  const corpus::TaskSet ts = task("007bbfb7");
  const corpus::Sample& s = ts.tasks[0].demo[0];
  const program::NodeId r = root_of(c, "solve_fails");
  const std::vector<BlockEntry> both = {{r, Mode::Strict}, {r, Mode::Batt}};
  Evaluator ev(dsl::Limits{});
  std::vector<Outcome> out;
  ev.run(Block(c.dag, both, dsl::Dialect::ArcDsl), Inputs{Value::none(), s.input}, out);
  EXPECT_EQ(out[0].status, Status::Error);
  // first() fails -> its safe default `()`; fill(I, ONE, ()) paints nothing -> I itself.
  EXPECT_EQ(out[1].status, Status::Ok);
  EXPECT_TRUE(dsl::identical(out[1].value, s.input)) << dsl::repr(out[1].value);
}

TEST(Engine, CallingANonCallableInBattModeGivesEmptyTuple) {
  const program::Corpus c =
      load({}, "def solve(S, I, C):\n    x1 = ONE\n    O = x1(I)\n    return O\n");
  const corpus::TaskSet ts = task("007bbfb7");
  const std::vector<BlockEntry> e = {{c.candidates[0].root, Mode::Strict},
                                     {c.candidates[0].root, Mode::Batt}};
  Evaluator ev(dsl::Limits{});
  std::vector<Outcome> out;
  ev.run(Block(c.dag, e, c.candidates[0].dialect), Inputs{Value::none(), ts.tasks[0].demo[0].input},
         out);
  EXPECT_EQ(out[0].status, Status::Error);
  EXPECT_EQ(out[1].status, Status::Ok);
  EXPECT_EQ(dsl::repr(out[1].value), "()");
}

// Programs a generator can produce that explode, each of which must end quickly with
// timeout or resource without taking the rest of its block down with it; and a sane one.
const std::vector<std::string> kHostile = {"tests/fixtures/hostile_batch/hostile.py"};

TEST(Engine, HostileProgramsEndWithinBudget) {
  const program::Corpus c = load(kHostile);
  const corpus::TaskSet ts = task("007bbfb7");
  std::vector<BlockEntry> all;
  for (const char* r : {"solve_upscale_chain", "solve_power_tower", "solve_product_square",
                        "solve_objects_big", "solve_many_steps", "solve_007bbfb7"}) {
    all.push_back({root_of(c, r), Mode::Strict});
  }
  dsl::Limits lim;
  lim.max_steps = 5000;  // small: each link of the chain fits, their sum does not
  lim.deadline = std::chrono::milliseconds(200);
  Evaluator ev(lim, std::size_t{64} << 20);
  std::vector<Outcome> out;
  const auto t0 = std::chrono::steady_clock::now();
  ev.run(Block(c.dag, all, dsl::Dialect::ArcDsl), Inputs{Value::none(), ts.tasks[0].demo[0].input},
         out);
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_LT(s, 5.0);
  for (std::size_t k = 0; k < 5; ++k) {
    EXPECT_TRUE(out[k].status == Status::Timeout || out[k].status == Status::Resource)
        << k << ": " << report::status_name(out[k].status) << " " << dsl::repr(out[k].value);
  }
  EXPECT_EQ(out[4].status, Status::Timeout);  // each step is cheap; their sum is not
  EXPECT_EQ(out[5].status, Status::Ok);
}

TEST(Engine, SampleInvariantNodesAreReusedExactly) {
  // x1..x3 depend on S alone (computed once per task), O on I too.
  const program::Corpus c = load({}, R"(
def solve_s(S, I, C):
    x1 = apply(first, S)
    x2 = apply(palette, x1)
    x3 = size(x2)
    O = upscale(I, x3)
    return O
)");
  const corpus::TaskSet ts = task("007bbfb7");
  dsl::Arena arena;
  dsl::EvalCtx ctx(arena);
  const Value S = demo_pairs(ts.tasks[0], ctx);  // as the job builds it
  const BlockEntry e{c.candidates[0].root, Mode::Strict};
  const Block b(c.dag, {&e, 1}, dsl::Dialect::ArcDsl);
  Evaluator warm(dsl::Limits{});
  std::vector<Outcome> w, f;
  for (const corpus::Sample& s : ts.tasks[0].demo) {
    warm.run(b, Inputs{S, s.input}, w);  // hoisted values from the first sample on
    Evaluator fresh(dsl::Limits{});      // f's values live in its arenas: keep it alive
    fresh.run(b, Inputs{S, s.input}, f);
    ASSERT_EQ(w[0].status, Status::Ok);
    EXPECT_EQ(w[0].status, f[0].status);
    EXPECT_EQ(w[0].steps, f[0].steps);
    EXPECT_TRUE(dsl::identical(w[0].value, f[0].value));
  }
}

TEST(Engine, ResultsAreDeterministic) {
  const program::Corpus c = load(kHostile);
  const corpus::TaskSet ts = task("007bbfb7");
  std::vector<BlockEntry> all;
  for (const auto& cand : c.candidates) all.push_back({cand.root, Mode::Strict});
  dsl::Limits lim;
  lim.max_steps = 20'000;
  const Block b(c.dag, all, dsl::Dialect::ArcDsl);
  std::vector<Outcome> first, again;
  Evaluator one(lim, std::size_t{64} << 20), two(lim, std::size_t{64} << 20);
  one.run(b, Inputs{Value::none(), ts.tasks[0].test[0].input}, first);
  two.run(b, Inputs{Value::none(), ts.tasks[0].test[0].input}, again);
  for (std::size_t k = 0; k < all.size(); ++k) {
    EXPECT_EQ(first[k].status, again[k].status);
    EXPECT_EQ(first[k].steps, again[k].steps);
  }
}

}  // namespace
}  // namespace batt::worker
