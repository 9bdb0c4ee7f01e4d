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

namespace batt::dsl {
namespace {

class ContainerTest : public ::testing::Test {
 protected:
  Arena arena;
  EvalCtx ctx{arena};

  static Value F(const char* name) {
    const std::int32_t k = find_prim(name);
    EXPECT_GE(k, 0) << name;
    return Value::prim(k);
  }
  static Value I(std::int64_t v) { return Value::integer(v); }
  static Value B(bool v) { return Value::boolean(v); }
  static Value P(std::int32_t i, std::int32_t j) { return Value::pair(i, j); }
  Value T(std::initializer_list<Value> items) { return tuple_of(std::vector<Value>(items), ctx); }
  Value S(std::initializer_list<Value> items) { return set_of(std::vector<Value>(items), ctx); }
  // A grid from rows of ints (normalised into a Grid by tuple_of).
  Value G(std::initializer_list<std::initializer_list<std::int64_t>> rows) {
    std::vector<Value> rs;
    for (const auto& r : rows) {
      std::vector<Value> cells;
      for (std::int64_t v : r) cells.push_back(I(v));
      rs.push_back(tuple_of(cells, ctx));
    }
    return tuple_of(rs, ctx);
  }
  Value call(const char* f, std::initializer_list<Value> args) {
    return apply(F(f), std::vector<Value>(args), ctx);
  }
  static ::testing::AssertionResult Same(const Value& got, const Value& want) {
    if (identical(got, want)) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "got " << repr(got) << ", want " << repr(want);
  }
  static ::testing::AssertionResult Err(const Value& got, ErrCode code) {
    if (got.is_error() && got.err_code() == code) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure()
           << "got " << repr(got) << ", want error " << errcode_name(code);
  }
};

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
  EXPECT_TRUE(Err(call("contained", {I(1), I(5)}), ErrCode::Type));
}

TEST_F(ContainerTest, Combine) {
  EXPECT_TRUE(Same(call("combine", {T({I(1), I(2)}), T({I(-3)})}), T({I(1), I(2), I(-3)})));
  EXPECT_TRUE(Same(call("combine", {G({{1, 2}}), G({{3, 4}})}), G({{1, 2}, {3, 4}})));
  EXPECT_TRUE(Same(call("combine", {S({I(1), I(2)}), S({I(2), I(-3)})}), S({I(-3), I(1), I(2)})));
  // A tuple takes a set's items in canonical order; a set absorbs a tuple.
  EXPECT_TRUE(Same(call("combine", {T({I(9)}), S({I(2), I(1)})}), T({I(9), I(1), I(2)})));
  EXPECT_TRUE(Same(call("combine", {S({I(1)}), T({I(1), I(0)})}), S({I(0), I(1)})));
  EXPECT_TRUE(Same(call("combine", {empty_tuple(), empty_set()}), empty_tuple()));
  EXPECT_TRUE(Err(call("combine", {I(1), T({I(1)})}), ErrCode::Type));
  EXPECT_TRUE(Err(call("combine", {T({I(1)}), I(1)}), ErrCode::Type));
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
  EXPECT_TRUE(Err(call("difference", {T({I(1), I(2)}), T({I(1)})}), ErrCode::Type));
  EXPECT_TRUE(Err(call("intersection", {a, T({P(0, 1)})}), ErrCode::Type));
}

TEST_F(ContainerTest, Dedupe) {
  EXPECT_TRUE(Same(call("dedupe", {T({I(3), I(1), I(3), I(-2), I(1)})}), T({I(3), I(1), I(-2)})));
  EXPECT_TRUE(Same(call("dedupe", {T({I(1), B(true), I(2)})}), P(1, 2)));  // True == 1
  EXPECT_TRUE(Same(call("dedupe", {G({{1, 2}, {0, 0}, {1, 2}})}), G({{1, 2}, {0, 0}})));
  EXPECT_TRUE(Same(call("dedupe", {T({I(300), I(-300), I(300)})}), P(300, -300)));
  EXPECT_TRUE(Same(call("dedupe", {empty_tuple()}), empty_tuple()));
  EXPECT_TRUE(Same(call("dedupe", {empty_set()}), empty_tuple()));
  EXPECT_TRUE(Err(call("dedupe", {S({I(1)})}), ErrCode::Type));  // no .index
  EXPECT_TRUE(Err(call("dedupe", {I(1)}), ErrCode::Type));
}

TEST_F(ContainerTest, Order) {
  const Value t = T({I(3), I(-1), I(2)});
  EXPECT_TRUE(Same(call("order", {t, F("identity")}), T({I(-1), I(2), I(3)})));
  EXPECT_TRUE(Same(call("order", {t, F("invert")}), T({I(3), I(2), I(-1)})));
  // Stable: equal keys keep their order.
  const Value rows = T({P(1, 5), P(0, 7), P(1, 2)});
  EXPECT_TRUE(Same(call("order", {rows, F("first")}), T({P(0, 7), P(1, 5), P(1, 2)})));
  EXPECT_TRUE(Same(call("order", {empty_set(), F("identity")}), empty_tuple()));
  // Set keys compare by proper subset; CPython's run detection + binary insertion decide.
  const Value s1 = S({I(1)}), s2 = S({I(2)}), s12 = S({I(1), I(2)});
  EXPECT_TRUE(Same(call("order", {T({s1, s2, s12}), F("identity")}), T({s1, s2, s12})));
  EXPECT_TRUE(Same(call("order", {T({s12, s1}), F("identity")}), T({s1, s12})));
  EXPECT_TRUE(Same(call("order", {T({s2, s12, s1}), F("identity")}), T({s2, s1, s12})));
  // Many items (merge sort path), descending input.
  const Value big = call("interval", {I(100), I(0), I(-1)});
  const Value sorted = call("order", {big, F("identity")});
  EXPECT_TRUE(Same(sorted, call("interval", {I(1), I(101), I(1)})));
  EXPECT_TRUE(Err(call("order", {T({I(1), P(1, 2)}), F("identity")}), ErrCode::Type));
  EXPECT_TRUE(Err(call("order", {T({I(1)}), I(3)}), ErrCode::Type));  // not callable
  EXPECT_TRUE(Err(call("order", {I(1), F("identity")}), ErrCode::Type));
}

TEST_F(ContainerTest, Repeat) {
  EXPECT_TRUE(Same(call("repeat", {I(-7), I(3)}), T({I(-7), I(-7), I(-7)})));
  EXPECT_TRUE(Same(call("repeat", {P(1, 2), I(2)}), G({{1, 2}, {1, 2}})));
  EXPECT_TRUE(Same(call("repeat", {I(1), I(0)}), empty_tuple()));
  EXPECT_TRUE(Same(call("repeat", {I(1), I(-4)}), empty_tuple()));
  EXPECT_TRUE(Same(call("repeat", {I(1), B(true)}), T({I(1)})));
  EXPECT_TRUE(Err(call("repeat", {I(1), I(std::int64_t{1} << 40)}), ErrCode::Resource));
  EXPECT_TRUE(Err(call("repeat", {I(1), P(1, 2)}), ErrCode::Type));
}

TEST_F(ContainerTest, Size) {
  EXPECT_TRUE(Same(call("size", {G({{1, 2, 3}, {4, 5, 6}})}), I(2)));
  EXPECT_TRUE(Same(call("size", {S({I(1), I(-1)})}), I(2)));
  EXPECT_TRUE(Same(call("size", {empty_set()}), I(0)));
  EXPECT_TRUE(Same(call("size", {empty_tuple()}), I(0)));
  EXPECT_TRUE(Same(call("size", {Value::cell(1, 2, 3)}), I(2)));
  EXPECT_TRUE(Err(call("size", {I(4)}), ErrCode::Type));
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
  EXPECT_TRUE(Err(call("merge", {T({I(1), I(2), I(3)})}), ErrCode::Type));
  EXPECT_TRUE(Err(call("merge", {I(1)}), ErrCode::Type));
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
  EXPECT_TRUE(Err(call("maximum", {T({I(1), P(1, 2)})}), ErrCode::Type));
  EXPECT_TRUE(Err(call("minimum", {I(3)}), ErrCode::Type));
}

TEST_F(ContainerTest, ValmaxValmin) {
  const Value objs = S({S({P(0, 0)}), S({P(1, 1), P(1, 2)}), S({P(5, 5), P(6, 6)})});
  EXPECT_TRUE(Same(call("valmax", {objs, F("size")}), I(2)));
  EXPECT_TRUE(Same(call("valmin", {objs, F("size")}), I(1)));
  EXPECT_TRUE(Same(call("valmin", {T({I(3), I(-4)}), F("invert")}), I(-3)));
  // Empty: compfunc(0), which may itself raise.
  EXPECT_TRUE(Same(call("valmax", {empty_set(), F("invert")}), I(0)));
  EXPECT_TRUE(Err(call("valmax", {empty_tuple(), F("size")}), ErrCode::Type));
  EXPECT_TRUE(Err(call("valmin", {I(1), F("size")}), ErrCode::Type));
}

TEST_F(ContainerTest, ArgmaxArgmin) {
  const Value a = S({P(0, 0)});
  const Value b = S({P(1, 1), P(1, 2)});
  const Value c = S({P(5, 5), P(6, 6)});
  const Value objs = S({a, b, c});                          // canonical order: a, b, c
  EXPECT_TRUE(Same(call("argmax", {objs, F("size")}), b));  // tie b/c: first wins
  EXPECT_TRUE(Same(call("argmin", {objs, F("size")}), a));
  EXPECT_TRUE(Same(call("argmin", {T({I(3), I(-4), I(4)}), F("invert")}), I(4)));
  EXPECT_TRUE(Same(call("argmax", {T({I(-2), I(2), I(1)}), F("double")}), I(2)));
  EXPECT_TRUE(Same(call("argmin", {T({I(5), I(-5)}), F("sign")}), I(-5)));
  // Set keys: max keeps the first key that no later key strictly contains.
  EXPECT_TRUE(Same(call("argmax", {T({S({I(1)}), S({I(2)})}), F("identity")}), S({I(1)})));
  EXPECT_TRUE(Err(call("argmax", {empty_set(), F("size")}), ErrCode::Value));
  EXPECT_TRUE(Err(call("argmin", {T({I(1), P(0, 0)}), F("identity")}), ErrCode::Type));
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
  EXPECT_TRUE(Err(call("mostcommon", {empty_tuple()}), ErrCode::Value));
  EXPECT_TRUE(Err(call("mostcommon", {S({I(1)})}), ErrCode::Type));  // no .count
  EXPECT_TRUE(Err(call("leastcommon", {I(1)}), ErrCode::Type));
}

TEST_F(ContainerTest, InitsetTotuple) {
  EXPECT_TRUE(Same(call("initset", {I(-5)}), S({I(-5)})));
  EXPECT_TRUE(Same(call("initset", {empty_tuple()}), S({empty_tuple()})));
  EXPECT_TRUE(call("initset", {F("identity")}).is_set());
  EXPECT_TRUE(Same(call("totuple", {S({P(2, 3), P(0, 1)})}), G({{0, 1}, {2, 3}})));
  EXPECT_TRUE(Same(call("totuple", {S({I(3), I(-1)})}), P(-1, 3)));
  EXPECT_TRUE(Same(call("totuple", {empty_set()}), empty_tuple()));
  EXPECT_TRUE(Same(call("totuple", {T({I(1)})}), T({I(1)})));
  EXPECT_TRUE(Err(call("totuple", {I(1)}), ErrCode::Type));
}

TEST_F(ContainerTest, SfilterMfilterExtract) {
  EXPECT_TRUE(Same(call("sfilter", {T({I(3), I(-1), I(0), I(2)}), F("positive")}), P(3, 2)));
  EXPECT_TRUE(Same(call("sfilter", {S({I(-3), I(1), I(4)}), F("even")}), S({I(4)})));
  EXPECT_TRUE(Same(call("sfilter", {G({{1, 2}, {0, 3}}), F("first")}), G({{1, 2}})));
  EXPECT_TRUE(Same(call("sfilter", {empty_set(), F("even")}), empty_set()));
  const Value objs = S({S({P(0, 0)}), S({P(1, 1), P(1, 2)}), S({P(5, 5)})});
  const Value big = call("compose", {call("rbind", {F("greater"), I(1)}), F("size")});
  EXPECT_TRUE(Same(call("mfilter", {objs, big}), S({P(1, 1), P(1, 2)})));
  EXPECT_TRUE(Same(call("mfilter", {T({S({I(2)}), S({I(1)}), S({I(2)})}), F("size")}),
                   T({I(2), I(1), I(2)})));
  EXPECT_TRUE(Same(call("mfilter", {empty_tuple(), F("size")}), empty_tuple()));
  EXPECT_TRUE(Same(call("extract", {T({I(1), I(-3), I(4), I(6)}), F("even")}), I(4)));
  EXPECT_TRUE(Same(call("extract", {S({I(6), I(4)}), F("even")}), I(4)));  // canonical first
  EXPECT_TRUE(Err(call("extract", {T({I(1), I(3)}), F("even")}), ErrCode::Value));
  EXPECT_TRUE(Err(call("sfilter", {I(1), F("even")}), ErrCode::Type));
  EXPECT_TRUE(Err(call("extract", {T({P(1, 2)}), F("even")}), ErrCode::Type));
}

TEST_F(ContainerTest, FirstLastOther) {
  EXPECT_TRUE(Same(call("first", {T({I(-1), I(2), I(3)})}), I(-1)));
  EXPECT_TRUE(Same(call("last", {T({I(-1), I(2), I(3)})}), I(3)));
  EXPECT_TRUE(Same(call("first", {S({P(2, 0), P(0, 5)})}), P(0, 5)));  // canonical order
  EXPECT_TRUE(Same(call("last", {S({P(2, 0), P(0, 5)})}), P(2, 0)));
  EXPECT_TRUE(Same(call("first", {G({{1, 2, 3}, {4, 5, 6}})}), T({I(1), I(2), I(3)})));
  EXPECT_TRUE(Same(call("last", {Value::cell(7, 1, 2)}), P(1, 2)));
  EXPECT_TRUE(Err(call("first", {empty_tuple()}), ErrCode::Value));
  EXPECT_TRUE(Err(call("last", {empty_set()}), ErrCode::Value));
  EXPECT_TRUE(Err(call("first", {I(1)}), ErrCode::Type));
  EXPECT_TRUE(Same(call("other", {S({I(1), I(2)}), I(1)}), I(2)));
  EXPECT_TRUE(Same(call("other", {S({I(-1), I(2), I(5)}), I(9)}), I(-1)));
  EXPECT_TRUE(Same(call("other", {T({I(1), I(1), I(4)}), B(true)}), I(4)));
  EXPECT_TRUE(Err(call("other", {S({I(1)}), I(1)}), ErrCode::Value));
  EXPECT_TRUE(Err(call("other", {I(1), I(1)}), ErrCode::Type));
}

TEST_F(ContainerTest, InsertRemove) {
  const Value s = S({P(0, 0), P(2, 2)});
  EXPECT_TRUE(Same(call("insert", {P(1, -1), s}), S({P(0, 0), P(1, -1), P(2, 2)})));
  EXPECT_TRUE(Same(call("insert", {P(0, 0), s}), s));
  EXPECT_TRUE(Same(call("insert", {I(3), empty_set()}), S({I(3)})));
  EXPECT_TRUE(Same(call("insert", {I(3), S({P(0, 0)})}), S({I(3), P(0, 0)})));
  EXPECT_TRUE(Err(call("insert", {I(3), T({I(1)})}), ErrCode::Type));  // no .union
  EXPECT_TRUE(Same(call("remove", {P(0, 0), s}), S({P(2, 2)})));
  EXPECT_TRUE(Same(call("remove", {I(9), s}), s));
  EXPECT_TRUE(Same(call("remove", {B(true), T({I(1), I(2), I(1), I(-3)})}), P(2, -3)));
  EXPECT_TRUE(Same(call("remove", {P(1, 2), G({{1, 2}, {3, 4}})}), G({{3, 4}})));
  EXPECT_TRUE(Same(call("remove", {I(1), empty_set()}), empty_set()));
  EXPECT_TRUE(Err(call("remove", {I(1), I(1)}), ErrCode::Type));
}

TEST_F(ContainerTest, Interval) {
  EXPECT_TRUE(Same(call("interval", {I(0), I(5), I(2)}), T({I(0), I(2), I(4)})));
  EXPECT_TRUE(Same(call("interval", {I(5), I(0), I(-2)}), T({I(5), I(3), I(1)})));
  EXPECT_TRUE(Same(call("interval", {I(-3), I(-1), I(1)}), P(-3, -2)));
  EXPECT_TRUE(Same(call("interval", {I(3), I(3), I(1)}), empty_tuple()));
  EXPECT_TRUE(Same(call("interval", {I(0), I(5), I(-1)}), empty_tuple()));
  EXPECT_TRUE(Same(call("interval", {I(INT64_MAX - 1), I(INT64_MAX), I(INT64_MAX)}),
                   T({I(INT64_MAX - 1)})));
  EXPECT_TRUE(Err(call("interval", {I(0), I(5), I(0)}), ErrCode::Value));
  EXPECT_TRUE(Err(call("interval", {I(INT64_MIN), I(INT64_MAX), I(1)}), ErrCode::Resource));
  EXPECT_TRUE(Err(call("interval", {I(0), P(1, 1), I(1)}), ErrCode::Type));
}

TEST_F(ContainerTest, ProductPair) {
  EXPECT_TRUE(Same(call("product", {S({I(1), I(-2)}), S({I(3)})}), S({P(1, 3), P(-2, 3)})));
  EXPECT_TRUE(Same(call("product", {T({I(1), I(1)}), T({P(0, 0)})}), S({Value::cell(1, 0, 0)})));
  EXPECT_TRUE(Same(call("product", {empty_set(), S({I(1)})}), empty_set()));
  EXPECT_TRUE(Err(call("product", {S({I(1)}), I(1)}), ErrCode::Type));
  EXPECT_TRUE(Same(call("pair", {T({I(1), I(2), I(3)}), T({I(4), I(-5)})}), G({{1, 4}, {2, -5}})));
  EXPECT_TRUE(Same(call("pair", {T({B(true)}), T({I(4)})}), T({T({B(true), I(4)})})));
  EXPECT_TRUE(Same(call("pair", {empty_tuple(), T({I(4)})}), empty_tuple()));
  EXPECT_TRUE(Err(call("pair", {empty_tuple(), I(4)}), ErrCode::Type));  // zip checks both
}

TEST_F(ContainerTest, ApplyRapply) {
  EXPECT_TRUE(Same(call("apply", {F("invert"), T({I(1), I(-2)})}), P(-1, 2)));
  // A set deduplicates the images.
  const Value objs = S({S({P(0, 0)}), S({P(5, 5)}), S({P(1, 1), P(1, 2)})});
  EXPECT_TRUE(Same(call("apply", {F("size"), objs}), S({I(1), I(2)})));
  EXPECT_TRUE(Same(call("apply", {F("first"), G({{1, 2}, {3, 4}})}), P(1, 3)));
  EXPECT_TRUE(Same(call("apply", {F("identity"), empty_tuple()}), empty_tuple()));
  EXPECT_TRUE(Err(call("apply", {I(1), T({I(1)})}), ErrCode::Type));
  EXPECT_TRUE(Err(call("apply", {F("size"), T({I(1)})}), ErrCode::Type));
  EXPECT_TRUE(Err(call("apply", {F("astuple"), T({I(1)})}), ErrCode::Arity));
  EXPECT_TRUE(Same(call("rapply", {T({F("invert"), F("double")}), I(3)}), P(-3, 6)));
  EXPECT_TRUE(Same(call("rapply", {S({F("invert"), F("identity")}), I(0)}), S({I(0)})));
  EXPECT_TRUE(Err(call("rapply", {T({I(1)}), I(3)}), ErrCode::Type));
}

TEST_F(ContainerTest, MapplyPapplyMpapplyPrapply) {
  EXPECT_TRUE(Same(call("mapply", {F("initset"), T({I(1), I(2), I(1)})}), T({I(1), I(2), I(1)})));
  EXPECT_TRUE(
      Same(call("mapply", {F("totuple"), S({S({I(-1)}), S({I(1), I(-1)})})}), S({I(-1), I(1)})));
  EXPECT_TRUE(Same(call("mapply", {F("identity"), empty_set()}), empty_set()));
  EXPECT_TRUE(Err(call("mapply", {F("size"), T({P(1, 2)})}), ErrCode::Type));
  EXPECT_TRUE(
      Same(call("papply", {F("add"), T({I(1), I(2)}), T({I(10), I(-20), I(30)})}), P(11, -18)));
  EXPECT_TRUE(Same(call("papply", {F("add"), empty_tuple(), T({I(1)})}), empty_tuple()));
  EXPECT_TRUE(Same(call("mpapply", {F("astuple"), T({I(1), I(2)}), T({I(3), I(-4)})}),
                   T({I(1), I(3), I(2), I(-4)})));
  EXPECT_TRUE(Err(call("mpapply", {F("initset"), T({I(1)}), T({I(3)})}), ErrCode::Arity));
  EXPECT_TRUE(Same(call("prapply", {F("subtract"), S({I(1), I(2)}), S({I(1), I(2)})}),
                   S({I(-1), I(0), I(1)})));
  EXPECT_TRUE(Same(call("prapply", {F("add"), S({I(1)}), empty_set()}), empty_set()));
  EXPECT_TRUE(Err(call("prapply", {F("add"), S({I(1)}), I(2)}), ErrCode::Type));
}

TEST_F(ContainerTest, Sizefilter) {
  const Value s = S({S({I(1)}), S({I(1), I(2)}), S({I(3)}), empty_set()});
  EXPECT_TRUE(Same(call("sizefilter", {s, I(1)}), S({S({I(1)}), S({I(3)})})));
  EXPECT_TRUE(Same(call("sizefilter", {s, B(true)}), S({S({I(1)}), S({I(3)})})));
  EXPECT_TRUE(Same(call("sizefilter", {s, I(0)}), S({empty_set()})));
  EXPECT_TRUE(Same(call("sizefilter", {s, I(-1)}), empty_set()));
  EXPECT_TRUE(Same(call("sizefilter", {T({P(1, 2), T({I(1)})}), I(2)}), S({P(1, 2)})));
  EXPECT_TRUE(Err(call("sizefilter", {T({I(1)}), I(1)}), ErrCode::Type));
}

}  // namespace
}  // namespace batt::dsl
