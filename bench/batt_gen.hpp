#pragma once
// A deterministic generator of realistic tokpidjin batt files in the 273a50a1 format
// (../shared/reference/tokpidjin-pipeline.md §2) and their `_call.py` maps, for benchmarks of
// the program front end. Same (physical_lines, outputs, seed), same bytes: the only source of
// randomness is a std::mt19937_64 seeded with `seed` (drawn from directly, not through the
// std:: distributions, so the bytes do not depend on the standard library either).
//
// What the file looks like, and why:
//   - the card.py header (imports, the GPU set-up `try:` block, `batch_process_samples_gpu`),
//     `def batt(task_id, S, I, C, log_path):`, `s = []`, `o = []`;
//   - four base differ blocks on I (7 lines each, `tK = f(I)`-style calls of t-variables)
//     ending in `s.append((N, 'None', 'differ_<md5>', tN))`;
//   - solver lines, each a protected assignment (F1 comment + F2 try/except/fallback: five
//     physical lines) calling an arc-dsl primitive, or a t-variable holding a closure, with
//     arguments drawn from I, constants, primitive names passed as values and earlier lines of
//     the same solver (mostly the most recent unused one, as arc-dsl solvers chain);
//   - solvers come in families, as evolved variants do: a family is a base program of 10-60
//     live lines; each later output of the family is the base with one argument mutated
//     (§2.4: another constant of the same kind, an earlier line of the same solver, or a
//     recent t-variable of the file). Lines whose call text was already emitted are not
//     emitted again (card.py's t_number map), so a variant costs only the lines downstream of
//     its mutation, while its dependency slice spans the whole family program;
//   - about 8 solvers are in progress at a time and get one line each in turn (card.py's
//     round-robin), so a solver's lines are interleaved with others' and outputs are spread
//     through the file; each finished solver writes `o.append((N, evo, 'task', tN))`;
//   - a few mutations emit F3 (`identity(S)`, `a_mr(tK)`) or F4 (`batch_process_samples_gpu`)
//     helper blocks; their tokpidjin names are unknown to the arc-dsl dialect (warnings only);
//   - about outputs / 10 differ records in all: the 4 base ones and, on evenly spaced outputs
//     (one in 44 for 400 outputs), the four differ blocks re-instantiated on that output (5
//     lines each, §1.3 step 8);
//   - filler lines, then `return o, s`, so that the file has exactly `physical_lines` lines.
// The call map has one entry per t-number, in comma form ('callee, a, b') for plain lines and
// parenthesised form for F3/F4 helper lines (§3.1), and matches the batt file exactly.
#include <algorithm>
#include <cstdint>
#include <iterator>
#include <random>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace batt::bench {

struct GeneratedBatt {
  std::string text;        // the batt file
  std::string call_map;    // its `_call.py` map
  int physical_lines = 0;  // lines of `text` (each ends in '\n')
  int t_lines = 0;         // t-numbers assigned
  int outputs = 0;         // o.append records
  int differs = 0;         // s.append records
  int families = 0;        // base solver programs
  int helpers_f3 = 0;      // F3 helper pairs
  int helpers_f4 = 0;      // F4 helper blocks
  int filler_lines = 0;    // t-lines added at the end to reach physical_lines
  double mean_slice = 0;   // mean t-lines in an output's dependency slice
  int min_slice = 0, max_slice = 0;
};

