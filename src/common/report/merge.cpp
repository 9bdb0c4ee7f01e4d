#include "report/merge.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include "report/report_reader.hpp"
#include "report/report_writer.hpp"
#include "report/rows.hpp"
#include "report/shard_spec.hpp"
#include "report/unit_order.hpp"

namespace batt::report {

namespace {

namespace fs = std::filesystem;

[[noreturn]] void refuse(const std::string& why) {
  throw MergeError("batt_report merge: " + why);
}

// One table read back into its rows (rows.hpp), a column at a time; the mirror of the
// writer's Batch::put. rows() refuses a table with a column no get() read, so a column added
// to the writer but not here fails loudly instead of merging as its default.
template <class Row>
class TableReader {
 public:
  TableReader(const ReportReader& r, const char* table)
      : rows_(r.rows(table)), r_(r), table_(table) {}

  // Sets field `f` of every row from column `col`, converted to the field's type (integers
  // and enums exactly, uint64 from its bit pattern).
  template <class F>
  TableReader& get(const char* col, F Row::*f) {
    if constexpr (std::is_same_v<F, std::string>) {
      fill(col, r_.read_string(table_, col), f);
    } else if constexpr (std::is_floating_point_v<F>) {
      fill(col, r_.read_double(table_, col), f);
    } else {
      fill(col, r_.read_int64(table_, col), f);
    }
    return *this;
  }

  // A column that is not a field of the row (outputs.cell_offset), read as is.
  std::vector<std::int64_t> int64_column(const char* col) {
    ++read_;
    return r_.read_int64(table_, col);
  }

  // The rows, once every column of the table in the file was read.
  std::vector<Row> rows() {
    if (const std::size_t n = r_.columns(table_).size(); read_ != n) {
      throw std::runtime_error(r_.path() + ": /" + table_ + " has " + std::to_string(n) +
                               " columns, batt_report merge reads " + std::to_string(read_) +
                               " (a column missing from merge.cpp's read_" + table_ + ")");
    }
    return std::move(rows_);
  }

 private:
  std::vector<Row> rows_;
  const ReportReader& r_;
  const char* table_;
  std::size_t read_ = 0;  // columns read (get() reads each by name, once)

