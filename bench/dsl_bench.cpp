// Micro-benchmarks of the hot DSL primitives on real ARC grids, and of whole solver programs
// (tests/support/arc_solvers.hpp) on their tasks' first demo input. Every iteration resets the
// evaluation arena, as the engine does per candidate x sample, so allocation is included.
//
//   build/bench/dsl_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
//
// Figures and the machine they came from are kept in docs/benchmarks.md.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "dsl/closure.hpp"
#include "dsl/registry.hpp"
#include "support/arc_data.hpp"
#include "support/arc_solvers.hpp"
#include "support/dsl_program.hpp"

namespace {

using namespace batt::dsl;
using testing::Dsl;

// Real grids: a64e4611 (30 x 30, many objects), 00d62c1b (20 x 20), 5521c0d9 (15 x 15).
struct Grids {
  Arena arena;
  Value big, mid, small;
  Grids() {
    EvalCtx ctx(arena);
    big = testing::arc_samples("a64e4611", ctx)[0].input;
    mid = testing::arc_samples("00d62c1b", ctx)[4].input;
    small = testing::arc_samples("5521c0d9", ctx)[0].input;
  }
};

const Grids& grids() {
  static const Grids g;
  return g;
}

Value grid_for(const benchmark::State& state) {
  switch (state.range(0)) {
    case 0:
      return grids().small;
    case 1:
      return grids().mid;
    default:
      return grids().big;
  }
}

void label(benchmark::State& state, const Value& g) {
  state.SetLabel(std::to_string(g.as_grid().h) + "x" + std::to_string(g.as_grid().w));
}

// Names resolved once, outside the timed loops (the engine resolves them at load time too).
Value N(const char* name) {
  return Dsl::name(name);
}

// One primitive call through apply(), with no per-call lookup or heap allocation.
Value call(EvalCtx& ctx, const Value& f, std::initializer_list<Value> args) {
  return apply(f, std::span<const Value>(args.begin(), args.size()), ctx);
}

// Times `body(ctx, I)` with the arena reset before each call.
template <typename Body>
void run(benchmark::State& state, Body&& body) {
  const Value I = grid_for(state);
  label(state, I);
  Arena arena;
  for (auto _ : state) {
    arena.reset();
    EvalCtx ctx(arena);
    benchmark::DoNotOptimize(body(ctx, I));
  }
}

// Inputs computed once, outside the timed loop.
struct Prepared {
  Arena arena;
  Value objs, obj, normalized, indices;
  explicit Prepared(const Value& I) {
    EvalCtx ctx(arena);
    Dsl d(ctx);
    objs = d("objects", I, "T", "F", "T");
    obj = d("argmax", objs, "size");
    normalized = d("normalize", obj);
    indices = d("ofcolor", I, d("mostcolor", I));
  }
};

void BM_objects(benchmark::State& s) {
  const Value f = N("objects"), t = N("T"), fl = N("F");
  run(s, [&](EvalCtx& c, const Value& I) { return call(c, f, {I, t, fl, t}); });
}
void BM_objects_diag_multicolor(benchmark::State& s) {
  const Value f = N("objects"), t = N("T"), fl = N("F");
  run(s, [&](EvalCtx& c, const Value& I) { return call(c, f, {I, fl, t, t}); });
}
void BM_ofcolor(benchmark::State& s) {
  const Value f = N("ofcolor"), zero = N("ZERO");
  run(s, [&](EvalCtx& c, const Value& I) { return call(c, f, {I, zero}); });
}
void BM_rot90(benchmark::State& s) {
  const Value f = N("rot90");
  run(s, [&](EvalCtx& c, const Value& I) { return call(c, f, {I}); });
}
void BM_upscale(benchmark::State& s) {
  const Value f = N("upscale"), three = N("THREE");
  run(s, [&](EvalCtx& c, const Value& I) { return call(c, f, {I, three}); });
}
void BM_crop(benchmark::State& s) {
  const Value f = N("crop"), at = N("UNITY"), dims = N("THREE_BY_THREE");
  run(s, [&](EvalCtx& c, const Value& I) { return call(c, f, {I, at, dims}); });
}

template <typename Body>
void run_prepared(benchmark::State& state, Body&& body) {
  const Value I = grid_for(state);
  const Prepared p(I);
  label(state, I);
  Arena arena;
  for (auto _ : state) {
    arena.reset();
    EvalCtx ctx(arena);
    benchmark::DoNotOptimize(body(ctx, I, p));
  }
}

void BM_fill(benchmark::State& s) {
  const Value f = N("fill"), four = N("FOUR");
  run_prepared(s, [&](EvalCtx& c, const Value& I, const Prepared& p) {
    return call(c, f, {I, four, p.indices});
  });
}
void BM_paint(benchmark::State& s) {
  const Value f = N("paint");
  run_prepared(s, [&](EvalCtx& c, const Value& I, const Prepared& p) {
    return call(c, f, {I, p.obj});
  });
}
void BM_shift(benchmark::State& s) {
  const Value f = N("shift"), by = N("UNITY");
  run_prepared(s, [&](EvalCtx& c, const Value&, const Prepared& p) {
    return call(c, f, {p.obj, by});
  });
}
void BM_occurrences(benchmark::State& s) {
  const Value f = N("occurrences");
  run_prepared(s, [&](EvalCtx& c, const Value& I, const Prepared& p) {
    return call(c, f, {I, p.normalized});
  });
}
void BM_mapply(benchmark::State& s) {
  const Value f = N("mapply"), outbox = N("outbox");
  run_prepared(s, [&](EvalCtx& c, const Value&, const Prepared& p) {
    return call(c, f, {outbox, p.objs});
  });
}

#define GRID_ARGS ->Arg(0)->Arg(1)->Arg(2)
BENCHMARK(BM_objects) GRID_ARGS;
BENCHMARK(BM_objects_diag_multicolor) GRID_ARGS;
BENCHMARK(BM_fill) GRID_ARGS;
BENCHMARK(BM_paint) GRID_ARGS;
BENCHMARK(BM_shift) GRID_ARGS;
BENCHMARK(BM_occurrences) GRID_ARGS;
BENCHMARK(BM_mapply) GRID_ARGS;
BENCHMARK(BM_rot90) GRID_ARGS;
BENCHMARK(BM_upscale) GRID_ARGS;
BENCHMARK(BM_crop) GRID_ARGS;
BENCHMARK(BM_ofcolor) GRID_ARGS;

// Whole solver programs on their task's first demo input.
void BM_solver(benchmark::State& state, const std::string& id) {
  Arena data;
  EvalCtx data_ctx(data);
  const Value I = testing::arc_samples(id, data_ctx)[0].input;
  const auto& solve = testing::solvers().at(id);
  Arena arena;
  for (auto _ : state) {
    arena.reset();
    EvalCtx ctx(arena);
    Dsl d(ctx);
    benchmark::DoNotOptimize(solve(d, I));
  }
}

[[maybe_unused]] const bool registered = [] {
  for (const auto& [id, f] : testing::solvers()) {
    benchmark::RegisterBenchmark(("BM_solver/" + id).c_str(), BM_solver, id);
  }
  return true;
}();

}  // namespace

BENCHMARK_MAIN();
