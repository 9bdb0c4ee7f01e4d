#pragma once
// The evaluation context every primitive receives: where to allocate, and how much work and
// memory the current evaluation may still use. Primitives allocate only through it and call
// charge() in loops whose length the program controls, so a hostile program ends with a
// Timeout or Resource error value instead of a hang or an out-of-memory kill.
#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>

#include "dsl/arena.hpp"

namespace batt::dsl {

struct Limits {
  std::uint64_t max_steps = 50'000'000;  // calls of values + work units charged by primitives
  std::uint32_t max_items = 1u << 20;    // items (elements, cells) in any one value
  std::int32_t max_depth = 400;          // nesting of calls of values (closures calling closures)
  std::chrono::nanoseconds deadline{0};  // wall-clock budget of the evaluation; 0 = none
};

class EvalCtx {
 public:
  explicit EvalCtx(Arena& arena, const Limits& limits = {}) noexcept
      : arena_(arena), limits_(limits) {
    restart_budget();
  }

  Arena& arena() noexcept { return arena_; }
  const Limits& limits() const noexcept { return limits_; }

  // Raw allocation in the evaluation's arena; nullptr when the arena cap is reached.
  void* alloc(std::size_t bytes) noexcept { return arena_.alloc(bytes); }

  // Whether a value of `n` items is within the per-value cap.
  bool items_ok(std::uint64_t n) const noexcept { return n <= limits_.max_items; }

  // Counts `units` of work. Returns false once the step budget or the deadline of the current
  // budget window is exhausted (and keeps returning false until restart_budget()); the caller
  // then returns a Timeout error.
  bool charge(std::uint64_t units = 1) noexcept {
    steps_ += units;
    return steps_ < next_check_ || check_slow();
  }
  bool exhausted() const noexcept { return exhausted_; }
  // Work units charged since the context was made (across budget windows).
  std::uint64_t steps() const noexcept { return steps_; }

  // Opens a new budget window: the next max_steps units and the next `deadline` of wall
  // time. The evaluation engine opens one per DAG node, so a node shared by many candidates
  // is charged once and its own cost is measurable (steps() before and after). The clock is
  // read lazily, at the first slow check (after a few thousand units), so cheap windows
  // never read it.
  void restart_budget() noexcept {
    budget_end_ = limits_.max_steps > ~std::uint64_t{0} - steps_ ? ~std::uint64_t{0}
                                                                 : steps_ + limits_.max_steps;
    next_check_ = std::min(steps_ + kCheckEvery, budget_end_);
    exhausted_ = false;
    clock_started_ = false;
  }

  // Nesting depth of calls of values, maintained by apply().
  std::int32_t depth = 0;

  // Compatibility mode (tokpidjin-pipeline.md §2.5): every primitive is total, as the
  // reference's safe_dsl wrappers make it: a primitive call that fails with anything but a
  // budget error (Timeout, Resource) returns the primitive's safe default instead. Read by
  // apply(), which substitutes at the failing primitive only (closures are not wrapped). On
  // for every tokpidjin evaluation, and for arc-dsl candidates of batt records.
  bool compat = false;

 private:
  using Clock = std::chrono::steady_clock;
  static constexpr std::uint64_t kCheckEvery = 4096;

  bool check_slow() noexcept {
    if (exhausted_) return false;
    if (steps_ >= budget_end_) {
      exhausted_ = true;
      return false;
    }
    if (limits_.deadline.count() > 0) {
      const Clock::time_point now = Clock::now();
      if (!clock_started_) {
        window_start_ = now;
        clock_started_ = true;
      } else if (now - window_start_ >= limits_.deadline) {
        exhausted_ = true;
        return false;
      }
    }
    next_check_ = std::min(steps_ + kCheckEvery, budget_end_);
    return true;
  }

  Arena& arena_;
  Limits limits_;
  std::uint64_t steps_ = 0;
  std::uint64_t budget_end_ = 0;
  std::uint64_t next_check_ = 0;
  Clock::time_point window_start_{};
  bool clock_started_ = false;
  bool exhausted_ = false;
};

}  // namespace batt::dsl