  template <class V, class F>
  void fill(const char* col, std::vector<V> values, F Row::*f) {
    ++read_;
    if (values.size() != rows_.size()) {
      throw std::runtime_error(r_.path() + ": /" + table_ + "/" + col + " has " +
                               std::to_string(values.size()) + " rows, the table " +
                               std::to_string(rows_.size()));
    }
    for (std::size_t k = 0; k < rows_.size(); ++k) {
      if constexpr (std::is_same_v<V, std::string>) {
        rows_[k].*f = std::move(values[k]);
      } else {
        rows_[k].*f = static_cast<F>(values[k]);
      }
    }
  }
};

std::vector<TaskRow> read_tasks(const ReportReader& r) {
  using R = TaskRow;
  return TableReader<R>(r, "tasks")
      .get("id", &R::id)
      .get("source", &R::source)
      .get("n_demo", &R::n_demo)
      .get("n_test", &R::n_test)
      .get("test_outputs", &R::test_outputs)
      .rows();
}

std::vector<CandidateRow> read_candidates(const ReportReader& r) {
  using R = CandidateRow;
  return TableReader<R>(r, "candidates")
      .get("id", &R::id)
      .get("md5", &R::md5)
      .get("kind", &R::kind)
      .get("mode", &R::mode)
      .get("dialect", &R::dialect)
      .get("evaluable", &R::evaluable)
      .get("canonical_bytes", &R::canonical_bytes)
      .get("nodes", &R::nodes)
      .get("canonical", &R::canonical)
      .get("expanded", &R::expanded)
      .rows();
}

std::vector<OriginRow> read_origins(const ReportReader& r) {
  using R = OriginRow;
  return TableReader<R>(r, "origins")
      .get("cand", &R::cand)
      .get("file", &R::file)
      .get("line", &R::line)
      .get("record", &R::record)
      .get("task", &R::task)
      .get("mutated", &R::mutated)
      .get("differ", &R::differ)
      .rows();
}

std::vector<DifferRow> read_differs(const ReportReader& r) {
  return TableReader<DifferRow>(r, "differs")
      .get("cand", &DifferRow::cand)
      .get("name", &DifferRow::name)
      .rows();
}

std::vector<UnitRow> read_units(const ReportReader& r) {
  return TableReader<UnitRow>(r, "units")
      .get("task", &UnitRow::task)
      .get("cands", &UnitRow::cands)
      .get("cost", &UnitRow::cost)
      .rows();
}

std::vector<ResultRow> read_results(const ReportReader& r) {
  using R = ResultRow;
  return TableReader<R>(r, "results")
      .get("cand", &R::cand)
      .get("task", &R::task)
      .get("demo_hits", &R::demo_hits)
      .get("test_hits", &R::test_hits)
      .get("n_demo", &R::n_demo)
      .get("n_test", &R::n_test)
      .get("solved", &R::solved)
      .get("status", &R::status)
      .get("status_bits", &R::status_bits)
      .get("valid", &R::valid)
      .get("time_us", &R::time_us)
      .get("steps", &R::steps)
      .get("rank", &R::rank)
      .get("unit", &R::unit)
      .rows();
}

std::vector<DiffRow> read_diffs(const ReportReader& r) {
  using R = DiffRow;
  return TableReader<R>(r, "diffs")
      .get("cand", &R::cand)
      .get("task", &R::task)
      .get("differ", &R::differ)
      .get("iz", &R::iz)
      .get("zo", &R::zo)
      .get("samples", &R::samples)
      .rows();
}

// With each row's cells, from /output_cells at its cell_offset.
std::vector<OutputRow> read_outputs(const ReportReader& r) {
  using R = OutputRow;
  TableReader<R> table(r, "outputs");
  table.get("cand", &R::cand)
      .get("task", &R::task)
      .get("sample", &R::sample)
      .get("is_test", &R::is_test)
      .get("status", &R::status)
      .get("rows", &R::rows)
      .get("cols", &R::cols)
      .get("text", &R::text);
  const auto offset = table.int64_column("cell_offset");
  std::vector<R> rows = table.rows();
  const auto cells = r.read_int64("output_cells", "output_cells");
  for (std::size_t k = 0; k < rows.size(); ++k) {
    const std::int64_t n = std::int64_t{rows[k].rows} * rows[k].cols;
    if (offset[k] < 0 || n < 0 || offset[k] + n > static_cast<std::int64_t>(cells.size())) {
      throw std::runtime_error(r.path() + ": /outputs row " + std::to_string(k) +
                               " points outside /output_cells");
    }
    const auto first = cells.begin() + offset[k];
    rows[k].cells.assign(first, first + n);  // int64 -> int8: the values are colours
  }
  return rows;
}

std::vector<TimingRow> read_timings(const ReportReader& r) {
  using R = TimingRow;
  return TableReader<R>(r, "timings")
      .get("rank", &R::rank)
      .get("phase", &R::phase)
      .get("seconds", &R::seconds)
      .get("count", &R::count)
      .rows();
}

// One input: its provenance, then (once every input passed the checks) its tables.
struct Shard {
  explicit Shard(const std::string& p) : path(p), reader(p) {}

  std::string path;
  ReportReader reader;
  ShardSpec shard;  // its `shard` attribute
  std::string corpus_digest, config_digest;

