// Closures with hand-computed expectations: every closure primitive, the arity reflection of
// rbind/lbind (reference/arc-dsl.md §4) and the failure modes of calling values.
#include "dsl/closure.hpp"

#include <gtest/gtest.h>

#include "dsl/registry.hpp"
#include "dsl/set.hpp"
#include "dsl/tuple.hpp"
#include "support/prim_test.hpp"

namespace batt::dsl {
namespace {

class ClosureTest : public testing::PrimTest {};

TEST_F(ClosureTest, Compose) {
  const Value f = call("compose", {fn("double"), fn("increment")});  // x -> 2 * (x + 1)
  EXPECT_EQ(arity_of(f), 1);
  EXPECT_TRUE(Same(call(f, {I(4)}), I(10)));
}

TEST_F(ClosureTest, Chain) {
  const Value f = call("chain", {fn("invert"), fn("double"), fn("increment")});  // -(2 * (x + 1))
  EXPECT_TRUE(Same(call(f, {I(4)}), I(-10)));
}

TEST_F(ClosureTest, Fork) {
  const Value f = call("fork", {fn("add"), fn("double"), fn("invert")});  // 2x + (-x)
  EXPECT_TRUE(Same(call(f, {I(7)}), I(7)));
  const Value g = call("fork", {fn("astuple"), fn("increment"), fn("decrement")});
  EXPECT_TRUE(Same(call(g, {I(5)}), Value::pair(6, 4)));
}

TEST_F(ClosureTest, Matcher) {
  const Value f = call("matcher", {fn("double"), I(6)});
  EXPECT_TRUE(Same(call(f, {I(3)}), Value::boolean(true)));
  EXPECT_TRUE(Same(call(f, {I(4)}), Value::boolean(false)));
}

TEST_F(ClosureTest, RbindAndLbindFixTheRightArgument) {
  const Value sub1 = call("rbind", {fn("subtract"), I(1)});     // x - 1
  const Value from10 = call("lbind", {fn("subtract"), I(10)});  // 10 - x
  EXPECT_EQ(arity_of(sub1), 1);
  EXPECT_TRUE(Same(call(sub1, {I(5)}), I(4)));
  EXPECT_TRUE(Same(call(from10, {I(3)}), I(7)));
}

TEST_F(ClosureTest, ArityReflection) {
  // 3-parameter primitive -> binary closure; 4 -> ternary; closures of closures follow.
  const Value b = call("rbind", {fn("branch"), I(0)});  // (c, a) -> branch(c, a, 0)
  EXPECT_EQ(arity_of(b), 2);
  EXPECT_TRUE(Same(call(b, {Value::boolean(false), I(9)}), I(0)));
  EXPECT_TRUE(Same(call(b, {Value::boolean(true), I(9)}), I(9)));
  const Value bb = call("lbind", {b, Value::boolean(true)});  // a -> branch(True, a, 0)
  EXPECT_EQ(arity_of(bb), 1);
  EXPECT_TRUE(Same(call(bb, {I(3)}), I(3)));
  // rbind(fork, f): a binary closure g(outer, a) -> fork(outer, a, f).
  const Value rf = call("rbind", {fn("fork"), fn("invert")});
  EXPECT_EQ(arity_of(rf), 2);
  const Value forked = call(rf, {fn("add"), fn("double")});  // x -> 2x + (-x)
  EXPECT_TRUE(Same(call(forked, {I(5)}), I(5)));
  // lbind(lbind, f): a unary closure g(x) -> lbind(f, x).
  const Value ll = call("lbind", {fn("lbind"), fn("add")});
  EXPECT_EQ(arity_of(ll), 1);
  const Value add3 = call(ll, {I(3)});
  EXPECT_EQ(arity_of(add3), 1);
  EXPECT_TRUE(Same(call(add3, {I(4)}), I(7)));
  // The reference's own idiom: lbind(lbind, shift)(patch)(offset) == shift(patch, offset).
  const Value patch = S({P(0, 0), P(1, 2)});
  const Value shifter = call("lbind", {fn("lbind"), fn("shift")});
  EXPECT_EQ(arity_of(shifter), 1);
  const Value shift_patch_by = call(shifter, {patch});
  EXPECT_EQ(arity_of(shift_patch_by), 1);
  EXPECT_TRUE(Same(call(shift_patch_by, {P(1, -1)}), S({P(1, -1), P(2, 1)})));
  // rbind(fork, f) on patches: x -> fork(outer, a, size)(x).
  const Value with_size = call("rbind", {fn("fork"), fn("size")});
  const Value size_pair = call(with_size, {fn("astuple"), fn("height")});
  EXPECT_TRUE(Same(call(size_pair, {patch}), P(2, 2)));
  // A unary function has co_argcount 1: rbind makes a ternary closure that then fails.
  const Value odd = call("rbind", {fn("invert"), I(1)});
  EXPECT_EQ(arity_of(odd), 3);
  const Value r = call(odd, {I(1), I(2), I(3)});
  ASSERT_TRUE(r.is_error());
  EXPECT_EQ(r.err_code(), ErrCode::Arity);
}

TEST_F(ClosureTest, Power) {
  EXPECT_TRUE(identical(call("power", {fn("double"), I(1)}), fn("double")));  // f itself
  const Value f = call("power", {fn("double"), I(3)});
  EXPECT_EQ(arity_of(f), 1);
  EXPECT_TRUE(Same(call(f, {I(1)}), I(8)));
  const Value zero = call("power", {fn("double"), I(0)});
  ASSERT_TRUE(zero.is_error());
  EXPECT_EQ(zero.err_code(), ErrCode::Recursion);
}

TEST_F(ClosureTest, CallingFailuresAreErrorValues) {
  const Value not_callable = call(I(5), {I(1)});
  ASSERT_TRUE(not_callable.is_error());
  EXPECT_EQ(not_callable.err_code(), ErrCode::Type);
  const Value wrong_arity = call("add", {I(1)});
  ASSERT_TRUE(wrong_arity.is_error());
  EXPECT_EQ(wrong_arity.err_code(), ErrCode::Arity);
  EXPECT_EQ(wrong_arity.err_prim(), find_prim("add"));
  // rbind of a non-function: AttributeError in the reference.
  EXPECT_TRUE(call("rbind", {I(3), I(1)}).is_error());
  // compose builds anything; the error appears when it is called.
  const Value bad = call("compose", {I(1), fn("double")});
  ASSERT_TRUE(bad.is_closure());
  EXPECT_TRUE(call(bad, {I(2)}).is_error());
  // An Error argument propagates unchanged.
  const Value e = Value::error(ErrCode::Index, 1, 0);
  EXPECT_EQ(call("identity", {e}).err_code(), ErrCode::Index);
}

TEST_F(ClosureTest, RunawayRecursionIsBounded) {
  // f = power(power(power(double, 900), 900), 900): 7.29e8 calls -> Timeout, not a hang.
  Limits lim;
  lim.max_steps = 1'000'000;
  EvalCtx small(arena, lim);
  Value f = fn("increment");
  for (int k = 0; k < 3; ++k) f = apply(fn("power"), std::vector<Value>{f, I(900)}, small);
  const Value r = apply(f, std::vector<Value>{I(0)}, small);
  ASSERT_TRUE(r.is_error());
  EXPECT_EQ(r.err_code(), ErrCode::Timeout);
}

TEST_F(ClosureTest, SafeDefaultCallableTakesAnything) {
  const Value d = safe_default_value(SafeDefault::Callable);
  EXPECT_EQ(arity_of(d), -1);
  EXPECT_TRUE(Same(call(d, {I(1), I(2)}), empty_tuple()));
  EXPECT_TRUE(Same(call(d, {}), empty_tuple()));
}

}  // namespace
}  // namespace batt::dsl
