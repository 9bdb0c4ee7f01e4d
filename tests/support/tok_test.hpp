#pragma once
// The fixture of the tokpidjin family tests (tests/common/dsl/tok_*_test.cpp): PrimTest with
// EvalCtx::compat on, as a tokpidjin evaluation runs, and primitives looked up in the
// tokpidjin dialect. `run` calls through apply() (a failing primitive gives its safe default);
// `raw` calls the entry's function directly, so a failure shows as the Error value the
// reference's safe_dsl wrapper replaces. X builds the tokpidjin cell (i, j, c); F, nan, inf and
// ninf the float sentinels.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <utility>
#include <vector>

#include "dsl/closure.hpp"
#include "dsl/registry.hpp"
#include "support/prim_test.hpp"

namespace batt::dsl::testing {

class TokTest : public PrimTest {
 protected:
  TokTest() { ctx.compat = true; }

  // A tokpidjin primitive as a value.
  static Value tok(const char* name) {
    const std::int32_t k = find_prim(name, Dialect::Tokpidjin);
    EXPECT_GE(k, 0) << name;
    return Value::prim(k);
  }
  Value run(const Value& f, std::vector<Value> args) { return apply(f, args, ctx); }
  Value run(const char* f, std::vector<Value> args) { return run(tok(f), std::move(args)); }
  Value raw(const char* f, std::vector<Value> args) {
    return prim_info(tok(f).prim_index()).fn(args, ctx);
  }
  void expect_run(const char* f, std::vector<Value> args, const Value& want) {
    EXPECT_TRUE(Same(run(f, std::move(args)), want)) << f;
  }
  // The primitive itself raises (the reference's safe_dsl then gives its default).
  void expect_raises(const char* f, std::vector<Value> args) {
    const Value r = raw(f, std::move(args));
    EXPECT_TRUE(r.is_error()) << f << " gave " << repr(r);
  }
  // The primitive returns a value of its own (no default involved).
  void expect_raw(const char* f, std::vector<Value> args, const Value& want) {
    EXPECT_TRUE(Same(raw(f, std::move(args)), want)) << f;
  }
  Value closure(ClosureKind k, int arity, std::initializer_list<Value> caps) {
    return make_closure(k, arity, caps, ctx);
  }

  static Value X(std::int32_t i, std::int32_t j, std::int32_t c) { return Value::triple(i, j, c); }
  static Value F(double d) { return Value::real(d); }
  static Value nan() { return F(std::numeric_limits<double>::quiet_NaN()); }
  static Value inf() { return F(std::numeric_limits<double>::infinity()); }
  static Value ninf() { return F(-std::numeric_limits<double>::infinity()); }
  static Value none() { return Value::none(); }
  static bool is_nan(const Value& v) { return v.is_float() && std::isnan(v.as_float()); }
};

}  // namespace batt::dsl::testing
