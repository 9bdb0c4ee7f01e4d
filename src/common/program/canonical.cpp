#include "program/canonical.hpp"

#include <algorithm>
#include <unordered_map>
#include <vector>

#include "program/md5.hpp"

namespace batt::program {

namespace {

// Writes the canonical text of `root` into `out(string_view)`, depth-first without recursion.
template <typename Out>
void emit(const Dag& dag, NodeId root, Out&& out) {
  struct Frame {
    NodeId node;
    std::uint32_t next;  // children already written
  };
  std::vector<Frame> stack{{root, 0}};
  std::string number;
  while (!stack.empty()) {
    Frame& f = stack.back();
    const NodeId n = f.node;
    switch (dag.kind(n)) {
      case NodeKind::Name:
        out(dag.name_of(n));
        stack.pop_back();
        break;
      case NodeKind::Int:
        number = std::to_string(dag.int_of(n));
        out(number);
        stack.pop_back();
        break;
      case NodeKind::Tuple: {
        const auto items = dag.children(n);
        if (f.next == 0) out("(");
        if (f.next > 0 && f.next < items.size()) out(", ");
        if (f.next < items.size()) {
          const NodeId child = items[f.next++];
          stack.push_back({child, 0});
        } else {
          out(items.size() == 1 ? ",)" : ")");
          stack.pop_back();
        }
        break;
      }
      case NodeKind::Call: {
        const auto kids = dag.children(n);  // callee, then the arguments
        if (f.next == 0) {
          f.next = 1;
          stack.push_back({kids[0], 0});
          break;
        }
        out(f.next == 1 ? "(" : (f.next < kids.size() ? ", " : ""));
        if (f.next < kids.size()) {
          const NodeId child = kids[f.next++];
          stack.push_back({child, 0});
        } else {
          out(")");
          stack.pop_back();
        }
        break;
      }
    }
  }
}

}  // namespace

const char* kind_name(ProgramKind k) noexcept {
  return k == ProgramKind::Solver ? "solver" : "differ";
}

std::string_view canonical_header(ProgramKind k) noexcept {
  return k == ProgramKind::Solver ? "def solve(S, I, C):\n    return "
                                  : "def differ(S, I, C):\n    return ";
}

std::uint64_t canonical_length(const Dag& dag, NodeId root, ProgramKind k) noexcept {
  return std::min(dag.text_length(root) + canonical_header(k).size(), Dag::kHuge);
}

std::string expression_text(const Dag& dag, NodeId root) {
  std::string text;
  text.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(dag.text_length(root), 1 << 20)));
  emit(dag, root, [&](std::string_view s) { text += s; });
  return text;
}

std::string canonical_text(const Dag& dag, NodeId root, ProgramKind k) {
  return std::string(canonical_header(k)) + expression_text(dag, root);
}

std::string canonical_md5(const Dag& dag, NodeId root, ProgramKind k) {
  Md5 md5;
  md5.update(canonical_header(k));
  std::string buffer;
  buffer.reserve(1 << 16);
  emit(dag, root, [&](std::string_view s) {
    if (buffer.size() + s.size() > buffer.capacity()) {
      md5.update(buffer);
      buffer.clear();
    }
    buffer += s;
  });
  md5.update(buffer);
  return md5.hex();
}

namespace {

// The steps of the expanded form: every distinct call under root in post-order (callee
// before arguments, arguments left to right), numbered from 1; identical text is the
// identical node, so this is the reference's CSE by text.
struct Plan {
  std::vector<NodeId> steps;
  std::unordered_map<NodeId, std::uint32_t> var;  // call node -> its step number
  std::string prefix = "x";
};

Plan plan(const Dag& dag, NodeId root) {
  Plan p;
  std::vector<NodeId> free_names;
  struct Frame {
    NodeId node;
    std::uint32_t next;
  };
  std::vector<Frame> stack{{root, 0}};
  while (!stack.empty() && dag.kind(root) == NodeKind::Call) {
    Frame& f = stack.back();
    const auto kids = dag.children(f.node);
    bool descended = false;
    while (f.next < kids.size()) {
      const NodeId child = kids[f.next++];
      if (dag.kind(child) == NodeKind::Call) {
        if (!p.var.count(child)) {
          stack.push_back({child, 0});
          descended = true;
          break;
        }
      }
    }
    if (descended) continue;
    const NodeId n = f.node;
    stack.pop_back();
    if (!p.var.count(n)) {
      p.var.emplace(n, static_cast<std::uint32_t>(p.steps.size() + 1));
      p.steps.push_back(n);
    }
  }
  // Every name under root, tuples included (they are printed whole).
  {
    std::vector<NodeId> todo{root};
    std::unordered_map<NodeId, bool> visited;
    while (!todo.empty()) {
      const NodeId n = todo.back();
      todo.pop_back();
      if (!visited.emplace(n, true).second) continue;
      if (dag.kind(n) == NodeKind::Name) free_names.push_back(n);
      for (NodeId c : dag.children(n)) todo.push_back(c);
    }
  }
  // A free name of the form <prefix><digits> would be captured by a step: lengthen the prefix.
  auto captures = [&](const std::string& prefix) {
    for (NodeId n : free_names) {
      const std::string_view s = dag.name_of(n);
      if (s.size() > prefix.size() && s.starts_with(prefix) &&
          std::all_of(s.begin() + static_cast<std::ptrdiff_t>(prefix.size()), s.end(),
                      [](char c) { return c >= '0' && c <= '9'; })) {
        return true;
      }
    }
    return false;
  };
  while (captures(p.prefix)) p.prefix += 'x';
  return p;
}

constexpr std::string_view kExpandedHead = "from dsl import *\nfrom constants import *\n\n";

std::string_view def_line(ProgramKind k) {
  return k == ProgramKind::Solver ? "def solve(S, I, C):\n" : "def differ(S, I, C):\n";
}

}  // namespace

