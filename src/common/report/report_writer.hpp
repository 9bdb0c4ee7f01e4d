#pragma once
// ReportWriter: the job's HDF5 report (docs/report-schema.md), written crash-safely.
// The file is written as `<path>.partial`: it is created with every table present and empty
// and the root attribute status="running"; rows are appended in batches; flush() after a
// batch makes everything written so far survive a crash of the process; finish() sets
// status="complete", closes the file and renames it to `<path>` (atomic on one filesystem).
// A writer destroyed without finish() marks the file status="aborted" and leaves it as
// `.partial`; close_partial() leaves it so with a status of the caller's choosing
// ("interrupted"), and OpenMode::Resume reopens such a `.partial` (or that of a crashed
// process) to append after its rows. Each table is a group of equal-length 1-D column datasets
// named after the fields of its row struct (rows.hpp), so one table reads into pandas as
// `pd.DataFrame({c: g[c][:] for c in g})`. One writer, one thread: calls must not overlap.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "report/rows.hpp"

namespace batt::report {

// Bumped whenever a table, a column or its meaning changes (STYLE.md §3, report field).
// 2: /units (the plan's work units and their estimated cost); /candidates.dialect.
inline constexpr std::int64_t kSchemaVersion = 2;
// The dataset attribute `codes` of every Status column.
inline constexpr std::string_view kStatusCodes =
    "0 ok,1 mismatch,2 error,3 timeout,4 resource,5 skipped";

struct ReportOptions {
  std::size_t chunk_rows = 16384;  // rows per chunk of every column (/output_cells: 16x)
  int deflate = 4;                 // zlib level 0..9 (0: none) for every column
};

enum class OpenMode {
  Create,  // a new, empty report
  Resume,  // continue the .partial an earlier writer left (interrupted, aborted or crashed)
};

class ReportWriter {
 public:
  // Create: creates path + ".partial" (truncating an old one) with every table created empty
  // and the root attributes schema_version (int), batt_version, start_time_utc (ISO-8601
  // UTC) and status="running", and flushes it. Throws std::runtime_error naming the file
  // when it cannot be created (a missing directory, no permission).
  //
  // Resume: opens the existing path + ".partial" read-write. Throws std::runtime_error naming
  // the file when it is missing, not HDF5 (or locked by a live writer), has another
  // schema_version, or lacks a table or column of the schema (or holds one of another
  // type). Then makes it consistent, since a crash may have stopped a batch half-way:
  //   - a table whose columns differ in length is cut back to its shortest column;
  //   - /outputs rows whose cells are not all in /output_cells are cut (from the first such
  //     row on), then the cells after the last one /outputs references.
  // Sets status="running", increments the int64 root attribute `resumed` (absent: 0),
  // removes end_time_utc, keeps start_time_utc and every other attribute, and flushes.
  // Appends go after the rows kept (/outputs.cell_offset after the cells kept). Rows are
  // not renumbered: what the kept rows cover is for the caller to work out (units_done,
  // /results.unit). The columns keep the chunking and compression they were created with.
  //
  // Both throw std::invalid_argument for bad options.
  explicit ReportWriter(std::string path, ReportOptions opts = {},
                        OpenMode mode = OpenMode::Create);
  // Without finish() or close_partial(): status="aborted", end_time_utc, flush, close; the
  // .partial stays. Never throws (a failure here is ignored: the file then reads as
  // "running").
  ~ReportWriter();
  ReportWriter(const ReportWriter&) = delete;
  ReportWriter& operator=(const ReportWriter&) = delete;

  // A root attribute (provenance: git_sha, command_line, config_json, hosts, ...); setting a
  // name again replaces the value, whatever its previous type.
  void set_attr(std::string_view name, std::string_view value);
  void set_attr(std::string_view name, std::int64_t value);
  void set_attr(std::string_view name, double value);

  // Each appends its rows at the end of its table (an empty span does nothing). Row indices
  // (task, cand, differ) are whatever the caller assigns: the writer does not renumber.
  // Throws std::invalid_argument for a row the schema cannot hold (an id or md5 over 32
  // bytes, an OutputRow whose cells.size() != rows * cols), checked before anything of the
  // batch is written; std::runtime_error on an HDF5 failure, naming the file and the column
  // (the table's columns may then differ in length: the report is not to be trusted).
  void write_tasks(std::span<const TaskRow> rows);
  void write_candidates(std::span<const CandidateRow> rows);
  void write_origins(std::span<const OriginRow> rows);
  void write_differs(std::span<const DifferRow> rows);
  void write_units(std::span<const UnitRow> rows);
  void append_results(std::span<const ResultRow> rows);
  void append_diffs(std::span<const DiffRow> rows);
  // The cells of each row go to /output_cells; /outputs.cell_offset is where they start.
  void append_outputs(std::span<const OutputRow> rows);
  void write_timings(std::span<const TimingRow> rows);

  // H5Fflush (global scope): after this, a crash leaves a readable .partial holding every
  // row appended so far. Costs a write of the dirty chunks and metadata; call it per batch.
  void flush();
  // status="complete", end_time_utc, close, rename the .partial to the final path, which is
  // returned. Afterwards every call but partial_path()/path() throws std::logic_error.
  std::string finish();
  // Sets status (e.g. "interrupted": stopped on purpose, to be resumed) and end_time_utc,
  // flushes and closes, leaving the .partial in place (no rename). Afterwards every call but
  // partial_path()/path() throws std::logic_error, and the destructor leaves the file alone.
  // On an HDF5 failure throws std::runtime_error, and the writer is closed all the same.
  void close_partial(std::string_view status);

  const std::string& path() const noexcept { return path_; }
  const std::string& partial_path() const noexcept { return partial_; }

 private:
  struct Impl;
  Impl& open(const char* what);  // the live file, or std::logic_error once closed

  std::string path_, partial_;
  std::unique_ptr<Impl> impl_;  // null once closed
};

}  // namespace batt::report
