#pragma once
// The evaluation engine: runs a block of candidates on one sample by walking their shared
// DAG once. Every distinct node the block needs is computed once per sample (and per mode),
// in ascending node id order, which is a topological order because a node's children always
// have smaller ids (dag.hpp).
//
// Budgets. Each node is evaluated in its own budget window (EvalCtx::restart_budget): at most
// max_steps work units and `deadline` of wall time. Its own cost (units charged while it ran)
// is recorded, and a candidate's cost on the sample is the sum of the own costs of the nodes
// in its slice, whoever computed them, so the cost and the Timeout status of a candidate do
// not depend on which other candidates share its block. A node whose longest chain of
// ancestors-to-be already exceeds max_steps is not evaluated at all (it is a Timeout), so a
// hostile chain of expensive steps ends after about max_steps units, not one window per link.
// Values live in the evaluator's arena, which has a byte cap; exhausting it is a Resource
// error for the node that tried to allocate.
//
// Dialect. A block holds candidates of one dialect (its names resolve in that dialect's
// registry). In the tokpidjin dialect every primitive is total in both modes: a failing
// primitive call gives its safe default (EvalCtx::compat, applied by dsl::apply() at the
// primitive that failed; tokpidjin-dsl.md §2.2). In the arc-dsl dialect only batt records
// run that way.
//
// Modes. Strict (solver files): an error value propagates to the output (the candidate's
// status is Error); in the tokpidjin dialect only errors that no primitive wraps get there:
// calling a closure with the wrong arity, calling a non-callable. Batt compatibility (batt
// records, the protected line F2 of tokpidjin-pipeline.md §2.2): primitives are total as
// above, and a call node whose value is still an error (Timeout and Resource aside) takes
// `_get_safe_default(callee)`: the primitive's default for a primitive callee, `()` for a
// closure or a non-callable. Both modes share the walk; a node needed in both is computed
// twice only when its strict value is an error or one of its inputs differs.
//
// Hoisting. A node that depends on neither I nor C (a closure such as rbind(f, x), anything
// computed from S alone) has the same value and cost on every sample of a task: the
// evaluator computes it on the first sample of a unit, keeps it in a second arena, and reuses
// it for the next samples of the same block and S.
//
// Results are deterministic: the same block and sample give the same statuses, steps and
// values, whatever thread runs them (the deadline aside, which only a runaway node reaches).
#include <cstdint>
#include <span>
#include <vector>

#include "dsl/arena.hpp"
#include "dsl/ctx.hpp"
#include "dsl/registry.hpp"
#include "dsl/value.hpp"
#include "program/dag.hpp"
#include "report/rows.hpp"

namespace batt::worker {

enum class Mode : std::uint8_t { Strict = 0, Batt = 1 };

struct BlockEntry {
  program::NodeId root = 0;
  Mode mode = Mode::Strict;
};

// A block of candidates compiled against the DAG: the union of their slices in topological
// order, leaves resolved to values. Built once, evaluated on many samples; read-only and
// shareable between threads. The DAG must outlive it only during construction.
class Block {
 public:
  // All entries are of `dialect` (a block never mixes dialects: the plan cuts blocks by it).
  Block(const program::Dag& dag, std::span<const BlockEntry> entries, dsl::Dialect dialect);

  std::size_t size() const noexcept { return roots_.size(); }
  Mode mode(std::size_t k) const noexcept { return modes_[k]; }
  dsl::Dialect dialect() const noexcept { return dialect_; }
  // Whether primitives are total (EvalCtx::compat) when entries of mode `m` run.
  bool compat(Mode m) const noexcept {
    return dialect_ == dsl::Dialect::Tokpidjin || m == Mode::Batt;
  }

