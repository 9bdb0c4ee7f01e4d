#pragma once
// Bump allocator for DSL heap values. One arena per evaluation (candidate x sample): every
// intermediate value is allocated here and freed all at once by reset(). Long-lived values
// (task grids, constants, golden arguments) go into an arena that is never reset.
//
// The arena enforces a byte cap: alloc() returns nullptr once the cap would be exceeded, and
// the caller turns that into an ErrCode::Resource error value. Memory stays bounded whatever
// the program does. Not thread-safe: one arena per thread.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace batt::dsl {

class Arena {
 public:
  static constexpr std::size_t kDefaultCap = std::size_t{512} << 20;  // 512 MiB

  explicit Arena(std::size_t cap_bytes = kDefaultCap) noexcept;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  ~Arena();

  // `bytes` rounded up to 16; alignment 16. nullptr when over the cap or out of memory.
  void* alloc(std::size_t bytes) noexcept {
    bytes = (bytes + 15) & ~std::size_t{15};
    if (bytes <= static_cast<std::size_t>(end_ - cur_)) {
      void* p = cur_;
      last_ = cur_;
      cur_ += bytes;
      return p;
    }
    return alloc_slow(bytes);
  }

  // Shrinks the most recent allocation `p` to `bytes` (a builder that reserved too much).
  void shrink_last(void* p, std::size_t bytes) noexcept {
    if (p == last_) cur_ = last_ + ((bytes + 15) & ~std::size_t{15});
  }

  // Frees everything; keeps the first block for reuse.
  void reset() noexcept;

  std::size_t used() const noexcept {
    return used_before_ + static_cast<std::size_t>(cur_ - base_);
  }
  std::size_t cap() const noexcept { return cap_; }
  void set_cap(std::size_t cap) noexcept { cap_ = cap; }

 private:
  void* alloc_slow(std::size_t bytes) noexcept;

  struct Block {
    std::unique_ptr<std::byte[]> mem;
    std::size_t size;
  };
  std::vector<Block> blocks_;
  std::byte* base_ = nullptr;  // start of the current block
  std::byte* cur_ = nullptr;
  std::byte* end_ = nullptr;
  std::byte* last_ = nullptr;
  std::size_t used_before_ = 0;  // bytes in the blocks before the current one
  std::size_t cap_;
};

}  // namespace batt::dsl
