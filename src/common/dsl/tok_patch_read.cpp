// The tokpidjin dialect's patch readers (tok_patch.hpp): the Python protocol they need,
// plain patches, toindices/toindices_o, the extremes and the corners.
#include <algorithm>

#include "dsl/grid.hpp"
#include "dsl/set.hpp"
#include "dsl/tok_numbers.hpp"
#include "dsl/tok_patch.hpp"

namespace batt::dsl::tok {

namespace {

bool all_tagged(std::span<const Value> items, Tag t) noexcept {
  for (const Value& v : items) {
    if (v.tag() != t) return false;
  }
  return true;
}

// The (i, j) of every element of a plain patch of cells, as a set.
Value project(const PlainPatch& pp, EvalCtx& ctx) noexcept {
  SetBuilder b(ctx, pp.n);
  for (std::size_t k = 0; k < pp.n; ++k) b.push(Value::pair(pp.i(k), pp.j(k)));
  return b.finish();
}

// `frozenset((i, j) for i, j, c in seq)` for a container seq: Type/Value error when an element
// does not unpack into 3.
Value cell_locations(const Value& seq, EvalCtx& ctx) noexcept {
  SetBuilder b(ctx, static_cast<std::size_t>(len_of(seq)));
  const Value e = for_each_unpacked(seq, 3, ctx, [&](const Value* xs) {
    const Value ij = tuple2(xs[0], xs[1], ctx);
    if (ij.is_error()) return ij;
    b.push(ij);
    return Value::none();
  });
  return e.is_error() ? e : b.finish();
}

// Whether a variant reading a plain patch raises: _i unpacks cells as pairs, _o's toindices_o
// unpacks locations as cells (its default ∅ then has no location).
bool plain_mismatch(const PlainPatch& pp, Via via) noexcept {
  return (via == Via::Indices && pp.cells) || (via == Via::Object && !pp.cells);
}

// Python's min/max of the ints of one plain column.
std::int64_t plain_fold(const PlainPatch& pp, int col, bool want_max) noexcept {
  std::int64_t best = col == 0 ? pp.i(0) : (col == 1 ? pp.j(0) : pp.c(0));
  for (std::size_t k = 1; k < pp.n; ++k) {
    const std::int64_t x = col == 0 ? pp.i(k) : (col == 1 ? pp.j(k) : pp.c(k));
    best = want_max ? std::max(best, x) : std::min(best, x);
  }
  return best;
}

// Which fold a corner applies to column `col`: 0 min, 1 max, -1 KeyError (urcorner and
// llcorner index a {0: ..., 1: ...} dict by column).
int corner_fold(Corner k, std::size_t col) noexcept {
  switch (k) {
    case Corner::UL:
      return 0;
    case Corner::LR:
      return 1;
    case Corner::UR:
      return col == 0 ? 0 : (col == 1 ? 1 : -1);
    case Corner::LL:
      return col == 0 ? 1 : (col == 1 ? 0 : -1);
  }
  return -1;
}

}  // namespace

// ---- the Python protocol ----------------------------------------------------------------------

Value first_item(const Value& c, EvalCtx& ctx) noexcept {
  if (c.is_set()) return c.as_set().n > 0 ? c.as_set().items()[0] : value_error();
  if (!c.is_tuplelike()) return type_error();
  if (len_of(c) == 0) return value_error();
  return tuple_item(c, 0, ctx);
}

Value unpack(const Value& e, std::size_t n, EvalCtx& ctx, Value* out) noexcept {
  const std::int64_t len = len_of(e);
  if (len < 0) return type_error();
  if (static_cast<std::size_t>(len) != n) return value_error();
  switch (e.tag()) {
    case Tag::Pair:
      out[0] = Value::integer(e.a());
      out[1] = Value::integer(e.b());
      return Value::none();
    case Tag::Triple:
      out[0] = Value::integer(e.a());
      out[1] = Value::integer(e.b());
      out[2] = Value::integer(e.c());
      return Value::none();
    default:
      for (std::size_t k = 0; k < n; ++k) {
        out[k] = item_at(e, k, ctx);
        if (out[k].is_error()) return out[k];
      }
      return Value::none();
  }
}

Value zip_elements(const Value& seq, EvalCtx& ctx, std::span<const Value>& elems,
                   std::size_t& cols) noexcept {
  if (Value e = items_of(seq, ctx, elems); e.is_error()) return e;
  if (!ctx.charge(elems.size())) return timeout_error();
  std::int64_t n = elems.empty() ? 0 : INT64_MAX;
  for (const Value& el : elems) {
    const std::int64_t len = len_of(el);
    if (len < 0) return type_error();
    n = std::min(n, len);
  }
  cols = static_cast<std::size_t>(n);
  return Value::none();
}

// ---- plain patches ----------------------------------------------------------------------------

bool plain_patch(const Value& v, PlainPatch& out) noexcept {
  out = {};
  if (v.is_set()) {
    const SetObj& s = v.as_set();
    if (s.kind != SetKind::Pairs && s.kind != SetKind::Triples) return false;
    out.vals = s.items();
    out.n = s.n;
    out.cells = s.kind == SetKind::Triples;
    out.canonical = true;
    return true;
  }
  if (v.is_grid()) {
    const GridObj& g = v.as_grid();
    if (g.w != 2 && g.w != 3) return false;
    out.grid = &g;
    out.n = static_cast<std::size_t>(g.h);
    out.cells = g.w == 3;
    return true;
  }
  if (v.is_tuple() && v.as_tuple().n > 0) {
    const std::span<const Value> items = v.as_tuple().span();
    const bool pairs = all_tagged(items, Tag::Pair);
    if (!pairs && !all_tagged(items, Tag::Triple)) return false;
    out.vals = items.data();
    out.n = items.size();
    out.cells = !pairs;
    return true;
  }
  return false;
}

Box plain_box(const PlainPatch& pp) noexcept {
  Box b{pp.i(0), pp.j(0), pp.i(0), pp.j(0)};
  for (std::size_t k = 1; k < pp.n; ++k) {
    const std::int64_t i = pp.i(k), j = pp.j(k);
    b.top = std::min(b.top, i);
    b.bottom = std::max(b.bottom, i);
    b.left = std::min(b.left, j);
    b.right = std::max(b.right, j);
  }
  return b;
}

// ---- the reference's readers ------------------------------------------------------------------

Value toindices(const Value& patch, EvalCtx& ctx) noexcept {
  if (!is_container(patch) || len_of(patch) == 0) return empty_set();
  PlainPatch pp;
  if (plain_patch(patch, pp)) return pp.cells ? project(pp, ctx) : patch;
  const Value first = first_item(patch, ctx);
  if (first.is_error()) return first;
  if (!is_container(first)) return empty_set();
  if (len_of(first) != 3) return patch;
  return cell_locations(patch, ctx);
}

Value toindices_o(const Value& obj, EvalCtx& ctx) noexcept {
  if (!is_container(obj) || len_of(obj) == 0) return empty_set();
  PlainPatch pp;
  if (plain_patch(obj, pp)) return pp.cells ? project(pp, ctx) : value_error();
  return cell_locations(obj, ctx);
}

Value locations(const Value& p, Via via, EvalCtx& ctx) noexcept {
  switch (via) {
    case Via::Patch:
      return guarded(toindices(p, ctx), SafeDefault::EmptySet);
    case Via::Object:
      return guarded(toindices_o(p, ctx), SafeDefault::EmptySet);
    case Via::Indices:
      break;
  }
  return p;
}

Value extreme(const Value& p, Edge e, Via via, EvalCtx& ctx) noexcept {
  const bool guard = !(e == Edge::Right && via != Via::Patch);
  if (guard && !truthy(p)) return tok_nan();
  const bool want_max = e == Edge::Bottom || e == Edge::Right;
  const int col = e == Edge::Left || e == Edge::Right ? 1 : 0;
  PlainPatch pp;
  if (plain_patch(p, pp)) {
    if (plain_mismatch(pp, via)) return value_error();
    return Value::integer(plain_fold(pp, col, want_max));
  }
  const Value x = locations(p, via, ctx);
  if (x.is_error()) return x;
  Extremum best(want_max);
  const Value err =
      for_each_unpacked(x, 2, ctx, [&](const Value* xs) { return best.add(xs[col]); });
  return err.is_error() ? err : best.result();
}

Value corner_of(const Value& p, Corner k, Via via, EvalCtx& ctx) noexcept {
  PlainPatch pp;
  if (plain_patch(p, pp)) {
    if (via == Via::Object && !pp.cells) return empty_tuple();  // zip(*∅)
    const std::size_t cols = via == Via::Indices && pp.cells ? 3 : 2;
    Value out[3];
    for (std::size_t col = 0; col < cols; ++col) {
      const int f = corner_fold(k, col);
      if (f < 0) return value_error();  // KeyError
      out[col] = Value::integer(plain_fold(pp, static_cast<int>(col), f == 1));
    }
    return tuple_of({out, cols}, ctx);
  }
  const Value x = locations(p, via, ctx);
  if (x.is_error()) return x;
  std::span<const Value> elems;
  std::size_t cols = 0;
  if (Value e = zip_elements(x, ctx, elems, cols); e.is_error()) return e;  // zip(*7)
  if (cols == 0) return empty_tuple();
  TupleBuilder out(ctx, cols);
  for (std::size_t col = 0; col < cols; ++col) {
    const int f = corner_fold(k, col);
    if (f < 0) return value_error();  // KeyError
    if (!ctx.charge(elems.size())) return timeout_error();
    Extremum best(f == 1);
    for (const Value& el : elems) {
      const Value v = item_at(el, col, ctx);
      if (v.is_error()) return v;
      if (Value e = best.add(v); e.is_error()) return e;
    }
    out.push(best.result());
  }
  return out.finish();
}

}  // namespace batt::dsl::tok
