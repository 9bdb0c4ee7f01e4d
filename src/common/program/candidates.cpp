#include "program/candidates.hpp"

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>

#include "program/md5.hpp"
#include "program/names.hpp"
#include "program/parser.hpp"
#include "program/source_file.hpp"

namespace batt::program {

namespace {

// A candidate as found in one file, before deduplication.
struct Found {
  ProgramKind kind;
  dsl::Dialect dialect;
  NodeId root;
  Origin origin;
};

constexpr std::size_t kDialects = 2;
std::size_t dialect_index(dsl::Dialect d) noexcept {
  return static_cast<std::size_t>(d);
}

// Flags of a DAG node, computed once per node (children first): whether an unknown name or a
// dangling t-variable occurs under it. Most candidates have neither, so listing the names is
// only needed for the few that do.
enum : std::uint8_t { kHasUnknown = 1, kHasTVar = 2 };

bool same_expr(const Expr& a, const Expr& b) {
  if (a.kind != b.kind || a.name != b.name || a.value != b.value ||
      a.items.size() != b.items.size()) {
    return false;
  }
  for (std::size_t k = 0; k < a.items.size(); ++k) {
    if (!same_expr(a.items[k], b.items[k])) return false;
  }
  return true;
}

std::string expr_text(const Expr& e) {
  switch (e.kind) {
    case Expr::Kind::Name:
      return std::string(e.name);
    case Expr::Kind::Int:
      return std::to_string(e.value);
    case Expr::Kind::Tuple: {
      std::string s = "(";
      for (std::size_t k = 0; k < e.items.size(); ++k) s += (k ? ", " : "") + expr_text(e.items[k]);
      return s + (e.items.size() == 1 ? ",)" : ")");
    }
    case Expr::Kind::Call: {
      std::string s = expr_text(e.items[0]) + "(";
      for (std::size_t k = 1; k < e.items.size(); ++k)
        s += (k > 1 ? ", " : "") + expr_text(e.items[k]);
      return s + ")";
    }
  }
  return {};
}

// Every t-variable token (exact `t<digits>`) an expression uses, callee included.
void tvars_of(const Expr& e, std::vector<std::string_view>& out) {
  if (e.kind == Expr::Kind::Name) {
    if (classify_name(e.name, dsl::Dialect::ArcDsl) == NameClass::TVar) out.push_back(e.name);
    return;
  }
  for (const Expr& c : e.items) tvars_of(c, out);
}

}  // namespace

struct CorpusBuilder::Impl {
  Diagnostics& diags;
  Limits limits;
  DialectChoice choice;
  dsl::Dialect dialect = dsl::Dialect::ArcDsl;  // of the file being added
  Corpus corpus;
  std::vector<Found> found;
  // Per dialect, per DAG node (see kHasUnknown): a name known in one dialect may be unknown in
  // the other, and files of both dialects share the DAG.
  std::array<std::vector<std::uint8_t>, kDialects> flags;

  // Per file: its text (to show offending lines) and the first place each name occurs.
  std::string_view text;
  std::unordered_map<std::string_view, std::pair<int, int>> first_seen;

  Impl(Diagnostics& d, const Limits& l, DialectChoice c) : diags(d), limits(l), choice(c) {}

  using Env = std::unordered_map<std::string_view, NodeId>;

  NodeId build(const Expr& e, const Env& env) {
    switch (e.kind) {
      case Expr::Kind::Name: {
        if (auto it = env.find(e.name); it != env.end()) return it->second;
        first_seen.try_emplace(e.name, e.line, e.col);
        return corpus.dag.name(e.name);
      }
      case Expr::Kind::Int:
        return corpus.dag.integer(e.value);
      case Expr::Kind::Tuple:
      case Expr::Kind::Call: {
        std::vector<NodeId> kids;
        kids.reserve(e.items.size());
        for (const Expr& c : e.items) kids.push_back(build(c, env));
        if (e.kind == Expr::Kind::Tuple) return corpus.dag.tuple(kids);
        return corpus.dag.call(kids[0], std::span<const NodeId>(kids).subspan(1));
      }
    }
    return 0;
  }

