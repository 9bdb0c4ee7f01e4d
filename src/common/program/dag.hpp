#pragma once
// The hash-consed expression DAG of candidate programs. Every distinct expression (a name, an
// integer, a tuple, a call) is one node, so candidates that share sub-expressions share
// nodes, across lines, candidates and files; a node's children always have smaller ids. The
// canonical (fully inlined) text of a node can be exponentially longer than the DAG: its
// length is kept per node (saturating) so callers can refuse to print it.
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace batt::program {

using NodeId = std::uint32_t;

enum class NodeKind : std::uint8_t { Name, Int, Tuple, Call };

class Dag {
 public:
  NodeId name(std::string_view text);
  NodeId integer(std::int64_t value);
  NodeId tuple(std::span<const NodeId> items);
  // `callee(args...)`; callee may itself be a call.
  NodeId call(NodeId callee, std::span<const NodeId> args);

  NodeKind kind(NodeId n) const noexcept { return nodes_[n].kind; }
  std::string_view name_of(NodeId n) const noexcept { return names_[nodes_[n].payload]; }
  std::int64_t int_of(NodeId n) const noexcept {
    return static_cast<std::int64_t>(nodes_[n].payload);
  }
  // Tuple: its items. Call: the callee, then the arguments.
  std::span<const NodeId> children(NodeId n) const noexcept {
    return {kids_.data() + nodes_[n].first, nodes_[n].count};
  }
  // Length in bytes of the node's canonical text, saturated at kHuge.
  std::uint64_t text_length(NodeId n) const noexcept { return nodes_[n].length; }
  std::size_t size() const noexcept { return nodes_.size(); }

  static constexpr std::uint64_t kHuge = std::uint64_t{1} << 62;

 private:
  struct Node {
    NodeKind kind;
    std::uint32_t first = 0;  // into kids_
    std::uint32_t count = 0;
    std::uint64_t payload = 0;  // Name: index into names_; Int: the value's bits
    std::uint64_t length = 0;
  };
  NodeId intern(NodeKind kind, std::uint64_t payload, std::span<const NodeId> kids,
                std::uint64_t length);

  std::vector<Node> nodes_;
  std::vector<NodeId> kids_;
  // Names are looked up by string_view without building a std::string.
  struct NameHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept {
      return std::hash<std::string_view>{}(s);
    }
  };
  std::vector<std::string> names_;
  std::unordered_map<std::string, std::uint32_t, NameHash, std::equal_to<>> name_index_;
  std::unordered_multimap<std::uint64_t, NodeId> by_hash_;
};

}  // namespace batt::program
