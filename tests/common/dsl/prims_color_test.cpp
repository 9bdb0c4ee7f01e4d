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

namespace batt::dsl {
namespace {

class ColorPrims : public ::testing::Test {
 protected:
  Arena arena;
  EvalCtx ctx{arena};

  Value call(const char* f, std::initializer_list<Value> args) {
    const std::int32_t k = find_prim(f);
    EXPECT_GE(k, 0) << f;
    return apply(Value::prim(k), std::vector<Value>(args), ctx);
  }
  static Value I(std::int64_t v) { return Value::integer(v); }
  static Value B(bool v) { return Value::boolean(v); }
  static Value C(std::int32_t c, std::int32_t i, std::int32_t j) { return Value::cell(c, i, j); }
  static Value P(std::int32_t i, std::int32_t j) { return Value::pair(i, j); }
  Value T(std::initializer_list<Value> items) { return tuple_of(std::vector<Value>(items), ctx); }
  Value S(std::initializer_list<Value> items) { return set_of(std::vector<Value>(items), ctx); }
  Value G(std::initializer_list<std::initializer_list<int>> rows) {
    std::vector<Value> rs;
    for (const auto& r : rows) {
      std::vector<Value> cells;
      for (int c : r) cells.push_back(I(c));
      rs.push_back(tuple_of(cells, ctx));
    }
    return tuple_of(rs, ctx);
  }
  // Sets are sorted ascending and deduplicated at every depth.
  static bool canonical(const Value& v) {
    if (!v.is_set()) return true;
    const auto items = v.as_set().span();
    for (std::size_t k = 0; k < items.size(); ++k) {
      if (!canonical(items[k]) || (k > 0 && compare(items[k - 1], items[k]) >= 0)) return false;
    }
    return true;
  }
  static void same(const Value& got, const Value& want) {
    EXPECT_TRUE(identical(got, want)) << "got " << repr(got) << ", want " << repr(want);
    EXPECT_TRUE(canonical(got)) << repr(got);
  }
  static void fails(const Value& got, ErrCode code) {
    ASSERT_TRUE(got.is_error()) << repr(got);
    EXPECT_EQ(got.err_code(), code) << repr(got);
  }
};

TEST_F(ColorPrims, MostcolorAndLeastcolor) {
  const Value g = G({{1, 1, 2}, {2, 2, 0}});
  same(call("mostcolor", {g}), I(2));
  same(call("leastcolor", {g}), I(0));
  // Ties: candidates are iterated in ascending order, the first best one wins.
  same(call("mostcolor", {G({{8, 1}, {1, 8}})}), I(1));
  same(call("leastcolor", {G({{8, 1}, {1, 8}})}), I(1));
  same(call("mostcolor", {G({{-3, -3, 5}})}), I(-3));
  same(call("leastcolor", {G({{-3, -3, 5}})}), I(5));
  // Objects may carry any int colour.
  const Value obj = S({C(12, 0, 0), C(12, 0, 1), C(3, 1, 1), C(-40, 2, 2), C(-40, 2, 3)});
  same(call("mostcolor", {obj}), I(-40));
  same(call("leastcolor", {obj}), I(3));
  // Indices: `v, _ = (i, j)` reads the row.
  same(call("mostcolor", {S({P(0, 0), P(0, 1), P(1, 0)})}), I(0));
  // A tuple of cells is a "grid" whose rows are the cells: values 1, (0, 0), 1, (0, 1).
  same(call("mostcolor", {T({C(1, 0, 0), C(1, 0, 1)})}), I(1));
  std::int64_t bg = -1;
  EXPECT_TRUE(most_color(g, bg));
  EXPECT_EQ(bg, 2);
  EXPECT_FALSE(most_color(empty_set(), bg));
  fails(call("mostcolor", {empty_set()}), ErrCode::Value);
  fails(call("leastcolor", {empty_tuple()}), ErrCode::Value);
  fails(call("mostcolor", {I(5)}), ErrCode::Type);
  fails(call("leastcolor", {P(1, 2)}), ErrCode::Type);
}

TEST_F(ColorPrims, Colorcount) {
  const Value g = G({{1, 1, 2}, {2, 2, -1}});
  same(call("colorcount", {g, I(2)}), I(3));
  same(call("colorcount", {g, I(-1)}), I(1));
  same(call("colorcount", {g, I(7)}), I(0));
  same(call("colorcount", {g, B(true)}), I(2));  // True == 1
  same(call("colorcount", {g, P(1, 1)}), I(0));
  const Value obj = S({C(4, 0, 0), C(4, 5, 5), C(6, 1, 1)});
  same(call("colorcount", {obj, I(4)}), I(2));
  same(call("colorcount", {empty_set(), I(4)}), I(0));
  same(call("colorcount", {empty_tuple(), I(4)}), I(0));
  fails(call("colorcount", {I(3), I(4)}), ErrCode::Type);
}

TEST_F(ColorPrims, Colorfilter) {
  const Value a = S({C(1, 0, 0), C(1, 0, 1)});
  const Value b = S({C(2, 3, 3)});
  const Value multi = S({C(2, 5, 5), C(7, 4, 4)});  // first-iterated cell has colour 2
  const Value objs = S({a, b, multi});
  same(call("colorfilter", {objs, I(2)}), S({b, multi}));
  same(call("colorfilter", {objs, I(7)}), empty_set());
  same(call("colorfilter", {empty_set(), I(7)}), empty_set());
  fails(call("colorfilter", {S({a, empty_set()}), I(1)}), ErrCode::Value);
  fails(call("colorfilter", {I(1), I(1)}), ErrCode::Type);
}

TEST_F(ColorPrims, PaletteAndNumcolors) {
  const Value g = G({{0, 1, -2}, {1, 1, 0}});
  same(call("palette", {g}), S({I(-2), I(0), I(1)}));
  same(call("numcolors", {g}), I(3));
  const Value obj = S({C(12, 0, 0), C(3, 0, 1), C(3, 2, 2)});
  same(call("palette", {obj}), S({I(3), I(12)}));
  same(call("numcolors", {obj}), I(2));
  same(call("palette", {empty_set()}), empty_set());
  same(call("numcolors", {empty_set()}), I(0));
  same(call("palette", {empty_tuple()}), empty_set());
  same(call("palette", {T({empty_tuple()})}), empty_set());
  fails(call("palette", {I(3)}), ErrCode::Type);
  fails(call("numcolors", {Value::none()}), ErrCode::Type);
}

TEST_F(ColorPrims, Color) {
  same(call("color", {S({C(3, 0, 0), C(3, 0, 1)})}), I(3));
  same(call("color", {S({C(5, 0, 0), C(2, 1, 1)})}), I(2));  // colour-major: 2 comes first
  same(call("color", {T({C(6, 1, 1), C(2, 0, 0)})}), I(6));  // a tuple keeps its order
  same(call("color", {G({{4, 5}})}), I(4));
  fails(call("color", {empty_set()}), ErrCode::Value);
  fails(call("color", {I(1)}), ErrCode::Type);
  fails(call("color", {P(1, 2)}), ErrCode::Type);
}

TEST_F(ColorPrims, Toobject) {
  const Value g = G({{1, 2}, {3, 4}});
  same(call("toobject", {S({P(0, 0), P(5, 5), P(-1, 0)}), g}), S({C(1, 0, 0)}));
  same(call("toobject", {S({P(1, 1), P(0, 1), P(1, 0)}), g}),
       S({C(2, 0, 1), C(3, 1, 0), C(4, 1, 1)}));
  // An object patch takes the grid's colours at its locations.
  same(call("toobject", {S({C(9, 0, 0), C(7, 0, 0), C(9, 1, 1)}), g}), S({C(1, 0, 0), C(4, 1, 1)}));
  same(call("toobject", {T({C(9, 1, 0)}), g}), S({C(3, 1, 0)}));
  same(call("toobject", {empty_set(), g}), empty_set());
  fails(call("toobject", {S({P(0, 0)}), empty_tuple()}), ErrCode::Index);
  fails(call("toobject", {I(0), g}), ErrCode::Type);
  fails(call("toobject", {S({P(0, 0)}), I(0)}), ErrCode::Type);
}

TEST_F(ColorPrims, AsobjectAsindicesOfcolor) {
  const Value g = G({{1, 2}, {2, -1}});
  same(call("asobject", {g}), S({C(-1, 1, 1), C(1, 0, 0), C(2, 0, 1), C(2, 1, 0)}));
  same(call("asindices", {g}), S({P(0, 0), P(0, 1), P(1, 0), P(1, 1)}));
  same(call("ofcolor", {g, I(2)}), S({P(0, 1), P(1, 0)}));
  same(call("ofcolor", {g, I(-1)}), S({P(1, 1)}));
  same(call("ofcolor", {g, I(5)}), empty_set());
  same(call("asobject", {empty_tuple()}), empty_set());
  same(call("asindices", {empty_tuple()}), empty_set());
  same(call("ofcolor", {empty_tuple(), I(0)}), empty_set());
  fails(call("asobject", {I(1)}), ErrCode::Type);
  fails(call("asindices", {I(1)}), ErrCode::Type);
  fails(call("ofcolor", {I(1), I(0)}), ErrCode::Type);
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
  same(call("objects", {g, T_, F_, T_}), S({ones, two, corner}));
  same(call("objects", {g, T_, T_, T_}), S({ones, two, corner}));
  same(call("objects", {g, F_, T_, T_}), S({S({C(1, 0, 0), C(1, 0, 1), C(2, 1, 1), C(1, 2, 2)})}));
  same(call("objects", {g, F_, F_, T_}), S({S({C(1, 0, 0), C(1, 0, 1), C(2, 1, 1)}), corner}));
  same(call("objects", {g, F_, F_, F_}), S({call("asobject", {g})}));
  same(call("objects", {g, T_, F_, F_}), S({ones, two, corner, S({C(0, 0, 2), C(0, 1, 2)}),
                                            S({C(0, 1, 0), C(0, 2, 0), C(0, 2, 1)})}));
  // Ints are accepted as flags, as in Python.
  same(call("objects", {g, I(1), I(0), I(1)}), S({ones, two, corner}));
  // Background tie: 1 and 2 both appear once, the smaller one is the background.
  same(call("objects", {G({{1, 2}}), T_, F_, T_}), S({S({C(2, 0, 1)})}));
  same(call("objects", {G({{-5, -5}, {3, -5}}), T_, T_, T_}), S({S({C(3, 1, 0)})}));
  same(call("objects", {G({{4, 4}}), T_, F_, T_}), empty_set());
  fails(call("objects", {empty_tuple(), T_, F_, T_}), ErrCode::Value);
  fails(call("objects", {empty_tuple(), T_, F_, F_}), ErrCode::Index);
  fails(call("objects", {I(3), T_, F_, F_}), ErrCode::Type);
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
        EXPECT_TRUE(canonical(objs));
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
  same(call("partition", {g}), S({ones, S({C(2, 1, 0)}), S({C(0, 1, 1)})}));
  same(call("fgpartition", {g}), S({S({C(2, 1, 0)}), S({C(0, 1, 1)})}));
  same(call("fgpartition", {G({{3, 7}})}), S({S({C(7, 0, 1)})}));  // tie: 3 is the background
  same(call("fgpartition", {G({{3}})}), empty_set());
  same(call("partition", {empty_tuple()}), empty_set());
  fails(call("fgpartition", {empty_tuple()}), ErrCode::Value);
  fails(call("partition", {S({P(0, 0)})}), ErrCode::Type);
}

// Every primitive of the family on every combination of odd arguments (wrong kinds, empty
// and ragged tuples, mixed sets, huge coordinates): a value or an error, never a crash, and
// sets in canonical order.
TEST_F(ColorPrims, HostileArgumentsGiveValuesOrErrors) {
  const Value big_cell = T({I(1), T({I(std::int64_t{1} << 40), I(0)})});
  const std::vector<Value> pool = {I(0),
                                   I(-1),
                                   I(300),
                                   Value::boolean(true),
                                   Value::none(),
                                   P(0, 0),
                                   P(-5, 1 << 30),
                                   C(1, 0, 0),
                                   C(1000, 2, 2),
                                   G({{4}}),
                                   G({{1, 2}, {2, -1}}),
                                   G({{0, 0, 3}, {3, 3, 3}}),
                                   empty_tuple(),
                                   T({empty_tuple(), empty_tuple()}),
                                   T({C(1, 0, 0), C(2, 0, 1)}),
                                   T({I(1), P(1, 2)}),
                                   big_cell,
                                   empty_set(),
                                   S({P(0, 0), P(1, 1)}),
                                   S({C(1, 0, 0), C(2, 0, 0), C(3, 1, 2)}),
                                   S({S({C(1, 0, 0)}), S({C(2, 1, 1)})}),
                                   S({I(1), P(0, 0)}),
                                   S({big_cell, C(2, 0, 0)}),
                                   Value::prim(find_prim("identity"))};
  Arena calls;  // reset per call; the pool lives in the fixture's arena
  for (const char* name :
       {"mostcolor", "leastcolor", "colorcount", "colorfilter", "palette", "numcolors", "color",
        "toobject", "asobject", "asindices", "ofcolor", "objects", "partition", "fgpartition"}) {
    const int arity = prim_info(find_prim(name)).arity;
    std::vector<std::size_t> k(static_cast<std::size_t>(arity), 0);
    while (true) {
      std::vector<Value> args;
      for (std::size_t x : k) args.push_back(pool[x]);
      calls.reset();
      EvalCtx c(calls);
      const Value r = apply(Value::prim(find_prim(name)), args, c);
      ASSERT_TRUE(r.is_error() || canonical(r)) << name << " -> " << repr(r);
      std::size_t d = 0;
      while (d < k.size() && ++k[d] == pool.size()) k[d++] = 0;
      if (d == k.size()) break;
    }
  }
}

}  // namespace
}  // namespace batt::dsl
