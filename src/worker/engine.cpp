#include "worker/engine.hpp"

#include <algorithm>
#include <atomic>
#include <unordered_map>

#include "dsl/check.hpp"
#include "dsl/closure.hpp"
#include "dsl/tuple.hpp"

namespace batt::worker {

using dsl::Value;
using program::NodeId;
using program::NodeKind;
using report::Status;

Status status_of(const Value& v) noexcept {
  if (!v.is_error()) return Status::Ok;
  switch (v.err_code()) {
    case dsl::ErrCode::Timeout:
      return Status::Timeout;
    case dsl::ErrCode::Resource:
      return Status::Resource;
    default:
      return Status::Error;
  }
}

namespace {
std::atomic<std::uint64_t> g_block_serial{0};
}  // namespace

Block::Block(const program::Dag& dag, std::span<const BlockEntry> entries, dsl::Dialect dialect)
    : serial_(next_serial()), dialect_(dialect) {
  // The union of the slices, found iteratively (chains can be 20,000 deep).
  std::unordered_map<NodeId, std::uint32_t> local;
  std::vector<NodeId> order;
  std::vector<NodeId> stack;
  for (const BlockEntry& e : entries) {
    if (local.emplace(e.root, 0).second) stack.push_back(e.root);
    while (!stack.empty()) {
      const NodeId n = stack.back();
      stack.pop_back();
      order.push_back(n);
      for (const NodeId c : dag.children(n)) {
        if (local.emplace(c, 0).second) stack.push_back(c);
      }
    }
  }
  std::sort(order.begin(), order.end());  // children before parents
  for (std::uint32_t i = 0; i < order.size(); ++i) local[order[i]] = i;

  nodes_.resize(order.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) {
    const NodeId n = order[i];
    Node& node = nodes_[i];
    switch (dag.kind(n)) {
      case NodeKind::Name: {
        const std::string_view name = dag.name_of(n);
        if (name == "S") {
          node.op = Op::S;
        } else if (name == "I") {
          node.op = Op::I;
          node.varies = true;
        } else if (name == "C") {
          node.op = Op::C;
          node.varies = true;
        } else if (auto c = dsl::find_constant(name, dialect)) {
          node.value = *c;
        } else if (const std::int32_t p = dsl::find_prim(name, dialect); p >= 0) {
          node.value = Value::prim(p);
        } else {
          node.value = Value::error(dsl::ErrCode::Type);  // NameError: not evaluable
        }
        break;
      }
      case NodeKind::Int:
        node.value = Value::integer(dag.int_of(n));
        break;
      case NodeKind::Tuple:
      case NodeKind::Call:
        node.op = dag.kind(n) == NodeKind::Tuple ? Op::Tuple : Op::Call;
        node.first = static_cast<std::uint32_t>(kids_.size());
        node.count = static_cast<std::uint32_t>(dag.children(n).size());
        for (const NodeId c : dag.children(n)) {
          kids_.push_back(local[c]);
          node.varies = node.varies || nodes_[local[c]].varies;  // children come first
        }
        break;
    }
  }

  // Each entry's slice, and which modes need each node.
  std::vector<std::uint32_t> seen(nodes_.size(), 0);
  std::vector<std::uint32_t> todo;
  slice_begin_.push_back(0);
  for (std::uint32_t k = 0; k < entries.size(); ++k) {
    const std::uint32_t stamp = k + 1;
    const std::uint32_t root = local[entries[k].root];
    roots_.push_back(root);
    modes_.push_back(entries[k].mode);
    todo.assign(1, root);
    seen[root] = stamp;
    while (!todo.empty()) {
      const std::uint32_t i = todo.back();
      todo.pop_back();
      slice_.push_back(i);
      (entries[k].mode == Mode::Strict ? nodes_[i].strict : nodes_[i].batt) = true;
      for (std::uint32_t j = 0; j < nodes_[i].count; ++j) {
        const std::uint32_t c = kids_[nodes_[i].first + j];
        if (seen[c] != stamp) {
          seen[c] = stamp;
          todo.push_back(c);
        }
      }
    }
    slice_begin_.push_back(static_cast<std::uint32_t>(slice_.size()));
  }
}

std::uint64_t Block::next_serial() noexcept {
  return ++g_block_serial;
}

Block Block::single(std::size_t k) const {
  Block one;
  one.serial_ = next_serial();
  one.dialect_ = dialect_;
  // The slice's nodes in ascending (topological) order, renumbered densely.
  std::vector<std::uint32_t> members(slice_.begin() + slice_begin_[k],
                                     slice_.begin() + slice_begin_[k + 1]);
  std::sort(members.begin(), members.end());
  std::unordered_map<std::uint32_t, std::uint32_t> renumber;
  for (std::uint32_t i = 0; i < members.size(); ++i) renumber[members[i]] = i;
  const Mode mode = modes_[k];
  for (const std::uint32_t m : members) {
    Node node = nodes_[m];
    node.strict = mode == Mode::Strict;
    node.batt = mode == Mode::Batt;
    const std::uint32_t first = static_cast<std::uint32_t>(one.kids_.size());
    for (std::uint32_t j = 0; j < node.count; ++j) {
      one.kids_.push_back(renumber.at(kids_[node.first + j]));
    }
    node.first = first;
    one.nodes_.push_back(node);
  }
  one.roots_.push_back(renumber.at(roots_[k]));
  one.modes_.push_back(mode);
  one.slice_.resize(members.size());
  for (std::uint32_t i = 0; i < members.size(); ++i) one.slice_[i] = i;
  one.slice_begin_ = {0, static_cast<std::uint32_t>(members.size())};
  return one;
}

Evaluator::Evaluator(const dsl::Limits& limits, std::size_t arena_bytes)
    : limits_(limits), arena_(arena_bytes), unit_arena_(arena_bytes) {}

Value Evaluator::eval_node(const Block& b, const Block::Node& n, const std::vector<Value>& memo,
                           const Inputs& in, dsl::EvalCtx& ctx) {
  switch (n.op) {
    case Block::Op::Const:
      return n.value;
    case Block::Op::S:
      return in.S;
    case Block::Op::I:
      return in.I;
    case Block::Op::C:
      return in.C;
    case Block::Op::Tuple:
    case Block::Op::Call:
      break;
  }
  args_.clear();
  for (std::uint32_t j = 0; j < n.count; ++j) {
    const Value& v = memo[b.kids_[n.first + j]];
    if (v.is_error()) return v;  // Python raised while evaluating this operand
    args_.push_back(v);
  }
  if (n.op == Block::Op::Tuple) return dsl::tuple_of(args_, ctx);
  return dsl::apply(args_[0], dsl::Args(args_.data() + 1, args_.size() - 1), ctx);
}

Value Evaluator::line_default(const Block::Node& n, const Value& v) noexcept {
  // `tN = _get_safe_default(CALLEE)` (tokpidjin-pipeline.md §2.5). A primitive callee never
  // fails here: batt mode is compat, so apply() already gave that primitive's own default,
  // which is what the line's fallback would be. What still fails is a closure (no return
  // annotation) or a non-function, whose line default is (). An error operand other than a
  // budget error cannot reach here: every call node of a batt slice is a protected line (F3/F4
  // helper lines call only total primitives), so its operands are never errors.
  return n.op == Block::Op::Call && v.is_error() && !dsl::is_budget_error(v) ? dsl::empty_tuple()
                                                                             : v;
}

void Evaluator::run(const Block& b, const Inputs& in, std::vector<Outcome>& out) {
  const std::size_t n = b.nodes_.size();
  // The sample-invariant values of the previous run() stay valid for the same block and S.
  const void* s_id = in.S.is_heap() ? in.S.heap_ptr() : nullptr;
  const bool same_unit = unit_block_ == b.serial() && unit_s_ == s_id && s_id;
  if (!same_unit) {
    unit_arena_.reset();
    unit_block_ = b.serial();
    unit_s_ = s_id;
    strict_.assign(n, Value::none());
    batt_.assign(n, Value::none());
    own_strict_.assign(n, 0);
    own_batt_.assign(n, 0);
    chain_strict_.assign(n, 0);
    chain_batt_.assign(n, 0);
    same_.assign(n, 1);
  }
  arena_.reset();
  dsl::EvalCtx sample_ctx(arena_, limits_), unit_ctx(unit_arena_, limits_);

  // Evaluates node i in one mode: its own budget window, unless its costliest chain of
  // inputs already used up a whole budget.
  auto compute = [&](std::size_t i, std::vector<Value>& memo, std::vector<std::uint64_t>& own,
                     std::vector<std::uint64_t>& chain, Mode mode) {
    const Block::Node& node = b.nodes_[i];
    std::uint64_t longest = 0;
    for (std::uint32_t j = 0; j < node.count; ++j) {
      longest = std::max(longest, chain[b.kids_[node.first + j]]);
    }
    if (longest >= limits_.max_steps) {
      memo[i] = dsl::timeout_error();
      own[i] = 0;
      chain[i] = longest;
      return;
    }
    dsl::EvalCtx& ctx = node.varies ? sample_ctx : unit_ctx;
    ctx.compat = b.compat(mode);
    ctx.restart_budget();
    const std::uint64_t before = ctx.steps();
    memo[i] = eval_node(b, node, memo, in, ctx);
    if (mode == Mode::Batt) memo[i] = line_default(node, memo[i]);
    own[i] = ctx.steps() - before;
    chain[i] = longest + own[i];
  };

  for (std::size_t i = 0; i < n; ++i) {
    const Block::Node& node = b.nodes_[i];
    if (same_unit && !node.varies) continue;  // computed on an earlier sample
    if (node.op != Block::Op::Tuple && node.op != Block::Op::Call) {
      strict_[i] = batt_[i] = eval_node(b, node, strict_, in, sample_ctx);
      continue;
    }
    if (node.strict) compute(i, strict_, own_strict_, chain_strict_, Mode::Strict);
    if (!node.batt) continue;
    // Reuse the strict value when it is not an error and every input was the same in both
    // modes: compatibility mode only differs where something failed.
    bool same = node.strict && !strict_[i].is_error();
    for (std::uint32_t j = 0; same && j < node.count; ++j) same = same_[b.kids_[node.first + j]];
    same_[i] = same;
    if (same) {
      batt_[i] = strict_[i];
      own_batt_[i] = own_strict_[i];
      chain_batt_[i] = chain_strict_[i];
    } else {
      compute(i, batt_, own_batt_, chain_batt_, Mode::Batt);
    }
  }

  out.resize(b.roots_.size());
  for (std::size_t k = 0; k < b.roots_.size(); ++k) {
    const bool batt = b.modes_[k] == Mode::Batt;
    const std::vector<std::uint64_t>& own = batt ? own_batt_ : own_strict_;
    std::uint64_t steps = 0;
    for (std::uint32_t s = b.slice_begin_[k]; s < b.slice_begin_[k + 1]; ++s) {
      steps += own[b.slice_[s]];
    }
    Outcome& o = out[k];
    o.value = (batt ? batt_ : strict_)[b.roots_[k]];
    o.steps = steps;
    o.status = status_of(o.value);
    if (o.status == Status::Ok && steps > limits_.max_steps) o.status = Status::Timeout;
  }
}

}  // namespace batt::worker
