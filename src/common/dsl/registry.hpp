#pragma once
// The primitive registry (Lua's luaL_Reg, widened): one table entry per DSL primitive with its
// name, arity, parameter and result kinds, implementation, safe default and flags. Each
// prims_<family>.cpp ends with its table; registry.cpp joins them. A Prim value holds the
// index of its entry in the joined table (all_prims()).
//
// Every primitive has one signature: Value fn(Args, EvalCtx&) noexcept. It reads arguments
// through check.hpp, allocates only through the context, never logs, throws or reads mutable
// globals, and returns an Error value when the reference would raise.
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "dsl/check.hpp"
#include "dsl/ctx.hpp"
#include "dsl/value.hpp"

namespace batt::dsl {

using PrimFn = Value (*)(Args args, EvalCtx& ctx) noexcept;

// The arc_types.py aliases, used to document parameters and to derive the safe default.
enum class Kind : std::uint8_t {
  None,  // unused parameter slot
  Any,
  Boolean,
  Integer,
  IntegerTuple,
  Numerical,
  IntegerSet,
  Grid,
  Cell,
  Object,
  Objects,
  Indices,
  IndicesSet,
  Patch,
  Element,
  Piece,
  Tuple,
  TupleTuple,
  FrozenSet,
  Container,
  ContainerContainer,
  Callable,
};

// What a protected batt line takes when its primitive fails (tokpidjin-pipeline.md §2.5):
// the reference derives it from the return annotation's text. Derived: use safe_default_for()
// of the entry's result kind (arc-dsl entries); tokpidjin entries give theirs explicitly, since
// the dialect's annotations (R8, A8, C_, ...) do not map onto Kind.
enum class SafeDefault : std::uint8_t { EmptyTuple, EmptySet, Zero, False, Callable, Derived };

// The §2.5 rule applied to the resolved arc_types alias (first match wins: FrozenSet-like,
// then Tuple-like, then int, then bool, then Callable; anything else gives `()`).
constexpr SafeDefault safe_default_for(Kind k) noexcept {
  switch (k) {
    case Kind::IntegerSet:
    case Kind::Object:
    case Kind::Objects:
    case Kind::Indices:
    case Kind::IndicesSet:
    case Kind::Patch:
    case Kind::Element:  // Union[Object, Grid] mentions FrozenSet first
    case Kind::Piece:
    case Kind::FrozenSet:
      return SafeDefault::EmptySet;
    case Kind::Integer:
      return SafeDefault::Zero;
    case Kind::Boolean:
      return SafeDefault::False;
    case Kind::Callable:
      return SafeDefault::Callable;
    default:
      return SafeDefault::EmptyTuple;  // Numerical mentions Tuple before int
  }
}

// Flags: how the result may depend on set iteration order (reference/arc-dsl.md §3).
enum PrimFlag : std::uint16_t {
  kFlagNone = 0,
  kOrderYes = 1 << 0,      // exposes iteration order (first, totuple, ...)
  kOrderTies = 1 << 1,     // ties broken by iteration order (argmax, order, ...)
  kHigherOrder = 1 << 2,   // takes a function argument
  kMostcolor = 1 << 3,     // uses mostcolor's tie-break
  kOverlap = 1 << 4,       // paint-like overlap of cells on one position
  kTupleLeak = 1 << 5,     // a tuple of sets flattened in iteration order
  kMulticolor = 1 << 6,    // colour of the first-iterated cell
  kMakesClosure = 1 << 7,  // returns a closure
};

enum class Dialect : std::uint8_t { ArcDsl, Tokpidjin };

struct PrimInfo {
  std::string_view name;
  PrimFn fn;
  std::uint8_t arity;
  std::array<Kind, 4> params;
  Kind result;
  std::uint16_t flags = kFlagNone;
  Dialect dialect = Dialect::ArcDsl;
  SafeDefault fallback = SafeDefault::Derived;
  // The fewest arguments a call may pass when trailing parameters have Python defaults
  // (tokpidjin's get_nth_by_key_*(c, rank, key=identity)); 0: exactly `arity`. `arity` stays
  // the full count, which is what rbind/lbind read (co_argcount).
  std::uint8_t min_arity = 0;
  // Read only while the registry joins the tables: for a tokpidjin entry with fn = nullptr,
  // the arc-dsl primitive whose body it takes (see below); empty: the entry's own name.
  std::string_view body = {};
  bool accepts(std::size_t n) const noexcept {
    return n <= arity && n >= (min_arity ? min_arity : arity);
  }
  SafeDefault safe_default() const noexcept {
    return fallback == SafeDefault::Derived ? safe_default_for(result) : fallback;
  }
};

// Tokpidjin entries whose body is an arc-dsl one (tokpidjin-dsl.md §3.1; size_t is size,
// c_branch is branch) give fn = nullptr: the registry then uses the fn of the arc-dsl entry
// named `body`, or of the same name when `body` is empty (the name must exist: BATT_CHECK at
// start-up). All other fields stay the tokpidjin entry's own (its arity, kinds, flags and
// fallback).

// All primitives of all dialects; a Prim value's index points into this span.
std::span<const PrimInfo> all_prims() noexcept;
const PrimInfo& prim_info(std::int32_t index) noexcept;

// Index of the primitive `name` in dialect `d`, or -1.
std::int32_t find_prim(std::string_view name, Dialect d = Dialect::ArcDsl) noexcept;

// A named constant of the dialect (F, T, ZERO, ..., DOWN, ...), if any.
std::optional<Value> find_constant(std::string_view name, Dialect d = Dialect::ArcDsl) noexcept;

struct ConstantInfo {
  std::string_view name;
  Value value;
};
std::span<const ConstantInfo> all_constants(Dialect d = Dialect::ArcDsl) noexcept;

// The value a safe default stands for (static objects; no allocation).
Value safe_default_value(SafeDefault d) noexcept;

// Family tables, each defined at the end of its prims_<family>.cpp.
namespace detail {
std::span<const PrimInfo> math_prims() noexcept;       // prims_math.cpp
std::span<const PrimInfo> closure_prims() noexcept;    // prims_closure.cpp
std::span<const PrimInfo> container_prims() noexcept;  // prims_container.cpp
std::span<const PrimInfo> patch_prims() noexcept;      // prims_patch.cpp
std::span<const PrimInfo> geometry_prims() noexcept;   // prims_geometry.cpp
std::span<const PrimInfo> color_prims() noexcept;      // prims_color.cpp
std::span<const PrimInfo> paint_prims() noexcept;      // prims_paint.cpp
std::span<const PrimInfo> grid_prims() noexcept;       // prims_grid.cpp
std::span<const PrimInfo> scale_prims() noexcept;      // prims_scale.cpp
// The tokpidjin dialect (tokpidjin-dsl.md), one table per family.
std::span<const PrimInfo> tok_core_prims() noexcept;   // tok_core.cpp: numbers, containers, ranks
std::span<const PrimInfo> tok_patch_prims() noexcept;  // tok_patch.cpp: patches, (i, j, c) cells
std::span<const PrimInfo> tok_grid_prims() noexcept;   // tok_grid.cpp: grids, colours, samples
std::span<const PrimInfo> tok_later_prims() noexcept;  // tok_later.cpp: o_g_t, colorfilter_t
}  // namespace detail

}  // namespace batt::dsl
