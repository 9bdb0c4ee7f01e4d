#pragma once
// The parse tree of a batch file: structured lines (a target and a call expression whose
// callee and arguments are tokens), never text to be re-split (tokpidjin-pipeline.md Q18).
// Names point into the file's text, which must outlive the tree.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace batt::program {

// An expression of the subset: a name, an integer literal (possibly negative), a tuple of
// expressions, or a call `callee(args)` whose callee may itself be a call (`f(a)(b)`).
struct Expr {
  enum class Kind : std::uint8_t { Name, Int, Tuple, Call };
  Kind kind = Kind::Name;
  std::string_view name;    // Name
  std::int64_t value = 0;   // Int
  std::vector<Expr> items;  // Tuple: the items; Call: items[0] is the callee, then the args
  int line = 0, col = 0;    // where it starts
};

// `target = value`, from a solver function body or a batt line.
struct Assign {
  std::string_view target;
  Expr value;
  int line = 0, col = 0;
  bool protected_ = false;  // batt F2: inside try/except with the safe-default fallback
  bool broken = false;      // batt: the line could not be parsed (reported); value is empty
};

// `def solve_<id>(I):`, `def solve(S, I, C):` or `def differ(S, I, C):` and its body.
struct FunctionDef {
  std::string_view name;
  std::vector<std::string_view> params;
  std::vector<Assign> body;
  std::optional<Expr> result;  // the `return` expression
  int line = 0;                // the def line
  int return_line = 0;
  bool broken = false;  // a statement of the body could not be parsed (reported)
};

// `o.append((N, evo, 'task', tN))` (an output) or `s.append((N, 'task', 'differ_x', tN))`.
struct BattRecord {
  enum class Kind : std::uint8_t { Output, Differ };
  Kind kind = Kind::Output;
  std::int64_t number = 0;  // N
  bool evo = false;         // outputs: the mutation flag
  std::string task;         // origin task id; "" for the base differ block ('None' in the file)
  std::string differ;       // differs: the differ's name
  std::string_view var;     // tN
  int line = 0, col = 0;
  std::size_t after = 0;  // how many of BattDef::lines come before it: it sees their values
};

// The body of `def batt(task_id, S, I, C, log_path):`, statements in order. Helper blocks are
// already in their CPU meaning (F4's tuple assignment is four assignments).
struct BattDef {
  std::vector<Assign> lines;  // in order; a line that failed to parse has `broken` set
  std::vector<BattRecord> records;
  int line = 0;
};

// One entry `N: 'callee, arg, ...'` or `N: 'callee(args)'` of a `t_call = {...}` map.
struct CallMapEntry {
  std::int64_t number = 0;
  Expr call;  // a Call
  int line = 0, col = 0;
};

enum class FileFormat : std::uint8_t { Solver, Batt, CallMap };

struct SyntaxTree {
  FileFormat format = FileFormat::Solver;
  std::vector<FunctionDef> functions;  // Solver
  std::optional<BattDef> batt;         // Batt
  std::vector<CallMapEntry> call_map;  // CallMap
  bool rejected = false;               // the whole file was refused (reported)
};

}  // namespace batt::program
