#pragma once
// Lexer for the Python subset of batch files (ARCHITECTURE.md §3): names, decimal integers,
// quoted strings, the punctuation ( ) [ ] { } , : = . - * and comments. It reads one logical
// line at a time (physical lines joined while brackets are open, as Python does) so that the
// parser can skip blocks it does not interpret (the GPU helper of batt files) without
// tokenizing them. Limits on file size, line count, logical-line length and token length are
// enforced here with clear diagnostics. Never throws.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "program/diagnostic.hpp"

namespace batt::program {

// Limits on hostile input; the defaults are far above what card.py or a solver file produces.
struct Limits {
  std::size_t max_file_bytes = std::size_t{256} << 20;  // 256 MiB
  std::size_t max_lines = 4'000'000;
  std::size_t max_logical_line = std::size_t{1} << 20;  // bytes of one (joined) statement
  std::size_t max_token = 256;  // bytes of a name or a number (strings: 64 KiB)
  int max_nesting = 64;         // brackets open at once
  std::size_t max_canonical_bytes = std::size_t{1} << 20;  // inlined text of one candidate
};

enum class Tok : std::uint8_t {
  Name,
  Int,
  String,  // text includes the quotes
  LParen,
  RParen,
  LBracket,
  RBracket,
  LBrace,
  RBrace,
  Comma,
  Colon,
  Equals,
  Dot,
  Minus,
  Star,
};

struct Token {
  Tok kind;
  std::string_view text;
  int line;  // 1-based
  int col;   // 1-based
};

struct LogicalLine {
  int line = 0;    // 1-based number of its first physical line
  int indent = 0;  // column of its first token, 0-based (a tab advances to a multiple of 8)
  std::vector<Token> tokens;
  bool bad = false;  // a lexical error was reported; tokens stop before it
};

class Lexer {
 public:
  Lexer(std::string_view source, std::string file, Diagnostics& diags, const Limits& limits);

  // The next logical line with at least one token; false at the end of the input.
  bool next(LogicalLine& out);

  // Skips the body of a block whose header line is indented by `indent`: every following
  // physical line that is blank, a comment, or indented deeper. The body is not tokenized.
  void skip_block(int indent);

  // Tokenizes a fragment of the file that is not a whole line (the text of a string literal,
  // e.g. a t_call value), positioned at (line, col). False, with a diagnostic, on an error.
  bool lex_fragment(std::string_view fragment, int line, int col, std::vector<Token>& out);

  // Physical line `line` (1-based) without its newline, for diagnostics.
  std::string_view source_line(int line) const;
  const std::string& file() const noexcept { return file_; }
  // False when the whole file was refused (too big, too many lines).
  bool usable() const noexcept { return usable_; }

  void error(int line, int col, std::string message);

 private:
  bool lex_line(LogicalLine& out);
  // Tokens of one physical line (or fragment) starting at column `col0`; brackets tracked in
  // `depth`; `joined` set for a trailing backslash. False after reporting an error.
  bool scan(std::string_view text, int line, int col0, std::vector<Token>& out, int& depth,
            bool& joined);
  static int indent_of(std::string_view physical) noexcept;

  std::string_view src_;
  std::string file_;
  Diagnostics& diags_;
  Limits limits_;
  std::vector<std::size_t> starts_;  // offset of every physical line
  std::size_t next_line_ = 0;        // 0-based index of the next physical line to read
  bool usable_ = true;
};

}  // namespace batt::program
