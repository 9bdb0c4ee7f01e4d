#pragma once
// Patches (reference/arc-dsl.md §1): a frozenset of Cells (an Object) or of locations (Indices),
// or any container the reference iterates the same way (solvers pass tuples). read_patch() is
// the one patch reader of every family: it gives the locations as the reference's
// `for i, j in toindices(patch)` / `for v, (i, j) in obj` visit them, with the kind (object or
// indices) taken from the first element as the reference does. Sets of Pairs or Cells, and
// tuples of them, are read in place (no copy); other containers are copied to the arena.
// Locations are int32: a coordinate outside int32 is an Overflow error (Python has big ints),
// even where the reference would only find it outside the grid (fill, toobject).
#include <cstddef>
#include <cstdint>
#include <span>

#include "dsl/ctx.hpp"
#include "dsl/value.hpp"

namespace batt::dsl {

// ---- sets of Pairs / Cells (the fast paths) ---------------------------------------------------

enum class PatchKind : std::uint8_t { Empty, Indices, Object, Invalid };

// Kind of a patch value; Invalid for anything that is not a set of only Pairs or only Cells
// (tuples included: the callers of patch_kind() take a generic path for them).
PatchKind patch_kind(const Value& v) noexcept;

// Inclusive bounding box of a non-empty patch's locations.
struct BBox {
  std::int64_t top, left, bottom, right;
  std::int64_t height() const noexcept { return bottom - top + 1; }
  std::int64_t width() const noexcept { return right - left + 1; }
};

// Bounding box of a set of Pairs or Cells (no allocation). False when `patch` is empty or not
// such a set.
bool patch_bbox(const Value& patch, BBox& out) noexcept;

// The element at (i, j) (already checked to fit int32) of an object (a Cell of colour c) or of
// indices (a Pair).
constexpr Value patch_elem(bool object, std::int32_t c, std::int64_t i, std::int64_t j) noexcept {
  const auto ii = static_cast<std::int32_t>(i), jj = static_cast<std::int32_t>(j);
  return object ? Value::cell(c, ii, jj) : Value::pair(ii, jj);
}

// Calls fn(first, last) for each run of one colour of a set of Cells (canonical order is
// colour-major), or once for the whole of a set of Pairs (object == false). Inside a run the
// locations are sorted by (i, j).
template <typename Fn>
void for_each_run(const SetObj& s, bool object, Fn&& fn) noexcept;

// Calls fn(first, last) for each row (equal i) of a run sorted by (i, j), top-down or bottom-up.
template <typename Fn>
void for_each_row(const Value* first, const Value* last, bool bottom_up, Fn&& fn) noexcept;

// ---- the general reader -----------------------------------------------------------------------

// A patch as the reference iterates it.
struct PatchView {
  std::span<const Value> locs;   // a(), b() is each element's location: Cells when `object`
                                 // and `loose` is empty, else Pairs
  std::int64_t len = 0;          // len(patch): cells of an object, items of a tuple
  bool object = false;           // elements are cells, so toindices() deduplicates locations
  bool unique_sorted = false;    // locations are distinct and in ascending (i, j) order
  bool canonical = false;        // locs are a set's own items, in canonical order
  std::span<const Value> loose;  // an object not made of Cells: its items, parallel to locs
};

// Reads `v` (argument `arg`) as a patch: a set or tuple (a tuple of small pairs is stored as
// an h x 2 Grid). Value::none() on success (pv.len == 0 for an empty container); else the
// error the reference raises when it iterates the patch (Type, Index or Value error, tied to
// `arg`), Overflow (arg) for a coordinate outside int32, or Resource. Sets of Pairs/Cells and
// tuples of only Pairs or only Cells are read in place; anything else is unpacked item by item
// as the reference does (`i, j` or `value, (i, j)`; a bool coordinate becomes an int) into a
// copy in the arena.
Value read_patch(const Value& v, int arg, EvalCtx& ctx, PatchView& pv) noexcept;

// Bounding box of a view with at least one location. O(n), no allocation.
BBox bbox_of(const PatchView& pv) noexcept;

// read_patch() of a patch that must not be empty (the reference takes min() of its rows), and
// its bounding box: Value error (arg) for an empty one.
Value read_nonempty_patch(const Value& v, int arg, EvalCtx& ctx, PatchView& pv, BBox& box) noexcept;

// center(): (uppermost + height // 2, leftmost + width // 2) of a non-empty view. With
// `as_tuple` (a tuple patch read through the piece rule), height is len(patch) and width is
// len(patch[0]), i.e. 2.
void patch_center(const PatchView& pv, const BBox& box, bool as_tuple, std::int64_t& ci,
                  std::int64_t& cj) noexcept;

// ---- patch operations -------------------------------------------------------------------------

// toindices(patch) for argument `arg`: the empty set for an empty container, the set of an
// object's locations (any value the reference's `value, index` unpacking yields), and an
// indices patch (set or tuple) as is, like the reference, which only looks at its first
// element. Type/Index/Value error (arg) where the reference raises. Allocates the set it builds.
Value to_indices(const Value& patch, int arg, EvalCtx& ctx) noexcept;

// shift(): every location of a read patch moved by (di, dj) (|di|, |dj| <= 2^32), as a set
// (the reference rebuilds a frozenset); cells keep their colour, loose items their value.
// Overflow error when a coordinate leaves int32. Allocates the set.
Value shift_patch(const PatchView& pv, std::int64_t di, std::int64_t dj, EvalCtx& ctx) noexcept;

// Whether the rows (rows == true) or columns of patches a (argument 1) and b (argument 2)
// intersect: `set(i for i, j in a) & set(i for i, j in b)` (hmatching, vmatching, gravitate).
// Errors as read_patch(). Allocates only for sparse keys over a wide range.
Value lines_meet(const Value& a, const Value& b, bool rows, EvalCtx& ctx, bool& out) noexcept;

// ---- implementation ---------------------------------------------------------------------------

template <typename Fn>
void for_each_run(const SetObj& s, bool object, Fn&& fn) noexcept {
  const Value* it = s.items();
  const Value* end = it + s.n;
  while (it != end) {
    const Value* run = end;
    if (object) {
      run = it + 1;
      while (run != end && run->cell_color() == it->cell_color()) ++run;
    }
    fn(it, run);
    it = run;
  }
}

template <typename Fn>
void for_each_row(const Value* first, const Value* last, bool bottom_up, Fn&& fn) noexcept {
  if (bottom_up) {
    for (const Value* e = last; e != first;) {
      const Value* b = e - 1;
      while (b != first && (b - 1)->a() == b->a()) --b;
      fn(b, e);
      e = b;
    }
    return;
  }
  for (const Value* b = first; b != last;) {
    const Value* e = b + 1;
    while (e != last && e->a() == b->a()) ++e;
    fn(b, e);
    b = e;
  }
}

}  // namespace batt::dsl
