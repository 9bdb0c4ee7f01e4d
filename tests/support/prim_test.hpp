#pragma once
// The fixture every primitive test uses: an arena and context, short constructors for values
// (I int, B bool, P location pair, C cell, T tuple, S set, G grid from rows), calls through
// the registry exactly as the evaluator makes them (apply), and assertions that print both
// sides as Python would (Same: identical() and well formed; Fails: an Error value with that
// code; Canonical: the value invariants of value.hpp, see support/well_formed.hpp).
#include <gtest/gtest.h>

#include <cstdint>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <vector>

#include "dsl/closure.hpp"
#include "dsl/registry.hpp"
#include "dsl/set.hpp"
#include "dsl/tuple.hpp"
#include "support/well_formed.hpp"

namespace batt::dsl::testing {

class PrimTest : public ::testing::Test {
 protected:
  Arena arena;
  EvalCtx ctx{arena};

  // A primitive as a value (for higher-order arguments).
  static Value fn(const char* name) {
    const std::int32_t k = find_prim(name);
    if (k < 0) throw std::invalid_argument(std::string("unknown primitive ") + name);
    return Value::prim(k);
  }
  static Value I(std::int64_t v) { return Value::integer(v); }
  static Value B(bool v) { return Value::boolean(v); }
  static Value P(std::int32_t i, std::int32_t j) { return Value::pair(i, j); }
  static Value C(std::int32_t c, std::int32_t i, std::int32_t j) { return Value::cell(c, i, j); }
  Value T(std::vector<Value> items) { return tuple_of(items, ctx); }
  Value S(std::vector<Value> items) { return set_of(items, ctx); }
  // A tuple of rows of ints: a Grid when rectangular, non-empty and within int8.
  Value G(std::initializer_list<std::initializer_list<std::int64_t>> rows) {
    std::vector<Value> rs;
    for (const auto& r : rows) {
      std::vector<Value> cells;
      for (std::int64_t v : r) cells.push_back(I(v));
      rs.push_back(tuple_of(cells, ctx));
    }
    return tuple_of(rs, ctx);
  }

  Value call(const Value& f, std::vector<Value> args) { return apply(f, args, ctx); }
  Value call(const char* f, std::vector<Value> args) { return call(fn(f), std::move(args)); }

  static ::testing::AssertionResult Same(const Value& got, const Value& want) {
    if (!identical(got, want)) {
      return ::testing::AssertionFailure() << "got " << repr(got) << ", want " << repr(want);
    }
    return Canonical(got);
  }
  static ::testing::AssertionResult Fails(const Value& got, ErrCode code) {
    if (got.is_error() && got.err_code() == code) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure()
           << "got " << repr(got) << ", want an error of kind " << errcode_name(code);
  }
  static ::testing::AssertionResult Canonical(const Value& v) {
    const std::string why = why_malformed(v);
    if (why.empty()) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << why << ": " << repr(v);
  }

  void expect(const char* f, std::vector<Value> args, const Value& want) {
    EXPECT_TRUE(Same(call(f, std::move(args)), want)) << f;
  }
  void expect_error(const char* f, std::vector<Value> args, ErrCode code) {
    EXPECT_TRUE(Fails(call(f, std::move(args)), code)) << f;
  }
};

}  // namespace batt::dsl::testing
