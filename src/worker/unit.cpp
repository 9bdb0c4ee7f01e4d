#include "worker/unit.hpp"

#include <algorithm>
#include <chrono>
#include <cstring>

#include "dsl/tuple.hpp"
#include "program/canonical.hpp"

namespace batt::worker {

using dsl::Value;
using report::Status;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

// Severity order for the worst status of a pair: ok < mismatch < error < resource < timeout.
int severity(Status s) noexcept {
  switch (s) {
    case Status::Ok:
      return 0;
    case Status::Mismatch:
      return 1;
    case Status::Error:
      return 2;
    case Status::Resource:
      return 3;
    case Status::Timeout:
      return 4;
    case Status::Skipped:
      return 5;
  }
  return 5;
}

// The size a differ reports: the first item of a tuple result, when it is an int (not a bool).
std::optional<std::int64_t> differ_size(const Value& v) noexcept {
  if (v.is_pair()) return v.a();
  if (v.is_cell()) return v.cell_color();  // (size, (i, j))
  if (v.is_tuple() && v.as_tuple().n > 0 && v.as_tuple().items()[0].is_int()) {
    return v.as_tuple().items()[0].as_int();
  }
  return std::nullopt;
}

// The sample status of an outcome: a completed output is Ok only when it is an int grid of
// the expected shape and cells (ARCHITECTURE §6; never `True == 1`), else Mismatch.
Status sample_status(const Outcome& o, const std::optional<Value>& expected) noexcept {
  if (o.status != Status::Ok) return o.status;
  return expected && o.value.is_grid() && dsl::identical(o.value, *expected) ? Status::Ok
                                                                             : Status::Mismatch;
}

report::OutputRow output_row(std::int32_t cand, std::int32_t task, std::size_t sample, bool is_test,
                             Status status, const Value& v, std::size_t text_cap) {
  report::OutputRow r;
  r.cand = cand;
  r.task = task;
  r.sample = static_cast<std::int16_t>(sample);
  r.is_test = is_test;
  r.status = status;
  if (v.is_grid()) {
    const dsl::GridObj& g = v.as_grid();
    r.rows = static_cast<std::int16_t>(g.h);
    r.cols = static_cast<std::int16_t>(g.w);
    r.cells.assign(g.cells(), g.cells() + g.area());
  } else {
    r.text = dsl::repr(v);
    if (r.text.size() > text_cap) r.text.resize(text_cap);
  }
  return r;
}

}  // namespace

Mode mode_of(const program::Candidate& c) noexcept {
  for (const program::Origin& o : c.origins) {
    if (o.mutated.has_value() || !o.differ.empty()) return Mode::Batt;
  }
  return Mode::Strict;
}

CorpusView make_view(const program::Corpus& corpus) {
  CorpusView v{&corpus, {}, {}};
  for (const program::Candidate& c : corpus.candidates) {
    v.modes.push_back(mode_of(c));
    v.canonical.push_back(c.md5 ? program::canonical_text(corpus.dag, c.root, c.kind) : "");
  }
  return v;
}

Value demo_pairs(const corpus::Task& t, dsl::EvalCtx& ctx) {
  dsl::TupleBuilder b(ctx, t.demo.size());
  for (const corpus::Sample& s : t.demo) {
    if (s.output) b.push(dsl::tuple2(s.input, *s.output, ctx));
  }
  return b.finish();
}

Differs select_differs(const CorpusView& cv) {
  Differs d;
  std::vector<BlockEntry> entries;
  std::optional<dsl::Dialect> dialect;
  auto close_block = [&] {
    if (!entries.empty()) d.blocks.emplace_back(cv.corpus->dag, entries, *dialect);
    entries.clear();
  };
  const auto& cands = cv.corpus->candidates;
  for (std::size_t i = 0; i < cands.size(); ++i) {
    const program::Candidate& c = cands[i];
    if (c.kind != program::ProgramKind::Differ || !c.evaluable()) continue;
    const auto own = std::find_if(c.origins.begin(), c.origins.end(),
                                  [](const auto& o) { return o.task.empty() || o.task == "None"; });
    if (own == c.origins.end()) continue;
    if (dialect != c.dialect) close_block();
    dialect = c.dialect;
    d.cands.push_back(static_cast<std::int32_t>(i));
    d.names.push_back(!own->differ.empty() ? own->differ : own->file + ":" + own->record);
    entries.push_back({c.root, cv.modes[i]});
  }
  close_block();
  return d;
}