  std::vector<TaskRow> tasks;
  std::vector<UnitRow> units;
  std::vector<ResultRow> results;
  std::vector<DiffRow> diffs;
  std::vector<OutputRow> outputs;
  std::vector<std::int32_t> task_map;  // row in this shard's /tasks -> row in the merged one
  // Per unit of this shard, its rows of /results, /diffs and /outputs, in file order.
  std::vector<std::vector<std::size_t>> unit_results, unit_diffs, unit_outputs;
};

std::string required_attr(const ReportReader& r, const std::string& path, const char* name) {
  const std::optional<std::string> v = r.attr_string(name);
  if (!v || v->empty()) {
    refuse(path + ": no " + name + " attribute (not written by a batt_mpi that records it)");
  }
  return *v;
}

// Opens one input and reads its provenance; refuses an incomplete report.
Shard open_shard(const std::string& path) {
  if (path.size() > 8 && path.ends_with(".partial")) {
    refuse(path +
           ": a .partial report is incomplete (finish its shard with batt_mpi ... "
           "--resume)");
  }
  std::error_code ec;
  if (!fs::exists(path, ec) && fs::exists(path + ".partial", ec)) {
    refuse(path + " does not exist, " + path +
           ".partial does: that shard has not finished (resume it with batt_mpi ... --resume)");
  }
  Shard s(path);
  const ReportReader& r = s.reader;
  const std::string status = r.attr_string("status").value_or("(none)");
  if (status != "complete") {
    refuse(path + ": status is '" + status + "', not 'complete' (an unfinished shard)");
  }
  if (r.attr_int("schema_version") != kSchemaVersion) {
    refuse(path + ": schema_version " + std::to_string(r.attr_int("schema_version").value_or(0)) +
           ", this batt_report reads " + std::to_string(kSchemaVersion));
  }
  s.corpus_digest = required_attr(r, path, "corpus_digest");
  s.config_digest = required_attr(r, path, "config_digest");
  const std::string shard = required_attr(r, path, "shard");
  const std::optional<ShardSpec> spec = parse_shard(shard);
  if (!spec) refuse(path + ": shard attribute '" + shard + "' is not i/n");
  s.shard = *spec;
  return s;
}

// Same digests, one split, every shard once (or a subset, with allow_partial).
void check_mixture(const std::vector<Shard>& shards, const MergeOptions& opts) {
  const Shard& first = shards.front();
  for (const Shard& s : shards) {
    for (const auto& [name, mine, theirs] :
         {std::tuple{"corpus_digest", &s.corpus_digest, &first.corpus_digest},
          std::tuple{"config_digest", &s.config_digest, &first.config_digest}}) {
      if (*mine != *theirs) {
        refuse(s.path + ": its " + name + " " + *mine + " differs from " + first.path + "'s " +
               *theirs + " (not shards of one sweep: other " +
               (std::string(name) == "corpus_digest" ? "tasks or candidates" : "options") + ")");
      }
    }
    if (s.shard.count != first.shard.count) {
      refuse(s.path + ": shard " + to_string(s.shard) + ", but " + first.path + " is shard " +
             to_string(first.shard) + " (shards of different splits)");
    }
  }
  std::vector<const Shard*> by_index(static_cast<std::size_t>(first.shard.count), nullptr);
  for (const Shard& s : shards) {
    const Shard*& seen = by_index[static_cast<std::size_t>(s.shard.index)];
    if (seen) {
      refuse(seen->path + " and " + s.path + " are both shard " + to_string(s.shard) +
             " (overlapping shards)");
    }
    seen = &s;
  }
  std::string missing;
  for (std::size_t i = 0; i < by_index.size(); ++i) {
    if (!by_index[i]) missing += (missing.empty() ? "" : ", ") + std::to_string(i);
  }
  if (!missing.empty() && !opts.allow_partial) {
    refuse("missing shard(s) " + missing + " of " + std::to_string(first.shard.count) +
           " (give every shard's report, or --allow-partial)");
  }
}

std::uint64_t pair_key(std::int32_t cand, std::int32_t task) {
  return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(cand)) << 32) |
         static_cast<std::uint32_t>(task);
}

