// Unit tests of the tokpidjin grid family (tok_grid*.cpp) for what the golden vectors cannot
// show: closures as function arguments of c_iz/c_zo/c_iz_n (the vectors pass only named
// primitives), the tie rules worked by hand from tokpidjin-dsl.md (mostcolor's smallest colour,
// get_color_rank's first appearance, paint's last cell on one position), values that cannot be
// Grid cells, budget errors, and a sweep of every primitive over mismatched arguments.
//
// The fixture (support/tok_test.hpp): `run` gives a failing primitive its safe default, `raw`
// shows the Error value itself.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "dsl/closure.hpp"
#include "dsl/registry.hpp"
#include "dsl/set.hpp"
#include "dsl/tuple.hpp"
#include "support/tok_test.hpp"
#include "support/well_formed.hpp"

namespace batt::dsl {
namespace {

using TokGridTest = testing::TokTest;

TEST_F(TokGridTest, RegisteredWithTheReferenceDefaults) {
  const auto dflt = [](const char* n) { return prim_info(tok(n).prim_index()).safe_default(); };
  // Unresolvable parameter annotations (R8, A8) and no annotation at all give ().
  EXPECT_EQ(dflt("o_g"), SafeDefault::EmptyTuple);
  EXPECT_EQ(dflt("mir_rot_t"), SafeDefault::EmptyTuple);
  EXPECT_EQ(dflt("a_mr"), SafeDefault::EmptyTuple);
  EXPECT_EQ(dflt("is_no_grid"), SafeDefault::EmptyTuple);
  EXPECT_EQ(dflt("objects"), SafeDefault::EmptySet);
  EXPECT_EQ(dflt("p_g"), SafeDefault::EmptySet);  // IntegerSet, although it returns a tuple
  EXPECT_EQ(dflt("get_color_rank_t"), SafeDefault::Zero);
  EXPECT_EQ(dflt("c_iz_n"), SafeDefault::Zero);
  EXPECT_EQ(dflt("square_t"), SafeDefault::False);
  EXPECT_EQ(dflt("fill"), SafeDefault::EmptyTuple);
}

TEST_F(TokGridTest, ColourTiesGoToTheSmallestColour) {
  const Value g = G({{8, 1}, {1, 8}});
  expect_run("mostcolor_t", {g}, I(1));
  expect_run("leastcolor_t", {g}, I(1));
  const Value obj = S({X(0, 0, 9), X(0, 1, 4), X(1, 0, 9), X(1, 1, 4), X(2, 2, 6)});
  expect_run("mostcolor_f", {obj}, I(4));
  expect_run("leastcolor_f", {obj}, I(6));
  // Empty: nan; not iterable: the default 0.
  EXPECT_TRUE(std::isnan(run("mostcolor_t", {empty_tuple()}).as_float()));
  EXPECT_TRUE(std::isnan(run("leastcolor_f", {empty_set()}).as_float()));
  expect_raises("mostcolor_f", {S({P(0, 0)})});  // (i, j) does not unpack to 3
  expect_run("mostcolor_f", {S({P(0, 0)})}, I(0));
  // mostcolor_t reads any container of rows: {(0,0),(0,1)} holds 0, 0, 0, 1.
  expect_run("mostcolor_t", {S({P(0, 0), P(0, 1)})}, I(0));
}

TEST_F(TokGridTest, ColourRankTiesByFirstAppearance) {
  // Counter.most_common(): descending count, equal counts in order of first appearance.
  const Value g = G({{8, 1, 3}, {1, 8, 3}});
  expect_run("get_color_rank_t", {g, I(0)}, I(8));
  expect_run("get_color_rank_t", {g, I(1)}, I(1));
  expect_run("get_color_rank_t", {g, I(2)}, I(3));
  expect_run("get_color_rank_t", {g, I(-1)}, I(3));
  expect_run("get_color_rank_t", {g, I(3)}, empty_tuple());    // out of range
  expect_run("get_color_rank_t", {g, ninf()}, empty_tuple());  // -3 <= -inf is false
  expect_raises("get_color_rank_t", {g, empty_set()});         // int <= set raises
  // An object appears position-major: (0, 0, 5) comes before (0, 1, 2).
  const Value obj = S({X(0, 1, 2), X(0, 0, 5), X(3, 3, 2), X(4, 0, 5)});
  expect_run("get_color_rank_f", {obj, I(0)}, I(5));
  expect_run("get_color_rank_f", {obj, I(-1)}, I(2));
  expect_run("get_color_rank_f", {obj, I(2)}, empty_set());
  // Whereas mostcolor_f breaks the same tie by the smaller colour.
  expect_run("mostcolor_f", {obj}, I(2));
}

TEST_F(TokGridTest, PaletteTuplesAscend) {
  const Value g = G({{9, 1, 0}, {8, 0, 9}});
  expect_run("p_g", {g}, T({I(0), I(1), I(8), I(9)}));
  expect_run("p_o", {S({X(0, 0, 9), X(1, 1, 0), X(2, 2, 8)})}, T({I(0), I(8), I(9)}));
  expect_run("p_f", {S({X(0, 0, 9), X(1, 1, 0)})}, S({I(0), I(9)}));
  expect_run("palette_t", {S({X(0, 0, 5), X(0, 1, 5)})}, S({I(0), I(1), I(5)}));
  expect_run("numcolors_t", {B(true)}, I(0));  // palette_t fails inside: its default
}

TEST_F(TokGridTest, PaintTheLastCellOfAPositionWins) {
  const Value g = G({{1, 2}, {3, 4}});
  // Cells iterate position-major, so of (0, 0, 7) and (0, 0, 9) the larger colour comes last.
  expect_run("paint", {g, S({X(0, 0, 7), X(0, 0, 9)})}, G({{9, 2}, {3, 4}}));
  // underpaint only paints background (mostcolor_t is 1 here): the first cell takes it.
  expect_run("underpaint", {G({{1, 1}, {1, 4}}), S({X(0, 0, 7), X(0, 0, 9)})}, G({{7, 1}, {1, 4}}));
  expect_run("paint", {g, S({X(-1, 0, 9), X(5, 5, 7)})}, g);
  expect_raises("paint", {g, S({P(0, 0)})});
  expect_run("paint", {g, S({P(0, 0)})}, empty_tuple());
  // move calls the dialect's shift (`if not patch: return frozenset()`, then
  // `if directions == (): return patch`): shift(7, ()) is 7, which paint cannot iterate.
  expect_run("move", {g, I(7), empty_tuple()}, empty_tuple());
  expect_run("move", {g, empty_tuple(), P(1, 1)}, g);
  expect_run("move", {G({{0, 0}, {0, 5}}), S({X(1, 1, 5)}), P(-1, -1)}, G({{5, 0}, {0, 0}}));
}

TEST_F(TokGridTest, NonColourValuesMakeTuplesNotGrids) {
  const Value g = G({{1, 2}, {3, 4}});
  // Python writes any value into the grid's lists.
  const Value filled = run("fill", {g, ninf(), S({P(0, 0)})});
  EXPECT_TRUE(Same(filled, T({T({ninf(), I(2)}), T({I(3), I(4)})})));
  expect_run("switch", {G({{9, 5}}), I(5), ninf()}, T({T({I(9), ninf()})}));
  expect_run("replace", {G({{9, 5}}), I(5), B(true)}, T({T({I(9), B(true)})}));
  expect_run("canvas", {B(true), P(1, 2)}, T({T({B(true), B(true)})}));
  expect_run("canvas", {I(300), P(1, 1)}, T({T({I(300)})}));
  expect_run("cellwise", {g, G({{1, 0}, {3, 0}}), T({I(1), I(2)})},
             T({T({I(1), T({I(1), I(2)})}), T({I(3), T({I(1), I(2)})})}));
  // A bool written into a Grid stays a bool (True is not 1).
  const Value painted = run("paint", {G({{0}}), S({T({I(0), I(0), B(true)})})});
  EXPECT_TRUE(Same(painted, T({T({B(true)})})));
}

TEST_F(TokGridTest, WindowsMustLieInsideTheGrid) {
  const Value g = G({{1, 2, 2}, {3, 4, 2}});
  expect_run("crop", {g, P(0, 1), P(2, 2)}, G({{2, 2}, {4, 2}}));
  expect_run("crop", {g, P(1, 1), P(5, 5)}, empty_tuple());  // Hodel's would clip
  expect_run("crop", {g, P(-1, 0), P(1, 1)}, empty_tuple());
  expect_run("subgrid", {S({X(0, 1, 2), X(1, 2, 2)}), g}, G({{2, 2}, {4, 2}}));
  expect_run("subgrid", {S({P(0, 0), P(2, 2)}), g}, empty_tuple());
  expect_run("index", {g, P(1, 2)}, I(2));
  expect_run("index", {g, P(2, 0)}, ninf());
  expect_run("index", {g, empty_tuple()}, ninf());
  // cellwise reads b through index: a smaller b gives the fallback, not an error.
  expect_run("cellwise", {g, G({{1, 2}, {3, 4}}), I(9)}, G({{1, 2, 9}, {3, 4, 9}}));
  // hsplit crops each piece: with more pieces than columns the last ones are ().
  const Value parts = run("hsplit", {G({{1, 2}}), I(3)});
  EXPECT_TRUE(Same(parts, T({T({empty_tuple()}), T({empty_tuple()}), empty_tuple()})));
}

TEST_F(TokGridTest, ObjectsAreSetsOfTriples) {
  const Value g = G({{1, 1, 0}, {0, 2, 0}, {0, 0, 1}});
  // univalued, 4-connected, without background (0).
  const Value want = S({S({X(0, 0, 1), X(0, 1, 1)}), S({X(1, 1, 2)}), S({X(2, 2, 1)})});
  expect_run("objects", {g, B(true), B(false), B(true)}, want);
  expect_run("o_g", {g, I(5)}, want);
  expect_run("o_g", {g, B(true)}, run("o_g", {g, I(1)}));  // True == 1
  expect_run("o_g", {g, I(8)}, Value::none());
  // Multicolour and diagonal: one object of every non-background cell.
  expect_run("o_g", {g, I(3)}, S({S({X(0, 0, 1), X(0, 1, 1), X(1, 1, 2), X(2, 2, 1)})}));
  expect_run("partition", {G({{1, 2}, {2, 1}})},
             S({S({X(0, 0, 1), X(1, 1, 1)}), S({X(0, 1, 2), X(1, 0, 2)})}));
  expect_run("fgpartition", {G({{1, 2}, {1, 1}})}, S({S({X(0, 1, 2)})}));
  expect_run("toobject", {S({X(0, 0, 9), X(2, 2, 9)}), G({{1, 2}, {3, 4}})}, S({X(0, 0, 1)}));
  expect_run("asobject", {G({{5}, {6}})}, S({X(0, 0, 5), X(1, 0, 6)}));
  expect_run("asobject", {S({P(0, 0)})}, empty_set());
  expect_run("color", {S({X(2, 3, 5)})}, I(5));
  expect_run("color", {empty_set()}, ninf());
  expect_run("colorfilter", {S({S({X(0, 0, 1)}), S({X(1, 1, 2)})}), I(2)}, S({S({X(1, 1, 2)})}));
  expect_run("frontiers", {G({{3, 3}, {3, 4}})},
             S({S({X(0, 0, 3), X(0, 1, 3)}), S({X(0, 0, 3), X(1, 0, 3)})}));
}

TEST_F(TokGridTest, PeriodsAndOccurrences) {
  const Value row = S({X(0, 0, 1), X(0, 1, 2), X(0, 2, 1), X(0, 3, 2)});
  expect_run("hperiod", {row}, I(2));
  expect_run("vperiod", {row}, I(1));
  expect_run("hperiod", {S({P(0, 0)})}, I(1));
  expect_raises("vperiod", {G({{1, 2}, {3, 4}})});  // shifted pairs do not unpack to 3
  const Value g = G({{1, 2, 1}, {0, 1, 2}});
  expect_run("occurrences", {g, S({X(5, 5, 1), X(5, 6, 2)})}, S({P(0, 0), P(1, 1)}));
  // An empty object matches everywhere, one more row and column than the grid.
  expect_run("occurrences", {G({{1}}), empty_set()}, S({P(0, 0), P(0, 1), P(1, 0), P(1, 1)}));
}

TEST_F(TokGridTest, MirrorsRotationsAndSamples) {
  const Value g = G({{1, 2}, {3, 4}});
  expect_run("mir_rot_t", {g, I(0)}, G({{3, 4}, {1, 2}}));
  expect_run("mir_rot_t", {g, I(4)}, G({{3, 1}, {4, 2}}));
  expect_run("mir_rot_t", {g, I(9)}, g);
  expect_run("mir_rot_t", {I(7), I(2)}, empty_tuple());  // vmirror_t fails inside
  // vmirror_t and dmirror_t iterate a frozenset's items as rows.
  expect_run("vmirror_t", {S({X(0, 0, 5), X(0, 1, 5)})}, G({{5, 0, 0}, {5, 1, 0}}));
  expect_raises("hmirror_t", {S({X(0, 0, 5)})});
  const Value pair = T({g, G({{3, 4}, {1, 2}})});
  expect_run("a_mr", {T({pair})}, I(0));
  expect_run("a_mr", {T({T({g, g})})}, I(7));
  expect_run("a_mr", {empty_tuple()}, I(0));
  expect_run("a_mr", {T({T({g, G({{9}})})})}, Value::none());
}

TEST_F(TokGridTest, SampleDifferencesTakeClosures) {
  const Value s = T({T({G({{1, 2}}), G({{1, 1}})}), T({G({{3}}), G({{3, 5}})})});
  // Inputs hold colours 1 2 3, outputs 1 3 5.
  expect_run("c_iz", {s, tok("p_g")}, T({I(2)}));
  expect_run("c_zo", {s, tok("p_g")}, T({I(5)}));
  // A closure: p_g of the vertically mirrored grid gives the same colours.
  const Value f = closure(ClosureKind::Compose, 1, {tok("p_g"), tok("vmirror_t")});
  expect_run("c_iz", {s, f}, T({I(2)}));
  // A closure that fails (it calls 5) makes apply_t raise: c_iz is then ().
  const Value bad = closure(ClosureKind::Compose, 1, {I(5), tok("p_g")});
  expect_run("c_iz", {s, bad}, empty_tuple());
  // pick is called through apply: a primitive, a closure, or a failing one.
  expect_run("c_iz_n", {s, f, tok("first_t")}, I(2));
  expect_run("c_zo_n",
             {s, tok("p_g"), closure(ClosureKind::Compose, 1, {tok("first_t"), tok("identity")})},
             I(5));
  expect_raises("c_iz_n", {s, f, bad});
  expect_run("c_iz_n", {s, f, bad}, I(0));
  expect_raises("c_zo_n", {s, f, ninf()});
}

TEST_F(TokGridTest, BudgetErrorsAreNotHidden) {
  Arena small(std::size_t{1} << 20);
  Limits lim;
  lim.max_items = 16;
  EvalCtx tight(small, lim);
  tight.compat = true;
  const Value big = G({{1, 2, 3, 4, 5}, {1, 2, 3, 4, 5}, {1, 2, 3, 4, 5}, {1, 2, 3, 4, 5}});
  const Value r = apply(tok("asobject"), std::vector<Value>{big}, tight);
  ASSERT_TRUE(r.is_error());
  EXPECT_EQ(r.err_code(), ErrCode::Resource);
  Limits steps;
  steps.max_steps = 10;
  EvalCtx slow(arena, steps);
  slow.compat = true;
  const Value o =
      apply(tok("occurrences"), std::vector<Value>{big, S({X(0, 0, 1), X(0, 1, 9)})}, slow);
  ASSERT_TRUE(o.is_error());
  EXPECT_EQ(o.err_code(), ErrCode::Timeout);
}

// Every primitive of the family over a pool of mismatched arguments: a value or an Error, never
// a crash; results well formed and deterministic.
TEST_F(TokGridTest, MismatchedArgumentsGiveValuesOrErrors) {
  const Value g = G({{1, 2, 2}, {3, 4, 2}});
  const std::vector<Value> pool = {I(0),
                                   I(-1),
                                   I(7),
                                   I(1000),
                                   B(true),
                                   Value::none(),
                                   nan(),
                                   ninf(),
                                   P(1, 2),
                                   P(-1, 40),
                                   X(1, 2, 3),
                                   empty_tuple(),
                                   empty_set(),
                                   g,
                                   G({{5}}),
                                   T({I(1), I(2), I(3)}),
                                   T({T({I(1), I(2)}), T({I(3)})}),
                                   T({empty_tuple(), empty_tuple()}),
                                   T({T({nan(), I(2)}), T({I(300), I(4)})}),
                                   S({I(1), I(2)}),
                                   S({P(0, 0), P(1, 1)}),
                                   S({X(0, 0, 5), X(0, 1, 5), X(1, 1, 300)}),
                                   S({S({X(0, 0, 1)}), S({X(2, 2, 2)})}),
                                   S({T({I(0), I(0), nan()}), X(0, 1, 2)}),
                                   T({T({g, g})}),
                                   tok("p_g"),
                                   tok("size"),
                                   S({C(1, 0, 0)})};
  std::size_t calls = 0;
  for (const PrimInfo& entry : detail::tok_grid_prims()) {
    // The registry's copy: entries without a body of their own get the arc-dsl one there.
    const PrimInfo& p = prim_info(find_prim(entry.name, Dialect::Tokpidjin));
    for (std::size_t t = 0; t < 400; ++t) {
      std::vector<Value> args;
      std::size_t x = t * 7919 + 13;
      for (std::size_t q = 0; q < p.arity; ++q, x /= pool.size())
        args.push_back(pool[x % pool.size()]);
      Arena a1(std::size_t{8} << 20);
      Limits lim;
      lim.max_items = 1u << 14;
      lim.max_steps = 100'000;
      EvalCtx c1(a1, lim);
      c1.compat = true;
      const Value r1 = p.fn(args, c1);
      ++calls;
      if (r1.is_error()) continue;
      ASSERT_TRUE(Canonical(r1)) << p.name;
      Arena a2(std::size_t{8} << 20);
      EvalCtx c2(a2, lim);
      c2.compat = true;
      const Value r2 = p.fn(args, c2);
      ASSERT_TRUE(identical(r1, r2)) << p.name << ": " << repr(r1) << " vs " << repr(r2);
    }
  }
  EXPECT_GT(calls, 20000u);
}

}  // namespace
}  // namespace batt::dsl
