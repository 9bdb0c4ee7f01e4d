// Benchmarks of the program front end (src/common/program/) on generated tokpidjin batt files
// (bench/batt_gen.hpp: 273a50a1 format, with their _call.py maps). The figure is
// BM_front_end/15000/400: parse + slice + canonicalise + MD5 of a 15,000-line batt file with
// 400 outputs, on one core, target < 100 ms. The phases are timed apart too:
//   BM_parse      parse_syntax of the batt file and of its call map (what add_file parses)
//   BM_add_file   CorpusBuilder::add_file: parse, build every line into the DAG (the slices),
//                 cross-check against the map, check the names
//   BM_finish     CorpusBuilder::finish: canonical length, streamed MD5, dedup, sort
//   BM_front_end  both, as `batt_mpi inspect` runs them (add_file + finish)
// The file is generated once per size, outside the timed loops, and checked to load with no
// error before anything is timed.
//
//   build/bench/program_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
//
// Counters: lines (physical lines of the batt file), outputs (o.append records), unique
// (unique candidates after deduplication), per_output (seconds per output, printed with an SI
// prefix: "120u" is 120 µs). Figures and the machine are in docs/benchmarks.md.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <utility>

#include "batt_gen.hpp"
#include "program/candidates.hpp"
#include "program/diagnostic.hpp"
#include "program/parser.hpp"

#ifndef BATT_BUILD_TYPE
#define BATT_BUILD_TYPE "unknown"
#endif

namespace {

using namespace batt::program;

constexpr std::uint64_t kSeed = 20261122;

struct Input {
  batt::bench::GeneratedBatt gen;
  std::size_t unique = 0;     // unique candidates
  std::size_t programs = 0;   // candidates before deduplication
  double mean_canonical = 0;  // bytes of canonical text per unique candidate
  std::size_t dag_nodes = 0;  // distinct expressions in the corpus DAG
  std::size_t warnings = 0;   // diagnostics of one load (all warnings: unknown names)
  std::size_t evaluable = 0;  // unique candidates that use only known names
};

[[noreturn]] void fail(const std::string& why, const Diagnostics& diags) {
  std::fprintf(stderr, "program_bench: %s\n", why.c_str());
  std::size_t shown = 0;
  for (const Diagnostic& d : diags.all()) {
    if (++shown > 20) break;
    std::fprintf(stderr, "%s\n", format(d).c_str());
  }
  std::abort();
}

// The generated file for (lines, outputs), made and checked on first use.
const Input& input(int lines, int outputs) {
  static std::map<std::pair<int, int>, std::unique_ptr<Input>> cache;
  auto& slot = cache[{lines, outputs}];
  if (slot) return *slot;
  auto in = std::make_unique<Input>();
  in->gen = batt::bench::generate_batt(lines, outputs, kSeed);
  const auto& g = in->gen;
  Diagnostics diags;
  CorpusBuilder b(diags);
  b.add_file("batt.py", g.text, g.call_map, "batt_call.py");
  const Corpus c = b.finish();
  const std::string size = std::to_string(lines) + "/" + std::to_string(outputs);
  if (diags.errors() != 0) fail("the generated file " + size + " has errors", diags);
  for (const Diagnostic& d : diags.all()) {
    // Only the tokpidjin names of F3/F4 helper blocks may be reported; a cross-check
    // mismatch or a skipped record means the generator and the parser disagree.
    if (d.message.find("unknown name") == std::string::npos) {
      fail("unexpected diagnostic on the generated file " + size, diags);
    }
  }
  if (g.physical_lines != lines || g.outputs != outputs ||
      c.programs != static_cast<std::size_t>(g.outputs + g.differs)) {
    fail("the generated file " + size + " has " + std::to_string(g.physical_lines) + " lines and " +
             std::to_string(c.programs) + " candidates",
         diags);
  }
  in->unique = c.candidates.size();
  in->programs = c.programs;
  in->dag_nodes = c.dag.size();
  in->warnings = diags.all().size();
  double bytes = 0;
  for (const Candidate& cand : c.candidates) {
    bytes += static_cast<double>(cand.canonical_bytes);
    in->evaluable += cand.evaluable() ? 1 : 0;
  }
  in->mean_canonical = c.candidates.empty() ? 0 : bytes / c.candidates.size();
  std::fprintf(stderr,
               "batt %s: %d lines (%zu bytes, map %zu bytes), %d t-lines, %d outputs + %d differ "
               "records, %d families, %d F3 + %d F4 helpers, %d filler lines; slices %.1f t-lines "
               "mean [%d, %d]; %zu candidates, %zu unique, %zu evaluable, %.0f canonical bytes "
               "mean, %zu DAG nodes, %zu warnings\n",
               size.c_str(), g.physical_lines, g.text.size(), g.call_map.size(), g.t_lines,
               g.outputs, g.differs, g.families, g.helpers_f3, g.helpers_f4, g.filler_lines,
               g.mean_slice, g.min_slice, g.max_slice, in->programs, in->unique, in->evaluable,
               in->mean_canonical, in->dag_nodes, in->warnings);
  slot = std::move(in);
  return *slot;
}

void counters(benchmark::State& state, const Input& in) {
  using benchmark::Counter;
  state.counters["lines"] = in.gen.physical_lines;
  state.counters["outputs"] = in.gen.outputs;
  state.counters["unique"] = static_cast<double>(in.unique);
  state.counters["per_output"] =
      Counter(in.gen.outputs, Counter::kIsIterationInvariantRate | Counter::kInvert);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(in.gen.text.size() + in.gen.call_map.size()));
}

