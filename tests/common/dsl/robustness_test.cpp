// Calls every registered primitive with arguments drawn from a pool of mismatched values
// (wrong types, empty, huge, negative, functions where data is expected and the reverse).
// Every call must return a value or an Error value: no crash, no UB, no leak (this test runs
// under ASan + UBSan in CI), and every non-error result must be well formed. Results must
// also be deterministic (a second call gives an identical value).
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "dsl/closure.hpp"
#include "dsl/registry.hpp"
#include "dsl/set.hpp"
#include "dsl/tuple.hpp"
#include "support/arc_data.hpp"
#include "support/well_formed.hpp"

namespace batt::dsl {
namespace {

// The parameter is a registry index: both dialects have a `size`, an `identity`, ...
class Robustness : public ::testing::TestWithParam<std::int32_t> {
 protected:
  static void SetUpTestSuite() {
    pool_arena_ = new Arena();
    EvalCtx ctx(*pool_arena_);
    pool_ = new std::vector<Value>(build_pool(ctx));
  }
  static void TearDownTestSuite() {
    delete pool_;
    delete pool_arena_;
  }

  static Value P(const char* name) { return Value::prim(find_prim(name)); }

  static std::vector<Value> build_pool(EvalCtx& ctx) {
    auto I = [](std::int64_t v) { return Value::integer(v); };
    auto T = [&](std::vector<Value> v) { return tuple_of(v, ctx); };
    auto S = [&](std::vector<Value> v) { return set_of(v, ctx); };
    const auto samples = testing::arc_samples("a64e4611", ctx);  // 30 x 30 grids
    const auto small = testing::arc_samples("007bbfb7", ctx);    // 3 x 3 and 9 x 9
    const Value big = samples[0].input;
    const Value g3 = small[0].input;
    const Value g9 = small[0].output;
    const Value g1 = T({T({I(5)})});
    const Value obj = S({Value::cell(1, 0, 0), Value::cell(2, 0, 1), Value::cell(1, 1, 1)});
    const Value overlap = S({Value::cell(1, 0, 0), Value::cell(2, 0, 0)});
    const Value ind = S({Value::pair(0, 0), Value::pair(1, 1), Value::pair(2, 2)});
    const Value neg = S({Value::pair(-1, -1), Value::pair(-5, 3), Value::pair(40, 40)});
    std::vector<Value> big_cells;
    for (int i = 0; i < 30; ++i) {
      for (int j = 0; j < 30; ++j) big_cells.push_back(Value::cell((i * j) % 10, i, j));
    }
    const Value big_obj = S(big_cells);
    const Value objs = S({obj, S({Value::cell(3, 5, 5)}), overlap});
    const Value rb = apply(P("rbind"), std::vector<Value>{P("add"), I(1)}, ctx);
    const Value comp = apply(P("compose"), std::vector<Value>{P("size"), P("identity")}, ctx);
    const Value pw = apply(P("power"), std::vector<Value>{P("increment"), I(5)}, ctx);
    return {
        I(0),
        I(1),
        I(-1),
        I(2),
        I(9),
        I(10),
        I(100),
        I(-1000),
        I(INT64_MAX),
        I(INT64_MIN),
        I(std::int64_t{1} << 31),
        Value::boolean(true),
        Value::boolean(false),
        Value::none(),
        Value::pair(0, 0),
        Value::pair(1, 1),
        Value::pair(-1, -2),
        Value::pair(1000, 1000),
        Value::pair(INT32_MAX, INT32_MIN),
        Value::cell(3, 1, 1),
        empty_tuple(),
        empty_set(),
        g1,
        g3,
        g9,
        big,
        T({T({I(1), I(2), I(3)}), T({I(4), I(5)})}),
        T({I(1), I(2), I(3)}),
        T({Value::boolean(true), Value::boolean(false)}),
        T({g3, g9}),
        T({obj, ind}),
        S({I(1), I(2), I(3)}),
        ind,
        neg,
        obj,
        overlap,
        big_obj,
        objs,
        S({I(1), Value::pair(0, 0), Value::cell(1, 0, 0)}),
        S({P("identity"), P("outbox")}),
        P("identity"),
        P("add"),
        P("objects"),
        P("size"),
        P("compose"),
        rb,
        comp,
        pw,
        safe_default_value(SafeDefault::Callable),
        T({rb, I(1)}),
        // odd shapes: a big coordinate in a cell-like tuple, rows of empty tuples, colours
        // outside int8, negative cells, huge coordinates
        T({I(1), T({I(std::int64_t{1} << 40), I(0)})}),
        T({empty_tuple(), empty_tuple()}),
        Value::cell(1000, 2, 2),
        T({T({I(1), I(2)}), T({I(2), I(-1)})}),
        Value::pair(-5, 1 << 30),
        T({Value::cell(1, 0, 0), Value::cell(2, 0, 1)}),
        S({T({I(1), T({I(std::int64_t{1} << 40), I(0)})}), Value::cell(2, 0, 0)}),
        // the tokpidjin dialect's values: (i, j, c) cells and objects, float sentinels
        Value::triple(1, 1, 3),
        S({Value::triple(0, 0, 1), Value::triple(0, 1, 2), Value::triple(1, 1, 1)}),
        S({Value::triple(0, 0, 1), Value::triple(0, 0, 2)}),
        S({S({Value::triple(0, 0, 1)}), S({Value::triple(4, 4, 5), Value::triple(4, 5, 5)})}),
        Value::real(std::numeric_limits<double>::quiet_NaN()),
        Value::real(std::numeric_limits<double>::infinity()),
        Value::real(-std::numeric_limits<double>::infinity()),
        Value::real(2.5),
        T({Value::real(std::numeric_limits<double>::quiet_NaN()), I(1)}),
    };
  }

