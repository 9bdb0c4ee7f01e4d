#include "program/parser.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>

namespace batt::program {

namespace {

// Python keywords that can never be a name in an expression of the subset.
bool is_keyword(std::string_view s) noexcept {
  static constexpr std::array<std::string_view, 24> kKeywords = {
      "and",    "as",   "assert", "break",   "class", "continue", "def",    "del",
      "elif",   "else", "except", "finally", "for",   "from",     "global", "if",
      "import", "in",   "is",     "lambda",  "not",   "or",       "return", "while"};
  for (std::string_view k : kKeywords) {
    if (s == k) return true;
  }
  return s == "try" || s == "with" || s == "yield" || s == "pass" || s == "raise";
}

std::string near(const Token& t) {
  return " near '" + std::string(t.text.substr(0, 40)) + "'";
}

// A position in the tokens of one logical line.
class Cursor {
 public:
  explicit Cursor(const std::vector<Token>& toks) : toks_(toks) {}
  bool done() const noexcept { return i_ >= toks_.size(); }
  const Token* peek(std::size_t ahead = 0) const noexcept {
    return i_ + ahead < toks_.size() ? &toks_[i_ + ahead] : nullptr;
  }
  bool at(Tok k, std::size_t ahead = 0) const noexcept {
    const Token* t = peek(ahead);
    return t && t->kind == k;
  }
  bool at_name(std::string_view s, std::size_t ahead = 0) const noexcept {
    const Token* t = peek(ahead);
    return t && t->kind == Tok::Name && t->text == s;
  }
  const Token& take() noexcept { return toks_[i_++]; }
  // The token at the cursor, or the last one when past the end (for error positions).
  const Token& here() const noexcept { return done() ? toks_.back() : toks_[i_]; }

 private:
  const std::vector<Token>& toks_;
  std::size_t i_ = 0;
};

class Parser {
 public:
  Parser(std::string_view text, const std::string& file, Diagnostics& diags, const Limits& limits)
      : lex_(text, file, diags, limits), max_nesting_(limits.max_nesting) {}

  SyntaxTree run(FileFormat format) {
    tree_.format = format;
    if (!lex_.usable()) {
      tree_.rejected = true;
      return std::move(tree_);
    }
    switch (format) {
      case FileFormat::Solver:
        solver_file();
        break;
      case FileFormat::Batt:
        batt_file();
        break;
      case FileFormat::CallMap:
        call_map_file();
        break;
    }
    return std::move(tree_);
  }

 private:
  // ---- lines ----------------------------------------------------------------------------
  const LogicalLine* peek_line() {
    if (!peeked_) {
      LogicalLine l;
      if (!lex_.next(l)) return nullptr;
      peeked_ = std::move(l);
    }
    return &*peeked_;
  }
  LogicalLine take_line() {
    LogicalLine l = std::move(*peeked_);
    peeked_.reset();
    return l;
  }
  // The body of a block: the next line, if it is indented deeper than `indent`.
  const LogicalLine* body_line(int indent) {
    const LogicalLine* l = peek_line();
    return (l && l->indent > indent) ? l : nullptr;
  }
  // Skips a block's body without tokenizing it (the GPU helper may hold any Python). A line
  // already peeked is either the first line of the body (dropped with the rest) or the first
  // line after the block (kept: the block was empty).
  void skip_block(int indent) {
    if (peeked_) {
      if (peeked_->indent <= indent) return;
      peeked_.reset();
    }
    lex_.skip_block(indent);
  }

  void error(const Token& t, std::string message) { lex_.error(t.line, t.col, std::move(message)); }
  void error(int line, int col, std::string message) { lex_.error(line, col, std::move(message)); }

  // ---- expressions ----------------------------------------------------------------------
  bool expect(Cursor& c, Tok k, const char* what) {
    if (c.at(k)) {
      c.take();
      return true;
    }
    if (c.done()) {
      error(c.here().line, c.here().col + static_cast<int>(c.here().text.size()),
            std::string("expected ") + what + " at the end of the line");
    } else {
      error(c.here(), std::string("expected ") + what + near(c.here()));
    }
    return false;
  }