// Reads a shard's fact tables and files each row under its unit (rows of /diffs and /outputs
// by their (cand, task) pair, which /results ties to one unit).
void load_facts(Shard& s, std::vector<ResultRow>& skipped) {
  const ReportReader& r = s.reader;
  s.units = read_units(r);
  s.results = read_results(r);
  s.diffs = read_diffs(r);
  s.outputs = read_outputs(r);
  const std::size_t n_units = s.units.size();
  s.unit_results.assign(n_units, {});
  s.unit_diffs.assign(n_units, {});
  s.unit_outputs.assign(n_units, {});
  std::unordered_map<std::uint64_t, std::int32_t> unit_of;
  for (std::size_t k = 0; k < s.results.size(); ++k) {
    ResultRow row = s.results[k];
    if (row.task < 0 || static_cast<std::size_t>(row.task) >= s.task_map.size()) {
      refuse(s.path + ": /results row " + std::to_string(k) + " names task " +
             std::to_string(row.task) + ", /tasks has " + std::to_string(s.task_map.size()));
    }
    if (row.unit < 0) {
      row.task = s.task_map[static_cast<std::size_t>(row.task)];
      skipped.push_back(row);
      continue;
    }
    if (static_cast<std::size_t>(row.unit) >= n_units) {
      refuse(s.path + ": /results row " + std::to_string(k) + " names unit " +
             std::to_string(row.unit) + ", /units has " + std::to_string(n_units) + " rows");
    }
    s.unit_results[static_cast<std::size_t>(row.unit)].push_back(k);
    unit_of[pair_key(row.cand, row.task)] = row.unit;
  }
  auto file_under_unit = [&](const char* table, std::size_t k, std::int32_t cand, std::int32_t task,
                             std::vector<std::vector<std::size_t>>& by_unit) {
    const auto it = unit_of.find(pair_key(cand, task));
    if (it == unit_of.end()) {
      refuse(s.path + ": /" + table + " row " + std::to_string(k) + " (cand " +
             std::to_string(cand) + ", task " + std::to_string(task) + ") has no /results row");
    }
    by_unit[static_cast<std::size_t>(it->second)].push_back(k);
  };
  for (std::size_t k = 0; k < s.diffs.size(); ++k) {
    file_under_unit("diffs", k, s.diffs[k].cand, s.diffs[k].task, s.unit_diffs);
  }
  for (std::size_t k = 0; k < s.outputs.size(); ++k) {
    file_under_unit("outputs", k, s.outputs[k].cand, s.outputs[k].task, s.unit_outputs);
  }
}

// /tasks of the merged report: every shard's tasks, sorted by id; sets each task_map.
std::vector<TaskRow> merge_tasks(std::vector<Shard>& shards) {
  std::map<std::string, std::pair<Shard*, std::size_t>> by_id;
  for (Shard& s : shards) {
    s.tasks = read_tasks(s.reader);
    for (std::size_t k = 0; k < s.tasks.size(); ++k) {
      const auto [it, fresh] = by_id.emplace(s.tasks[k].id, std::pair{&s, k});
      if (!fresh) {
        refuse("task " + s.tasks[k].id + " is in both " + it->second.first->path + " and " +
               s.path + " (overlapping shards)");
      }
    }
  }
  std::vector<TaskRow> tasks;
  for (Shard& s : shards) s.task_map.assign(s.tasks.size(), -1);
  for (const auto& [id, where] : by_id) {
    Shard& s = *where.first;
    s.task_map[where.second] = static_cast<std::int32_t>(tasks.size());
    tasks.push_back(s.tasks[where.second]);
  }
  return tasks;
}

