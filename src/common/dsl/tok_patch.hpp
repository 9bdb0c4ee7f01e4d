#pragma once
// Patches of the tokpidjin dialect (tokpidjin-dsl.md §2.1): a frozenset (or tuple) of cells
// (i, j, colour) - an Object - or of locations (i, j) - Indices -, told apart by the LENGTH of
// the first element the reference iterates. This header gives the reference's own readers so
// that every family reads patches as the reference does: toindices(), the `for i, j in ...`
// walk, the bounding-box functions (uppermost & co., ulcorner & co., height/width/shape), shift
// and normalize. They are defined in tok_patch_read.cpp, tok_patch.cpp and tok_patch_geom.cpp;
// the patch primitives are declared in tok_patch_prims.hpp. The other shared modules are
// tok_common.hpp (guarded inner calls, arc_body, item_at) and tok_numbers.hpp (numbers).
//
// Conventions of every function here:
// - It mirrors the reference function of the same name (dsl.py @ 273a50a1) and returns, as an
//   Error value, the exception that function raises (Type/Value/Index errors, see check.hpp).
//   The caller that is itself a primitive returns it, and the registry's safe default applies.
// - Where the reference calls another wrapped primitive, the call goes through guarded(): its
//   failure becomes that primitive's safe default and the computation goes on, as safe_dsl
//   makes it (e.g. uppermost(7) is 0: toindices(7) is ∅, min(∅) raises, uppermost's default).
// - Sets iterate in ascending canonical order (cells position-major), the dialect's decision.
// - Arithmetic is Python's, floats included (tok_numbers.hpp): `nan + 1` is
//   nan, `tuple + int` raises, `tuple + tuple` concatenates.
// - Patches whose elements are all Pairs or all Triples (PlainPatch) take fast paths that give
//   the same values as the general code; nothing else is assumed about the arguments.
// Budget errors (Timeout, Resource) always pass through unchanged.
#include <cstddef>
#include <cstdint>
#include <span>

#include "dsl/ctx.hpp"
#include "dsl/pyops.hpp"
#include "dsl/registry.hpp"
#include "dsl/tok_common.hpp"
#include "dsl/tuple.hpp"
#include "dsl/value.hpp"

namespace batt::dsl::tok {

// ---- the Python protocol ----------------------------------------------------------------------

// `next(iter(c))` of a container with at least one item (a set's smallest item).
Value first_item(const Value& c, EvalCtx& ctx) noexcept;

// `out[0], ..., out[n-1] = e` for 1 <= n <= 3: Type error when e is not iterable, Value error
// when it has another number of items. A set unpacks in iteration order. Allocates only for
// the rows of a grid.
Value unpack(const Value& e, std::size_t n, EvalCtx& ctx, Value* out) noexcept;

// `for x0, ..., x{n-1} in seq`: calls fn(const Value* xs) for each element in iteration order;
// fn returns Value::none() to go on, anything else (an Error, or a result such as False where
// Python's all() stops) ends the loop and is returned. Type error when seq or an element is
// not iterable, Value error for an element of another length (elements after the one that
// stops the loop are not unpacked). Charges one step per element.
template <typename Fn>
Value for_each_unpacked(const Value& seq, std::size_t n, EvalCtx& ctx, Fn&& fn) noexcept;

// `zip(*seq)` for a sequence of iterables: its elements (items_of) and the number of tuples zip
// yields, the length of the shortest element (0 when seq is empty). Type error when seq or an
// element is not iterable. item_at() (tok_common.hpp) reads item k (< cols) of an element.
Value zip_elements(const Value& seq, EvalCtx& ctx, std::span<const Value>& elems,
                   std::size_t& cols) noexcept;

// Python's min() (want_max == false) or max() over values given one at a time: the first
// extreme one wins ties, as in Python. result(): Value error when nothing was given; add():
// Type error when two values cannot be ordered (py_less).
class Extremum {
 public:
  explicit Extremum(bool want_max) noexcept : max_(want_max) {}
  Value add(const Value& v) noexcept {
    if (!has_) {
      best_ = v;
      has_ = true;
      return Value::none();
    }
    const int r = max_ ? py_less(best_, v) : py_less(v, best_);
    if (r < 0) return type_error();
    if (r == 1) best_ = v;
    return Value::none();
  }
  Value result() const noexcept { return has_ ? best_ : value_error(); }

 private:
  bool max_;
  bool has_ = false;
  Value best_;
};

// ---- plain patches (the fast paths) -----------------------------------------------------------

// A non-empty patch whose elements are all Pairs (indices) or all Triples (cells): a set of
// either kind, a tuple of them, or a grid of width 2 or 3 (how a tuple of small pairs or small
// cells is stored). Read in place, no allocation.
struct PlainPatch {
  const Value* vals = nullptr;    // the Pairs or Triples, or
  const GridObj* grid = nullptr;  // the rows of a grid of width 2 or 3
  std::size_t n = 0;              // number of elements (>= 1)
  bool cells = false;             // elements are (i, j, c)
  bool canonical = false;         // a set: elements ascending and distinct

