// Unit tests of the tokpidjin core family (tok_core*.cpp) for what the golden vectors cannot
// show: closures as function arguments (the vectors only pass named primitives), the tie rules
// of the rank selectors worked by hand from tokpidjin-dsl.md §4.2, float sentinels inside
// arithmetic, and where a primitive fails (its raw Error) versus where it returns a sentinel.
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

namespace batt::dsl {
namespace {

using TokCoreTest = testing::TokTest;

TEST_F(TokCoreTest, RegisteredInTheDialectWithTheirDefaults) {
  EXPECT_EQ(prim_info(tok("mfilter").prim_index()).safe_default(), SafeDefault::EmptySet);
  EXPECT_EQ(prim_info(tok("merge_f").prim_index()).safe_default(), SafeDefault::EmptyTuple);
  EXPECT_EQ(prim_info(tok("get_rank").prim_index()).safe_default(), SafeDefault::Zero);
  EXPECT_EQ(prim_info(tok("even").prim_index()).safe_default(), SafeDefault::False);
  EXPECT_EQ(prim_info(tok("rbind").prim_index()).safe_default(), SafeDefault::Callable);
  for (const char* n : {"add", "c_branch", "get_nth_f", "get_common_rank_f", "dedupe_pair_tuple"}) {
    EXPECT_EQ(prim_info(tok(n).prim_index()).dialect, Dialect::Tokpidjin) << n;
  }
}

// ---- closures as function arguments -------------------------------------------------------

TEST_F(TokCoreTest, ClosuresAsFunctionArguments) {
  // x -> even(x + 1) keeps the odd numbers.
  const Value odd = run("compose", {tok("even"), tok("increment")});
  expect_run("sfilter_t", {T({I(1), I(2), I(3), I(4)}), odd}, T({I(1), I(3)}));
  expect_run("mfilter_t", {S({I(1), I(2), I(3)}), odd}, S({I(1), I(3)}));
  // rbind reads the bound primitive's arity: subtract has 2, so the closure takes 1.
  const Value minus1 = run("rbind", {tok("subtract"), I(1)});
  EXPECT_EQ(arity_of(minus1), 1);
  expect_run("apply_t", {minus1, S({I(5), I(3)})}, T({I(2), I(4)}));
  // get_arg_rank has 3 parameters: rbind(get_arg_rank, L1) takes (container, key).
  const Value last_min = run("rbind", {tok("get_arg_rank"), I(-1)});
  EXPECT_EQ(arity_of(last_min), 2);
  const Value c = T({T({I(1)}), T({I(2)}), T({I(3), I(4)}), T({I(5), I(6)}), T({I(7)})});
  EXPECT_TRUE(Same(run(last_min, {c, tok("size")}), T({I(7)})));
  // lbind(get_nth_t, t) picks by rank.
  const Value nth = run("lbind", {tok("get_nth_t"), T({I(4), I(5), I(6)})});
  EXPECT_TRUE(Same(run(nth, {I(-1)}), I(6)));
  // fork and power.
  const Value ends = run("fork", {tok("astuple"), tok("first_f"), tok("last_f")});
  EXPECT_TRUE(Same(run(ends, {S({I(7), I(-2), I(3)})}), P(-2, 7)));
  EXPECT_TRUE(Same(run(run("power", {tok("increment"), I(3)}), {I(1)}), I(4)));
  // A key closure ranks: order by x -> -x.
  expect_run("order", {S({I(1), I(3), I(2)}), run("compose", {tok("invert"), tok("identity")})},
             T({I(3), I(2), I(1)}));
}

TEST_F(TokCoreTest, APrimitiveFailingInsideALoopGivesItsOwnDefault) {
  // even((1, 2)) raises, so its default False: nothing kept, and the outer call succeeds.
  EXPECT_TRUE(Same(raw("mfilter_t", {T({P(1, 2)}), tok("even")}), empty_set()));
  EXPECT_TRUE(Same(raw("sfilter", {T({P(1, 2), I(4)}), tok("even")}), T({I(4)})));
  // last(1) raises: apply gets its default () for each item.
  EXPECT_TRUE(
      Same(raw("apply", {tok("last"), T({I(1), I(2)})}), T({empty_tuple(), empty_tuple()})));
}

TEST_F(TokCoreTest, AFailingClosureIsNotWrapped) {
  // Calling 5 inside the closure raises past it: apply itself fails and gives its default ().
  const Value bad = run("compose", {I(5), tok("identity")});
  EXPECT_TRUE(raw("apply", {bad, T({I(1), I(2)})}).is_error());
  expect_run("apply", {bad, T({I(1), I(2)})}, empty_tuple());
  // mfilter calls sfilter (whose failure is its default ()) then merge_f: it never fails.
  EXPECT_TRUE(Same(raw("mfilter", {T({I(1), I(2)}), bad}), empty_tuple()));
  EXPECT_TRUE(Same(raw("mapply", {bad, S({T({I(1)})})}), empty_tuple()));
  EXPECT_TRUE(Same(raw("mapply_f", {bad, S({T({I(1)})})}), empty_set()));
}

TEST_F(TokCoreTest, ABudgetErrorIsNeverHiddenByADefault) {
  std::vector<Value> items;
  for (int k = 0; k < 200; ++k) items.push_back(T({I(k)}));
  const Value many = T(items);
  const Value key = run("compose", {tok("size"), tok("identity")});
  Limits tight;
  tight.max_steps = 50;
  Arena small;
  for (const char* f : {"mapply", "mfilter", "apply_t"}) {
    EvalCtx c(small, tight);
    c.compat = true;
    const bool fn_first = std::string(f) != "mfilter";
    const Value args[2] = {fn_first ? key : many, fn_first ? many : key};
    EXPECT_TRUE(Fails(apply(tok(f), args, c), ErrCode::Timeout)) << f;
  }
  EvalCtx c(small, tight);
  c.compat = true;
  const Value args[3] = {many, key, I(-1)};
  EXPECT_TRUE(Fails(apply(tok("get_arg_rank"), args, c), ErrCode::Timeout));
}

TEST_F(TokCoreTest, TheCallableDefaultReturnsTheEmptyTuple) {
  const Value f = run("rbind", {I(5), I(1)});  // 5 has no arity: rbind fails
  ASSERT_TRUE(f.is_closure());
  EXPECT_TRUE(Same(run(f, {I(1), I(2), I(3)}), empty_tuple()));
}

// ---- rank selectors: the tie rules of tokpidjin-dsl.md §4.2 ---------------------------------

TEST_F(TokCoreTest, ArgRankIsAStableDescendingSort) {
  // Sizes 1 1 2 2 1. Descending, equal keys in their order: (3,4) (5,6) (1,) (2,) (7,).
  const Value c = T({T({I(1)}), T({I(2)}), T({I(3), I(4)}), T({I(5), I(6)}), T({I(7)})});
  expect_run("argmin", {c, tok("size")}, T({I(1)}));               // the first minimal element
  expect_run("get_arg_rank", {c, tok("size"), I(-1)}, T({I(7)}));  // the last one
  expect_run("get_arg_rank", {c, tok("size"), I(0)}, T({I(3), I(4)}));
  expect_run("get_arg_rank", {c, tok("size"), I(-2)}, T({I(2)}));
  expect_run("get_arg_rank", {c, tok("size"), I(5)}, empty_tuple());
  expect_run("get_arg_rank", {S({I(1)}), tok("size"), I(5)}, empty_set());
  expect_run("get_arg_rank_f", {T({I(1)}), tok("identity"), I(1)}, empty_set());
  // get_val_rank ranks ascending: F0 is valmin, L1 valmax; out of range compfunc(0).
  expect_run("get_val_rank", {c, tok("size"), I(0)}, I(1));
  expect_run("get_val_rank", {c, tok("size"), I(-1)}, I(2));
  expect_run("get_val_rank", {c, tok("size"), I(9)}, I(0));
}

TEST_F(TokCoreTest, CommonRankCountsAscendingStable) {
  // Counts 1:2, 2:1, 3:2; ascending by count, ties in set order: 2, 1, 3.
  const Value t = T({I(1), I(1), I(2), I(3), I(3)});
  expect_run("get_common_rank_t", {t, I(0)}, I(2));  // F0 is the LEAST common
  expect_run("get_common_rank_t", {t, I(1)}, I(1));
  expect_run("get_common_rank_t", {t, I(-1)}, I(3));
  expect_run("get_common_rank_t", {t, I(3)}, empty_tuple());
  expect_run("get_common_rank_f", {t, I(3)}, empty_set());
  expect_raises("get_common_rank", {S({I(1)}), I(0)});  // a frozenset has no .count
  // Over a frozenset every count is 1: iteration order.
  expect_run("get_common_rank_f", {S({I(5), I(-1), I(2)}), I(1)}, I(2));
}

TEST_F(TokCoreTest, NthAndRankDirections) {
  const Value t = T({I(4), I(5), I(6)});
  expect_run("get_nth_t", {t, I(-1)}, I(6));
  EXPECT_TRUE(std::isnan(run("get_nth_t", {t, I(3)}).as_float()));
  EXPECT_TRUE(std::isnan(run("get_nth_t", {S({I(4)}), I(0)}).as_float()));  // not a tuple
  expect_run("get_nth_f", {S({I(6), I(4), I(5)}), I(1)}, I(5));
  expect_run("get_nth_f", {S({I(6), I(4), I(5)}), I(-1)}, I(6));
  expect_run("get_nth_f", {S({I(6), I(4), I(5)}), I(-4)}, empty_set());
  expect_raises("get_nth_f", {S({I(4)}), nan()});
  expect_run("get_rank", {S({I(1), I(2), I(3)}), I(0)}, I(3));  // descending
  expect_run("get_rank", {S({I(1), I(2), I(3)}), I(-1)}, I(1));
  expect_run("get_rank", {S({I(1), I(2), I(3)}), I(5)}, I(0));
  expect_run("get_rank", {S({I(1), I(2), I(3)}), nan()}, I(0));  // a float is never in range
}

TEST_F(TokCoreTest, NthByKeyTakesAnOptionalKey) {
  const Value t = T({I(3), I(1), I(2)});
  EXPECT_TRUE(Same(raw("get_nth_by_key_t", {t, I(0)}), I(1)));
  EXPECT_TRUE(Same(raw("get_nth_by_key_t", {t, I(0), tok("invert")}), I(3)));
  EXPECT_TRUE(Same(raw("get_nth_by_key_t", {empty_tuple(), I(0)}), none()));
  expect_raises("get_nth_by_key_t", {t, I(5)});                                // IndexError
  EXPECT_TRUE(Same(raw("get_nth_by_key_f", {S({I(3), I(1)}), I(-1)}), I(1)));  // range(-1)
  EXPECT_TRUE(Same(raw("get_nth_by_key_f", {S({I(3), I(1)}), I(1), tok("invert")}), I(1)));
  EXPECT_TRUE(Same(raw("get_nth_by_key_f", {S({I(3), I(1)}), I(2)}), none()));
}

// ---- numbers with the float sentinels -----------------------------------------------------

TEST_F(TokCoreTest, EmptyTupleOperandsAndFloorDivision) {
  expect_run("add", {empty_tuple(), I(5)}, I(5));
  expect_run("subtract", {I(3), empty_tuple()}, I(3));
  expect_run("multiply", {empty_tuple(), P(4, -2)}, P(4, -2));
  expect_run("divide", {I(-7), empty_tuple()}, I(-7));
  expect_run("divide", {I(-7), I(2)}, I(-4));
  expect_raises("divide", {I(5), I(0)});
  // int // float is a float, floored: -5 // inf is -1.0, 5 // inf is 0.0.
  expect_run("divide", {T({I(-5), I(5)}), inf()}, T({F(-1.0), F(0.0)}));
  expect_raises("divide", {T({I(1), nan()}), I(0)});
  expect_run("halve", {T({inf(), I(3)})}, T({nan(), I(1)}));
  // A float at the top level takes Hodel's tuple branch and fails there.
  expect_raises("add", {nan(), I(1)});
  expect_raises("double", {inf()});
}

TEST_F(TokCoreTest, SentinelsInsideTuples) {
  expect_run("add", {T({nan(), I(1)}), I(1)}, T({nan(), I(2)}));
  expect_run("sign", {T({nan(), ninf()})}, P(-1, -1));
  expect_run("crement", {T({nan(), I(2)})}, T({nan(), I(3)}));
  expect_run("invert", {T({inf(), I(2)})}, T({ninf(), I(-2)}));
  EXPECT_TRUE(Same(raw("even", {nan()}), B(false)));  // nan % 2 is nan: False, not a failure
  EXPECT_TRUE(Same(raw("positive", {inf()}), B(true)));
  expect_raises("even", {P(1, 2)});
  expect_raises("positive", {none()});
  expect_run("combine_t", {I(1), I(2)}, I(3));  // `a + b` on ints
}

TEST_F(TokCoreTest, PythonEqualityAndNan) {
  expect_run("equality", {nan(), nan()}, B(false));
  expect_run("equality", {I(1), B(true)}, B(true));
  expect_run("contained", {nan(), T({nan()})}, B(true));  // membership tests identity first
  expect_run("remove", {nan(), T({nan(), I(1)})}, T({nan(), I(1)}));  // nan != nan
  expect_run("remove_t", {I(1), S({I(1), I(2)})}, T({I(2)}));
  expect_run("other_t", {T({I(3), I(3)}), I(3)}, empty_tuple());
  expect_run("other_f", {S({I(3)}), I(3)}, empty_set());
  expect_run("other", {S({I(3)}), I(3)}, none());
  expect_run("dedupe_pair_tuple", {T({P(1, 1), P(1, 2)})}, T({P(1, 2)}));
}

// ---- sentinels of the container primitives -------------------------------------------------

TEST_F(TokCoreTest, EndsOfContainers) {
  expect_run("first", {empty_tuple()}, none());
  expect_run("first", {S({I(2), I(-1)})}, I(-1));
  expect_raises("first", {I(0)});
  expect_run("first_t", {I(0)}, empty_tuple());  // falsy: not subscripted
  expect_raises("first_t", {S({I(1)})});         // a frozenset is not subscriptable
  expect_run("first_f", {none()}, empty_set());
  expect_run("last", {empty_tuple()}, empty_tuple());
  expect_run("last_f", {S({I(2), I(-1)})}, I(2));
  expect_run("last_t", {T({I(1), I(2)})}, I(2));
  expect_run("second", {T({I(1)})}, none());
  expect_raises("second", {empty_tuple()});  // StopIteration
  expect_run("extract", {T({I(1), I(3)}), tok("even")}, empty_set());
}

TEST_F(TokCoreTest, NoneKeyMeansNoKey) {
  expect_run("argmax", {T({I(1), I(3), I(2)}), none()}, I(3));
  expect_run("argmin_f", {S({I(1), I(3)}), none()}, I(1));
  expect_run("order", {S({I(3), I(1)}), none()}, P(1, 3));
  expect_raises("valmax", {T({I(1), I(2)}), none()});  // None(max(...)) raises
}

TEST_F(TokCoreTest, DifferenceReadsAnyContainer) {
  expect_run("difference", {S({T({I(1)}), I(2)}), T({I(2), I(3)})}, S({T({I(1)})}));
  expect_run("difference_tuple", {T({I(1), I(2), I(3), I(2)}), T({I(2)})}, P(1, 3));
  expect_run("difference_tuple", {empty_tuple(), none()}, empty_tuple());  // b never read
  expect_raises("difference", {I(5), I(7)});
  expect_raises("combine_f", {S({I(1)}), T({I(2)})});
}

}  // namespace
}  // namespace batt::dsl