// Sums the timings of every shard per (rank, phase), in the order they first appear.
std::vector<TimingRow> merge_timings(const std::vector<Shard>& shards) {
  std::vector<TimingRow> out;
  std::map<std::pair<std::int16_t, std::string>, std::size_t> at;
  for (const Shard& s : shards) {
    for (const TimingRow& t : read_timings(s.reader)) {
      const auto [it, fresh] = at.emplace(std::pair{t.rank, t.phase}, out.size());
      if (fresh) {
        out.push_back(t);
      } else {
        out[it->second].seconds += t.seconds;
        out[it->second].count += t.count;
      }
    }
  }
  return out;
}

// Root attributes: the first shard's provenance, the merged counts, where it came from.
void write_attrs(ReportWriter& w, const std::vector<Shard>& shards, std::size_t tasks,
                 std::size_t units) {
  const ReportReader& first = shards.front().reader;
  for (const char* name :
       {"command_line", "config", "git_sha", "pairing", "corpus_digest", "config_digest", "gpus"}) {
    if (const auto v = first.attr_string(name)) w.set_attr(name, *v);
  }
  for (const char* name :
       {"git_dirty", "mpi_world_size", "threads", "n_candidates_unique", "n_programs"}) {
    if (const auto v = first.attr_int(name)) w.set_attr(name, *v);
  }
  if (const auto v = first.attr_double("dedup_ratio")) w.set_attr("dedup_ratio", *v);
  std::string hosts, from, start;
  std::int64_t reissued = 0;
  for (const Shard& s : shards) {
    const std::string host = s.reader.attr_string("hostname").value_or("");
    if (!host.empty() && ("," + hosts + ",").find("," + host + ",") == std::string::npos) {
      hosts += (hosts.empty() ? "" : ",") + host;
    }
    from += (from.empty() ? "" : "\n") + to_string(s.shard) + " " + s.path;
    const std::string t = s.reader.attr_string("start_time_utc").value_or("");
    if (!t.empty() && (start.empty() || t < start)) start = t;
    reissued += s.reader.attr_int("units_reissued").value_or(0);
  }
  w.set_attr("hostname", hosts);
  if (!start.empty()) w.set_attr("start_time_utc", start);
  if (reissued > 0) w.set_attr("units_reissued", reissued);
  w.set_attr("merged_from", from);
  const int count = shards.front().shard.count;
  if (static_cast<std::size_t>(count) == shards.size()) {
    w.set_attr("shard", "0/1");  // the whole sweep, as a single run
  } else {
    std::vector<int> have;
    for (const Shard& s : shards) have.push_back(s.shard.index);
    std::sort(have.begin(), have.end());
    std::string list;
    for (int i : have) list += (list.empty() ? "" : ",") + std::to_string(i);
    w.set_attr("shard", list + "/" + std::to_string(count));
  }
  w.set_attr("n_tasks", static_cast<std::int64_t>(tasks));
  w.set_attr("units_done", static_cast<std::int64_t>(units));
}

// Appends rows in batches of a bounded size.
template <class Row, class Append>
void flush_if(std::vector<Row>& rows, Append append, bool force = false) {
  if (rows.empty() || (!force && rows.size() < 65536)) return;
  append(std::span<const Row>(rows));
  rows.clear();
}

}  // namespace

