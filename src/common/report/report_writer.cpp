#include "report/report_writer.hpp"

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <functional>
#include <optional>
#include <stdexcept>
#include <system_error>
#include <type_traits>
#include <vector>

#include "check_macros.hpp"
#include "report/h5.hpp"

#ifndef BATT_VERSION
#define BATT_VERSION "unknown"
#endif

namespace batt::report {
namespace {

using h5::Elem;

// The columns of every table, in the order of the fields of its row struct (rows.hpp);
// docs/report-schema.md describes each one. md5 and ids are fixed S32, other strings
// variable-length UTF-8, bool and Status int8.
struct ColumnDef {
  const char* name;
  Elem elem;
};
struct TableDef {
  const char* name;
  std::vector<ColumnDef> columns;
};

constexpr std::size_t kIdLen = 32;

const std::vector<TableDef>& schema() {
  static const std::vector<TableDef> tables = {
      {"tasks",
       {{"id", Elem::FixedString},
        {"source", Elem::String},
        {"n_demo", Elem::Int16},
        {"n_test", Elem::Int16},
        {"test_outputs", Elem::Int8}}},
      {"candidates",
       {{"id", Elem::FixedString},
        {"md5", Elem::FixedString},
        {"kind", Elem::Int8},
        {"mode", Elem::Int8},
        {"dialect", Elem::Int8},
        {"evaluable", Elem::Int8},
        {"canonical_bytes", Elem::UInt64},
        {"nodes", Elem::Int64},
        {"canonical", Elem::String},
        {"expanded", Elem::String}}},
      {"origins",
       {{"cand", Elem::Int32},
        {"file", Elem::String},
        {"line", Elem::Int32},
        {"record", Elem::String},
        {"task", Elem::String},
        {"mutated", Elem::Int8},
        {"differ", Elem::String}}},
      {"differs", {{"cand", Elem::Int32}, {"name", Elem::String}}},
      {"units", {{"task", Elem::Int32}, {"cands", Elem::Int32}, {"cost", Elem::Float64}}},
      {"results",
       {{"cand", Elem::Int32},
        {"task", Elem::Int32},
        {"demo_hits", Elem::Int16},
        {"test_hits", Elem::Int16},
        {"n_demo", Elem::Int16},
        {"n_test", Elem::Int16},
        {"solved", Elem::Int8},
        {"status", Elem::Int8},
        {"status_bits", Elem::UInt64},
        {"valid", Elem::Int8},
        {"time_us", Elem::Float32},
        {"steps", Elem::UInt64},
        {"rank", Elem::Int16},
        {"unit", Elem::Int32}}},
      {"diffs",
       {{"cand", Elem::Int32},
        {"task", Elem::Int32},
        {"differ", Elem::Int32},
        {"iz", Elem::Int16},
        {"zo", Elem::Int16},
        {"samples", Elem::Int16}}},
      {"outputs",
       {{"cand", Elem::Int32},
        {"task", Elem::Int32},
        {"sample", Elem::Int16},
        {"is_test", Elem::Int8},
        {"status", Elem::Int8},
        {"rows", Elem::Int16},
        {"cols", Elem::Int16},
        {"cell_offset", Elem::Int64},
        {"text", Elem::String}}},
      {"timings",
       {{"rank", Elem::Int16},
        {"phase", Elem::String},
        {"seconds", Elem::Float64},
        {"count", Elem::Int64}}},
  };
  return tables;
}

bool is_status_column(std::string_view table, std::string_view column) {
  return column == "status" && (table == "results" || table == "outputs");
}

std::string utc_now() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// How a field is stored: bool and Status as int8, uint32 (nodes) widened to int64 so that
// every reader sees a signed number; everything else as is.
template <class V>
auto stored(const V& v) {
  if constexpr (std::is_same_v<V, bool> || std::is_same_v<V, Status>) {
    return static_cast<std::int8_t>(v);
  } else if constexpr (std::is_same_v<V, std::uint32_t>) {
    return static_cast<std::int64_t>(v);
  } else {
    return v;
  }
}

struct Column {
  std::string name;
  h5::Dataset ds;
  std::size_t rows = 0;
};

struct Table {
  std::string name;
  h5::Group group;
  std::vector<Column> columns;
  std::size_t rows = 0;

