// Canonical form, MD5 and expanded form against the reference's own vectors
// (tokpidjin-pipeline.md §5.2 and §6), round trips, and pathological sizes.
#include "program/canonical.hpp"

#include <gtest/gtest.h>

#include <string>

#include "program/candidates.hpp"
#include "program/md5.hpp"
#include "support/tok_vectors.hpp"

namespace batt::program {
namespace {

// The candidates of one in-memory file.
Corpus load(const std::string& text, Diagnostics& diags, const Limits& limits = {}) {
  CorpusBuilder b(diags, limits);
  b.add_file("t.py", text);
  return b.finish();
}

// The single candidate of a one-function solver or differ file `def <fn>(S, I, C): return E`.
Candidate only(const Corpus& c) {
  EXPECT_EQ(c.candidates.size(), 1u);
  return c.candidates.empty() ? Candidate{} : c.candidates.front();
}

TEST(Md5, KnownDigests) {
  EXPECT_EQ(Md5::of(""), "d41d8cd98f00b204e9800998ecf8427e");
  EXPECT_EQ(Md5::of("abc"), "900150983cd24fb0d6963f7d28e17f72");
  Md5 m;
  m.update("a");
  m.update("bc");
  EXPECT_EQ(m.hex(), "900150983cd24fb0d6963f7d28e17f72");
}

TEST(Canonical, ReproducesTheFiveReferenceVectors) {
  for (const testing::TokVector& v : testing::kTokVectors) {
    Diagnostics d;
    const std::string text = std::string("def ") + v.fn + "(S, I, C):\n    return " + v.expr + "\n";
    const Corpus c = load(text, d);
    const Candidate cand = only(c);
    ASSERT_TRUE(cand.md5.has_value());
    EXPECT_EQ(*cand.md5, v.md5) << v.expr;
    // Read as tokpidjin (--dialect auto: a `(S, I, C)` function with tokpidjin names), and
    // every name resolves there (o_g_t and colorfilter_t included): it can be evaluated.
    EXPECT_EQ(cand.dialect, dsl::Dialect::Tokpidjin);
    EXPECT_TRUE(cand.evaluable()) << v.expr;
    EXPECT_TRUE(d.all().empty());
    EXPECT_EQ(canonical_text(c.dag, cand.root, cand.kind),
              std::string("def ") + v.fn + "(S, I, C):\n    return " + v.expr);
    // The streamed MD5 is the MD5 of the materialised text.
    EXPECT_EQ(Md5::of(canonical_text(c.dag, cand.root, cand.kind)), v.md5);
  }
}

TEST(Expanded, MatchesTheReferenceExampleByteForByte) {
  // §6: the expansion of differ last_t 17.
  Diagnostics d;
  const Corpus c = load(
      std::string("def differ(S, I, C):\n    return ") + testing::kTokVectors[3].expr + "\n", d);
  const Candidate cand = only(c);
  EXPECT_EQ(expanded_text(c.dag, cand.root, cand.kind),
            "from dsl import *\n"
            "from constants import *\n"
            "\n"
            "def differ(S, I, C):\n"
            "    x1 = rbind(sizefilter, ONE)\n"
            "    x2 = x1(UP_RIGHT)\n"
            "    x3 = rbind(o_g, R5)\n"
            "    x4 = x3(C)\n"
            "    x5 = x1(x4)\n"
            "    x6 = difference(x2, x5)\n"
            "    x7 = get_nth_f(x6, F0)\n"
            "    O = astuple(FOUR, x7)\n"
            "    return O\n");
}

TEST(Expanded, ParsingItBackGivesTheSameMd5) {
  for (const testing::TokVector& v : testing::kTokVectors) {
    Diagnostics d;
    const Corpus c =
        load(std::string("def ") + v.fn + "(S, I, C):\n    return " + v.expr + "\n", d);
    const Candidate cand = only(c);
    const std::string expanded = expanded_text(c.dag, cand.root, cand.kind);
    Diagnostics d2;
    const Corpus back = load(expanded, d2);
    EXPECT_EQ(d2.errors(), 0u);
    EXPECT_EQ(only(back).md5, cand.md5) << expanded;
  }
}

TEST(Canonical, PrintsLiteralsAsPythonDoes) {
  Diagnostics d;
  const Corpus c =
      load("def solve(S, I, C):\n    x = f((1, -2), (3,), (), -7)\n    return g(x)(x)\n", d);
  const Candidate cand = only(c);
  EXPECT_EQ(
      canonical_text(c.dag, cand.root, cand.kind),
      "def solve(S, I, C):\n    return g(f((1, -2), (3,), (), -7))(f((1, -2), (3,), (), -7))");
  EXPECT_EQ(expanded_text(c.dag, cand.root, cand.kind),
            "from dsl import *\nfrom constants import *\n\ndef solve(S, I, C):\n"
            "    x1 = f((1, -2), (3,), (), -7)\n    x2 = g(x1)\n    O = x2(x1)\n    return O\n");
  EXPECT_EQ(cand.canonical_bytes, canonical_text(c.dag, cand.root, cand.kind).size());
}

TEST(Canonical, BareNameResult) {
  Diagnostics d;
  const Corpus c = load("def solve_x(I):\n    return I\n", d);
  const Candidate cand = only(c);
  EXPECT_EQ(canonical_text(c.dag, cand.root, cand.kind), "def solve(S, I, C):\n    return I");
  EXPECT_EQ(expanded_text(c.dag, cand.root, cand.kind),
            "from dsl import *\nfrom constants import *\n\ndef solve(S, I, C):\n    O = I\n    "
            "return O\n");
}

TEST(Canonical, ExponentialInliningIsCappedNotBuilt) {
  // x_k = f(x_{k-1}, x_{k-1}): 200 lines, an inlined text of about 2^200 bytes.
  std::string text = "def solve(S, I, C):\n    x0 = f(I, I)\n";
  for (int k = 1; k < 200; ++k) {
    text += "    x" + std::to_string(k) + " = f(x" + std::to_string(k - 1) + ", x" +
            std::to_string(k - 1) + ")\n";
  }
  text += "    return x199\n";
  Diagnostics d;
  const Corpus c = load(text, d);
  const Candidate cand = only(c);
  EXPECT_FALSE(cand.md5.has_value());
  EXPECT_EQ(cand.canonical_bytes, Dag::kHuge);
  EXPECT_EQ(cand.id.size(), 32u);  // the MD5 of the expanded form
  std::size_t size_warnings = 0;
  for (const Diagnostic& w : d.all()) size_warnings += w.message.find("bytes") != std::string::npos;
  EXPECT_EQ(size_warnings, 1u);
  // The expanded form stays linear: one step per distinct call.
  const std::string expanded = expanded_text(c.dag, cand.root, cand.kind);
  EXPECT_LT(expanded.size(), 10'000u);
}

TEST(Canonical, CapIsConfigurable) {
  Limits small;
  small.max_canonical_bytes = 30;
  Diagnostics d;
  const Corpus c =
      load("def solve(S, I, C):\n    return fill(I, FOUR, ofcolor(I, ZERO))\n", d, small);
  EXPECT_FALSE(only(c).md5.has_value());
  Diagnostics d2;
  EXPECT_TRUE(
      only(load("def solve(S, I, C):\n    return fill(I, FOUR, ofcolor(I, ZERO))\n", d2)).md5);
}

TEST(Canonical, DeepChainsDoNotRecurse) {
  // 20,000 nested calls: every walk is iterative.
  std::string text = "def solve(S, I, C):\n    x0 = f(I)\n";
  for (int k = 1; k < 20000; ++k) {
    text += "    x" + std::to_string(k) + " = f(x" + std::to_string(k - 1) + ")\n";
  }
  text += "    return x19999\n";
  Diagnostics d;
  const Corpus c = load(text, d);
  const Candidate cand = only(c);
  ASSERT_TRUE(cand.md5.has_value());
  EXPECT_EQ(cand.canonical_bytes,
            std::string("def solve(S, I, C):\n    return ").size() + 20000 * 3 + 1);
  EXPECT_EQ(Md5::of(canonical_text(c.dag, cand.root, cand.kind)), *cand.md5);
}

}  // namespace
}  // namespace batt::program
