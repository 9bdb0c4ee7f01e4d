// Unit tests of the "geometry" primitive family (prims_geometry.cpp, which also holds
// dneighbors, ineighbors, neighbors, manhattan and adjacent), with hand-computed
// expectations: degenerate boxes, empty patches, negative coordinates, tuples used as
// patches and arguments of the wrong kind (Error values, never crashes).
#include <gtest/gtest.h>

#include <vector>

#include "dsl/closure.hpp"
#include "dsl/registry.hpp"
#include "dsl/set.hpp"
#include "dsl/tuple.hpp"
#include "support/prim_test.hpp"

namespace batt::dsl {
namespace {

class GeometryPrims : public testing::PrimTest {
 protected:
  // A set of n locations (i0 + k*di, j0 + k*dj), k = 0..n-1.
  Value ray(int i0, int j0, int di, int dj, int n) {
    std::vector<Value> v;
    for (int k = 0; k < n; ++k) v.push_back(P(i0 + k * di, j0 + k * dj));
    return S(v);
  }
};

TEST_F(GeometryPrims, Neighbours) {
  expect("dneighbors", {P(0, -1)}, S({P(-1, -1), P(0, -2), P(0, 0), P(1, -1)}));
  expect("ineighbors", {P(0, -1)}, S({P(-1, -2), P(-1, 0), P(1, -2), P(1, 0)}));
  expect("neighbors", {P(5, 5)},
         S({P(4, 4), P(4, 5), P(4, 6), P(5, 4), P(5, 6), P(6, 4), P(6, 5), P(6, 6)}));
  // Any tuple of two or more ints works (loc[0], loc[1]); a bool item is kept as such.
  expect("dneighbors", {T({I(1), I(2), I(3)})}, S({P(0, 2), P(1, 1), P(1, 3), P(2, 2)}));
  expect("dneighbors", {T({B(true), I(0)})},
         S({P(0, 0), T({B(true), I(-1)}), T({B(true), I(1)}), P(2, 0)}));
  expect_error("dneighbors", {I(3)}, ErrCode::Type);
  expect_error("ineighbors", {T({I(1)})}, ErrCode::Index);
  expect_error("neighbors", {C(1, 2, 3)}, ErrCode::Type);  // loc[1] is a tuple
}

TEST_F(GeometryPrims, ManhattanAndAdjacent) {
  expect("manhattan", {S({P(0, 0)}), S({P(3, 4)})}, I(7));
  expect("manhattan", {S({P(-2, -2), P(5, 5)}), S({C(1, -3, 0), C(1, 9, 9)})}, I(3));
  expect("manhattan", {S({P(1, 1)}), S({P(1, 1), P(4, 4)})}, I(0));
  // Two filled 10 x 10 squares, columns 0..9 and 15..24: large enough for the transform.
  std::vector<Value> left, right;
  for (int i = 0; i < 10; ++i) {
    for (int j = 0; j < 10; ++j) {
      left.push_back(P(i, j));
      right.push_back(C(3, i + 4, j + 15));
    }
  }
  expect("manhattan", {S(left), S(right)}, I(6));
  expect("manhattan", {S(right), S(left)}, I(6));
  expect("adjacent", {S({P(0, 0)}), S({P(0, 1)})}, B(true));
  expect("adjacent", {S({P(0, 0)}), S({P(1, 1)})}, B(false));           // diagonal contact only
  expect("adjacent", {S({P(0, 0)}), S({P(0, 0), P(0, 1)})}, B(false));  // overlap: 0
  expect("adjacent", {S({P(0, 2)}), T({P(4, 3), P(0, 3)})}, B(true));
  expect_error("manhattan", {empty_set(), S({P(0, 0)})}, ErrCode::Value);
  expect_error("manhattan", {S({P(0, 0)}), empty_set()}, ErrCode::Value);
  expect_error("adjacent", {S({P(0, 0)}), I(1)}, ErrCode::Type);
}

TEST_F(GeometryPrims, StepBudgetStopsManhattan) {
  std::vector<Value> a, b;
  for (int k = 0; k < 2000; ++k) {
    a.push_back(P(0, k * 100));
    b.push_back(P(7, k * 100 + 50));
  }
  Limits lim;
  lim.max_steps = 10'000;
  EvalCtx small(arena, lim);
  const Value args[2] = {S(a), S(b)};
  const Value r = apply(Value::prim(find_prim("manhattan")), args, small);
  ASSERT_TRUE(r.is_error());
  EXPECT_EQ(r.err_code(), ErrCode::Timeout);
}

TEST_F(GeometryPrims, Corners) {
  expect("corners", {S({P(1, 1), P(3, 4), P(2, 2)})}, S({P(1, 1), P(1, 4), P(3, 1), P(3, 4)}));
  expect("corners", {S({P(2, 2)})}, S({P(2, 2)}));
  expect("corners", {S({C(1, -1, 0), C(2, 0, -1)})}, S({P(-1, -1), P(-1, 0), P(0, -1), P(0, 0)}));
  expect("corners", {empty_set()}, S({empty_tuple()}));  // every corner of nothing is ()
  expect_error("corners", {I(1)}, ErrCode::Type);
}

TEST_F(GeometryPrims, Connect) {
  expect("connect", {P(0, 0), P(0, 3)}, ray(0, 0, 0, 1, 4));
  expect("connect", {P(3, 1), P(0, 1)}, ray(0, 1, 1, 0, 4));
  expect("connect", {P(0, 0), P(2, 2)}, ray(0, 0, 1, 1, 3));
  expect("connect", {P(2, 0), P(0, 2)}, S({P(0, 2), P(1, 1), P(2, 0)}));
  expect("connect", {P(-1, -1), P(-3, -3)}, ray(-3, -3, 1, 1, 3));
  expect("connect", {P(4, 4), P(4, 4)}, S({P(4, 4)}));
  expect("connect", {P(0, 0), P(1, 2)}, empty_set());
  expect_error("connect", {T({I(1), I(2), I(3)}), P(0, 0)}, ErrCode::Value);  // ai, aj = a
  expect_error("connect", {P(0, 0), I(1)}, ErrCode::Type);
}

TEST_F(GeometryPrims, Frontiers) {
  const Value v = call("vfrontier", {P(4, 7)});
  ASSERT_TRUE(v.is_set());
  EXPECT_EQ(v.as_set().n, 30u);
  EXPECT_TRUE(identical(v, ray(0, 7, 1, 0, 30)));
  expect("hfrontier", {P(-4, 7)}, ray(-4, 0, 0, 1, 30));
  expect("vfrontier", {T({B(true), I(3)})}, ray(0, 3, 1, 0, 30));  // only loc[1] is read
  expect("hfrontier", {T({I(2)})}, ray(2, 0, 0, 1, 30));           // only loc[0] is read
  const Value odd = call("vfrontier", {T({I(0), B(true)})});       // (i, True): tuples
  ASSERT_TRUE(odd.is_set());
  EXPECT_TRUE(identical(odd.as_set().items()[0], T({I(0), B(true)})));
  expect_error("vfrontier", {T({I(2)})}, ErrCode::Index);
  expect_error("hfrontier", {I(1)}, ErrCode::Type);
  expect_error("vfrontier", {S({P(0, 0)})}, ErrCode::Type);
}

TEST_F(GeometryPrims, Backdrop) {
  expect("backdrop", {S({P(1, 1), P(2, 3)})},
         S({P(1, 1), P(1, 2), P(1, 3), P(2, 1), P(2, 2), P(2, 3)}));
  expect("backdrop", {S({C(1, -1, 0), C(2, 0, -1)})}, S({P(-1, -1), P(-1, 0), P(0, -1), P(0, 0)}));
  expect("backdrop", {T({C(3, 5, 5)})}, S({P(5, 5)}));
  expect("backdrop", {empty_set()}, empty_set());
  expect_error("backdrop", {I(3)}, ErrCode::Type);
  // Two far-apart cells span a box over the per-value item cap.
  expect_error("backdrop", {S({P(0, 0), P(100000, 100000)})}, ErrCode::Resource);
}

TEST_F(GeometryPrims, Delta) {
  expect("delta", {S({P(0, 0), P(1, 1)})}, S({P(0, 1), P(1, 0)}));
  expect("delta", {S({P(0, 0), P(0, 1), P(1, 0), P(1, 1)})}, empty_set());
  expect("delta", {S({C(1, 0, 0), C(2, 0, 0), C(1, 0, 2)})}, S({P(0, 1)}));
  expect("delta", {T({C(1, -1, -1), C(1, 0, 0)})}, S({P(-1, 0), P(0, -1)}));
  expect("delta", {empty_set()}, empty_set());
  // toindices keeps a tuple of locations a tuple, and frozenset - tuple raises.
  expect_error("delta", {T({P(0, 0), P(1, 1)})}, ErrCode::Type);
  expect_error("delta", {I(0)}, ErrCode::Type);
}

TEST_F(GeometryPrims, Gravitate) {
  expect("gravitate", {S({P(0, 0)}), S({P(0, 5)})}, P(0, 4));
  expect("gravitate", {S({P(0, 0)}), S({P(6, 0)})}, P(5, 0));
  expect("gravitate", {S({P(0, 0)}), S({P(0, 1)})}, P(0, 0));     // already adjacent
  expect("gravitate", {S({P(0, 0)}), S({P(0, 100)})}, P(0, 42));  // gives up after 42
  expect("gravitate", {S({P(10, 2)}), S({P(0, 2)})}, P(-9, 0));
  expect("gravitate", {S({C(1, 5, 0), C(1, 5, 1)}), S({P(0, 0), P(0, 1), P(0, 2)})}, P(-4, 0));
  // Overlapping, same row of centers: `1 if si < di else -1` moves it up one step.
  expect("gravitate", {S({P(0, 0)}), S({P(0, 0), P(0, 1)})}, P(-1, 0));
  expect_error("gravitate", {empty_set(), S({P(0, 0)})}, ErrCode::Value);
  expect_error("gravitate", {S({P(0, 0)}), I(2)}, ErrCode::Type);
}

TEST_F(GeometryPrims, InboxOutbox) {
  const Value ring = S({P(1, 1), P(1, 2), P(1, 3), P(2, 1), P(2, 3), P(3, 1), P(3, 2), P(3, 3)});
  expect("inbox", {S({P(0, 0), P(4, 4)})}, ring);
  // One row high: the inner bounds cross, and min/max turn them into rows -1..1.
  expect("inbox", {S({P(0, 0), P(0, 4)})},
         S({P(-1, 1), P(-1, 2), P(-1, 3), P(0, 1), P(0, 3), P(1, 1), P(1, 2), P(1, 3)}));
  expect("inbox", {S({P(0, 0), P(2, 2)})}, S({P(1, 1)}));
  expect("outbox", {S({C(4, 2, 2)})}, ring);
  expect("outbox", {S({P(0, 0)})},
         S({P(-1, -1), P(-1, 0), P(-1, 1), P(0, -1), P(0, 1), P(1, -1), P(1, 0), P(1, 1)}));
  expect_error("inbox", {empty_set()}, ErrCode::Value);
  expect_error("outbox", {empty_set()}, ErrCode::Value);
  expect_error("outbox", {I(1)}, ErrCode::Type);
}

TEST_F(GeometryPrims, Box) {
  expect("box", {S({P(0, 0), P(2, 2), P(1, 1)})},
         S({P(0, 0), P(0, 1), P(0, 2), P(1, 0), P(1, 2), P(2, 0), P(2, 1), P(2, 2)}));
  expect("box", {S({P(3, 3)})}, S({P(3, 3)}));
  expect("box", {S({C(1, 0, 0), C(1, 0, 3)})}, ray(0, 0, 0, 1, 4));
  expect("box", {T({P(0, 5), P(3, 5)})}, ray(0, 5, 1, 0, 4));  // tuple of two locations
  const Value big = call("box", {T({P(2, 2), P(-2, -2)})});
  ASSERT_TRUE(big.is_set());
  EXPECT_EQ(big.as_set().n, 16u);
  expect("box", {empty_set()}, empty_set());
  expect("box", {empty_tuple()}, empty_tuple());  // an empty patch is returned as is
  expect_error("box", {I(7)}, ErrCode::Type);
}

TEST_F(GeometryPrims, Shoot) {
  const Value d = call("shoot", {P(0, 0), P(1, 1)});
  ASSERT_TRUE(d.is_set());
  EXPECT_EQ(d.as_set().n, 43u);
  EXPECT_TRUE(identical(d, ray(0, 0, 1, 1, 43)));
  expect("shoot", {P(5, 5), P(0, -1)}, ray(5, -37, 0, 1, 43));
  expect("shoot", {P(-3, 2), P(0, 0)}, S({P(-3, 2)}));
  expect("shoot", {P(0, 0), P(2, 1)}, empty_set());  // (84, 42) is not on a line
  expect_error("shoot", {T({I(1), I(2), I(3)}), P(1, 1)}, ErrCode::Value);
  expect_error("shoot", {P(0, 0), I(1)}, ErrCode::Type);
  expect_error("shoot", {P(0, 0), P(INT32_MAX, 0)}, ErrCode::Overflow);
}

TEST_F(GeometryPrims, Periods) {
  // Colours 1 2 1 2 1 along a row (away from the origin): period 2.
  const Value row = S({C(1, 3, 10), C(2, 3, 11), C(1, 3, 12), C(2, 3, 13), C(1, 3, 14)});
  expect("hperiod", {row}, I(2));
  expect("vperiod", {row}, I(1));
  const Value col = S({C(1, -5, 0), C(2, -4, 0), C(1, -3, 0), C(2, -2, 0)});
  expect("vperiod", {col}, I(2));
  expect("hperiod", {S({C(1, 0, 0), C(2, 0, 1), C(3, 0, 2)})}, I(3));  // none: the width
  // Rows 1 1 1 and 1 2 1: p = 1 fails on the 2; p = 2 holds.
  expect("hperiod", {S({C(1, 0, 0), C(1, 0, 1), C(1, 0, 2), C(1, 1, 0), C(2, 1, 1), C(1, 1, 2)})},
         I(2));
  expect("hperiod", {S({C(5, 0, 0), C(5, 0, 2)})}, I(2));  // a hole: p = 1 misses (0, 1)
  // Colours outside 0..15: the binary-search path.
  expect("hperiod", {S({C(20, 0, 0), C(21, 0, 1), C(20, 0, 2), C(21, 0, 3)})}, I(2));
  expect("hperiod", {T({C(1, 0, 0), C(1, 0, 1)})}, I(1));
  expect("hperiod", {S({C(7, 4, 4)})}, I(1));
  expect("vperiod", {empty_set()}, I(0));
  expect("hperiod", {S({P(0, 0), P(3, 0)})}, I(1));                 // width 1: the loop never runs
  expect_error("vperiod", {S({P(0, 0), P(3, 0)})}, ErrCode::Type);  // `c, (i, j)` of (i, j)
  expect_error("hperiod", {I(1)}, ErrCode::Type);
}

}  // namespace
}  // namespace batt::dsl
