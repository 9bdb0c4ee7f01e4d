// Unit tests of the "paint" primitive family (prims_paint.cpp) with hand-computed
// expectations: out-of-bounds locations, overlapping cells (paint: last wins, underpaint:
// first wins), background ties, empty grids and patches, negative colours, values that
// cannot be grid cells, and wrong argument types.
#include <gtest/gtest.h>

#include <vector>

#include "dsl/closure.hpp"
#include "dsl/registry.hpp"
#include "dsl/set.hpp"
#include "dsl/tuple.hpp"
#include "support/prim_test.hpp"

namespace batt::dsl {
namespace {

class PaintPrims : public testing::PrimTest {};

TEST_F(PaintPrims, Fill) {
  const Value g = G({{0, 0}, {0, 0}});
  EXPECT_TRUE(Same(call("fill", {g, I(5), S({P(-1, 0), P(0, 0), P(5, 5)})}), G({{5, 0}, {0, 0}})));
  EXPECT_TRUE(Same(call("fill", {g, I(-3), S({C(1, 1, 1), C(2, 1, 1)})}), G({{0, 0}, {0, -3}})));
  EXPECT_TRUE(Same(call("fill", {g, I(5), T({C(9, 0, 1), C(9, 1, 0)})}), G({{0, 5}, {5, 0}})));
  EXPECT_TRUE(Same(call("fill", {g, I(5), empty_set()}), g));
  // A value that cannot be a grid cell is an error only when it is written.
  EXPECT_TRUE(Same(call("fill", {g, P(1, 2), S({P(7, 7)})}), g));
  EXPECT_TRUE(Fails(call("fill", {g, P(1, 2), S({P(0, 0)})}), ErrCode::Type));
  EXPECT_TRUE(Fails(call("fill", {g, I(300), S({P(0, 0)})}), ErrCode::Type));
  EXPECT_TRUE(Fails(call("fill", {empty_tuple(), I(1), S({P(0, 0)})}), ErrCode::Index));
  EXPECT_TRUE(Fails(call("fill", {g, I(1), I(4)}), ErrCode::Type));
  EXPECT_TRUE(Fails(call("fill", {I(4), I(1), S({P(0, 0)})}), ErrCode::Type));
}

TEST_F(PaintPrims, PaintAndUnderpaint) {
  const Value g = G({{0, 0}, {0, 7}});
  // Two cells on one position: paint keeps the last-iterated (colour-major: the larger
  // colour), underpaint the first, since the position is no longer background after it.
  const Value overlap = S({C(1, 0, 0), C(2, 0, 0), C(4, 1, 1), C(3, 5, 5)});
  EXPECT_TRUE(Same(call("paint", {g, overlap}), G({{2, 0}, {0, 4}})));
  EXPECT_TRUE(Same(call("underpaint", {g, overlap}), G({{1, 0}, {0, 7}})));
  // A tuple object is painted in its own order.
  EXPECT_TRUE(Same(call("paint", {g, T({C(2, 0, 0), C(1, 0, 0)})}), G({{1, 0}, {0, 7}})));
  EXPECT_TRUE(Same(call("paint", {g, S({C(-1, 0, 1)})}), G({{0, -1}, {0, 7}})));
  EXPECT_TRUE(Same(call("paint", {g, empty_set()}), g));
  EXPECT_TRUE(Same(call("underpaint", {g, empty_set()}), g));
  // Background tie in underpaint: 0 and 5 both twice, 0 is the background.
  EXPECT_TRUE(Same(call("underpaint", {G({{0, 5}, {5, 0}}), S({C(9, 0, 0), C(9, 0, 1)})}),
                   G({{9, 5}, {5, 0}})));
  EXPECT_TRUE(Fails(call("paint", {g, S({P(0, 0)})}), ErrCode::Type));  // indices have no colour
  EXPECT_TRUE(Fails(call("paint", {g, S({C(1000, 0, 0)})}), ErrCode::Type));
  EXPECT_TRUE(Fails(call("paint", {empty_tuple(), S({C(1, 0, 0)})}), ErrCode::Index));
  EXPECT_TRUE(Fails(call("underpaint", {I(0), S({C(1, 0, 0)})}), ErrCode::Type));
  EXPECT_TRUE(Fails(call("paint", {g, I(0)}), ErrCode::Type));
}

TEST_F(PaintPrims, UnderfillAndCover) {
  const Value g = G({{0, 0, 1}, {0, 1, 1}});  // tie 0/1: background 0
  EXPECT_TRUE(Same(call("underfill", {g, I(5), S({P(0, 0), P(0, 2), P(1, 0), P(9, 9)})}),
                   G({{5, 0, 1}, {5, 1, 1}})));
  EXPECT_TRUE(Same(call("cover", {g, S({C(4, 0, 2), C(4, 1, 1)})}), G({{0, 0, 0}, {0, 0, 1}})));
  EXPECT_TRUE(Same(call("cover", {G({{2, 2}, {2, -4}}), S({P(1, 1)})}), G({{2, 2}, {2, 2}})));
  EXPECT_TRUE(Same(call("cover", {g, empty_set()}), g));
  EXPECT_TRUE(Fails(call("cover", {empty_tuple(), S({P(0, 0)})}), ErrCode::Value));
  EXPECT_TRUE(Fails(call("underfill", {empty_tuple(), I(1), S({P(0, 0)})}), ErrCode::Index));
  EXPECT_TRUE(Fails(call("underfill", {g, I(1), I(1)}), ErrCode::Type));
  EXPECT_TRUE(Fails(call("cover", {I(1), S({P(0, 0)})}), ErrCode::Type));
}

TEST_F(PaintPrims, Move) {
  const Value g = G({{0, 3, 0}, {0, 0, 0}});
  EXPECT_TRUE(Same(call("move", {g, S({C(3, 0, 1)}), P(1, 1)}), G({{0, 0, 0}, {0, 0, 3}})));
  EXPECT_TRUE(Same(call("move", {g, S({C(3, 0, 1)}), P(5, 0)}), G({{0, 0, 0}, {0, 0, 0}})));
  EXPECT_TRUE(Same(call("move", {g, S({C(3, 0, 1)}), P(0, 0)}), g));
  // Moving onto itself by one: cover first, then paint.
  EXPECT_TRUE(Same(call("move", {G({{3, 3, 0, 0, 0}}), S({C(3, 0, 0), C(3, 0, 1)}), P(0, 1)}),
                   G({{0, 3, 3, 0, 0}})));
  EXPECT_TRUE(Fails(call("move", {g, empty_set(), P(1, 1)}), ErrCode::Value));
  EXPECT_TRUE(Fails(call("move", {g, S({C(3, 0, 1)}), I(1)}), ErrCode::Type));
  EXPECT_TRUE(Fails(call("move", {g, S({P(0, 1)}), P(1, 1)}), ErrCode::Type));
  EXPECT_TRUE(Fails(call("move", {empty_tuple(), S({C(3, 0, 1)}), P(1, 1)}), ErrCode::Value));
}

TEST_F(PaintPrims, ReplaceAndSwitch) {
  const Value g = G({{1, 2}, {1, -3}});
  EXPECT_TRUE(Same(call("replace", {g, I(1), I(9)}), G({{9, 2}, {9, -3}})));
  EXPECT_TRUE(Same(call("replace", {g, I(-3), I(0)}), G({{1, 2}, {1, 0}})));
  EXPECT_TRUE(Same(call("replace", {g, I(5), I(9)}), g));
  EXPECT_TRUE(Same(call("replace", {g, P(1, 1), I(9)}), g));
  EXPECT_TRUE(Same(call("replace", {empty_tuple(), I(1), I(2)}), empty_tuple()));
  EXPECT_TRUE(Fails(call("replace", {g, I(1), P(0, 0)}), ErrCode::Type));
  EXPECT_TRUE(Fails(call("replace", {I(0), I(1), I(2)}), ErrCode::Type));
  EXPECT_TRUE(Same(call("switch", {G({{1, 2}, {2, 3}}), I(1), I(2)}), G({{2, 1}, {1, 3}})));
  EXPECT_TRUE(Same(call("switch", {G({{1, 2}, {2, 3}}), I(2), I(2)}), G({{1, 2}, {2, 3}})));
  EXPECT_TRUE(Same(call("switch", {G({{1, 2}}), I(1), I(-7)}), G({{-7, 2}})));
  EXPECT_TRUE(Fails(call("switch", {G({{1, 2}}), I(1), I(200)}), ErrCode::Type));
  EXPECT_TRUE(Fails(call("switch", {I(0), I(1), I(2)}), ErrCode::Type));
}

TEST_F(PaintPrims, Cellwise) {
  const Value a = G({{1, 2}, {3, 4}});
  EXPECT_TRUE(Same(call("cellwise", {a, G({{1, 0}, {3, 0}}), I(9)}), G({{1, 9}, {3, 9}})));
  EXPECT_TRUE(Same(call("cellwise", {a, G({{1, 2, 7}, {3, 4, 7}, {7, 7, 7}}), I(-1)}),
                   a));  // b may be larger
  EXPECT_TRUE(Same(call("cellwise", {a, G({{0, 2}, {3, 4}}), I(-1)}), G({{-1, 2}, {3, 4}})));
  EXPECT_TRUE(Fails(call("cellwise", {a, G({{1, 2}}), I(9)}), ErrCode::Index));
  EXPECT_TRUE(Fails(call("cellwise", {a, G({{0, 2}, {3, 4}}), P(1, 1)}), ErrCode::Type));
  EXPECT_TRUE(Fails(call("cellwise", {empty_tuple(), a, I(9)}), ErrCode::Index));
  EXPECT_TRUE(Fails(call("cellwise", {a, I(1), I(9)}), ErrCode::Type));
}

TEST_F(PaintPrims, Canvas) {
  EXPECT_TRUE(Same(call("canvas", {I(7), P(2, 3)}), G({{7, 7, 7}, {7, 7, 7}})));
  EXPECT_TRUE(Same(call("canvas", {I(-2), P(1, 1)}), G({{-2}})));
  EXPECT_TRUE(Same(call("canvas", {I(7), P(0, 3)}), empty_tuple()));
  EXPECT_TRUE(Same(call("canvas", {I(7), P(-4, 3)}), empty_tuple()));
  EXPECT_TRUE(Same(call("canvas", {I(7), P(2, 0)}), T({empty_tuple(), empty_tuple()})));
  EXPECT_TRUE(Same(call("canvas", {P(1, 1), P(2, 0)}),
                   T({empty_tuple(), empty_tuple()})));  // never written
  EXPECT_TRUE(Fails(call("canvas", {P(1, 1), P(2, 2)}), ErrCode::Type));
  EXPECT_TRUE(Fails(call("canvas", {I(7), I(3)}), ErrCode::Type));
  EXPECT_TRUE(Fails(call("canvas", {I(7), P(1 << 20, 1 << 20)}), ErrCode::Resource));
}

TEST_F(PaintPrims, Index) {
  const Value g = G({{1, 2}, {3, -4}});
  EXPECT_TRUE(Same(call("index", {g, P(1, 1)}), I(-4)));
  EXPECT_TRUE(Same(call("index", {g, P(0, 1)}), I(2)));
  EXPECT_TRUE(Same(call("index", {g, P(2, 0)}), Value::none()));
  EXPECT_TRUE(Same(call("index", {g, P(-1, 0)}), Value::none()));
  EXPECT_TRUE(Same(call("index", {g, P(0, -1)}), Value::none()));
  EXPECT_TRUE(Fails(call("index", {g, I(1)}), ErrCode::Type));
  EXPECT_TRUE(Fails(call("index", {empty_tuple(), P(0, 0)}), ErrCode::Index));
  EXPECT_TRUE(Fails(call("index", {I(3), P(0, 0)}), ErrCode::Type));
}

TEST_F(PaintPrims, Occurrences) {
  EXPECT_TRUE(Same(call("occurrences", {G({{1, 1}, {1, 1}}), S({C(1, 0, 0)})}),
                   S({P(0, 0), P(0, 1), P(1, 0), P(1, 1)})));
  // A uniform 2x2 block (summed-area path) and an L shape (cell-by-cell path).
  const Value g = G({{5, 5, 0}, {5, 5, 5}, {0, 5, 5}});
  EXPECT_TRUE(Same(call("occurrences", {g, S({C(5, 3, 3), C(5, 3, 4), C(5, 4, 3), C(5, 4, 4)})}),
                   S({P(0, 0), P(1, 1)})));
  EXPECT_TRUE(Same(call("occurrences", {g, S({C(5, 0, 0), C(5, 1, 0), C(5, 1, 1)})}),
                   S({P(0, 0), P(0, 1), P(1, 1)})));
  EXPECT_TRUE(Same(call("occurrences", {g, S({C(0, 0, 0), C(5, 0, 1)})}), S({P(2, 0)})));
  EXPECT_TRUE(Same(call("occurrences", {g, S({C(-1, 0, 0)})}), empty_set()));
  EXPECT_TRUE(
      Same(call("occurrences", {g, S({C(5, 0, 0), C(5, 0, 3)})}), empty_set()));  // wider than g
  EXPECT_TRUE(Fails(call("occurrences", {g, empty_set()}), ErrCode::Value));
  EXPECT_TRUE(Fails(call("occurrences", {g, S({P(0, 0)})}), ErrCode::Type));
  EXPECT_TRUE(Fails(call("occurrences", {empty_tuple(), S({C(1, 0, 0)})}), ErrCode::Index));
  EXPECT_TRUE(Fails(call("occurrences", {g, I(0)}), ErrCode::Type));
}

TEST_F(PaintPrims, Frontiers) {
  EXPECT_TRUE(Same(call("frontiers", {G({{1, 1, 1}, {2, 3, 2}})}),
                   S({S({C(1, 0, 0), C(1, 0, 1), C(1, 0, 2)})})));
  EXPECT_TRUE(Same(call("frontiers", {G({{5, 1}, {5, 2}})}), S({S({C(5, 0, 0), C(5, 1, 0)})})));
  EXPECT_TRUE(
      Same(call("frontiers", {G({{4}})}), S({S({C(4, 0, 0)})})));  // row and column coincide
  EXPECT_TRUE(Same(call("frontiers", {G({{1, 2}, {2, 1}})}), empty_set()));
  EXPECT_TRUE(Same(call("frontiers", {G({{-1, -1}, {-1, 3}})}),
                   S({S({C(-1, 0, 0), C(-1, 0, 1)}), S({C(-1, 0, 0), C(-1, 1, 0)})})));
  EXPECT_TRUE(Fails(call("frontiers", {empty_tuple()}), ErrCode::Index));
  EXPECT_TRUE(Fails(call("frontiers", {S({P(0, 0)})}), ErrCode::Type));
}

TEST_F(PaintPrims, Compress) {
  EXPECT_TRUE(Same(call("compress", {G({{1, 1}, {1, 1}})}), empty_tuple()));
  EXPECT_TRUE(Same(call("compress", {G({{1, 2}, {1, 3}, {4, 4}})}), G({{1, 2}, {1, 3}})));
  EXPECT_TRUE(Same(call("compress", {G({{1, 2}, {1, 2}})}), T({empty_tuple(), empty_tuple()})));
  EXPECT_TRUE(Same(call("compress", {G({{1, 2, 0}, {3, 2, -1}})}), G({{1, 0}, {3, -1}})));
  EXPECT_TRUE(Same(call("compress", {empty_tuple()}), empty_tuple()));
  EXPECT_TRUE(Fails(call("compress", {I(0)}), ErrCode::Type));
}

}  // namespace
}  // namespace batt::dsl
