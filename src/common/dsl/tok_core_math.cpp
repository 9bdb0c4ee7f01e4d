// Tokpidjin numbers and logic: add, subtract, multiply, divide, invert, even, double, halve,
// increment, decrement, crement, sign, positive, equality, combine_t (c_branch is Hodel's
// branch: tok_core.cpp).
//
// The bodies are Hodel's (prims_math.cpp) with two dialect changes: operands may be the float
// sentinels nan/inf/-inf, combined with Python's float rules (tok_numbers.hpp), and
// add/subtract read an operand `()` as 0, multiply/divide as 1 (tokpidjin-dsl.md §3.3). The
// isinstance(x, int) dispatch is unchanged: a float at the top level takes the tuple branch
// and fails there (`add(nan, 1)` is the safe default), a float inside a tuple is combined.
#include "dsl/pyops.hpp"
#include "dsl/tok_core.hpp"
#include "dsl/tok_numbers.hpp"
#include "dsl/tuple.hpp"

namespace batt::dsl::detail::tokcore {

namespace {

bool is_empty_tuple(const Value& v) noexcept {
  return v.is_tuple() && v.as_tuple().n == 0;
}

// add/subtract/multiply/divide: `if b == (): b = k`, the same for a, then Hodel's four-way
// isinstance dispatch (int op int; tuple op tuple on items 0 and 1; int op tuple and tuple op
// anything broadcast the scalar).
Value numerical(PyOp op, std::int64_t empty_as, Args a, EvalCtx& ctx) noexcept {
  const Value x = is_empty_tuple(a[0]) ? Value::integer(empty_as) : a[0];
  const Value y = is_empty_tuple(a[1]) ? Value::integer(empty_as) : a[1];
  return numerical_dispatch(op, x, y, ctx, [&](const Value& l, const Value& r) {
    return tok_binop(op, l, r, ctx, 1, 2);
  });
}

// `f(n) if isinstance(n, int) else (f(n[0]), f(n[1]))` where f takes any value (items may be
// floats, tuples, ...; f returns the error Python raises for them).
template <typename F>
Value elementwise(const Value& n, EvalCtx& ctx, F&& f) noexcept {
  if (n.is_intlike()) return f(n);
  Value x0, x1;
  if (Value e = item_pair(n, 1, ctx, x0, x1); e.is_error()) return e;
  return pair_of(f(x0), f(x1), ctx);
}

// `n op k if isinstance(n, int) else (n[0] op k, n[1] op k)`.
Value scalar_numerical(PyOp op, const Value& n, std::int64_t k, EvalCtx& ctx) noexcept {
  const Value kv = Value::integer(k);
  return elementwise(n, ctx, [&](const Value& x) { return tok_binop(op, x, kv, ctx, 1); });
}

}  // namespace

Value prim_add(Args a, EvalCtx& ctx) noexcept {
  return numerical(PyOp::Add, 0, a, ctx);
}
Value prim_subtract(Args a, EvalCtx& ctx) noexcept {
  return numerical(PyOp::Sub, 0, a, ctx);
}
Value prim_multiply(Args a, EvalCtx& ctx) noexcept {
  return numerical(PyOp::Mul, 1, a, ctx);
}
// Floor division `//`: int // int is an int, anything with a float a float (5 // inf is 0.0).
Value prim_divide(Args a, EvalCtx& ctx) noexcept {
  return numerical(PyOp::FloorDiv, 1, a, ctx);
}

Value prim_invert(Args a, EvalCtx& ctx) noexcept {
  return elementwise(a[0], ctx, [](const Value& x) { return tok_neg(x, 1); });
}

// `n % 2 == 0`: a float nan or inf gives False rather than failing.
Value prim_even(Args a, EvalCtx&) noexcept {
  return tok_is_even(a[0], 1);
}

Value prim_double(Args a, EvalCtx& ctx) noexcept {
  return scalar_numerical(PyOp::Mul, a[0], 2, ctx);
}
Value prim_halve(Args a, EvalCtx& ctx) noexcept {
  return scalar_numerical(PyOp::FloorDiv, a[0], 2, ctx);
}
Value prim_increment(Args a, EvalCtx& ctx) noexcept {
  return scalar_numerical(PyOp::Add, a[0], 1, ctx);
}
Value prim_decrement(Args a, EvalCtx& ctx) noexcept {
  return scalar_numerical(PyOp::Sub, a[0], 1, ctx);
}

// `0 if x == 0 else (x + 1 if x > 0 else x - 1)`, per item for a tuple (nan - 1 is nan).
Value prim_crement(Args a, EvalCtx& ctx) noexcept {
  return elementwise(a[0], ctx, [&](const Value& x) {
    if (tok_is_zero(x)) return Value::integer(0);
    const Value up = tok_positive(x, 1);
    if (up.is_error()) return up;
    return tok_binop(up.as_bool() ? PyOp::Add : PyOp::Sub, x, Value::integer(1), ctx, 1);
  });
}

// `0 if x == 0 else (1 if x > 0 else -1)`, per item for a tuple: nan is neither 0 nor > 0, so -1.
Value prim_sign(Args a, EvalCtx& ctx) noexcept {
  return elementwise(a[0], ctx, [](const Value& x) {
    if (tok_is_zero(x)) return Value::integer(0);
    const Value up = tok_positive(x, 1);
    if (up.is_error()) return up;
    return Value::integer(up.as_bool() ? 1 : -1);
  });
}

// `x > 0` for any x: nan gives False, inf True, a non-number fails.
Value prim_positive(Args a, EvalCtx&) noexcept {
  return tok_positive(a[0], 1);
}

// Python's `a == b`: unlike container membership, nan == nan is False here.
Value prim_equality(Args a, EvalCtx&) noexcept {
  return Value::boolean(py_eq(a[0], a[1]));
}

// `a + b` whatever a and b are: tuples concatenate, and numbers add (combine_t(1, 2) is 3).
Value prim_combine_t(Args a, EvalCtx& ctx) noexcept {
  return tok_binop(PyOp::Add, a[0], a[1], ctx, 1, 2);
}

}  // namespace batt::dsl::detail::tokcore