  bool parse_int(const Token& t, bool negative, std::int64_t& out) {
    std::int64_t v = 0;
    std::from_chars(t.text.data(), t.text.data() + t.text.size(), v);
    out = negative ? -v : v;
    return true;
  }

  bool primary(Cursor& c, Expr& out) {
    if (c.done()) {
      error(c.here().line, c.here().col + static_cast<int>(c.here().text.size()),
            "expected an expression at the end of the line");
      return false;
    }
    const Token& t = c.here();
    out = {};
    out.line = t.line;
    out.col = t.col;
    if (t.kind == Tok::Name) {
      if (is_keyword(t.text)) {
        error(t, "unexpected keyword '" + std::string(t.text) + "' in an expression");
        return false;
      }
      c.take();
      out.kind = Expr::Kind::Name;
      out.name = t.text;
      return true;
    }
    if (t.kind == Tok::Int || (t.kind == Tok::Minus && c.at(Tok::Int, 1))) {
      const bool negative = t.kind == Tok::Minus;
      if (negative) c.take();
      out.kind = Expr::Kind::Int;
      return parse_int(c.take(), negative, out.value);
    }
    if (t.kind == Tok::LParen) {
      c.take();
      out.kind = Expr::Kind::Tuple;
      if (c.at(Tok::RParen)) {
        c.take();
        return true;
      }
      bool comma = false;
      while (true) {
        Expr item;
        if (!expr(c, item)) return false;
        out.items.push_back(std::move(item));
        if (c.at(Tok::Comma)) {
          c.take();
          comma = true;
          if (c.at(Tok::RParen)) break;
          continue;
        }
        break;
      }
      if (!expect(c, Tok::RParen, "')'")) return false;
      if (!comma) {  // `(x)` is just x
        Expr inner = std::move(out.items.front());
        out = std::move(inner);
      }
      return true;
    }
    if (t.kind == Tok::String) {
      error(t, "a string cannot be an argument: only names, integers and tuples of them");
    } else {
      error(t, "expected a name, an integer or '('" + near(t));
    }
    return false;
  }

  bool expr(Cursor& c, Expr& out) {
    if (!primary(c, out)) return false;
    int chained = 0;
    while (c.at(Tok::LParen)) {
      // f(a)(b)(c)... nests callees: bounded like brackets, so later walks stay shallow.
      if (++chained > max_nesting_) {
        error(c.here(), "calls chained deeper than " + std::to_string(max_nesting_));
        return false;
      }
      Expr call;
      call.kind = Expr::Kind::Call;
      call.line = out.line;
      call.col = out.col;
      call.items.push_back(std::move(out));
      c.take();
      if (!c.at(Tok::RParen)) {
        while (true) {
          if (c.at(Tok::Name) && c.at(Tok::Equals, 1)) {
            error(c.here(), "keyword arguments are not supported" + near(c.here()));
            return false;
          }
          Expr arg;
          if (!expr(c, arg)) return false;
          call.items.push_back(std::move(arg));
          if (c.at(Tok::Comma)) {
            c.take();
            if (c.at(Tok::RParen)) break;
            continue;
          }
          break;
        }
      }
      if (!expect(c, Tok::RParen, "')'")) return false;
      out = std::move(call);
    }
    return true;
  }

  // A whole-line expression: nothing may follow it.
  bool full_expr(Cursor& c, Expr& out) {
    if (!expr(c, out)) return false;
    if (!c.done()) {
      error(c.here(), "unexpected" + near(c.here()) + " after the expression");
      return false;
    }
    return true;
  }

