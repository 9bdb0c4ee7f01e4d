#pragma once
// Which DSL dialect a batch file is written in: Hodel's arc-dsl or tokpidjin's
// (../shared/reference/tokpidjin-dsl.md). A candidate belongs to exactly one dialect, the one
// of the file it came from; names resolve in that dialect's registry and its primitives fail
// the way that dialect's do (docs/dsl.md, "The tokpidjin dialect").
//
// Selection (--dialect auto, the default), per file, from the names its statements use:
//   - a name only tokpidjin knows (a primitive such as vmirror_t, o_g or p_g, a constant such as
//     F0, L1, R5 or YELLOW) makes it tokpidjin; a name only arc-dsl knows (the 19 primitives
//     tokpidjin dropped: vmirror, mostcolor, height, ...) makes it arc-dsl;
//   - both kinds in one file: an error located at the first name of each kind, and the file
//     is rejected (a candidate never mixes dialects);
//   - neither: a batt file or a *_call.py map is tokpidjin, and so is a solver file with a
//     function of parameters (S, I, C) (`solve`, `solve_<id>`, `differ`); any other file
//     (arc-dsl solvers take `(I)`) is arc-dsl.
// --dialect arc-dsl / tokpidjin forces one dialect for every file (names the other dialect
// has are then unknown, and reported as such).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "dsl/registry.hpp"
#include "program/syntax.hpp"

namespace batt::program {

enum class DialectChoice : std::uint8_t { Auto, ArcDsl, Tokpidjin };

// "arc-dsl" / "tokpidjin": the names of the option, the report and `inspect`.
const char* dialect_name(dsl::Dialect d) noexcept;
// "auto", "arc-dsl", "tokpidjin".
const char* choice_name(DialectChoice c) noexcept;
// The inverse of choice_name(); false for anything else.
bool parse_dialect_choice(std::string_view text, DialectChoice& out) noexcept;

// The choice that forces dialect d.
constexpr DialectChoice dialect_choice(dsl::Dialect d) noexcept {
  return d == dsl::Dialect::Tokpidjin ? DialectChoice::Tokpidjin : DialectChoice::ArcDsl;
}

// The dialect a name alone implies: the one dialect that knows it as a primitive or a
// constant, or nothing when both or neither know it (S, I, C, t-variables, shared names).
std::optional<dsl::Dialect> dialect_of_name(std::string_view name) noexcept;

// Where a name that implies a dialect first occurs in a file.
struct DialectEvidence {
  std::string_view name;
  int line = 0, col = 0;
};

struct FileDialect {
  std::optional<dsl::Dialect> dialect;  // nullopt when the file mixes dialects
  std::optional<DialectEvidence> arc;   // the first arc-dsl-only name, if any
  std::optional<DialectEvidence> tok;   // the first tokpidjin-only name, if any
  // For a mixed file: "mixes dialects: vmirror (arc-dsl) at 12:14 and vmirror_t (tokpidjin)
  // at 20:14; ...", and the later of the two places, where the caller reports it.
  std::string mix_message() const;
  const DialectEvidence& mix_site() const noexcept;
};

// The dialect of a parsed file, by the rules above. Names are read from every statement the
// file's candidates can use (function bodies and returns, batt lines, call map entries).
// Linear in the size of the tree; names point into the file's text.
FileDialect file_dialect(const SyntaxTree& tree, DialectChoice choice);

}  // namespace batt::program
