// Unit tests of the "container" primitive family (prims_container.cpp, prims_higher.cpp), with
// hand-computed expectations: every primitive through the registry, empty containers,
// negative values, ties (canonical set order, first extreme wins, stable order) and wrong
// argument types (an Error value, never a crash).
#include <gtest/gtest.h>

#include <vector>

#include "dsl/closure.hpp"
#include "dsl/registry.hpp"
#include "dsl/set.hpp"
#include "dsl/tuple.hpp"
#include "support/prim_test.hpp"

namespace batt::dsl {
namespace {

class ContainerTest : public testing::PrimTest {};

TEST_F(ContainerTest, AllRegisteredWithFlags) {
  for (const char* n :
       {"contained", "combine",    "intersection", "difference", "dedupe",  "order",   "repeat",
        "size",      "merge",      "maximum",      "minimum",    "valmax",  "valmin",  "argmax",
        "argmin",    "mostcommon", "leastcommon",  "initset",    "sfilter", "mfilter", "extract",
        "totuple",   "first",      "last",         "insert",     "remove",  "other",   "interval",
        "product",   "pair",       "apply",        "rapply",     "mapply",  "papply",  "mpapply",
        "prapply",   "sizefilter"}) {
    EXPECT_GE(find_prim(n), 0) << n;
  }
  EXPECT_TRUE(prim_info(find_prim("argmax")).flags & kOrderTies);
  EXPECT_TRUE(prim_info(find_prim("argmax")).flags & kHigherOrder);
  EXPECT_TRUE(prim_info(find_prim("merge")).flags & kTupleLeak);
  EXPECT_TRUE(prim_info(find_prim("first")).flags & kOrderYes);
  EXPECT_EQ(prim_info(find_prim("size")).flags, kFlagNone);
  EXPECT_EQ(prim_info(find_prim("mfilter")).safe_default(), SafeDefault::EmptySet);
}

TEST_F(ContainerTest, Contained) {
  EXPECT_TRUE(Same(call("contained", {I(-2), T({I(1), I(-2), I(3)})}), B(true)));
  EXPECT_TRUE(Same(call("contained", {B(true), P(1, 2)}), B(true)));  // True == 1
  EXPECT_TRUE(Same(call("contained", {I(3), P(1, 2)}), B(false)));
  EXPECT_TRUE(Same(call("contained", {P(3, 4), G({{1, 2}, {3, 4}})}), B(true)));
  EXPECT_TRUE(Same(call("contained", {T({I(3), B(true)}), G({{3, 1}})}), B(true)));
  EXPECT_TRUE(Same(call("contained", {I(3), G({{3, 1}})}), B(false)));  // rows, not cells
  EXPECT_TRUE(Same(call("contained", {P(0, 1), S({P(0, 1), P(2, 2)})}), B(true)));
  EXPECT_TRUE(Same(call("contained", {I(0), empty_set()}), B(false)));
  EXPECT_TRUE(Same(call("contained", {I(0), empty_tuple()}), B(false)));
  EXPECT_TRUE(Same(call("contained", {P(1, 2), Value::cell(5, 1, 2)}), B(true)));
  EXPECT_TRUE(Fails(call("contained", {I(1), I(5)}), ErrCode::Type));
}

TEST_F(ContainerTest, Combine) {
  EXPECT_TRUE(Same(call("combine", {T({I(1), I(2)}), T({I(-3)})}), T({I(1), I(2), I(-3)})));
  EXPECT_TRUE(Same(call("combine", {G({{1, 2}}), G({{3, 4}})}), G({{1, 2}, {3, 4}})));
  EXPECT_TRUE(Same(call("combine", {S({I(1), I(2)}), S({I(2), I(-3)})}), S({I(-3), I(1), I(2)})));
  // A tuple takes a set's items in canonical order; a set absorbs a tuple.
  EXPECT_TRUE(Same(call("combine", {T({I(9)}), S({I(2), I(1)})}), T({I(9), I(1), I(2)})));
  EXPECT_TRUE(Same(call("combine", {S({I(1)}), T({I(1), I(0)})}), S({I(0), I(1)})));
  EXPECT_TRUE(Same(call("combine", {empty_tuple(), empty_set()}), empty_tuple()));
  EXPECT_TRUE(Fails(call("combine", {I(1), T({I(1)})}), ErrCode::Type));
  EXPECT_TRUE(Fails(call("combine", {T({I(1)}), I(1)}), ErrCode::Type));
}

TEST_F(ContainerTest, IntersectionAndDifference) {
  const Value a = S({P(0, 0), P(0, 1), P(-1, 2)});
  const Value b = S({P(0, 1), P(5, 5)});
  EXPECT_TRUE(Same(call("intersection", {a, b}), S({P(0, 1)})));
  EXPECT_TRUE(Same(call("intersection", {a, empty_set()}), empty_set()));
  EXPECT_TRUE(Same(call("difference", {a, b}), S({P(0, 0), P(-1, 2)})));
  EXPECT_TRUE(Same(call("difference", {empty_set(), a}), empty_set()));
  // Python's & and - on ints.
  EXPECT_TRUE(Same(call("intersection", {I(6), I(3)}), I(2)));
  EXPECT_TRUE(Same(call("intersection", {B(true), B(false)}), B(false)));
  EXPECT_TRUE(Same(call("difference", {I(5), I(7)}), I(-2)));
  EXPECT_TRUE(Fails(call("difference", {T({I(1), I(2)}), T({I(1)})}), ErrCode::Type));
  EXPECT_TRUE(Fails(call("intersection", {a, T({P(0, 1)})}), ErrCode::Type));
}

TEST_F(ContainerTest, Dedupe) {
  EXPECT_TRUE(Same(call("dedupe", {T({I(3), I(1), I(3), I(-2), I(1)})}), T({I(3), I(1), I(-2)})));
  EXPECT_TRUE(Same(call("dedupe", {T({I(1), B(true), I(2)})}), P(1, 2)));  // True == 1
  EXPECT_TRUE(Same(call("dedupe", {G({{1, 2}, {0, 0}, {1, 2}})}), G({{1, 2}, {0, 0}})));
  EXPECT_TRUE(Same(call("dedupe", {T({I(300), I(-300), I(300)})}), P(300, -300)));
  EXPECT_TRUE(Same(call("dedupe", {empty_tuple()}), empty_tuple()));
  EXPECT_TRUE(Same(call("dedupe", {empty_set()}), empty_tuple()));
  EXPECT_TRUE(Fails(call("dedupe", {S({I(1)})}), ErrCode::Type));  // no .index
  EXPECT_TRUE(Fails(call("dedupe", {I(1)}), ErrCode::Type));
}

TEST_F(ContainerTest, Order) {
  const Value t = T({I(3), I(-1), I(2)});
  EXPECT_TRUE(Same(call("order", {t, fn("identity")}), T({I(-1), I(2), I(3)})));
  EXPECT_TRUE(Same(call("order", {t, fn("invert")}), T({I(3), I(2), I(-1)})));
  // Stable: equal keys keep their order.
  const Value rows = T({P(1, 5), P(0, 7), P(1, 2)});
  EXPECT_TRUE(Same(call("order", {rows, fn("first")}), T({P(0, 7), P(1, 5), P(1, 2)})));
  EXPECT_TRUE(Same(call("order", {empty_set(), fn("identity")}), empty_tuple()));
  // Set keys compare by proper subset; CPython's run detection + binary insertion decide.
  const Value s1 = S({I(1)}), s2 = S({I(2)}), s12 = S({I(1), I(2)});
  EXPECT_TRUE(Same(call("order", {T({s1, s2, s12}), fn("identity")}), T({s1, s2, s12})));
  EXPECT_TRUE(Same(call("order", {T({s12, s1}), fn("identity")}), T({s1, s12})));
  EXPECT_TRUE(Same(call("order", {T({s2, s12, s1}), fn("identity")}), T({s2, s1, s12})));
  // Many items (merge sort path), descending input.
  const Value big = call("interval", {I(100), I(0), I(-1)});
  const Value sorted = call("order", {big, fn("identity")});
  EXPECT_TRUE(Same(sorted, call("interval", {I(1), I(101), I(1)})));
  EXPECT_TRUE(Fails(call("order", {T({I(1), P(1, 2)}), fn("identity")}), ErrCode::Type));
  EXPECT_TRUE(Fails(call("order", {T({I(1)}), I(3)}), ErrCode::Type));  // not callable
  EXPECT_TRUE(Fails(call("order", {I(1), fn("identity")}), ErrCode::Type));
}

TEST_F(ContainerTest, Repeat) {
  EXPECT_TRUE(Same(call("repeat", {I(-7), I(3)}), T({I(-7), I(-7), I(-7)})));
  EXPECT_TRUE(Same(call("repeat", {P(1, 2), I(2)}), G({{1, 2}, {1, 2}})));
  EXPECT_TRUE(Same(call("repeat", {I(1), I(0)}), empty_tuple()));
  EXPECT_TRUE(Same(call("repeat", {I(1), I(-4)}), empty_tuple()));
  EXPECT_TRUE(Same(call("repeat", {I(1), B(true)}), T({I(1)})));
  EXPECT_TRUE(Fails(call("repeat", {I(1), I(std::int64_t{1} << 40)}), ErrCode::Resource));
  EXPECT_TRUE(Fails(call("repeat", {I(1), P(1, 2)}), ErrCode::Type));
}

TEST_F(ContainerTest, Size) {
  EXPECT_TRUE(Same(call("size", {G({{1, 2, 3}, {4, 5, 6}})}), I(2)));
  EXPECT_TRUE(Same(call("size", {S({I(1), I(-1)})}), I(2)));
  EXPECT_TRUE(Same(call("size", {empty_set()}), I(0)));
  EXPECT_TRUE(Same(call("size", {empty_tuple()}), I(0)));
  EXPECT_TRUE(Same(call("size", {Value::cell(1, 2, 3)}), I(2)));
  EXPECT_TRUE(Fails(call("size", {I(4)}), ErrCode::Type));
}

TEST_F(ContainerTest, Merge) {
  EXPECT_TRUE(
      Same(call("merge", {S({S({P(0, 0)}), S({P(0, 0), P(1, -1)})})}), S({P(0, 0), P(1, -1)})));
  EXPECT_TRUE(Same(call("merge", {T({T({I(1), I(2), I(3)}), P(1, 2)})}),
                   T({I(1), I(2), I(3), I(1), I(2)})));
  // A tuple of sets keeps duplicates; a grid flattens to its cells.
  EXPECT_TRUE(Same(call("merge", {T({S({I(2), I(1)}), S({I(1)})})}), T({I(1), I(2), I(1)})));
  EXPECT_TRUE(Same(call("merge", {G({{1, 2}, {3, -4}})}), T({I(1), I(2), I(3), I(-4)})));
  EXPECT_TRUE(Same(call("merge", {empty_tuple()}), empty_tuple()));
  EXPECT_TRUE(Same(call("merge", {empty_set()}), empty_set()));
  EXPECT_TRUE(Same(call("merge", {S({empty_set()})}), empty_set()));
  EXPECT_TRUE(Fails(call("merge", {T({I(1), I(2), I(3)})}), ErrCode::Type));
  EXPECT_TRUE(Fails(call("merge", {I(1)}), ErrCode::Type));
}

TEST_F(ContainerTest, MaximumMinimum) {
  const Value s = S({I(4), I(-9), I(2)});
  EXPECT_TRUE(Same(call("maximum", {s}), I(4)));
  EXPECT_TRUE(Same(call("minimum", {s}), I(-9)));
  EXPECT_TRUE(Same(call("maximum", {empty_set()}), I(0)));
  EXPECT_TRUE(Same(call("minimum", {empty_tuple()}), I(0)));
  EXPECT_TRUE(Same(call("maximum", {T({B(true), I(1), I(0)})}), B(true)));  // first maximum
  EXPECT_TRUE(Same(call("minimum", {T({I(1), B(true), I(5)})}), I(1)));
  EXPECT_TRUE(Same(call("maximum", {G({{1, 2}, {1, 3}, {0, 9}})}), P(1, 3)));
  EXPECT_TRUE(Same(call("maximum", {S({P(0, 9), P(1, -1)})}), P(1, -1)));
  EXPECT_TRUE(Fails(call("maximum", {T({I(1), P(1, 2)})}), ErrCode::Type));
  EXPECT_TRUE(Fails(call("minimum", {I(3)}), ErrCode::Type));
}

TEST_F(ContainerTest, ValmaxValmin) {
  const Value objs = S({S({P(0, 0)}), S({P(1, 1), P(1, 2)}), S({P(5, 5), P(6, 6)})});
  EXPECT_TRUE(Same(call("valmax", {objs, fn("size")}), I(2)));
  EXPECT_TRUE(Same(call("valmin", {objs, fn("size")}), I(1)));
  EXPECT_TRUE(Same(call("valmin", {T({I(3), I(-4)}), fn("invert")}), I(-3)));
  // Empty: compfunc(0), which may itself raise.
  EXPECT_TRUE(Same(call("valmax", {empty_set(), fn("invert")}), I(0)));
  EXPECT_TRUE(Fails(call("valmax", {empty_tuple(), fn("size")}), ErrCode::Type));
  EXPECT_TRUE(Fails(call("valmin", {I(1), fn("size")}), ErrCode::Type));
}

TEST_F(ContainerTest, ArgmaxArgmin) {
  const Value a = S({P(0, 0)});
  const Value b = S({P(1, 1), P(1, 2)});
  const Value c = S({P(5, 5), P(6, 6)});
  const Value objs = S({a, b, c});                           // canonical order: a, b, c
  EXPECT_TRUE(Same(call("argmax", {objs, fn("size")}), b));  // tie b/c: first wins
  EXPECT_TRUE(Same(call("argmin", {objs, fn("size")}), a));
  EXPECT_TRUE(Same(call("argmin", {T({I(3), I(-4), I(4)}), fn("invert")}), I(4)));
  EXPECT_TRUE(Same(call("argmax", {T({I(-2), I(2), I(1)}), fn("double")}), I(2)));
  EXPECT_TRUE(Same(call("argmin", {T({I(5), I(-5)}), fn("sign")}), I(-5)));
  // Set keys: max keeps the first key that no later key strictly contains.
  EXPECT_TRUE(Same(call("argmax", {T({S({I(1)}), S({I(2)})}), fn("identity")}), S({I(1)})));
  EXPECT_TRUE(Fails(call("argmax", {empty_set(), fn("size")}), ErrCode::Value));
  EXPECT_TRUE(Fails(call("argmin", {T({I(1), P(0, 0)}), fn("identity")}), ErrCode::Type));
}

TEST_F(ContainerTest, MostcommonLeastcommon) {
  const Value t = T({I(3), I(2), I(3), I(2), I(-1)});
  EXPECT_TRUE(Same(call("mostcommon", {t}), I(2)));  // tie 2/3: ascending candidates
  EXPECT_TRUE(Same(call("leastcommon", {t}), I(-1)));
  EXPECT_TRUE(Same(call("mostcommon", {T({B(true), I(1), I(2)})}), B(true)));  // first kept
  EXPECT_TRUE(Same(call("mostcommon", {G({{1, 2}, {0, 0}, {1, 2}})}), P(1, 2)));
  EXPECT_TRUE(Same(call("leastcommon", {G({{1, 2}, {0, 0}, {1, 2}})}), P(0, 0)));
  EXPECT_TRUE(Same(call("mostcommon", {T({I(500), I(-500), I(-500)})}), I(-500)));
  EXPECT_TRUE(Same(call("leastcommon", {T({S({I(1)}), S({I(1)}), S({I(0)})})}), S({I(0)})));
  EXPECT_TRUE(Fails(call("mostcommon", {empty_tuple()}), ErrCode::Value));
  EXPECT_TRUE(Fails(call("mostcommon", {S({I(1)})}), ErrCode::Type));  // no .count
  EXPECT_TRUE(Fails(call("leastcommon", {I(1)}), ErrCode::Type));
}

TEST_F(ContainerTest, InitsetTotuple) {
  EXPECT_TRUE(Same(call("initset", {I(-5)}), S({I(-5)})));
  EXPECT_TRUE(Same(call("initset", {empty_tuple()}), S({empty_tuple()})));
  EXPECT_TRUE(call("initset", {fn("identity")}).is_set());
  EXPECT_TRUE(Same(call("totuple", {S({P(2, 3), P(0, 1)})}), G({{0, 1}, {2, 3}})));
  EXPECT_TRUE(Same(call("totuple", {S({I(3), I(-1)})}), P(-1, 3)));
  EXPECT_TRUE(Same(call("totuple", {empty_set()}), empty_tuple()));
  EXPECT_TRUE(Same(call("totuple", {T({I(1)})}), T({I(1)})));
  EXPECT_TRUE(Fails(call("totuple", {I(1)}), ErrCode::Type));
}

TEST_F(ContainerTest, SfilterMfilterExtract) {
  EXPECT_TRUE(Same(call("sfilter", {T({I(3), I(-1), I(0), I(2)}), fn("positive")}), P(3, 2)));
  EXPECT_TRUE(Same(call("sfilter", {S({I(-3), I(1), I(4)}), fn("even")}), S({I(4)})));
  EXPECT_TRUE(Same(call("sfilter", {G({{1, 2}, {0, 3}}), fn("first")}), G({{1, 2}})));
  EXPECT_TRUE(Same(call("sfilter", {empty_set(), fn("even")}), empty_set()));
  const Value objs = S({S({P(0, 0)}), S({P(1, 1), P(1, 2)}), S({P(5, 5)})});
  const Value big = call("compose", {call("rbind", {fn("greater"), I(1)}), fn("size")});
  EXPECT_TRUE(Same(call("mfilter", {objs, big}), S({P(1, 1), P(1, 2)})));
  EXPECT_TRUE(Same(call("mfilter", {T({S({I(2)}), S({I(1)}), S({I(2)})}), fn("size")}),
                   T({I(2), I(1), I(2)})));
  EXPECT_TRUE(Same(call("mfilter", {empty_tuple(), fn("size")}), empty_tuple()));
  EXPECT_TRUE(Same(call("extract", {T({I(1), I(-3), I(4), I(6)}), fn("even")}), I(4)));
  EXPECT_TRUE(Same(call("extract", {S({I(6), I(4)}), fn("even")}), I(4)));  // canonical first
  EXPECT_TRUE(Fails(call("extract", {T({I(1), I(3)}), fn("even")}), ErrCode::Value));
  EXPECT_TRUE(Fails(call("sfilter", {I(1), fn("even")}), ErrCode::Type));
  EXPECT_TRUE(Fails(call("extract", {T({P(1, 2)}), fn("even")}), ErrCode::Type));
}

TEST_F(ContainerTest, FirstLastOther) {
  EXPECT_TRUE(Same(call("first", {T({I(-1), I(2), I(3)})}), I(-1)));
  EXPECT_TRUE(Same(call("last", {T({I(-1), I(2), I(3)})}), I(3)));
  EXPECT_TRUE(Same(call("first", {S({P(2, 0), P(0, 5)})}), P(0, 5)));  // canonical order
  EXPECT_TRUE(Same(call("last", {S({P(2, 0), P(0, 5)})}), P(2, 0)));
  EXPECT_TRUE(Same(call("first", {G({{1, 2, 3}, {4, 5, 6}})}), T({I(1), I(2), I(3)})));
  EXPECT_TRUE(Same(call("last", {Value::cell(7, 1, 2)}), P(1, 2)));
  EXPECT_TRUE(Fails(call("first", {empty_tuple()}), ErrCode::Value));
  EXPECT_TRUE(Fails(call("last", {empty_set()}), ErrCode::Value));
  EXPECT_TRUE(Fails(call("first", {I(1)}), ErrCode::Type));
  EXPECT_TRUE(Same(call("other", {S({I(1), I(2)}), I(1)}), I(2)));
  EXPECT_TRUE(Same(call("other", {S({I(-1), I(2), I(5)}), I(9)}), I(-1)));
  EXPECT_TRUE(Same(call("other", {T({I(1), I(1), I(4)}), B(true)}), I(4)));
  EXPECT_TRUE(Fails(call("other", {S({I(1)}), I(1)}), ErrCode::Value));
  EXPECT_TRUE(Fails(call("other", {I(1), I(1)}), ErrCode::Type));
}

TEST_F(ContainerTest, InsertRemove) {
  const Value s = S({P(0, 0), P(2, 2)});
  EXPECT_TRUE(Same(call("insert", {P(1, -1), s}), S({P(0, 0), P(1, -1), P(2, 2)})));
  EXPECT_TRUE(Same(call("insert", {P(0, 0), s}), s));
  EXPECT_TRUE(Same(call("insert", {I(3), empty_set()}), S({I(3)})));
  EXPECT_TRUE(Same(call("insert", {I(3), S({P(0, 0)})}), S({I(3), P(0, 0)})));
  EXPECT_TRUE(Fails(call("insert", {I(3), T({I(1)})}), ErrCode::Type));  // no .union
  EXPECT_TRUE(Same(call("remove", {P(0, 0), s}), S({P(2, 2)})));
  EXPECT_TRUE(Same(call("remove", {I(9), s}), s));
  EXPECT_TRUE(Same(call("remove", {B(true), T({I(1), I(2), I(1), I(-3)})}), P(2, -3)));
  EXPECT_TRUE(Same(call("remove", {P(1, 2), G({{1, 2}, {3, 4}})}), G({{3, 4}})));
  EXPECT_TRUE(Same(call("remove", {I(1), empty_set()}), empty_set()));
  EXPECT_TRUE(Fails(call("remove", {I(1), I(1)}), ErrCode::Type));
}

TEST_F(ContainerTest, Interval) {
  EXPECT_TRUE(Same(call("interval", {I(0), I(5), I(2)}), T({I(0), I(2), I(4)})));
  EXPECT_TRUE(Same(call("interval", {I(5), I(0), I(-2)}), T({I(5), I(3), I(1)})));
  EXPECT_TRUE(Same(call("interval", {I(-3), I(-1), I(1)}), P(-3, -2)));
  EXPECT_TRUE(Same(call("interval", {I(3), I(3), I(1)}), empty_tuple()));
  EXPECT_TRUE(Same(call("interval", {I(0), I(5), I(-1)}), empty_tuple()));
  EXPECT_TRUE(Same(call("interval", {I(INT64_MAX - 1), I(INT64_MAX), I(INT64_MAX)}),
                   T({I(INT64_MAX - 1)})));
  EXPECT_TRUE(Fails(call("interval", {I(0), I(5), I(0)}), ErrCode::Value));
  EXPECT_TRUE(Fails(call("interval", {I(INT64_MIN), I(INT64_MAX), I(1)}), ErrCode::Resource));
  EXPECT_TRUE(Fails(call("interval", {I(0), P(1, 1), I(1)}), ErrCode::Type));
}

TEST_F(ContainerTest, ProductPair) {
  EXPECT_TRUE(Same(call("product", {S({I(1), I(-2)}), S({I(3)})}), S({P(1, 3), P(-2, 3)})));
  EXPECT_TRUE(Same(call("product", {T({I(1), I(1)}), T({P(0, 0)})}), S({Value::cell(1, 0, 0)})));
  EXPECT_TRUE(Same(call("product", {empty_set(), S({I(1)})}), empty_set()));
  EXPECT_TRUE(Fails(call("product", {S({I(1)}), I(1)}), ErrCode::Type));
  EXPECT_TRUE(Same(call("pair", {T({I(1), I(2), I(3)}), T({I(4), I(-5)})}), G({{1, 4}, {2, -5}})));
  EXPECT_TRUE(Same(call("pair", {T({B(true)}), T({I(4)})}), T({T({B(true), I(4)})})));
  EXPECT_TRUE(Same(call("pair", {empty_tuple(), T({I(4)})}), empty_tuple()));
  EXPECT_TRUE(Fails(call("pair", {empty_tuple(), I(4)}), ErrCode::Type));  // zip checks both
}

TEST_F(ContainerTest, ApplyRapply) {
  EXPECT_TRUE(Same(call("apply", {fn("invert"), T({I(1), I(-2)})}), P(-1, 2)));
  // A set deduplicates the images.
  const Value objs = S({S({P(0, 0)}), S({P(5, 5)}), S({P(1, 1), P(1, 2)})});
  EXPECT_TRUE(Same(call("apply", {fn("size"), objs}), S({I(1), I(2)})));
  EXPECT_TRUE(Same(call("apply", {fn("first"), G({{1, 2}, {3, 4}})}), P(1, 3)));
  EXPECT_TRUE(Same(call("apply", {fn("identity"), empty_tuple()}), empty_tuple()));
  EXPECT_TRUE(Fails(call("apply", {I(1), T({I(1)})}), ErrCode::Type));
  EXPECT_TRUE(Fails(call("apply", {fn("size"), T({I(1)})}), ErrCode::Type));
  EXPECT_TRUE(Fails(call("apply", {fn("astuple"), T({I(1)})}), ErrCode::Arity));
  EXPECT_TRUE(Same(call("rapply", {T({fn("invert"), fn("double")}), I(3)}), P(-3, 6)));
  EXPECT_TRUE(Same(call("rapply", {S({fn("invert"), fn("identity")}), I(0)}), S({I(0)})));
  EXPECT_TRUE(Fails(call("rapply", {T({I(1)}), I(3)}), ErrCode::Type));
}

TEST_F(ContainerTest, MapplyPapplyMpapplyPrapply) {
  EXPECT_TRUE(Same(call("mapply", {fn("initset"), T({I(1), I(2), I(1)})}), T({I(1), I(2), I(1)})));
  EXPECT_TRUE(
      Same(call("mapply", {fn("totuple"), S({S({I(-1)}), S({I(1), I(-1)})})}), S({I(-1), I(1)})));
  EXPECT_TRUE(Same(call("mapply", {fn("identity"), empty_set()}), empty_set()));
  EXPECT_TRUE(Fails(call("mapply", {fn("size"), T({P(1, 2)})}), ErrCode::Type));
  EXPECT_TRUE(
      Same(call("papply", {fn("add"), T({I(1), I(2)}), T({I(10), I(-20), I(30)})}), P(11, -18)));
  EXPECT_TRUE(Same(call("papply", {fn("add"), empty_tuple(), T({I(1)})}), empty_tuple()));
  EXPECT_TRUE(Same(call("mpapply", {fn("astuple"), T({I(1), I(2)}), T({I(3), I(-4)})}),
                   T({I(1), I(3), I(2), I(-4)})));
  EXPECT_TRUE(Fails(call("mpapply", {fn("initset"), T({I(1)}), T({I(3)})}), ErrCode::Arity));
  EXPECT_TRUE(Same(call("prapply", {fn("subtract"), S({I(1), I(2)}), S({I(1), I(2)})}),
                   S({I(-1), I(0), I(1)})));
  EXPECT_TRUE(Same(call("prapply", {fn("add"), S({I(1)}), empty_set()}), empty_set()));
  EXPECT_TRUE(Fails(call("prapply", {fn("add"), S({I(1)}), I(2)}), ErrCode::Type));
}

TEST_F(ContainerTest, Sizefilter) {
  const Value s = S({S({I(1)}), S({I(1), I(2)}), S({I(3)}), empty_set()});
  EXPECT_TRUE(Same(call("sizefilter", {s, I(1)}), S({S({I(1)}), S({I(3)})})));
  EXPECT_TRUE(Same(call("sizefilter", {s, B(true)}), S({S({I(1)}), S({I(3)})})));
  EXPECT_TRUE(Same(call("sizefilter", {s, I(0)}), S({empty_set()})));
  EXPECT_TRUE(Same(call("sizefilter", {s, I(-1)}), empty_set()));
  EXPECT_TRUE(Same(call("sizefilter", {T({P(1, 2), T({I(1)})}), I(2)}), S({P(1, 2)})));
  EXPECT_TRUE(Fails(call("sizefilter", {T({I(1)}), I(1)}), ErrCode::Type));
}

}  // namespace
}  // namespace batt::dsl