const Input& setup(benchmark::State& state) {
  return input(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)));
}

void BM_parse(benchmark::State& state) {
  const Input& in = setup(state);
  for (auto _ : state) {
    Diagnostics diags;
    SyntaxTree batt = parse_syntax(in.gen.text, "batt.py", diags);
    SyntaxTree map = parse_syntax(in.gen.call_map, "batt_call.py", diags);
    benchmark::DoNotOptimize(batt.batt->lines.data());
    benchmark::DoNotOptimize(map.call_map.data());
  }
  counters(state, in);
}

void BM_add_file(benchmark::State& state) {
  const Input& in = setup(state);
  for (auto _ : state) {
    Diagnostics diags;
    auto b = std::make_unique<CorpusBuilder>(diags);
    b->add_file("batt.py", in.gen.text, in.gen.call_map, "batt_call.py");
    benchmark::DoNotOptimize(b.get());
    state.PauseTiming();
    b.reset();
    state.ResumeTiming();
  }
  counters(state, in);
}

void BM_finish(benchmark::State& state) {
  const Input& in = setup(state);
  for (auto _ : state) {
    state.PauseTiming();
    {
      Diagnostics diags;
      CorpusBuilder b(diags);
      b.add_file("batt.py", in.gen.text, in.gen.call_map, "batt_call.py");
      state.ResumeTiming();
      Corpus c = b.finish();
      benchmark::DoNotOptimize(c.candidates.data());
      state.PauseTiming();
    }
    state.ResumeTiming();
  }
  counters(state, in);
}

// The figure: the whole front end on one batt file, everything freed each time.
void BM_front_end(benchmark::State& state) {
  const Input& in = setup(state);
  for (auto _ : state) {
    Diagnostics diags;
    CorpusBuilder b(diags);
    b.add_file("batt.py", in.gen.text, in.gen.call_map, "batt_call.py");
    Corpus c = b.finish();
    benchmark::DoNotOptimize(c.candidates.data());
  }
  counters(state, in);
}

void sizes(benchmark::internal::Benchmark* b) {
  // Named BM_x/<lines>/<outputs>.
  b->Unit(benchmark::kMillisecond)->Args({15000, 400})->Args({150000, 4000});
}

BENCHMARK(BM_front_end)->Apply(sizes);
BENCHMARK(BM_parse)->Apply(sizes);
BENCHMARK(BM_add_file)->Apply(sizes);
BENCHMARK(BM_finish)->Apply(sizes);

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::AddCustomContext("build_type", BATT_BUILD_TYPE);
#ifdef NDEBUG
  benchmark::AddCustomContext("assertions", "off");
#else
  benchmark::AddCustomContext("assertions", "on");
#endif
#if defined(__clang__)
  benchmark::AddCustomContext("compiler", "clang " __clang_version__);
#elif defined(__GNUC__)
  benchmark::AddCustomContext("compiler", "g++ " __VERSION__);
#endif
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
