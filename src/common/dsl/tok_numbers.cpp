#include "dsl/tok_numbers.hpp"

#include <cmath>

#include "dsl/check.hpp"

namespace batt::dsl {

namespace {

// CPython's float `//` (floatobject.c, _float_div_mod): fmod first, then the quotient
// corrected so that the remainder takes the divisor's sign, snapped to an integral value.
// The divisor is not zero.
double float_floor_div(double vx, double wx) noexcept {
  // `x != 0.0` holds for nan, as C's truth test of a double does in CPython.
  const double mod = std::fmod(vx, wx);
  double div = (vx - mod) / wx;
  if (mod != 0.0 && (wx < 0) != (mod < 0)) div -= 1.0;
  if (div != 0.0) {
    double floordiv = std::floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
    return floordiv;
  }
  return std::copysign(0.0, vx / wx);
}

}  // namespace

Value tok_binop(PyOp op, const Value& x, const Value& y, EvalCtx& ctx, int xarg,
                int yarg) noexcept {
  if (!(x.is_float() || y.is_float()) || !x.is_number() || !y.is_number()) {
    return py_binop(op, x, y, ctx, xarg, yarg);
  }
  const double a = x.as_double();
  const double b = y.as_double();
  switch (op) {
    case PyOp::Add:
      return Value::real(a + b);
    case PyOp::Sub:
      return Value::real(a - b);
    case PyOp::Mul:
      return Value::real(a * b);
    case PyOp::FloorDiv:
      if (b == 0.0) return zero_division_error(yarg);
      return Value::real(float_floor_div(a, b));
    case PyOp::And:
      break;  // floats have no `&`: the float operand is the culprit
  }
  return type_error(x.is_float() ? xarg : yarg);
}

Value tok_neg(const Value& x, int arg) noexcept {
  if (x.is_float()) return Value::real(-x.as_float());
  if (!x.is_intlike()) return type_error(arg);
  if (x.as_int() == INT64_MIN) return overflow_error(arg);
  return Value::integer(-x.as_int());
}

Value tok_abs(const Value& x) noexcept {
  if (x.is_float()) return Value::real(std::fabs(x.as_float()));
  if (!x.is_intlike()) return type_error();
  if (x.as_int() == INT64_MIN) return overflow_error();
  return Value::integer(x.as_int() < 0 ? -x.as_int() : x.as_int());
}

Value tok_is_even(const Value& x, int arg) noexcept {
  if (x.is_intlike()) return Value::boolean(floor_mod(x.as_int(), 2) == 0);
  if (!x.is_float()) return type_error(arg);
  // x % 2.0 is nan for nan and +-inf, and 0.0 exactly for an even integral float.
  const double d = x.as_float();
  return Value::boolean(std::isfinite(d) && std::fmod(d, 2.0) == 0.0);
}

Value tok_lt(const Value& x, const Value& y) noexcept {
  const int r = py_less(x, y);
  return r < 0 ? type_error() : Value::boolean(r == 1);
}

Value tok_le(const Value& x, const Value& y) noexcept {
  const int r = py_less(x, y);
  return r < 0 ? type_error() : Value::boolean(r == 1 || py_eq(x, y));
}

Value tok_positive(const Value& x, int arg) noexcept {
  const int r = py_less(Value::integer(0), x);
  return r < 0 ? type_error(arg) : Value::boolean(r == 1);
}

bool tok_is_zero(const Value& x) noexcept {
  return py_eq(x, Value::integer(0));
}

}  // namespace batt::dsl
