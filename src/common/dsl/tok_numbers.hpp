#pragma once
// Python number semantics with floats, for the tokpidjin dialect (tokpidjin-dsl.md §2.3): its
// sentinels nan, inf and -inf are Python floats, and they reach arithmetic (`add((nan, 1), 1)`,
// `halve((inf, 2))`, `even(nan)`) and comparisons. These extend pyops.hpp, which knows ints,
// tuples and sets only: an operation with a float operand computes in double exactly as
// CPython's float type does (int op float converts the int), everything else is delegated to
// py_binop() / py_less(). Like pyops.hpp, each function returns as an Error value the exception
// the reference raises, `arg` being the 1-based argument number it names. Nothing here
// allocates unless py_binop() does. Every tokpidjin family (core, grid, patch) uses this one
// module for its numbers.
#include <cmath>
#include <cstdint>

#include "dsl/ctx.hpp"
#include "dsl/pyops.hpp"
#include "dsl/value.hpp"

namespace batt::dsl {

// ---- arithmetic -----------------------------------------------------------------------------

// `x op y`. Two numbers of which one is a float: a float result, with CPython's float rules
// (inf - inf is nan; `//` floors through fmod as float_floordiv does, `5 // inf` is 0.0 and
// `-5 // inf` is -1.0; a zero divisor is a ZeroDivision error naming yarg; `&` with a float
// is a Type error). Anything else: py_binop() (tuple + tuple concatenates, int overflow is an
// Overflow error).
Value tok_binop(PyOp op, const Value& x, const Value& y, EvalCtx& ctx, int xarg = 0,
                int yarg = 0) noexcept;

// `x + k` for a small int k (the reference's `uppermost(p) + 1` & co.).
inline Value tok_add_int(const Value& x, std::int64_t k, EvalCtx& ctx) noexcept {
  return tok_binop(PyOp::Add, x, Value::integer(k), ctx);
}

// `-x`: ints (bools give ints) and floats; Type error (arg) for anything else, Overflow error
// (arg) for -INT64_MIN.
Value tok_neg(const Value& x, int arg = 0) noexcept;

// `abs(x)` of an int (a bool gives an int) or a float; Type error for anything else.
Value tok_abs(const Value& x) noexcept;

// `x % 2 == 0` for a number (a float that is nan or infinite gives nan, so False); Type error
// (arg) for anything else.
Value tok_is_even(const Value& x, int arg = 0) noexcept;

// ---- comparisons ----------------------------------------------------------------------------

// `x < y` and `x <= y` as a Bool (numbers by value, false with nan; tuples lexicographic; sets
// by subset). Type error when Python raises (e.g. an int against a tuple or None).
Value tok_lt(const Value& x, const Value& y) noexcept;
Value tok_le(const Value& x, const Value& y) noexcept;

// Python `x > 0` / `x == 0` against the int 0 for any value: `>` is a Type error (arg) for a
// value that is not a number; `==` never fails (nan equals nothing).
Value tok_positive(const Value& x, int arg = 0) noexcept;
bool tok_is_zero(const Value& x) noexcept;

// ---- the float sentinels --------------------------------------------------------------------

// math.nan, math.inf and -math.inf. The dialect has one nan: a float that is NaN is that one.
inline Value tok_nan() noexcept {
  return Value::real(std::nan(""));
}
inline Value tok_inf() noexcept {
  return Value::real(HUGE_VAL);
}
inline Value tok_ninf() noexcept {
  return Value::real(-HUGE_VAL);
}
inline bool tok_is_nan(const Value& v) noexcept {
  return v.is_float() && std::isnan(v.as_float());
}

}  // namespace batt::dsl