namespace detail {

// Kinds of values and parameters: G grid, O objects, P patch/object, C colour, N integer,
// V vector (IJ), B boolean, F closure; parameter-only: f unary function, g binary function,
// A anything with a literal form.
struct PrimSpec {
  std::string_view name;
  char result;
  std::string_view params;
};

inline constexpr PrimSpec kPrims[] = {
    {"objects", 'O', "GBBB"},   {"fgpartition", 'O', "G"},  {"partition", 'O', "G"},
    {"colorfilter", 'O', "OC"}, {"sizefilter", 'O', "ON"},  {"sfilter", 'O', "Of"},
    {"argmax", 'P', "Of"},      {"argmin", 'P', "Of"},      {"mfilter", 'P', "Of"},
    {"merge", 'P', "O"},        {"mapply", 'P', "fO"},      {"apply", 'O', "fO"},
    {"fill", 'G', "GCP"},       {"paint", 'G', "GP"},       {"underfill", 'G', "GCP"},
    {"cover", 'G', "GP"},       {"shift", 'P', "PV"},       {"normalize", 'P', "P"},
    {"toindices", 'P', "P"},    {"backdrop", 'P', "P"},     {"box", 'P', "P"},
    {"outbox", 'P', "P"},       {"delta", 'P', "P"},        {"ofcolor", 'P', "GC"},
    {"recolor", 'P', "CP"},     {"mostcolor", 'C', "G"},    {"leastcolor", 'C', "G"},
    {"color", 'C', "P"},        {"size", 'N', "O"},         {"width", 'N', "P"},
    {"crop", 'G', "GVV"},       {"subgrid", 'G', "PG"},     {"hmirror", 'G', "G"},
    {"vmirror", 'G', "G"},      {"rot90", 'G', "G"},        {"upscale", 'G', "GN"},
    {"hconcat", 'G', "GG"},     {"vconcat", 'G', "GG"},     {"cellwise", 'G', "GGC"},
    {"replace", 'G', "GCC"},    {"ulcorner", 'V', "P"},     {"center", 'V', "P"},
    {"gravitate", 'V', "PP"},   {"occurrences", 'P', "GP"}, {"connect", 'P', "VV"},
    {"rbind", 'F', "gA"},       {"lbind", 'F', "gA"},       {"compose", 'F', "ff"},
    {"fork", 'F', "gff"},       {"matcher", 'F', "fA"},
};

inline constexpr std::string_view kColours[] = {"ZERO", "ONE", "TWO",   "THREE", "FOUR",
                                                "FIVE", "SIX", "SEVEN", "EIGHT", "NINE"};
inline constexpr std::string_view kIntegers[] = {"ONE", "TWO", "THREE", "FOUR", "FIVE", "2", "3"};
inline constexpr std::string_view kVectors[] = {"UP",        "DOWN",       "LEFT",      "RIGHT",
                                                "ORIGIN",    "UNITY",      "NEG_UNITY", "UP_RIGHT",
                                                "DOWN_LEFT", "TWO_BY_TWO", "(1, -1)",   "(0, 2)"};
inline constexpr std::string_view kBooleans[] = {"T", "F"};
inline constexpr std::string_view kUnary[] = {
    "size",    "color",  "width",    "height",    "normalize", "toindices", "backdrop", "box",
    "outbox",  "center", "first",    "last",      "identity",  "vmirror",   "hmirror",  "mostcolor",
    "palette", "square", "portrait", "numcolors", "vline",     "hline",     "ulcorner"};
inline constexpr std::string_view kBinary[] = {
    "colorfilter", "sizefilter", "shift",    "ofcolor", "recolor",    "adjacent",
    "bordering",   "contained",  "equality", "greater", "add",        "subtract",
    "multiply",    "upscale",    "hconcat",  "vconcat", "colorcount", "intersection"};

// A literal for parameter kind `p`, or "" when the kind has none (O, P, F).
template <typename Rng>
std::string_view leaf(char p, Rng& rng) {
  auto pick = [&](const auto& list) { return list[rng() % std::size(list)]; };
  switch (p) {
    case 'G':
      return "I";
    case 'C':
      return pick(kColours);
    case 'N':
      return pick(kIntegers);
    case 'V':
      return pick(kVectors);
    case 'B':
      return pick(kBooleans);
    case 'f':
      return pick(kUnary);
    case 'g':
      return pick(kBinary);
    case 'A':
      switch (rng() % 3) {
        case 0:
          return pick(kColours);
        case 1:
          return pick(kIntegers);
        default:
          return pick(kVectors);
      }
    default:
      return {};
  }
}

inline bool matches(char param, char kind) {
  switch (param) {
    case 'f':
    case 'g':
      return kind == 'F';
    case 'A':
      return kind == 'C' || kind == 'N' || kind == 'V' || kind == 'G';
    case 'B':
      return false;
    default:
      return param == kind;
  }
}

inline std::string_view hint_of(char k) {
  switch (k) {
    case 'G':
      return "Grid";
    case 'O':
      return "Objects";
    case 'P':
      return "Patch";
    case 'C':
      return "C_";
    case 'N':
      return "Integer";
    case 'V':
      return "IJ";
    case 'B':
      return "Boolean";
    case 'A':
      return "Any";
    default:
      return "Callable";
  }
}

// An argument of a line of a family program.
struct Arg {
  enum class K : std::uint8_t { Leaf, Local, Global, F3, F4 };
  K k = K::Leaf;
  std::string_view leaf;  // Leaf
  int idx = -1;           // Local: line index in the family; Global: a t-number
  char param = 'A';       // the parameter kind it fills
};

struct Line {
  std::string_view callee;  // a primitive, unless callee_local >= 0
  int callee_local = -1;    // a call of an earlier line's closure: `tN = tK(x)`
  char result = 'P';
  std::string_view params;  // for the F1 comment's hints ("" for a closure call)
  std::vector<Arg> args;
};

struct Family {
  std::vector<Line> lines;
  std::string task;
  std::vector<int> live;      // line indices in the output's slice (the last line included)
  std::vector<int> fwd_cost;  // per line: lines that change when it changes (itself included)
};

class Generator {
 public:
  Generator(int physical_lines, int outputs, std::uint64_t seed)
      : want_lines_(physical_lines), want_outputs_(outputs), rng_(seed) {}

  GeneratedBatt run();

 private:
  // Draws straight from the engine (whose output the standard fixes), not through the
  // std:: distributions (whose algorithms it leaves to the library), so that the file is the
  // same with libstdc++ and libc++. The modulo bias is irrelevant here.
  double uni() { return static_cast<double>(rng_() >> 11) * 0x1.0p-53; }
  int uniform(int lo, int hi) {
    return lo + static_cast<int>(rng_() % static_cast<std::uint64_t>(hi - lo + 1));
  }
  std::string hex(int digits) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string s;
    for (int k = 0; k < digits; ++k) s += kHex[uniform(0, 15)];
    return s;
  }

