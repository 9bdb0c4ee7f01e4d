#include "program/lexer.hpp"

#include <cstdio>

namespace batt::program {

namespace {

bool is_name_start(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_name_char(char c) noexcept {
  return is_name_start(c) || (c >= '0' && c <= '9');
}
bool is_digit(char c) noexcept {
  return c >= '0' && c <= '9';
}

// Printable form of a character for a message: 'x', or \xNN for anything unprintable.
std::string shown(char c) {
  const auto u = static_cast<unsigned char>(c);
  if (u >= 0x20 && u < 0x7f) return std::string("'") + c + "'";
  char buf[8];
  std::snprintf(buf, sizeof buf, "\\x%02x", u);
  return buf;
}

constexpr std::size_t kMaxString = std::size_t{64} << 10;

}  // namespace

Lexer::Lexer(std::string_view source, std::string file, Diagnostics& diags, const Limits& limits)
    : src_(source), file_(std::move(file)), diags_(diags), limits_(limits) {
  if (src_.size() > limits_.max_file_bytes) {
    error(0, 0,
          "file is " + std::to_string(src_.size()) + " bytes, over the limit of " +
              std::to_string(limits_.max_file_bytes));
    usable_ = false;
    return;
  }
  starts_.push_back(0);
  for (std::size_t i = 0; i < src_.size(); ++i) {
    if (src_[i] == '\n' && i + 1 < src_.size()) {
      starts_.push_back(i + 1);
      if (starts_.size() > limits_.max_lines) {
        error(0, 0, "file has more than " + std::to_string(limits_.max_lines) + " lines");
        usable_ = false;
        return;
      }
    }
  }
  if (src_.empty()) starts_.clear();
}

std::string_view Lexer::source_line(int line) const {
  if (line < 1 || static_cast<std::size_t>(line) > starts_.size()) return {};
  const std::size_t b = starts_[static_cast<std::size_t>(line - 1)];
  std::size_t e = src_.find('\n', b);
  if (e == std::string_view::npos) e = src_.size();
  if (e > b && src_[e - 1] == '\r') --e;
  return src_.substr(b, e - b);
}

void Lexer::error(int line, int col, std::string message) {
  diags_.error(file_, line, col, std::move(message), source_line(line));
}

int Lexer::indent_of(std::string_view physical) noexcept {
  int col = 0;
  for (char c : physical) {
    if (c == ' ') {
      ++col;
    } else if (c == '\t') {
      col = (col / 8 + 1) * 8;
    } else if (c != '\f') {
      break;
    }
  }
  return col;
}

namespace {
bool blank_or_comment(std::string_view s) noexcept {
  for (char c : s) {
    if (c == '#') return true;
    if (c != ' ' && c != '\t' && c != '\f' && c != '\r') return false;
  }
  return true;
}
}  // namespace

bool Lexer::next(LogicalLine& out) {
  if (!usable_) return false;
  while (next_line_ < starts_.size()) {
    if (blank_or_comment(source_line(static_cast<int>(next_line_ + 1)))) {
      ++next_line_;
      continue;
    }
    if (lex_line(out) && (!out.tokens.empty() || out.bad)) return true;
  }
  return false;
}

void Lexer::skip_block(int indent) {
  while (next_line_ < starts_.size()) {
    const std::string_view s = source_line(static_cast<int>(next_line_ + 1));
    if (!blank_or_comment(s) && indent_of(s) <= indent) return;
    ++next_line_;
  }
}

bool Lexer::lex_line(LogicalLine& out) {
  out = {};
  out.line = static_cast<int>(next_line_ + 1);
  out.indent = indent_of(source_line(out.line));
  int depth = 0;
  std::size_t total = 0;
  while (next_line_ < starts_.size()) {
    const int line = static_cast<int>(next_line_ + 1);
    const std::string_view text = source_line(line);
    ++next_line_;
    total += text.size();
    if (total > limits_.max_logical_line) {
      error(line, 1,
            "statement longer than " + std::to_string(limits_.max_logical_line) + " bytes");
      out.bad = true;
      return true;
    }
    bool joined = false;
    if (!scan(text, line, 1, out.tokens, depth, joined)) {
      out.bad = true;
      return true;
    }
    if (depth == 0 && !joined) return true;
  }
  // The file ended inside brackets: point at the outermost bracket that is never closed.
  std::vector<const Token*> open;
  for (const Token& t : out.tokens) {
    if (t.kind == Tok::LParen || t.kind == Tok::LBracket || t.kind == Tok::LBrace) {
      open.push_back(&t);
    } else if ((t.kind == Tok::RParen || t.kind == Tok::RBracket || t.kind == Tok::RBrace) &&
               !open.empty()) {
      open.pop_back();
    }
  }
  if (!open.empty()) {
    error(open.front()->line, open.front()->col,
          "'" + std::string(open.front()->text) + "' is never closed (the file ends first)");
  } else {
    const int last = static_cast<int>(starts_.size());
    error(last, static_cast<int>(source_line(last).size()) + 1, "unexpected end of file");
  }
  out.bad = true;
  return true;
}

bool Lexer::lex_fragment(std::string_view fragment, int line, int col, std::vector<Token>& out) {
  int depth = 0;
  bool joined = false;
  if (!scan(fragment, line, col, out, depth, joined)) return false;
  if (depth != 0 || joined) {
    error(line, col, "unbalanced brackets in '" + std::string(fragment.substr(0, 80)) + "'");
    return false;
  }
  return true;
}

bool Lexer::scan(std::string_view text, int line, int col0, std::vector<Token>& out, int& depth,
                 bool& joined) {
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    const int col = col0 + static_cast<int>(i);
    if (c == ' ' || c == '\t' || c == '\f' || c == '\r') {
      ++i;
      continue;
    }
    if (c == '#') break;
    if (c == '\\' && i + 1 == text.size()) {
      joined = true;  // a backslash at the end of the line joins the next one
      break;
    }
    auto fail = [&](std::string message) {
      error(line, col, std::move(message));
      return false;
    };
    if (is_name_start(c)) {
      std::size_t j = i;
      while (j < text.size() && is_name_char(text[j])) ++j;
      if (j - i > limits_.max_token) {
        return fail("name longer than " + std::to_string(limits_.max_token) + " characters");
      }
      out.push_back({Tok::Name, text.substr(i, j - i), line, col});
      i = j;
      continue;
    }
    if (is_digit(c)) {
      std::size_t j = i;
      while (j < text.size() && is_digit(text[j])) ++j;
      if (j < text.size() && (is_name_char(text[j]) || text[j] == '.')) {
        return fail("unsupported number literal near " + shown(text[j]) +
                    " (only decimal integers are allowed)");
      }
      if (j - i > 18) return fail("integer literal too large");
      out.push_back({Tok::Int, text.substr(i, j - i), line, col});
      i = j;
      continue;
    }
    if (c == '\'' || c == '"') {
      if (text.substr(i, 3) == std::string(3, c)) {
        return fail("triple-quoted strings are not supported here");
      }
      std::size_t j = i + 1;
      while (j < text.size() && text[j] != c) j += text[j] == '\\' ? 2 : 1;
      if (j >= text.size()) return fail("unterminated string");
      if (j - i > kMaxString) return fail("string longer than 64 KiB");
      out.push_back({Tok::String, text.substr(i, j + 1 - i), line, col});
      i = j + 1;
      continue;
    }
    Tok kind;
    switch (c) {
      case '(':
        kind = Tok::LParen;
        break;
      case ')':
        kind = Tok::RParen;
        break;
      case '[':
        kind = Tok::LBracket;
        break;
      case ']':
        kind = Tok::RBracket;
        break;
      case '{':
        kind = Tok::LBrace;
        break;
      case '}':
        kind = Tok::RBrace;
        break;
      case ',':
        kind = Tok::Comma;
        break;
      case ':':
        kind = Tok::Colon;
        break;
      case '=':
        kind = Tok::Equals;
        break;
      case '.':
        kind = Tok::Dot;
        break;
      case '-':
        kind = Tok::Minus;
        break;
      case '*':
        kind = Tok::Star;
        break;
      default:
        return fail("unexpected character " + shown(c));
    }
    if (kind == Tok::LParen || kind == Tok::LBracket || kind == Tok::LBrace) {
      if (++depth > limits_.max_nesting) {
        return fail("brackets nested deeper than " + std::to_string(limits_.max_nesting));
      }
    } else if (kind == Tok::RParen || kind == Tok::RBracket || kind == Tok::RBrace) {
      if (--depth < 0) return fail("unbalanced " + shown(c));
    }
    out.push_back({kind, text.substr(i, 1), line, col});
    ++i;
  }
  return true;
}

}  // namespace batt::program
