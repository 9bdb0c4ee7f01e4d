#include "dsl/patch.hpp"

#include <algorithm>
#include <array>

#include "dsl/check.hpp"
#include "dsl/set.hpp"
#include "dsl/tuple.hpp"

namespace batt::dsl {

namespace {

// The view of a set whose kind is Empty, Pairs or Cells: its elements, in place.
void set_view(const SetObj& s, PatchView& pv) noexcept {
  pv = {};
  pv.len = s.n;
  if (s.n == 0) return;
  pv.locs = s.span();
  pv.object = s.kind == SetKind::Cells;
  pv.canonical = true;
  // Pairs are sorted by (i, j). Cells are colour-major: with one colour, that is (i, j) order
  // and no location repeats.
  pv.unique_sorted = !pv.object || s.items()[0].cell_color() == s.items()[s.n - 1].cell_color();
}

bool all_tagged(std::span<const Value> items, Tag t) noexcept {
  for (const Value& v : items) {
    if (v.tag() != t) return false;
  }
  return true;
}

// Items that are neither all Pairs nor all Cells, read as the reference unpacks them: the
// first element decides object (`value, (i, j)`) or indices (`i, j`); locations are copied
// out as Pairs (a bool coordinate becomes an int). An object's colours may be any value:
// pv.loose keeps the items so that shift() can carry them.
Value read_loose_items(std::span<const Value> items, int arg, EvalCtx& ctx,
                       PatchView& pv) noexcept {
  const Value& first = items[0];
  if (!first.is_tuplelike()) return type_error(arg);
  if (len_of(first) < 2) return index_error(arg);
  const Value second = tuple_item(first, 1, ctx);
  if (second.is_error()) return second;
  const bool object = second.is_tuplelike();
  auto* buf = static_cast<Value*>(ctx.alloc(items.size() * sizeof(Value)));
  if (!buf) return resource_error();
  for (std::size_t k = 0; k < items.size(); ++k) {
    Value where = items[k];
    if (object) {
      if (!where.is_tuplelike()) return type_error(arg);
      if (len_of(where) != 2) return value_error(arg);
      where = tuple_item(where, 1, ctx);
      if (where.is_error()) return where;
    }
    std::int64_t i = 0, j = 0;
    if (!get_ij(where, i, j)) {
      return where.is_tuplelike() && len_of(where) != 2 ? value_error(arg) : type_error(arg);
    }
    if (!fits_i32(i) || !fits_i32(j)) return overflow_error(arg);
    buf[k] = Value::pair(static_cast<std::int32_t>(i), static_cast<std::int32_t>(j));
  }
  pv.locs = {buf, items.size()};
  pv.object = object;
  if (object) pv.loose = items;
  return Value::none();
}

// Whether the keys (rows or columns) of two views intersect.
Value keys_meet(const PatchView& a, const PatchView& b, bool rows, EvalCtx& ctx,
                bool& out) noexcept {
  out = false;
  if (a.len == 0 || b.len == 0) return Value::none();
  const BBox ba = bbox_of(a), bb = bbox_of(b);
  const std::int64_t lo = rows ? std::max(ba.top, bb.top) : std::max(ba.left, bb.left);
  const std::int64_t hi = rows ? std::min(ba.bottom, bb.bottom) : std::min(ba.right, bb.right);
  if (lo > hi) return Value::none();
  auto key = [rows](const Value& v) -> std::int64_t { return rows ? v.a() : v.b(); };
  constexpr std::int64_t kBits = 4096;
  if (hi - lo < kBits) {
    std::array<std::uint64_t, kBits / 64> seen{};
    for (const Value& v : a.locs) {
      const std::int64_t k = key(v);
      if (k >= lo && k <= hi) seen[(k - lo) >> 6] |= std::uint64_t{1} << ((k - lo) & 63);
    }
    for (const Value& v : b.locs) {
      const std::int64_t k = key(v);
      if (k >= lo && k <= hi && (seen[(k - lo) >> 6] >> ((k - lo) & 63) & 1)) {
        out = true;
        break;
      }
    }
    return Value::none();
  }
  // Sparse keys over a wide range: sort a's keys, binary-search b's.
  auto* keys = static_cast<std::int32_t*>(ctx.alloc(a.locs.size() * sizeof(std::int32_t)));
  if (!keys) return resource_error();
  std::size_t n = 0;
  for (const Value& v : a.locs) keys[n++] = static_cast<std::int32_t>(key(v));
  std::sort(keys, keys + n);
  for (const Value& v : b.locs) {
    if (std::binary_search(keys, keys + n, static_cast<std::int32_t>(key(v)))) {
      out = true;
      break;
    }
  }
  return Value::none();
}

}  // namespace

// ---- sets of Pairs / Cells ------------------------------------------------------------------

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
  PatchView pv;
  set_view(patch.as_set(), pv);
  out = bbox_of(pv);
  return true;
}

// ---- the general reader ---------------------------------------------------------------------