  void out(std::string_view l) {
    text_.append(l);
    text_ += '\n';
    ++lines_;
  }
  void map_entry(int n, const std::string& value) {
    if (n > 1) map_ += ", ";
    map_ += std::to_string(n) + ": '" + value + "'";
  }

  // One t-line: the F1 comment (unless empty) and the F2 protected assignment, or a bare
  // assignment; returns its t-number. `deps` are the t-numbers it reads.
  int emit(const std::string& callee, const std::vector<std::string>& args,
           const std::vector<int>& deps, std::string_view comment_line, bool protect);
  std::string comment(int n, bool differ, const std::string& callee,
                      const std::vector<std::string>& old_args, std::string_view hints);
  int f3_block();
  int f4_block();

  Family make_family();
  bool try_family(int length, Family& f);
  bool fill_arg(char p, int i, const std::vector<char>& kind, std::vector<int>& uses, Arg& out,
                bool last);

  struct Instance {
    int family = 0;
    int pos = 0;
    std::vector<int> tnum;  // per family line, once processed
    bool variant = false;
    int j = -1, a = -1;  // mutated line and argument
    Arg repl;
    std::vector<char> downstream;  // lines that change with line j (j included)
    int ub_lines = 0;              // physical lines it may still emit
    bool differ_block = false;
  };
  void step(Instance& in);
  bool start(Instance& in, int ordinal);
  int budget_left() const;

  struct Differ {
    std::string name;
    int f = 0, c = 0;  // t-numbers of the closure and of f(C)
    std::string_view op;
  };
  void base_differs();
  void differ_block(int t_out, const std::string& task);

  static constexpr int kActive = 8;  // solvers in progress at a time (round-robin)
  int want_lines_, want_outputs_;
  std::mt19937_64 rng_;
  std::string text_, map_;
  int lines_ = 0;
  int next_t_ = 1;
  std::vector<std::vector<int>> deps_{{}};  // per t-number
  std::vector<int> outputs_;                // t-number of every o.append
  std::unordered_map<std::string, int> emitted_;
  std::vector<Family> families_;
  std::vector<Differ> differs_;
  GeneratedBatt g_;
  int fixed_after_ = 0;  // physical lines still owed to records, differ blocks and the end
  int blocks_total_ = 0, blocks_scheduled_ = 0;
  std::vector<std::string> output_tasks_;
  int f3_left_ = 0, f4_left_ = 0;
  std::vector<Instance> active_;
};

inline std::string Generator::comment(int n, bool differ, const std::string& callee,
                                      const std::vector<std::string>& old_args,
                                      std::string_view hints) {
  std::string c = "    # t" + std::to_string(n) + " - differ = " + (differ ? "True" : "False") +
                  " - solver = " + (differ ? "False" : "True") + " - old_items = ['" + callee + "'";
  for (const std::string& a : old_args) c += ", ' " + a + "'";
  c += "] - old_hints = ";
  c += hints;
  return c;
}

inline int Generator::emit(const std::string& callee, const std::vector<std::string>& args,
                           const std::vector<int>& deps, std::string_view comment_line,
                           bool protect) {
  const int n = next_t_++;
  std::string call = callee + "(";
  std::string value = callee;
  for (std::size_t k = 0; k < args.size(); ++k) {
    call += (k ? ", " : "") + args[k];
    value += ", " + args[k];
  }
  call += ")";
  const std::string t = "t" + std::to_string(n);
  if (!comment_line.empty()) out(comment_line);
  if (protect) {
    out("    try:");
    out("        " + t + " = " + call);
    out("    except (TypeError, AttributeError, ValueError):");
    out("        " + t + " = _get_safe_default(" + callee + ")");
  } else {
    out("    " + t + " = " + call);
  }
  map_entry(n, value);
  deps_.push_back(deps);
  emitted_.emplace(call, n);
  return n;
}

// F3 (§2.2): t{K} = identity(S); t{K+1} = a_mr(t{K}). Returns K+1.
inline int Generator::f3_block() {
  const int k = next_t_;
  out("    t" + std::to_string(k) + " = identity(S)");
  out("    t" + std::to_string(k + 1) + " = a_mr(t" + std::to_string(k) + ")");
  map_entry(k, "identity(S)");
  map_entry(k + 1, "a_mr(t" + std::to_string(k) + ")");
  deps_.push_back({});
  deps_.push_back({k});
  next_t_ += 2;
  ++g_.helpers_f3;
  return k + 1;
}

