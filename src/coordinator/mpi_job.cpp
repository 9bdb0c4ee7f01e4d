#include "coordinator/mpi_job.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <boost/mpi/collectives/broadcast.hpp>
#include <boost/mpi/collectives/gather.hpp>
#include <boost/mpi/environment.hpp>
#include <boost/mpi/status.hpp>
#include <boost/serialization/string.hpp>
#include <boost/serialization/utility.hpp>
#include <cstdlib>
#include <deque>
#include <iostream>
#include <map>
#include <set>
#include <thread>

#include "coordinator/inputs.hpp"
#include "coordinator/phases.hpp"
#include "coordinator/plan.hpp"
#include "coordinator/recorder.hpp"
#include "coordinator/report_session.hpp"
#include "coordinator/stop_signal.hpp"
#include "coordinator/summary.hpp"
#include "coordinator/tables.hpp"
#include "gpu/device.hpp"
#include "worker/wire.hpp"

namespace batt::coordinator {

namespace mpi = boost::mpi;

namespace {

// Message tags. Rank 0 -> worker: kUnit (unit, task, block), kStop. Worker -> rank 0:
// kResult (unit, encoded UnitResult), kFailed (unit, reason), kTimings (at the end).
enum Tag : int { kUnit = 1, kStop = 2, kResult = 3, kFailed = 4 };
constexpr int kInFlight = 2;  // units handed to a worker before it asks: hides the latency

using UnitMsg = std::array<std::int32_t, 3>;  // unit, task, block

// ---- rank 0 -------------------------------------------------------------------------------

// Every rank: which worker of its node it is, and the device it binds (gpu/device.hpp).
// Collective; rank 0 gets one line per rank, "rank R: host H, worker W of the node, cpu" or
// "..., cuda 0 NVIDIA L4 GPU-...".
std::vector<std::string> bind_devices(mpi::communicator& world) {
  MPI_Comm node = MPI_COMM_NULL;
  MPI_Comm_split_type(world, MPI_COMM_TYPE_SHARED, world.rank(), MPI_INFO_NULL, &node);
  int local = 0, root_here = 0;
  const int is_root = world.rank() == 0 ? 1 : 0;
  MPI_Comm_rank(node, &local);
  MPI_Allreduce(&is_root, &root_here, 1, MPI_INT, MPI_MAX, node);
  MPI_Comm_free(&node);
  std::string line =
      "rank " + std::to_string(world.rank()) + ": host " + mpi::environment::processor_name();
  if (world.rank() == 0) {
    line += ", coordinator";
  } else {
    const int worker = local - root_here;  // rank 0 holds no device
    const gpu::DeviceInfo d = gpu::bind_device(worker);
    line += ", worker " + std::to_string(worker) + " of the node, " + d.kind;
    if (d.kind != "cpu") line += " " + std::to_string(d.index) + " " + d.name + " " + d.uuid;
  }
  std::vector<std::string> lines;
  mpi::gather(world, line, lines, 0);
  return lines;
}

int coordinate(const JobOptions& opt, mpi::communicator& world,
               const std::vector<std::string>& rank_lines) {
  StopSignals signals;
  Phases phases;
  JobSummary sum;
  const auto job_t0 = Clock::now();
  std::unique_ptr<JobInputs> in = load_inputs(opt, phases);
  Plan plan;
  std::vector<char> already;  // units a resumed report holds already
  std::unique_ptr<report::ReportWriter> writer;
  if (in) {
    const auto t0 = Clock::now();
    plan = make_plan(in->cv, in->tasks, opt.pairing, opt.block);
    phases.add("plan", since(t0), static_cast<std::int64_t>(plan.units.size()));
    writer =
        opt.resume ? resume_report(opt, *in, plan, already) : open_report(opt, 1, world.size());
  }
  if (writer) {
    std::string all, gpus;
    for (const std::string& r : rank_lines) {
      all += r + "\n";
      if (r.find(", cuda ") != std::string::npos) gpus += r + "\n";
    }
    writer->set_attr("ranks", all);
    writer->set_attr("gpus", gpus.empty() ? "none (CPU workers)" : gpus);
  }
  // Workers learn whether there is a job at all, then get everything it needs at once.
  bool ok = in && writer;
  mpi::broadcast(world, ok, 0);
  if (!ok) return 2;

  auto t0 = Clock::now();
  if (!opt.resume) {
    write_lookup_tables(*writer, *in, plan);
    writer->flush();
    phases.add("report.write", since(t0));
  } else {
    already.resize(plan.units.size(), 0);
  }
  count_inputs(*in, plan, sum);

  t0 = Clock::now();
  worker::Setup setup;
  for (const worker::TaskInput& t : in->tasks) setup.tasks.push_back(worker::to_wire(*t.task));
  setup.blocks = plan.blocks;
  setup.infos = plan.block_info;
  setup.differ_blocks = in->differs.blocks;
  setup.differ_cands = in->differs.cands;
  std::string bytes = worker::encode(setup);
  mpi::broadcast(world, bytes, 0);
  phases.add("broadcast", since(t0), static_cast<std::int64_t>(bytes.size()));

  // Hand out units, record results in unit order.
  Recorder recorder(*writer, phases, sum, in->tasks.size(), opt.flush_s);
  already.resize(plan.units.size(), 0);
  std::deque<std::int32_t> queue;  // the plan's order: most expensive first
  for (std::size_t u = 0; u < plan.units.size(); ++u) {
    if (!already[u]) queue.push_back(static_cast<std::int32_t>(u));
  }
  std::map<std::int32_t, worker::UnitResult> finished;  // waiting for their predecessors
  std::map<std::int32_t, int> failures;
  std::map<std::int32_t, int> failed_on;  // unit -> the worker it failed on
  std::vector<int> busy(static_cast<std::size_t>(world.size()), 0);
  std::int32_t next_to_write = 0;
  std::size_t done = 0;
  const auto eval_t0 = Clock::now();
  auto last_progress = Clock::now();
  int stop = 0;

  int outstanding = 0;  // messages owed by workers (a re-issued unit is owed twice)
  std::map<std::int32_t, Clock::time_point> in_flight;  // unit -> when it was first sent
  std::set<std::int32_t> reissued;
  std::map<std::int32_t, int> copies;  // copies of a unit still out
  auto send = [&](int w, std::int32_t u) {
    ++copies[u];
    const Unit& unit = plan.units[static_cast<std::size_t>(u)];
    world.send(
        w, kUnit,
        UnitMsg{u, static_cast<std::int32_t>(unit.task), static_cast<std::int32_t>(unit.block)});
    ++busy[static_cast<std::size_t>(w)];
    ++outstanding;
  };
  // The next queued unit; once the queue is empty, an idle worker gets a copy of the oldest
  // unit still out for longer than --reissue-after-s (a slow or stuck worker): the first
  // result to come back is kept, the other dropped.
  auto send_unit = [&](int w) {
    if (stop != 0) return;
    // The first queued unit that did not already fail on this worker (a retry goes
    // elsewhere when there is an elsewhere).
    auto it = std::find_if(queue.begin(), queue.end(), [&](std::int32_t u) {
      const auto f = failed_on.find(u);
      return f == failed_on.end() || f->second != w || world.size() == 2;
    });
    if (it != queue.end()) {
      const std::int32_t u = *it;
      queue.erase(it);
      in_flight.emplace(u, Clock::now());
      send(w, u);
      return;
    }
    if (!queue.empty()) return;
    if (busy[static_cast<std::size_t>(w)] > 0) return;
    for (const auto& [u, t] : in_flight) {
      if (!reissued.count(u) && since(t) >= opt.reissue_after_s) {
        reissued.insert(u);
        send(w, u);
        return;
      }
    }
  };
  auto skip_held = [&] {  // units the resumed report holds are written already
    while (static_cast<std::size_t>(next_to_write) < already.size() && already[next_to_write]) {
      ++next_to_write;
    }
  };
  // Completed units in order wait in `pending` and are appended together: one append per
  // batch (--batch-units, or 8 per worker) or per quarter second, whichever comes first.
  std::vector<worker::UnitResult> pending;
  const std::size_t per_batch = opt.batch_units > 0
                                    ? static_cast<std::size_t>(opt.batch_units)
                                    : 32 * static_cast<std::size_t>(world.size() - 1);
  auto last_append = Clock::now();
  std::vector<double> worked(static_cast<std::size_t>(world.size()), 0.0);  // seconds per rank
  std::uint64_t timeouts = 0, errors = 0;
  auto write_ready = [&](bool force) {
    skip_held();
    while (!finished.empty() && finished.begin()->first == next_to_write) {
      pending.push_back(std::move(finished.begin()->second));
      finished.erase(finished.begin());
      ++next_to_write;
      skip_held();
    }
    if (pending.empty() || !(force || pending.size() >= per_batch || since(last_append) >= 1.0)) {
      return;
    }
    for (const worker::UnitResult& r : pending) {
      for (const report::ResultRow& row : r.results) {
        timeouts += row.status == report::Status::Timeout;
        errors += row.status == report::Status::Error;
      }
    }
    recorder.add(pending);
    pending.clear();
    last_append = Clock::now();
    done = static_cast<std::size_t>(next_to_write);
  };

  write_ready(true);
  for (int w = 1; w < world.size(); ++w) {
    for (int k = 0; k < kInFlight; ++k) send_unit(w);
  }
  while (outstanding > 0) {
    if (stop == 0) stop = StopSignals::requested();
    const auto st = world.iprobe(mpi::any_source, mpi::any_tag);
    if (!st) {
      std::this_thread::sleep_for(std::chrono::microseconds(200));
      continue;
    }
    const int w = st->source();
    --busy[static_cast<std::size_t>(w)];
    --outstanding;
    if (st->tag() == kResult) {
      std::pair<std::int32_t, std::string> msg;
      world.recv(w, kResult, msg);
      --copies[msg.first];
      if (in_flight.erase(msg.first) == 1) {  // else a re-issued copy came back second
        worker::UnitResult r = worker::decode_result(msg.second);
        worked[static_cast<std::size_t>(w)] +=
            r.counters.eval_s + r.counters.diff_s + r.counters.validate_s;
        finished.emplace(msg.first, std::move(r));
        write_ready(false);
      }
    } else {
      std::pair<std::int32_t, std::string> msg;
      world.recv(w, kFailed, msg);
      --copies[msg.first];
      std::cerr << "batt_mpi: unit " << msg.first << " failed on rank " << w << ": " << msg.second
                << '\n';
      if (!in_flight.count(msg.first)) {
        // a re-issued copy already came back
      } else if (copies[msg.first] > 0) {
        // the other copy may still succeed
      } else if (++failures[msg.first] > 1) {
        std::cerr << "batt_mpi: unit " << msg.first << " failed twice; stopping\n";
        stop = stop != 0 ? stop : -1;
      } else {
        in_flight.erase(msg.first);
        failed_on[msg.first] = w;
        queue.push_front(msg.first);  // retried first, on another worker
      }
    }
    send_unit(w);
    if (!opt.quiet && opt.progress_s > 0 && since(last_progress) >= opt.progress_s) {
      last_progress = Clock::now();
      const double el = since(eval_t0);
      std::string ranks;
      for (int r = 1; r < world.size(); ++r) {
        ranks += " " + std::to_string(r) + ":" +
                 std::to_string(static_cast<int>(100 * worked[static_cast<std::size_t>(r)] / el)) +
                 "%";
      }
      spdlog::info(
          "{}/{} units written, {} queued, {:.1f} units/s, about {:.0f} s left; busy{}; {} "
          "timeouts, {} errors",
          done, plan.units.size(), queue.size(), static_cast<double>(done) / el,
          done ? el / static_cast<double>(done) * static_cast<double>(plan.units.size() - done)
               : 0.0,
          ranks, timeouts, errors);
    }
  }
  write_ready(true);
  for (int w = 1; w < world.size(); ++w) world.send(w, kStop);
  phases.add("evaluate.wall", since(eval_t0), static_cast<std::int64_t>(done));
  recorder.count_solved();

  phases.add("total", since(job_t0));
  const std::vector<report::TimingRow> timing = phases.rows();
  writer->set_attr("units_reissued", static_cast<std::int64_t>(reissued.size()));
  const bool complete = done == plan.units.size();
  close_report(*writer, timing, done, complete ? 0 : (stop != 0 ? stop : -1), sum);
  if (!opt.quiet) print_summary(sum, timing, std::cout);
  if (stop == -1) return 1;
  return complete ? 0 : 1;
}

// ---- workers ------------------------------------------------------------------------------

int work(const JobOptions& opt, mpi::communicator& world) {
  // A stop signal is rank 0's to act on (it stops handing out units and then sends kStop);
  // a worker that gets one too (mpirun, srun forward them) finishes its unit as usual.
  StopSignals ignore_here;
  bool ok = false;
  mpi::broadcast(world, ok, 0);
  if (!ok) return 2;
  std::string bytes;
  mpi::broadcast(world, bytes, 0);
  const worker::Setup setup = worker::decode_setup(bytes);
  bytes.clear();

  dsl::Arena arena(std::size_t{1} << 32);
  dsl::EvalCtx ctx(arena);
  std::deque<corpus::Task> tasks;  // TaskInputs point into it
  std::vector<worker::TaskInput> inputs;
  for (const worker::TaskWire& t : setup.tasks) {
    tasks.push_back(worker::from_wire(t, arena));
    inputs.push_back({&tasks.back(), static_cast<std::int32_t>(inputs.size()),
                      worker::demo_pairs(tasks.back(), ctx)});
  }
  worker::Differs differs;
  differs.cands = setup.differ_cands;
  differs.names.resize(differs.cands.size());
  differs.blocks = setup.differ_blocks;
  std::deque<worker::LazyDiffTable> diff_tables;
  for (const worker::TaskInput& t : inputs) diff_tables.emplace_back(differs, t);

  worker::Worker w(opt.unit);
  const auto rank = static_cast<std::int16_t>(world.rank());
  for (;;) {
    const mpi::status st = world.probe(0, mpi::any_tag);
    if (st.tag() == kStop) {
      world.recv(0, kStop);
      return 0;
    }
    UnitMsg m{};
    world.recv(0, kUnit, m);
    try {
      // Fault injection for the retry test: this unit fails on rank 1 (tests/e2e/mpi_test.cpp).
      if (const char* f = std::getenv("BATT_INJECT_UNIT_FAILURE");
          f && std::atoi(f) == m[0] && world.rank() == 1) {
        throw std::runtime_error("injected failure (BATT_INJECT_UNIT_FAILURE)");
      }
      const worker::UnitResult r = w.run(
          setup.blocks.at(static_cast<std::size_t>(m[2])),
          setup.infos.at(static_cast<std::size_t>(m[2])), inputs.at(static_cast<std::size_t>(m[1])),
          diff_tables.at(static_cast<std::size_t>(m[1])), m[0], rank);
      world.send(0, kResult, std::make_pair(m[0], worker::encode(r)));
    } catch (const std::exception& e) {
      world.send(0, kFailed, std::make_pair(m[0], std::string(e.what())));
    }
  }
}

}  // namespace

int run_mpi_job(const JobOptions& opt, mpi::communicator& world) {
  const std::vector<std::string> rank_lines = bind_devices(world);
  return world.rank() == 0 ? coordinate(opt, world, rank_lines) : work(opt, world);
}

}  // namespace batt::coordinator