Value read_patch(const Value& v, int arg, EvalCtx& ctx, PatchView& pv) noexcept {
  pv = {};
  if (v.is_set()) {
    const SetObj& s = v.as_set();
    switch (s.kind) {
      case SetKind::Empty:
      case SetKind::Pairs:
      case SetKind::Cells:
        set_view(s, pv);
        return Value::none();
      default:
        pv.len = s.n;
        return read_loose_items(s.span(), arg, ctx, pv);
    }
  }
  if (v.is_grid()) {
    // A tuple of small pairs is stored as an h x 2 grid.
    const GridObj& g = v.as_grid();
    pv.len = g.h;
    if (g.w == 1) return index_error(arg);
    if (g.w != 2) return value_error(arg);
    auto* buf = static_cast<Value*>(ctx.alloc(static_cast<std::size_t>(g.h) * sizeof(Value)));
    if (!buf) return resource_error();
    for (std::int32_t r = 0; r < g.h; ++r) buf[r] = Value::pair(g.at(r, 0), g.at(r, 1));
    pv.locs = {buf, static_cast<std::size_t>(g.h)};
    return Value::none();
  }
  if (v.is_tuple()) {
    const std::span<const Value> items = v.as_tuple().span();
    pv.len = static_cast<std::int64_t>(items.size());
    if (items.empty()) return Value::none();
    if (all_tagged(items, Tag::Pair)) {
      pv.locs = items;
    } else if (all_tagged(items, Tag::Cell)) {
      pv.locs = items;
      pv.object = true;
    } else {
      return read_loose_items(items, arg, ctx, pv);
    }
    return Value::none();
  }
  return type_error(arg);  // not a container, or a Pair/Cell whose items are not locations
}

BBox bbox_of(const PatchView& pv) noexcept {
  std::int32_t top = INT32_MAX, left = INT32_MAX, bottom = INT32_MIN, right = INT32_MIN;
  if (pv.unique_sorted) {
    top = pv.locs.front().a();
    bottom = pv.locs.back().a();
    for (const Value& v : pv.locs) {
      left = std::min(left, v.b());
      right = std::max(right, v.b());
    }
  } else {
    for (const Value& v : pv.locs) {
      top = std::min(top, v.a());
      bottom = std::max(bottom, v.a());
      left = std::min(left, v.b());
      right = std::max(right, v.b());
    }
  }
  return {top, left, bottom, right};
}

Value read_nonempty_patch(const Value& v, int arg, EvalCtx& ctx, PatchView& pv,
                          BBox& box) noexcept {
  if (Value e = read_patch(v, arg, ctx, pv); e.is_error()) return e;
  if (pv.len == 0) return value_error(arg);
  box = bbox_of(pv);
  return Value::none();
}

void patch_center(const PatchView& pv, const BBox& box, bool as_tuple, std::int64_t& ci,
                  std::int64_t& cj) noexcept {
  const std::int64_t h = as_tuple ? pv.len : box.height();
  const std::int64_t w = as_tuple ? 2 : box.width();
  ci = box.top + h / 2;
  cj = box.left + w / 2;
}

// ---- patch operations -----------------------------------------------------------------------

Value to_indices(const Value& patch, int arg, EvalCtx& ctx) noexcept {
  const std::int64_t n = len_of(patch);
  if (n < 0) return type_error(arg);
  if (n == 0) return empty_set();
  switch (patch_kind(patch)) {
    case PatchKind::Indices:
      return patch;
    case PatchKind::Object: {
      const SetObj& s = patch.as_set();
      SetBuilder b(ctx, s.n);
      for (const Value& c : s.span()) b.push(c.cell_loc());
      return b.finish();
    }
    default:
      break;
  }
  const Value first = patch.is_set() ? patch.as_set().items()[0] : tuple_item(patch, 0, ctx);
  if (first.is_error()) return first;
  if (!first.is_tuplelike()) return type_error(arg);
  if (len_of(first) < 2) return index_error(arg);
  const Value second = tuple_item(first, 1, ctx);
  if (second.is_error()) return second;
  if (!second.is_tuplelike()) return patch;
  // `frozenset(index for value, index in patch)`: the index may be any value.
  std::span<const Value> items;
  if (Value e = items_of(patch, ctx, items); e.is_error()) return e;
  SetBuilder b(ctx, items.size());
  for (const Value& item : items) {
    if (!item.is_tuplelike()) return type_error(arg);
    if (len_of(item) != 2) return value_error(arg);
    const Value index = tuple_item(item, 1, ctx);
    if (index.is_error()) return index;
    b.push(index);
  }
  return b.finish();
}

Value shift_patch(const PatchView& pv, std::int64_t di, std::int64_t dj, EvalCtx& ctx) noexcept {
  SetBuilder b(ctx, pv.locs.size());
  if (pv.loose.empty()) {
    // Pairs or Cells (as pv.object says). A translation keeps the canonical order, so the
    // items of a set read in place stay ascending and need no comparison.
    for (const Value& v : pv.locs) {
      const std::int64_t i = v.a() + di, j = v.b() + dj;
      if (!fits_i32(i) || !fits_i32(j)) return overflow_error();
      const Value moved = patch_elem(pv.object, v.cell_color(), i, j);
      if (pv.canonical) {
        b.push_ascending(moved);
      } else {
        b.push(moved);
      }
    }
    return b.finish();
  }
  for (std::size_t k = 0; k < pv.locs.size(); ++k) {
    const std::int64_t i = pv.locs[k].a() + di, j = pv.locs[k].b() + dj;
    if (!fits_i32(i) || !fits_i32(j)) return overflow_error();
    const Value value = tuple_item(pv.loose[k], 0, ctx);
    if (value.is_error()) return value;
    const Value t = tuple2(value, patch_elem(false, 0, i, j), ctx);
    if (t.is_error()) return t;
    b.push(t);
  }
  return b.finish();
}

Value lines_meet(const Value& a, const Value& b, bool rows, EvalCtx& ctx, bool& out) noexcept {
  PatchView pa, pb;
  if (Value e = read_patch(a, 1, ctx, pa); e.is_error()) return e;
  if (Value e = read_patch(b, 2, ctx, pb); e.is_error()) return e;
  return keys_meet(pa, pb, rows, ctx, out);
}

}  // namespace batt::dsl