// F4 at 273a50a1 (§2.2), "iz" or "zo". Returns K+7.
inline int Generator::f4_block() {
  const int k = next_t_;
  auto t = [&](int d) { return "t" + std::to_string(k + d); };
  const bool iz = uni() < 0.5;
  const std::string nth = "F" + std::to_string(uniform(0, 2));
  out("    # GPU Batch Pattern: Sample processing (" + t(0) + "-" + t(3) + ")");
  out("    " + t(0) + ", " + t(1) + ", " + t(2) + ", " + t(3) + " = batch_process_samples_gpu(S)");
  const std::string l4 = "dedupe(" + t(2) + ")", l5 = "dedupe(" + t(3) + ")";
  const std::string l6 = "difference_tuple(" + (iz ? t(4) + ", " + t(5) : t(5) + ", " + t(4)) + ")";
  const std::string l7 = "get_nth_t(" + t(6) + ", " + nth + ")";
  out("    " + t(4) + " = " + l4);
  out("    " + t(5) + " = " + l5);
  out("    " + t(6) + " = " + l6);
  out("    " + t(7) + " = " + l7);
  map_entry(k, "apply(first, S)");
  map_entry(k + 1, "apply(second, S)");
  map_entry(k + 2, "mapply(p_g, " + t(0) + ")");
  map_entry(k + 3, "mapply(p_g, " + t(1) + ")");
  map_entry(k + 4, l4);
  map_entry(k + 5, l5);
  map_entry(k + 6, l6);
  map_entry(k + 7, l7);
  deps_.push_back({});
  deps_.push_back({});
  deps_.push_back({k});
  deps_.push_back({k + 1});
  deps_.push_back({k + 2});
  deps_.push_back({k + 3});
  deps_.push_back({k + 4, k + 5});
  deps_.push_back({k + 6});
  next_t_ += 8;
  ++g_.helpers_f4;
  return k + 7;
}

// Picks an argument for parameter kind `p` of line `i`: mostly the most recent unused earlier
// line of that kind, sometimes a line already used (shared sub-expression), else a literal.
inline bool Generator::fill_arg(char p, int i, const std::vector<char>& kind,
                                std::vector<int>& uses, Arg& out, bool last) {
  std::vector<int> open, used;
  for (int k = 0; k < i; ++k) {
    if (!matches(p, kind[k])) continue;
    (uses[k] == 0 ? open : used).push_back(k);
  }
  const std::string_view lit = leaf(p, rng_);
  const bool structural = p == 'G' || p == 'O' || p == 'P' || p == 'f' || p == 'g';
  const double p_open = last ? 1.0 : (structural ? 0.85 : 0.5);
  const double u = uni();
  int pick = -1;
  if (!open.empty() && u < p_open) {
    pick = uni() < 0.75 ? open.back() : open[uniform(0, static_cast<int>(open.size()) - 1)];
  } else if (!used.empty() && u < p_open + 0.06) {
    pick = used[uniform(0, static_cast<int>(used.size()) - 1)];
  } else if (!lit.empty()) {
    out = {Arg::K::Leaf, lit, -1, p};
    return true;
  } else if (!open.empty()) {
    pick = open.back();
  } else if (!used.empty()) {
    pick = used[uniform(0, static_cast<int>(used.size()) - 1)];
  } else {
    return false;
  }
  out = {Arg::K::Local, {}, pick, p};
  ++uses[pick];
  return true;
}

inline bool Generator::try_family(int length, Family& f) {
  f.lines.clear();
  std::vector<char> kind;
  std::vector<int> uses;
  std::vector<std::uint64_t> len;  // inlined text length per line
  for (int i = 0; i < length; ++i) {
    const bool last = i == length - 1;
    Line line;
    bool ok = false;
    // A call of a closure held in an unused earlier line: `tN = tK(x)`.
    int closure = -1;
    for (int k = i - 1; k >= 0 && !last; --k) {
      if (kind[k] == 'F' && uses[k] == 0) {
        closure = k;
        break;
      }
    }
    if (closure >= 0 && uni() < 0.3) {
      std::vector<int> saved = uses;
      Arg x;
      if (fill_arg(uni() < 0.5 ? 'G' : 'P', i, kind, uses, x, false)) {
        ++uses[closure];
        line.callee_local = closure;
        line.result = 'P';
        line.args = {x};
        ok = true;
      } else {
        uses = saved;
      }
    }
    for (int tries = 0; !ok && tries < 100; ++tries) {
      const PrimSpec& p = kPrims[uniform(0, static_cast<int>(std::size(kPrims)) - 1)];
      if (last && p.result != 'G') continue;
      std::vector<int> saved = uses;
      line.args.clear();
      bool good = true;
      for (char c : p.params) {
        Arg a;
        if (!fill_arg(c, i, kind, uses, a, last)) {
          good = false;
          break;
        }
        line.args.push_back(a);
      }
      // The output line uses the program's own values, not only I and literals.
      if (good && last) {
        good = std::any_of(line.args.begin(), line.args.end(),
                           [](const Arg& a) { return a.k == Arg::K::Local; });
      }
      if (!good) {
        uses = saved;
        continue;
      }
      line.callee = p.name;
      line.result = p.result;
      line.params = p.params;
      ok = true;
    }
    if (!ok) return false;
    std::uint64_t l = line.callee_local >= 0 ? len[line.callee_local] : line.callee.size();
    l += 2;
    for (std::size_t k = 0; k < line.args.size(); ++k) {
      const Arg& a = line.args[k];
      l += (k ? 2 : 0) + (a.k == Arg::K::Local ? len[a.idx] : a.leaf.size());
    }
    kind.push_back(line.result);
    uses.push_back(0);
    len.push_back(l);
    f.lines.push_back(std::move(line));
  }
  // The output's slice, and what each line's mutation would re-emit.
  const int n = length;
  std::vector<char> in_slice(n, 0);
  in_slice[n - 1] = 1;
  for (int i = n - 1; i >= 0; --i) {
    if (!in_slice[i]) continue;
    const Line& l = f.lines[i];
    if (l.callee_local >= 0) in_slice[l.callee_local] = 1;
    for (const Arg& a : l.args)
      if (a.k == Arg::K::Local) in_slice[a.idx] = 1;
  }
  f.live.clear();
  for (int i = 0; i < n; ++i)
    if (in_slice[i]) f.live.push_back(i);
  f.fwd_cost.assign(n, 0);
  for (int j = 0; j < n; ++j) {
    std::vector<char> hit(n, 0);
    hit[j] = 1;
    int cost = 1;
    for (int i = j + 1; i < n; ++i) {
      const Line& l = f.lines[i];
      bool h = l.callee_local >= 0 && hit[l.callee_local];
      for (const Arg& a : l.args) h = h || (a.k == Arg::K::Local && hit[a.idx]);
      if (h) {
        hit[i] = 1;
        ++cost;
      }
    }
    f.fwd_cost[j] = cost;
  }
  const int live = static_cast<int>(f.live.size());
  return live >= 10 && live <= 60 && len[n - 1] <= 6000;
}

