#pragma once
// The DSL's one stable merge sort, for the two places where std::stable_sort will not do: it
// works in caller-provided memory (arena scratch, so a primitive never allocates outside the
// arena), and its comparison may fail (Python's `<` on keys that cannot be ordered).
#include <algorithm>
#include <cstddef>
#include <utility>

namespace batt::dsl {

// Sorts v[0..n) stably by bottom-up merging, with tmp[0..n) as working memory. less(a, b)
// returns 1 when a < b, 0 when not, and -1 when the two cannot be compared: the sort then
// stops and returns false, leaving v's contents unspecified. An item only moves ahead of an
// earlier one when it is strictly less, so equal items keep their order. O(n log n), no
// allocation.
template <typename T, typename Less>
bool merge_sort(T* v, T* tmp, std::size_t n, Less&& less) noexcept {
  T* src = v;
  T* dst = tmp;
  for (std::size_t width = 1; width < n; width *= 2) {
    for (std::size_t lo = 0; lo < n; lo += 2 * width) {
      const std::size_t mid = std::min(lo + width, n), hi = std::min(lo + 2 * width, n);
      std::size_t i = lo, j = mid, o = lo;
      while (i < mid && j < hi) {
        const int c = less(src[j], src[i]);  // take the right one only if it is smaller
        if (c < 0) return false;
        dst[o++] = c == 1 ? src[j++] : src[i++];
      }
      while (i < mid) dst[o++] = src[i++];
      while (j < hi) dst[o++] = src[j++];
    }
    std::swap(src, dst);
  }
  if (src != v) std::copy(src, src + n, v);
  return true;
}

}  // namespace batt::dsl
