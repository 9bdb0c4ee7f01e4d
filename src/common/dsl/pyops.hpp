#pragma once
// Python-level operations on DSL values that several primitive families need: the sequence
// protocol (`for x in v`, `v[k]`, `x, y = v`, `v[a:b]`, `v[::-1]`) and Python's binary operators
// on arbitrary values. Each function mirrors one Python expression and returns, as an Error
// value, the exception the reference raises there; `arg` is the 1-based argument number that
// error names (0: none). Budget errors (Resource, Timeout) are passed on untied to any argument.
// Nothing here allocates unless stated; what does, allocates in ctx's arena and never throws.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>

#include "dsl/check.hpp"
#include "dsl/ctx.hpp"
#include "dsl/tuple.hpp"
#include "dsl/value.hpp"

namespace batt::dsl {

// ---- iteration ------------------------------------------------------------------------------

// Python isinstance(v, (tuple, frozenset)): what `for x in v` accepts in the DSL.
constexpr bool is_container(const Value& v) noexcept {
  return v.is_tuplelike() || v.is_set();
}

// `for x in v`: items_of() in tuple.hpp.

// ---- subscripts and unpacking ---------------------------------------------------------------

// `v[k]` for k >= 0: Type error (arg) when v is not a tuple, Index error (arg) past the end.
// Allocates only for a grid row (Resource error when that fails). Inline: crop reads four.
inline Value subscript(const Value& v, std::size_t k, int arg, EvalCtx& ctx, Value& out) noexcept {
  if (!v.is_tuplelike()) return type_error(arg);
  if (static_cast<std::int64_t>(k) >= len_of(v)) return index_error(arg);
  out = tuple_item(v, k, ctx);
  return out.is_error() ? out : Value::none();
}

// `v[0], v[1]` (both read before either is used): Type error (arg) when v is not a tuple,
// Index error (arg) when it has fewer than two items. Allocates as subscript().
Value item_pair(const Value& v, int arg, EvalCtx& ctx, Value& x0, Value& x1) noexcept;

// item_pair() where both items must be ints (or bools): Type error (arg) otherwise.
Value int_item_pair(const Value& v, int arg, EvalCtx& ctx, std::int64_t& i,
                    std::int64_t& j) noexcept;

// `x, y = v`: Pair, Cell, a 2-row Grid, a 2-tuple or a 2-set (in iteration order). Value error
// (arg) for another length, Type error (arg) when v is not iterable. Allocates only for grid
// rows.
Value unpack2(const Value& v, int arg, EvalCtx& ctx, Value& x, Value& y) noexcept;

// `i, j = v` where i and j are used as ints: a Pair or a 2-tuple of ints/bools. Value error
// (arg) for a container of another length, Type error (arg) for anything else (including a
// 2-set, which Python would unpack: documented deviation). No allocation.
Value unpack_int_pair(const Value& v, int arg, std::int64_t& i, std::int64_t& j) noexcept;

// `next(iter(c))[0]` (the colour of an object's first-iterated cell): Value error (arg) for an
// empty container (StopIteration), Type/Index error (arg) as the subscript would raise.
// Allocates only for a grid row.
Value first_item_head(const Value& c, int arg, EvalCtx& ctx, Value& out) noexcept;

// ---- slicing --------------------------------------------------------------------------------

// A slice bound clamped to [0, n] as Python does (a negative bound counts from the end).
constexpr std::int64_t slice_bound(std::int64_t x, std::int64_t n) noexcept {
  return x < 0 ? std::max<std::int64_t>(x + n, 0) : std::min(x, n);
}

// `v[s:e]` for a tuple-like v, bounds already clamped to [0, len(v)]. Returns v itself for
// the whole of a Tuple; a Grid is sliced by rows (memcpy). Allocates the result.
Value slice_of(const Value& v, std::int64_t s, std::int64_t e, EvalCtx& ctx) noexcept;

// `v[::-1]` for a tuple-like v. Allocates the result (a Pair is swapped in place).
Value reversed_of(const Value& v, EvalCtx& ctx) noexcept;

// ---- arithmetic -----------------------------------------------------------------------------

// The binary operators the DSL reaches: + - * // and &.
enum class PyOp : std::uint8_t { Add, Sub, Mul, FloorDiv, And };

// `x op y` for two Python ints (bools count as ints; And of two bools is a bool). Overflow
// error (untied) when the result leaves int64, ZeroDivision error (yarg) for `// 0`.
Value py_int_op(PyOp op, const Value& x, const Value& y, int yarg = 0) noexcept;

// `x op y` on arbitrary values with Python's semantics: ints as py_int_op(); tuple + tuple
// concatenates; tuple * int and int * tuple repeat; set - set and set & set are the set
// operations. A Type error names x (xarg) when x is of no type that takes `op` on the left
// (int or tuple for + and *, int or set for - and &, int for //), else y (yarg). Allocates the
// tuple or set it builds (tuple + () returns the tuple itself).
Value py_binop(PyOp op, const Value& x, const Value& y, EvalCtx& ctx, int xarg = 0,
               int yarg = 0) noexcept;

// (r0, r1), or the first error among them (Python raised while computing it). Allocates the
// pair when it is not a Pair of ints.
Value pair_of(const Value& r0, const Value& r1, EvalCtx& ctx) noexcept;

// Hodel's four-way isinstance dispatch of add/subtract/multiply/divide: int op int by
// py_int_op(); tuple op tuple on items 0 and 1; int op tuple and tuple op anything broadcast
// the scalar. `bin(l, r)` combines items (each dialect its own operator semantics); errors
// name the argument an operand comes from (1 for x, 2 for y).
template <typename Bin>
Value numerical_dispatch(PyOp op, const Value& x, const Value& y, EvalCtx& ctx,
                         Bin&& bin) noexcept {
  if (x.is_intlike() && y.is_intlike()) return py_int_op(op, x, y, 2);
  Value x0, x1, y0, y1;
  if (x.is_tuplelike() && y.is_tuplelike()) {
    if (Value e = item_pair(x, 1, ctx, x0, x1); e.is_error()) return e;
    if (Value e = item_pair(y, 2, ctx, y0, y1); e.is_error()) return e;
    return pair_of(bin(x0, y0), bin(x1, y1), ctx);
  }
  if (x.is_intlike() && y.is_tuplelike()) {
    if (Value e = item_pair(y, 2, ctx, y0, y1); e.is_error()) return e;
    return pair_of(bin(x, y0), bin(x, y1), ctx);
  }
  if (Value e = item_pair(x, 1, ctx, x0, x1); e.is_error()) return e;
  return pair_of(bin(x0, y), bin(x1, y), ctx);
}

}  // namespace batt::dsl