const DiffTable& LazyDiffTable::get(Worker& w, bool& computed) {
  std::call_once(once_, [&] {
    table_ = w.diff_table(*differs_, *task_);
    computed = true;
  });
  return table_;
}

Worker::Worker(const UnitOptions& opt)
    : opt_(opt),
      main_(opt.limits, opt.arena_bytes),
      alone_(opt.limits, opt.arena_bytes),
      canon_(opt.limits, opt.arena_bytes) {}

DiffTable Worker::diff_table(const Differs& d, const TaskInput& t) {
  DiffTable tab;
  tab.differs = d.cands.size();
  tab.entries.resize(t.task->demo.size() * tab.differs);
  for (std::size_t j = 0; j < t.task->demo.size(); ++j) {
    const corpus::Sample& s = t.task->demo[j];
    if (!s.output) continue;
    std::size_t first = 0;  // differ index of the block's first entry
    for (const Block& block : d.blocks) {
      main_.run(block, Inputs{t.S, s.input, *s.output}, outcomes_);
      for (std::size_t k = 0; k < block.size(); ++k) {
        tab.entries[j * tab.differs + first + k].base = differ_size(outcomes_[k].value);
      }
      main_.run(block, Inputs{t.S, *s.output, *s.output}, outcomes_);
      for (std::size_t k = 0; k < block.size(); ++k) {
        tab.entries[j * tab.differs + first + k].match = differ_size(outcomes_[k].value);
      }
      first += block.size();
    }
    tab.evaluations += 2 * tab.differs;
  }
  return tab;
}

UnitResult Worker::run(const Block& block, const BlockInfo& info, const TaskInput& t,
                       LazyDiffTable& lazy_diffs, std::int32_t unit, std::int16_t rank) {
  const std::vector<std::int32_t>& cands = info.cands;
  const corpus::Task& task = *t.task;
  const std::size_t n = cands.size();
  const std::size_t n_demo = task.demo.size();
  const std::size_t n_samples = n_demo + task.test.size();
  UnitResult u;
  u.results.resize(n);
  for (std::size_t c = 0; c < n; ++c) {
    report::ResultRow& r = u.results[c];
    r.cand = cands[c];
    r.task = t.index;
    r.n_demo = static_cast<std::int16_t>(n_demo);
    r.n_test = static_cast<std::int16_t>(task.test.size());
    r.rank = rank;
    r.unit = unit;
  }
  // Demo samples each candidate matched (the first 64), for the match-only diff.
  std::vector<std::uint64_t> matched(n, 0);

  std::vector<std::size_t> output_of;  // the block entry of each stored output
  const auto t0 = Clock::now();
  for (std::size_t k = 0; k < n_samples; ++k) {
    const bool is_test = k >= n_demo;
    const corpus::Sample& s = is_test ? task.test[k - n_demo] : task.demo[k];
    main_.run(block, Inputs{t.S, s.input, Value::none()}, outcomes_);
    u.counters.evaluations += n;
    const bool store = opt_.store_outputs == StoreOutputs::All ||
                       (is_test && opt_.store_outputs == StoreOutputs::Test);
    for (std::size_t c = 0; c < n; ++c) {
      const Outcome& o = outcomes_[c];
      report::ResultRow& r = u.results[c];
      const Status st = sample_status(o, s.output);
      r.steps += o.steps;
      if (k < 16) r.status_bits |= std::uint64_t{static_cast<std::uint8_t>(st)} << (4 * k);
      if (severity(st) > severity(r.status)) r.status = st;
      if (st == Status::Ok) ++(is_test ? r.test_hits : r.demo_hits);
      if (!is_test && (st == Status::Ok || st == Status::Mismatch)) ++u.counters.demo_outputs;
      if (!is_test && st == Status::Ok) {
        ++u.counters.demo_matches;
        if (k < 64) matched[c] |= std::uint64_t{1} << k;
      }
      // Test outputs come after every demo sample, so demo_hits is final here; with `all`,
      // demo outputs are kept and filtered below.
      if (store && (!is_test || r.demo_hits >= opt_.outputs_min_demo_hits)) {
        u.outputs.push_back(
            output_row(r.cand, r.task, k, is_test, st, o.value, opt_.output_text_bytes));
        output_of.push_back(c);
      }
    }
  }
  if (opt_.store_outputs == StoreOutputs::All) {
    std::size_t kept = 0;
    for (std::size_t i = 0; i < u.outputs.size(); ++i) {
      if (u.results[output_of[i]].demo_hits < opt_.outputs_min_demo_hits) continue;
      if (kept != i) u.outputs[kept] = std::move(u.outputs[i]);
      ++kept;
    }
    u.outputs.resize(kept);
  }
  u.counters.eval_s = seconds_since(t0);

  const auto td = Clock::now();
  for (std::size_t c = 0; c < n; ++c) {
    report::ResultRow& r = u.results[c];
    r.solved = r.demo_hits == r.n_demo && r.test_hits == r.n_test && task.test_outputs_known() &&
               !task.test.empty();
    if (matched[c] == 0) continue;
    // Credit every differ, once per matched demo sample (the rule in unit.hpp).
    bool computed = false;
    const DiffTable& diffs = lazy_diffs.get(*this, computed);
    if (computed) u.counters.differ_evaluations += diffs.evaluations;
    for (std::size_t d = 0; d < diffs.differs; ++d) {
      report::DiffRow dr;
      for (std::size_t k = 0; k < n_demo && k < 64; ++k) {
        if (!((matched[c] >> k) & 1)) continue;
        u.counters.diff_calls += 2;
        const DiffEntry& e = diffs.entries[k * diffs.differs + d];
        if (!e.base || !e.match) continue;
        dr.iz = static_cast<std::int16_t>(dr.iz + (*e.base > 0) + (*e.match == 0));
        dr.zo = static_cast<std::int16_t>(dr.zo + (*e.base == 0) + (*e.match > 0));
        ++dr.samples;
      }
      if (dr.samples == 0) continue;
      dr.cand = r.cand;
      dr.task = r.task;
      dr.differ = static_cast<std::int32_t>(d);
      u.diffs.push_back(dr);
    }
  }
  u.counters.diff_s = seconds_since(td);

  const auto t1 = Clock::now();
  for (std::size_t c = 0; c < n; ++c) {
    report::ResultRow& r = u.results[c];
    if (opt_.validate_runs > 0 && r.demo_hits + r.test_hits >= opt_.validate_min_hits) {
      validate(block, c, info, t, r);
      ++u.counters.validations;
    }
  }
  u.counters.validate_s = seconds_since(t1);
  return u;
}