std::uint64_t expanded_length(const Dag& dag, NodeId root, ProgramKind k) {
  std::uint64_t len =
      kExpandedHead.size() + def_line(k).size() + std::string_view("    return O\n").size();
  auto add = [&](std::uint64_t x) { len = std::min(len + std::min(x, Dag::kHuge), Dag::kHuge); };
  if (dag.kind(root) != NodeKind::Call) {
    add(std::string_view("    O = \n").size());
    add(dag.text_length(root));
    return len;
  }
  const Plan p = plan(dag, root);
  for (std::size_t s = 0; s < p.steps.size(); ++s) {
    // "    x<s> = " or "    O = ", then callee(args) with ", " between arguments, "\n".
    add(4 + (s + 1 < p.steps.size() ? p.prefix.size() + std::to_string(s + 1).size() : 1) + 3);
    const auto kids = dag.children(p.steps[s]);
    for (std::size_t a = 0; a < kids.size(); ++a) {
      const NodeId n = kids[a];
      add(dag.kind(n) == NodeKind::Call ? p.prefix.size() + std::to_string(p.var.at(n)).size()
                                        : dag.text_length(n));
      add(a == 0 ? 1 : (a + 1 < kids.size() ? 2 : 0));  // "(" after the callee, ", " between
    }
    add(2);  // ")\n"
  }
  return len;
}

std::string expanded_text(const Dag& dag, NodeId root, ProgramKind k) {
  std::string out(kExpandedHead);
  out += def_line(k);
  if (dag.kind(root) != NodeKind::Call) {
    out += "    O = " + expression_text(dag, root) + "\n    return O\n";
    return out;
  }
  const Plan p = plan(dag, root);
  auto operand = [&](NodeId n) {
    return dag.kind(n) == NodeKind::Call ? p.prefix + std::to_string(p.var.at(n))
                                         : expression_text(dag, n);
  };
  for (std::size_t s = 0; s < p.steps.size(); ++s) {
    const auto kids = dag.children(p.steps[s]);
    out += s + 1 < p.steps.size() ? "    " + p.prefix + std::to_string(s + 1) + " = "
                                  : std::string("    O = ");
    out += operand(kids[0]) + "(";
    for (std::size_t a = 1; a < kids.size(); ++a) {
      if (a > 1) out += ", ";
      out += operand(kids[a]);
    }
    out += ")\n";
  }
  out += "    return O\n";
  return out;
}

std::string structure_md5(const Dag& dag, NodeId root, ProgramKind k) {
  // Post-order over distinct nodes; each node is written as its kind, its payload and the
  // post-order numbers of its children, so equal structures give equal digests.
  Md5 md5;
  md5.update(kind_name(k));
  std::unordered_map<NodeId, std::uint32_t> number;
  struct Frame {
    NodeId node;
    std::uint32_t next;
  };
  std::vector<Frame> stack{{root, 0}};
  std::string rec;
  while (!stack.empty()) {
    Frame& f = stack.back();
    const auto kids = dag.children(f.node);
    if (f.next < kids.size()) {
      const NodeId child = kids[f.next++];
      if (!number.count(child)) stack.push_back({child, 0});
      continue;
    }
    const NodeId n = f.node;
    stack.pop_back();
    if (number.count(n)) continue;
    rec.clear();
    switch (dag.kind(n)) {
      case NodeKind::Name:
        rec = "N" + std::string(dag.name_of(n));
        break;
      case NodeKind::Int:
        rec = "I" + std::to_string(dag.int_of(n));
        break;
      case NodeKind::Tuple:
        rec = "T";
        break;
      case NodeKind::Call:
        rec = "C";
        break;
    }
    for (NodeId c : kids) rec += " " + std::to_string(number.at(c));
    rec += '\n';
    md5.update(rec);
    number.emplace(n, static_cast<std::uint32_t>(number.size()));
  }
  return md5.hex();
}

}  // namespace batt::program
