// Unit tests of the tokpidjin patch family (tok_patch*.cpp) for what the golden vectors cannot
// show: that the integer fast paths (sets/tuples of only Pairs or only Triples) and the general
// Python-semantics code give the same values, the nested safe_dsl defaults worked by hand
// (a primitive that calls a failing primitive goes on with that one's default), the
// "winning second definition" quirks of the mirrors (tokpidjin-dsl.md §4.1), the sentinels of
// §3.3, gravitate's guard, and budgets (a huge range is a Resource error, never defaulted).
//
// The fixture (support/tok_test.hpp): `run` gives a failing primitive its safe default, `raw`
// shows the Error value itself.
#include <gtest/gtest.h>

#include <vector>

#include "dsl/closure.hpp"
#include "dsl/registry.hpp"
#include "dsl/set.hpp"
#include "dsl/tuple.hpp"
#include "support/tok_test.hpp"

namespace batt::dsl {
namespace {

using TokPatchTest = testing::TokTest;

// The same object as a set of Triples, a tuple of small Triples (stored as a width-3 grid) and
// a tuple that is no grid (a coordinate outside int8): the general code must agree with the
// fast paths on every reader.
TEST_F(TokPatchTest, FastAndGeneralPathsAgree) {
  const Value set = S({X(200, 3, 1), X(201, 2, 5), X(203, 4, 1)});
  const Value grid = T({X(1, 3, 1), X(2, 2, 5), X(4, 4, 1)});
  ASSERT_TRUE(grid.is_grid());
  const Value loose = T({X(201, 2, 5), X(203, 4, 1), X(200, 3, 1)});
  ASSERT_TRUE(loose.is_tuple());
  // The same patch with a bool colour is no plain patch at all: the general code reads it.
  const Value boolish = T({T({I(200), I(3), B(true)}), X(201, 2, 5), X(203, 4, 1)});
  for (const Value& p : {set, loose, boolish}) {
    expect_run("uppermost", {p}, I(200));
    expect_run("rightmost", {p}, I(4));
    expect_run("lrcorner", {p}, P(203, 4));
    expect_run("urcorner", {p}, P(200, 4));
    expect_run("height_f", {p}, I(4));
    expect_run("width_o", {p}, I(3));
    expect_run("center", {p}, P(202, 3));
    expect_run("shape_f", {p}, P(4, 3));
  }
  expect_run("ulcorner", {grid}, P(1, 2));
  expect_run("shift", {grid, P(1, 1)}, S({X(2, 4, 1), X(3, 3, 5), X(5, 5, 1)}));
  expect_run("normalize_o", {loose}, S({X(0, 1, 1), X(1, 0, 5), X(3, 2, 1)}));
  expect_run("normalize_o", {boolish}, S({T({I(0), I(1), B(true)}), X(1, 0, 5), X(3, 2, 1)}));
  expect_run("hmirror_f", {set}, S({X(203, 3, 1), X(202, 2, 5), X(200, 4, 1)}));
  expect_run("hmirror_f", {boolish}, S({T({I(203), I(3), B(true)}), X(202, 2, 5), X(200, 4, 1)}));
}

// centerofmass sums over toindices(p): a set of cells loses its repeated positions (two
// colours on one position count once) but still divides by len(p); a tuple of locations keeps
// its repeats.
TEST_F(TokPatchTest, CenterOfMassDividesByTheLengthOfThePatch) {
  expect_run("centerofmass", {S({X(-10, -10, 2), X(-10, -10, 3)})}, P(-5, -5));
  expect_run("centerofmass", {T({X(4, 4, 1), X(4, 4, 2)})}, P(2, 2));
  expect_run("centerofmass", {T({P(0, 0), P(0, 0), P(3, 3)})}, P(1, 1));
  expect_run("centerofmass", {empty_set()}, empty_tuple());
}

// §3.3: the sentinels, and the functions that raise instead (so give their default).
TEST_F(TokPatchTest, Sentinels) {
  EXPECT_TRUE(is_nan(raw("uppermost", {empty_set()})));
  EXPECT_TRUE(is_nan(raw("lowermost_o", {empty_tuple()})));
  EXPECT_TRUE(is_nan(raw("col_row", {empty_set(), I(3)})));
  expect_raises("rightmost_i", {empty_set()});  // no guard: max() of nothing
  expect_run("rightmost_o", {empty_set()}, I(0));
  EXPECT_TRUE(Same(raw("manhattan", {empty_set(), S({P(0, 0)})}), inf()));
  EXPECT_TRUE(Same(raw("manhattan", {I(5), S({P(0, 0)})}), inf()));  // no length: inf too
  expect_raw("adjacent", {empty_set(), S({P(0, 0)})}, B(false));
  expect_raw("center", {empty_set()}, empty_tuple());
  expect_raw("corners", {empty_set()}, S({empty_tuple()}));
  expect_raw("col_row", {S({P(1, 2)}), I(4)}, Value::none());
}

// A primitive whose inner call fails goes on with that call's default: uppermost(7) is 0
// (toindices(7) is ∅, min raises), so center(7) is (0, 0), inbox(7) the ring around (0, 0), and
// height_f({1, 2}) is 0 - 0 + 1.
TEST_F(TokPatchTest, NestedDefaultsWorkedByHand) {
  expect_raises("uppermost", {I(7)});
  expect_run("uppermost", {I(7)}, I(0));
  expect_raw("center", {I(7)}, P(0, 0));
  expect_raw("inbox", {I(7)},
             S({P(-1, -1), P(-1, 0), P(-1, 1), P(0, -1), P(0, 1), P(1, -1), P(1, 0), P(1, 1)}));
  expect_raw("height_f", {S({I(1), I(2)})}, I(1));
  // normalize((1, 2)): both extremes default to 0, then shift((1, 2), (0, 0)) fails inside
  // (len(1)) and gives ∅ - normalize itself does not fail.
  expect_raw("normalize", {T({I(1), I(2)})}, empty_set());
  // manhattan(p, {1, 2}): toindices gives ∅, min() of nothing raises.
  expect_raises("manhattan", {S({P(0, 0)}), S({I(1), I(2)})});
  expect_run("adjacent", {S({P(0, 0)}), S({I(1), I(2)})}, B(false));
}

// §4.1: the second definitions win. hmirror_f/dmirror_f and every _i/_o mirror have no guard
// (ulcorner(∅)[0] raises); vmirror_f has one; cmirror_* chains guarded _f calls and never
// raises on ∅.
TEST_F(TokPatchTest, MirrorQuirks) {
  expect_raises("hmirror_f", {empty_set()});
  expect_raises("dmirror_f", {empty_set()});
  expect_raises("vmirror_i", {empty_set()});
  expect_raw("vmirror_f", {empty_set()}, empty_set());
  expect_raw("cmirror_o", {empty_set()}, empty_set());
  // _i reads cells as pairs, _o locations as cells: both raise.
  expect_raises("hmirror_i", {S({X(0, 0, 5), X(0, 1, 5)})});
  expect_raises("hmirror_o", {S({P(0, 0)})});
  // _f decides by the first element's length; a tuple of locations is mirrored into a set.
  expect_run("vmirror_f", {T({P(1, 2), P(3, 4)})}, S({P(1, 4), P(3, 2)}));
  expect_run("cmirror_i", {T({P(1, 2), P(3, 4)})}, S({P(1, 2), P(3, 4)}));
  expect_run("dmirror_f", {S({X(0, 0, 5), X(0, 1, 5)})}, S({X(0, 0, 5), X(1, 0, 5)}));
  // mir_rot_f compares its selector with `==`: True is 1 (dmirror), 4 keeps the patch.
  const Value p = S({X(0, 0, 1), X(0, 1, 2)});
  expect_run("mir_rot_f", {p, B(true)}, S({X(0, 0, 1), X(1, 0, 2)}));
  expect_run("mir_rot_f", {p, I(4)}, p);
  // A width-4 grid: ulcorner has four columns, then `i, j` unpacking raises.
  expect_raises("hmirror_f", {G({{0, 1, 0, 0}, {1, 0, 0, 0}})});
}

// gravitate: a falsy destination returns the source itself; otherwise steps one cell at a
// time (vertically when the patches share a column), at most 42 steps.
TEST_F(TokPatchTest, Gravitate) {
  const Value src = S({P(0, 0), P(1, 2)});
  expect_raw("gravitate", {src, empty_set()}, src);
  expect_raw("gravitate", {src, I(0)}, src);
  expect_raw("gravitate", {src, Value::none()}, src);
  expect_run("gravitate", {S({X(2, 3, 5)}), S({X(0, 0, 1), X(0, 1, 2), X(1, 1, 2)})}, P(0, -2));
  // Shares column 4, destination below: moves down until adjacent (rows 1..3 -> 7).
  expect_run("gravitate", {S({P(1, 4)}), S({P(9, 4), P(9, 5)})}, P(7, 0));
  // The same through the general path (a bool coordinate), which shifts step by step.
  expect_run("gravitate", {T({T({I(1), B(true)}), P(1, 2)}), S({P(1, 6)})}, P(0, 3));
  // Nothing to approach: inf's center is (0, 0), every shift of it is ∅, 42 steps.
  expect_run("gravitate", {inf(), S({X(9, 9, 4)})}, P(0, 42));
  expect_raises("gravitate", {empty_set(), S({X(0, 2, 1)})});
}

TEST_F(TokPatchTest, ShiftGuards) {
  const Value p = S({X(0, 0, 1)});
  expect_raw("shift", {p, empty_tuple()}, p);
  expect_raw("shift", {I(7), empty_tuple()}, I(7));  // truthy, then `directions == ()`
  expect_raw("shift", {empty_tuple(), P(1, 1)}, empty_set());
  expect_raises("shift", {S({I(1), I(2)}), P(2, 2)});
  // Python floats move through: (0 + nan, 0 + 1, 1) is a plain 3-tuple, not a Triple.
  const Value moved = raw("shift", {p, T({nan(), I(1)})});
  ASSERT_TRUE(moved.is_set());
  ASSERT_EQ(moved.as_set().n, 1u);
  const Value cell = moved.as_set().items()[0];
  ASSERT_TRUE(cell.is_tuple());
  EXPECT_TRUE(is_nan(cell.as_tuple().items()[0]));
}

TEST_F(TokPatchTest, CornerSelectorsAndLines) {
  const Value p = S({P(1, 1), P(2, 4)});
  expect_run("corner", {p, B(true)}, P(1, 4));  // True == 1: urcorner
  expect_run("corner", {p, I(9)}, P(1, 1));     // anything else: ulcorner
  expect_run("col_row", {p, I(0)}, I(2));
  // ulcorner_i of cells reads three columns; urcorner_i raises on the third (KeyError).
  expect_run("ulcorner_i", {S({X(0, 1, 5), X(2, 0, 3)})}, X(0, 0, 3));
  expect_raises("urcorner_i", {S({X(0, 1, 5)})});
  expect_run("ulcorner_o", {T({P(1, 2), P(3, 4)})}, empty_tuple());  // toindices_o gives ∅
  expect_run("connect", {P(0, 0), P(2, 2)}, S({P(0, 0), P(1, 1), P(2, 2)}));
  expect_run("connect", {P(0, 2), P(2, 0)}, S({P(0, 2), P(1, 1), P(2, 0)}));
  expect_run("connect", {P(0, 0), P(2, 4)}, empty_set());
  expect_run("shoot", {P(2, 5), P(0, 0)}, S({P(2, 5)}));
  expect_raw("hfrontier", {empty_tuple()}, empty_set());  // hfrontier guards (), vfrontier not
  expect_raises("vfrontier", {empty_tuple()});
  // A bool item stays a bool where the reference copies it.
  const Value f = raw("hfrontier", {T({B(true), I(3)})});
  ASSERT_TRUE(f.is_set());
  EXPECT_TRUE(Same(f.as_set().items()[0], T({B(true), I(0)})));
  expect_run("dneighbors", {S({P(0, 0)})}, empty_set());  // not a tuple
  expect_run("ineighbors", {X(1, 2, 3)}, S({P(0, 1), P(0, 3), P(2, 1), P(2, 3)}));
  expect_run("delta", {T({P(0, 0), P(1, 1)})}, empty_set());  // frozenset - tuple raises
  expect_raises("delta", {T({P(0, 0), P(1, 1)})});
}

TEST_F(TokPatchTest, CellBuilders) {
  expect_run("astriple", {I(1), I(2), I(3)}, X(1, 2, 3));
  expect_run("ascell", {P(6, 5), Value::none()}, T({I(6), I(5), Value::none()}));
  expect_run("toij", {X(1, 2, 3)}, P(1, 2));
  expect_raises("toij", {S({P(0, 0)})});  // a set is not subscriptable
  expect_run("celltuple", {T({P(0, 0), P(0, 1)}), T({I(5)})}, T({X(0, 0, 5)}));
  expect_run("celltuple", {T({P(3, 4)}), empty_set()}, empty_tuple());
  expect_run("recolor_i", {nan(), S({P(0, 2)})}, S({T({I(0), I(2), nan()})}));
  expect_raises("recolor_i", {I(3), S({X(0, 0, 1)})});         // cells unpacked as pairs
  expect_raw("recolor_o", {I(3), S({P(0, 0)})}, empty_set());  // toindices_o defaults to ∅
  expect_run("upscale_f", {S({X(1, 1, 4), X(1, 2, 5)}), I(2)},
             S({X(1, 1, 4), X(1, 2, 4), X(2, 1, 4), X(2, 2, 4), X(1, 3, 5), X(1, 4, 5), X(2, 3, 5),
                X(2, 4, 5)}));
  expect_run("upscale_f", {S({X(1, 1, 4)}), I(0)}, empty_set());
  expect_raises("upscale_f", {S({X(0, 0, 0)}), empty_tuple()});  // range(())
}

// Budgets: a set the program makes arbitrarily large is a Resource error, which passes
// through the compat wrapper instead of becoming a default.
TEST_F(TokPatchTest, HugeRangesAreResourceErrors) {
  EXPECT_TRUE(Fails(run("connect", {P(0, 0), P(0, 2000000000)}), ErrCode::Resource));
  EXPECT_TRUE(Fails(run("backdrop", {S({P(0, 0), P(100000, 100000)})}), ErrCode::Resource));
  EXPECT_TRUE(Fails(run("upscale_f", {S({X(0, 0, 1)}), I(100000)}), ErrCode::Resource));
  EXPECT_TRUE(Fails(run("shoot", {P(0, 0), P(0, 100000000)}), ErrCode::Resource));
}

}  // namespace
}  // namespace batt::dsl