  static Arena* pool_arena_;
  static std::vector<Value>* pool_;
};

Arena* Robustness::pool_arena_ = nullptr;
std::vector<Value>* Robustness::pool_ = nullptr;

TEST_P(Robustness, MismatchedArgumentsGiveValuesOrErrors) {
  const std::int32_t index = GetParam();
  const PrimInfo& info = prim_info(index);
  const std::vector<Value>& pool = *pool_;
  const std::size_t n = pool.size();

  Limits lim;
  lim.max_items = 1u << 16;
  lim.max_steps = 200'000;
  Arena arena(std::size_t{64} << 20);
  std::mt19937_64 rng(0xba77 + static_cast<std::uint64_t>(index));
  std::size_t calls = 0, errors = 0;

  auto run = [&](const std::vector<Value>& args) {
    arena.reset();
    EvalCtx ctx(arena, lim);
    ctx.compat = info.dialect == Dialect::Tokpidjin;  // how the dialect always runs
    const Value r = apply(Value::prim(index), args, ctx);
    ++calls;
    if (r.is_error()) {
      ++errors;
      return;
    }
    const std::string why = testing::why_malformed(r);
    ASSERT_TRUE(why.empty()) << info.name << " returned a malformed value (" << why
                             << ") for args #" << calls;
    EvalCtx again(arena, lim);
    again.compat = ctx.compat;
    const Value r2 = apply(Value::prim(index), args, again);
    ASSERT_TRUE(identical(r, r2)) << info.name << " is not deterministic: " << repr(r) << " vs "
                                  << repr(r2);
  };

  std::vector<Value> args(info.arity);
  if (info.arity == 1) {
    for (std::size_t a = 0; a < n; ++a) run({pool[a]});
  } else if (info.arity == 2) {
    for (std::size_t a = 0; a < n; ++a) {
      for (std::size_t b = 0; b < n; ++b) run({pool[a], pool[b]});
    }
  } else {
    for (int k = 0; k < 20000; ++k) {
      for (auto& v : args) v = pool[rng() % n];
      run(args);
    }
  }
  // Wrong argument counts: an Arity error for an arc-dsl primitive, the safe default for a
  // tokpidjin one (compat, as the reference's safe_dsl wrapper); either must be well formed.
  run(std::vector<Value>(info.arity + 1, pool[0]));
  EXPECT_GT(calls, 0u);
  RecordProperty("calls", static_cast<int>(calls));
  RecordProperty("errors", static_cast<int>(errors));
}

std::vector<std::int32_t> indices() {
  std::vector<std::int32_t> v(all_prims().size());
  for (std::size_t k = 0; k < v.size(); ++k) v[k] = static_cast<std::int32_t>(k);
  return v;
}

INSTANTIATE_TEST_SUITE_P(AllPrims, Robustness, ::testing::ValuesIn(indices()), [](const auto& p) {
  const PrimInfo& prim = prim_info(p.param);
  return std::string(prim.dialect == Dialect::ArcDsl ? "" : "tok_") + std::string(prim.name);
});

}  // namespace
}  // namespace batt::dsl
