// Replays shared/golden/arc_dsl_calls.jsonl (or $BATT_ARC_GOLDEN) through the registry: every
// line with order_sensitive == false must give exactly the recorded result; order-sensitive
// lines are run too (they must not crash) and counted. One test per primitive.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "dsl/golden.hpp"

namespace batt::dsl {
namespace {

std::string golden_path() {
  if (const char* p = std::getenv("BATT_ARC_GOLDEN")) return p;
  return std::string(BATT_SHARED_DIR) + "/golden/arc_dsl_calls.jsonl";
}

const GoldenReport& report() {
  static const GoldenReport r = replay_golden(golden_path());
  return r;
}

std::vector<std::string> prim_names() {
  std::vector<std::string> names;
  for (const PrimInfo& p : all_prims()) {
    if (p.dialect == Dialect::ArcDsl) names.emplace_back(p.name);
  }
  return names;
}

class GoldenPerPrim : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenPerPrim, MatchesReference) {
  const auto& by = report().by_prim;
  auto it = by.find(GetParam());
  if (it == by.end()) {
    // compose, chain, fork, matcher, rbind, lbind return closures: no plain-data vectors.
    SUCCEED() << "no golden vectors for " << GetParam();
    return;
  }
  const GoldenPrimStats& s = it->second;
  for (const auto& f : s.failures) {
    ADD_FAILURE() << GetParam() << " line " << f.line << ": " << GetParam() << "(" << f.args
                  << ")\n  want " << f.want << "\n  got  " << f.got;
  }
  EXPECT_EQ(s.passed, s.checked) << GetParam() << ": " << s.passed << " of " << s.checked
                                 << " golden lines match (" << s.order_sensitive
                                 << " order-sensitive lines run, not compared)";
}

INSTANTIATE_TEST_SUITE_P(ArcDsl, GoldenPerPrim, ::testing::ValuesIn(prim_names()),
                         [](const auto& p) { return p.param; });

TEST(GoldenFile, EveryLineIsReplayed) {
  const GoldenReport& r = report();
  for (const auto& p : r.problems) ADD_FAILURE() << p;
  std::size_t order_sensitive = 0;
  for (const auto& [name, s] : r.by_prim) order_sensitive += s.order_sensitive;
  EXPECT_EQ(r.lines, r.checked() + order_sensitive + r.problems.size());
  if (!std::getenv("BATT_ARC_GOLDEN")) {
    EXPECT_EQ(r.checked(), 15186u);    // every line with order_sensitive == false
    EXPECT_EQ(order_sensitive, 161u);  // run for robustness only
  }
  std::printf("golden: %zu lines, %zu checked, %zu passed, %zu order-sensitive run\n", r.lines,
              r.checked(), r.passed(), order_sensitive);
}

}  // namespace
}  // namespace batt::dsl