inline Family Generator::make_family() {
  Family f;
  f.task = hex(8);
  for (int tries = 0; tries < 200; ++tries) {
    if (try_family(uniform(12, 60), f)) return f;
  }
  throw std::logic_error("batt_gen: no family program after 200 tries");
}

// Physical lines still free for solver lines once what is owed is paid.
inline int Generator::budget_left() const {
  int ub = 0;
  for (const Instance& in : active_) ub += in.ub_lines;
  return want_lines_ - lines_ - fixed_after_ - ub;
}

// Sets up the solver for output `ordinal`: a new family or a variant of an existing one.
// False if the budget cannot pay even one line.
inline bool Generator::start(Instance& in, int ordinal) {
  const int not_started = want_outputs_ - ordinal - 1;
  const int free = budget_left() - 5 * not_started;  // each later output needs >= 1 line
  if (free < 5) return false;
  const double target = free / 5.0 / (not_started + 1);  // t-lines per output from here on
  in = Instance{};
  const int every = std::max(1, want_outputs_ / std::max(1, blocks_total_));
  in.differ_block = (ordinal + 1) % every == 0 && blocks_scheduled_ < blocks_total_;
  if (in.differ_block) ++blocks_scheduled_;
  const double p_new = std::clamp((target - 4.0) / 40.0, 0.02, 1.0);
  // The first solvers in progress are all new programs; later ones mostly variants.
  const bool fresh = ordinal < kActive || uni() < p_new;
  if (families_.empty() || (fresh && free >= 5 * 60)) {
    families_.push_back(make_family());
    ++g_.families;
    in.family = static_cast<int>(families_.size()) - 1;
    in.ub_lines = 5 * static_cast<int>(families_.back().lines.size());
  } else {
    in.family = uniform(0, static_cast<int>(families_.size()) - 1);
    const Family& f = families_[in.family];
    in.variant = true;
    // A mutation in the output's slice whose downstream lines fit the budget and the target,
    // and which keeps at least 10 lines of the program in the slice (an argument replaced by
    // a literal or another t-variable can cut off what it used to read).
    std::vector<int> fit;
    int best = f.live.back();
    for (int j : f.live) {
      if (f.fwd_cost[j] < f.fwd_cost[best]) best = j;
      if (f.fwd_cost[j] <= std::max(1.0, 2.0 * target) && 5 * f.fwd_cost[j] + 6 <= free)
        fit.push_back(j);
    }
    Arg r;
    for (int tries = 0; tries < 10; ++tries) {
      in.j = fit.empty() ? best : fit[uniform(0, static_cast<int>(fit.size()) - 1)];
      const Line& l = f.lines[in.j];
      in.a = uniform(0, static_cast<int>(l.args.size()) - 1);
      const Arg& old = l.args[in.a];
      r = old;
      const double u = uni();
      const bool room = 5 * f.fwd_cost[in.j] + 6 <= free;
      if (room && old.k == Arg::K::Leaf && old.param == 'C' && f4_left_ > 0 && u < 0.4) {
        r.k = Arg::K::F4;
      } else if (room && old.k == Arg::K::Leaf && old.param == 'V' && f3_left_ > 0 && u < 0.4) {
        r.k = Arg::K::F3;
      } else if (old.k == Arg::K::Leaf && old.param != 'G') {
        for (int k = 0; k < 20 && r.leaf == old.leaf; ++k) r.leaf = leaf(old.param, rng_);
        if (r.leaf == old.leaf) r.leaf = old.leaf == "ZERO" ? "FIVE" : "ZERO";
      } else {
        // Another earlier line of the solver, or a recent t-variable of the file.
        std::vector<int> earlier;
        for (int k = 0; k < in.j; ++k)
          if (k != old.idx) earlier.push_back(k);
        if (!earlier.empty() && uni() < 0.7) {
          r.k = Arg::K::Local;
          r.idx = earlier[uniform(0, static_cast<int>(earlier.size()) - 1)];
        } else {
          r.k = Arg::K::Global;
          r.idx = uniform(std::max(1, next_t_ - 300), next_t_ - 1);
        }
      }
      if (old.k != Arg::K::Local) break;
      // Lines of the program left in the slice after the mutation.
      std::vector<char> in_slice(f.lines.size(), 0);
      in_slice.back() = 1;
      int live = 0;
      for (int i = static_cast<int>(f.lines.size()) - 1; i >= 0; --i) {
        if (!in_slice[i]) continue;
        ++live;
        const Line& x = f.lines[i];
        if (x.callee_local >= 0) in_slice[x.callee_local] = 1;
        for (std::size_t k = 0; k < x.args.size(); ++k) {
          const Arg& a = i == in.j && static_cast<int>(k) == in.a ? r : x.args[k];
          if (a.k == Arg::K::Local) in_slice[a.idx] = 1;
        }
      }
      if (live >= std::min<int>(10, static_cast<int>(f.live.size()))) break;
    }
    if (r.k == Arg::K::F4) {
      --f4_left_;
      in.ub_lines += 6;
    } else if (r.k == Arg::K::F3) {
      --f3_left_;
      in.ub_lines += 2;
    }
    in.repl = r;
    in.ub_lines += 5 * f.fwd_cost[in.j];
    in.downstream.assign(f.lines.size(), 0);
    in.downstream[in.j] = 1;
    for (std::size_t m = in.j + 1; m < f.lines.size(); ++m) {
      const Line& x = f.lines[m];
      bool h = x.callee_local >= 0 && in.downstream[x.callee_local];
      for (const Arg& a : x.args) h = h || (a.k == Arg::K::Local && in.downstream[a.idx]);
      in.downstream[m] = h;
    }
  }
  in.tnum.assign(families_[in.family].lines.size(), 0);
  return true;
}

