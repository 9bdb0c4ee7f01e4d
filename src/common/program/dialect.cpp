#include "program/dialect.hpp"

#include <unordered_map>

#include "program/names.hpp"

namespace batt::program {

namespace {

// First occurrence, in source order, of a name of each exclusive kind under `e`.
struct Scan {
  FileDialect& out;
  std::unordered_map<std::string_view, std::optional<dsl::Dialect>> known;  // per distinct name

  static bool before(const Expr& e, const std::optional<DialectEvidence>& seen) noexcept {
    return !seen || e.line < seen->line || (e.line == seen->line && e.col < seen->col);
  }

  void expr(const Expr& e) {
    if (e.kind == Expr::Kind::Name) {
      auto [it, fresh] = known.try_emplace(e.name);
      if (fresh) it->second = dialect_of_name(e.name);
      const std::optional<dsl::Dialect> d = it->second;
      if (!d) return;
      std::optional<DialectEvidence>& slot = *d == dsl::Dialect::ArcDsl ? out.arc : out.tok;
      if (before(e, slot)) slot = DialectEvidence{e.name, e.line, e.col};
      return;
    }
    for (const Expr& c : e.items) expr(c);
  }
};

// `def solve(S, I, C)`, `def solve_<id>(S, I, C)` (solvers_pre.py), `def differ(S, I, C)`:
// arc-dsl solvers take `(I)`.
bool tokpidjin_signature(const FunctionDef& fn) noexcept {
  return fn.params.size() == 3 && fn.params[0] == "S" && fn.params[1] == "I" && fn.params[2] == "C";
}

}  // namespace

const char* dialect_name(dsl::Dialect d) noexcept {
  return d == dsl::Dialect::Tokpidjin ? "tokpidjin" : "arc-dsl";
}

const char* choice_name(DialectChoice c) noexcept {
  switch (c) {
    case DialectChoice::Auto:
      return "auto";
    case DialectChoice::ArcDsl:
      return "arc-dsl";
    case DialectChoice::Tokpidjin:
      return "tokpidjin";
  }
  return "auto";
}

bool parse_dialect_choice(std::string_view text, DialectChoice& out) noexcept {
  for (const DialectChoice c :
       {DialectChoice::Auto, DialectChoice::ArcDsl, DialectChoice::Tokpidjin}) {
    if (text == choice_name(c)) {
      out = c;
      return true;
    }
  }
  return false;
}

std::optional<dsl::Dialect> dialect_of_name(std::string_view name) noexcept {
  auto known = [&](dsl::Dialect d) {
    const NameClass c = classify_name(name, d);
    return c == NameClass::Constant || c == NameClass::Primitive;
  };
  const bool arc = known(dsl::Dialect::ArcDsl);
  const bool tok = known(dsl::Dialect::Tokpidjin);
  if (arc == tok) return std::nullopt;
  return arc ? dsl::Dialect::ArcDsl : dsl::Dialect::Tokpidjin;
}

namespace {

bool first_is_arc(const FileDialect& f) noexcept {
  return f.arc->line < f.tok->line || (f.arc->line == f.tok->line && f.arc->col < f.tok->col);
}

std::string where(const DialectEvidence& e, dsl::Dialect d) {
  return std::string(e.name) + " (" + dialect_name(d) + ") at " + std::to_string(e.line) + ":" +
         std::to_string(e.col);
}

}  // namespace

std::string FileDialect::mix_message() const {
  const std::string a = where(*arc, dsl::Dialect::ArcDsl);
  const std::string t = where(*tok, dsl::Dialect::Tokpidjin);
  return "mixes dialects: " + (first_is_arc(*this) ? a + " and " + t : t + " and " + a) +
         "; a candidate belongs to one dialect: split the file, or choose one with --dialect";
}

const DialectEvidence& FileDialect::mix_site() const noexcept {
  return first_is_arc(*this) ? *tok : *arc;
}

FileDialect file_dialect(const SyntaxTree& tree, DialectChoice choice) {
  FileDialect r;
  if (choice != DialectChoice::Auto) {
    r.dialect = choice == DialectChoice::Tokpidjin ? dsl::Dialect::Tokpidjin : dsl::Dialect::ArcDsl;
    return r;
  }
  Scan scan{r, {}};
  bool signature = false;
  for (const FunctionDef& fn : tree.functions) {
    signature = signature || tokpidjin_signature(fn);
    for (const Assign& a : fn.body) scan.expr(a.value);
    if (fn.result) scan.expr(*fn.result);
  }
  if (tree.batt) {
    for (const Assign& a : tree.batt->lines) {
      if (!a.broken) scan.expr(a.value);
    }
  }
  for (const CallMapEntry& e : tree.call_map) scan.expr(e.call);
  if (r.arc && r.tok) return r;  // mixed: no dialect
  if (r.arc) {
    r.dialect = dsl::Dialect::ArcDsl;
  } else if (r.tok || tree.format != FileFormat::Solver || signature) {
    r.dialect = dsl::Dialect::Tokpidjin;
  } else {
    r.dialect = dsl::Dialect::ArcDsl;
  }
  return r;
}

}  // namespace batt::program
