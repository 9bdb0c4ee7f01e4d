#include "report/report_reader.hpp"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>
#include <stdexcept>

#include "report/h5.hpp"

namespace batt::report {

struct ReportReader::Impl {
  h5::File file;  // declared first: destroyed after the root group
  h5::Group root;

  explicit Impl(const std::string& path) : file(h5::File::open_read(path)), root(file.root()) {}

  [[noreturn]] void missing(std::string_view what) const {
    throw std::runtime_error("report " + file.path() + ": no " + std::string(what));
  }

  h5::Dataset dataset(std::string_view table, std::string_view column) const {
    if (!root.has(table)) missing("table '" + std::string(table) + "'");
    if (root.is_group(table)) {
      h5::Group g = root.open_group(table);
      if (!g.has(column))
        missing("column '" + std::string(table) + "." + std::string(column) + "'");
      return g.open_dataset(column);
    }
    if (column != table) {
      missing("column '" + std::string(table) + "." + std::string(column) + "'");
    }
    return root.open_dataset(table);
  }
};

ReportReader::ReportReader(const std::string& path) : impl_(std::make_unique<Impl>(path)) {}
ReportReader::~ReportReader() = default;
ReportReader::ReportReader(ReportReader&&) noexcept = default;
ReportReader& ReportReader::operator=(ReportReader&&) noexcept = default;

const std::string& ReportReader::path() const noexcept {
  return impl_->file.path();
}

std::vector<std::string> ReportReader::tables() const {
  return impl_->root.members();
}

bool ReportReader::has_table(std::string_view table) const {
  return impl_->root.has(table);
}

std::vector<std::string> ReportReader::columns(std::string_view table) const {
  if (!impl_->root.has(table)) impl_->missing("table '" + std::string(table) + "'");
  if (!impl_->root.is_group(table)) return {std::string(table)};
  return impl_->root.open_group(table).members();
}

bool ReportReader::has_column(std::string_view table, std::string_view column) const {
  if (!impl_->root.has(table)) return false;
  if (!impl_->root.is_group(table)) return column == table;
  return impl_->root.open_group(table).has(column);
}

std::size_t ReportReader::rows(std::string_view table) const {
  const std::vector<std::string> cols = columns(table);
  return cols.empty() ? 0 : rows(table, cols.front());
}

std::size_t ReportReader::rows(std::string_view table, std::string_view column) const {
  return impl_->dataset(table, column).size();
}

ReportReader::Kind ReportReader::kind(std::string_view table, std::string_view column) const {
  const h5::Elem e = impl_->dataset(table, column).elem();
  if (!h5::is_numeric(e)) return Kind::String;
  return e == h5::Elem::Float32 || e == h5::Elem::Float64 ? Kind::Float : Kind::Int;
}

std::vector<std::int64_t> ReportReader::read_int64(std::string_view table,
                                                   std::string_view column) const {
  const h5::Dataset ds = impl_->dataset(table, column);
  if (ds.elem() != h5::Elem::UInt64) return ds.read<std::int64_t>();
  // HDF5 would clamp values above INT64_MAX; the bit pattern keeps them distinct.
  const std::vector<std::uint64_t> u = ds.read<std::uint64_t>();
  std::vector<std::int64_t> out(u.size());
  std::transform(u.begin(), u.end(), out.begin(),
                 [](std::uint64_t v) { return std::bit_cast<std::int64_t>(v); });
  return out;
}

std::vector<double> ReportReader::read_double(std::string_view table,
                                              std::string_view column) const {
  return impl_->dataset(table, column).read<double>();
}

namespace {

template <class T>
std::string shortest(T v) {
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

template <class T, class F>
std::vector<std::string> format_all(const std::vector<T>& values, F fmt) {
  std::vector<std::string> out;
  out.reserve(values.size());
  for (const T& v : values) out.push_back(fmt(v));
  return out;
}

}  // namespace

std::vector<std::string> ReportReader::read_string(std::string_view table,
                                                   std::string_view column) const {
  const h5::Dataset ds = impl_->dataset(table, column);
  switch (ds.elem()) {
    case h5::Elem::FixedString:
    case h5::Elem::String:
      return ds.read_strings();
    case h5::Elem::Float32:
      return format_all(ds.read<float>(), shortest<float>);
    case h5::Elem::Float64:
      return format_all(ds.read<double>(), shortest<double>);
    case h5::Elem::UInt64:
      return format_all(ds.read<std::uint64_t>(), shortest<std::uint64_t>);
    default:
      return format_all(ds.read<std::int64_t>(), shortest<std::int64_t>);
  }
}

std::optional<std::string> ReportReader::column_attr(std::string_view table,
                                                     std::string_view column,
                                                     std::string_view name) const {
  return impl_->dataset(table, column).attr_string(name);
}

std::vector<std::string> ReportReader::attr_names() const {
  return impl_->root.attr_names();
}

std::optional<std::string> ReportReader::attr_string(std::string_view name) const {
  return impl_->root.attr_string(name);
}

std::optional<std::int64_t> ReportReader::attr_int(std::string_view name) const {
  return impl_->root.attr_int(name);
}

std::optional<double> ReportReader::attr_double(std::string_view name) const {
  return impl_->root.attr_double(name);
}

// --- compare_reports -----------------------------------------------------------------------

namespace {

const char* kind_name(ReportReader::Kind k) {
  switch (k) {
    case ReportReader::Kind::Int:
      return "int";
    case ReportReader::Kind::Float:
      return "float";
    case ReportReader::Kind::String:
      return "string";
  }
  return "?";
}

// The names of a, then those only in b.
std::vector<std::string> merged(std::vector<std::string> a, const std::vector<std::string>& b) {
  for (const std::string& n : b) {
    if (std::find(a.begin(), a.end(), n) == a.end()) a.push_back(n);
  }
  return a;
}

std::string quoted(const std::string& s) {
  constexpr std::size_t kMax = 60;
  return "'" + (s.size() > kMax ? s.substr(0, kMax) + "..." : s) + "'";
}

std::string shown(std::int64_t v) {
  return std::to_string(v);
}
std::string shown(double v) {
  return shortest(v);
}
std::string shown(const std::string& v) {
  return quoted(v);
}

bool same(std::int64_t x, std::int64_t y) {
  return x == y;
}
bool same(double x, double y) {
  return x == y || (std::isnan(x) && std::isnan(y));
}
bool same(const std::string& x, const std::string& y) {
  return x == y;
}

// Appends a line for a length difference and one for the first differing row of the rows
// both columns have.
template <class T>
void compare_values(const std::string& name, const std::vector<T>& a, const std::vector<T>& b,
                    std::vector<std::string>& out) {
  if (a.size() != b.size()) {
    out.push_back(name + ": " + std::to_string(a.size()) + " rows in a, " +
                  std::to_string(b.size()) + " in b");
  }
  const std::size_t n = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (!same(a[i], b[i])) {
      out.push_back(name + ": row " + std::to_string(i) + " differs: a " + shown(a[i]) + ", b " +
                    shown(b[i]));
      return;
    }
  }
}

}  // namespace

std::vector<std::string> compare_reports(const std::string& a, const std::string& b,
                                         std::span<const std::string_view> ignore) {
  const ReportReader ra(a), rb(b);
  auto ignored = [&](const std::string& name) {
    return std::find(ignore.begin(), ignore.end(), name) != ignore.end();
  };
  std::vector<std::string> out;
  for (const std::string& t : merged(ra.tables(), rb.tables())) {
    if (ignored(t)) continue;
    if (!ra.has_table(t) || !rb.has_table(t)) {
      out.push_back("table " + t + ": only in " + (ra.has_table(t) ? "a" : "b"));
      continue;
    }
    for (const std::string& c : merged(ra.columns(t), rb.columns(t))) {
      const std::string name = t + "." + c;
      if (ignored(name)) continue;
      if (!ra.has_column(t, c) || !rb.has_column(t, c)) {
        out.push_back(name + ": only in " + (ra.has_column(t, c) ? "a" : "b"));
        continue;
      }
      const ReportReader::Kind ka = ra.kind(t, c), kb = rb.kind(t, c);
      if (ka != kb) {
        out.push_back(name + ": " + kind_name(ka) + " in a, " + kind_name(kb) + " in b");
        continue;
      }
      switch (ka) {
        case ReportReader::Kind::Int:
          compare_values(name, ra.read_int64(t, c), rb.read_int64(t, c), out);
          break;
        case ReportReader::Kind::Float:
          compare_values(name, ra.read_double(t, c), rb.read_double(t, c), out);
          break;
        case ReportReader::Kind::String:
          compare_values(name, ra.read_string(t, c), rb.read_string(t, c), out);
          break;
      }
    }
  }
  return out;
}

}  // namespace batt::report