  // A block of entry k alone (its slice, same mode): what validation runs a candidate as,
  // without the corpus's DAG (an MPI worker has only its blocks).
  Block single(std::size_t k) const;
  std::size_t nodes() const noexcept { return nodes_.size(); }
  // Unique per Block ever built in the process (an address can be reused by a later Block).
  std::uint64_t serial() const noexcept { return serial_; }
  // Distinct nodes in entry k's slice.
  std::size_t slice_size(std::size_t k) const noexcept {
    return slice_begin_[k + 1] - slice_begin_[k];
  }

 private:
  friend class Evaluator;
  friend struct WireAccess;  // wire.cpp: the serialized form sent to MPI workers
  Block() = default;
  static std::uint64_t next_serial() noexcept;
  enum class Op : std::uint8_t { Const, S, I, C, Tuple, Call };
  struct Node {
    Op op = Op::Const;
    bool strict = false;      // needed by a strict entry
    bool batt = false;        // needed by a batt entry
    bool varies = false;      // depends on I or C (else only on S and constants)
    std::uint32_t first = 0;  // children in kids_ (Call: callee first)
    std::uint32_t count = 0;
    dsl::Value value;  // Const: the resolved name or integer (an Error for an unknown name)
  };
  std::uint64_t serial_ = 0;
  dsl::Dialect dialect_ = dsl::Dialect::ArcDsl;
  std::vector<Node> nodes_;
  std::vector<std::uint32_t> kids_;
  std::vector<std::uint32_t> roots_;  // local index of each entry's root
  std::vector<Mode> modes_;
  std::vector<std::uint32_t> slice_;        // local node indices of each entry's slice
  std::vector<std::uint32_t> slice_begin_;  // entry k: slice_[slice_begin_[k] .. [k+1])
};

// The values a program sees: S (the demo pairs), I (the input) and C.
struct Inputs {
  dsl::Value S;
  dsl::Value I;
  dsl::Value C = dsl::Value::none();
};

// One candidate on one sample. `status` is Ok (completed), Error, Timeout or Resource; the
// caller compares `value` with the expected output to tell Ok from Mismatch.
struct Outcome {
  dsl::Value value;
  report::Status status = report::Status::Ok;
  std::uint64_t steps = 0;
};

// Per-thread evaluation state: the arena and scratch space. Not thread-safe; one per thread.
class Evaluator {
 public:
  explicit Evaluator(const dsl::Limits& limits, std::size_t arena_bytes = dsl::Arena::kDefaultCap);

  // Evaluates every entry of `block` on `in`; out[k] is entry k's outcome. Values from the
  // previous run() are gone, except the sample-invariant ones when `block` and `in.S` are the
  // same as then; `in` must not live in this evaluator's arenas.
  void run(const Block& block, const Inputs& in, std::vector<Outcome>& out);

  const dsl::Limits& limits() const noexcept { return limits_; }
  dsl::Arena& arena() noexcept { return arena_; }

 private:
  dsl::Value eval_node(const Block& b, const Block::Node& n, const std::vector<dsl::Value>& memo,
                       const Inputs& in, dsl::EvalCtx& ctx);
  // Batt mode: the value of a call node that failed, as its protected line gives it.
  static dsl::Value line_default(const Block::Node& n, const dsl::Value& v) noexcept;

  dsl::Limits limits_;
  dsl::Arena arena_;              // per run(): values that depend on I or C
  dsl::Arena unit_arena_;         // per (block, S): the sample-invariant values
  std::uint64_t unit_block_ = 0;  // Block::serial() of the hoisted values, 0 for none
  const void* unit_s_ = nullptr;
  std::vector<dsl::Value> strict_, batt_;  // per local node
  std::vector<std::uint64_t> own_strict_, own_batt_, chain_strict_, chain_batt_;
  std::vector<std::uint8_t> same_;  // batt value is the strict value
  std::vector<dsl::Value> args_;
};

// Status of a finished value: Error/Timeout/Resource for error values, else Ok.
report::Status status_of(const dsl::Value& v) noexcept;

}  // namespace batt::worker
