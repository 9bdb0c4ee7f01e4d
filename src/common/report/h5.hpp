#pragma once
// A small RAII layer over the HDF5 C API (serial libhdf5 1.10), only what the report needs:
// files, groups, 1-D chunked extendible column datasets (int8..int64, uint64, float32,
// float64, fixed-length and variable-length UTF-8 strings) that grow by appends (or are cut
// back) and are read back whole, and scalar attributes (vlen UTF-8 string, int64, double) on
// groups and datasets. Every handle closes itself. Every failure throws h5::Error, whose
// message names the file, the object and the operation and carries the text of HDF5's error
// stack; HDF5's own printing of errors to stderr is switched off in every thread that uses
// this layer. Only report/ includes this header (STYLE.md §2.9): hdf5.h stays out of the rest.
#include <hdf5.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace batt::report::h5 {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The element types a column may hold. FixedString is NUL-padded ASCII of a fixed length
// (numpy 'S<n>'); String is variable-length UTF-8.
enum class Elem : std::uint8_t {
  Int8,
  Int16,
  Int32,
  Int64,
  UInt64,
  Float32,
  Float64,
  FixedString,
  String,
};
const char* elem_name(Elem e) noexcept;  // "int8", ..., "fixed string", "string"
bool is_numeric(Elem e) noexcept;

// One owned hid_t and the H5*close function that releases it. Move-only.
class Id {
 public:
  using Closer = herr_t (*)(hid_t);
  Id() noexcept = default;
  Id(hid_t id, Closer close) noexcept : id_(id), close_(close) {}
  Id(Id&& o) noexcept : id_(o.id_), close_(o.close_) { o.id_ = H5I_INVALID_HID; }
  Id& operator=(Id&& o) noexcept;
  Id(const Id&) = delete;
  Id& operator=(const Id&) = delete;
  ~Id() { reset(); }
  hid_t get() const noexcept { return id_; }
  explicit operator bool() const noexcept { return id_ >= 0; }
  void reset() noexcept;    // closes, ignoring a failure (destructors must not throw)
  herr_t close() noexcept;  // closes and returns H5*close's status (a failure is reportable)

 private:
  hid_t id_ = H5I_INVALID_HID;
  Closer close_ = nullptr;
};

// A group or a dataset: a named object of a file that carries attributes.
class Object {
 public:
  const std::string& file() const noexcept { return file_; }
  const std::string& path() const noexcept { return path_; }  // "/results/status"
  hid_t id() const noexcept { return id_.get(); }

  // Attributes are scalars; setting one replaces any attribute of that name (whatever its
  // type). Strings are stored as variable-length UTF-8.
  void set_attr(std::string_view name, std::string_view value);
  void set_attr(std::string_view name, std::int64_t value);
  void set_attr(std::string_view name, double value);
  void remove_attr(std::string_view name);  // absent: nothing to do
  bool has_attr(std::string_view name) const;
  std::vector<std::string> attr_names() const;  // in name order
  // nullopt when absent. Numeric attributes convert (HDF5's conversion) to the asked type;
  // asking a string attribute for a number, or a number for a string, throws.
  std::optional<std::string> attr_string(std::string_view name) const;
  std::optional<std::int64_t> attr_int(std::string_view name) const;
  std::optional<double> attr_double(std::string_view name) const;

 protected:
  Object(Id id, std::string file, std::string path)
      : id_(std::move(id)), file_(std::move(file)), path_(std::move(path)) {}
  // Throws Error("HDF5: <file>: <path>: <what>: <error stack>") and clears the stack.
  [[noreturn]] void fail(std::string_view what) const;

  Id id_;
  std::string file_, path_;
};

struct DatasetOptions {
  std::size_t chunk_rows = 16384;  // elements per chunk
  int deflate = 4;                 // zlib level 0..9 (0: none); numeric columns also shuffle
  std::size_t string_len = 0;      // FixedString only: bytes per value (> 0)
};

// A 1-D column with an unlimited maximum size.
class Dataset : public Object {
 public:
  Elem elem() const noexcept { return elem_; }
  std::size_t string_len() const noexcept { return string_len_; }  // FixedString only
  std::size_t size() const;                                        // current length

  // Appends values at the end (an empty span does nothing). T must match elem() exactly
  // (int8_t for Int8, ..., float for Float32); a mismatch is a programming error and throws.
  template <class T>
  void append(std::span<const T> values);
  // FixedString or String columns. A value longer than string_len() throws (the column
  // never truncates silently).
  void append_strings(std::span<const std::string> values);
  // Sets the length to n (H5Dset_extent): shrinking drops the values from n on, growing
  // appends fill values (0, empty strings).
  void resize(std::size_t n);

  // The whole column converted to T by HDF5 (any numeric column to any numeric T; a value
  // out of T's range is clamped). Throws for a string column.
  template <class T>
  std::vector<T> read() const;
  // The whole string column (NUL padding of fixed strings removed). Throws for a number.
  std::vector<std::string> read_strings() const;

 private:
  friend class Group;
  Dataset(Id id, std::string file, std::string path);  // reads the element type
  Elem elem_ = Elem::Int8;
  std::size_t string_len_ = 0;
};

class Group : public Object {
 public:
  // Created groups track link creation order, so members() lists columns in the order they
  // were created (h5py iterates them in that order too).
  Group create_group(std::string_view name);
  Group open_group(std::string_view name) const;
  Dataset create_dataset(std::string_view name, Elem elem, const DatasetOptions& opts);
  Dataset open_dataset(std::string_view name) const;
  bool has(std::string_view name) const;       // a direct member of that name exists
  bool is_group(std::string_view name) const;  // throws when absent
  // Member names, in creation order when the group tracks it, else in name order.
  std::vector<std::string> members() const;

 private:
  friend class File;
  using Object::Object;
  std::string child_path(std::string_view name) const;
};

class File {
 public:
  static File create(const std::string& path);  // truncates an existing file
  static File open_read(const std::string& path);
  static File open_write(const std::string& path);  // an existing file, read-write
  File(File&&) noexcept = default;
  File& operator=(File&&) noexcept = default;

  const std::string& path() const noexcept { return path_; }
  Group root() const;
  // Writes every buffer and the metadata to disk (H5Fflush, global scope): a process that
  // dies after this leaves a file that opens with everything written so far.
  void flush();
  // Closes now and reports a failure (the destructor closes too, silently). Files are
  // opened with the "semi" close degree: groups and datasets opened from this file must be
  // destroyed first, otherwise closing fails instead of leaving the file open behind them.
  void close();

 private:
  File(Id id, std::string path) : id_(std::move(id)), path_(std::move(path)) {}
  Id id_;
  std::string path_;
};

}  // namespace batt::report::h5
