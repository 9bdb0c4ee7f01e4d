#pragma once
// ReportReader: read-only access to a report (docs/report-schema.md), a finished one or the
// .partial of a running or crashed job, by table and column, whatever the stored types; and
// compare_reports(), the check behind "the same job gives identical reports for 1 and 2
// threads, for 1, 2 and 3 MPI ranks".
// A table is a root group, whose columns are its datasets, or a root dataset (such as
// /output_cells), read as a table with one column of the same name:
// read_int64("output_cells", "output_cells").
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace batt::report {

class ReportReader {
 public:
  enum class Kind { Int, Float, String };

  // Opens read-only. Throws std::runtime_error naming the path when the file is missing or
  // not HDF5 (or not yet flushed by a writer that died).
  explicit ReportReader(const std::string& path);
  ~ReportReader();
  ReportReader(ReportReader&&) noexcept;
  ReportReader& operator=(ReportReader&&) noexcept;

  const std::string& path() const noexcept;

  // Tables in the order they were written (name order in files that do not track it).
  std::vector<std::string> tables() const;
  bool has_table(std::string_view table) const;
  // Columns in the order of the row struct. Throws std::runtime_error for a missing table
  // (as do all the calls below for a missing table or column).
  std::vector<std::string> columns(std::string_view table) const;
  bool has_column(std::string_view table, std::string_view column) const;
  // The length of the table's first column (0 for a table without columns).
  std::size_t rows(std::string_view table) const;
  std::size_t rows(std::string_view table, std::string_view column) const;

  Kind kind(std::string_view table, std::string_view column) const;
  // Any numeric column as int64: integers exactly (uint64 values above INT64_MAX come back
  // as their two's-complement bit pattern), floats by HDF5's conversion (truncated,
  // clamped). Throws for a string column.
  std::vector<std::int64_t> read_int64(std::string_view table, std::string_view column) const;
  // Any numeric column as double (exact for float32, float64 and integers up to 2^53).
  std::vector<double> read_double(std::string_view table, std::string_view column) const;
  // String columns as stored (fixed strings without their NUL padding); numbers as text
  // (integers in decimal, floats in the shortest form that reads back to the same value).
  std::vector<std::string> read_string(std::string_view table, std::string_view column) const;
  // A string attribute of a column ("codes" of a status column); nullopt when absent.
  std::optional<std::string> column_attr(std::string_view table, std::string_view column,
                                         std::string_view name) const;

  // Root attributes, nullopt when absent. A string asked as a number (or the reverse)
  // throws; numbers convert between int and double.
  std::vector<std::string> attr_names() const;
  std::optional<std::string> attr_string(std::string_view name) const;
  std::optional<std::int64_t> attr_int(std::string_view name) const;
  std::optional<double> attr_double(std::string_view name) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The differences between the reports at paths a and b, one human-readable line each, in
// table and column order; empty when they hold the same tables, columns and values. Per
// table: present in only one file; per column: present in only one, a different kind
// (int/float/string), a different length, and the first row where the values differ
// (floats compare exactly, NaN equal to NaN). `ignore` holds table names ("timings") and
// "table.column" names ("results.rank", "results.time_us") to skip. Root attributes (times,
// hosts) are not compared; column attributes neither. Throws when a file cannot be read.
std::vector<std::string> compare_reports(const std::string& a, const std::string& b,
                                         std::span<const std::string_view> ignore = {});

}  // namespace batt::report