  void update_flags() {
    const Dag& dag = corpus.dag;
    for (std::size_t d = 0; d < kDialects; ++d) {
      std::vector<std::uint8_t>& fl = flags[d];
      for (auto n = static_cast<NodeId>(fl.size()); n < dag.size(); ++n) {
        std::uint8_t f = 0;
        if (dag.kind(n) == NodeKind::Name) {
          const NameClass c = classify_name(dag.name_of(n), static_cast<dsl::Dialect>(d));
          f = c == NameClass::Unknown ? kHasUnknown : (c == NameClass::TVar ? kHasTVar : 0);
        } else {
          for (NodeId k : dag.children(n)) f |= fl[k];
        }
        fl.push_back(f);
      }
    }
  }

  // The unknown and dangling names under `root` in dialect `d` (only called when its flags
  // say so).
  void bad_names(NodeId root, dsl::Dialect d, std::set<std::string>& unknown,
                 std::set<std::string>& unresolved) {
    const Dag& dag = corpus.dag;
    const std::vector<std::uint8_t>& fl = flags[dialect_index(d)];
    std::vector<NodeId> stack{root};
    std::set<NodeId> seen;
    while (!stack.empty()) {
      const NodeId n = stack.back();
      stack.pop_back();
      if (fl[n] == 0 || !seen.insert(n).second) continue;
      if (dag.kind(n) == NodeKind::Name) {
        std::string name(dag.name_of(n));
        (classify_name(name, d) == NameClass::TVar ? unresolved : unknown).insert(std::move(name));
      }
      for (NodeId k : dag.children(n)) stack.push_back(k);
    }
  }

  // Reports, once per file and name, each unknown or dangling name that a candidate of this
  // file uses, where the name first occurs.
  void report_names(const std::string& path, std::size_t first_found) {
    std::set<std::string> unknown, unresolved;
    for (std::size_t k = first_found; k < found.size(); ++k) {
      if (flags[dialect_index(dialect)][found[k].root] != 0) {
        bad_names(found[k].root, dialect, unknown, unresolved);
      }
    }
    auto report = [&](const std::string& name, std::string msg) {
      auto it = first_seen.find(name);
      const int line = it == first_seen.end() ? 0 : it->second.first;
      const int col = it == first_seen.end() ? 0 : it->second.second;
      diags.warning(path, line, col, std::move(msg), line_of(line));
    };
    for (const std::string& name : unknown) {
      std::string msg = "unknown name '" + name + "'";
      const std::string hint = suggest_name(name, dialect);
      if (!hint.empty()) msg += " (did you mean '" + hint + "'?)";
      if (choice != DialectChoice::Auto) {
        if (const auto other = dialect_of_name(name); other && *other != dialect) {
          msg += std::string(" (a ") + dialect_name(*other) + " name; --dialect is " +
                 choice_name(choice) + ")";
        }
      }
      report(name, msg + "; candidates that use it are not evaluated");
    }
    for (const std::string& name : unresolved) {
      report(name,
             "'" + name + "' is used but never assigned; candidates that use it are not evaluated");
    }
  }

  // Physical line `line` (1-based) of the current file, for diagnostics; the line table is
  // built on the first call per file, so many diagnostics stay linear.
  std::vector<std::size_t> line_starts;
  std::string_view line_of(int line) {
    if (line_starts.empty()) {
      line_starts.push_back(0);
      for (std::size_t p = text.find('\n'); p != std::string_view::npos;
           p = text.find('\n', p + 1)) {
        line_starts.push_back(p + 1);
      }
    }
    if (line < 1 || static_cast<std::size_t>(line) > line_starts.size()) return {};
    const std::size_t b = line_starts[static_cast<std::size_t>(line - 1)];
    const std::size_t e = text.find('\n', b);
    std::string_view l = text.substr(b, e == std::string_view::npos ? e : e - b);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    return l;
  }

