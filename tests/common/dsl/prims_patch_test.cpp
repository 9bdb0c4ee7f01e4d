// Unit tests of the "patch" primitive family (prims_patch.cpp), with hand-computed
// expectations: sets of locations and of cells, tuples used as patches, empty patches,
// negative coordinates, ties, and arguments of the wrong kind (Error values, never crashes).
#include <gtest/gtest.h>

#include <vector>

#include "dsl/closure.hpp"
#include "dsl/registry.hpp"
#include "dsl/set.hpp"
#include "dsl/tuple.hpp"
#include "support/prim_test.hpp"

namespace batt::dsl {
namespace {

class PatchPrims : public testing::PrimTest {};

TEST_F(PatchPrims, Toindices) {
  const Value obj = S({C(1, 0, 0), C(2, 0, 0), C(1, 1, 2)});  // two colours on (0, 0)
  expect("toindices", {obj}, S({P(0, 0), P(1, 2)}));
  const Value ind = S({P(-1, 4), P(3, 3)});
  expect("toindices", {ind}, ind);
  expect("toindices", {empty_set()}, empty_set());
  expect("toindices", {empty_tuple()}, empty_set());
  expect("toindices", {T({C(3, -1, 2), C(4, -1, 2)})}, S({P(-1, 2)}));
  const Value locs = T({P(5, 5), P(0, 1)});  // a tuple of locations is returned as is
  expect("toindices", {locs}, locs);
  expect_error("toindices", {I(5)}, ErrCode::Type);
  expect_error("toindices", {S({I(1), I(2)})}, ErrCode::Type);
  expect_error("toindices", {T({T({I(1)})})}, ErrCode::Index);  // ((1,),)[0][1]
}

TEST_F(PatchPrims, Recolor) {
  expect("recolor", {I(7), S({P(0, 0), P(-1, 3)})}, S({C(7, -1, 3), C(7, 0, 0)}));
  expect("recolor", {I(2), S({C(1, 0, 0), C(5, 0, 0), C(1, 2, 2)})}, S({C(2, 0, 0), C(2, 2, 2)}));
  expect("recolor", {I(4), T({P(1, 1), P(1, 1)})}, S({C(4, 1, 1)}));
  expect("recolor", {I(3), empty_set()}, empty_set());
  // Python builds (True, (0, 0)): a tuple, not the Cell (1, (0, 0)).
  expect("recolor", {B(true), S({P(0, 0)})}, S({T({B(true), P(0, 0)})}));
  expect_error("recolor", {I(1), I(2)}, ErrCode::Type);
}

TEST_F(PatchPrims, Shift) {
  expect("shift", {S({P(0, 0), P(2, -1)}), P(-2, 3)}, S({P(-2, 3), P(0, 2)}));
  expect("shift", {S({C(1, 0, 0), C(2, 1, 1)}), P(1, 1)}, S({C(1, 1, 1), C(2, 2, 2)}));
  expect("shift", {T({P(0, 0), P(0, 0), P(3, 3)}), P(1, 0)}, S({P(1, 0), P(4, 3)}));
  expect("shift", {empty_set(), P(1, 1)}, empty_set());
  expect("shift", {empty_tuple(), I(9)}, empty_tuple());  // empty: returned before unpacking
  expect_error("shift", {S({P(0, 0)}), T({I(1), I(2), I(3)})}, ErrCode::Value);
  expect_error("shift", {S({P(0, 0)}), I(1)}, ErrCode::Type);
  expect_error("shift", {I(3), P(1, 1)}, ErrCode::Type);
  expect_error("shift", {S({P(1, 0)}), P(INT32_MAX, 0)}, ErrCode::Overflow);
}

TEST_F(PatchPrims, Normalize) {
  expect("normalize", {S({P(-3, 5), P(-1, 4)})}, S({P(0, 1), P(2, 0)}));
  expect("normalize", {S({C(9, 4, 4), C(1, 5, 6)})}, S({C(1, 1, 2), C(9, 0, 0)}));
  expect("normalize", {T({C(2, 3, 3)})}, S({C(2, 0, 0)}));
  expect("normalize", {empty_set()}, empty_set());
  expect_error("normalize", {I(0)}, ErrCode::Type);
}

TEST_F(PatchPrims, Extremes) {
  const Value obj = S({C(1, 4, 0), C(2, -2, 3), C(3, 1, -5)});
  expect("uppermost", {obj}, I(-2));
  expect("lowermost", {obj}, I(4));
  expect("leftmost", {obj}, I(-5));
  expect("rightmost", {obj}, I(3));
  expect("uppermost", {T({P(3, 3), P(1, 9)})}, I(1));
  for (const char* f : {"uppermost", "lowermost", "leftmost", "rightmost"}) {
    expect_error(f, {empty_set()}, ErrCode::Value);  // min() of nothing
    expect_error(f, {I(2)}, ErrCode::Type);
  }
}

TEST_F(PatchPrims, Corners) {
  const Value p = S({P(2, 5), P(4, 1), P(3, 3)});
  expect("ulcorner", {p}, P(2, 1));
  expect("urcorner", {p}, P(2, 5));
  expect("llcorner", {p}, P(4, 1));
  expect("lrcorner", {p}, P(4, 5));
  expect("ulcorner", {S({C(1, -1, -1), C(2, 0, -3)})}, P(-1, -3));
  for (const char* f : {"ulcorner", "urcorner", "llcorner", "lrcorner"}) {
    expect(f, {empty_set()}, empty_tuple());
    expect_error(f, {I(1)}, ErrCode::Type);
  }
  // A grid is a tuple of rows: zip(*grid) gives one min (max) per column.
  const Value g = T({T({I(3), I(0), I(7)}), T({I(1), I(4), I(2)})});
  expect("ulcorner", {g}, T({I(1), I(0), I(2)}));
  expect("lrcorner", {g}, T({I(3), I(4), I(7)}));
  EXPECT_TRUE(call("urcorner", {g}).is_error());  // {0: min, 1: max}[2]: KeyError
}

TEST_F(PatchPrims, Sizes) {
  const Value g = T({T({I(1), I(2), I(3)}), T({I(4), I(5), I(6)})});
  expect("height", {g}, I(2));
  expect("width", {g}, I(3));
  expect("shape", {g}, P(2, 3));
  expect("portrait", {g}, B(false));
  expect("square", {g}, B(false));
  const Value tall = S({P(0, 0), P(3, 1)});
  expect("height", {tall}, I(4));
  expect("width", {tall}, I(2));
  expect("shape", {tall}, P(4, 2));
  expect("portrait", {tall}, B(true));
  expect("height", {empty_set()}, I(0));
  expect("width", {empty_tuple()}, I(0));
  expect("shape", {empty_set()}, P(0, 0));
  expect("portrait", {empty_set()}, B(false));
  expect("height", {T({P(9, 9), P(0, 0), P(4, 4)})}, I(3));  // a tuple counts its items
  expect_error("height", {I(5)}, ErrCode::Type);
  expect_error("width", {P(1, 2)}, ErrCode::Type);  // len((1, 2)[0])
}

TEST_F(PatchPrims, Square) {
  expect("square", {S({P(0, 0), P(0, 1), P(1, 0), P(1, 1)})}, B(true));
  expect("square", {S({P(0, 0), P(1, 1)})}, B(false));        // box not filled
  expect("square", {S({C(1, 0, 0), C(2, 0, 0)})}, B(false));  // 1 x 1 box, two cells
  expect("square", {S({C(4, -2, -2)})}, B(true));
  expect("square", {empty_set()}, B(true));  // 0 * 0 == len and 0 == 0
  expect("square", {T({T({I(1), I(2)}), T({I(3), I(4)})})}, B(true));
  expect_error("square", {empty_tuple()}, ErrCode::Index);
  expect_error("square", {I(4)}, ErrCode::Type);
}

TEST_F(PatchPrims, Lines) {
  const Value v = S({P(0, 2), P(1, 2), P(2, 2)});
  expect("vline", {v}, B(true));
  expect("hline", {v}, B(false));
  expect("hline", {S({C(3, -1, -4), C(3, -1, -3)})}, B(true));
  expect("vline", {S({P(0, 2), P(2, 2)})}, B(false));  // a gap
  expect("vline", {S({P(7, 7)})}, B(true));
  expect("hline", {S({P(7, 7)})}, B(true));
  expect("vline", {empty_set()}, B(false));
  expect("vline", {S({C(1, 0, 0), C(2, 0, 0)})}, B(false));  // height 1, two cells
  expect("vline", {T({P(0, 0), P(1, 0)})}, B(false));        // tuple: width = len(item 0) = 2
  expect_error("vline", {I(1)}, ErrCode::Type);
}

TEST_F(PatchPrims, Matching) {
  const Value a = S({P(0, 0), P(5, 5)}), b = S({C(2, 5, 9)});
  expect("hmatching", {a, b}, B(true));
  expect("vmatching", {a, b}, B(false));
  expect("vmatching", {a, S({P(-3, 5)})}, B(true));
  expect("hmatching", {a, empty_set()}, B(false));
  expect("hmatching", {empty_set(), empty_set()}, B(false));
  // Rows far apart: the sparse path.
  expect("hmatching", {S({P(0, 0), P(100000, 0)}), S({P(1, 5), P(100000, 5)})}, B(true));
  expect("hmatching", {S({P(0, 0), P(100000, 0)}), S({P(1, 5), P(99999, 5)})}, B(false));
  expect_error("hmatching", {a, I(1)}, ErrCode::Type);
}

TEST_F(PatchPrims, Bordering) {
  const Value g = T({T({I(0), I(0), I(0)}), T({I(0), I(0), I(0)}), T({I(0), I(0), I(0)})});
  expect("bordering", {S({P(1, 1)}), g}, B(false));
  expect("bordering", {S({P(2, 1)}), g}, B(true));
  expect("bordering", {S({C(5, 1, 2)}), g}, B(true));
  expect("bordering", {S({P(-1, 1)}), g}, B(false));   // outside is not on the border
  expect("bordering", {S({P(0, 5)}), I(3)}, B(true));  // `or` stops before len(grid)
  expect_error("bordering", {empty_set(), g}, ErrCode::Value);
  expect_error("bordering", {S({P(1, 1)}), I(3)}, ErrCode::Type);
  expect_error("bordering", {S({P(1, 1)}), empty_tuple()}, ErrCode::Index);
}

TEST_F(PatchPrims, Centerofmass) {
  expect("centerofmass", {S({P(0, 0), P(1, 3)})}, P(0, 1));
  expect("centerofmass", {S({P(-1, -1), P(0, 0)})}, P(-1, -1));  // floor(-1 / 2)
  // Two cells on (0, 0): the sums run over distinct locations, divided by len(patch) = 3.
  expect("centerofmass", {S({C(1, 0, 0), C(2, 0, 0), C(1, 3, 3)})}, P(1, 1));
  expect("centerofmass", {T({P(2, 2), P(2, 2), P(5, 2)})}, P(3, 2));  // tuple keeps repeats
  expect("centerofmass", {empty_set()}, empty_tuple());
  expect_error("centerofmass", {I(3)}, ErrCode::Type);
}

TEST_F(PatchPrims, Center) {
  expect("center", {S({P(0, 0), P(2, 5)})}, P(1, 3));  // height 3, width 6
  expect("center", {S({C(1, -4, -4), C(1, -1, -2)})}, P(-2, -3));
  // A tuple patch: height = len(patch) = 2, width = len(patch[0]) = 2.
  expect("center", {T({P(0, 0), P(4, 4)})}, P(1, 1));
  expect_error("center", {empty_set()}, ErrCode::Value);
  expect_error("center", {B(true)}, ErrCode::Type);
}

TEST_F(PatchPrims, Position) {
  const Value a = S({P(0, 0)});
  expect("position", {a, S({P(0, 5)})}, P(0, 1));
  expect("position", {a, S({P(0, -5)})}, P(0, -1));
  expect("position", {a, S({P(3, 0)})}, P(1, 0));
  expect("position", {a, S({C(2, -2, -2)})}, P(-1, -1));
  expect("position", {a, S({P(2, -3)})}, P(1, -1));
  expect("position", {a, a}, P(0, -1));  // same center: `1 if ja < jb else -1`
  expect_error("position", {a, empty_set()}, ErrCode::Value);
  expect_error("position", {I(0), a}, ErrCode::Type);
}

}  // namespace
}  // namespace batt::dsl