  // `def NAME(p, ...):` on line `l`. False (reported) when malformed.
  bool def_header(const LogicalLine& l, std::string_view& name,
                  std::vector<std::string_view>& params) {
    Cursor c(l.tokens);
    c.take();  // def
    if (!c.at(Tok::Name)) {
      error(c.here(), "expected a function name after 'def'");
      return false;
    }
    name = c.take().text;
    if (!expect(c, Tok::LParen, "'('")) return false;
    while (!c.at(Tok::RParen)) {
      if (!c.at(Tok::Name)) {
        error(c.here(), "expected a parameter name" + near(c.here()));
        return false;
      }
      params.push_back(c.take().text);
      if (c.at(Tok::Comma)) c.take();
    }
    c.take();
    if (!expect(c, Tok::Colon, "':'")) return false;
    if (!c.done()) {
      error(c.here(), "unexpected" + near(c.here()) + " after the function header");
      return false;
    }
    return true;
  }

  // `from a.b import x, y` / `from a import *` / `import a [as b]`: accepted and ignored.
  bool import_line(const LogicalLine& l) {
    for (const Token& t : l.tokens) {
      if (t.kind != Tok::Name && t.kind != Tok::Dot && t.kind != Tok::Comma &&
          t.kind != Tok::Star && t.kind != Tok::LParen && t.kind != Tok::RParen) {
        error(t, "malformed import" + near(t));
        return false;
      }
    }
    return true;
  }

  // `NAME = expr` where the line starts with a name followed by '='.
  bool assignment(const LogicalLine& l, Assign& out) {
    Cursor c(l.tokens);
    const Token& target = c.take();
    c.take();  // '='
    out.target = target.text;
    out.line = target.line;
    out.col = target.col;
    return full_expr(c, out.value);
  }

  static bool is_assignment(const LogicalLine& l) {
    return l.tokens.size() >= 2 && l.tokens[0].kind == Tok::Name && l.tokens[1].kind == Tok::Equals;
  }

  // ---- solver files -----------------------------------------------------------------------
  // The next module-level statement other than an import: lines already reported as bad,
  // indented lines and imports are consumed here. False at the end of the file.
  bool module_statement(LogicalLine& out) {
    while (peek_line()) {
      out = take_line();
      if (out.bad) continue;
      if (out.indent != 0) {
        error(out.tokens[0], "unexpected indentation");
        continue;
      }
      if (out.tokens[0].text == "from" || out.tokens[0].text == "import") {
        import_line(out);
        continue;
      }
      return true;
    }
    return false;
  }

  void solver_file() {
    LogicalLine l;
    while (module_statement(l)) {
      if (l.tokens[0].text == "def") {
        function(l);
        continue;
      }
      error(l.tokens[0], "unsupported statement" + near(l.tokens[0]) +
                             ": a solver file holds imports and solve/differ functions");
    }
  }

  void function(const LogicalLine& header) {
    FunctionDef fn;
    fn.line = header.line;
    if (!def_header(header, fn.name, fn.params)) {
      skip_block(header.indent);
      return;
    }
    const bool known = fn.name == "solve" || fn.name.starts_with("solve_") || fn.name == "differ" ||
                       fn.name.starts_with("differ_");
    if (!known) {
      error(header.tokens[1], "unsupported function '" + std::string(fn.name) +
                                  "': a solver file holds solve_<task>, solve or differ functions");
      skip_block(header.indent);
      return;
    }
    while (body_line(header.indent)) {
      const LogicalLine l = take_line();
      if (l.bad) {
        fn.broken = true;
        continue;
      }
      if (fn.result) {
        lex_.error(l.line, l.tokens[0].col, "statement after 'return' is never run");
        fn.broken = true;
        continue;
      }
      if (l.tokens[0].text == "return") {
        Cursor c(l.tokens);
        c.take();
        Expr e;
        if (full_expr(c, e)) {
          fn.result = std::move(e);
          fn.return_line = l.line;
        } else {
          fn.broken = true;
        }
        continue;
      }
      Assign a;
      if (is_assignment(l) && !is_keyword(l.tokens[0].text)) {
        if (assignment(l, a)) {
          fn.body.push_back(std::move(a));
        } else {
          fn.broken = true;
        }
        continue;
      }
      error(l.tokens[0], "unsupported statement" + near(l.tokens[0]) +
                             ": a function body holds `name = call(...)` lines and a return");
      fn.broken = true;
      skip_block(l.indent);
    }
    if (!fn.result && !fn.broken) {
      error(header.line, header.tokens[1].col,
            "function '" + std::string(fn.name) + "' has no return statement");
      fn.broken = true;
    }
    tree_.functions.push_back(std::move(fn));
  }

