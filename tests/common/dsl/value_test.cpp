// The value model: one representation per Python value, Python equality, canonical order,
// Python `<` (sets by proper subset), truthiness, and the builders' size caps.
#include "dsl/value.hpp"

#include <gtest/gtest.h>

#include <limits>

#include "dsl/grid.hpp"
#include "dsl/set.hpp"
#include "dsl/tuple.hpp"

namespace batt::dsl {
namespace {

class ValueTest : public ::testing::Test {
 protected:
  Arena arena;
  EvalCtx ctx{arena};
  Value tup(std::initializer_list<Value> items) { return tuple_of(std::vector<Value>(items), ctx); }
  Value set(std::initializer_list<Value> items) { return set_of(std::vector<Value>(items), ctx); }
  static Value I(std::int64_t v) { return Value::integer(v); }
};

TEST_F(ValueTest, ImmediatesAreSixteenBytesAndNeedNoArena) {
  EXPECT_EQ(sizeof(Value), 16u);
  EXPECT_EQ(arena.used(), 0u);
  const Value p = Value::pair(3, -4);
  EXPECT_TRUE(p.is_pair());
  EXPECT_EQ(p.a(), 3);
  EXPECT_EQ(p.b(), -4);
  const Value c = Value::cell(7, 1, 2);
  EXPECT_EQ(c.cell_color(), 7);
  EXPECT_TRUE(equal(c.cell_loc(), Value::pair(1, 2)));
}

TEST_F(ValueTest, TuplesNormaliseToPairCellGrid) {
  EXPECT_TRUE(tup({I(1), I(2)}).is_pair());
  const Value cell = tup({I(5), Value::pair(1, 2)});
  ASSERT_TRUE(cell.is_cell());
  EXPECT_EQ(cell.cell_color(), 5);
  const Value g = tup({tup({I(1), I(2), I(3)}), tup({I(4), I(5), I(6)})});
  ASSERT_TRUE(g.is_grid());
  EXPECT_EQ(g.as_grid().h, 2);
  EXPECT_EQ(g.as_grid().at(1, 2), 6);
  // A tuple of small pairs is a grid of width 2, read back as pairs.
  const Value pairs = tup({Value::pair(0, 1), Value::pair(2, 3)});
  ASSERT_TRUE(pairs.is_grid());
  EXPECT_TRUE(equal(tuple_item(pairs, 1, ctx), Value::pair(2, 3)));
  // Ragged rows, bools, big ints and the empty tuple stay plain tuples.
  EXPECT_TRUE(tup({tup({I(1), I(2), I(3)}), Value::pair(4, 5)}).is_tuple());
  EXPECT_TRUE(tup({Value::boolean(true), I(0)}).is_tuple());
  EXPECT_TRUE(tup({tup({I(1), I(200), I(3)})}).is_tuple());
  EXPECT_TRUE(tup({}).is_tuple());
  EXPECT_TRUE(tup({I(1LL << 40), I(0)}).is_tuple());
}

TEST_F(ValueTest, ThreeIntTuplesAreTriplesSortedPositionMajor) {
  // The tokpidjin cell (i, j, c) is a plain 3-tuple of ints: one immediate representation.
  const Value t = tup({I(2), I(0), I(7)});
  ASSERT_TRUE(t.is_triple());
  EXPECT_EQ(len_of(t), 3);
  EXPECT_TRUE(equal(tuple_item(t, 2, ctx), I(7)));
  EXPECT_EQ(repr(t), "(2, 0, 7)");
  EXPECT_FALSE(equal(t, tup({Value::boolean(false), I(0), I(7)})));
  EXPECT_TRUE(equal(tup({I(1), I(0), I(7)}), tup({Value::boolean(true), I(0), I(7)})));
  // A set of cells sorts by row, then column, then colour (not colour-major).
  const Value s = set({tup({I(1), I(0), I(3)}), tup({I(0), I(5), I(9)}), tup({I(0), I(5), I(1)})});
  ASSERT_TRUE(s.is_set());
  EXPECT_EQ(s.as_set().kind, SetKind::Triples);
  EXPECT_EQ(repr(s), "frozenset({(0, 5, 1), (0, 5, 9), (1, 0, 3)})");
  // Rows of width 3 make a grid, whose rows read back as triples.
  const Value g = tup({Value::triple(1, 2, 3), Value::triple(4, 5, 6)});
  ASSERT_TRUE(g.is_grid());
  EXPECT_TRUE(tuple_item(g, 1, ctx).is_triple());
  // A Triple compares with an equal plain tuple, and orders among tuples lexicographically.
  EXPECT_LT(compare(Value::triple(0, 9, 9), tup({I(1), I(0)})), 0);
  EXPECT_EQ(py_less(Value::triple(0, 1, 2), Value::triple(0, 1, 3)), 1);
}

TEST_F(ValueTest, FloatsFollowPythonAndNanIsOneObject) {
  const Value nan = Value::real(std::numeric_limits<double>::quiet_NaN());
  const Value inf = Value::real(std::numeric_limits<double>::infinity());
  const Value ninf = Value::real(-std::numeric_limits<double>::infinity());
  EXPECT_EQ(repr(nan), "nan");
  EXPECT_EQ(repr(ninf), "-inf");
  EXPECT_EQ(repr(Value::real(2.0)), "2.0");
  EXPECT_EQ(repr(Value::real(0.5)), "0.5");
  // `==` at top level: nan is unequal even to itself; 1 == 1.0 == True.
  EXPECT_FALSE(py_eq(nan, nan));
  EXPECT_TRUE(py_eq(Value::real(1.0), I(1)));
  EXPECT_TRUE(py_eq(Value::real(1.0), Value::boolean(true)));
  // Inside containers Python tests identity first, and the dialect's nan is one object.
  EXPECT_TRUE(equal(tup({nan}), tup({nan})));
  EXPECT_EQ(set({nan, nan, I(3)}).as_set().n, 2u);
  // Canonical order: -inf < ints < inf < nan; an int and a float compare exactly.
  EXPECT_EQ(repr(set({nan, inf, I(5), ninf, Value::real(4.5)})),
            "frozenset({-inf, 4.5, 5, inf, nan})");
  EXPECT_GT(compare(I(9007199254740993LL), Value::real(9007199254740992.0)), 0);
  // Python `<`: any comparison with nan is false.
  EXPECT_EQ(py_less(nan, I(1)), 0);
  EXPECT_EQ(py_less(I(1), nan), 0);
  EXPECT_EQ(py_less(ninf, I(-100)), 1);
  EXPECT_TRUE(truthy(nan));
  EXPECT_FALSE(truthy(Value::real(0.0)));
}

TEST_F(ValueTest, PythonEqualityAcrossBoolAndInt) {
  EXPECT_TRUE(equal(Value::boolean(true), I(1)));
  EXPECT_FALSE(equal(Value::boolean(true), I(2)));
  EXPECT_TRUE(equal(tup({Value::boolean(true), I(0)}), Value::pair(1, 0)));
  const Value g = tup({tup({I(1), I(0), I(1)})});
  const Value t = tup({tup({Value::boolean(true), I(0), I(1)})});
  EXPECT_TRUE(g.is_grid());
  EXPECT_TRUE(equal(g, t));
  EXPECT_EQ(compare(g, t), 0);
  EXPECT_FALSE(equal(tup({}), empty_set()));  // () != frozenset()
}

TEST_F(ValueTest, CanonicalOrder) {
  // None < numbers < tuples < sets
  EXPECT_LT(compare(Value::none(), I(-5)), 0);
  EXPECT_LT(compare(I(100), Value::pair(0, 0)), 0);
  EXPECT_LT(compare(Value::pair(9, 9), empty_set()), 0);
  // cells sort colour-major
  EXPECT_LT(compare(Value::cell(1, 5, 5), Value::cell(2, 0, 0)), 0);
  EXPECT_LT(compare(Value::cell(1, 0, 5), Value::cell(1, 1, 0)), 0);
  // tuples lexicographic, shorter prefix first
  EXPECT_LT(compare(Value::pair(1, 2), tup({I(1), I(2), I(0)})), 0);
  // a grid compares like its tuple of rows
  const Value g = tup({tup({I(1), I(2), I(3)})});
  EXPECT_LT(compare(g, tup({tup({I(1), I(2), I(4)})})), 0);
  EXPECT_GT(compare(g, tup({Value::pair(1, 2)})), 0);
}

TEST_F(ValueTest, SetsAreSortedAndDeduplicated) {
  const Value s = set({Value::pair(2, 0), Value::pair(0, 1), Value::pair(2, 0), Value::pair(0, 0)});
  ASSERT_TRUE(s.is_set());
  ASSERT_EQ(s.as_set().n, 3u);
  EXPECT_EQ(s.as_set().kind, SetKind::Pairs);
  EXPECT_TRUE(equal(s.as_set().items()[0], Value::pair(0, 0)));
  EXPECT_TRUE(equal(s.as_set().items()[2], Value::pair(2, 0)));
  EXPECT_TRUE(set_contains(s.as_set(), Value::pair(0, 1)));
  EXPECT_FALSE(set_contains(s.as_set(), Value::pair(1, 1)));
  EXPECT_EQ(set({Value::boolean(true), I(1)}).as_set().n, 1u);  // True == 1
  // Of equal items the first one pushed stays, as in Python: {True, 1} is {True}.
  EXPECT_TRUE(set({Value::boolean(true), I(1)}).as_set().items()[0].is_bool());
  EXPECT_TRUE(set({I(1), Value::boolean(true)}).as_set().items()[0].is_int());
  EXPECT_TRUE(set({I(2), Value::boolean(true), I(1)}).as_set().items()[0].is_bool());
  EXPECT_TRUE(set({I(2), I(1), Value::boolean(true)}).as_set().items()[0].is_int());
  EXPECT_EQ(set({I(1), Value::cell(1, 0, 0)}).as_set().kind, SetKind::Mixed);
}

TEST_F(ValueTest, SetAlgebra) {
  const Value a = set({I(1), I(2), I(3)});
  const Value b = set({I(2), I(3), I(4)});
  EXPECT_TRUE(equal(set_union(a.as_set(), b.as_set(), ctx), set({I(1), I(2), I(3), I(4)})));
  EXPECT_TRUE(equal(set_intersection(a.as_set(), b.as_set(), ctx), set({I(2), I(3)})));
  EXPECT_TRUE(equal(set_difference(a.as_set(), b.as_set(), ctx), set({I(1)})));
}

TEST_F(ValueTest, PythonLessOrdersSetsBySubset) {
  const Value small = set({I(1)});
  const Value big = set({I(1), I(2)});
  const Value other = set({I(3)});
  EXPECT_EQ(py_less(small, big), 1);
  EXPECT_EQ(py_less(big, small), 0);
  EXPECT_EQ(py_less(small, other), 0);  // incomparable: neither is less
  EXPECT_EQ(py_less(other, small), 0);
  EXPECT_EQ(py_less(I(1), Value::pair(0, 0)), -1);  // int < tuple raises TypeError
  EXPECT_EQ(py_less(Value::pair(1, 2), Value::pair(1, 3)), 1);
  EXPECT_EQ(py_less(Value::boolean(false), I(1)), 1);
}

TEST_F(ValueTest, Truthiness) {
  EXPECT_FALSE(truthy(I(0)));
  EXPECT_FALSE(truthy(Value::none()));
  EXPECT_FALSE(truthy(empty_tuple()));
  EXPECT_FALSE(truthy(empty_set()));
  EXPECT_TRUE(truthy(Value::pair(0, 0)));
  EXPECT_TRUE(truthy(set({I(0)})));
}

TEST_F(ValueTest, ReprLooksLikePython) {
  EXPECT_EQ(repr(tup({tup({I(1), I(2), I(3)})})), "((1, 2, 3),)");
  EXPECT_EQ(repr(set({Value::pair(0, 1)})), "frozenset({(0, 1)})");
  EXPECT_EQ(repr(Value::cell(3, 1, 2)), "(3, (1, 2))");
  EXPECT_EQ(repr(empty_set()), "frozenset()");
}

TEST_F(ValueTest, SizeCapsGiveResourceErrors) {
  Arena small_arena;
  Limits lim;
  lim.max_items = 100;
  EvalCtx small(small_arena, lim);
  EXPECT_EQ(new_grid(small, 11, 10), nullptr);
  EXPECT_NE(new_grid(small, 10, 10), nullptr);
  TupleBuilder b(small, 101);
  EXPECT_FALSE(b.ok());
  const Value r = b.finish();
  ASSERT_TRUE(r.is_error());
  EXPECT_EQ(r.err_code(), ErrCode::Resource);
}

TEST_F(ValueTest, ArenaCapGivesNullNotCrash) {
  Arena tiny(1024);
  EXPECT_NE(tiny.alloc(512), nullptr);
  EXPECT_EQ(tiny.alloc(4096), nullptr);
  tiny.reset();
  EXPECT_NE(tiny.alloc(512), nullptr);
}

}  // namespace
}  // namespace batt::dsl
