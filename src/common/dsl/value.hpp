#pragma once
// DSL values: one 16-byte tagged value, in the manner of Lua's TValue.
//
// Layout (never touched outside value.hpp/.cpp; use the accessors):
//   bytes 0-7   payload: int64 `i`, or two int32 `a`,`b`, or a pointer to an immutable heap object
//   bytes 8-11  aux (int32): Cell colour, Error primitive index, Prim registry index
//   byte  12    Tag
//   byte  13    sub: Error code
//   bytes 14-15 extra: Error argument index
//
//   Int    i = value                 Bool   i = 0 or 1 (own tag; equal/compare treat it as 0/1)
//   None   -                         Pair   a, b: a 2-tuple of plain ints that fit in int32
//   Cell   a, b = (i, j), aux = c: the arc-dsl cell (c, (i, j)) with c and i, j in int32
//   Triple a, b, aux: a 3-tuple of plain ints that fit in int32 - the tokpidjin cell (i, j, c)
//   Float  d = a Python float (the tokpidjin sentinels nan, inf, -inf; any double)
//   Error  aux = primitive, sub = ErrCode, extra = argument index (0 = not tied to one)
//   Prim   aux = registry index
//   Grid, Tuple, Set, Closure: pointer to a heap object owned by an Arena
//
// One representation per Python value (constructors normalise, see tuple_of):
//   - a 2-tuple of plain ints in int32 range is a Pair; (plain int in int32, Pair) is a Cell;
//   - a 3-tuple of plain ints in int32 range is a Triple;
//   - a non-empty tuple of equal-width (>= 1) rows whose items are plain ints in int8 range is
//     a Grid (rows of width 2 are Pairs, so a tuple of small Pairs is a Grid of width 2);
//   - every other tuple, the empty one included, is a Tuple.
// The only values that compare equal across representations involve numbers of different
// types (True == 1 == 1.0).
//
// Sets are sorted, deduplicated vectors in canonical order (compare()): None < numbers (by
// value; -inf and inf at the ends, nan after every number) < tuples (lexicographic, so an
// arc-dsl cell (c, (i, j)) sorts colour-major and a tokpidjin cell (i, j, c) position-major) <
// sets (lexicographic over their sorted elements) < functions. Heap objects are immutable once
// built.
//
// nan: the tokpidjin dialect has one nan object (math.nan), and Python compares container
// items by identity first, so equal() and compare() treat nan as equal to itself (a set holds
// at most one nan, (nan,) == (nan,)). Only the `==` operator applied to two floats directly
// sees nan != nan: that is py_eq().
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

namespace batt::dsl {

enum class Tag : std::uint8_t {
  Int,
  Bool,
  None,
  Pair,
  Cell,
  Triple,
  Float,
  Error,
  Prim,
  // heap tags
  Grid,
  Tuple,
  Set,
  Closure,
};

// What went wrong in a primitive call. Mirrors the Python exception that the reference
// raises, plus the budget outcomes of batt_mpi itself.
enum class ErrCode : std::uint8_t {
  Type,          // TypeError: wrong kind of argument, unorderable keys, not callable
  Value,         // ValueError / StopIteration: empty container, no match, bad unpacking
  Index,         // IndexError: index out of range (e.g. grid[0] of an empty grid)
  ZeroDivision,  // ZeroDivisionError
  Arity,         // TypeError: a callable applied to the wrong number of arguments
  Recursion,     // RecursionError (e.g. power(f, 0))
  Overflow,      // an integer left int64 (Python would carry on with big ints)
  Resource,      // a value or the arena went over its size cap
  Timeout,       // the step budget or deadline of the evaluation ran out
};
const char* errcode_name(ErrCode c) noexcept;

struct GridObj;
struct TupleObj;
struct SetObj;
struct ClosureObj;

class Value {
 public:
  constexpr Value() noexcept : Value(Tag::None) {}

