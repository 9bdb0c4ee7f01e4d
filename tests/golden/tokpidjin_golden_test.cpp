// Replays shared/golden/tokpidjin_dsl_calls.jsonl (or $BATT_TOK_GOLDEN) through the tokpidjin
// dialect of the registry: every line with order_sensitive == false must give exactly the
// recorded result, and take the safe default exactly when the reference did (`defaulted`).
// One test per public primitive of the dialect (285 at tokpidjin 273a50a1).
#include <gtest/gtest.h>

#include <cstdlib>
#include <set>
#include <string>

#include "dsl/golden.hpp"

namespace batt::dsl {
namespace {

std::string golden_path() {
  if (const char* p = std::getenv("BATT_TOK_GOLDEN")) return p;
  return std::string(BATT_SHARED_DIR) + "/golden/tokpidjin_dsl_calls.jsonl";
}

const GoldenReport& report() {
  static const GoldenReport r = [] {
    GoldenOptions opt;
    opt.dialect = Dialect::Tokpidjin;
    return replay_golden(golden_path(), opt);
  }();
  return r;
}

// The public primitives of dsl.py at 273a50a1: the 279 that have golden vectors, plus the six
// whose results are always closures.
std::vector<std::string> public_names() {
  std::set<std::string> names{"compose", "chain", "fork", "lbind", "rbind", "matcher"};
  for (const auto& [name, stats] : report().by_prim) names.insert(name);
  for (const std::string& p : report().problems) {
    const auto at = p.find("unknown primitive ");
    if (at != std::string::npos) names.insert(p.substr(at + 18));
  }
  return {names.begin(), names.end()};
}

class TokGoldenPerPrim : public ::testing::TestWithParam<std::string> {};

TEST_P(TokGoldenPerPrim, MatchesReference) {
  ASSERT_GE(find_prim(GetParam(), Dialect::Tokpidjin), 0)
      << GetParam() << " is not in the tokpidjin registry";
  const auto& by = report().by_prim;
  auto it = by.find(GetParam());
  if (it == by.end()) {
    SUCCEED() << "no golden vectors for " << GetParam() << " (it returns closures)";
    return;
  }
  const GoldenPrimStats& s = it->second;
  for (const auto& f : s.failures) {
    ADD_FAILURE() << GetParam() << " line " << f.line << ": " << GetParam() << "(" << f.args
                  << ")\n  want " << f.want << "\n  got  " << f.got;
  }
  EXPECT_EQ(s.passed, s.checked) << GetParam() << ": " << s.passed << " of " << s.checked
                                 << " golden lines match (" << s.defaulted << " defaulted, "
                                 << s.order_sensitive
                                 << " order-sensitive lines run, not compared)";
}

INSTANTIATE_TEST_SUITE_P(Tokpidjin, TokGoldenPerPrim, ::testing::ValuesIn(public_names()),
                         [](const auto& p) { return p.param; });

TEST(TokGoldenFile, EveryLineIsReplayed) {
  const GoldenReport& r = report();
  for (const auto& p : r.problems) ADD_FAILURE() << p;
  std::size_t order_sensitive = 0, defaulted = 0;
  for (const auto& [name, s] : r.by_prim) {
    order_sensitive += s.order_sensitive;
    defaulted += s.defaulted;
  }
  EXPECT_EQ(r.lines, r.checked() + order_sensitive + r.problems.size());
  if (!std::getenv("BATT_TOK_GOLDEN")) {
    EXPECT_EQ(r.checked(), 21818u);    // every line with order_sensitive == false
    EXPECT_EQ(order_sensitive, 360u);  // run for robustness only
  }
  std::printf(
      "tokpidjin golden: %zu lines, %zu checked (%zu defaulted), %zu passed, %zu "
      "order-sensitive run\n",
      r.lines, r.checked(), defaulted, r.passed(), order_sensitive);
}

TEST(TokRegistry, HasEveryPublicPrimitive) {
  std::set<std::string> want;
  for (const std::string& n : public_names()) want.insert(n);
  std::set<std::string> have;
  for (const PrimInfo& p : all_prims()) {
    if (p.dialect == Dialect::Tokpidjin) have.insert(std::string(p.name));
  }
  for (const std::string& n : want) EXPECT_TRUE(have.count(n)) << "missing " << n;
  EXPECT_EQ(want.size(), 285u);
}

}  // namespace
}  // namespace batt::dsl
