#include "dsl/patch.hpp"

#include <algorithm>

#include "dsl/check.hpp"
#include "dsl/set.hpp"

namespace batt::dsl {

PatchKind patch_kind(const Value& v) noexcept {
  if (!v.is_set()) return PatchKind::Invalid;
  switch (v.as_set().kind) {
    case SetKind::Empty:
      return PatchKind::Empty;
    case SetKind::Pairs:
      return PatchKind::Indices;
    case SetKind::Cells:
      return PatchKind::Object;
    default:
      return PatchKind::Invalid;
  }
}

bool patch_bbox(const Value& patch, BBox& out) noexcept {
  const PatchKind k = patch_kind(patch);
  if (k != PatchKind::Indices && k != PatchKind::Object) return false;
  const SetObj& s = patch.as_set();
  std::int32_t top = INT32_MAX, left = INT32_MAX, bottom = INT32_MIN, right = INT32_MIN;
  if (k == PatchKind::Indices) {
    // Sorted by (i, j): the rows are the first and last items; columns need a scan.
    top = s.items()[0].a();
    bottom = s.items()[s.n - 1].a();
    for (const Value& v : s.span()) {
      left = std::min(left, v.b());
      right = std::max(right, v.b());
    }
  } else {
    for (const Value& v : s.span()) {
      top = std::min(top, v.a());
      bottom = std::max(bottom, v.a());
      left = std::min(left, v.b());
      right = std::max(right, v.b());
    }
  }
  out = {top, left, bottom, right};
  return true;
}

Value to_indices(const Value& patch, EvalCtx& ctx) noexcept {
  switch (patch_kind(patch)) {
    case PatchKind::Empty:
      return empty_set();
    case PatchKind::Indices:
      return patch;
    case PatchKind::Object: {
      const SetObj& s = patch.as_set();
      SetBuilder b(ctx, s.n);
      for (const Value& c : s.span()) b.push(c.cell_loc());
      return b.finish();
    }
    case PatchKind::Invalid:
      break;
  }
  return type_error(1);
}

Value shift_patch(const Value& patch, std::int64_t di, std::int64_t dj, EvalCtx& ctx) noexcept {
  const PatchKind k = patch_kind(patch);
  if (k == PatchKind::Empty) return value_error(1);
  if (k == PatchKind::Invalid) return type_error(1);
  const SetObj& s = patch.as_set();
  if (di == 0 && dj == 0) return patch;
  if (!fits_i32(di) || !fits_i32(dj)) return overflow_error(2);
  // A translation keeps the canonical order, so the builder never sorts.
  SetBuilder b(ctx, s.n);
  for (const Value& v : s.span()) {
    const std::int64_t i = v.a() + di, j = v.b() + dj;
    if (!fits_i32(i) || !fits_i32(j)) return overflow_error();
    const auto ii = static_cast<std::int32_t>(i), jj = static_cast<std::int32_t>(j);
    b.push(k == PatchKind::Object ? Value::cell(v.cell_color(), ii, jj) : Value::pair(ii, jj));
  }
  return b.finish();
}

}  // namespace batt::dsl
