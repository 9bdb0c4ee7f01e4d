#pragma once
// From batch files to unique candidates. Every output of a file becomes a candidate: an
// arc-dsl or tokpidjin solver function's return value, each `o.append` record of a batt file
// (kind solver), each differ function and `s.append` record (kind differ), or, for a t_call
// map given without its batt file, every t-number no other entry uses. A candidate is the
// dependency slice of its output, built as a node of one hash-consed DAG shared by the whole
// corpus, identified by the MD5 of its canonical text (canonical.hpp) and deduplicated across
// all files with every origin kept. The result does not depend on the order in which files
// are given or found: files are read in path order and candidates come out sorted by
// (kind, dialect, id).
//
// Dialects (dialect.hpp): every file is read in one dialect, chosen per file (auto) or forced,
// and its candidates belong to it: their names resolve in that dialect, and the same program
// text in two dialects is two candidates (same canonical text and MD5, different dialect).
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dsl/registry.hpp"
#include "program/canonical.hpp"
#include "program/dag.hpp"
#include "program/diagnostic.hpp"
#include "program/dialect.hpp"
#include "program/lexer.hpp"

namespace batt::program {

// Where a candidate was found.
struct Origin {
  std::string file;
  int line = 0;                 // the def line of a function; the line of an o/s.append record
  std::string record;           // "solve_00d62c1b", "differ", "t60", ...
  std::string task;             // origin task id ("" when unknown; "None" for a base differ block)
  std::optional<bool> mutated;  // batt outputs: the record's evo flag
  std::string differ;           // s.append records: the differ's name
};

struct Candidate {
  // md5 when known, else structure_md5() (canonical.hpp). Unique per (kind, dialect): the same
  // text in both dialects gives two candidates with the same id.
  std::string id;
  std::optional<std::string> md5;  // MD5 of the canonical text, unless that is over the cap
  ProgramKind kind = ProgramKind::Solver;
  dsl::Dialect dialect = dsl::Dialect::ArcDsl;  // the dialect of the files it came from
  NodeId root = 0;
  std::uint64_t canonical_bytes = 0;       // length of the canonical text (saturated)
  std::vector<Origin> origins;             // sorted by (file, line, record)
  std::vector<std::string> unknown_names;  // not primitives, constants or S/I/C
  std::vector<std::string> unresolved;     // t-variables used but never assigned
  // Whether the evaluator can run it: every name is known in the dialect.
  bool evaluable() const noexcept { return unknown_names.empty() && unresolved.empty(); }
};

struct Corpus {
  Dag dag;
  std::uint64_t max_text_bytes = 0;   // the cap on printed texts (Limits::max_canonical_bytes)
  std::vector<Candidate> candidates;  // unique, sorted by (kind, dialect, id)
  std::size_t files = 0;              // files read
  std::size_t files_rejected = 0;     // files refused as a whole (old format, too big, mixed, ...)
  std::size_t programs = 0;           // candidates found before deduplication
};

class CorpusBuilder {
 public:
  // `dialect`: how each file's dialect is chosen (dialect.hpp); a file that mixes dialects
  // under Auto is rejected with a located error.
  CorpusBuilder(Diagnostics& diags, const Limits& limits = {},
                DialectChoice dialect = DialectChoice::Auto);
  ~CorpusBuilder();
  CorpusBuilder(const CorpusBuilder&) = delete;
  CorpusBuilder& operator=(const CorpusBuilder&) = delete;

  // Adds the candidates of one file. For a batt file, `call_map` may hold the text of its
  // `*_call.py` map, which is then cross-checked line by line (mismatches are warnings).
  void add_file(const std::string& path, std::string_view text, std::string_view call_map = {},
                const std::string& call_map_path = {});

  // Deduplicates and sorts; the builder is empty afterwards.
  Corpus finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Reads the given files and directories (searched recursively for *.py), in path order. A
// batt file `X.py` next to `X_call.py` is cross-checked against it; a `*_call.py` alone
// yields its own candidates. Unreadable paths are diagnostics, not exceptions.
Corpus load_corpus(const std::vector<std::string>& paths, Diagnostics& diags,
                   const Limits& limits = {}, DialectChoice dialect = DialectChoice::Auto);

}  // namespace batt::program