  // ---- batt files -------------------------------------------------------------------------
  void batt_file() {
    bool seen = false;
    LogicalLine l;
    while (module_statement(l)) {
      const Token& t0 = l.tokens[0];
      const bool block = l.tokens.back().kind == Tok::Colon;
      if (block && (t0.text == "try" || t0.text == "except" || t0.text == "else" ||
                    t0.text == "finally" || t0.text == "if" || t0.text == "elif")) {
        skip_block(l.indent);  // header configuration (GPU flags): never run
        continue;
      }
      if (is_assignment(l) && !seen) continue;  // header constants
      if (t0.text == "def") {
        std::string_view name;
        std::vector<std::string_view> params;
        if (!def_header(l, name, params)) {
          skip_block(l.indent);
          continue;
        }
        if (name == "batch_process_samples_gpu") {
          skip_block(l.indent);  // recognised, not run: F4 lines use its CPU meaning
          continue;
        }
        if (name != "batt") {
          error(l.tokens[1], "unsupported function '" + std::string(name) + "' in a batt file");
          skip_block(l.indent);
          continue;
        }
        if (seen) {
          error(l.tokens[1], "second 'def batt' in one file");
          skip_block(l.indent);
          continue;
        }
        seen = true;
        static constexpr std::array<std::string_view, 5> kParams = {"task_id", "S", "I", "C",
                                                                    "log_path"};
        if (params.size() == 3 && params[0] == "S" && params[1] == "I" && params[2] == "O") {
          error(l.tokens[1],
                "old batt format 'def batt(S, I, O)' (tokpidjin before 2025-10-12) is not "
                "supported: regenerate the file with a current card.py");
          tree_.rejected = true;
          return;
        }
        if (!std::equal(params.begin(), params.end(), kParams.begin(), kParams.end())) {
          error(l.tokens[1], "expected 'def batt(task_id, S, I, C, log_path):'");
          tree_.rejected = true;
          return;
        }
        batt_body(l);
        continue;
      }
      error(t0, "unsupported statement" + near(t0) + " in a batt file");
    }
    if (!seen && !tree_.rejected) {
      error(0, 0, "no 'def batt(task_id, S, I, C, log_path):' in a batt file");
      tree_.rejected = true;
    }
  }

  void batt_body(const LogicalLine& header) {
    BattDef b;
    b.line = header.line;
    bool returned = false;
    while (body_line(header.indent)) {
      const LogicalLine l = take_line();
      if (l.bad) {
        if (is_assignment(l)) broken_line(b, l.tokens[0]);
        continue;
      }
      if (returned) {
        error(l.tokens[0], "statement after 'return o, s'");
        continue;
      }
      batt_statement(l, b, returned);
    }
    if (!returned) error(header.line, 1, "batt function does not end with 'return o, s'");
    tree_.batt = std::move(b);
  }

