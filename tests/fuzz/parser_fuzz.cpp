// libFuzzer target for the whole program front end (lexer, parser, DAG, candidates,
// canonical and expanded forms). The input is one file's text, optionally followed by a NUL
// byte and the text of its `_call.py` map (the map is only read when the text is a batt
// file). Besides "no crash, no hang, no leak" (the sanitizers and libFuzzer's -timeout and
// -rss_limit_mb), two invariants are checked and trap when violated:
//   (a) the expanded form of every candidate, read back as a solver file, yields exactly one
//       candidate, of the same kind and with the same id, without errors;
//   (b) ids are unique per kind;
// and every candidate's `batt_mpi inspect` JSON line can be written.
// Built only with BATT_FUZZ=ON (clang); run by scripts/fuzz.sh.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>

#include "program/candidates.hpp"
#include "program/canonical.hpp"
#include "program/inspect.hpp"

namespace {

using namespace batt::program;

// Small limits keep every input fast (a canonical text is streamed only up to 64 KiB, above
// that the candidate is identified by its expanded form, linear in its DAG) and put the
// line-count and statement-length limits within the fuzzer's reach.
Limits fuzz_limits() {
  Limits l;
  l.max_file_bytes = std::size_t{1} << 20;
  l.max_lines = 10'000;
  l.max_logical_line = std::size_t{64} << 10;
  l.max_canonical_bytes = std::size_t{64} << 10;
  return l;
}

// The expanded form can be longer than the input it came from (each step is printed in full
// on its own line), so it is read back under the default size limits.
Limits reread_limits() {
  Limits l;
  l.max_canonical_bytes = fuzz_limits().max_canonical_bytes;
  return l;
}

// Traps on a violated invariant, after saying which one (libFuzzer then saves the input).
#define FUZZ_CHECK(cond)                                                                         \
  do {                                                                                           \
    if (!(cond)) {                                                                               \
      std::fprintf(stderr, "parser_fuzz: invariant violated at line %d: %s\n", __LINE__, #cond); \
      __builtin_trap();                                                                          \
    }                                                                                            \
  } while (false)

void check_reread(const Candidate& c, const std::string& expanded) {
  Diagnostics diags;
  CorpusBuilder builder(diags, reread_limits());
  builder.add_file("expanded.py", expanded);
  const Corpus again = builder.finish();
  FUZZ_CHECK(diags.errors() == 0);
  FUZZ_CHECK(again.candidates.size() == 1);
  const Candidate& d = again.candidates.front();
  FUZZ_CHECK(d.kind == c.kind);
  FUZZ_CHECK(d.id == c.id);
  FUZZ_CHECK(d.md5.has_value() == c.md5.has_value());
  FUZZ_CHECK(d.canonical_bytes == c.canonical_bytes);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t nul = input.find('\0');
  const std::string_view text = input.substr(0, nul);
  const std::string_view map =
      nul == std::string_view::npos ? std::string_view{} : input.substr(nul + 1);
  const Limits limits = fuzz_limits();
  Diagnostics diags;
  CorpusBuilder builder(diags, limits);
  builder.add_file("fuzz.py", text, map, "fuzz_call.py");
  const Corpus corpus = builder.finish();

  // Every diagnostic names its file and has a message; an error shows its line and column,
  // or has no line because the whole file was refused (a map refused as a whole leaves its
  // batt file loaded, without the cross-check).
  for (const Diagnostic& d : diags.all()) {
    FUZZ_CHECK(d.file == "fuzz.py" || d.file == "fuzz_call.py");
    FUZZ_CHECK(!d.message.empty());
    FUZZ_CHECK(d.line >= 0 && d.col >= 0);
    if (d.severity == Severity::Error && d.line > 0) {
      FUZZ_CHECK(d.col >= 1);
      FUZZ_CHECK(!d.source.empty());
    }
    if (d.severity == Severity::Error && d.line == 0 && d.file == "fuzz.py") {
      FUZZ_CHECK(corpus.files_rejected == 1);
    }
    (void)format(d);
  }

  std::set<std::pair<ProgramKind, std::string>> ids;
  for (const Candidate& c : corpus.candidates) {
    FUZZ_CHECK(ids.emplace(c.kind, c.id).second);  // (b)
    FUZZ_CHECK(c.canonical_bytes == canonical_length(corpus.dag, c.root, c.kind));
    if (c.canonical_bytes <= limits.max_canonical_bytes) {
      FUZZ_CHECK(c.md5.has_value());
      const std::string md5 = canonical_md5(corpus.dag, c.root, c.kind);
      FUZZ_CHECK(c.md5 == md5 && c.id == md5);
      FUZZ_CHECK(canonical_text(corpus.dag, c.root, c.kind).size() == c.canonical_bytes);
    } else {
      FUZZ_CHECK(!c.md5.has_value());
    }
    const std::uint64_t expanded_bytes = expanded_length(corpus.dag, c.root, c.kind);
    if (expanded_bytes <= limits.max_canonical_bytes) {
      const std::string expanded = expanded_text(corpus.dag, c.root, c.kind);
      FUZZ_CHECK(expanded.size() == expanded_bytes);
      check_reread(c, expanded);  // (a)
    }
  }
  // What `batt_mpi inspect` prints: one valid JSON object per candidate.
  std::ostringstream printed;
  write_inspect(corpus, printed);
  std::istringstream lines(printed.str());
  std::size_t n = 0;
  for (std::string line; std::getline(lines, line); ++n) {
    FUZZ_CHECK(nlohmann::json::accept(line));
  }
  FUZZ_CHECK(n == corpus.candidates.size());
  return 0;
}
