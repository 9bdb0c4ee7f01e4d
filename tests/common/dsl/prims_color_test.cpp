// Unit tests of the "color" primitive family (prims_color.cpp) with hand-computed
// expectations: empty grids and sets, negative and out-of-range colours, ties (smallest
// colour wins), canonical order of the built sets, and wrong argument types.
#include <gtest/gtest.h>

#include <vector>

#include "dsl/closure.hpp"
#include "dsl/color.hpp"
#include "dsl/registry.hpp"
#include "dsl/set.hpp"
#include "dsl/tuple.hpp"
#include "support/prim_test.hpp"

namespace batt::dsl {
namespace {

class ColorPrims : public testing::PrimTest {};

TEST_F(ColorPrims, MostcolorAndLeastcolor) {
  const Value g = G({{1, 1, 2}, {2, 2, 0}});
  EXPECT_TRUE(Same(call("mostcolor", {g}), I(2)));
  EXPECT_TRUE(Same(call("leastcolor", {g}), I(0)));
  // Ties: candidates are iterated in ascending order, the first best one wins.
  EXPECT_TRUE(Same(call("mostcolor", {G({{8, 1}, {1, 8}})}), I(1)));
  EXPECT_TRUE(Same(call("leastcolor", {G({{8, 1}, {1, 8}})}), I(1)));
  EXPECT_TRUE(Same(call("mostcolor", {G({{-3, -3, 5}})}), I(-3)));
  EXPECT_TRUE(Same(call("leastcolor", {G({{-3, -3, 5}})}), I(5)));
  // Objects may carry any int colour.
  const Value obj = S({C(12, 0, 0), C(12, 0, 1), C(3, 1, 1), C(-40, 2, 2), C(-40, 2, 3)});
  EXPECT_TRUE(Same(call("mostcolor", {obj}), I(-40)));
  EXPECT_TRUE(Same(call("leastcolor", {obj}), I(3)));
  // Indices: `v, _ = (i, j)` reads the row.
  EXPECT_TRUE(Same(call("mostcolor", {S({P(0, 0), P(0, 1), P(1, 0)})}), I(0)));
  // A tuple of cells is a "grid" whose rows are the cells: values 1, (0, 0), 1, (0, 1).
  EXPECT_TRUE(Same(call("mostcolor", {T({C(1, 0, 0), C(1, 0, 1)})}), I(1)));
  std::int64_t bg = -1;
  EXPECT_TRUE(most_color(g, bg));
  EXPECT_EQ(bg, 2);
  EXPECT_FALSE(most_color(empty_set(), bg));
  EXPECT_TRUE(Fails(call("mostcolor", {empty_set()}), ErrCode::Value));
  EXPECT_TRUE(Fails(call("leastcolor", {empty_tuple()}), ErrCode::Value));
  EXPECT_TRUE(Fails(call("mostcolor", {I(5)}), ErrCode::Type));
  EXPECT_TRUE(Fails(call("leastcolor", {P(1, 2)}), ErrCode::Type));
}

TEST_F(ColorPrims, Colorcount) {
  const Value g = G({{1, 1, 2}, {2, 2, -1}});
  EXPECT_TRUE(Same(call("colorcount", {g, I(2)}), I(3)));
  EXPECT_TRUE(Same(call("colorcount", {g, I(-1)}), I(1)));
  EXPECT_TRUE(Same(call("colorcount", {g, I(7)}), I(0)));
  EXPECT_TRUE(Same(call("colorcount", {g, B(true)}), I(2)));  // True == 1
  EXPECT_TRUE(Same(call("colorcount", {g, P(1, 1)}), I(0)));
  const Value obj = S({C(4, 0, 0), C(4, 5, 5), C(6, 1, 1)});
  EXPECT_TRUE(Same(call("colorcount", {obj, I(4)}), I(2)));
  EXPECT_TRUE(Same(call("colorcount", {empty_set(), I(4)}), I(0)));
  EXPECT_TRUE(Same(call("colorcount", {empty_tuple(), I(4)}), I(0)));
  EXPECT_TRUE(Fails(call("colorcount", {I(3), I(4)}), ErrCode::Type));
}

TEST_F(ColorPrims, Colorfilter) {
  const Value a = S({C(1, 0, 0), C(1, 0, 1)});
  const Value b = S({C(2, 3, 3)});
  const Value multi = S({C(2, 5, 5), C(7, 4, 4)});  // first-iterated cell has colour 2
  const Value objs = S({a, b, multi});
  EXPECT_TRUE(Same(call("colorfilter", {objs, I(2)}), S({b, multi})));
  EXPECT_TRUE(Same(call("colorfilter", {objs, I(7)}), empty_set()));
  EXPECT_TRUE(Same(call("colorfilter", {empty_set(), I(7)}), empty_set()));
  EXPECT_TRUE(Fails(call("colorfilter", {S({a, empty_set()}), I(1)}), ErrCode::Value));
  EXPECT_TRUE(Fails(call("colorfilter", {I(1), I(1)}), ErrCode::Type));
}

TEST_F(ColorPrims, PaletteAndNumcolors) {
  const Value g = G({{0, 1, -2}, {1, 1, 0}});
  EXPECT_TRUE(Same(call("palette", {g}), S({I(-2), I(0), I(1)})));
  EXPECT_TRUE(Same(call("numcolors", {g}), I(3)));
  const Value obj = S({C(12, 0, 0), C(3, 0, 1), C(3, 2, 2)});
  EXPECT_TRUE(Same(call("palette", {obj}), S({I(3), I(12)})));
  EXPECT_TRUE(Same(call("numcolors", {obj}), I(2)));
  EXPECT_TRUE(Same(call("palette", {empty_set()}), empty_set()));
  EXPECT_TRUE(Same(call("numcolors", {empty_set()}), I(0)));
  EXPECT_TRUE(Same(call("palette", {empty_tuple()}), empty_set()));
  EXPECT_TRUE(Same(call("palette", {T({empty_tuple()})}), empty_set()));
  EXPECT_TRUE(Fails(call("palette", {I(3)}), ErrCode::Type));
  EXPECT_TRUE(Fails(call("numcolors", {Value::none()}), ErrCode::Type));
}

TEST_F(ColorPrims, Color) {
  EXPECT_TRUE(Same(call("color", {S({C(3, 0, 0), C(3, 0, 1)})}), I(3)));
  EXPECT_TRUE(
      Same(call("color", {S({C(5, 0, 0), C(2, 1, 1)})}), I(2)));  // colour-major: 2 comes first
  EXPECT_TRUE(Same(call("color", {T({C(6, 1, 1), C(2, 0, 0)})}), I(6)));  // a tuple keeps its order
  EXPECT_TRUE(Same(call("color", {G({{4, 5}})}), I(4)));
  EXPECT_TRUE(Fails(call("color", {empty_set()}), ErrCode::Value));
  EXPECT_TRUE(Fails(call("color", {I(1)}), ErrCode::Type));
  EXPECT_TRUE(Fails(call("color", {P(1, 2)}), ErrCode::Type));
}

TEST_F(ColorPrims, Toobject) {
  const Value g = G({{1, 2}, {3, 4}});
  EXPECT_TRUE(Same(call("toobject", {S({P(0, 0), P(5, 5), P(-1, 0)}), g}), S({C(1, 0, 0)})));
  EXPECT_TRUE(Same(call("toobject", {S({P(1, 1), P(0, 1), P(1, 0)}), g}),
                   S({C(2, 0, 1), C(3, 1, 0), C(4, 1, 1)})));
  // An object patch takes the grid's colours at its locations.
  EXPECT_TRUE(Same(call("toobject", {S({C(9, 0, 0), C(7, 0, 0), C(9, 1, 1)}), g}),
                   S({C(1, 0, 0), C(4, 1, 1)})));
  EXPECT_TRUE(Same(call("toobject", {T({C(9, 1, 0)}), g}), S({C(3, 1, 0)})));
  EXPECT_TRUE(Same(call("toobject", {empty_set(), g}), empty_set()));
  EXPECT_TRUE(Fails(call("toobject", {S({P(0, 0)}), empty_tuple()}), ErrCode::Index));
  EXPECT_TRUE(Fails(call("toobject", {I(0), g}), ErrCode::Type));
  EXPECT_TRUE(Fails(call("toobject", {S({P(0, 0)}), I(0)}), ErrCode::Type));
}

TEST_F(ColorPrims, AsobjectAsindicesOfcolor) {
  const Value g = G({{1, 2}, {2, -1}});
  EXPECT_TRUE(Same(call("asobject", {g}), S({C(-1, 1, 1), C(1, 0, 0), C(2, 0, 1), C(2, 1, 0)})));
  EXPECT_TRUE(Same(call("asindices", {g}), S({P(0, 0), P(0, 1), P(1, 0), P(1, 1)})));
  EXPECT_TRUE(Same(call("ofcolor", {g, I(2)}), S({P(0, 1), P(1, 0)})));
  EXPECT_TRUE(Same(call("ofcolor", {g, I(-1)}), S({P(1, 1)})));
  EXPECT_TRUE(Same(call("ofcolor", {g, I(5)}), empty_set()));
  EXPECT_TRUE(Same(call("asobject", {empty_tuple()}), empty_set()));
  EXPECT_TRUE(Same(call("asindices", {empty_tuple()}), empty_set()));
  EXPECT_TRUE(Same(call("ofcolor", {empty_tuple(), I(0)}), empty_set()));
  EXPECT_TRUE(Fails(call("asobject", {I(1)}), ErrCode::Type));
  EXPECT_TRUE(Fails(call("asindices", {I(1)}), ErrCode::Type));
  EXPECT_TRUE(Fails(call("ofcolor", {I(1), I(0)}), ErrCode::Type));
}

TEST_F(ColorPrims, Objects) {
  // 1 1 0
  // 0 2 0
  // 0 0 1      background (most common colour) is 0
  const Value g = G({{1, 1, 0}, {0, 2, 0}, {0, 0, 1}});
  const Value T_ = B(true), F_ = B(false);
  const Value ones = S({C(1, 0, 0), C(1, 0, 1)});
  const Value two = S({C(2, 1, 1)});
  const Value corner = S({C(1, 2, 2)});
  EXPECT_TRUE(Same(call("objects", {g, T_, F_, T_}), S({ones, two, corner})));
  EXPECT_TRUE(Same(call("objects", {g, T_, T_, T_}), S({ones, two, corner})));
  EXPECT_TRUE(Same(call("objects", {g, F_, T_, T_}),
                   S({S({C(1, 0, 0), C(1, 0, 1), C(2, 1, 1), C(1, 2, 2)})})));
  EXPECT_TRUE(
      Same(call("objects", {g, F_, F_, T_}), S({S({C(1, 0, 0), C(1, 0, 1), C(2, 1, 1)}), corner})));
  EXPECT_TRUE(Same(call("objects", {g, F_, F_, F_}), S({call("asobject", {g})})));
  EXPECT_TRUE(
      Same(call("objects", {g, T_, F_, F_}), S({ones, two, corner, S({C(0, 0, 2), C(0, 1, 2)}),
                                                S({C(0, 1, 0), C(0, 2, 0), C(0, 2, 1)})})));
  // Ints are accepted as flags, as in Python.
  EXPECT_TRUE(Same(call("objects", {g, I(1), I(0), I(1)}), S({ones, two, corner})));
  // Background tie: 1 and 2 both appear once, the smaller one is the background.
  EXPECT_TRUE(Same(call("objects", {G({{1, 2}}), T_, F_, T_}), S({S({C(2, 0, 1)})})));
  EXPECT_TRUE(Same(call("objects", {G({{-5, -5}, {3, -5}}), T_, T_, T_}), S({S({C(3, 1, 0)})})));
  EXPECT_TRUE(Same(call("objects", {G({{4, 4}}), T_, F_, T_}), empty_set()));
  EXPECT_TRUE(Fails(call("objects", {empty_tuple(), T_, F_, T_}), ErrCode::Value));
  EXPECT_TRUE(Fails(call("objects", {empty_tuple(), T_, F_, F_}), ErrCode::Index));
  EXPECT_TRUE(Fails(call("objects", {I(3), T_, F_, F_}), ErrCode::Type));
}

TEST_F(ColorPrims, ObjectsLargeGridIsCanonical) {
  // A 30x30 checkerboard of stripes: many one-cell and multi-cell components.
  std::vector<Value> rows;
  for (int i = 0; i < 30; ++i) {
    std::vector<Value> r;
    for (int j = 0; j < 30; ++j) r.push_back(I((i * 7 + j * 3) % 5 == 0 ? 0 : (i + j) % 3 + 1));
    rows.push_back(tuple_of(r, ctx));
  }
  const Value g = tuple_of(rows, ctx);
  ASSERT_TRUE(g.is_grid());
  const std::int64_t bg_cells = call("colorcount", {g, call("mostcolor", {g})}).as_int();
  for (bool uni : {false, true}) {
    for (bool diag : {false, true}) {
      for (bool nobg : {false, true}) {
        const Value objs = call("objects", {g, B(uni), B(diag), B(nobg)});
        ASSERT_TRUE(objs.is_set()) << repr(objs);
        EXPECT_TRUE(Canonical(objs));
        std::size_t cells = 0;
        for (const Value& o : objs.as_set().span()) cells += o.as_set().n;
        EXPECT_EQ(static_cast<std::int64_t>(cells), nobg ? 900 - bg_cells : 900);
      }
    }
  }
}

TEST_F(ColorPrims, PartitionAndFgpartition) {
  const Value g = G({{1, 1}, {2, 0}});
  const Value ones = S({C(1, 0, 0), C(1, 0, 1)});
  EXPECT_TRUE(Same(call("partition", {g}), S({ones, S({C(2, 1, 0)}), S({C(0, 1, 1)})})));
  EXPECT_TRUE(Same(call("fgpartition", {g}), S({S({C(2, 1, 0)}), S({C(0, 1, 1)})})));
  EXPECT_TRUE(
      Same(call("fgpartition", {G({{3, 7}})}), S({S({C(7, 0, 1)})})));  // tie: 3 is the background
  EXPECT_TRUE(Same(call("fgpartition", {G({{3}})}), empty_set()));
  EXPECT_TRUE(Same(call("partition", {empty_tuple()}), empty_set()));
  EXPECT_TRUE(Fails(call("fgpartition", {empty_tuple()}), ErrCode::Value));
  EXPECT_TRUE(Fails(call("partition", {S({P(0, 0)})}), ErrCode::Type));
}

}  // namespace
}  // namespace batt::dsl
