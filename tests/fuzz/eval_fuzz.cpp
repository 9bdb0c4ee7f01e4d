// libFuzzer target for the evaluation engine. The input is a solver file's text; every
// evaluable candidate in it runs on a fixed ARC-like sample in both modes (strict and batt
// compatibility), all together as one block, with small budgets. Besides "no crash, no hang,
// no leak" (sanitizers, -timeout, -rss_limit_mb), one invariant traps when violated:
//   the shared walk gives every candidate exactly what it gets evaluated alone: the same
//   status, the same step count, and an identical value when it completed (budget
//   outcomes aside: see below).
// Built only with BATT_FUZZ=ON (clang); run by scripts/fuzz.sh.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "dsl/tuple.hpp"
#include "program/candidates.hpp"
#include "worker/engine.hpp"

namespace {

using namespace batt;

dsl::Limits fuzz_limits() {
  dsl::Limits l;
  l.max_steps = 200'000;
  l.max_items = 4096;
  l.max_depth = 64;
  l.deadline = std::chrono::milliseconds(200);
  return l;
}

// A 3x3 input with two colours, its expected output, and S = ((I, O),).
struct Sample {
  dsl::Arena arena{std::size_t{1} << 20};
  dsl::EvalCtx ctx{arena};
  dsl::Value I, O, S;
  Sample() {
    const dsl::Value rows_i[] = {tuple3(0, 7, 7), tuple3(7, 0, 7), tuple3(0, 0, 2)};
    const dsl::Value rows_o[] = {tuple3(7, 7, 0), tuple3(7, 0, 7), tuple3(2, 0, 0)};
    I = dsl::tuple_of(rows_i, ctx);
    O = dsl::tuple_of(rows_o, ctx);
    const dsl::Value pair = dsl::tuple2(I, O, ctx);
    S = dsl::tuple_of({&pair, 1}, ctx);
  }
  dsl::Value tuple3(int a, int b, int c) {
    const dsl::Value v[] = {dsl::Value::integer(a), dsl::Value::integer(b), dsl::Value::integer(c)};
    return dsl::tuple_of(v, ctx);
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static Sample sample;
  static worker::Evaluator together(fuzz_limits(), std::size_t{16} << 20);
  static worker::Evaluator alone(fuzz_limits(), std::size_t{16} << 20);
  program::Limits front;
  front.max_file_bytes = std::size_t{64} << 10;
  front.max_canonical_bytes = std::size_t{16} << 10;
  program::Diagnostics diags;
  program::CorpusBuilder builder(diags, front);
  builder.add_file("fuzz.py", std::string_view(reinterpret_cast<const char*>(data), size));
  const program::Corpus corpus = builder.finish();

  // One file has one dialect (a file mixing both is rejected), so its candidates form one block.
  std::vector<worker::BlockEntry> entries;
  dsl::Dialect dialect = dsl::Dialect::ArcDsl;
  for (const program::Candidate& c : corpus.candidates) {
    if (!c.evaluable() || entries.size() >= 32) continue;
    if (entries.empty()) dialect = c.dialect;
    if (c.dialect != dialect) __builtin_trap();
    entries.push_back({c.root, worker::Mode::Strict});
    entries.push_back({c.root, worker::Mode::Batt});
  }
  if (entries.empty()) return 0;
  const worker::Inputs in{sample.S, sample.I, sample.O};
  std::vector<worker::Outcome> all, one;
  together.run(worker::Block(corpus.dag, entries, dialect), in, all);
  for (std::size_t k = 0; k < entries.size(); ++k) {
    alone.run(worker::Block(corpus.dag, {&entries[k], 1}, dialect), in, one);
    // Budget outcomes may legitimately differ: the deadline is wall time, and the block's
    // values share one arena (its cap can be reached in the block and not alone).
    const auto budget = [](report::Status s) {
      return s == report::Status::Timeout || s == report::Status::Resource;
    };
    if (budget(all[k].status) || budget(one[0].status)) continue;
    if (one[0].status != all[k].status || one[0].steps != all[k].steps) __builtin_trap();
    if (all[k].status == report::Status::Ok && one[0].status == report::Status::Ok &&
        !dsl::identical(one[0].value, all[k].value)) {
      __builtin_trap();
    }
  }
  return 0;
}