  // ---- constructors of immediates -------------------------------------------------------
  static constexpr Value integer(std::int64_t v) noexcept {
    Value r(Tag::Int);
    r.u_.i = v;
    return r;
  }
  static constexpr Value boolean(bool v) noexcept {
    Value r(Tag::Bool);
    r.u_.i = v ? 1 : 0;
    return r;
  }
  static constexpr Value none() noexcept { return Value(Tag::None); }
  static constexpr Value pair(std::int32_t a, std::int32_t b) noexcept {
    Value r(Tag::Pair);
    r.u_.p = {a, b};
    return r;
  }
  static constexpr Value cell(std::int32_t c, std::int32_t i, std::int32_t j) noexcept {
    Value r(Tag::Cell);
    r.u_.p = {i, j};
    r.aux_ = c;
    return r;
  }
  // The 3-tuple (x, y, z) of ints; in the tokpidjin dialect the cell (i, j, c).
  static constexpr Value triple(std::int32_t x, std::int32_t y, std::int32_t z) noexcept {
    Value r(Tag::Triple);
    r.u_.p = {x, y};
    r.aux_ = z;
    return r;
  }
  static constexpr Value real(double d) noexcept {
    Value r(Tag::Float);
    r.u_.d = d;
    return r;
  }
  // `prim` is a registry index or -1 when the primitive is not known yet (call() fills it).
  static constexpr Value error(ErrCode code, int arg = 0, std::int32_t prim = -1) noexcept {
    Value r(Tag::Error);
    r.aux_ = prim;
    r.sub_ = static_cast<std::uint8_t>(code);
    r.extra_ = static_cast<std::uint16_t>(arg);
    return r;
  }
  static constexpr Value prim(std::int32_t index) noexcept {
    Value r(Tag::Prim);
    r.aux_ = index;
    return r;
  }
  // Heap values: the object must live in an Arena at least as long as the value is used.
  static Value grid(const GridObj* g) noexcept { return heap(Tag::Grid, g); }
  static Value tuple(const TupleObj* t) noexcept { return heap(Tag::Tuple, t); }
  static Value set(const SetObj* s) noexcept { return heap(Tag::Set, s); }
  static Value closure(const ClosureObj* c) noexcept { return heap(Tag::Closure, c); }

  // ---- testers ----------------------------------------------------------------------------
  constexpr Tag tag() const noexcept { return tag_; }
  constexpr bool is_int() const noexcept { return tag_ == Tag::Int; }
  constexpr bool is_bool() const noexcept { return tag_ == Tag::Bool; }
  // Python isinstance(v, int): ints and bools.
  constexpr bool is_intlike() const noexcept { return tag_ == Tag::Int || tag_ == Tag::Bool; }
  constexpr bool is_none() const noexcept { return tag_ == Tag::None; }
  constexpr bool is_pair() const noexcept { return tag_ == Tag::Pair; }
  constexpr bool is_cell() const noexcept { return tag_ == Tag::Cell; }
  constexpr bool is_triple() const noexcept { return tag_ == Tag::Triple; }
  constexpr bool is_float() const noexcept { return tag_ == Tag::Float; }
  // Python isinstance(v, (int, float)): ints, bools and floats.
  constexpr bool is_number() const noexcept { return is_intlike() || tag_ == Tag::Float; }
  constexpr bool is_error() const noexcept { return tag_ == Tag::Error; }
  constexpr bool is_prim() const noexcept { return tag_ == Tag::Prim; }
  constexpr bool is_grid() const noexcept { return tag_ == Tag::Grid; }
  constexpr bool is_tuple() const noexcept { return tag_ == Tag::Tuple; }
  constexpr bool is_set() const noexcept { return tag_ == Tag::Set; }
  constexpr bool is_closure() const noexcept { return tag_ == Tag::Closure; }
  // Python isinstance(v, tuple): Pair, Cell, Triple, Grid and Tuple.
  constexpr bool is_tuplelike() const noexcept {
    return tag_ == Tag::Pair || tag_ == Tag::Cell || tag_ == Tag::Triple || tag_ == Tag::Grid ||
           tag_ == Tag::Tuple;
  }
  constexpr bool is_callable() const noexcept { return tag_ == Tag::Prim || tag_ == Tag::Closure; }
  constexpr bool is_heap() const noexcept { return tag_ >= Tag::Grid; }