  std::int32_t i(std::size_t k) const noexcept {
    return grid ? grid->at(static_cast<std::int32_t>(k), 0) : vals[k].a();
  }
  std::int32_t j(std::size_t k) const noexcept {
    return grid ? grid->at(static_cast<std::int32_t>(k), 1) : vals[k].b();
  }
  std::int32_t c(std::size_t k) const noexcept {
    return grid ? grid->at(static_cast<std::int32_t>(k), 2) : vals[k].c();
  }
};

// Fills `out` and returns true when v is such a patch.
bool plain_patch(const Value& v, PlainPatch& out) noexcept;

// Inclusive bounding box of a plain patch's locations.
struct Box {
  std::int64_t top, left, bottom, right;
};
Box plain_box(const PlainPatch& pp) noexcept;

// ---- the reference's readers ------------------------------------------------------------------

// Where a primitive's variant reads its locations: toindices(p) (plain name and _f), the value
// itself (_i, whose toindices_i is the identity) or toindices_o(p) (_o).
enum class Via : std::uint8_t { Patch, Indices, Object };

// toindices(patch): ∅ for anything without a length, an empty container, or one whose first
// element has no length; the set of (i, j) when that first element has 3 items (every element
// must then unpack into 3: Type/Value error otherwise); else the patch itself, whatever it is.
Value toindices(const Value& patch, EvalCtx& ctx) noexcept;

// toindices_o(obj): ∅ for anything without a length or empty; else the set of (i, j) of
// `for i, j, c in obj` (Type/Value error when an element does not unpack into 3).
Value toindices_o(const Value& obj, EvalCtx& ctx) noexcept;

// What a variant iterates: guarded toindices(p), p itself, or guarded toindices_o(p) (their
// default is ∅). Never an error other than a budget error.
Value locations(const Value& p, Via via, EvalCtx& ctx) noexcept;

// uppermost/lowermost/leftmost/rightmost and their _i/_o variants: min or max of the rows or
// columns of `for i, j in locations(p)`; nan when p is falsy, except rightmost_i/_o, which have
// no such guard. Value error when there is no location (min of nothing).
enum class Edge : std::uint8_t { Top, Bottom, Left, Right };
Value extreme(const Value& p, Edge e, Via via, EvalCtx& ctx) noexcept;

// ulcorner & co.: `tuple(map(f, zip(*locations(p))))`, one f per column (min/max; urcorner and
// llcorner raise for a third column). `()` when there is no location. Type error when an
// element is not iterable or two values of a column cannot be ordered.
enum class Corner : std::uint8_t { UL, UR, LL, LR };
Value corner_of(const Value& p, Corner k, Via via, EvalCtx& ctx) noexcept;

// height_f/_i/_o and width_f/_i/_o: 0 for an empty container, else
// lowermost - uppermost + 1 (rightmost - leftmost + 1) of the variant, each guarded (default
// 0). Type error when p has no length or the difference is not a number.
Value height_of(const Value& p, Via via, EvalCtx& ctx) noexcept;
Value width_of(const Value& p, Via via, EvalCtx& ctx) noexcept;

// shape_f(p): (height_f(p), width_f(p)), each guarded (default 0). Never an error other than a
// budget error.
Value shape_of(const Value& p, EvalCtx& ctx) noexcept;

// shift(patch, directions): ∅ for a falsy patch, the patch itself when directions == (),
// else the set of each element moved by directions (cells (i + di, j + dj, c) when the first
// element has 3 items, locations (i + di, j + dj) otherwise). Errors where the unpacking or
// the arithmetic raises.
Value shift_of(const Value& patch, const Value& directions, EvalCtx& ctx) noexcept;

// normalize/_i/_o(p): p itself when it is an empty container, else
// shift(p, (-uppermost(p), -leftmost(p))) with the extremes of the variant and the shift each
// guarded. Type error when p has no length or an extreme cannot be negated.
Value normalize_of(const Value& p, Via via, EvalCtx& ctx) noexcept;

// center(patch): `()` when uppermost or leftmost is nan (a falsy patch), else
// (uppermost + height_f // 2, leftmost + width_f // 2), every call guarded.
Value center_of(const Value& patch, EvalCtx& ctx) noexcept;

// manhattan(a, b): inf when a side has no length or is empty; else the least
// |ai - bi| + |aj - bj| over the locations of both (Value error when one has none).
Value manhattan_of(const Value& a, const Value& b, EvalCtx& ctx) noexcept;

// ---- implementation ---------------------------------------------------------------------------

template <typename Fn>
Value for_each_unpacked(const Value& seq, std::size_t n, EvalCtx& ctx, Fn&& fn) noexcept {
  std::span<const Value> items;
  if (Value e = items_of(seq, ctx, items); e.is_error()) return e;
  if (!ctx.charge(items.size())) return timeout_error();
  Value xs[3];
  for (const Value& item : items) {
    if (Value e = unpack(item, n, ctx, xs); e.is_error()) return e;
    if (Value r = fn(static_cast<const Value*>(xs)); !r.is_none()) return r;
  }
  return Value::none();
}

}  // namespace batt::dsl::tok