// Processes the next line of a solver: reuses an identical earlier line or emits a new one.
inline void Generator::step(Instance& in) {
  const Family& f = families_[in.family];
  const int i = in.pos++;
  const Line& l = f.lines[i];
  const bool mutated = in.variant && i == in.j;
  auto text_of = [&](const Arg& a) -> std::string {
    switch (a.k) {
      case Arg::K::Leaf:
        return std::string(a.leaf);
      case Arg::K::Local:
        return "t" + std::to_string(in.tnum[a.idx]);
      case Arg::K::Global:
        return "t" + std::to_string(a.idx);
      default:
        return {};
    }
  };
  const std::string callee =
      l.callee_local >= 0 ? "t" + std::to_string(in.tnum[l.callee_local]) : std::string(l.callee);
  std::vector<std::string> old_args, args;
  for (const Arg& a : l.args) old_args.push_back(text_of(a));
  args = old_args;
  std::vector<int> deps;
  if (l.callee_local >= 0) deps.push_back(in.tnum[l.callee_local]);
  for (std::size_t k = 0; k < l.args.size(); ++k) {
    const Arg& a = mutated && static_cast<int>(k) == in.a ? in.repl : l.args[k];
    if (a.k == Arg::K::Local) deps.push_back(in.tnum[a.idx]);
    if (a.k == Arg::K::Global) deps.push_back(a.idx);
    if (a.k != Arg::K::F3 && a.k != Arg::K::F4) args[k] = text_of(a);
  }
  // Lines downstream of the mutation count against the budget; the others were paid for by
  // the family's base instance.
  if (!in.variant || in.downstream[i]) in.ub_lines -= 5;
  std::string hints = "None";
  if (l.callee_local < 0) {
    hints = "['" + std::string(hint_of(l.result)) + "'";
    for (char c : l.params) hints += ", '" + std::string(hint_of(c)) + "'";
    hints += "]";
  }
  const Arg::K helper = mutated ? in.repl.k : Arg::K::Leaf;
  if (helper == Arg::K::F3 || helper == Arg::K::F4) {
    const bool f4 = helper == Arg::K::F4;
    out(comment(next_t_ + (f4 ? 8 : 2), false, callee, old_args, hints));
    const int h = f4 ? f4_block() : f3_block();
    in.ub_lines -= f4 ? 6 : 2;
    args[in.a] = "t" + std::to_string(h);
    deps.push_back(h);
    in.tnum[i] = emit(callee, args, deps, {}, true);
    return;
  }
  std::string call = callee + "(";
  for (std::size_t k = 0; k < args.size(); ++k) call += (k ? ", " : "") + args[k];
  call += ")";
  if (auto it = emitted_.find(call); it != emitted_.end()) {
    in.tnum[i] = it->second;
    return;
  }
  in.tnum[i] = emit(callee, args, deps, comment(next_t_, false, callee, old_args, hints), true);
}