  void add(ProgramKind kind, NodeId root, Origin origin) {
    found.push_back({kind, dialect, root, std::move(origin)});
  }

  void solver_file(const std::string& path, const SyntaxTree& tree) {
    std::map<std::string_view, int> ordinal;  // several `def solve(S, I, C):` in one file
    for (const FunctionDef& fn : tree.functions) {
      const int k = ++ordinal[fn.name];
      if (fn.broken) continue;  // its errors are reported
      Env env;
      for (const Assign& a : fn.body) env[a.target] = build(a.value, env);
      Origin o;
      o.file = path;
      o.line = fn.return_line;
      // solve_<id> and differ_<name> name themselves; bare solve/differ get an ordinal.
      o.record = std::string(fn.name);
      if (fn.name == "solve" || fn.name == "differ") o.record += "#" + std::to_string(k);
      if (fn.name.starts_with("solve_")) o.task = std::string(fn.name.substr(6));
      const bool differ = fn.name.starts_with("differ");
      add(differ ? ProgramKind::Differ : ProgramKind::Solver, build(*fn.result, env), std::move(o));
    }
  }

  void batt_file(const std::string& path, const BattDef& b, const SyntaxTree* map,
                 const std::string& map_path) {
    Env env;
    std::set<std::string_view> broken;
    std::vector<std::string_view> uses;
    std::size_t next_record = 0;
    // Lines and records in source order: a record takes the value its variable has where the
    // record stands (Python appends the value, a later reassignment does not change it).
    for (std::size_t k = 0; k <= b.lines.size(); ++k) {
      while (next_record < b.records.size() && b.records[next_record].after == k) {
        record(path, b.records[next_record++], env, broken);
      }
      if (k == b.lines.size()) break;
      const Assign& a = b.lines[k];
      uses.clear();
      if (!a.broken) tvars_of(a.value, uses);
      const bool poisoned =
          a.broken || std::any_of(uses.begin(), uses.end(),
                                  [&](std::string_view u) { return broken.count(u) > 0; });
      if (poisoned) {
        broken.insert(a.target);
        env.erase(a.target);
        continue;
      }
      broken.erase(a.target);
      env[a.target] = build(a.value, env);
    }
    if (map) cross_check(path, b, *map, map_path);
  }

  void record(const std::string& path, const BattRecord& r, const Env& env,
              const std::set<std::string_view>& broken) {
    const bool output = r.kind == BattRecord::Kind::Output;
    const std::string what = std::string(output ? "o" : "s") + ".append of " + std::string(r.var);
    if (broken.count(r.var)) {
      diags.warning(path, r.line, r.col, what + " skipped: it depends on a line with errors",
                    line_of(r.line));
      return;
    }
    auto it = env.find(r.var);
    if (it == env.end()) {
      diags.error(path, r.line, r.col,
                  what + ": '" + std::string(r.var) + "' is not assigned before it",
                  line_of(r.line));
      return;
    }
    Origin o;
    o.file = path;
    o.line = r.line;
    o.record = std::string(r.var);
    o.task = r.task;
    if (output) o.mutated = r.evo;
    o.differ = r.differ;
    add(output ? ProgramKind::Solver : ProgramKind::Differ, it->second, std::move(o));
  }

