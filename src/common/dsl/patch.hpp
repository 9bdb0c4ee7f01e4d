#pragma once
// Patches (reference/arc-dsl.md §1): a frozenset of Cells (an Object) or of locations (Indices).
// Like the reference, the kind is read off the set's first element; a set that mixes cells
// and locations, or holds anything else, is Invalid (the reference would raise while
// unpacking). These helpers are shared by every family that reads patches.
#include <cstdint>

#include "dsl/ctx.hpp"
#include "dsl/value.hpp"

namespace batt::dsl {

enum class PatchKind : std::uint8_t { Empty, Indices, Object, Invalid };

// Kind of a patch value; Invalid for anything that is not a set of only Pairs or only Cells.
PatchKind patch_kind(const Value& v) noexcept;

// Inclusive bounding box of a non-empty patch's locations.
struct BBox {
  std::int64_t top, left, bottom, right;
  std::int64_t height() const noexcept { return bottom - top + 1; }
  std::int64_t width() const noexcept { return right - left + 1; }
};

// Bounding box of a patch. False when it is empty or not a valid patch.
bool patch_bbox(const Value& patch, BBox& out) noexcept;

// Calls fn(i, j) for the location of every element of a valid, non-empty patch, in
// iteration order (cells: colour-major, so locations may repeat and come unsorted).
template <typename Fn>
void for_each_loc(const SetObj& s, Fn&& fn) noexcept {
  for (const Value& v : s.span()) fn(std::int64_t{v.a()}, std::int64_t{v.b()});
}

// toindices: the locations of a patch as an Indices set (the patch itself if it already is
// one; the empty set for an empty patch). Type error for a non-patch.
Value to_indices(const Value& patch, EvalCtx& ctx) noexcept;

// shift: every location moved by (di, dj); cells keep their colour. Type error for an
// invalid patch, Value error for an empty one (the reference reads its first element),
// Overflow error when a coordinate leaves int32.
Value shift_patch(const Value& patch, std::int64_t di, std::int64_t dj, EvalCtx& ctx) noexcept;

}  // namespace batt::dsl