// The four base differ blocks on I (7 lines each, as differ_c59e... in §2.3).
inline void Generator::base_differs() {
  static constexpr std::string_view kMake[4][3] = {{"identity", "palette", ""},
                                                   {"rbind", "ofcolor", "ZERO"},
                                                   {"compose", "palette", "trim"},
                                                   {"compose", "toindices", "asobject"}};
  static constexpr std::string_view kOps[4] = {"difference", "difference", "intersection",
                                               "difference"};
  for (int d = 0; d < 4; ++d) {
    Differ df;
    df.name = "differ_" + hex(32);
    df.op = kOps[d];
    std::vector<std::string> make_args;
    for (int k = 1; k < 3; ++k)
      if (!kMake[d][k].empty()) make_args.emplace_back(kMake[d][k]);
    const std::string maker(kMake[d][0]);
    std::string hints = "['Callable', 'Callable', 'Any']";
    if (d == 0) hints = "['Any', 'Any']";
    df.f = emit(maker, make_args, {}, comment(next_t_, true, maker, make_args, hints), true);
    const std::string f = "t" + std::to_string(df.f);
    const int x = emit(f, {"I"}, {df.f}, comment(next_t_, true, f, {"I"}, "None"), true);
    df.c = emit(f, {"C"}, {df.f}, comment(next_t_, true, f, {"C"}, "None"), true);
    differs_.push_back(df);
    differ_block(x, "None");
  }
}

// The last five lines of a differ block on value t_out (x = f(t_out) is t_out itself for the
// base blocks, whose f(I) line precedes), and its s.append record.
inline void Generator::differ_block(int t_out, const std::string& task) {
  const bool base = task == "None";
  const std::size_t first = base ? differs_.size() - 1 : 0;
  const std::size_t end = differs_.size();
  for (std::size_t d = first; d < end; ++d) {
    const Differ& df = differs_[d];
    const std::string f = "t" + std::to_string(df.f);
    auto t = [](int n) { return "t" + std::to_string(n); };
    int x = t_out;
    if (!base) {
      const std::string o = t(t_out);
      x = emit(f, {o}, {df.f, t_out}, comment(next_t_, true, f, {o}, "None"), true);
    }
    const std::string op(df.op);
    const std::vector<std::string> a1 = {t(x), t(df.c)};
    const int diff =
        emit(op, a1, {x, df.c},
             comment(next_t_, true, op, a1, "['FrozenSet', 'FrozenSet', 'FrozenSet']"), true);
    const int n = emit("size", {t(diff)}, {diff},
                       comment(next_t_, true, "size", {t(diff)}, "['Integer', 'Container']"), true);
    const int w = emit("first", {t(diff)}, {diff},
                       comment(next_t_, true, "first", {t(diff)}, "['Any', 'Container']"), true);
    const std::vector<std::string> a2 = {t(n), t(w)};
    const int e = emit("astuple", a2, {n, w},
                       comment(next_t_, true, "astuple", a2, "['IJ', 'Integer', 'Integer']"), true);
    out("    s.append((" + std::to_string(e) + ", '" + task + "', '" + df.name + "', " + t(e) +
        "))");
    ++g_.differs;
  }
}