  Column& column(std::string_view col) {
    for (Column& c : columns) {
      if (c.name == col) return c;
    }
    BATT_CHECK(!"the writer names a column the schema lacks");
    return columns.front();
  }
};

// Appends one batch of n rows to a table, a column at a time, and checks at the end that
// every column of the schema received exactly n values (a writer and schema out of step
// would otherwise produce columns of different lengths).
class Batch {
 public:
  Batch(Table& t, std::size_t n) : t_(t), n_(n) {}

  template <class Row, class Field>
  void put(const char* col, std::span<const Row> rows, Field Row::*field) {
    using V = decltype(stored(rows[0].*field));
    std::vector<V> values;
    values.reserve(rows.size());
    for (const Row& r : rows) values.push_back(stored(r.*field));
    put_values(col, values);
  }

  template <class V>
  void put_values(const char* col, const std::vector<V>& values) {
    BATT_CHECK(values.size() == n_);
    Column& c = t_.column(col);
    if constexpr (std::is_same_v<V, std::string>) {
      c.ds.append_strings(values);
    } else {
      c.ds.append(std::span<const V>(values));
    }
    c.rows += n_;
  }

  void done() {
    for (const Column& c : t_.columns) BATT_CHECK(c.rows == t_.rows + n_);
    t_.rows += n_;
  }

 private:
  Table& t_;
  std::size_t n_;
};

template <class Row>
void check_id_length(std::span<const Row> rows, std::string Row::*field, const char* what) {
  for (const Row& r : rows) {
    if ((r.*field).size() > kIdLen) {
      throw std::invalid_argument(std::string(what) + " '" + r.*field + "' is longer than " +
                                  std::to_string(kIdLen) + " bytes");
    }
  }
}

// --- Resume: reopen a .partial, check it against the schema, make it consistent ----------

[[noreturn]] void cannot_resume(const std::string& file, const std::string& why) {
  throw std::runtime_error("report: cannot resume " + file + ": " + why);
}

// Opens a dataset of a resumed file, which must hold the element type the schema says.
h5::Dataset open_column(const h5::Group& g, const std::string& name, Elem elem) {
  if (!g.has(name)) cannot_resume(g.file(), "it has no " + g.path() + "/" + name);
  h5::Dataset ds = g.open_dataset(name);
  const std::size_t len = elem == Elem::FixedString ? kIdLen : 0;
  if (ds.elem() != elem || ds.string_len() != len) {
    cannot_resume(g.file(), ds.path() + " holds " + h5::elem_name(ds.elem()) + ", not " +
                                h5::elem_name(elem));
  }
  return ds;
}

Table open_table(const h5::Group& root, const TableDef& def) {
  if (!root.has(def.name) || !root.is_group(def.name)) {
    cannot_resume(root.file(), std::string("it has no table /") + def.name);
  }
  Table t{def.name, root.open_group(def.name), {}, 0};
  for (const ColumnDef& c : def.columns) {
    t.columns.push_back({c.name, open_column(t.group, c.name, c.elem), 0});
  }
  return t;
}

void cut_table(Table& t, std::size_t n) {
  for (Column& c : t.columns) {
    if (c.ds.size() != n) c.ds.resize(n);
    c.rows = n;
  }
  t.rows = n;
}

// A crash between two column appends of a batch leaves the first columns of the table longer
// than the others: the rows that some columns lack are dropped.
void cut_to_shortest_column(Table& t) {
  std::size_t n = t.columns.front().ds.size();
  for (const Column& c : t.columns) n = std::min(n, c.ds.size());
  cut_table(t, n);
}

// Cells are appended before the /outputs rows that point to them, so a crash between the two
// leaves cells that no row references; a crash without a flush may also leave rows whose
// cells never reached the disk (HDF5 writes its metadata back in no set order). Rows are
// kept up to the first one whose cells are not all there, then cells up to the last one a
// kept row references. Returns the number of cells kept: where the next append starts.
std::int64_t cut_outputs(Table& outputs, h5::Dataset& cells) {
  const auto offset = outputs.column("cell_offset").ds.read<std::int64_t>();
  const auto rows = outputs.column("rows").ds.read<std::int64_t>();
  const auto cols = outputs.column("cols").ds.read<std::int64_t>();
  const auto have = static_cast<std::int64_t>(cells.size());
  std::size_t keep = 0;
  std::int64_t end = 0;  // one past the last cell a kept row references
  for (; keep < offset.size(); ++keep) {
    if (offset[keep] < 0 || rows[keep] < 0 || cols[keep] < 0) {
      cannot_resume(cells.file(), "/outputs row " + std::to_string(keep) +
                                      " has a negative cell_offset, rows or cols");
    }
    const std::int64_t e = offset[keep] + rows[keep] * cols[keep];
    if (e > have) break;
    end = std::max(end, e);
  }
  if (keep < outputs.rows) cut_table(outputs, keep);
  if (end < have) cells.resize(static_cast<std::size_t>(end));
  return end;
}

}  // namespace

struct ReportWriter::Impl {
  h5::File file;  // declared first: destroyed after the objects opened from it
  std::optional<h5::Group> root;
  std::vector<Table> tables;
  std::optional<h5::Dataset> cells;
  std::int64_t n_cells = 0;

