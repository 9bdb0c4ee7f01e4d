#include "dsl/color.hpp"

#include <algorithm>

#include "dsl/check.hpp"

namespace batt::dsl {

namespace {

enum class Pick : std::uint8_t { Most, Least };

// The reference's `max(set(values), key=values.count)` (or min): candidates in ascending
// order, the first strictly better count wins, so ties go to the smallest colour.
bool pick_color(const Value& element, Pick pick, std::int64_t& out) noexcept {
  if (const GridObj* g = get_grid(element)) {
    const std::int8_t* c = g->cells();
    const std::size_t n = g->area();
    // ARC colours are 0..9. When every cell is in 0..15 (a vectorised max finds out), count
    // into 16 buckets, interleaved over four tables so that a run of one colour (the
    // background) does not serialise on a single counter; the general path below clears and
    // scans 256 of them, which costs more than a whole small grid.
    std::uint8_t top = 0;
    for (std::size_t k = 0; k < n; ++k) top = std::max(top, static_cast<std::uint8_t>(c[k]));
    if (top < 16) {
      std::uint32_t part[4][16] = {};
      std::size_t k = 0;
      for (; k + 4 <= n; k += 4) {
        ++part[0][c[k]];
        ++part[1][c[k + 1]];
        ++part[2][c[k + 2]];
        ++part[3][c[k + 3]];
      }
      for (; k < n; ++k) ++part[0][c[k]];
      int best = -1;
      std::uint32_t best_n = 0;
      for (int v = 0; v <= top; ++v) {
        const std::uint32_t cnt = part[0][v] + part[1][v] + part[2][v] + part[3][v];
        if (cnt == 0) continue;
        if (best < 0 || (pick == Pick::Most ? cnt > best_n : cnt < best_n)) {
          best = v;
          best_n = cnt;
        }
      }
      out = best;
      return true;
    }
    std::size_t k = 0;
    // Four interleaved tables: runs of one colour would otherwise serialise on one counter.
    std::uint32_t part[4][256] = {};
    for (; k + 4 <= n; k += 4) {
      ++part[0][c[k] + 128];
      ++part[1][c[k + 1] + 128];
      ++part[2][c[k + 2] + 128];
      ++part[3][c[k + 3] + 128];
    }
    for (; k < n; ++k) ++part[0][c[k] + 128];
    std::uint32_t count[256];
    for (int v = 0; v < 256; ++v) count[v] = part[0][v] + part[1][v] + part[2][v] + part[3][v];
    int best = -1;
    for (int v = 0; v < 256; ++v) {
      if (count[v] == 0) continue;
      if (best < 0 || (pick == Pick::Most ? count[v] > count[best] : count[v] < count[best])) {
        best = v;
      }
    }
    out = best - 128;
    return true;
  }
  const SetObj* s = get_set(element);
  if (!s || s->n == 0 || (s->kind != SetKind::Cells && s->kind != SetKind::Pairs)) return false;
  // Cells sort colour-major and Pairs row-major, so equal keys form consecutive runs.
  const bool cells = s->kind == SetKind::Cells;
  auto key = [cells](const Value& v) { return cells ? v.cell_color() : v.a(); };
  const Value* items = s->items();
  std::int64_t best = key(items[0]);
  std::size_t best_n = 0;
  for (std::size_t k = 0; k < s->n;) {
    const std::int32_t v = key(items[k]);
    std::size_t end = k + 1;
    while (end < s->n && key(items[end]) == v) ++end;
    const std::size_t run = end - k;
    if (best_n == 0 || (pick == Pick::Most ? run > best_n : run < best_n)) {
      best = v;
      best_n = run;
    }
    k = end;
  }
  out = best;
  return true;
}

}  // namespace

bool most_color(const Value& element, std::int64_t& out) noexcept {
  return pick_color(element, Pick::Most, out);
}

bool least_color(const Value& element, std::int64_t& out) noexcept {
  return pick_color(element, Pick::Least, out);
}

}  // namespace batt::dsl
