// Arithmetic and logic primitives: identity, add, subtract, multiply, divide, invert, even,
// double, halve, flip, equality, greater, both, either, increment, decrement, crement, sign,
// positive, toivec, tojvec, astuple, branch.
//
// Numerical arguments follow the reference's isinstance dispatch: int op int; tuple op tuple
// on items 0 and 1; int op tuple and tuple op int broadcast the int. Items are combined with
// Python's operator semantics (py_binop, pyops.hpp), so a tuple item added to a tuple item
// concatenates, as in CPython. Bools are ints. Results beyond int64 give an Overflow error.
#include "dsl/pyops.hpp"
#include "dsl/registry.hpp"
#include "dsl/tuple.hpp"

namespace batt::dsl {

namespace {

using Op = PyOp;

// add/subtract/multiply/divide: the reference's four-way isinstance dispatch. Errors name
// the argument an operand comes from.
Value numerical(Op op, Args a, EvalCtx& ctx) noexcept {
  const Value& x = a[0];
  const Value& y = a[1];
  return numerical_dispatch(
      op, x, y, ctx, [&](const Value& l, const Value& r) { return py_binop(op, l, r, ctx, 1, 2); });
}

// `f(n) if isinstance(n, int) else (f(n[0]), f(n[1]))` with f an int -> Value function
// that only applies to ints (the reference would raise on anything else).
template <typename F>
Value unary_numerical(const Value& n, EvalCtx& ctx, F&& f) noexcept {
  if (n.is_intlike()) return f(n.as_int());
  Value x0, x1;
  if (Value e = item_pair(n, 1, ctx, x0, x1); e.is_error()) return e;
  return pair_of(x0.is_intlike() ? f(x0.as_int()) : type_error(1),
                 x1.is_intlike() ? f(x1.as_int()) : type_error(1), ctx);
}

// `n op k if isinstance(n, int) else (n[0] op k, n[1] op k)` where the items may be any value.
Value scalar_numerical(Op op, const Value& n, std::int64_t k, EvalCtx& ctx) noexcept {
  const Value kv = Value::integer(k);
  if (n.is_intlike()) return py_int_op(op, n, kv);
  Value x0, x1;
  if (Value e = item_pair(n, 1, ctx, x0, x1); e.is_error()) return e;
  return pair_of(py_binop(op, x0, kv, ctx, 1), py_binop(op, x1, kv, ctx, 1), ctx);
}

Value prim_identity(Args a, EvalCtx&) noexcept {
  return a[0];
}
Value prim_add(Args a, EvalCtx& ctx) noexcept {
  return numerical(Op::Add, a, ctx);
}
Value prim_subtract(Args a, EvalCtx& ctx) noexcept {
  return numerical(Op::Sub, a, ctx);
}
Value prim_multiply(Args a, EvalCtx& ctx) noexcept {
  return numerical(Op::Mul, a, ctx);
}
Value prim_divide(Args a, EvalCtx& ctx) noexcept {
  return numerical(Op::FloorDiv, a, ctx);
}

Value prim_invert(Args a, EvalCtx& ctx) noexcept {
  return unary_numerical(a[0], ctx, [](std::int64_t x) {
    return x == INT64_MIN ? overflow_error() : Value::integer(-x);
  });
}

Value prim_even(Args a, EvalCtx&) noexcept {
  if (!a[0].is_intlike()) return type_error(1);
  return Value::boolean(floor_mod(a[0].as_int(), 2) == 0);
}

Value prim_double(Args a, EvalCtx& ctx) noexcept {
  return scalar_numerical(Op::Mul, a[0], 2, ctx);
}
Value prim_halve(Args a, EvalCtx& ctx) noexcept {
  return scalar_numerical(Op::FloorDiv, a[0], 2, ctx);
}
Value prim_increment(Args a, EvalCtx& ctx) noexcept {
  return scalar_numerical(Op::Add, a[0], 1, ctx);
}
Value prim_decrement(Args a, EvalCtx& ctx) noexcept {
  return scalar_numerical(Op::Sub, a[0], 1, ctx);
}

Value prim_crement(Args a, EvalCtx& ctx) noexcept {
  return unary_numerical(a[0], ctx, [](std::int64_t x) {
    if (x == INT64_MAX || x == INT64_MIN) return overflow_error();
    return Value::integer(x == 0 ? 0 : (x > 0 ? x + 1 : x - 1));
  });
}

Value prim_sign(Args a, EvalCtx& ctx) noexcept {
  return unary_numerical(a[0], ctx,
                         [](std::int64_t x) { return Value::integer((x > 0) - (x < 0)); });
}

Value prim_flip(Args a, EvalCtx&) noexcept {
  return Value::boolean(!truthy(a[0]));
}

Value prim_equality(Args a, EvalCtx&) noexcept {
  return Value::boolean(equal(a[0], a[1]));
}

Value prim_greater(Args a, EvalCtx&) noexcept {
  const int r = py_less(a[1], a[0]);  // a > b is b < a (for sets: proper superset)
  return r < 0 ? type_error() : Value::boolean(r == 1);
}

Value prim_positive(Args a, EvalCtx&) noexcept {
  if (!a[0].is_intlike()) return type_error(1);
  return Value::boolean(a[0].as_int() > 0);
}

Value prim_both(Args a, EvalCtx&) noexcept {
  return truthy(a[0]) ? a[1] : a[0];
}
Value prim_either(Args a, EvalCtx&) noexcept {
  return truthy(a[0]) ? a[0] : a[1];
}
Value prim_branch(Args a, EvalCtx&) noexcept {
  return truthy(a[0]) ? a[1] : a[2];
}

Value prim_toivec(Args a, EvalCtx& ctx) noexcept {
  return pair_of(a[0], Value::integer(0), ctx);
}
Value prim_tojvec(Args a, EvalCtx& ctx) noexcept {
  return pair_of(Value::integer(0), a[0], ctx);
}
Value prim_astuple(Args a, EvalCtx& ctx) noexcept {
  return pair_of(a[0], a[1], ctx);
}

using K = Kind;

constexpr PrimInfo kTable[] = {
    {"identity", prim_identity, 1, {K::Any}, K::Any},
    {"add", prim_add, 2, {K::Numerical, K::Numerical}, K::Numerical},
    {"subtract", prim_subtract, 2, {K::Numerical, K::Numerical}, K::Numerical},
    {"multiply", prim_multiply, 2, {K::Numerical, K::Numerical}, K::Numerical},
    {"divide", prim_divide, 2, {K::Numerical, K::Numerical}, K::Numerical},
    {"invert", prim_invert, 1, {K::Numerical}, K::Numerical},
    {"even", prim_even, 1, {K::Integer}, K::Boolean},
    {"double", prim_double, 1, {K::Numerical}, K::Numerical},
    {"halve", prim_halve, 1, {K::Numerical}, K::Numerical},
    {"flip", prim_flip, 1, {K::Boolean}, K::Boolean},
    {"equality", prim_equality, 2, {K::Any, K::Any}, K::Boolean},
    {"greater", prim_greater, 2, {K::Integer, K::Integer}, K::Boolean},
    {"both", prim_both, 2, {K::Boolean, K::Boolean}, K::Boolean},
    {"either", prim_either, 2, {K::Boolean, K::Boolean}, K::Boolean},
    {"increment", prim_increment, 1, {K::Numerical}, K::Numerical},
    {"decrement", prim_decrement, 1, {K::Numerical}, K::Numerical},
    {"crement", prim_crement, 1, {K::Numerical}, K::Numerical},
    {"sign", prim_sign, 1, {K::Numerical}, K::Numerical},
    {"positive", prim_positive, 1, {K::Integer}, K::Boolean},
    {"toivec", prim_toivec, 1, {K::Integer}, K::IntegerTuple},
    {"tojvec", prim_tojvec, 1, {K::Integer}, K::IntegerTuple},
    {"astuple", prim_astuple, 2, {K::Integer, K::Integer}, K::IntegerTuple},
    {"branch", prim_branch, 3, {K::Boolean, K::Any, K::Any}, K::Any},
};

}  // namespace

std::span<const PrimInfo> detail::math_prims() noexcept {
  return kTable;
}

}  // namespace batt::dsl
