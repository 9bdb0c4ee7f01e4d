#include "worker/wire.hpp"

#include <boost/archive/binary_iarchive.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <boost/serialization/string.hpp>
#include <boost/serialization/vector.hpp>
#include <cstring>
#include <sstream>

#include "dsl/grid.hpp"

namespace batt::worker {

// Reads and writes Block's private representation.
struct WireAccess {
  template <class Ar>
  static void save(Ar& ar, const Block& b) {
    const auto dialect = static_cast<std::uint8_t>(b.dialect_);
    const std::uint64_t n = b.nodes_.size();
    ar << dialect << n;
    for (const Block::Node& node : b.nodes_) {
      const auto op = static_cast<std::uint8_t>(node.op);
      ar << op << node.strict << node.batt << node.varies << node.first << node.count;
      std::uint64_t raw[2];
      std::memcpy(raw, &node.value, sizeof raw);  // an immediate (see wire.hpp)
      ar << raw[0] << raw[1];
    }
    std::vector<std::uint8_t> modes;
    for (const Mode m : b.modes_) modes.push_back(static_cast<std::uint8_t>(m));
    ar << b.kids_ << b.roots_ << modes << b.slice_ << b.slice_begin_;
  }
  template <class Ar>
  static Block load(Ar& ar) {
    Block b;
    b.serial_ = Block::next_serial();
    std::uint8_t dialect = 0;
    std::uint64_t n = 0;
    ar >> dialect >> n;
    b.dialect_ = static_cast<dsl::Dialect>(dialect);
    b.nodes_.resize(n);
    for (Block::Node& node : b.nodes_) {
      std::uint8_t op = 0;
      ar >> op >> node.strict >> node.batt >> node.varies >> node.first >> node.count;
      node.op = static_cast<Block::Op>(op);
      std::uint64_t raw[2];
      ar >> raw[0] >> raw[1];
      std::memcpy(&node.value, raw, sizeof raw);
    }
    std::vector<std::uint8_t> modes;
    ar >> b.kids_ >> b.roots_ >> modes >> b.slice_ >> b.slice_begin_;
    for (const std::uint8_t m : modes) b.modes_.push_back(static_cast<Mode>(m));
    return b;
  }
};

namespace {

using OArchive = boost::archive::binary_oarchive;
using IArchive = boost::archive::binary_iarchive;

// Serialises each field in turn (Boost's `ar & x`, which saves or loads by archive type).
template <class Ar, class... T>
void fields(Ar& ar, T&... t) {
  ((ar & t), ...);
}

template <class Ar>
void io(Ar& ar, TaskWire::Grid& g) {
  fields(ar, g.h, g.w, g.cells);
}
template <class Ar>
void io(Ar& ar, std::vector<TaskWire::Grid>& v) {
  std::uint64_t n = v.size();
  fields(ar, n);
  v.resize(n);
  for (auto& g : v) io(ar, g);
}
template <class Ar>
void io(Ar& ar, TaskWire& t) {
  fields(ar, t.id, t.source);
  io(ar, t.demo_in);
  io(ar, t.demo_out);
  io(ar, t.test_in);
  io(ar, t.test_out);
}
template <class Ar>
void io(Ar& ar, BlockInfo& i) {
  fields(ar, i.cands, i.md5, i.canonical);
}

template <class Ar, class Row>
void io_rows(Ar& ar, std::vector<Row>& rows, auto&& each) {
  std::uint64_t n = rows.size();
  fields(ar, n);
  rows.resize(n);
  for (Row& r : rows) each(r);
}

template <class Ar>
void io(Ar& ar, UnitResult& u) {
  io_rows(ar, u.results, [&](report::ResultRow& r) {
    auto status = static_cast<std::uint8_t>(r.status);
    fields(ar, r.cand, r.task, r.demo_hits, r.test_hits, r.n_demo, r.n_test, r.solved, status,
           r.status_bits, r.valid, r.time_us, r.steps, r.rank, r.unit);
    r.status = static_cast<report::Status>(status);
  });
  io_rows(ar, u.diffs,
          [&](report::DiffRow& r) { fields(ar, r.cand, r.task, r.differ, r.iz, r.zo, r.samples); });
  io_rows(ar, u.outputs, [&](report::OutputRow& r) {
    auto status = static_cast<std::uint8_t>(r.status);
    fields(ar, r.cand, r.task, r.sample, r.is_test, status, r.rows, r.cols, r.cells, r.text);
    r.status = static_cast<report::Status>(status);
  });
  UnitCounters& c = u.counters;
  fields(ar, c.demo_outputs, c.demo_matches, c.diff_calls, c.evaluations, c.validations,
         c.differ_evaluations, c.eval_s, c.diff_s, c.validate_s);
}

TaskWire::Grid grid_wire(const dsl::Value& v) {
  TaskWire::Grid g;
  if (!v.is_grid()) return g;
  const dsl::GridObj& o = v.as_grid();
  g.h = o.h;
  g.w = o.w;
  g.cells.assign(o.cells(), o.cells() + o.area());
  return g;
}

dsl::Value grid_value(const TaskWire::Grid& g, dsl::EvalCtx& ctx) {
  dsl::GridObj* o = dsl::new_grid(ctx, g.h, g.w);
  if (!o) return dsl::Value::none();
  std::memcpy(o->cells(), g.cells.data(), g.cells.size());
  return dsl::Value::grid(o);
}

}  // namespace

TaskWire to_wire(const corpus::Task& t) {
  TaskWire w;
  w.id = t.id;
  w.source = t.source;
  for (const corpus::Sample& s : t.demo) {
    w.demo_in.push_back(grid_wire(s.input));
    w.demo_out.push_back(s.output ? grid_wire(*s.output) : TaskWire::Grid{});
  }
  for (const corpus::Sample& s : t.test) {
    w.test_in.push_back(grid_wire(s.input));
    w.test_out.push_back(s.output ? grid_wire(*s.output) : TaskWire::Grid{});
  }
  return w;
}

corpus::Task from_wire(const TaskWire& w, dsl::Arena& arena) {
  dsl::EvalCtx ctx(arena);
  corpus::Task t;
  t.id = w.id;
  t.source = w.source;
  auto samples = [&](const std::vector<TaskWire::Grid>& in, const std::vector<TaskWire::Grid>& out,
                     std::vector<corpus::Sample>& to) {
    for (std::size_t k = 0; k < in.size(); ++k) {
      corpus::Sample s{grid_value(in[k], ctx), std::nullopt};
      if (out[k].h > 0) s.output = grid_value(out[k], ctx);
      to.push_back(s);
    }
  };
  samples(w.demo_in, w.demo_out, t.demo);
  samples(w.test_in, w.test_out, t.test);
  return t;
}

std::string encode(const Setup& s) {
  std::ostringstream out;
  {
    OArchive ar(out, boost::archive::no_header);
    std::uint64_t n = s.tasks.size();
    ar << n;
    for (TaskWire t : s.tasks) io(ar, t);
    n = s.blocks.size();
    ar << n;
    for (const Block& b : s.blocks) WireAccess::save(ar, b);
    for (BlockInfo i : s.infos) io(ar, i);
    n = s.differ_blocks.size();
    ar << n;
    for (const Block& b : s.differ_blocks) WireAccess::save(ar, b);
    ar << s.differ_cands;
  }
  return std::move(out).str();
}

Setup decode_setup(const std::string& bytes) {
  std::istringstream in(bytes);
  IArchive ar(in, boost::archive::no_header);
  Setup s;
  std::uint64_t n = 0;
  ar >> n;
  s.tasks.resize(n);
  for (TaskWire& t : s.tasks) io(ar, t);
  ar >> n;
  for (std::uint64_t k = 0; k < n; ++k) s.blocks.push_back(WireAccess::load(ar));
  s.infos.resize(n);
  for (BlockInfo& i : s.infos) io(ar, i);
  ar >> n;
  for (std::uint64_t k = 0; k < n; ++k) s.differ_blocks.push_back(WireAccess::load(ar));
  ar >> s.differ_cands;
  return s;
}

std::string encode(const UnitResult& r) {
  std::ostringstream out;
  {
    OArchive ar(out, boost::archive::no_header);
    UnitResult copy = r;  // io() is symmetric and takes non-const refs
    io(ar, copy);
  }
  return std::move(out).str();
}

UnitResult decode_result(const std::string& bytes) {
  std::istringstream in(bytes);
  IArchive ar(in, boost::archive::no_header);
  UnitResult r;
  io(ar, r);
  return r;
}

}  // namespace batt::worker
