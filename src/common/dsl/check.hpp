#pragma once
// Argument checks and error values shared by all primitives (Lua's luaL_check*): every type
// error has one form, ErrCode plus the 1-based argument number; apply() stamps in which
// primitive raised it. Checks never allocate and never throw.
#include <cstdint>
#include <span>

#include "dsl/value.hpp"

namespace batt::dsl {

using Args = std::span<const Value>;

// ---- error values (arg: 1-based argument number, 0 when not tied to one argument) ----------
constexpr Value type_error(int arg = 0) noexcept {
  return Value::error(ErrCode::Type, arg);
}
constexpr Value value_error(int arg = 0) noexcept {
  return Value::error(ErrCode::Value, arg);
}
constexpr Value index_error(int arg = 0) noexcept {
  return Value::error(ErrCode::Index, arg);
}
constexpr Value zero_division_error(int arg = 0) noexcept {
  return Value::error(ErrCode::ZeroDivision, arg);
}
constexpr Value overflow_error(int arg = 0) noexcept {
  return Value::error(ErrCode::Overflow, arg);
}
constexpr Value resource_error() noexcept {
  return Value::error(ErrCode::Resource);
}
constexpr Value timeout_error() noexcept {
  return Value::error(ErrCode::Timeout);
}
constexpr Value recursion_error() noexcept {
  return Value::error(ErrCode::Recursion);
}

// ---- readers --------------------------------------------------------------------------------

// Python isinstance(v, int) (ints and bools): the value as an int64.
inline bool get_int(const Value& v, std::int64_t& out) noexcept {
  if (!v.is_intlike()) return false;
  out = v.as_int();
  return true;
}

// A value written into a Grid cell: an int or bool in int8 range (a bool is stored as 0/1,
// which compares equal in Python). Anything else cannot be a Grid cell: grid-producing
// primitives return a Type error for it (documented deviation: Python would build a tuple
// of tuples holding that value, which can never equal an ARC grid).
inline bool get_color(const Value& v, std::int8_t& out) noexcept {
  if (!v.is_intlike() || v.as_int() < INT8_MIN || v.as_int() > INT8_MAX) return false;
  out = static_cast<std::int8_t>(v.as_int());
  return true;
}

// Python `i, j = v` where both must be ints: a Pair, or a 2-tuple of ints/bools.
inline bool get_ij(const Value& v, std::int64_t& i, std::int64_t& j) noexcept {
  if (v.is_pair()) {
    i = v.a();
    j = v.b();
    return true;
  }
  if (v.is_tuple() && v.as_tuple().n == 2) {
    const Value* it = v.as_tuple().items();
    if (it[0].is_intlike() && it[1].is_intlike()) {
      i = it[0].as_int();
      j = it[1].as_int();
      return true;
    }
  }
  return false;
}

// The Grid behind v, or nullptr (a non-grid tuple or not a tuple at all).
inline const GridObj* get_grid(const Value& v) noexcept {
  return v.is_grid() ? &v.as_grid() : nullptr;
}

// The set behind v, or nullptr.
inline const SetObj* get_set(const Value& v) noexcept {
  return v.is_set() ? &v.as_set() : nullptr;
}

// Whether an int64 fits the int32 fields of Pair and Cell.
constexpr bool fits_i32(std::int64_t x) noexcept {
  return x >= INT32_MIN && x <= INT32_MAX;
}
// Whether an int64 can be stored in a Grid cell.
constexpr bool fits_i8(std::int64_t x) noexcept {
  return x >= INT8_MIN && x <= INT8_MAX;
}

// Python floor division and modulo (round toward -inf). Caller checks b != 0.
constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) noexcept {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}
constexpr std::int64_t floor_mod(std::int64_t a, std::int64_t b) noexcept {
  std::int64_t m = a % b;
  if (m != 0 && ((m < 0) != (b < 0))) m += b;
  return m;
}

}  // namespace batt::dsl
