#include "coordinator/report_session.hpp"

#include <unistd.h>

#include <ctime>
#include <filesystem>
#include <iostream>

#include "coordinator/provenance.hpp"
#include "report/report_reader.hpp"
#include "report/shard_spec.hpp"

namespace batt::coordinator {

namespace fs = std::filesystem;

namespace {

std::string utc_now() {
  const std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

std::string host_name() {
  char buf[256] = {};
  return gethostname(buf, sizeof buf - 1) == 0 ? buf : "";
}

}  // namespace

std::unique_ptr<report::ReportWriter> open_report(const JobOptions& opt, int threads,
                                                  int world_size) {
  std::unique_ptr<report::ReportWriter> writer;
  try {
    // -o runs/today/report.h5 makes runs/today/ (as mkdir -p would).
    if (const fs::path dir = fs::path(opt.out).parent_path(); !dir.empty()) {
      fs::create_directories(dir);
    }
    writer = std::make_unique<report::ReportWriter>(opt.out);
  } catch (const std::exception& e) {
    std::cerr << "batt_mpi: cannot write the report " << opt.out << ": " << e.what() << '\n';
    return nullptr;
  }
  writer->set_attr("command_line", opt.command_line);
  writer->set_attr("config", opt.config_text);
  writer->set_attr("git_sha", opt.git_sha);
  writer->set_attr("git_dirty", std::int64_t{opt.git_dirty ? 1 : 0});
  writer->set_attr("hostname", host_name());
  writer->set_attr("gpus", "none (CPU workers)");
  writer->set_attr("mpi_world_size", std::int64_t{world_size});
  writer->set_attr("threads", std::int64_t{threads});
  writer->set_attr("pairing", opt.pairing == Pairing::Cross ? "cross" : "origin");
  writer->set_attr("shard", report::to_string(opt.shard));
  writer->set_attr("config_digest", config_digest(opt));
  return writer;
}

std::unique_ptr<report::ReportWriter> resume_report(const JobOptions& opt, const JobInputs& in,
                                                    const Plan& plan, std::vector<char>& done) {
  const std::string partial = opt.out + ".partial";
  done.assign(plan.units.size(), 0);
  try {
    {
      // The partial must describe this very job: same tasks, same candidates, same units.
      // The candidates (every id, in order) are in corpus_digest; the tasks of this shard are
      // not (the digest covers the sweep before --shard splits it), so they are compared.
      const report::ReportReader r(partial);
      std::vector<std::string> ids;
      for (const worker::TaskInput& t : in.tasks) ids.push_back(t.task->id);
      const char* why = nullptr;
      if (r.read_string("tasks", "id") != ids) {
        why = "other tasks";
      } else if (r.attr_string("corpus_digest") != in.corpus_digest) {
        why = "another corpus (its corpus_digest differs: other task contents or candidates)";
      } else if (r.attr_string("config_digest") != config_digest(opt)) {
        why =
            "other options (its config_digest differs: --pairing, a budget, validation or "
            "output option)";
      }
      for (const std::int64_t u : r.read_int64("results", "unit")) {
        if (u < 0) continue;  // candidates that cannot be evaluated
        if (static_cast<std::size_t>(u) >= done.size()) {
          why = "other work units (another --block or --pairing)";
          break;
        }
        done[static_cast<std::size_t>(u)] = 1;
      }
      if (why) {
        std::cerr << "batt_mpi: --resume: " << partial << " was written for " << why
                  << "; run without --resume to start over\n";
        return nullptr;
      }
    }
    auto writer = std::make_unique<report::ReportWriter>(opt.out, report::ReportOptions{},
                                                         report::OpenMode::Resume);
    writer->set_attr("command_line", opt.command_line);
    return writer;
  } catch (const std::exception& e) {
    std::cerr << "batt_mpi: --resume: " << e.what() << '\n';
    return nullptr;
  }
}

void count_inputs(const JobInputs& in, const Plan& plan, JobSummary& sum) {
  sum.tasks = in.tasks.size();
  sum.candidates = in.corpus.candidates.size();
  sum.programs = in.corpus.programs;
  sum.differs = in.differs.cands.size();
  sum.units = plan.units.size();
  sum.skipped = plan.skipped_candidates;
  for (const program::Candidate& c : in.corpus.candidates) {
    sum.solver_candidates += c.kind == program::ProgramKind::Solver;
  }
}

void close_report(report::ReportWriter& writer, const std::vector<report::TimingRow>& timings,
                  std::size_t units_done, int stop_signal, JobSummary& sum) {
  writer.write_timings(timings);
  writer.set_attr("units_done", static_cast<std::int64_t>(units_done));
  writer.set_attr("end_time_utc", utc_now());
  if (stop_signal != 0) {
    sum.aborted = true;
    writer.set_attr("stopped_by_signal", std::int64_t{stop_signal});
    sum.report_path = writer.partial_path();
    writer.close_partial("interrupted");
  } else {
    sum.report_path = writer.finish();
  }
}

}  // namespace batt::coordinator
