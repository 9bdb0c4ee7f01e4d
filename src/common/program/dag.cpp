#include "program/dag.hpp"

#include <algorithm>
#include <string>

namespace batt::program {

namespace {

std::uint64_t mix(std::uint64_t h, std::uint64_t v) noexcept {
  h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  return h;
}

std::uint64_t sat_add(std::uint64_t a, std::uint64_t b) noexcept {
  return std::min(a + b, Dag::kHuge);  // both operands <= kHuge, so no wrap-around
}

}  // namespace

NodeId Dag::intern(NodeKind kind, std::uint64_t payload, std::span<const NodeId> kids,
                   std::uint64_t length) {
  std::uint64_t h = mix(static_cast<std::uint64_t>(kind) + 1, payload);
  for (NodeId k : kids) h = mix(h, k);
  auto [lo, hi] = by_hash_.equal_range(h);
  for (auto it = lo; it != hi; ++it) {
    const Node& n = nodes_[it->second];
    if (n.kind == kind && n.payload == payload &&
        std::equal(kids.begin(), kids.end(), kids_.begin() + n.first,
                   kids_.begin() + n.first + n.count)) {
      return it->second;
    }
  }
  const auto id = static_cast<NodeId>(nodes_.size());
  nodes_.push_back({kind, static_cast<std::uint32_t>(kids_.size()),
                    static_cast<std::uint32_t>(kids.size()), payload, length});
  kids_.insert(kids_.end(), kids.begin(), kids.end());
  by_hash_.emplace(h, id);
  return id;
}

NodeId Dag::name(std::string_view text) {
  auto it = name_index_.find(text);
  std::uint32_t index;
  if (it == name_index_.end()) {
    index = static_cast<std::uint32_t>(names_.size());
    names_.emplace_back(text);
    name_index_.emplace(names_.back(), index);
  } else {
    index = it->second;
  }
  return intern(NodeKind::Name, index, {}, text.size());
}

NodeId Dag::integer(std::int64_t value) {
  return intern(NodeKind::Int, static_cast<std::uint64_t>(value), {}, std::to_string(value).size());
}

NodeId Dag::tuple(std::span<const NodeId> items) {
  // "(a, b)"; one item prints "(a,)"; none "()".
  std::uint64_t len = 2 + (items.size() == 1 ? 1 : 0);
  for (std::size_t k = 0; k < items.size(); ++k) {
    len = sat_add(len, nodes_[items[k]].length + (k ? 2 : 0));
  }
  return intern(NodeKind::Tuple, 0, items, len);
}

NodeId Dag::call(NodeId callee, std::span<const NodeId> args) {
  std::vector<NodeId> kids;
  kids.reserve(args.size() + 1);
  kids.push_back(callee);
  kids.insert(kids.end(), args.begin(), args.end());
  std::uint64_t len = sat_add(nodes_[callee].length, 2);  // "f(" ... ")"
  for (std::size_t k = 0; k < args.size(); ++k) {
    len = sat_add(len, nodes_[args[k]].length + (k ? 2 : 0));
  }
  return intern(NodeKind::Call, 0, kids, len);
}

}  // namespace batt::program
