// Unit tests of the "grid" primitive family (prims_grid.cpp), with hand-computed expectations:
// Grid fast paths, Python slicing edge cases (empty results, negative starts), patches with
// negative coordinates and several colours, the generic tuple paths, and error values.
#include <gtest/gtest.h>

#include <vector>

#include "dsl/closure.hpp"
#include "dsl/registry.hpp"
#include "dsl/set.hpp"
#include "dsl/tuple.hpp"
#include "support/prim_test.hpp"

namespace batt::dsl {
namespace {

class PrimsGridTest : public testing::PrimTest {};

TEST_F(PrimsGridTest, Rotations) {
  const Value g = G({{1, 2, 3}, {4, 5, 6}});
  EXPECT_TRUE(g.is_grid());
  EXPECT_TRUE(Same(call("rot90", {g}), G({{4, 1}, {5, 2}, {6, 3}})));
  EXPECT_TRUE(Same(call("rot180", {g}), G({{6, 5, 4}, {3, 2, 1}})));
  EXPECT_TRUE(Same(call("rot270", {g}), G({{3, 6}, {2, 5}, {1, 4}})));
  EXPECT_TRUE(Same(call("rot90", {G({{-7}})}), G({{-7}})));
  // Empty grids: zip() of nothing, and of empty rows, is ().
  EXPECT_TRUE(Same(call("rot90", {empty_tuple()}), empty_tuple()));
  EXPECT_TRUE(Same(call("rot270", {T({empty_tuple(), empty_tuple()})}), empty_tuple()));
  EXPECT_TRUE(Same(call("rot180", {empty_tuple()}), empty_tuple()));
  // Ragged rows: zip truncates to the shortest row.
  EXPECT_TRUE(Same(call("rot90", {G({{1, 2, 3}, {4, 5}})}), G({{4, 1}, {5, 2}})));
  EXPECT_TRUE(Fails(call("rot90", {I(3)}), ErrCode::Type));
  EXPECT_TRUE(Fails(call("rot180", {P(1, 2)}), ErrCode::Type));  // rows are ints
  EXPECT_TRUE(Fails(call("rot270", {S({P(0, 0)})}), ErrCode::Type));
}

TEST_F(PrimsGridTest, MirrorsOfGridsAndTuples) {
  const Value g = G({{1, 2, 3}, {4, 5, 6}});
  EXPECT_TRUE(Same(call("hmirror", {g}), G({{4, 5, 6}, {1, 2, 3}})));
  EXPECT_TRUE(Same(call("vmirror", {g}), G({{3, 2, 1}, {6, 5, 4}})));
  EXPECT_TRUE(Same(call("dmirror", {g}), G({{1, 4}, {2, 5}, {3, 6}})));
  EXPECT_TRUE(Same(call("cmirror", {g}), G({{6, 3}, {5, 2}, {4, 1}})));
  // hmirror of any tuple reverses it; vmirror reverses each row (ints have no [::-1]).
  EXPECT_TRUE(Same(call("hmirror", {T({I(1), I(2), I(3)})}), T({I(3), I(2), I(1)})));
  EXPECT_TRUE(Same(call("hmirror", {P(-1, 2)}), P(2, -1)));
  EXPECT_TRUE(Same(call("hmirror", {empty_tuple()}), empty_tuple()));
  EXPECT_TRUE(Same(call("vmirror", {G({{1, 2}, {3}})}), G({{2, 1}, {3}})));
  EXPECT_TRUE(Fails(call("vmirror", {T({I(1), I(2), I(3)})}), ErrCode::Type));
  // dmirror of a tuple is zip(*t): truncated to the shortest row.
  EXPECT_TRUE(Same(call("dmirror", {G({{1, 2, 3}, {4, 5}})}), G({{1, 4}, {2, 5}})));
  EXPECT_TRUE(Same(call("dmirror", {empty_tuple()}), empty_tuple()));
  EXPECT_TRUE(Fails(call("cmirror", {I(0)}), ErrCode::Type));
}

TEST_F(PrimsGridTest, MirrorsOfPatches) {
  // Indices with negative coordinates: bbox rows -2..0, columns -1..1.
  const Value ind = S({P(-2, -1), P(-2, 0), P(0, 1)});
  EXPECT_TRUE(Same(call("hmirror", {ind}), S({P(0, -1), P(0, 0), P(-2, 1)})));
  EXPECT_TRUE(Same(call("vmirror", {ind}), S({P(-2, 1), P(-2, 0), P(0, -1)})));
  // dmirror about the diagonal through the upper-left corner (-2, -1).
  EXPECT_TRUE(Same(call("dmirror", {ind}), S({P(-2, -1), P(-1, -1), P(0, 1)})));
  // cmirror = vmirror(dmirror(vmirror(p))).
  const Value vdv = call("vmirror", {call("dmirror", {call("vmirror", {ind})})});
  EXPECT_TRUE(Same(call("cmirror", {ind}), vdv));
  EXPECT_TRUE(Same(call("cmirror", {ind}), S({P(0, 1), P(-1, 1), P(-2, -1)})));
  // An object with two colours, one location holding both: colours travel with cells.
  const Value obj = S({C(1, 0, 0), C(1, 0, 2), C(2, 0, 0), C(2, 1, 1)});
  EXPECT_TRUE(Same(call("hmirror", {obj}), S({C(1, 1, 0), C(1, 1, 2), C(2, 1, 0), C(2, 0, 1)})));
  EXPECT_TRUE(Same(call("vmirror", {obj}), S({C(1, 0, 2), C(1, 0, 0), C(2, 0, 2), C(2, 1, 1)})));
  EXPECT_TRUE(Same(call("dmirror", {obj}), S({C(1, 0, 0), C(1, 2, 0), C(2, 0, 0), C(2, 1, 1)})));
  EXPECT_TRUE(
      Same(call("cmirror", {obj}), call("vmirror", {call("dmirror", {call("vmirror", {obj})})})));
  // Empty patch: ulcorner(∅)[0] raises IndexError; dmirror unpacks () (ValueError).
  EXPECT_TRUE(Fails(call("hmirror", {empty_set()}), ErrCode::Index));
  EXPECT_TRUE(Fails(call("cmirror", {empty_set()}), ErrCode::Index));
  EXPECT_TRUE(Fails(call("dmirror", {empty_set()}), ErrCode::Value));
  EXPECT_TRUE(Fails(call("vmirror", {S({I(1), I(2)})}), ErrCode::Type));
  EXPECT_TRUE(Fails(call("hmirror", {Value::none()}), ErrCode::Type));
}

TEST_F(PrimsGridTest, CropUsesPythonSlicing) {
  const Value g = G({{1, 2, 3}, {4, 5, 6}, {7, 8, 9}});
  EXPECT_TRUE(Same(call("crop", {g, P(1, 1), P(2, 2)}), G({{5, 6}, {8, 9}})));
  EXPECT_TRUE(Same(call("crop", {g, P(1, 2), P(5, 5)}), G({{6}, {9}})));  // clipped
  // A negative start counts from the end: rows [-1:1] are [2:1], empty; [-2:3] are [1:3].
  EXPECT_TRUE(Same(call("crop", {g, P(-1, 0), P(2, 2)}), empty_tuple()));
  EXPECT_TRUE(Same(call("crop", {g, P(-2, -1), P(5, 5)}), G({{6}, {9}})));
  // Zero columns: one empty tuple per row.
  EXPECT_TRUE(Same(call("crop", {g, P(0, 3), P(2, 1)}), T({empty_tuple(), empty_tuple()})));
  EXPECT_TRUE(Same(call("crop", {g, P(0, 0), P(0, 3)}), empty_tuple()));
  // With no rows the column bounds are never read.
  EXPECT_TRUE(Same(call("crop", {g, T({I(5)}), T({I(1)})}), empty_tuple()));
  EXPECT_TRUE(Fails(call("crop", {g, T({I(0)}), T({I(1)})}), ErrCode::Index));
  EXPECT_TRUE(Fails(call("crop", {g, I(0), P(1, 1)}), ErrCode::Type));
  EXPECT_TRUE(Fails(call("crop", {S({P(0, 0)}), P(0, 0), P(1, 1)}), ErrCode::Type));
}

TEST_F(PrimsGridTest, Subgrid) {
  const Value g = G({{1, 2, 3}, {4, 5, 6}, {7, 8, 9}});
  EXPECT_TRUE(Same(call("subgrid", {S({C(3, 0, 1), C(4, 1, 2)}), g}), G({{2, 3}, {5, 6}})));
  EXPECT_TRUE(Same(call("subgrid", {S({P(2, 0)}), g}), G({{7}})));
  // A patch reaching row -1 starts the slice at the last row: rows [-1:1] are empty.
  EXPECT_TRUE(Same(call("subgrid", {S({P(-1, 0), P(0, 0)}), g}), empty_tuple()));
  // A grid used as a patch: ulcorner is its column minima, shape its dimensions.
  EXPECT_TRUE(Same(call("subgrid", {G({{1, 2}, {0, 5}}), g}), G({{3}, {6}})));  // (0, 2), (2, 2)
  EXPECT_TRUE(Fails(call("subgrid", {empty_set(), g}), ErrCode::Index));
  EXPECT_TRUE(Fails(call("subgrid", {S({P(0, 0)}), I(1)}), ErrCode::Type));
}

TEST_F(PrimsGridTest, Halves) {
  const Value g = G({{1, 2, 3}, {4, 5, 6}, {7, 8, 9}});
  EXPECT_TRUE(Same(call("tophalf", {g}), G({{1, 2, 3}})));
  EXPECT_TRUE(Same(call("bottomhalf", {g}), G({{7, 8, 9}})));  // middle row dropped
  EXPECT_TRUE(Same(call("lefthalf", {g}), G({{1}, {4}, {7}})));
  EXPECT_TRUE(Same(call("righthalf", {g}), G({{3}, {6}, {9}})));
  const Value g4 = G({{1, 2, 3, 4}, {5, 6, 7, 8}});
  EXPECT_TRUE(Same(call("lefthalf", {g4}), G({{1, 2}, {5, 6}})));
  EXPECT_TRUE(Same(call("righthalf", {g4}), G({{3, 4}, {7, 8}})));
  EXPECT_TRUE(Same(call("bottomhalf", {g4}), G({{5, 6, 7, 8}})));
  // One row / one column: the half is empty, and rot270(()) is ().
  EXPECT_TRUE(Same(call("tophalf", {G({{1, 2}})}), empty_tuple()));
  EXPECT_TRUE(Same(call("bottomhalf", {G({{1, 2}})}), empty_tuple()));
  EXPECT_TRUE(Same(call("lefthalf", {G({{1}, {2}})}), empty_tuple()));
  EXPECT_TRUE(Same(call("righthalf", {G({{1}, {2}})}), empty_tuple()));
  EXPECT_TRUE(Same(call("tophalf", {empty_tuple()}), empty_tuple()));
  EXPECT_TRUE(Same(call("tophalf", {T({I(1), I(2), I(3)})}), T({I(1)})));
  EXPECT_TRUE(Fails(call("tophalf", {S({I(1), I(2)})}), ErrCode::Type));
}

TEST_F(PrimsGridTest, Trim) {
  EXPECT_TRUE(Same(call("trim", {G({{1, 2, 3}, {4, 5, 6}, {7, 8, 9}})}), G({{5}})));
  EXPECT_TRUE(Same(call("trim", {G({{1, 2}, {3, 4}})}), empty_tuple()));
  EXPECT_TRUE(Same(call("trim", {G({{1, 2}, {3, 4}, {5, 6}})}), T({empty_tuple()})));
  EXPECT_TRUE(Fails(call("trim", {I(1)}), ErrCode::Type));
}

TEST_F(PrimsGridTest, Splits) {
  const Value g = G({{1, 2, 0, 3, 4}, {5, 6, 0, 7, 8}});
  // Width 5 into 2: pieces of width 2 with one separator column skipped.
  EXPECT_TRUE(Same(call("hsplit", {g, I(2)}), T({G({{1, 2}, {5, 6}}), G({{3, 4}, {7, 8}})})));
  EXPECT_TRUE(Same(call("vsplit", {g, I(2)}), T({G({{1, 2, 0, 3, 4}}), G({{5, 6, 0, 7, 8}})})));
  EXPECT_TRUE(Same(call("vsplit", {g, Value::boolean(true)}), T({g})));
  // More pieces than columns: each piece is a tuple of empty rows; more than rows: ().
  const Value rows = T({empty_tuple(), empty_tuple()});
  EXPECT_TRUE(Same(call("hsplit", {g, I(7)}), T({rows, rows, rows, rows, rows, rows, rows})));
  EXPECT_TRUE(Same(call("vsplit", {g, I(3)}), T({empty_tuple(), empty_tuple(), empty_tuple()})));
  EXPECT_TRUE(Same(call("hsplit", {g, I(-2)}), empty_tuple()));
  EXPECT_TRUE(Fails(call("hsplit", {g, I(0)}), ErrCode::ZeroDivision));
  EXPECT_TRUE(Fails(call("vsplit", {empty_tuple(), I(0)}), ErrCode::ZeroDivision));
  EXPECT_TRUE(Fails(call("hsplit", {empty_tuple(), I(0)}), ErrCode::Index));
  EXPECT_TRUE(Fails(call("hsplit", {g, P(1, 1)}), ErrCode::Type));
  EXPECT_TRUE(Fails(call("hsplit", {g, I(std::int64_t{1} << 40)}), ErrCode::Resource));
}

TEST_F(PrimsGridTest, Concat) {
  const Value a = G({{1, 2}, {3, 4}, {5, 6}});
  const Value b = G({{7}, {8}});
  EXPECT_TRUE(Same(call("hconcat", {a, b}), G({{1, 2, 7}, {3, 4, 8}})));  // zip truncates
  EXPECT_TRUE(Same(call("hconcat", {a, T({empty_tuple(), empty_tuple()})}), G({{1, 2}, {3, 4}})));
  EXPECT_TRUE(Same(call("hconcat", {a, empty_tuple()}), empty_tuple()));
  // Rows that are ints add: hconcat((1, 2), (3, 4)) == (4, 6).
  EXPECT_TRUE(Same(call("hconcat", {P(1, 2), P(3, -4)}), P(4, -2)));
  EXPECT_TRUE(Fails(call("hconcat", {a, I(1)}), ErrCode::Type));
  EXPECT_TRUE(Same(call("vconcat", {G({{1, 2}}), G({{3, 4}})}), G({{1, 2}, {3, 4}})));
  // Different widths give a ragged tuple of rows, not a Grid.
  const Value ragged = call("vconcat", {a, b});
  EXPECT_TRUE(ragged.is_tuple());
  EXPECT_TRUE(Same(ragged, T({P(1, 2), P(3, 4), P(5, 6), T({I(7)}), T({I(8)})})));
  EXPECT_TRUE(Same(call("vconcat", {a, empty_tuple()}), a));
  EXPECT_TRUE(Same(call("vconcat", {empty_tuple(), empty_tuple()}), empty_tuple()));
  EXPECT_TRUE(Same(call("vconcat", {I(2), I(-5)}), I(-3)));
  EXPECT_TRUE(Fails(call("vconcat", {S({I(1)}), S({I(2)})}), ErrCode::Type));
}

TEST_F(PrimsGridTest, Downscale) {
  const Value g = G({{1, 2, 3}, {4, 5, 6}, {7, 8, 9}});
  EXPECT_TRUE(Same(call("downscale", {g, I(2)}), G({{1, 3}, {7, 9}})));
  EXPECT_TRUE(Same(call("downscale", {g, I(-2)}), G({{1, 3}, {7, 9}})));  // j % -2 == 0 alike
  EXPECT_TRUE(Same(call("downscale", {g, I(5)}), G({{1}})));
  EXPECT_TRUE(Same(call("downscale", {g, I(1)}), g));
  EXPECT_TRUE(
      Same(call("downscale", {T({empty_tuple(), empty_tuple()}), I(2)}), T({empty_tuple()})));
  EXPECT_TRUE(Fails(call("downscale", {g, I(0)}), ErrCode::ZeroDivision));
  EXPECT_TRUE(Fails(call("downscale", {empty_tuple(), I(2)}), ErrCode::Index));
  EXPECT_TRUE(Fails(call("downscale", {g, Value::none()}), ErrCode::Type));
}

TEST_F(PrimsGridTest, UpscaleGrids) {
  const Value g = G({{1, 2}, {3, -4}});
  EXPECT_TRUE(Same(call("hupscale", {g, I(2)}), G({{1, 1, 2, 2}, {3, 3, -4, -4}})));
  EXPECT_TRUE(Same(call("vupscale", {g, I(2)}), G({{1, 2}, {1, 2}, {3, -4}, {3, -4}})));
  EXPECT_TRUE(Same(call("upscale", {G({{5, 6}}), I(2)}), G({{5, 5, 6, 6}, {5, 5, 6, 6}})));
  // Factor <= 0: hupscale keeps empty rows, vupscale and upscale give ().
  EXPECT_TRUE(Same(call("hupscale", {g, I(0)}), T({empty_tuple(), empty_tuple()})));
  EXPECT_TRUE(Same(call("vupscale", {g, I(-1)}), empty_tuple()));
  EXPECT_TRUE(Same(call("upscale", {g, I(0)}), empty_tuple()));
  EXPECT_TRUE(Same(call("upscale", {empty_tuple(), Value::none()}), empty_tuple()));
  // vupscale repeats the items of any tuple, ints included.
  EXPECT_TRUE(Same(call("vupscale", {T({I(1), I(2), I(3)}), I(2)}),
                   T({I(1), I(1), I(2), I(2), I(3), I(3)})));
  EXPECT_TRUE(Fails(call("upscale", {g, P(1, 1)}), ErrCode::Type));
  EXPECT_TRUE(Fails(call("hupscale", {I(3), I(2)}), ErrCode::Type));
  EXPECT_TRUE(Fails(call("upscale", {g, I(std::int64_t{1} << 40)}), ErrCode::Resource));
}

TEST_F(PrimsGridTest, UpscaleObjects) {
  // Anchored at the upper-left corner (-1, 2): offsets from it are scaled.
  const Value obj = S({C(3, -1, 2), C(4, 0, 3)});
  const Value want = S({C(3, -1, 2), C(3, -1, 3), C(3, 0, 2), C(3, 0, 3), C(4, 1, 4), C(4, 1, 5),
                        C(4, 2, 4), C(4, 2, 5)});
  EXPECT_TRUE(Same(call("upscale", {obj, I(2)}), want));
  EXPECT_TRUE(Same(call("upscale", {obj, I(1)}), obj));
  EXPECT_TRUE(Same(call("upscale", {empty_set(), I(3)}), empty_set()));
  // Factor <= 0 leaves nothing to shift back: shift reads the first element (StopIteration).
  EXPECT_TRUE(Fails(call("upscale", {obj, I(0)}), ErrCode::Value));
  // Indices cannot be unpacked as (value, (i, j)).
  EXPECT_TRUE(Fails(call("upscale", {S({P(0, 0)}), I(2)}), ErrCode::Type));
  EXPECT_TRUE(Fails(call("upscale", {obj, I(std::int64_t{1} << 40)}), ErrCode::Resource));
  EXPECT_TRUE(Fails(call("upscale", {S({C(1, INT32_MAX - 1, 0), C(1, INT32_MAX, 0)}), I(3)}),
                    ErrCode::Overflow));
}

TEST_F(PrimsGridTest, ErrorArgumentsPassThrough) {
  const Value err = Value::error(ErrCode::Index, 1);
  EXPECT_TRUE(Fails(call("rot90", {err}), ErrCode::Index));
  EXPECT_TRUE(Fails(call("crop", {G({{1}}), err, P(1, 1)}), ErrCode::Index));
  EXPECT_TRUE(Fails(call("upscale", {G({{1}}), Value::error(ErrCode::Timeout)}), ErrCode::Timeout));
}

}  // namespace
}  // namespace batt::dsl