  void batt_statement(const LogicalLine& l, BattDef& b, bool& returned) {
    Cursor c(l.tokens);
    const Token& t0 = l.tokens[0];
    // s = [] / o = []
    if ((t0.text == "s" || t0.text == "o") && l.tokens.size() == 4 &&
        l.tokens[1].kind == Tok::Equals && l.tokens[2].kind == Tok::LBracket &&
        l.tokens[3].kind == Tok::RBracket) {
      return;
    }
    if (t0.text == "return") {
      if (l.tokens.size() == 4 && l.tokens[1].text == "o" && l.tokens[2].kind == Tok::Comma &&
          l.tokens[3].text == "s") {
        returned = true;
      } else {
        error(t0, "a batt function ends with 'return o, s'");
      }
      return;
    }
    if (t0.text == "try" && l.tokens.size() == 2 && l.tokens[1].kind == Tok::Colon) {
      protected_assignment(l, b);
      return;
    }
    if ((t0.text == "o" || t0.text == "s") && c.at(Tok::Dot, 1) && c.at_name("append", 2)) {
      record(l, b);
      return;
    }
    if (t0.kind == Tok::Name && c.at(Tok::Comma, 1)) {
      tuple_assignment(l, b);
      return;
    }
    if (is_assignment(l) && !is_keyword(t0.text)) {
      Assign a;
      if (assignment(l, a)) {
        b.lines.push_back(std::move(a));
      } else {
        broken_line(b, l.tokens[0]);
      }
      return;
    }
    error(t0, "unsupported statement" + near(t0) + " in a batt function");
    if (l.tokens.back().kind == Tok::Colon) skip_block(l.indent);
  }

  // Records that the line assigning `target` failed: what depends on it is reported later.
  static void broken_line(BattDef& b, const Token& target) {
    Assign a;
    a.target = target.text;
    a.line = target.line;
    a.col = target.col;
    a.broken = true;
    b.lines.push_back(std::move(a));
  }

  // F2: try: / tN = CALL / except (...): / tN = _get_safe_default(CALLEE)
  void protected_assignment(const LogicalLine& try_line, BattDef& b) {
    const LogicalLine* body = body_line(try_line.indent);
    if (!body) {
      error(try_line.line, try_line.tokens[0].col, "'try:' without a body");
      return;
    }
    const LogicalLine line = take_line();
    Assign a;
    bool ok = !line.bad && is_assignment(line) && assignment(line, a);
    if (!line.bad && !is_assignment(line))
      error(line.tokens[0], "expected 'tN = call(...)' in the try body");
    if (ok) a.protected_ = true;
    // except clause at the try's indentation, then the fallback line.
    const LogicalLine* ex = peek_line();
    if (!ex || ex->indent != try_line.indent || ex->tokens.empty() ||
        ex->tokens[0].text != "except" || ex->tokens.back().kind != Tok::Colon) {
      error(try_line.line, try_line.tokens[0].col, "'try:' without its 'except ...:' clause");
      if (ok) b.lines.push_back(std::move(a));
      return;
    }
    take_line();
    if (body_line(try_line.indent)) {
      const LogicalLine fallback = take_line();
      const bool shape = !fallback.bad && fallback.tokens.size() == 6 && is_assignment(fallback) &&
                         fallback.tokens[2].text == "_get_safe_default" &&
                         fallback.tokens[3].kind == Tok::LParen &&
                         fallback.tokens[5].kind == Tok::RParen;
      if (!shape) {
        error(fallback.tokens.empty() ? try_line.line : fallback.line, 1,
              "expected 'tN = _get_safe_default(callee)' in the except body");
      } else if (ok && fallback.tokens[0].text != a.target) {
        error(fallback.tokens[0], "the _get_safe_default fallback assigns '" +
                                      std::string(fallback.tokens[0].text) +
                                      "' but the try body assigns '" + std::string(a.target) + "'");
      }
    } else {
      error(try_line.line, try_line.tokens[0].col, "'except ...:' without a body");
    }
    if (ok) {
      b.lines.push_back(std::move(a));
    } else if (is_assignment(line)) {
      broken_line(b, line.tokens[0]);
    }
  }