  // ---- accessors (caller checks the tag first) --------------------------------------------
  // Int or Bool as a Python int.
  constexpr std::int64_t as_int() const noexcept { return u_.i; }
  constexpr bool as_bool() const noexcept { return u_.i != 0; }
  // Pair components, or the (i, j) of a Cell.
  constexpr std::int32_t a() const noexcept { return u_.p.a; }
  constexpr std::int32_t b() const noexcept { return u_.p.b; }
  constexpr std::int32_t cell_color() const noexcept { return aux_; }
  // Item 2 of a Triple (its items 0 and 1 are a() and b()).
  constexpr std::int32_t c() const noexcept { return aux_; }
  constexpr double as_float() const noexcept { return u_.d; }
  // A number (Int, Bool or Float) as a double.
  constexpr double as_double() const noexcept {
    return tag_ == Tag::Float ? u_.d : static_cast<double>(u_.i);
  }
  constexpr Value cell_loc() const noexcept { return pair(u_.p.a, u_.p.b); }
  constexpr ErrCode err_code() const noexcept { return static_cast<ErrCode>(sub_); }
  constexpr int err_arg() const noexcept { return extra_; }
  constexpr std::int32_t err_prim() const noexcept { return aux_; }
  constexpr std::int32_t prim_index() const noexcept { return aux_; }
  const GridObj& as_grid() const noexcept { return *static_cast<const GridObj*>(u_.ptr); }
  const TupleObj& as_tuple() const noexcept { return *static_cast<const TupleObj*>(u_.ptr); }
  const SetObj& as_set() const noexcept { return *static_cast<const SetObj*>(u_.ptr); }
  const ClosureObj& as_closure() const noexcept { return *static_cast<const ClosureObj*>(u_.ptr); }
  const void* heap_ptr() const noexcept { return u_.ptr; }

  // Same error with its primitive index filled in, if it had none.
  constexpr Value with_err_prim(std::int32_t p) const noexcept {
    Value r = *this;
    if (r.aux_ < 0) r.aux_ = p;
    return r;
  }

 private:
  constexpr explicit Value(Tag t) noexcept : u_{0}, aux_(0), tag_(t), sub_(0), extra_(0) {}
  static Value heap(Tag t, const void* p) noexcept {
    Value r(t);
    r.u_.ptr = p;
    return r;
  }

