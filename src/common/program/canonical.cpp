#include "program/canonical.hpp"

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

std::string expanded_text(const Dag& dag, NodeId root, ProgramKind k) {
  std::string out = "from dsl import *\nfrom constants import *\n\n";
  out += k == ProgramKind::Solver ? "def solve(S, I, C):\n" : "def differ(S, I, C):\n";
  if (dag.kind(root) != NodeKind::Call) {
    out += "    O = " + expression_text(dag, root) + "\n    return O\n";
    return out;
  }
  // Post-order, callee before arguments, arguments left to right; one step per distinct call
  // (identical text is the identical node: CSE by node id).
  std::unordered_map<NodeId, std::uint32_t> var;  // call node -> its x number
  auto operand = [&](NodeId n) {
    return dag.kind(n) == NodeKind::Call ? "x" + std::to_string(var.at(n))
                                         : expression_text(dag, n);
  };
  std::vector<std::string> steps;
  struct Frame {
    NodeId node;
    std::uint32_t next;
  };
  std::vector<Frame> stack{{root, 0}};
  while (!stack.empty()) {
    Frame& f = stack.back();
    const auto kids = dag.children(f.node);
    bool descended = false;
    while (f.next < kids.size()) {
      const NodeId child = kids[f.next++];
      if (dag.kind(child) == NodeKind::Call && !var.count(child)) {
        stack.push_back({child, 0});
        descended = true;
        break;
      }
    }
    if (descended) continue;
    const NodeId n = f.node;
    stack.pop_back();
    if (var.count(n)) continue;
    std::string line = operand(kids[0]) + "(";
    for (std::size_t a = 1; a < kids.size(); ++a) {
      if (a > 1) line += ", ";
      line += operand(kids[a]);
    }
    line += ")";
    var.emplace(n, static_cast<std::uint32_t>(steps.size() + 1));
    steps.push_back(std::move(line));
  }
  for (std::size_t s = 0; s + 1 < steps.size(); ++s) {
    out += "    x" + std::to_string(s + 1) + " = " + steps[s] + "\n";
  }
  out += "    O = " + steps.back() + "\n    return O\n";
  return out;
}

}  // namespace batt::program
