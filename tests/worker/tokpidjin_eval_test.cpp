// The tokpidjin dialect end to end through the engine: the fixture corpus of
// tests/fixtures/tokpidjin/ (a batt file in the 273a50a1 format and the same candidates as
// tokpidjin solver files) on two real ARC tasks, with outputs worked out by hand from the
// spec (tokpidjin-dsl.md, tokpidjin-pipeline.md §2.2/§2.5); where the safe default is
// substituted (at the failing primitive; at the batt line for closures and non-callables);
// the arc-dsl batt mode under the same rule; blocks, the wire and the plan keep dialects
// apart.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <vector>

#include "coordinator/plan.hpp"
#include "corpus/tasks.hpp"
#include "dsl/registry.hpp"
#include "dsl/tuple.hpp"
#include "dsl/value_json.hpp"
#include "program/candidates.hpp"
#include "program/canonical.hpp"
#include "support/text_file.hpp"
#include "support/tok_vectors.hpp"
#include "worker/engine.hpp"
#include "worker/unit.hpp"
#include "worker/wire.hpp"

namespace batt::worker {
namespace {

using dsl::Dialect;
using dsl::Value;
using report::Status;

const std::string kDir = "tests/fixtures/tokpidjin/";

std::string path(const std::string& rel) {
  return testing::project_path(kDir + rel);
}

program::Corpus load(const std::vector<std::string>& paths,
                     program::DialectChoice choice = program::DialectChoice::Auto) {
  program::Diagnostics diags;
  program::Corpus c = program::load_corpus(paths, diags, {}, choice);
  for (const auto& d : diags.all()) ADD_FAILURE() << program::format(d);
  return c;
}

// The two fixture tasks, with S (the demo pairs) built in `arena`.
struct Tasks {
  corpus::TaskSet set;
  dsl::Arena arena{std::size_t{64} << 20};
  std::map<std::string, Value> S;
  Tasks() {
    program::Diagnostics diags;
    set = corpus::load_tasks({path("tasks")}, diags);
    EXPECT_EQ(set.tasks.size(), 2u);
    dsl::EvalCtx ctx(arena);
    for (const corpus::Task& t : set.tasks) S[t.id] = demo_pairs(t, ctx);
  }
  const corpus::Task& task(const std::string& id) const { return *set.find(id); }
};

const Tasks& tasks() {
  static const Tasks t;
  return t;
}

// The candidate of `corpus` with origin record `record` (and origin task, when given).
const program::Candidate& by_record(const program::Corpus& c, const std::string& record) {
  for (const auto& cand : c.candidates) {
    for (const auto& o : cand.origins) {
      if (o.record == record) return cand;
    }
  }
  throw std::runtime_error("no candidate " + record);
}

// What a candidate gives on every sample of its task, by hand (see kExpected).
enum class Want : std::uint8_t {
  Solves,      // the task's recorded output on every sample
  EmptyTuple,  // `()` on every sample
  Error,       // an error (strict mode: no batt line to catch it)
};

struct Expected {
  const char* record;  // the batt record; the solver file names it solve_<task>
  const char* task;
  Want batt;    // the batt candidate (protected lines)
  Want strict;  // the same program in a solver file
};

// Worked out from the spec, sample by sample:
// - 3c9b0459 is a half turn: every output is the input rotated by 180 degrees (checked on
//   all five pairs: out[i][j] = in[2-i][2-j]).
// - b1948b0a recolours 6 to 2 (inputs hold 6 and 7, outputs 2 and 7).
const Expected kExpected[] = {
    // F3: a_mr(S) is the first a in 0..7 with mir_rot_t(in, a) == out on every demo pair. On
    // pair 1 ([[2,2,1],[2,1,2],[2,8,1]] -> [[1,8,2],[2,1,2],[1,2,2]]) hmirror (0) gives
    // [[2,8,1],...], dmirror (1) [[2,2,2],...], vmirror (2) [[1,2,2],...], cmirror (3) row 0
    // [1,2,...], rot90 (4) [[2,2,2],...]: no; rot180 (5) gives the output, on every pair. So
    // mir_rot_t(I, 5) = rot180(I).
    {"t10", "3c9b0459", Want::Solves, Want::Solves},
    // power(rot90, TWO) is rot90 twice, called through the t-variable t16.
    {"t17", "3c9b0459", Want::Solves, Want::Solves},
    // The closure power(...) takes one argument: called with two it raises TypeError outside
    // any primitive. Batt: the line's `_get_safe_default(t16)` is `()` (a closure has no
    // return annotation). Solver file: nothing catches it.
    {"t18", "3c9b0459", Want::EmptyTuple, Want::Error},
    // ... and called with none (card.py's `tK()` lines): the same.
    {"t19", "3c9b0459", Want::EmptyTuple, Want::Error},
    // ONE(I) calls an int: TypeError outside any primitive; batt gives `()` and rot180(())
    // is `()` (both slices of () are empty); the solver file raises.
    {"t21", "3c9b0459", Want::EmptyTuple, Want::Error},
    // rot90(ONE) raises inside the primitive (ONE[::-1]): rot90's safe default `()`, in both
    // modes (every tokpidjin primitive is total). size(()) = 0, branch(0, I, t17) takes
    // the false branch, rot180(I): solves.
    {"t24", "3c9b0459", Want::Solves, Want::Solves},
    // F4 (CPU meaning): inputs' palettes merged (6, 7, 6, 7, 6, 7), deduped (6, 7); outputs'
    // (2, 7); difference_tuple: (6,); get_nth_t(., F0) = 6; replace(I, 6, RED=2): solves.
    {"t33", "b1948b0a", Want::Solves, Want::Solves},
    // The cells of colour MAGENTA (6) filled with RED (2): solves.
    {"t40", "b1948b0a", Want::Solves, Want::Solves},
    // o_g_t(I, R4): univalued (4 >= 4), not diagonal (4 & 2 = 0), background kept (4 & 1 =
    // 0): every 4-connected single-colour component. Those of colour 6 merged cover exactly
    // the 6 cells; filled with 2: solves.
    {"t44", "b1948b0a", Want::Solves, Want::Solves},
    // t1() calls p_g with no argument: the wrapper catches the TypeError and gives p_g's
    // default frozenset() (its annotation IntegerSet); size 0, add(0, SIX) = 6, replace
    // 6 by 2: solves, in both modes.
    {"t48", "b1948b0a", Want::Solves, Want::Solves},
    // upscale_t(I, I): range(grid) raises inside the primitive: its default `()`.
    {"t49", "b1948b0a", Want::EmptyTuple, Want::EmptyTuple},
    // rbind(ONE, TWO) reads ONE's argument count: AttributeError inside rbind, whose default
    // is a function returning `()`; calling it with I gives `()`.
    {"t51", "b1948b0a", Want::EmptyTuple, Want::EmptyTuple},
};

// Runs the candidate alone, in its own mode, on every sample (demo, then test) of `task`, and
// checks each outcome against `want` (values live in the evaluator's arena until its next run).
void check(const program::Corpus& c, const program::Candidate& cand, Mode mode,
           const std::string& task, Want want, Evaluator& ev, const std::string& what) {
  const BlockEntry e{cand.root, mode};
  const Block b(c.dag, {&e, 1}, cand.dialect);
  const corpus::Task& t = tasks().task(task);
  std::vector<Outcome> out;
  std::size_t k = 0;
  for (const auto* part : {&t.demo, &t.test}) {
    for (const corpus::Sample& s : *part) {
      ev.run(b, Inputs{tasks().S.at(task), s.input, Value::none()}, out);
      const Outcome& o = out[0];
      SCOPED_TRACE(what + " sample " + std::to_string(++k));
      switch (want) {
        case Want::Solves:
          EXPECT_EQ(o.status, Status::Ok) << dsl::repr(o.value);
          EXPECT_TRUE(dsl::identical(o.value, *s.output)) << dsl::repr(o.value);
          break;
        case Want::EmptyTuple:
          EXPECT_EQ(o.status, Status::Ok) << dsl::repr(o.value);
          EXPECT_TRUE(dsl::identical(o.value, dsl::empty_tuple())) << dsl::repr(o.value);
          break;
        case Want::Error:
          EXPECT_EQ(o.status, Status::Error) << dsl::repr(o.value);
          break;
      }
    }
  }
}

TEST(TokpidjinFixture, BattCandidatesGiveTheHandWorkedOutputs) {
  const program::Corpus c = load({path("batches/batt_tok.py"), path("batches/batt_tok_call.py")});
  Evaluator ev(dsl::Limits{});
  std::size_t solvers = 0;
  for (const auto& cand : c.candidates) solvers += cand.kind == program::ProgramKind::Solver;
  EXPECT_EQ(solvers, std::size(kExpected));
  for (const Expected& e : kExpected) {
    const program::Candidate& cand = by_record(c, e.record);
    EXPECT_EQ(cand.dialect, Dialect::Tokpidjin) << e.record;
    EXPECT_TRUE(cand.evaluable()) << e.record;
    EXPECT_EQ(mode_of(cand), Mode::Batt);
    check(c, cand, mode_of(cand), e.task, e.batt, ev, e.record);
  }
}

TEST(TokpidjinFixture, SolverFilesGiveTheSameMd5AndOutputs) {
  const program::Corpus batt =
      load({path("batches/batt_tok.py"), path("batches/batt_tok_call.py")});
  const program::Corpus files = load({path("solvers/solvers_tok.py")});
  // The solver file holds the same solver candidates and the base differ, in order.
  std::vector<const program::Candidate*> strict;
  for (const auto& cand : files.candidates) {
    EXPECT_EQ(cand.dialect, Dialect::Tokpidjin);
    EXPECT_EQ(mode_of(cand), Mode::Strict);
    if (cand.kind == program::ProgramKind::Solver) strict.push_back(&cand);
  }
  std::sort(strict.begin(), strict.end(),
            [](auto* a, auto* b) { return a->origins[0].line < b->origins[0].line; });
  ASSERT_EQ(strict.size(), std::size(kExpected));
  Evaluator ev(dsl::Limits{});
  for (std::size_t k = 0; k < strict.size(); ++k) {
    const Expected& e = kExpected[k];
    const program::Candidate& b = by_record(batt, e.record);
    SCOPED_TRACE(e.record);
    EXPECT_EQ(strict[k]->md5, b.md5);
    EXPECT_EQ(strict[k]->origins[0].task, e.task);
    EXPECT_EQ(program::canonical_text(files.dag, strict[k]->root, strict[k]->kind),
              program::canonical_text(batt.dag, b.root, b.kind));
    check(files, *strict[k], mode_of(*strict[k]), e.task, e.strict, ev, e.record);
  }
  // The base differ too: the second MD5 vector of tokpidjin-pipeline.md §5.2.
  std::vector<std::string> differ_md5;
  for (const auto& cand : files.candidates) {
    if (cand.kind == program::ProgramKind::Differ) differ_md5.push_back(*cand.md5);
  }
  EXPECT_EQ(differ_md5, std::vector<std::string>{"27f29164d6f638c0cbe648aef9150390"});
  EXPECT_EQ(by_record(batt, "t7").md5, "27f29164d6f638c0cbe648aef9150390");
}

// ---- single programs ---------------------------------------------------------------------

// Evaluates `expr` (a tokpidjin or arc-dsl expression over S, I, C) on demo sample `k` of
// `task`, alone, in `mode`.
Outcome eval(const std::string& expr, Mode mode, const std::string& task = "b1948b0a",
             std::size_t k = 0,
             program::DialectChoice dialect = program::DialectChoice::Tokpidjin) {
  program::Diagnostics diags;
  program::CorpusBuilder b(diags, {}, dialect);
  b.add_file("e.py", "def solve(S, I, C):\n    return " + expr + "\n");
  const program::Corpus c = b.finish();
  EXPECT_EQ(diags.errors(), 0u) << expr;
  if (c.candidates.size() != 1 || !c.candidates[0].evaluable()) {
    ADD_FAILURE() << expr << ": not evaluable";
    return {};
  }
  const BlockEntry e{c.candidates[0].root, mode};
  const Block block(c.dag, {&e, 1}, c.candidates[0].dialect);
  static Evaluator ev(dsl::Limits{});
  const corpus::Task& t = tasks().task(task);
  std::vector<Outcome> out;
  ev.run(block, Inputs{tasks().S.at(task), t.demo[k].input, Value::none()}, out);
  return out[0];
}

// The JSON encoding of a value (golden format), for hand-written expectations.
std::string json(const Outcome& o) {
  return o.status == Status::Ok ? dsl::value_to_json(o.value).dump() : "error";
}

TEST(TokpidjinFixture, IntermediateValuesByHand) {
  // a_mr over the four demo pairs of 3c9b0459 (see kExpected): 5.
  EXPECT_EQ(json(eval("a_mr(identity(S))", Mode::Strict, "3c9b0459")), "5");
  // F4 on b1948b0a: the colours the inputs have and the outputs lack.
  EXPECT_EQ(json(eval("difference_tuple(dedupe(mapply(p_g, apply(first, S))), "
                      "dedupe(mapply(p_g, apply(second, S))))",
                      Mode::Strict)),
            R"({"t":[6]})");
  // A primitive called with no argument: its default (p_g: frozenset()).
  EXPECT_EQ(json(eval("identity(p_g)()", Mode::Strict)), R"({"s":[]})");
  // The Callable default: a function that returns () whatever it is given.
  EXPECT_EQ(json(eval("rbind(ONE, TWO)(I, I, I)", Mode::Strict)), R"({"t":[]})");
  // b1948b0a demo 1 is [[6,6,7,6],[6,6,7,7],[7,7,6,7]]. Its 4-connected single-colour
  // components: the 6s at (0,0),(0,1),(1,0),(1,1); the 6 at (0,3); the 7s at (0,2),(1,2),
  // (1,3),(2,3); the 7s at (2,0),(2,1); the 6 at (2,2). o_g_t lists them ascending (a
  // frozenset of cells compares by its sorted cells: the one holding (0,0,6) first, then
  // (0,2,7)..., (0,3,6), (2,0,7)..., (2,2,6)); colorfilter_t keeps the three of colour 6.
  EXPECT_EQ(json(eval("colorfilter_t(o_g_t(I, R4), MAGENTA)", Mode::Strict)),
            R"({"t":[{"s":[{"t":[0,0,6]},{"t":[0,1,6]},{"t":[1,0,6]},{"t":[1,1,6]}]},)"
            R"({"s":[{"t":[0,3,6]}]},{"s":[{"t":[2,2,6]}]}]})");
  EXPECT_EQ(json(eval("size(o_g_t(I, R4))", Mode::Strict)), "5");
  // o_g gives None for a type outside 0..7; the later o_g_t raises there: its default ().
  EXPECT_EQ(json(eval("o_g_t(I, EIGHT)", Mode::Strict)), R"({"t":[]})");
  // colorfilter_t of objects that are not patches of cells: its default ().
  EXPECT_EQ(json(eval("colorfilter_t(I, SIX)", Mode::Strict)), R"({"t":[]})");
}

// The five programs of tokpidjin-pipeline.md §5.2 (canonical_test.cpp checks their MD5s) run
// to completion in strict mode: every name resolves, every primitive is total. On b1948b0a
// demo 1 with C = None: no object of colour 0, so vector 1 fills nothing and gives I; the
// differs read p_g(None) / o_g(None, 5) as their defaults (frozenset(), ()).
TEST(TokpidjinFixture, TheReferenceVectorsRun) {
  EXPECT_EQ(json(eval(testing::kTokVectors[0].expr, Mode::Strict)),
            R"({"t":[{"t":[6,6,7,6]},{"t":[6,6,7,7]},{"t":[7,7,6,7]}]})");
  for (const testing::TokVector& differ : std::span(testing::kTokVectors).subspan(1)) {
    EXPECT_EQ(eval(differ.expr, Mode::Strict).status, Status::Ok) << differ.expr;
  }
}

// Where the safe default is substituted (tokpidjin-pipeline.md §2.5): at the nearest wrapped
// primitive; a closure is not wrapped.
TEST(TokpidjinTotality, AFailingPrimitiveInsideAClosureGivesItsDefaultAndTheClosureGoesOn) {
  // compose(size, rot90)(ONE): rot90(ONE) -> (), size(()) -> 0. Strict or batt alike.
  EXPECT_EQ(json(eval("compose(size, rot90)(ONE)", Mode::Strict)), "0");
  EXPECT_EQ(json(eval("compose(size, rot90)(ONE)", Mode::Batt)), "0");
  // mfilter_t(((1, 2),), even): even((1, 2)) fails inside even -> False, so nothing is kept
  // and mfilter_t's frozenset is empty (tokpidjin-dsl.md §6.2). ((1, 2),) is
  // totuple(initset((1, 2))).
  EXPECT_EQ(json(eval("mfilter_t(totuple(initset(astuple(ONE, TWO))), even)", Mode::Strict)),
            R"({"s":[]})");
}

TEST(TokpidjinTotality, AnErrorOutsideAPrimitiveReachesThePrimitiveThatCalledTheClosure) {
  // fork(astuple, ONE, identity) calls ONE(row) for each row: TypeError inside the closure,
  // not in a primitive; it climbs to apply (the primitive that called the closure), whose
  // default is (). Not a per-row () (which would give a tuple of ((), row) pairs).
  EXPECT_EQ(json(eval("apply(fork(astuple, ONE, identity), I)", Mode::Strict)), R"({"t":[]})");
  EXPECT_EQ(json(eval("apply(fork(astuple, ONE, identity), I)", Mode::Batt)), R"({"t":[]})");
  // The same closure called at the line: strict, an error; batt, the line's default ().
  EXPECT_EQ(json(eval("fork(astuple, ONE, identity)(I)", Mode::Strict)), "error");
  EXPECT_EQ(json(eval("fork(astuple, ONE, identity)(I)", Mode::Batt)), R"({"t":[]})");
  // rbind(add, ONE) is unary (add takes two): two arguments raise in the closure call.
  EXPECT_EQ(json(eval("rbind(add, ONE)(ONE, ONE)", Mode::Strict)), "error");
  EXPECT_EQ(json(eval("rbind(add, ONE)(ONE, ONE)", Mode::Batt)), R"({"t":[]})");
  // ... and inside a primitive: apply's default.
  EXPECT_EQ(json(eval("apply(lbind(rbind(add, ONE), ONE), I)", Mode::Strict)), R"({"t":[]})");
}

TEST(TokpidjinTotality, ArcDslBattModeFollowsTheSameRule) {
  const auto arc = program::DialectChoice::ArcDsl;
  // Strict arc-dsl: the inner failure is the candidate's error.
  EXPECT_EQ(json(eval("apply(fork(astuple, ONE, identity), I)", Mode::Strict, "b1948b0a", 0, arc)),
            "error");
  // Batt arc-dsl: apply's default (its result kind Container gives ()), not ((), row) pairs
  // (which a default substituted at the closure call would give).
  EXPECT_EQ(json(eval("apply(fork(astuple, ONE, identity), I)", Mode::Batt, "b1948b0a", 0, arc)),
            R"({"t":[]})");
  EXPECT_EQ(json(eval("compose(size, rot90)(ONE)", Mode::Batt, "b1948b0a", 0, arc)), "0");
  EXPECT_EQ(json(eval("compose(size, rot90)(ONE)", Mode::Strict, "b1948b0a", 0, arc)), "error");
}

// ---- blocks, wire, plan ----------------------------------------------------------------

TEST(TokpidjinBlocks, TheWireCarriesTheDialect) {
  const program::Corpus c = load({path("solvers/solvers_tok.py")});
  const program::Candidate& cand = c.candidates.back();  // a solver
  const BlockEntry e{cand.root, Mode::Strict};
  worker::Setup s;
  s.blocks.emplace_back(c.dag, std::span<const BlockEntry>(&e, 1), Dialect::Tokpidjin);
  s.infos.push_back({{0}, {*cand.md5}, {""}});
  s.differ_blocks.emplace_back(c.dag, std::span<const BlockEntry>(&e, 1), Dialect::ArcDsl);
  const worker::Setup back = decode_setup(encode(s));
  ASSERT_EQ(back.blocks.size(), 1u);
  EXPECT_EQ(back.blocks[0].dialect(), Dialect::Tokpidjin);
  ASSERT_EQ(back.differ_blocks.size(), 1u);
  EXPECT_EQ(back.differ_blocks[0].dialect(), Dialect::ArcDsl);
  // The decoded block is total in strict mode, as the original.
  EXPECT_TRUE(back.blocks[0].compat(Mode::Strict));
  EXPECT_FALSE(back.differ_blocks[0].compat(Mode::Strict));
}

TEST(TokpidjinBlocks, ThePlanNeverMixesDialects) {
  // One task, candidates of both dialects naming it: two blocks, one per dialect, even with
  // room for all in one.
  program::Diagnostics diags;
  program::CorpusBuilder b(diags);
  b.add_file("arc.py", "def solve_b1948b0a(I):\n    O = replace(I, SIX, TWO)\n    return O\n");
  b.add_file("arc2.py", "def solve_b1948b0a(I):\n    O = vmirror(I)\n    return O\n");
  b.add_file("tok.py",
             "def solve_b1948b0a(S, I, C):\n    O = replace(I, MAGENTA, RED)\n    return O\n");
  b.add_file("tok2.py",
             "def solve_b1948b0a(S, I, C):\n    O = replace(I, SIX, TWO)\n    return O\n");
  const program::Corpus c = b.finish();
  ASSERT_EQ(c.candidates.size(), 4u);
  // The same text in two dialects is two candidates with the same MD5.
  auto from = [&](const std::string& file) -> const program::Candidate& {
    for (const auto& cand : c.candidates) {
      if (cand.origins[0].file == file) return cand;
    }
    throw std::runtime_error(file);
  };
  EXPECT_EQ(from("arc.py").md5, from("tok2.py").md5);
  EXPECT_EQ(from("arc.py").dialect, Dialect::ArcDsl);
  EXPECT_EQ(from("tok2.py").dialect, Dialect::Tokpidjin);
  EXPECT_EQ(from("tok.py").dialect, Dialect::Tokpidjin);
  const CorpusView cv = make_view(c);
  std::vector<TaskInput> in{{&tasks().task("b1948b0a"), 0, tasks().S.at("b1948b0a")}};
  const coordinator::Plan plan = coordinator::make_plan(cv, in, coordinator::Pairing::Origin, 256);
  ASSERT_EQ(plan.blocks.size(), 2u);
  for (std::size_t k = 0; k < plan.blocks.size(); ++k) {
    for (const std::int32_t cand : plan.block_info[k].cands) {
      EXPECT_EQ(c.candidates[static_cast<std::size_t>(cand)].dialect, plan.blocks[k].dialect());
    }
  }
  // Each block scores its candidates in its dialect: both replace programs solve the task.
  UnitOptions opt;
  opt.validate_runs = 1;
  Worker w(opt);
  const Differs none;
  for (std::size_t k = 0; k < plan.blocks.size(); ++k) {
    LazyDiffTable tab(none, in[0]);
    const UnitResult u = w.run(plan.blocks[k], plan.block_info[k], in[0], tab, 0);
    for (const report::ResultRow& r : u.results) {
      const bool vmirror =
          c.candidates[static_cast<std::size_t>(r.cand)].origins[0].file == "arc2.py";
      EXPECT_EQ(r.solved, !vmirror) << r.cand;
      if (!vmirror) {
        EXPECT_EQ(r.valid, 1) << "the canonical text, re-read in the block's dialect";
      }
    }
  }
}

TEST(TokpidjinBlocks, DiffersOfBothDialectsRunInTheirOwnBlocks) {
  const program::Corpus c = load({path("batches/batt_tok.py"), path("batches/batt_tok_call.py"),
                                  path("differs/differs_arc.py")});
  const CorpusView cv = make_view(c);
  const Differs d = select_differs(cv);
  // The batt's base block (tokpidjin) and the arc-dsl differ file; the per-solver blocks
  // embed a solver and are not differs of their own.
  ASSERT_EQ(d.cands.size(), 2u);
  ASSERT_EQ(d.blocks.size(), 2u);
  EXPECT_EQ(d.blocks[0].dialect(), Dialect::ArcDsl);
  EXPECT_EQ(d.blocks[1].dialect(), Dialect::Tokpidjin);
  // Both measure the colours of C that I lacks: on b1948b0a demo j, d(S, I_j, O_j) has size
  // 1 (colour 2) and d(S, O_j, O_j) size 0.
  Worker w(UnitOptions{});
  TaskInput t{&tasks().task("b1948b0a"), 0, tasks().S.at("b1948b0a")};
  const DiffTable tab = w.diff_table(d, t);
  ASSERT_EQ(tab.entries.size(), 3u * 2u);
  for (const DiffEntry& e : tab.entries) {
    EXPECT_EQ(e.base, std::optional<std::int64_t>(1));
    EXPECT_EQ(e.match, std::optional<std::int64_t>(0));
  }
}

}  // namespace
}  // namespace batt::worker
