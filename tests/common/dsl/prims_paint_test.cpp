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

namespace batt::dsl {
namespace {

class PaintPrims : public ::testing::Test {
 protected:
  Arena arena;
  EvalCtx ctx{arena};

  Value call(const char* f, std::initializer_list<Value> args) {
    const std::int32_t k = find_prim(f);
    EXPECT_GE(k, 0) << f;
    return apply(Value::prim(k), std::vector<Value>(args), ctx);
  }
  static Value I(std::int64_t v) { return Value::integer(v); }
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
  }
  static void fails(const Value& got, ErrCode code) {
    ASSERT_TRUE(got.is_error()) << repr(got);
    EXPECT_EQ(got.err_code(), code) << repr(got);
  }
};

TEST_F(PaintPrims, Fill) {
  const Value g = G({{0, 0}, {0, 0}});
  same(call("fill", {g, I(5), S({P(-1, 0), P(0, 0), P(5, 5)})}), G({{5, 0}, {0, 0}}));
  same(call("fill", {g, I(-3), S({C(1, 1, 1), C(2, 1, 1)})}), G({{0, 0}, {0, -3}}));
  same(call("fill", {g, I(5), T({C(9, 0, 1), C(9, 1, 0)})}), G({{0, 5}, {5, 0}}));
  same(call("fill", {g, I(5), empty_set()}), g);
  // A value that cannot be a grid cell is an error only when it is written.
  same(call("fill", {g, P(1, 2), S({P(7, 7)})}), g);
  fails(call("fill", {g, P(1, 2), S({P(0, 0)})}), ErrCode::Type);
  fails(call("fill", {g, I(300), S({P(0, 0)})}), ErrCode::Type);
  fails(call("fill", {empty_tuple(), I(1), S({P(0, 0)})}), ErrCode::Index);
  fails(call("fill", {g, I(1), I(4)}), ErrCode::Type);
  fails(call("fill", {I(4), I(1), S({P(0, 0)})}), ErrCode::Type);
}

TEST_F(PaintPrims, PaintAndUnderpaint) {
  const Value g = G({{0, 0}, {0, 7}});
  // Two cells on one position: paint keeps the last-iterated (colour-major: the larger
  // colour), underpaint the first, since the position is no longer background after it.
  const Value overlap = S({C(1, 0, 0), C(2, 0, 0), C(4, 1, 1), C(3, 5, 5)});
  same(call("paint", {g, overlap}), G({{2, 0}, {0, 4}}));
  same(call("underpaint", {g, overlap}), G({{1, 0}, {0, 7}}));
  // A tuple object is painted in its own order.
  same(call("paint", {g, T({C(2, 0, 0), C(1, 0, 0)})}), G({{1, 0}, {0, 7}}));
  same(call("paint", {g, S({C(-1, 0, 1)})}), G({{0, -1}, {0, 7}}));
  same(call("paint", {g, empty_set()}), g);
  same(call("underpaint", {g, empty_set()}), g);
  // Background tie in underpaint: 0 and 5 both twice, 0 is the background.
  same(call("underpaint", {G({{0, 5}, {5, 0}}), S({C(9, 0, 0), C(9, 0, 1)})}), G({{9, 5}, {5, 0}}));
  fails(call("paint", {g, S({P(0, 0)})}), ErrCode::Type);  // indices have no colour
  fails(call("paint", {g, S({C(1000, 0, 0)})}), ErrCode::Type);
  fails(call("paint", {empty_tuple(), S({C(1, 0, 0)})}), ErrCode::Index);
  fails(call("underpaint", {I(0), S({C(1, 0, 0)})}), ErrCode::Type);
  fails(call("paint", {g, I(0)}), ErrCode::Type);
}

TEST_F(PaintPrims, UnderfillAndCover) {
  const Value g = G({{0, 0, 1}, {0, 1, 1}});  // tie 0/1: background 0
  same(call("underfill", {g, I(5), S({P(0, 0), P(0, 2), P(1, 0), P(9, 9)})}),
       G({{5, 0, 1}, {5, 1, 1}}));
  same(call("cover", {g, S({C(4, 0, 2), C(4, 1, 1)})}), G({{0, 0, 0}, {0, 0, 1}}));
  same(call("cover", {G({{2, 2}, {2, -4}}), S({P(1, 1)})}), G({{2, 2}, {2, 2}}));
  same(call("cover", {g, empty_set()}), g);
  fails(call("cover", {empty_tuple(), S({P(0, 0)})}), ErrCode::Value);
  fails(call("underfill", {empty_tuple(), I(1), S({P(0, 0)})}), ErrCode::Index);
  fails(call("underfill", {g, I(1), I(1)}), ErrCode::Type);
  fails(call("cover", {I(1), S({P(0, 0)})}), ErrCode::Type);
}

TEST_F(PaintPrims, Move) {
  const Value g = G({{0, 3, 0}, {0, 0, 0}});
  same(call("move", {g, S({C(3, 0, 1)}), P(1, 1)}), G({{0, 0, 0}, {0, 0, 3}}));
  same(call("move", {g, S({C(3, 0, 1)}), P(5, 0)}), G({{0, 0, 0}, {0, 0, 0}}));
  same(call("move", {g, S({C(3, 0, 1)}), P(0, 0)}), g);
  // Moving onto itself by one: cover first, then paint.
  same(call("move", {G({{3, 3, 0, 0, 0}}), S({C(3, 0, 0), C(3, 0, 1)}), P(0, 1)}),
       G({{0, 3, 3, 0, 0}}));
  fails(call("move", {g, empty_set(), P(1, 1)}), ErrCode::Value);
  fails(call("move", {g, S({C(3, 0, 1)}), I(1)}), ErrCode::Type);
  fails(call("move", {g, S({P(0, 1)}), P(1, 1)}), ErrCode::Type);
  fails(call("move", {empty_tuple(), S({C(3, 0, 1)}), P(1, 1)}), ErrCode::Value);
}

TEST_F(PaintPrims, ReplaceAndSwitch) {
  const Value g = G({{1, 2}, {1, -3}});
  same(call("replace", {g, I(1), I(9)}), G({{9, 2}, {9, -3}}));
  same(call("replace", {g, I(-3), I(0)}), G({{1, 2}, {1, 0}}));
  same(call("replace", {g, I(5), I(9)}), g);
  same(call("replace", {g, P(1, 1), I(9)}), g);
  same(call("replace", {empty_tuple(), I(1), I(2)}), empty_tuple());
  fails(call("replace", {g, I(1), P(0, 0)}), ErrCode::Type);
  fails(call("replace", {I(0), I(1), I(2)}), ErrCode::Type);
  same(call("switch", {G({{1, 2}, {2, 3}}), I(1), I(2)}), G({{2, 1}, {1, 3}}));
  same(call("switch", {G({{1, 2}, {2, 3}}), I(2), I(2)}), G({{1, 2}, {2, 3}}));
  same(call("switch", {G({{1, 2}}), I(1), I(-7)}), G({{-7, 2}}));
  fails(call("switch", {G({{1, 2}}), I(1), I(200)}), ErrCode::Type);
  fails(call("switch", {I(0), I(1), I(2)}), ErrCode::Type);
}

TEST_F(PaintPrims, Cellwise) {
  const Value a = G({{1, 2}, {3, 4}});
  same(call("cellwise", {a, G({{1, 0}, {3, 0}}), I(9)}), G({{1, 9}, {3, 9}}));
  same(call("cellwise", {a, G({{1, 2, 7}, {3, 4, 7}, {7, 7, 7}}), I(-1)}), a);  // b may be larger
  same(call("cellwise", {a, G({{0, 2}, {3, 4}}), I(-1)}), G({{-1, 2}, {3, 4}}));
  fails(call("cellwise", {a, G({{1, 2}}), I(9)}), ErrCode::Index);
  fails(call("cellwise", {a, G({{0, 2}, {3, 4}}), P(1, 1)}), ErrCode::Type);
  fails(call("cellwise", {empty_tuple(), a, I(9)}), ErrCode::Index);
  fails(call("cellwise", {a, I(1), I(9)}), ErrCode::Type);
}

TEST_F(PaintPrims, Canvas) {
  same(call("canvas", {I(7), P(2, 3)}), G({{7, 7, 7}, {7, 7, 7}}));
  same(call("canvas", {I(-2), P(1, 1)}), G({{-2}}));
  same(call("canvas", {I(7), P(0, 3)}), empty_tuple());
  same(call("canvas", {I(7), P(-4, 3)}), empty_tuple());
  same(call("canvas", {I(7), P(2, 0)}), T({empty_tuple(), empty_tuple()}));
  same(call("canvas", {P(1, 1), P(2, 0)}), T({empty_tuple(), empty_tuple()}));  // never written
  fails(call("canvas", {P(1, 1), P(2, 2)}), ErrCode::Type);
  fails(call("canvas", {I(7), I(3)}), ErrCode::Type);
  fails(call("canvas", {I(7), P(1 << 20, 1 << 20)}), ErrCode::Resource);
}

TEST_F(PaintPrims, Index) {
  const Value g = G({{1, 2}, {3, -4}});
  same(call("index", {g, P(1, 1)}), I(-4));
  same(call("index", {g, P(0, 1)}), I(2));
  same(call("index", {g, P(2, 0)}), Value::none());
  same(call("index", {g, P(-1, 0)}), Value::none());
  same(call("index", {g, P(0, -1)}), Value::none());
  fails(call("index", {g, I(1)}), ErrCode::Type);
  fails(call("index", {empty_tuple(), P(0, 0)}), ErrCode::Index);
  fails(call("index", {I(3), P(0, 0)}), ErrCode::Type);
}

TEST_F(PaintPrims, Occurrences) {
  same(call("occurrences", {G({{1, 1}, {1, 1}}), S({C(1, 0, 0)})}),
       S({P(0, 0), P(0, 1), P(1, 0), P(1, 1)}));
  // A uniform 2x2 block (summed-area path) and an L shape (cell-by-cell path).
  const Value g = G({{5, 5, 0}, {5, 5, 5}, {0, 5, 5}});
  same(call("occurrences", {g, S({C(5, 3, 3), C(5, 3, 4), C(5, 4, 3), C(5, 4, 4)})}),
       S({P(0, 0), P(1, 1)}));
  same(call("occurrences", {g, S({C(5, 0, 0), C(5, 1, 0), C(5, 1, 1)})}),
       S({P(0, 0), P(0, 1), P(1, 1)}));
  same(call("occurrences", {g, S({C(0, 0, 0), C(5, 0, 1)})}), S({P(2, 0)}));
  same(call("occurrences", {g, S({C(-1, 0, 0)})}), empty_set());
  same(call("occurrences", {g, S({C(5, 0, 0), C(5, 0, 3)})}), empty_set());  // wider than g
  fails(call("occurrences", {g, empty_set()}), ErrCode::Value);
  fails(call("occurrences", {g, S({P(0, 0)})}), ErrCode::Type);
  fails(call("occurrences", {empty_tuple(), S({C(1, 0, 0)})}), ErrCode::Index);
  fails(call("occurrences", {g, I(0)}), ErrCode::Type);
}

TEST_F(PaintPrims, Frontiers) {
  same(call("frontiers", {G({{1, 1, 1}, {2, 3, 2}})}),
       S({S({C(1, 0, 0), C(1, 0, 1), C(1, 0, 2)})}));
  same(call("frontiers", {G({{5, 1}, {5, 2}})}), S({S({C(5, 0, 0), C(5, 1, 0)})}));
  same(call("frontiers", {G({{4}})}), S({S({C(4, 0, 0)})}));  // row and column coincide
  same(call("frontiers", {G({{1, 2}, {2, 1}})}), empty_set());
  same(call("frontiers", {G({{-1, -1}, {-1, 3}})}),
       S({S({C(-1, 0, 0), C(-1, 0, 1)}), S({C(-1, 0, 0), C(-1, 1, 0)})}));
  fails(call("frontiers", {empty_tuple()}), ErrCode::Index);
  fails(call("frontiers", {S({P(0, 0)})}), ErrCode::Type);
}

TEST_F(PaintPrims, Compress) {
  same(call("compress", {G({{1, 1}, {1, 1}})}), empty_tuple());
  same(call("compress", {G({{1, 2}, {1, 3}, {4, 4}})}), G({{1, 2}, {1, 3}}));
  same(call("compress", {G({{1, 2}, {1, 2}})}), T({empty_tuple(), empty_tuple()}));
  same(call("compress", {G({{1, 2, 0}, {3, 2, -1}})}), G({{1, 0}, {3, -1}}));
  same(call("compress", {empty_tuple()}), empty_tuple());
  fails(call("compress", {I(0)}), ErrCode::Type);
}

// Every primitive of the family on every combination of odd arguments (wrong kinds, empty
// and ragged tuples, mixed sets, huge coordinates): a value or an error, never a crash, and
// sets in canonical order.
TEST_F(PaintPrims, HostileArgumentsGiveValuesOrErrors) {
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
       {"fill", "paint", "underfill", "underpaint", "cover", "move", "replace", "switch",
        "cellwise", "canvas", "index", "occurrences", "frontiers", "compress"}) {
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
