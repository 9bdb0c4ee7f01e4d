#include "dsl/arena.hpp"

#include <algorithm>
#include <new>

namespace batt::dsl {

namespace {
constexpr std::size_t kFirstBlock = std::size_t{64} << 10;  // 64 KiB: most evaluations fit
constexpr std::size_t kKeepBytes = std::size_t{32} << 20;   // kept across reset() at most
}

Arena::Arena(std::size_t cap_bytes) noexcept : cap_(cap_bytes) {}

Arena::~Arena() = default;

void* Arena::alloc_slow(std::size_t bytes) noexcept {
  if (used() + bytes > cap_) return nullptr;
  // Blocks double in size so a big evaluation needs few of them.
  std::size_t size = blocks_.empty() ? kFirstBlock : blocks_.back().size * 2;
  // No block reaches past the cap, so the fast path in alloc() needs no cap check.
  size = std::max(std::min(size, cap_ - used()), bytes);
  std::unique_ptr<std::byte[]> mem(new (std::nothrow) std::byte[size]);
  if (!mem) return nullptr;
  used_before_ = used();
  try {
    blocks_.push_back({std::move(mem), size});
  } catch (...) {
    return nullptr;
  }
  base_ = cur_ = blocks_.back().mem.get();
  end_ = base_ + size;
  last_ = cur_;
  cur_ += bytes;
  return last_;
}

void Arena::reset() noexcept {
  if (blocks_.empty()) return;
  std::size_t total = 0;
  for (const Block& b : blocks_) total += b.size;
  // A huge arena (a hostile evaluation) is not kept: memory goes back to the system.
  if (total > kKeepBytes) {
    blocks_.clear();
    base_ = cur_ = end_ = last_ = nullptr;
    used_before_ = 0;
    return;
  }
  // Keep one block as large as everything this evaluation used: the next one (the same
  // block of programs on the next sample) likely needs as much, and then allocates nothing.
  // Freeing and reallocating big blocks per evaluation costs page faults every time.
  if (blocks_.size() > 1) {
    total = std::min(total, cap_);  // no block reaches past the cap (see alloc_slow)
    std::unique_ptr<std::byte[]> mem(new (std::nothrow) std::byte[total]);
    if (mem) {
      blocks_.clear();
      blocks_.push_back({std::move(mem), total});
    } else {
      Block keep = std::move(blocks_.back());
      blocks_.clear();
      blocks_.push_back(std::move(keep));
    }
  }
  base_ = cur_ = blocks_.front().mem.get();
  end_ = base_ + blocks_.front().size;
  last_ = nullptr;
  used_before_ = 0;
}

}  // namespace batt::dsl
