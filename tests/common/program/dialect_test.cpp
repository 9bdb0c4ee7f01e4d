// The dialect of batch files (program/dialect.hpp): auto selection per file from its names and
// form, a located error for a file that mixes dialects, forced dialects, one candidate per
// (text, dialect), unknown names judged in the candidate's dialect. (The MD5 vectors of
// tokpidjin-pipeline.md §5.2, read as tokpidjin and evaluable: canonical_test.cpp.)
#include "program/dialect.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "program/candidates.hpp"
#include "program/canonical.hpp"
#include "program/inspect.hpp"
#include "support/text_file.hpp"

namespace batt::program {
namespace {

using dsl::Dialect;

struct Loaded {
  Diagnostics diags;
  Corpus corpus;
  std::string messages() const {
    std::string all;
    for (const Diagnostic& d : diags.all()) all += format(d) + "\n";
    return all;
  }
};

// Loads in-memory files {name, text} in order.
Loaded load(const std::vector<std::pair<std::string, std::string>>& files,
            DialectChoice choice = DialectChoice::Auto) {
  Loaded l;
  CorpusBuilder b(l.diags, {}, choice);
  for (const auto& [name, text] : files) b.add_file(name, text);
  l.corpus = b.finish();
  return l;
}

Dialect only_dialect(const Loaded& l) {
  EXPECT_EQ(l.corpus.candidates.size(), 1u) << l.messages();
  return l.corpus.candidates.empty() ? Dialect::ArcDsl : l.corpus.candidates[0].dialect;
}

std::string solver(const std::string& params, const std::string& line) {
  return "def solve_0a1b2c3d(" + params + "):\n    O = " + line + "\n    return O\n";
}

TEST(Dialect, Names) {
  EXPECT_STREQ(dialect_name(Dialect::ArcDsl), "arc-dsl");
  EXPECT_STREQ(dialect_name(Dialect::Tokpidjin), "tokpidjin");
  DialectChoice c = DialectChoice::ArcDsl;
  EXPECT_TRUE(parse_dialect_choice("auto", c));
  EXPECT_EQ(c, DialectChoice::Auto);
  EXPECT_TRUE(parse_dialect_choice("tokpidjin", c));
  EXPECT_EQ(c, DialectChoice::Tokpidjin);
  EXPECT_FALSE(parse_dialect_choice("arcdsl", c));
  EXPECT_STREQ(choice_name(DialectChoice::ArcDsl), "arc-dsl");
}

TEST(Dialect, NamesOnlyOneDialectKnows) {
  // The 19 arc-dsl primitives tokpidjin dropped (tokpidjin-dsl.md §1).
  for (const char* n : {"mostcolor", "leastcolor", "height", "width", "shape", "portrait",
                        "colorcount", "ofcolor", "recolor", "square", "vline", "hline", "palette",
                        "numcolors", "hmirror", "vmirror", "dmirror", "cmirror", "upscale"}) {
    EXPECT_EQ(dialect_of_name(n), Dialect::ArcDsl) << n;
  }
  // Tokpidjin-only primitives (including the later o_g_t / colorfilter_t) and constants.
  for (const char* n : {"vmirror_t", "o_g", "p_g", "get_nth_t", "f_ofcolor", "a_mr", "o_g_t",
                        "colorfilter_t", "F0", "L1", "R5", "A8", "YELLOW", "BURGUNDY", "SD3"}) {
    EXPECT_EQ(dialect_of_name(n), Dialect::Tokpidjin) << n;
  }
  // Shared names and program names imply nothing.
  for (const char* n :
       {"fill", "rot90", "objects", "ZERO", "T", "DOWN", "S", "I", "C", "t12", "no_such_name"}) {
    EXPECT_EQ(dialect_of_name(n), std::nullopt) << n;
  }
}

TEST(Dialect, AutoFollowsTheNames) {
  EXPECT_EQ(only_dialect(load({{"a.py", solver("I", "vmirror(I)")}})), Dialect::ArcDsl);
  EXPECT_EQ(only_dialect(load({{"a.py", solver("I", "vmirror_t(I)")}})), Dialect::Tokpidjin);
  // A constant is enough: YELLOW, F0.
  EXPECT_EQ(only_dialect(load({{"a.py", solver("I", "replace(I, ZERO, YELLOW)")}})),
            Dialect::Tokpidjin);
  // Names decide over the form: an arc-dsl name in a solve(S, I, C) function.
  EXPECT_EQ(only_dialect(load({{"a.py", "def solve(S, I, C):\n    return height(I)\n"}})),
            Dialect::ArcDsl);
}

TEST(Dialect, AutoWithoutTellingNamesFollowsTheForm) {
  // Shared names only (rot90): the form decides.
  EXPECT_EQ(only_dialect(load({{"a.py", solver("I", "rot90(I)")}})), Dialect::ArcDsl);
  EXPECT_EQ(only_dialect(load({{"a.py", solver("S, I, C", "rot90(I)")}})), Dialect::Tokpidjin);
  EXPECT_EQ(only_dialect(load({{"a.py", "def solve(S, I, C):\n    return rot90(I)\n"}})),
            Dialect::Tokpidjin);
  EXPECT_EQ(only_dialect(load({{"a.py", "def differ(S, I, C):\n    return size(I)\n"}})),
            Dialect::Tokpidjin);
  EXPECT_EQ(only_dialect(load({{"m_call.py", "t_call = {1: 'rot90, I'}\n"}})), Dialect::Tokpidjin);
  const std::string batt =
      "def batt(task_id, S, I, C, log_path):\n"
      "    s = []\n"
      "    o = []\n"
      "    try:\n"
      "        t1 = rot90(I)\n"
      "    except (TypeError, AttributeError, ValueError):\n"
      "        t1 = _get_safe_default(rot90)\n"
      "    o.append((1, False, '0a1b2c3d', t1))\n"
      "    return o, s\n";
  EXPECT_EQ(only_dialect(load({{"b.py", batt}})), Dialect::Tokpidjin);
}

TEST(Dialect, AFileThatMixesDialectsIsRejectedWithBothPlaces) {
  const std::string text =
      "def solve_0a1b2c3d(I):\n"  // 1
      "    x1 = vmirror(I)\n"     // 2: vmirror at col 10
      "    O = hconcat(x1, I)\n"  // 3
      "    return O\n"            // 4
      "\n"                        // 5
      "def solve_1b2c3d4e(I):\n"  // 6
      "    O = vmirror_t(I)\n"    // 7: vmirror_t at col 9
      "    return O\n";
  const Loaded l = load({{"mix.py", text}, {"ok.py", solver("I", "rot90(I)")}});
  EXPECT_EQ(l.corpus.files_rejected, 1u);
  ASSERT_EQ(l.corpus.candidates.size(), 1u);  // ok.py's only
  EXPECT_EQ(l.corpus.candidates[0].origins[0].file, "ok.py");
  ASSERT_EQ(l.diags.errors(), 1u) << l.messages();
  const Diagnostic& d = l.diags.all()[0];
  EXPECT_EQ(d.file, "mix.py");
  EXPECT_EQ(d.line, 7);  // reported where the second dialect shows up
  EXPECT_EQ(d.col, 9);
  EXPECT_EQ(d.message,
            "mixes dialects: vmirror (arc-dsl) at 2:10 and vmirror_t (tokpidjin) at 7:9; a "
            "candidate belongs to one dialect: split the file, or choose one with --dialect");
  // Forced, the same file loads (and the other dialect's name is unknown).
  const Loaded forced = load({{"mix.py", text}}, DialectChoice::ArcDsl);
  EXPECT_EQ(forced.corpus.files_rejected, 0u);
  EXPECT_EQ(forced.corpus.candidates.size(), 2u);
}

TEST(Dialect, AForcedDialectMakesTheOtherDialectsNamesUnknown) {
  const Loaded l = load({{"a.py", solver("S, I, C", "vmirror_t(I)")}}, DialectChoice::ArcDsl);
  ASSERT_EQ(l.corpus.candidates.size(), 1u);
  const Candidate& c = l.corpus.candidates[0];
  EXPECT_EQ(c.dialect, Dialect::ArcDsl);
  EXPECT_FALSE(c.evaluable());
  EXPECT_EQ(c.unknown_names, std::vector<std::string>{"vmirror_t"});
  ASSERT_EQ(l.diags.all().size(), 1u);
  EXPECT_NE(l.diags.all()[0].message.find("(a tokpidjin name; --dialect is arc-dsl)"),
            std::string::npos)
      << l.messages();
  const Loaded t = load({{"a.py", solver("I", "vmirror(I)")}}, DialectChoice::Tokpidjin);
  EXPECT_EQ(t.corpus.candidates[0].dialect, Dialect::Tokpidjin);
  EXPECT_EQ(t.corpus.candidates[0].unknown_names, std::vector<std::string>{"vmirror"});
}

TEST(Dialect, UnknownNamesAreJudgedAndSuggestedInTheCandidatesDialect) {
  // A typo in a tokpidjin file is suggested a tokpidjin name; in an arc-dsl file, an arc one.
  const Loaded tok =
      load({{"t.py", "def solve(S, I, C):\n    return vmirror_tt(get_nth_t(I, F0))\n"}});
  ASSERT_EQ(tok.corpus.candidates.size(), 1u);
  EXPECT_EQ(tok.corpus.candidates[0].unknown_names, std::vector<std::string>{"vmirror_tt"});
  EXPECT_NE(tok.messages().find("did you mean 'vmirror_t'?"), std::string::npos) << tok.messages();
  const Loaded arc = load({{"a.py", solver("I", "vmirrorr(vmirror(I))")}});
  EXPECT_NE(arc.messages().find("did you mean 'vmirror'?"), std::string::npos) << arc.messages();
}

TEST(Dialect, TheSameTextInTwoDialectsIsTwoCandidatesWithOneMd5) {
  // rot90(I) in a solve(S, I, C) file (tokpidjin) and in an arc-dsl file that names `height`.
  const Loaded l = load({{"tok.py", "def solve(S, I, C):\n    return rot90(I)\n"},
                         {"arc.py",
                          "def solve_0a1b2c3d(I):\n    x1 = height(I)\n"
                          "    O = rot90(I)\n    return O\n"},
                         {"tok2.py", "def solve(S, I, C):\n    return rot90(I)\n"}});
  ASSERT_EQ(l.corpus.candidates.size(), 2u) << l.messages();
  const Candidate& arc = l.corpus.candidates[0];  // sorted (kind, dialect, id): arc-dsl first
  const Candidate& tok = l.corpus.candidates[1];
  EXPECT_EQ(arc.dialect, Dialect::ArcDsl);
  EXPECT_EQ(tok.dialect, Dialect::Tokpidjin);
  EXPECT_EQ(arc.md5, tok.md5);
  EXPECT_EQ(arc.id, tok.id);
  EXPECT_EQ(arc.origins.size(), 1u);
  EXPECT_EQ(tok.origins.size(), 2u);  // deduplicated within the dialect
  // inspect tells them apart.
  EXPECT_EQ(candidate_json(l.corpus, arc)["dialect"], "arc-dsl");
  EXPECT_EQ(candidate_json(l.corpus, tok)["dialect"], "tokpidjin");
}

TEST(Dialect, TheBundledCorpusIsArcDsl) {
  // corpus/batches/batt_mix.py is a batt file in arc-dsl names (vmirror, ...): arc-dsl under
  // auto, like the solvers and differs next to it.
  Diagnostics diags;
  const Corpus c = load_corpus(
      {testing::project_path("corpus/batches"), testing::project_path("corpus/differs")}, diags);
  EXPECT_EQ(diags.all().size(), 0u);
  ASSERT_GT(c.candidates.size(), 100u);
  for (const Candidate& cand : c.candidates) {
    EXPECT_EQ(cand.dialect, Dialect::ArcDsl) << cand.origins[0].file;
    EXPECT_TRUE(cand.evaluable());
  }
}

}  // namespace
}  // namespace batt::program