  // F4: tA, tB, tC, tD = batch_process_samples_gpu(S), in its CPU meaning (§2.2).
  void tuple_assignment(const LogicalLine& l, BattDef& b) {
    Cursor c(l.tokens);
    std::vector<const Token*> targets;
    while (c.at(Tok::Name)) {
      targets.push_back(&c.take());
      if (!c.at(Tok::Comma)) break;
      c.take();
    }
    if (!expect(c, Tok::Equals, "'='")) return;
    Expr value;
    if (!full_expr(c, value)) {
      for (const Token* t : targets) broken_line(b, *t);
      return;
    }
    const bool helper = value.kind == Expr::Kind::Call && value.items.size() == 2 &&
                        value.items[0].kind == Expr::Kind::Name &&
                        value.items[0].name == "batch_process_samples_gpu" &&
                        value.items[1].kind == Expr::Kind::Name && value.items[1].name == "S";
    if (!helper || targets.size() != 4) {
      error(l.tokens[0],
            "a tuple assignment is only supported as "
            "'tA, tB, tC, tD = batch_process_samples_gpu(S)'");
      for (const Token* t : targets) broken_line(b, *t);
      return;
    }
    auto name = [&](std::string_view n) {
      Expr e;
      e.kind = Expr::Kind::Name;
      e.name = n;
      e.line = l.line;
      e.col = l.tokens[0].col;
      return e;
    };
    auto call = [&](std::string_view f, Expr x, Expr y) {
      Expr e;
      e.kind = Expr::Kind::Call;
      e.line = l.line;
      e.col = l.tokens[0].col;
      e.items = {name(f), std::move(x), std::move(y)};
      return e;
    };
    // tA = apply(first, S); tB = apply(second, S); tC = mapply(p_g, tA); tD = mapply(p_g, tB)
    const std::array<Expr, 4> meaning = {call("apply", name("first"), name("S")),
                                         call("apply", name("second"), name("S")),
                                         call("mapply", name("p_g"), name(targets[0]->text)),
                                         call("mapply", name("p_g"), name(targets[1]->text))};
    for (std::size_t k = 0; k < 4; ++k) {
      Assign a;
      a.target = targets[k]->text;
      a.value = meaning[k];
      a.line = targets[k]->line;
      a.col = targets[k]->col;
      b.lines.push_back(std::move(a));
    }
  }

  // F5/F6: o.append((N, evo, 'task', tN)) and s.append((N, 'task', 'differ', tN)).
  void record(const LogicalLine& l, BattDef& b) {
    const std::vector<Token>& t = l.tokens;
    const bool output = t[0].text == "o";
    // o . append ( ( INT , X , STRING , NAME ) )
    const bool shape = t.size() == 14 && t[3].kind == Tok::LParen && t[4].kind == Tok::LParen &&
                       t[5].kind == Tok::Int && t[6].kind == Tok::Comma &&
                       t[8].kind == Tok::Comma && t[9].kind == Tok::String &&
                       t[10].kind == Tok::Comma && t[11].kind == Tok::Name &&
                       t[12].kind == Tok::RParen && t[13].kind == Tok::RParen;
    const bool second_ok = output ? (t.size() > 7 && (t[7].text == "True" || t[7].text == "False"))
                                  : (t.size() > 7 && t[7].kind == Tok::String);
    if (!shape || !second_ok) {
      error(t[0], output ? "expected 'o.append((N, True|False, \"task\", tN))'"
                         : "expected 's.append((N, \"task\", \"differ_name\", tN))'");
      return;
    }
    BattRecord r;
    r.kind = output ? BattRecord::Kind::Output : BattRecord::Kind::Differ;
    parse_int(t[5], false, r.number);
    auto unquote = [](std::string_view s) { return std::string(s.substr(1, s.size() - 2)); };
    if (output) {
      r.evo = t[7].text == "True";
      r.task = unquote(t[9].text);
    } else {
      r.task = unquote(t[7].text);  // 'None': the base block, tied to no solver
      if (r.task == "None") r.task.clear();
      r.differ = unquote(t[9].text);
    }
    r.var = t[11].text;
    r.after = b.lines.size();
    r.line = l.line;
    r.col = t[0].col;
    if (r.var != "t" + std::to_string(r.number)) {
      error(t[11], "record number " + std::to_string(r.number) + " does not match '" +
                       std::string(r.var) + "'");
    }
    b.records.push_back(std::move(r));
  }

