// Hostile input for the program front end: every file of tests/fixtures/hostile/ (written by
// hand or by make_hostile.py there) loaded on its own, and big inputs built here in memory
// (a 300 KB name, a 2 MB line, 200,000 blank lines, a 20,000-line chain, files over the
// size and line limits). Nothing may crash or hang; every error is located (file:line:col
// with the offending line, or line 0 only for a file refused as a whole) and the other
// files of a load still load. Every candidate's expanded form reads back as the same
// candidate, and its `batt_mpi inspect` JSON can be written.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <ostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "program/candidates.hpp"
#include "program/inspect.hpp"
#include "support/text_file.hpp"

namespace batt::program {
namespace {

const std::string kDir = std::string(BATT_SOURCE_DIR) + "/tests/fixtures/hostile/";

using batt::testing::read_text;

std::size_t physical_lines(std::string_view text) {
  const auto n = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
  return n + (!text.empty() && text.back() != '\n' ? 1 : 0);
}

struct Loaded {
  std::string path;
  std::string text;
  Diagnostics diags;
  Corpus corpus;

  bool has(Severity s, std::string_view part) const {
    return std::any_of(diags.all().begin(), diags.all().end(), [&](const Diagnostic& d) {
      return d.severity == s && d.message.find(part) != std::string::npos;
    });
  }
  const Candidate* by_record(std::string_view record) const {
    for (const Candidate& c : corpus.candidates) {
      for (const Origin& o : c.origins) {
        if (o.record == record) return &c;
      }
    }
    return nullptr;
  }
  std::string dump() const {
    std::string out;
    for (const Diagnostic& d : diags.all()) out += format(d).substr(0, 400) + "\n";
    return out;
  }
};

Loaded load_file(const std::string& name) {
  Loaded l;
  l.path = kDir + name;
  l.text = read_text(l.path);
  l.corpus = load_corpus({l.path}, l.diags);
  return l;
}

Loaded load_text(std::string text, const Limits& limits = {}) {
  Loaded l;
  l.path = "big.py";
  l.text = std::move(text);
  CorpusBuilder b(l.diags, limits);
  b.add_file(l.path, l.text);
  l.corpus = b.finish();
  return l;
}

// The checks every hostile input must pass, whatever it holds.
void check_common(const Loaded& l, const Limits& limits = {}) {
  const std::size_t lines = physical_lines(l.text);
  for (const Diagnostic& d : l.diags.all()) {
    SCOPED_TRACE(format(d).substr(0, 400));
    EXPECT_EQ(d.file, l.path);
    EXPECT_FALSE(d.message.empty());
    EXPECT_EQ(format(d).rfind(l.path + ":", 0), 0u);
    if (d.severity != Severity::Error) continue;
    if (d.line == 0) {
      // Only a file refused as a whole has an error without a line.
      EXPECT_GT(l.corpus.files_rejected, 0u);
      continue;
    }
    EXPECT_LE(static_cast<std::size_t>(d.line), lines);
    EXPECT_GE(d.col, 1);
    EXPECT_FALSE(d.source.empty()) << "an error shows the offending line";
  }
  std::set<std::pair<ProgramKind, std::string>> ids;
  Limits reread;
  reread.max_canonical_bytes = limits.max_canonical_bytes;
  for (const Candidate& c : l.corpus.candidates) {
    EXPECT_TRUE(ids.emplace(c.kind, c.id).second) << "duplicate id " << c.id;
    EXPECT_EQ(c.md5.has_value(), c.canonical_bytes <= limits.max_canonical_bytes);
    // The expanded form (when it is printable) reads back as the same candidate.
    if (expanded_length(l.corpus.dag, c.root, c.kind) > limits.max_canonical_bytes) continue;
    const std::string expanded = expanded_text(l.corpus.dag, c.root, c.kind);
    Diagnostics diags;
    CorpusBuilder b(diags, reread);
    b.add_file("expanded.py", expanded);
    const Corpus again = b.finish();
    EXPECT_EQ(diags.errors(), 0u);
    ASSERT_EQ(again.candidates.size(), 1u) << expanded.substr(0, 2000);
    EXPECT_EQ(again.candidates[0].kind, c.kind);
    EXPECT_EQ(again.candidates[0].id, c.id) << expanded.substr(0, 2000);
  }
  // `batt_mpi inspect` can print every candidate (as valid UTF-8 JSON).
  std::ostringstream printed;
  EXPECT_NO_THROW(write_inspect(l.corpus, printed));
  std::istringstream printed_in(printed.str());
  std::size_t printed_lines = 0;
  for (std::string line; std::getline(printed_in, line); ++printed_lines) {
    EXPECT_TRUE(nlohmann::json::accept(line)) << line.substr(0, 200);
  }
  EXPECT_EQ(printed_lines, l.corpus.candidates.size());
}

// ---- the files of tests/fixtures/hostile/ ---------------------------------------------------

struct Expect {
  std::string file;
  std::size_t candidates = 0;  // unique candidates that still load
  std::string error;           // "": no error at all; else the first error contains this
  int error_line = 0;          // that error's line
  std::string warning;         // a warning contains this, when given
  bool rejected = false;       // the whole file is refused
  // A front-end bug this file reproduces: the test is skipped (with the reason) until the bug
  // is fixed, unless BATT_HOSTILE_KNOWN_BUGS is set (to check a fix); scripts/fuzz.sh still
  // runs the file and fails on it.
  std::string known_bug;
  std::function<void(const Loaded&)> more;  // further checks