  // Compares every batt line with its t_call entry: they must be the same call.
  void cross_check(const std::string& path, const BattDef& b, const SyntaxTree& map,
                   const std::string& map_path) {
    std::map<std::int64_t, const CallMapEntry*> entries;
    for (const CallMapEntry& e : map.call_map) entries[e.number] = &e;
    std::size_t mismatches = 0;
    for (const Assign& a : b.lines) {
      if (a.broken || a.target.size() < 2 || a.target[0] != 't') continue;
      std::int64_t n = 0;
      try {
        n = std::stoll(std::string(a.target.substr(1)));
      } catch (...) {
        continue;
      }
      auto it = entries.find(n);
      std::string why;
      if (it == entries.end()) {
        why = "has no entry " + std::to_string(n);
      } else if (!same_expr(it->second->call, a.value)) {
        why = "has '" + expr_text(it->second->call) + "' for " + std::string(a.target);
      } else {
        continue;
      }
      if (++mismatches <= 10) {
        diags.warning(
            path, a.line, a.col,
            std::string(a.target) + " = " + expr_text(a.value) + ", but " + map_path + " " + why,
            line_of(a.line));
      }
    }
    if (mismatches > 10) {
      diags.warning(path, 0, 0,
                    std::to_string(mismatches - 10) + " more lines differ from " + map_path);
    }
  }

