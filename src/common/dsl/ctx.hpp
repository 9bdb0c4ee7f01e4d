#pragma once
// The evaluation context every primitive receives: where to allocate, and how much work and
// memory the current evaluation may still use. Primitives allocate only through it and call
// charge() in loops whose length the program controls, so a hostile program ends with a
// Timeout or Resource error value instead of a hang or an out-of-memory kill.
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
    if (limits_.deadline.count() > 0) deadline_ = Clock::now() + limits_.deadline;
    next_check_ = std::min<std::uint64_t>(kCheckEvery, limits_.max_steps);
  }

  Arena& arena() noexcept { return arena_; }
  const Limits& limits() const noexcept { return limits_; }

  // Raw allocation in the evaluation's arena; nullptr when the arena cap is reached.
  void* alloc(std::size_t bytes) noexcept { return arena_.alloc(bytes); }

  // Whether a value of `n` items is within the per-value cap.
  bool items_ok(std::uint64_t n) const noexcept { return n <= limits_.max_items; }

  // Counts `units` of work. Returns false once the step budget or the deadline is exhausted
  // (and keeps returning false); the caller then returns a Timeout error.
  bool charge(std::uint64_t units = 1) noexcept {
    steps_ += units;
    return steps_ < next_check_ || check_slow();
  }
  bool exhausted() const noexcept { return exhausted_; }
  std::uint64_t steps() const noexcept { return steps_; }

  // Nesting depth of calls of values, maintained by apply().
  std::int32_t depth = 0;

 private:
  using Clock = std::chrono::steady_clock;
  static constexpr std::uint64_t kCheckEvery = 4096;

  bool check_slow() noexcept {
    if (exhausted_) return false;
    if (steps_ >= limits_.max_steps ||
        (limits_.deadline.count() > 0 && Clock::now() >= deadline_)) {
      exhausted_ = true;
      return false;
    }
    next_check_ = std::min(steps_ + kCheckEvery, limits_.max_steps);
    return true;
  }

  Arena& arena_;
  Limits limits_;
  std::uint64_t steps_ = 0;
  std::uint64_t next_check_ = 0;
  Clock::time_point deadline_{};
  bool exhausted_ = false;
};

}  // namespace batt::dsl
