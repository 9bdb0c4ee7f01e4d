#pragma once
// Parser for the three input formats of batch files (tokpidjin-pipeline.md §2–§3):
//   - solver files: `def solve_<id>(I):`, `def solve(S, I, C):`, `def differ(S, I, C):` with
//     lines `name = expr` and `return expr`, plus imports and comments;
//   - batt files: `def batt(task_id, S, I, C, log_path):` with the statement forms F1–F7 (the
//     header's imports, try blocks and GPU helper are recognised and skipped, never run);
//   - `*_call.py` maps: `t_call = {N: 'callee, arg, ...' | 'callee(args)', ...}`.
// It returns structured lines (syntax.hpp). It never throws: every problem is a diagnostic
// `file:line:col: error: ...`; a malformed statement is dropped (and what depends on it is
// reported later), the rest of the file still loads.
#include <string>
#include <string_view>

#include "program/diagnostic.hpp"
#include "program/lexer.hpp"
#include "program/syntax.hpp"

namespace batt::program {

// The format of a file, from its content: a `t_call =` assignment makes a call map, a
// `def batt(` a batt file, anything else is a solver file.
FileFormat detect_format(std::string_view text) noexcept;

// Parses `text` (the content of `file`). Names in the tree point into `text`.
SyntaxTree parse_syntax(std::string_view text, const std::string& file, Diagnostics& diags,
                        const Limits& limits = {});

}  // namespace batt::program