inline GeneratedBatt Generator::run() {
  static constexpr std::string_view kHeader = R"(# Generated by tokpidjin/card.py
from pile import *
from gpu_env import GPUEnv as Env
from safe_dsl import _get_safe_default

try:
    import cupy as cp
    from gpu_optimizations import KaggleGPUOptimizer
    from multi_gpu_optimizer import MultiGPUOptimizer
    n_dev = cp.cuda.runtime.getDeviceCount()
    gpu_opt = KaggleGPUOptimizer(device_id=0)
    multi_gpu_opt = MultiGPUOptimizer(devices=list(range(n_dev))) if n_dev > 1 else None
    USE_GPU = gpu_opt is not None
    USE_MULTI_GPU = multi_gpu_opt is not None
except (ImportError, AttributeError, RuntimeError) as e:
    gpu_opt = None
    multi_gpu_opt = None
    USE_GPU = False
    USE_MULTI_GPU = False


def batch_process_samples_gpu(S):
    if not USE_GPU or len(S) < 3:
        t1 = apply(first, S)
        t2 = apply(second, S)
        t3 = mapply(p_g, t1)
        t4 = mapply(p_g, t2)
        return t1, t2, t3, t4
    try:
        inputs = [sample[0] for sample in S]
        outputs = [sample[1] for sample in S]
        stacked = cp.asarray([cp.array(g, dtype=cp.int8) for g in inputs])
        palettes = [frozenset(int(c) for c in cp.unique(x).get()) for x in stacked]
        return tuple(inputs), tuple(outputs), tuple(palettes), tuple(palettes)
    except Exception:
        t1 = apply(first, S)
        t2 = apply(second, S)
        return t1, t2, mapply(p_g, t1), mapply(p_g, t2)


def batt(task_id, S, I, C, log_path):
    s = []
    o = []
)";
  for (char ch : kHeader) {
    text_ += ch;
    if (ch == '\n') ++lines_;
  }
  map_ = "t_call = {";
  const int differs_wanted = std::max(4, want_outputs_ / 10);
  blocks_total_ = (differs_wanted - 4) / 4;
  f3_left_ = std::max(1, want_outputs_ / 80);
  f4_left_ = std::max(1, want_outputs_ / 80);
  // Owed: o.append records, the per-output differ blocks (4 x (5 t-lines + 1 record)) and
  // `return o, s`.
  fixed_after_ = want_outputs_ + blocks_total_ * 4 * 26 + 1;
  base_differs();
  if (budget_left() < 5 * want_outputs_) {
    throw std::invalid_argument("batt_gen: " + std::to_string(want_lines_) +
                                " lines are too few for " + std::to_string(want_outputs_) +
                                " outputs");
  }
  int started = 0;
  for (; started < want_outputs_ && static_cast<int>(active_.size()) < kActive; ++started) {
    Instance in;
    if (!start(in, started)) break;
    active_.push_back(std::move(in));
  }
  std::size_t rr = 0;
  int blocks_done = 0;
  while (!active_.empty()) {
    if (rr >= active_.size()) rr = 0;
    Instance& in = active_[rr];
    step(in);
    if (in.pos < static_cast<int>(families_[in.family].lines.size())) {
      ++rr;
      continue;
    }
    // The solver is complete: its output record, then maybe its differ blocks.
    const int t_out = in.tnum.back();
    const Family& f = families_[in.family];
    fixed_after_ -= 1;
    out("    o.append((" + std::to_string(t_out) + ", " + (in.variant ? "True" : "False") + ", '" +
        f.task + "', t" + std::to_string(t_out) + "))");
    outputs_.push_back(t_out);
    ++g_.outputs;
    output_tasks_.push_back(f.task);
    if (in.differ_block) {
      fixed_after_ -= 4 * 26;
      ++blocks_done;
      differ_block(t_out, f.task);
    }
    Instance next;
    if (started < want_outputs_ && start(next, started)) {
      ++started;
      in = std::move(next);
      ++rr;
    } else {
      active_.erase(active_.begin() + static_cast<std::ptrdiff_t>(rr));
    }
  }
  if (started < want_outputs_) {
    throw std::logic_error("batt_gen: ran out of lines after " + std::to_string(started) +
                           " outputs");
  }
  // Differ blocks not placed by the schedule (rounding) go on the last outputs.
  for (std::size_t k = outputs_.size(); blocks_done < blocks_total_ && k-- > 0;) {
    fixed_after_ -= 4 * 26;
    ++blocks_done;
    differ_block(outputs_[k], output_tasks_[k]);
  }
  // Filler up to the requested length: protected lines, then bare ones for the remainder.
  int pad = want_lines_ - lines_ - 1;
  while (pad > 0) {
    const int k = uniform(std::max(1, next_t_ - 50), next_t_ - 1);
    const std::string tk = "t" + std::to_string(k);
    if (pad >= 5) {
      emit("size", {tk}, {k}, comment(next_t_, false, "size", {tk}, "['Integer', 'Container']"),
           true);
      pad -= 5;
    } else {
      emit("identity", {tk}, {k}, {}, false);
      pad -= 1;
    }
    ++g_.filler_lines;
  }
  out("    return o, s");
  map_ += "}\n";

  // Dependency slices of the outputs.
  std::vector<int> stamp(deps_.size(), -1);
  std::vector<int> stack;
  long total = 0;
  g_.min_slice = 1 << 30;
  for (std::size_t o = 0; o < outputs_.size(); ++o) {
    int count = 0;
    stack = {outputs_[o]};
    stamp[outputs_[o]] = static_cast<int>(o);
    while (!stack.empty()) {
      const int n = stack.back();
      stack.pop_back();
      ++count;
      for (int d : deps_[n]) {
        if (stamp[d] != static_cast<int>(o)) {
          stamp[d] = static_cast<int>(o);
          stack.push_back(d);
        }
      }
    }
    total += count;
    g_.min_slice = std::min(g_.min_slice, count);
    g_.max_slice = std::max(g_.max_slice, count);
  }
  g_.mean_slice = outputs_.empty() ? 0.0 : static_cast<double>(total) / outputs_.size();
  g_.physical_lines = lines_;
  g_.t_lines = next_t_ - 1;
  g_.text = std::move(text_);
  g_.call_map = std::move(map_);
  return std::move(g_);
}

}  // namespace detail

// A batt file of exactly `physical_lines` lines with `outputs` o.append records, and its
// `_call.py` map. Throws std::invalid_argument when the lines cannot hold the outputs (about
// 40 lines per output are needed for realistic slices; 5 is the floor).
inline GeneratedBatt generate_batt(int physical_lines, int outputs, std::uint64_t seed) {
  return detail::Generator(physical_lines, outputs, seed).run();
}

}  // namespace batt::bench
