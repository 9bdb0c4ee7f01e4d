#include "report_summary.hpp"

#include <map>
#include <set>

#include "report/report_reader.hpp"
#include "report/rows.hpp"

namespace batt::tools {

void print_report_summary(const std::string& path, std::ostream& out) {
  const report::ReportReader r(path);
  out << "report: " << path << '\n';
  for (const char* name : {"status", "shard", "pairing", "corpus_digest", "config_digest",
                           "start_time_utc", "end_time_utc", "hostname", "git_sha"}) {
    if (const auto v = r.attr_string(name)) out << "  " << name << ": " << *v << '\n';
  }
  for (const char* name : {"schema_version", "units_done", "resumed", "stopped_by_signal"}) {
    if (const auto v = r.attr_int(name)) out << "  " << name << ": " << *v << '\n';
  }
  if (const auto from = r.attr_string("merged_from")) {
    out << "  merged from:\n";
    std::size_t start = 0;
    while (start < from->size()) {
      const std::size_t end = std::min(from->find('\n', start), from->size());
      out << "    " << from->substr(start, end - start) << '\n';
      start = end + 1;
    }
  }
  out << "tables:";
  for (const std::string& t : r.tables()) out << ' ' << t << '=' << r.rows(t);
  out << '\n';

  const auto status = r.read_int64("results", "status");
  const auto solved = r.read_int64("results", "solved");
  const auto task = r.read_int64("results", "task");
  std::map<std::int64_t, std::size_t> by_status;
  std::set<std::int64_t> solved_tasks;
  std::size_t solving = 0;
  for (std::size_t k = 0; k < status.size(); ++k) {
    ++by_status[status[k]];
    if (solved[k] != 0) {
      ++solving;
      solved_tasks.insert(task[k]);
    }
  }
  out << "results: " << status.size() << " (candidate, task) pairs";
  for (const auto& [s, n] : by_status) {
    out << ", " << n << ' ' << report::status_name(static_cast<report::Status>(s));
  }
  out << '\n';
  out << "solved: " << solved_tasks.size() << " of " << r.rows("tasks") << " tasks (" << solving
      << " solving pairs)\n";
}

}  // namespace batt::tools