  explicit Impl(h5::File f) : file(std::move(f)) {}

  static std::unique_ptr<Impl> create(const std::string& partial, const ReportOptions& opts);
  static std::unique_ptr<Impl> resume(const std::string& partial);

  Table& table(std::string_view name) {
    for (Table& t : tables) {
      if (t.name == name) return t;
    }
    BATT_CHECK(!"the writer names a table the schema lacks");
    return tables.front();
  }

  // Sets the closing attributes, releases every object, then closes the file (the file
  // uses the "semi" close degree, so an object left open would make the close fail).
  void close(std::string_view status) {
    root->set_attr("status", status);
    root->set_attr("end_time_utc", utc_now());
    file.flush();
    cells.reset();
    tables.clear();
    root.reset();
    file.close();
  }
};

std::unique_ptr<ReportWriter::Impl> ReportWriter::Impl::create(const std::string& partial,
                                                               const ReportOptions& opts) {
  auto impl = std::make_unique<Impl>(h5::File::create(partial));
  impl->root.emplace(impl->file.root());
  h5::Group& root = *impl->root;
  root.set_attr("schema_version", kSchemaVersion);
  root.set_attr("batt_version", std::string_view(BATT_VERSION));
  root.set_attr("start_time_utc", utc_now());
  root.set_attr("status", std::string_view("running"));
  h5::DatasetOptions col_opts{opts.chunk_rows, opts.deflate, 0};
  for (const TableDef& def : schema()) {
    Table t{def.name, root.create_group(def.name), {}, 0};
    for (const ColumnDef& c : def.columns) {
      col_opts.string_len = c.elem == Elem::FixedString ? kIdLen : 0;
      h5::Dataset ds = t.group.create_dataset(c.name, c.elem, col_opts);
      if (is_status_column(def.name, c.name)) ds.set_attr("codes", kStatusCodes);
      t.columns.push_back({c.name, std::move(ds), 0});
    }
    impl->tables.push_back(std::move(t));
  }
  // A grid is up to 30x30 = 900 cells, so /output_cells grows much faster than the tables.
  impl->cells.emplace(root.create_dataset(
      "output_cells", Elem::Int8, h5::DatasetOptions{opts.chunk_rows * 16, opts.deflate, 0}));
  impl->file.flush();
  return impl;
}

std::unique_ptr<ReportWriter::Impl> ReportWriter::Impl::resume(const std::string& partial) {
  // HDF5's own message for a missing file is a page of error stack; this one is plain.
  std::error_code ec;
  if (!std::filesystem::exists(partial, ec)) cannot_resume(partial, "no such file");
  auto impl = std::make_unique<Impl>(h5::File::open_write(partial));
  impl->root.emplace(impl->file.root());
  h5::Group& root = *impl->root;
  const std::optional<std::int64_t> version = root.attr_int("schema_version");
  if (version != kSchemaVersion) {
    cannot_resume(partial, "its schema_version is " +
                               (version ? std::to_string(*version) : std::string("absent")) +
                               ", this writer's " + std::to_string(kSchemaVersion));
  }
  // Everything is checked before anything is changed: a file refused stays as it was.
  for (const TableDef& def : schema()) impl->tables.push_back(open_table(root, def));
  impl->cells.emplace(open_column(root, "output_cells", Elem::Int8));
  for (Table& t : impl->tables) cut_to_shortest_column(t);
  impl->n_cells = cut_outputs(impl->table("outputs"), *impl->cells);
  root.set_attr("resumed", root.attr_int("resumed").value_or(0) + 1);
  root.set_attr("status", std::string_view("running"));
  root.remove_attr("end_time_utc");
  impl->file.flush();
  return impl;
}

ReportWriter::ReportWriter(std::string path, ReportOptions opts, OpenMode mode)
    : path_(std::move(path)), partial_(path_ + ".partial") {
  if (opts.chunk_rows == 0) throw std::invalid_argument("ReportOptions: chunk_rows is 0");
  if (opts.deflate < 0 || opts.deflate > 9) {
    throw std::invalid_argument("ReportOptions: deflate must be 0..9, not " +
                                std::to_string(opts.deflate));
  }
  impl_ = mode == OpenMode::Create ? Impl::create(partial_, opts) : Impl::resume(partial_);
}

ReportWriter::~ReportWriter() {
  if (!impl_) return;
  try {
    impl_->close("aborted");
  } catch (...) {
    // Nothing sensible is left to do in a destructor: the .partial then says "running".
  }
}

ReportWriter::Impl& ReportWriter::open(const char* what) {
  if (!impl_) {
    throw std::logic_error("ReportWriter: " + path_ + ": " + what +
                           " after finish() or close_partial()");
  }
  return *impl_;
}

void ReportWriter::set_attr(std::string_view name, std::string_view value) {
  open("set_attr").root->set_attr(name, value);
}
void ReportWriter::set_attr(std::string_view name, std::int64_t value) {
  open("set_attr").root->set_attr(name, value);
}
void ReportWriter::set_attr(std::string_view name, double value) {
  open("set_attr").root->set_attr(name, value);
}

void ReportWriter::write_tasks(std::span<const TaskRow> rows) {
  Impl& w = open("write_tasks");
  if (rows.empty()) return;
  check_id_length(rows, &TaskRow::id, "task id");
  Batch b(w.table("tasks"), rows.size());
  b.put("id", rows, &TaskRow::id);
  b.put("source", rows, &TaskRow::source);
  b.put("n_demo", rows, &TaskRow::n_demo);
  b.put("n_test", rows, &TaskRow::n_test);
  b.put("test_outputs", rows, &TaskRow::test_outputs);
  b.done();
}

void ReportWriter::write_candidates(std::span<const CandidateRow> rows) {
  Impl& w = open("write_candidates");
  if (rows.empty()) return;
  check_id_length(rows, &CandidateRow::id, "candidate id");
  check_id_length(rows, &CandidateRow::md5, "candidate md5");
  Batch b(w.table("candidates"), rows.size());
  b.put("id", rows, &CandidateRow::id);
  b.put("md5", rows, &CandidateRow::md5);
  b.put("kind", rows, &CandidateRow::kind);
  b.put("mode", rows, &CandidateRow::mode);
  b.put("dialect", rows, &CandidateRow::dialect);
  b.put("evaluable", rows, &CandidateRow::evaluable);
  b.put("canonical_bytes", rows, &CandidateRow::canonical_bytes);
  b.put("nodes", rows, &CandidateRow::nodes);
  b.put("canonical", rows, &CandidateRow::canonical);
  b.put("expanded", rows, &CandidateRow::expanded);
  b.done();
}

void ReportWriter::write_origins(std::span<const OriginRow> rows) {
  Impl& w = open("write_origins");
  if (rows.empty()) return;
  Batch b(w.table("origins"), rows.size());
  b.put("cand", rows, &OriginRow::cand);
  b.put("file", rows, &OriginRow::file);
  b.put("line", rows, &OriginRow::line);
  b.put("record", rows, &OriginRow::record);
  b.put("task", rows, &OriginRow::task);
  b.put("mutated", rows, &OriginRow::mutated);
  b.put("differ", rows, &OriginRow::differ);
  b.done();
}

void ReportWriter::write_differs(std::span<const DifferRow> rows) {
  Impl& w = open("write_differs");
  if (rows.empty()) return;
  Batch b(w.table("differs"), rows.size());
  b.put("cand", rows, &DifferRow::cand);
  b.put("name", rows, &DifferRow::name);
  b.done();
}

void ReportWriter::write_units(std::span<const UnitRow> rows) {
  Impl& w = open("write_units");
  if (rows.empty()) return;
  Batch b(w.table("units"), rows.size());
  b.put("task", rows, &UnitRow::task);
  b.put("cands", rows, &UnitRow::cands);
  b.put("cost", rows, &UnitRow::cost);
  b.done();
}

void ReportWriter::append_results(std::span<const ResultRow> rows) {
  Impl& w = open("append_results");
  if (rows.empty()) return;
  Batch b(w.table("results"), rows.size());
  b.put("cand", rows, &ResultRow::cand);
  b.put("task", rows, &ResultRow::task);
  b.put("demo_hits", rows, &ResultRow::demo_hits);
  b.put("test_hits", rows, &ResultRow::test_hits);
  b.put("n_demo", rows, &ResultRow::n_demo);
  b.put("n_test", rows, &ResultRow::n_test);
  b.put("solved", rows, &ResultRow::solved);
  b.put("status", rows, &ResultRow::status);
  b.put("status_bits", rows, &ResultRow::status_bits);
  b.put("valid", rows, &ResultRow::valid);
  b.put("time_us", rows, &ResultRow::time_us);
  b.put("steps", rows, &ResultRow::steps);
  b.put("rank", rows, &ResultRow::rank);
  b.put("unit", rows, &ResultRow::unit);
  b.done();
}

void ReportWriter::append_diffs(std::span<const DiffRow> rows) {
  Impl& w = open("append_diffs");
  if (rows.empty()) return;
  Batch b(w.table("diffs"), rows.size());
  b.put("cand", rows, &DiffRow::cand);
  b.put("task", rows, &DiffRow::task);
  b.put("differ", rows, &DiffRow::differ);
  b.put("iz", rows, &DiffRow::iz);
  b.put("zo", rows, &DiffRow::zo);
  b.put("samples", rows, &DiffRow::samples);
  b.done();
}

void ReportWriter::append_outputs(std::span<const OutputRow> rows) {
  Impl& w = open("append_outputs");
  if (rows.empty()) return;
  std::vector<std::int64_t> offsets;
  std::vector<std::int8_t> cells;
  std::int64_t next = w.n_cells;
  for (const OutputRow& r : rows) {
    if (r.rows < 0 || r.cols < 0 ||
        r.cells.size() != static_cast<std::size_t>(r.rows) * static_cast<std::size_t>(r.cols)) {
      throw std::invalid_argument("output of cand " + std::to_string(r.cand) + " on task " +
                                  std::to_string(r.task) + " sample " + std::to_string(r.sample) +
                                  ": " + std::to_string(r.cells.size()) + " cells for a " +
                                  std::to_string(r.rows) + "x" + std::to_string(r.cols) + " grid");
    }
    offsets.push_back(next);
    next += static_cast<std::int64_t>(r.cells.size());
    cells.insert(cells.end(), r.cells.begin(), r.cells.end());
  }
  // Cells first: a crash between the two appends leaves cells that no row points to, never
  // a row whose cells are missing.
  w.cells->append(std::span<const std::int8_t>(cells));
  w.n_cells = next;
  Batch b(w.table("outputs"), rows.size());
  b.put("cand", rows, &OutputRow::cand);
  b.put("task", rows, &OutputRow::task);
  b.put("sample", rows, &OutputRow::sample);
  b.put("is_test", rows, &OutputRow::is_test);
  b.put("status", rows, &OutputRow::status);
  b.put("rows", rows, &OutputRow::rows);
  b.put("cols", rows, &OutputRow::cols);
  b.put_values("cell_offset", offsets);
  b.put("text", rows, &OutputRow::text);
  b.done();
}

void ReportWriter::write_timings(std::span<const TimingRow> rows) {
  Impl& w = open("write_timings");
  if (rows.empty()) return;
  Batch b(w.table("timings"), rows.size());
  b.put("rank", rows, &TimingRow::rank);
  b.put("phase", rows, &TimingRow::phase);
  b.put("seconds", rows, &TimingRow::seconds);
  b.put("count", rows, &TimingRow::count);
  b.done();
}

void ReportWriter::flush() {
  open("flush").file.flush();
}

std::string ReportWriter::finish() {
  Impl& w = open("finish");
  try {
    w.close("complete");
  } catch (...) {
    impl_.reset();  // whatever is left open closes silently; the .partial stays
    throw;
  }
  impl_.reset();
  std::error_code ec;
  std::filesystem::rename(partial_, path_, ec);
  if (ec) {
    throw std::runtime_error("report: cannot rename " + partial_ + " to " + path_ + ": " +
                             ec.message());
  }
  return path_;
}

void ReportWriter::close_partial(std::string_view status) {
  open("close_partial");
  // Closed from here on, even when closing fails: whatever is left open then closes
  // silently as `impl` goes, and the destructor leaves the file alone.
  const std::unique_ptr<Impl> impl = std::move(impl_);
  impl->close(status);
}

}  // namespace batt::report