void Worker::validate(const Block& block, std::size_t k, const BlockInfo& info, const TaskInput& t,
                      report::ResultRow& row) {
  row.valid = 0;
  // The canonical program, read back by the same front end users' files go through.
  program::Diagnostics diags;
  program::CorpusBuilder builder(diags, {}, program::dialect_choice(block.dialect()));
  builder.add_file("<canonical " + info.md5[k] + ">", info.canonical[k]);
  const program::Corpus back = builder.finish();
  if (back.candidates.size() != 1 || back.candidates[0].md5 != info.md5[k] ||
      !back.candidates[0].evaluable()) {
    return;
  }
  const Block alone = block.single(k);
  const BlockEntry canon_entry{back.candidates[0].root, block.mode(k)};
  const Block canon(back.dag, {&canon_entry, 1}, block.dialect());

  const corpus::Task& task = *t.task;
  const std::size_t n_demo = task.demo.size();
  const int runs = std::max(1, opt_.validate_runs);
  std::vector<double> times(static_cast<std::size_t>(runs));
  bool same = true;
  double total_us = 0;
  for (std::size_t j = 0; j < n_demo + task.test.size(); ++j) {
    const corpus::Sample& s = j < n_demo ? task.demo[j] : task.test[j - n_demo];
    const Inputs in{t.S, s.input, Value::none()};
    alone_.run(alone, in, alone_out_);
    for (int r = 0; r < runs; ++r) {
      const auto t0 = Clock::now();
      canon_.run(canon, in, canon_out_);
      times[static_cast<std::size_t>(r)] = seconds_since(t0) * 1e6;
    }
    // The program alone must give what it gave in its block, and its canonical text what
    // the program gives.
    const Outcome& a = alone_out_[0];
    const Outcome& b = canon_out_[0];
    const Status in_block = j < 16 ? static_cast<Status>((row.status_bits >> (4 * j)) & 15)
                                   : sample_status(a, s.output);
    same = same && sample_status(a, s.output) == in_block && a.status == b.status &&
           (a.status != Status::Ok || dsl::identical(a.value, b.value));
    std::nth_element(times.begin(), times.begin() + runs / 2, times.end());
    total_us += times[static_cast<std::size_t>(runs / 2)];
  }
  row.valid = same ? 1 : 0;
  row.time_us = static_cast<float>(total_us);
}

}  // namespace batt::worker