  // A map without its batt file: every entry is a line; the outputs are the t-numbers that
  // no other entry uses.
  void map_only(const std::string& path, const SyntaxTree& tree) {
    std::vector<const CallMapEntry*> entries;
    for (const CallMapEntry& e : tree.call_map) entries.push_back(&e);
    std::sort(entries.begin(), entries.end(),
              [](const CallMapEntry* x, const CallMapEntry* y) { return x->number < y->number; });
    Env env;
    std::set<std::string_view> used;
    std::vector<std::string_view> uses;
    std::vector<std::string> names;
    names.reserve(entries.size());
    for (const CallMapEntry* e : entries) {
      names.push_back("t" + std::to_string(e->number));
      uses.clear();
      tvars_of(e->call, uses);
      used.insert(uses.begin(), uses.end());
      env[names.back()] = build(e->call, env);
    }
    for (std::size_t k = 0; k < entries.size(); ++k) {
      if (used.count(names[k])) continue;
      Origin o;
      o.file = path;
      o.line = entries[k]->line;
      o.record = names[k];
      add(ProgramKind::Solver, env.at(names[k]), std::move(o));
    }
  }
};

CorpusBuilder::CorpusBuilder(Diagnostics& diags, const Limits& limits, DialectChoice dialect)
    : impl_(std::make_unique<Impl>(diags, limits, dialect)) {}

CorpusBuilder::~CorpusBuilder() = default;

void CorpusBuilder::add_file(const std::string& path, std::string_view text,
                             std::string_view call_map, const std::string& call_map_path) {
  Impl& m = *impl_;
  ++m.corpus.files;
  m.first_seen.clear();
  m.text = text;
  m.line_starts.clear();
  const std::size_t before = m.found.size();
  const SyntaxTree tree = parse_syntax(text, path, m.diags, m.limits);
  if (tree.rejected) {
    ++m.corpus.files_rejected;
    return;
  }
  const FileDialect fd = file_dialect(tree, m.choice);
  if (!fd.dialect) {
    const DialectEvidence& at = fd.mix_site();
    m.diags.error(path, at.line, at.col, fd.mix_message(), m.line_of(at.line));
    ++m.corpus.files_rejected;
    return;
  }
  m.dialect = *fd.dialect;
  switch (tree.format) {
    case FileFormat::Solver:
      m.solver_file(path, tree);
      break;
    case FileFormat::Batt: {
      std::optional<SyntaxTree> map;
      if (!call_map.empty()) map = parse_syntax(call_map, call_map_path, m.diags, m.limits);
      m.batt_file(path, *tree.batt, map && !map->rejected ? &*map : nullptr, call_map_path);
      break;
    }
    case FileFormat::CallMap:
      m.map_only(path, tree);
      break;
  }
  m.update_flags();
  m.report_names(path, before);
}

Corpus CorpusBuilder::finish() {
  Impl& m = *impl_;
  Corpus& c = m.corpus;
  c.programs = m.found.size();
  c.max_text_bytes = m.limits.max_canonical_bytes;
  std::unordered_map<std::string, std::size_t> by_id;
  const Dag& dag = c.dag;
  for (Found& f : m.found) {
    const std::uint64_t bytes = canonical_length(dag, f.root, f.kind);
    std::optional<std::string> md5;
    std::string id;
    if (bytes <= m.limits.max_canonical_bytes) {
      md5 = canonical_md5(dag, f.root, f.kind);
      id = *md5;
    } else {
      id = structure_md5(dag, f.root, f.kind);
      m.diags.warning(
          f.origin.file, f.origin.line, 0,
          f.origin.record + ": its inlined text would be " +
              (bytes >= Dag::kHuge ? std::string("astronomically many") : std::to_string(bytes)) +
              " bytes (over the limit of " + std::to_string(m.limits.max_canonical_bytes) +
              "); it is identified by the MD5 of its structure instead");
    }
    // A solver and a differ with the same text are different candidates, and so are the same
    // text read in two dialects.
    const std::string key = std::string(kind_name(f.kind)) + dialect_name(f.dialect) + ":" + id;
    auto [it, fresh] = by_id.try_emplace(key, c.candidates.size());
    if (fresh) {
      Candidate cand;
      cand.id = id;
      cand.md5 = md5;
      cand.kind = f.kind;
      cand.dialect = f.dialect;
      cand.root = f.root;
      cand.canonical_bytes = bytes;
      c.candidates.push_back(std::move(cand));
    }
    c.candidates[it->second].origins.push_back(std::move(f.origin));
  }
  for (Candidate& cand : c.candidates) {
    std::sort(cand.origins.begin(), cand.origins.end(), [](const Origin& a, const Origin& b) {
      return std::tie(a.file, a.line, a.record) < std::tie(b.file, b.line, b.record);
    });
    if (m.flags[dialect_index(cand.dialect)][cand.root] == 0) continue;
    std::set<std::string> unknown, unresolved;
    m.bad_names(cand.root, cand.dialect, unknown, unresolved);
    cand.unknown_names.assign(unknown.begin(), unknown.end());
    cand.unresolved.assign(unresolved.begin(), unresolved.end());
  }
  std::sort(c.candidates.begin(), c.candidates.end(), [](const Candidate& a, const Candidate& b) {
    return std::tie(a.kind, a.dialect, a.id) < std::tie(b.kind, b.dialect, b.id);
  });
  m.found.clear();
  return std::move(c);
}

Corpus load_corpus(const std::vector<std::string>& paths, Diagnostics& diags, const Limits& limits,
                   DialectChoice dialect) {
  namespace fs = std::filesystem;
  std::set<std::string> files;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      for (auto it = fs::recursive_directory_iterator(p, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec) && it->path().extension() == ".py")
          files.insert(it->path().string());
      }
      if (ec) diags.error(p, 0, 0, "cannot list directory: " + ec.message());
    } else if (fs::is_regular_file(p, ec)) {
      files.insert(p);
    } else {
      diags.error(p, 0, 0, "no such file or directory");
    }
  }
  auto read = [&](const std::string& path, std::string& text) {
    return read_source_file(path, limits.max_file_bytes, "a batch file", diags, text);
  };
  CorpusBuilder builder(diags, limits, dialect);
  std::size_t unread = 0;
  for (const std::string& path : files) {
    const bool is_map = path.size() > 8 && path.ends_with("_call.py");
    std::string text;
    if (is_map) {
      // Read with its batt file instead, when there is one.
      const std::string batt = path.substr(0, path.size() - 8) + ".py";
      if (files.count(batt)) continue;
    }
    if (!read(path, text)) {
      ++unread;
      continue;
    }
    std::string map_text;
    const std::string map_path = path.substr(0, path.size() - 3) + "_call.py";
    if (!is_map && files.count(map_path) && detect_format(text) == FileFormat::Batt) {
      if (!read(map_path, map_text)) map_text.clear();
    }
    builder.add_file(path, text, map_text, map_path);
  }
  Corpus corpus = builder.finish();
  corpus.files += unread;
  corpus.files_rejected += unread;
  return corpus;
}

}  // namespace batt::program