MergeSummary merge_reports(std::span<const std::string> inputs, const std::string& out,
                           const MergeOptions& opts) {
  if (inputs.empty()) refuse("no shard reports given");
  std::vector<Shard> shards;
  std::error_code ec;
  for (const std::string& path : inputs) {
    if (fs::exists(out, ec) && fs::equivalent(path, out, ec)) {
      refuse(out + " is one of the inputs");
    }
    shards.push_back(open_shard(path));
  }
  check_mixture(shards, opts);
  std::sort(shards.begin(), shards.end(),
            [](const Shard& a, const Shard& b) { return a.shard.index < b.shard.index; });

  // The lookup tables are the same in every shard: corpus_digest (checked above) covers every
  // candidate's id, kind, dialect, mode and evaluable flag, in order, and its origins.
  const std::vector<CandidateRow> candidates = read_candidates(shards.front().reader);
  const std::vector<TaskRow> tasks = merge_tasks(shards);
  std::vector<ResultRow> skipped;
  for (Shard& s : shards) load_facts(s, skipped);
  std::stable_sort(skipped.begin(), skipped.end(), [](const ResultRow& a, const ResultRow& b) {
    return a.cand != b.cand ? a.cand < b.cand : a.task < b.task;
  });

  // The single run's unit order (unit_order.hpp): `order` holds each task's units in the
  // plan's order, since one task's units are all in one shard, in that order.
  struct Ref {
    double cost;
    std::int32_t task;  // merged row
    std::size_t shard, unit;
  };
  std::vector<Ref> order;
  for (std::size_t k = 0; k < shards.size(); ++k) {
    const Shard& s = shards[k];
    for (std::size_t u = 0; u < s.units.size(); ++u) {
      const std::int32_t t = s.units[u].task;
      if (t < 0 || static_cast<std::size_t>(t) >= s.task_map.size()) {
        refuse(s.path + ": /units row " + std::to_string(u) + " names task " + std::to_string(t));
      }
      order.push_back({s.units[u].cost, s.task_map[static_cast<std::size_t>(t)], k, u});
    }
  }
  std::stable_sort(order.begin(), order.end(), [](const Ref& a, const Ref& b) {
    return unit_before(a.cost, a.task, b.cost, b.task);
  });

  MergeSummary sum;
  sum.shards = shards.size();
  sum.shard_count = static_cast<std::size_t>(shards.front().shard.count);
  sum.tasks = tasks.size();
  sum.units = order.size();

  ReportWriter w(out);
  w.write_tasks(tasks);
  w.write_candidates(candidates);
  w.write_origins(read_origins(shards.front().reader));
  w.write_differs(read_differs(shards.front().reader));
  std::vector<UnitRow> units;
  for (const Ref& ref : order) {
    UnitRow u = shards[ref.shard].units[ref.unit];
    u.task = ref.task;
    units.push_back(u);
  }
  w.write_units(units);

  std::vector<ResultRow> results = std::move(skipped);
  std::vector<DiffRow> diffs;
  std::vector<OutputRow> outputs;
  auto put_results = [&](std::span<const ResultRow> r) { w.append_results(r); };
  auto put_diffs = [&](std::span<const DiffRow> r) { w.append_diffs(r); };
  auto put_outputs = [&](std::span<const OutputRow> r) { w.append_outputs(r); };
  sum.results = results.size();
  for (std::size_t g = 0; g < order.size(); ++g) {
    Shard& s = shards[order[g].shard];
    const std::size_t u = order[g].unit;
    for (const std::size_t k : s.unit_results[u]) {
      ResultRow row = s.results[k];
      row.task = s.task_map[static_cast<std::size_t>(row.task)];
      row.unit = static_cast<std::int32_t>(g);
      results.push_back(row);
    }
    for (const std::size_t k : s.unit_diffs[u]) {
      DiffRow row = s.diffs[k];
      row.task = s.task_map[static_cast<std::size_t>(row.task)];
      diffs.push_back(row);
    }
    for (const std::size_t k : s.unit_outputs[u]) {
      OutputRow row = std::move(s.outputs[k]);
      row.task = s.task_map[static_cast<std::size_t>(row.task)];
      outputs.push_back(std::move(row));
    }
    sum.results += s.unit_results[u].size();
    sum.diffs += s.unit_diffs[u].size();
    sum.outputs += s.unit_outputs[u].size();
    flush_if(results, put_results);
    flush_if(diffs, put_diffs);
    flush_if(outputs, put_outputs);
  }
  flush_if(results, put_results, true);
  flush_if(diffs, put_diffs, true);
  flush_if(outputs, put_outputs, true);
  w.write_timings(merge_timings(shards));
  write_attrs(w, shards, tasks.size(), order.size());
  w.finish();
  return sum;
}

}  // namespace batt::report