  // ---- call maps --------------------------------------------------------------------------
  void call_map_file() {
    bool seen = false;
    while (peek_line()) {
      const LogicalLine l = take_line();
      if (l.bad) continue;
      Cursor c(l.tokens);
      if (!(c.at_name("t_call") && c.at(Tok::Equals, 1) && c.at(Tok::LBrace, 2))) {
        error(l.tokens[0], "expected 't_call = {N: \"callee, args\", ...}'");
        continue;
      }
      if (seen) {
        error(l.tokens[0], "second 't_call' in one file");
        continue;
      }
      seen = true;
      c.take();
      c.take();
      c.take();
      while (!c.at(Tok::RBrace)) {
        if (!(c.at(Tok::Int) && c.at(Tok::Colon, 1) && c.at(Tok::String, 2))) {
          error(c.here(), "expected 'N: \"call\"'" + near(c.here()));
          return;
        }
        CallMapEntry e;
        parse_int(c.take(), false, e.number);
        c.take();
        const Token& s = c.take();
        e.line = s.line;
        e.col = s.col;
        if (call_map_value(s, e.call)) tree_.call_map.push_back(std::move(e));
        if (c.at(Tok::Comma)) c.take();
      }
    }
    if (!seen) {
      error(0, 0, "no 't_call = {...}' in a call map file");
      tree_.rejected = true;
    }
  }

  // One t_call value: 'callee, a, b' (comma form; 'tK, ' is a call without arguments; a
  // legacy '.t' suffix is dropped) or 'callee(a, b)' (parenthesised helper form).
  bool call_map_value(const Token& s, Expr& out) {
    const std::string_view body = s.text.substr(1, s.text.size() - 2);
    std::vector<Token> toks;
    if (!lex_.lex_fragment(body, s.line, s.col + 1, toks)) return false;
    if (toks.empty()) {
      error(s, "empty call in the t_call map");
      return false;
    }
    Cursor c(toks);
    // 'callee(args)' has '(' right after the callee; in 'callee, args' an argument may itself
    // be a tuple or a call.
    const bool parenthesised = toks.size() > 1 && toks[1].kind == Tok::LParen;
    if (parenthesised) {
      if (!full_expr(c, out)) return false;
      if (out.kind != Expr::Kind::Call) {
        error(s, "expected a call in the t_call map");
        return false;
      }
      return true;
    }
    out = {};
    out.kind = Expr::Kind::Call;
    out.line = s.line;
    out.col = s.col + 1;
    while (!c.done()) {
      Expr item;
      if (!expr(c, item)) return false;
      if (c.at(Tok::Dot) && c.at_name("t", 1)) {  // 't5.t' (before 09df3276)
        c.take();
        c.take();
      }
      out.items.push_back(std::move(item));
      if (c.done()) break;
      if (!expect(c, Tok::Comma, "','")) return false;
    }
    return true;
  }

  Lexer lex_;
  int max_nesting_;
  std::optional<LogicalLine> peeked_;
  SyntaxTree tree_;
};

bool line_starts_with(std::string_view text, std::string_view prefix) noexcept {
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (text.substr(pos, prefix.size()) == prefix) return true;
    pos = text.find('\n', pos);
    if (pos == std::string_view::npos) break;
    ++pos;
  }
  return false;
}

}  // namespace

FileFormat detect_format(std::string_view text) noexcept {
  if (line_starts_with(text, "t_call =") || line_starts_with(text, "t_call=")) {
    return FileFormat::CallMap;
  }
  if (line_starts_with(text, "def batt(") || line_starts_with(text, "def batt (")) {
    return FileFormat::Batt;
  }
  return FileFormat::Solver;
}

SyntaxTree parse_syntax(std::string_view text, const std::string& file, Diagnostics& diags,
                        const Limits& limits) {
  Parser p(text, file, diags, limits);
  return p.run(detect_format(text));
}

}  // namespace batt::program