  union Payload {
    std::int64_t i;
    double d;
    struct {
      std::int32_t a, b;
    } p;
    const void* ptr;
  } u_;
  std::int32_t aux_;
  Tag tag_;
  std::uint8_t sub_;
  std::uint16_t extra_;
};
static_assert(sizeof(Value) == 16, "Value must stay 16 bytes");

// ---- heap objects --------------------------------------------------------------------------
// All are allocated by an Arena (see arena.hpp / build.hpp) with their items right after the
// header, and never change once the value that points at them exists.

// A rectangular grid of small ints, row-major. h >= 1, w >= 1.
struct GridObj {
  std::int32_t h, w;
  const std::int8_t* cells() const noexcept {
    return reinterpret_cast<const std::int8_t*>(this + 1);
  }
  std::int8_t* cells() noexcept { return reinterpret_cast<std::int8_t*>(this + 1); }
  std::int8_t at(std::int32_t i, std::int32_t j) const noexcept { return cells()[i * w + j]; }
  std::span<const std::int8_t> row(std::int32_t i) const noexcept {
    return {cells() + static_cast<std::ptrdiff_t>(i) * w, static_cast<std::size_t>(w)};
  }
  std::size_t area() const noexcept { return static_cast<std::size_t>(h) * w; }
};

// A tuple that is not a Pair, Cell or Grid (see the normalisation rule above).
struct TupleObj {
  std::uint32_t n;
  std::uint32_t pad_;
  const Value* items() const noexcept { return reinterpret_cast<const Value*>(this + 1); }
  Value* items() noexcept { return reinterpret_cast<Value*>(this + 1); }
  std::span<const Value> span() const noexcept { return {items(), n}; }
};

// What all elements of a set are, computed when the set is built; enables fast paths.
enum class SetKind : std::uint8_t { Empty, Ints, Pairs, Cells, Triples, Mixed };

// A frozenset: sorted ascending in canonical order, no two elements equal.
struct SetObj {
  std::uint32_t n;
  SetKind kind;
  std::uint8_t pad_[3];
  const Value* items() const noexcept { return reinterpret_cast<const Value*>(this + 1); }
  Value* items() noexcept { return reinterpret_cast<Value*>(this + 1); }
  std::span<const Value> span() const noexcept { return {items(), n}; }
};

// Closures made by compose, chain, fork, matcher, lbind, rbind, power (see closure.hpp).
enum class ClosureKind : std::uint8_t {
  Compose,     // caps: outer, inner         x -> outer(inner(x))
  Chain,       // caps: h, g, f              x -> h(g(f(x)))
  Fork,        // caps: outer, a, b          x -> outer(a(x), b(x))
  Matcher,     // caps: function, target     x -> function(x) == target
  Rbind,       // caps: function, fixed      (x..) -> function(x.., fixed)
  Lbind,       // caps: function, fixed      (x..) -> function(fixed, x..)
  Power,       // caps: function, n          x -> function applied n times
  ConstEmpty,  // no caps, any arity         (..) -> ()   (safe default of a Callable)
};

struct ClosureObj {
  ClosureKind kind;
  std::int8_t arity;  // number of arguments it takes; -1 = any (ConstEmpty)
  std::uint8_t n;     // number of captured values
  std::uint8_t pad_[5];
  const Value* caps() const noexcept { return reinterpret_cast<const Value*>(this + 1); }
  Value* caps() noexcept { return reinterpret_cast<Value*>(this + 1); }
};

// ---- the one equality and the one order --------------------------------------------------

// Python `==` between container items: numbers by value (True == 1 == 1.0, nan is nan), tuples
// item by item, sets as sets. Functions are equal when they are the same primitive or
// structurally equal closures (Python would compare closures by identity; structural is
// deterministic). Errors equal nothing.
bool equal(const Value& a, const Value& b) noexcept;

// Python's `a == b` operator itself: equal(), except that a float nan is unequal to everything
// at the top level (inside containers Python's identity test makes the one nan equal itself).
bool py_eq(const Value& a, const Value& b) noexcept;

// Strict identity: equal() with Bool distinct from Int at every depth (True is not 1).
// What the golden replay and tests compare with.
bool identical(const Value& a, const Value& b) noexcept;

// Canonical total order used to sort sets: returns <0, 0 or >0. 0 exactly when equal().
int compare(const Value& a, const Value& b) noexcept;

// Python `a < b` as used by sorted/min/max with a key: numbers by value (false whenever nan is
// involved), tuples
// lexicographically (Python rules), sets by PROPER SUBSET, None and functions unorderable.
// Returns 1 (true), 0 (false) or -1 (TypeError: the values cannot be ordered).
int py_less(const Value& a, const Value& b) noexcept;

// Python truthiness: 0, False, None, empty containers are false.
bool truthy(const Value& v) noexcept;

// Whether v is a budget error (Timeout, Resource): it ends the evaluation, and no safe default
// (a primitive's, a batt line's) ever hides it.
constexpr bool is_budget_error(const Value& v) noexcept {
  return v.is_error() && (v.err_code() == ErrCode::Timeout || v.err_code() == ErrCode::Resource);
}

// Python-like repr for diagnostics: `(1, 2)`, `frozenset({(0, 0)})`, `<fn rot90>`, `<error ...>`.
std::string repr(const Value& v);

}  // namespace batt::dsl