  Expect(std::string f, std::size_t n) : file(std::move(f)), candidates(n) {}
  Expect&& err(std::string part, int line) && {
    error = std::move(part);
    error_line = line;
    return std::move(*this);
  }
  Expect&& warn(std::string part) && {
    warning = std::move(part);
    return std::move(*this);
  }
  Expect&& reject() && {
    rejected = true;
    return std::move(*this);
  }
  Expect&& bug(std::string why) && {
    known_bug = std::move(why);
    return std::move(*this);
  }
  Expect&& then(std::function<void(const Loaded&)> f) && {
    more = std::move(f);
    return std::move(*this);
  }
};

// gtest prints a parameter by its file name.
void PrintTo(const Expect& e, std::ostream* os) {
  *os << e.file;
}

std::vector<Expect> expectations() {
  std::vector<Expect> e;
  e.push_back(Expect("nesting_too_deep.py", 0).err("nested deeper than 64", 6));
  e.push_back(Expect("call_chain_10k.py", 0).err("calls chained deeper than 64", 6));
  e.push_back(Expect("unterminated_string.py", 1).err("unterminated string", 6));
  e.push_back(Expect("unterminated_bracket.py", 1).err("'(' is never closed", 11));
  e.push_back(Expect("unbalanced_close.py", 1).err("unbalanced ')'", 5));
  e.push_back(Expect("nul_bytes.py", 0).err("unexpected character \\x00", 6));
  e.push_back(Expect("invalid_utf8.py", 0).err("unexpected character \\xff", 6));
  e.push_back(
      Expect("misc_lexical.py", 0).err("integer literal too large", 5).then([](const Loaded& l) {
        EXPECT_TRUE(l.has(Severity::Error, "only decimal integers")) << l.dump();
        EXPECT_TRUE(l.has(Severity::Error, "unexpected end of file")) << l.dump();
      }));
  e.push_back(Expect("crlf.py", 1).then([](const Loaded& l) {
    // The same candidate as with LF line endings.
    std::string lf = l.text;
    lf.erase(std::remove(lf.begin(), lf.end(), '\r'), lf.end());
    const Loaded unix_text = load_text(lf);
    ASSERT_EQ(unix_text.corpus.candidates.size(), 1u);
    EXPECT_EQ(l.corpus.candidates[0].id, unix_text.corpus.candidates[0].id);
  }));
  e.push_back(Expect("tabs.py", 1));
  e.push_back(Expect("only_comments.py", 0));
  e.push_back(Expect("empty.py", 0));
  e.push_back(
      Expect("exponential_dag.py", 1).warn("astronomically many bytes").then([](const Loaded& l) {
        const Candidate& c = l.corpus.candidates[0];
        EXPECT_FALSE(c.md5.has_value());
        EXPECT_EQ(c.canonical_bytes, Dag::kHuge);
        EXPECT_EQ(c.id.size(), 32u);
        EXPECT_TRUE(c.evaluable());
      }));
  e.push_back(Expect("tuple_exponential.py", 1).warn("astronomically many bytes"));
  e.push_back(Expect("forward_reference.py", 2)
                  .warn("'t3' is used but never assigned")
                  .then([](const Loaded& l) {
                    const Candidate* c = l.by_record("t2");
                    ASSERT_NE(c, nullptr);
                    EXPECT_EQ(c->unresolved, std::vector<std::string>{"t3"});
                    EXPECT_FALSE(c->evaluable());
                    ASSERT_NE(l.by_record("t3"), nullptr);
                    EXPECT_TRUE(l.by_record("t3")->evaluable());
                  }));
  e.push_back(Expect("assigned_twice.py", 1).then([](const Loaded& l) {
    const Candidate& c = l.corpus.candidates[0];
    EXPECT_EQ(expression_text(l.corpus.dag, c.root), "vconcat(vmirror(I), I)");
  }));
  e.push_back(Expect("append_twice.py", 1).then([](const Loaded& l) {
    EXPECT_EQ(l.corpus.programs, 2u);
    EXPECT_EQ(l.corpus.candidates[0].origins.size(), 2u);
  }));
  e.push_back(Expect("try_without_except.py", 2).err("without its 'except ...:' clause", 10));
  e.push_back(Expect("module_while.py", 1).err("unsupported statement near 'while'", 3));
  e.push_back(Expect("python_exec.py", 1)
                  .err("unsupported statement near '__import__'", 4)
                  .then([](const Loaded& l) {
                    EXPECT_NE(l.by_record("solve_00000009"), nullptr);
                    EXPECT_TRUE(l.has(Severity::Error, "unexpected keyword 'lambda'"));
                    EXPECT_TRUE(l.has(Severity::Error, "a string cannot be an argument"));
                    EXPECT_TRUE(l.has(Severity::Error, "keyword arguments are not supported"));
                    EXPECT_GE(l.diags.errors(), 9u) << l.dump();
                  }));
  e.push_back(Expect("old_format.py", 0).err("old batt format 'def batt(S, I, O)'", 5).reject());
  e.push_back(Expect("garbage_call.py", 2)
                  .err("unbalanced brackets", 1)
                  .warn("'t99' is used but never assigned")
                  .then([](const Loaded& l) {
                    EXPECT_NE(l.by_record("t10"), nullptr);
                    EXPECT_NE(l.by_record("t11"), nullptr);
                    EXPECT_TRUE(l.has(Severity::Error, "empty call"));
                    EXPECT_TRUE(l.has(Severity::Error, "integer literal too large"));
                  }));
  e.push_back(Expect("invalid_utf8_record.py", 2));
  e.push_back(
      Expect("long_line_caret.py", 0).err("unexpected character '$'", 6).then([](const Loaded& l) {
        for (const Diagnostic& d : l.diags.all()) {
          // The caret stays under the excerpt of the line that is shown; the
          // diagnostic keeps the real column.
          EXPECT_LE(static_cast<std::size_t>(d.caret), d.source.size() + 1);
          EXPECT_GT(d.caret, 0);
          EXPECT_LT(format(d).size(), 1000u);
        }
      }));
  e.push_back(Expect("record_before_assignment.py", 2)
                  .err("'t1' is not assigned before it", 9)
                  .then([](const Loaded& l) {
                    std::set<std::string> exprs;
                    for (const Candidate& c : l.corpus.candidates) {
                      exprs.insert(expression_text(l.corpus.dag, c.root));
                    }
                    EXPECT_EQ(exprs, (std::set<std::string>{"hmirror(I)", "vmirror(I)"}));
                  }));
  e.push_back(Expect("x_capture.py", 1).warn("unknown name 'x1'"));
  return e;
}

class HostileFile : public ::testing::TestWithParam<Expect> {};

TEST_P(HostileFile, LoadsWithLocatedDiagnostics) {
  const Expect& want = GetParam();
  if (!want.known_bug.empty() && std::getenv("BATT_HOSTILE_KNOWN_BUGS") == nullptr) {
    GTEST_SKIP() << "known front-end bug: " << want.known_bug;
  }
  const Loaded l = load_file(want.file);
  SCOPED_TRACE(l.dump());
  check_common(l);
  EXPECT_EQ(l.corpus.files, 1u);
  EXPECT_EQ(l.corpus.files_rejected, want.rejected ? 1u : 0u);
  EXPECT_EQ(l.corpus.candidates.size(), want.candidates);
  const auto& all = l.diags.all();
  const auto first_error = std::find_if(
      all.begin(), all.end(), [](const Diagnostic& d) { return d.severity == Severity::Error; });
  if (want.error.empty()) {
    EXPECT_EQ(l.diags.errors(), 0u);
  } else {
    ASSERT_NE(first_error, all.end());
    EXPECT_NE(first_error->message.find(want.error), std::string::npos) << first_error->message;
    EXPECT_EQ(first_error->line, want.error_line);
  }
  if (!want.warning.empty()) {
    EXPECT_TRUE(l.has(Severity::Warning, want.warning)) << want.warning;
  }
  if (want.more && l.corpus.candidates.size() == want.candidates) want.more(l);
}

INSTANTIATE_TEST_SUITE_P(Hostile, HostileFile, ::testing::ValuesIn(expectations()),
                         [](const ::testing::TestParamInfo<Expect>& p) {
                           return p.param.file.substr(0, p.param.file.size() - 3);
                         });

// Every file of the directory has its expectations, and the other way round.
TEST(Hostile, EveryFileHasExpectations) {
  std::set<std::string> files, expected;
  for (const auto& entry : std::filesystem::directory_iterator(kDir)) {
    const std::string name = entry.path().filename().string();
    if (name != "make_hostile.py") files.insert(name);
  }
  for (const Expect& e : expectations()) expected.insert(e.file);
  EXPECT_EQ(files, expected);
}

// Loaded together, the files lose nothing to each other's errors: every candidate of a file
// loaded alone is in the joint corpus.
TEST(Hostile, OtherFilesStillLoad) {
  std::vector<std::string> paths;
  std::set<std::pair<ProgramKind, std::string>> alone;
  for (const Expect& e : expectations()) {
    if (!e.known_bug.empty()) continue;
    paths.push_back(kDir + e.file);
    const Loaded l = load_file(e.file);
    for (const Candidate& c : l.corpus.candidates) alone.emplace(c.kind, c.id);
  }
  Diagnostics diags;
  const Corpus all = load_corpus(paths, diags);
  std::set<std::pair<ProgramKind, std::string>> together;
  for (const Candidate& c : all.candidates) together.emplace(c.kind, c.id);
  EXPECT_EQ(together, alone);
  EXPECT_EQ(all.files, paths.size());
  EXPECT_EQ(all.files_rejected, 1u);  // old_format.py
}

// ---- big inputs, built in memory ------------------------------------------------------------

std::string solver(const std::vector<std::string>& body) {
  std::string s = "from dsl import *\n\ndef solve(S, I, C):\n";
  for (const std::string& line : body) s += "    " + line + "\n";
  return s;
}

const std::string kBattHead =
    "from dsl import *\n"
    "def batt(task_id, S, I, C, log_path):\n"
    "    s = []\n"
    "    o = []\n";

TEST(HostileBig, CallChainOf10000CallsOnOneLine) {
  std::string chain = "identity";
  for (int k = 0; k < 10'000; ++k) chain += "()";
  const Loaded l = load_text(kBattHead + "    t1 = " + chain + "\n    t2 = hmirror(I)\n" +
                             "    o.append((1, False, 'aa11bb22', t1))\n" +
                             "    o.append((2, False, 'aa11bb22', t2))\n    return o, s\n");
  check_common(l);
  EXPECT_TRUE(l.has(Severity::Error, "calls chained deeper than 64")) << l.dump();
  EXPECT_TRUE(l.has(Severity::Warning, "o.append of t1 skipped")) << l.dump();
  ASSERT_EQ(l.corpus.candidates.size(), 1u);
  EXPECT_NE(l.by_record("t2"), nullptr);
}

TEST(HostileBig, NameOf300KB) {
  const Loaded l = load_text(solver({"O = " + std::string(300'000, 'a'), "return O"}));
  check_common(l);
  ASSERT_EQ(l.diags.errors(), 1u) << l.dump();
  EXPECT_TRUE(l.has(Severity::Error, "name longer than 256 characters"));
  EXPECT_EQ(l.diags.all()[0].line, 4);
  EXPECT_EQ(l.diags.all()[0].col, 9);
  EXPECT_TRUE(l.corpus.candidates.empty());
}

TEST(HostileBig, LineOf2MB) {
  std::string args;
  args.reserve(2'100'000);
  for (int k = 0; k < 700'000; ++k) args += "I, ";
  const Loaded l = load_text(solver({"x1 = hmirror(" + args + "I)", "O = rot90(I)", "return O"}) +
                             "\n\ndef solve_00000002(I):\n    O = rot90(I)\n    return O\n");
  check_common(l);
  EXPECT_TRUE(l.has(Severity::Error, "statement longer than 1048576 bytes")) << l.dump();
  EXPECT_EQ(l.diags.all().at(0).line, 4);
  // The broken function is dropped, the next one still loads.
  ASSERT_EQ(l.corpus.candidates.size(), 1u);
  EXPECT_NE(l.by_record("solve_00000002"), nullptr);
}

TEST(HostileBig, BlankLines200000) {
  const Loaded l = load_text(std::string(200'000, '\n') +
                             solver({"x1 = hmirror(I))", "O = rot90(I)", "return O"}) +
                             "\ndef solve_00000002(I):\n    O = rot90(I)\n    return O\n");
  check_common(l);
  // Line numbers still count every blank line.
  ASSERT_EQ(l.diags.errors(), 1u) << l.dump();
  EXPECT_EQ(l.diags.all()[0].line, 200'004);
  EXPECT_EQ(l.corpus.candidates.size(), 1u);
}

TEST(HostileBig, ChainOf20000Lines) {
  std::vector<std::string> body{"x1 = hmirror(I)"};
  for (int k = 2; k <= 20'000; ++k) {
    body.push_back("x" + std::to_string(k) + " = hmirror(x" + std::to_string(k - 1) + ")");
  }
  body.push_back("O = x20000");
  body.push_back("return O");
  const Loaded l = load_text(solver(body));
  check_common(l);
  EXPECT_EQ(l.diags.all().size(), 0u) << l.dump();
  ASSERT_EQ(l.corpus.candidates.size(), 1u);
  const Candidate& c = l.corpus.candidates[0];
  ASSERT_TRUE(c.md5.has_value());  // 20,000 nested calls inline to 180 KB: under the cap
  EXPECT_EQ(c.canonical_bytes, canonical_header(ProgramKind::Solver).size() + 20'000 * 9 + 1);
}

TEST(HostileBig, CallMapChainOf20000Entries) {
  std::string map = "t_call = {1: 'hmirror, I'";
  for (int k = 2; k <= 20'000; ++k) {
    map += ", " + std::to_string(k) + ": 'hmirror, t" + std::to_string(k - 1) + "'";
  }
  const Loaded l = load_text(map + "}\n");
  check_common(l);
  EXPECT_EQ(l.diags.all().size(), 0u) << l.dump();
  ASSERT_EQ(l.corpus.candidates.size(), 1u);
  EXPECT_NE(l.by_record("t20000"), nullptr);
}

TEST(HostileBig, ManyUnknownNamesAreEachReportedOnce) {
  constexpr int kLines = 5'000;
  std::vector<std::string> body{"x1 = hmirror(I)"};
  for (int k = 2; k <= kLines; ++k) {
    body.push_back("x" + std::to_string(k) + " = combine(x" + std::to_string(k - 1) + ", u" +
                   std::to_string(k) + ")");
  }
  body.push_back("O = x" + std::to_string(kLines));
  body.push_back("return O");
  const Loaded l = load_text(solver(body));
  check_common(l);
  EXPECT_EQ(l.diags.errors(), 0u);
  EXPECT_EQ(l.diags.all().size(), static_cast<std::size_t>(kLines - 1));
  ASSERT_EQ(l.corpus.candidates.size(), 1u);
  EXPECT_EQ(l.corpus.candidates[0].unknown_names.size(), static_cast<std::size_t>(kLines - 1));
}

TEST(HostileBig, FileOverTheSizeLimit) {
  Limits limits;
  limits.max_file_bytes = 1000;
  const Loaded l = load_text(solver({"O = rot90(I)", "return O", std::string(1000, '#')}), limits);
  check_common(l, limits);
  ASSERT_EQ(l.diags.all().size(), 1u) << l.dump();
  EXPECT_EQ(l.diags.all()[0].line, 0);
  EXPECT_TRUE(l.has(Severity::Error, "over the limit of 1000")) << l.dump();
  EXPECT_EQ(l.corpus.files_rejected, 1u);
  EXPECT_TRUE(l.corpus.candidates.empty());
}

TEST(HostileBig, FileOverTheLineLimit) {
  Limits limits;
  limits.max_lines = 100;
  const Loaded l =
      load_text(solver({"O = rot90(I)", "return O"}) + std::string(200, '\n') + "#", limits);
  check_common(l, limits);
  ASSERT_EQ(l.diags.all().size(), 1u) << l.dump();
  EXPECT_TRUE(l.has(Severity::Error, "more than 100 lines")) << l.dump();
  EXPECT_EQ(l.corpus.files_rejected, 1u);
  EXPECT_TRUE(l.corpus.candidates.empty());
}

TEST(HostileBig, LoadCorpusRefusesABigFileBeforeReadingIt) {
  const std::string path = ::testing::TempDir() + "hostile_big_file.py";
  {
    std::ofstream out(path, std::ios::binary);
    out << solver({"O = rot90(I)", "return O"}) << std::string(5000, '#') << "\n";
  }
  Limits limits;
  limits.max_file_bytes = 4096;
  Diagnostics diags;
  const Corpus c = load_corpus({path, kDir + "crlf.py"}, diags, limits);
  std::filesystem::remove(path);
  ASSERT_EQ(diags.errors(), 1u);
  EXPECT_EQ(diags.all()[0].file, path);
  EXPECT_EQ(diags.all()[0].line, 0);
  EXPECT_NE(diags.all()[0].message.find("over the limit of 4096"), std::string::npos);
  EXPECT_EQ(c.files, 2u);
  EXPECT_EQ(c.files_rejected, 1u);
  EXPECT_EQ(c.candidates.size(), 1u);  // crlf.py still loads
}

}  // namespace
}  // namespace batt::program
