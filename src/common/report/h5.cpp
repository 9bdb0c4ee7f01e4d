#include "report/h5.hpp"

#include <algorithm>
#include <cstring>

namespace batt::report::h5 {
namespace {

// HDF5 prints its error stack to stderr by default. The setting belongs to the calling
// thread's default error stack (libhdf5 is built thread-safe on Debian), so each thread that
// enters this layer switches it off once.
void quiet() noexcept {
  thread_local bool done = false;
  if (!done) {
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
    done = true;
  }
}

// The calling thread's error stack as one line, then cleared: the outermost entry says what
// failed ("unable to create file"), the innermost why ("errno = 2, error message = 'No such
// file or directory'"); the entries between repeat them.
std::string take_error_stack() {
  std::vector<std::string> entries;
  auto walk = [](unsigned, const H5E_error2_t* e, void* data) -> herr_t {
    std::string s = e->desc ? e->desc : "?";
    char minor[160];
    if (H5Eget_msg(e->min_num, nullptr, minor, sizeof minor) > 0) {
      s += " (";
      s += minor;
      s += ")";
    }
    std::replace(s.begin(), s.end(), '\n', ' ');  // ctime() text in file-open errors
    static_cast<std::vector<std::string>*>(data)->push_back(std::move(s));
    return 0;
  };
  H5Ewalk2(H5E_DEFAULT, H5E_WALK_DOWNWARD, walk, &entries);
  H5Eclear2(H5E_DEFAULT);
  if (entries.empty()) return "no HDF5 error recorded";
  return entries.size() == 1 ? entries.front() : entries.front() + "; " + entries.back();
}

[[noreturn]] void raise(std::string_view file, std::string_view object, std::string_view what) {
  std::string msg = "HDF5: ";
  msg += file;
  if (!object.empty()) {
    msg += ": ";
    msg += object;
  }
  msg += ": ";
  msg += what;
  msg += ": ";
  msg += take_error_stack();
  throw Error(msg);
}

// A failure found by this layer, not by HDF5 (bad options, a type mismatch).
[[noreturn]] void invalid(std::string_view file, std::string_view object, std::string_view what) {
  throw Error("HDF5: " + std::string(file) + ": " + std::string(object) + ": " + std::string(what));
}

// Raises for a negative id or status; returns an id otherwise.
hid_t checked(hid_t id, std::string_view file, std::string_view object, std::string_view what) {
  if (id < 0) raise(file, object, what);
  return id;
}

// The stored (little-endian) and in-memory (native) HDF5 types of a numeric element.
struct NumericTypes {
  hid_t file, mem;
};
NumericTypes numeric_types(Elem e) noexcept {
  // clang-format off
  switch (e) {
    case Elem::Int8: return {H5T_STD_I8LE, H5T_NATIVE_INT8};
    case Elem::Int16: return {H5T_STD_I16LE, H5T_NATIVE_INT16};
    case Elem::Int32: return {H5T_STD_I32LE, H5T_NATIVE_INT32};
    case Elem::Int64: return {H5T_STD_I64LE, H5T_NATIVE_INT64};
    case Elem::UInt64: return {H5T_STD_U64LE, H5T_NATIVE_UINT64};
    case Elem::Float32: return {H5T_IEEE_F32LE, H5T_NATIVE_FLOAT};
    case Elem::Float64: return {H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE};
    case Elem::FixedString: case Elem::String: break;
  }
  // clang-format on
  return {H5I_INVALID_HID, H5I_INVALID_HID};
}

// The element that the C++ type T is.
template <class T>
constexpr Elem kElemOf = Elem::String;
template <>
constexpr Elem kElemOf<std::int8_t> = Elem::Int8;
template <>
constexpr Elem kElemOf<std::int16_t> = Elem::Int16;
template <>
constexpr Elem kElemOf<std::int32_t> = Elem::Int32;
template <>
constexpr Elem kElemOf<std::int64_t> = Elem::Int64;
template <>
constexpr Elem kElemOf<std::uint64_t> = Elem::UInt64;
template <>
constexpr Elem kElemOf<float> = Elem::Float32;
template <>
constexpr Elem kElemOf<double> = Elem::Float64;

template <class T>
hid_t native_type() noexcept {
  return numeric_types(kElemOf<T>).mem;
}

// A string type: variable-length UTF-8 (len == 0) or NUL-padded ASCII of len bytes.
Id string_type(std::size_t len) {
  Id t(H5Tcopy(H5T_C_S1), H5Tclose);
  if (!t) return t;
  if (len == 0) {
    if (H5Tset_size(t.get(), H5T_VARIABLE) < 0 || H5Tset_cset(t.get(), H5T_CSET_UTF8) < 0)
      return {};
  } else if (H5Tset_size(t.get(), len) < 0 || H5Tset_strpad(t.get(), H5T_STR_NULLPAD) < 0) {
    return {};
  }
  return t;
}

// Fixed strings may be NUL-padded or NUL-terminated: the value ends at the first NUL.
std::string from_fixed(const char* p, std::size_t len) {
  return std::string(p, std::find(p, p + len, '\0'));
}

}  // namespace

const char* elem_name(Elem e) noexcept {
  // clang-format off
  switch (e) {
    case Elem::Int8: return "int8";
    case Elem::Int16: return "int16";
    case Elem::Int32: return "int32";
    case Elem::Int64: return "int64";
    case Elem::UInt64: return "uint64";
    case Elem::Float32: return "float32";
    case Elem::Float64: return "float64";
    case Elem::FixedString: return "fixed string";
    case Elem::String: return "string";
  }
  // clang-format on
  return "?";
}

bool is_numeric(Elem e) noexcept {
  return e != Elem::FixedString && e != Elem::String;
}

// --- Id ------------------------------------------------------------------------------------

Id& Id::operator=(Id&& o) noexcept {
  if (this != &o) {
    reset();
    id_ = o.id_;
    close_ = o.close_;
    o.id_ = H5I_INVALID_HID;
  }
  return *this;
}

void Id::reset() noexcept {
  if (close() < 0) H5Eclear2(H5E_DEFAULT);
}

herr_t Id::close() noexcept {
  if (id_ < 0) return 0;
  const herr_t r = close_(id_);
  id_ = H5I_INVALID_HID;
  return r;
}

// --- Object: attributes --------------------------------------------------------------------

void Object::fail(std::string_view what) const {
  raise(file_, path_, what);
}

namespace {

// Creates (replacing) the scalar attribute `name` of `obj` and writes `data` as `mem`.
void write_attr(const Object& obj, std::string_view name, hid_t file_t, hid_t mem_t,
                const void* data) {
  const std::string n(name);
  const std::string what = "attribute '" + n + "'";
  const htri_t exists = H5Aexists(obj.id(), n.c_str());
  if (exists < 0) raise(obj.file(), obj.path(), what);
  if (exists > 0 && H5Adelete(obj.id(), n.c_str()) < 0) raise(obj.file(), obj.path(), what);
  Id space(checked(H5Screate(H5S_SCALAR), obj.file(), obj.path(), what), H5Sclose);
  Id attr(checked(H5Acreate2(obj.id(), n.c_str(), file_t, space.get(), H5P_DEFAULT, H5P_DEFAULT),
                  obj.file(), obj.path(), "create " + what),
          H5Aclose);
  if (H5Awrite(attr.get(), mem_t, data) < 0) raise(obj.file(), obj.path(), "write " + what);
}

// Opens attribute `name` when present; an empty Id when absent.
Id open_attr(const Object& obj, std::string_view name) {
  const std::string n(name);
  const htri_t exists = H5Aexists(obj.id(), n.c_str());
  if (exists < 0) raise(obj.file(), obj.path(), "attribute '" + n + "'");
  if (exists == 0) return {};
  return Id(checked(H5Aopen(obj.id(), n.c_str(), H5P_DEFAULT), obj.file(), obj.path(),
                    "open attribute '" + n + "'"),
            H5Aclose);
}

H5T_class_t attr_class(const Object& obj, const Id& attr, std::string_view name) {
  Id t(checked(H5Aget_type(attr.get()), obj.file(), obj.path(),
               "type of attribute '" + std::string(name) + "'"),
       H5Tclose);
  return H5Tget_class(t.get());
}

template <class T>
std::optional<T> read_numeric_attr(const Object& obj, std::string_view name) {
  quiet();
  Id attr = open_attr(obj, name);
  if (!attr) return std::nullopt;
  const H5T_class_t c = attr_class(obj, attr, name);
  const std::string what = "attribute '" + std::string(name) + "'";
  if (c != H5T_INTEGER && c != H5T_FLOAT) {
    invalid(obj.file(), obj.path(), what + " is not a number");
  }
  T v{};
  if (H5Aread(attr.get(), native_type<T>(), &v) < 0) raise(obj.file(), obj.path(), "read " + what);
  return v;
}

}  // namespace

void Object::set_attr(std::string_view name, std::string_view value) {
  quiet();
  Id t = string_type(0);
  if (!t) fail("string type");
  const std::string v(value);
  const char* p = v.c_str();
  write_attr(*this, name, t.get(), t.get(), &p);
}

void Object::set_attr(std::string_view name, std::int64_t value) {
  quiet();
  write_attr(*this, name, H5T_STD_I64LE, H5T_NATIVE_INT64, &value);
}

void Object::set_attr(std::string_view name, double value) {
  quiet();
  write_attr(*this, name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, &value);
}

void Object::remove_attr(std::string_view name) {
  quiet();
  const std::string n(name);
  if (has_attr(n) && H5Adelete(id(), n.c_str()) < 0) fail("delete attribute '" + n + "'");
}

bool Object::has_attr(std::string_view name) const {
  quiet();
  const htri_t r = H5Aexists(id(), std::string(name).c_str());
  if (r < 0) fail("attribute '" + std::string(name) + "'");
  return r > 0;
}

std::vector<std::string> Object::attr_names() const {
  quiet();
  std::vector<std::string> out;
  auto collect = [](hid_t, const char* name, const H5A_info_t*, void* data) -> herr_t {
    static_cast<std::vector<std::string>*>(data)->emplace_back(name);
    return 0;
  };
  hsize_t idx = 0;
  if (H5Aiterate2(id(), H5_INDEX_NAME, H5_ITER_INC, &idx, collect, &out) < 0) fail("attributes");
  return out;
}

std::optional<std::string> Object::attr_string(std::string_view name) const {
  quiet();
  Id attr = open_attr(*this, name);
  if (!attr) return std::nullopt;
  const std::string what = "attribute '" + std::string(name) + "'";
  Id t(checked(H5Aget_type(attr.get()), file_, path_, what), H5Tclose);
  if (H5Tget_class(t.get()) != H5T_STRING) {
    invalid(file_, path_, what + " is not a string");
  }
  const htri_t var = H5Tis_variable_str(t.get());
  if (var < 0) fail(what);
  if (var > 0) {
    char* p = nullptr;
    if (H5Aread(attr.get(), t.get(), &p) < 0) fail("read " + what);
    std::string v = p ? p : "";
    H5free_memory(p);
    return v;
  }
  const std::size_t len = H5Tget_size(t.get());
  std::string buf(len, '\0');
  if (H5Aread(attr.get(), t.get(), buf.data()) < 0) fail("read " + what);
  return from_fixed(buf.data(), len);
}

std::optional<std::int64_t> Object::attr_int(std::string_view name) const {
  return read_numeric_attr<std::int64_t>(*this, name);
}

std::optional<double> Object::attr_double(std::string_view name) const {
  return read_numeric_attr<double>(*this, name);
}

// --- Dataset -------------------------------------------------------------------------------

Dataset::Dataset(Id id, std::string file, std::string path)
    : Object(std::move(id), std::move(file), std::move(path)) {
  Id t(checked(H5Dget_type(this->id()), file_, path_, "type"), H5Tclose);
  const hid_t tid = t.get();
  const std::size_t size = H5Tget_size(tid);
  switch (H5Tget_class(tid)) {
    case H5T_INTEGER: {
      const bool is_signed = H5Tget_sign(tid) == H5T_SGN_2;
      if (is_signed && size == 1)
        elem_ = Elem::Int8;
      else if (is_signed && size == 2)
        elem_ = Elem::Int16;
      else if (is_signed && size == 4)
        elem_ = Elem::Int32;
      else if (is_signed && size == 8)
        elem_ = Elem::Int64;
      else if (!is_signed && size == 8)
        elem_ = Elem::UInt64;
      else
        invalid(file_, path_, "unsupported integer type (" + std::to_string(size) + " bytes)");
      return;
    }
    case H5T_FLOAT:
      if (size == 4)
        elem_ = Elem::Float32;
      else if (size == 8)
        elem_ = Elem::Float64;
      else
        invalid(file_, path_, "unsupported float type (" + std::to_string(size) + " bytes)");
      return;
    case H5T_STRING: {
      const htri_t var = H5Tis_variable_str(tid);
      if (var < 0) fail("type");
      elem_ = var > 0 ? Elem::String : Elem::FixedString;
      string_len_ = var > 0 ? 0 : size;
      return;
    }
    default:
      invalid(file_, path_, "unsupported element type (not a number or a string)");
  }
}

std::size_t Dataset::size() const {
  quiet();
  Id space(checked(H5Dget_space(id()), file_, path_, "dataspace"), H5Sclose);
  if (H5Sget_simple_extent_ndims(space.get()) != 1) invalid(file_, path_, "not a 1-D dataset");
  hsize_t n = 0;
  if (H5Sget_simple_extent_dims(space.get(), &n, nullptr) < 0) fail("dataspace");
  return static_cast<std::size_t>(n);
}

namespace {

// Grows `ds` by n elements and writes `data` (n elements of `mem_t`) into the new tail.
void append_raw(Dataset& ds, hid_t mem_t, const void* data, std::size_t n) {
  const hsize_t old = ds.size();
  const hsize_t count = n;
  const hsize_t total = old + count;
  const std::string& f = ds.file();
  const std::string& p = ds.path();
  if (H5Dset_extent(ds.id(), &total) < 0) raise(f, p, "extend to " + std::to_string(total));
  Id space(checked(H5Dget_space(ds.id()), f, p, "dataspace"), H5Sclose);
  if (H5Sselect_hyperslab(space.get(), H5S_SELECT_SET, &old, nullptr, &count, nullptr) < 0)
    raise(f, p, "select rows");
  Id mem(checked(H5Screate_simple(1, &count, nullptr), f, p, "memory space"), H5Sclose);
  if (H5Dwrite(ds.id(), mem_t, mem.get(), space.get(), H5P_DEFAULT, data) < 0)
    raise(f, p, "write " + std::to_string(n) + " rows");
}

}  // namespace

template <class T>
void Dataset::append(std::span<const T> values) {
  quiet();
  if (kElemOf<T> != elem_) {
    invalid(file_, path_,
            std::string("appending ") + elem_name(kElemOf<T>) + " values to a " + elem_name(elem_) +
                " column");
  }
  if (values.empty()) return;
  append_raw(*this, native_type<T>(), values.data(), values.size());
}

void Dataset::append_strings(std::span<const std::string> values) {
  quiet();
  if (is_numeric(elem_))
    invalid(file_, path_, std::string("appending strings to a ") + elem_name(elem_) + " column");
  if (values.empty()) return;
  Id t(checked(H5Dget_type(id()), file_, path_, "type"), H5Tclose);
  if (elem_ == Elem::String) {
    std::vector<const char*> ptrs(values.size());
    std::transform(values.begin(), values.end(), ptrs.begin(),
                   [](const std::string& s) { return s.c_str(); });
    append_raw(*this, t.get(), ptrs.data(), ptrs.size());
    return;
  }
  std::vector<char> buf(values.size() * string_len_, '\0');
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (values[i].size() > string_len_) {
      invalid(file_, path_,
              "value '" + values[i] + "' is longer than " + std::to_string(string_len_) + " bytes");
    }
    std::memcpy(buf.data() + i * string_len_, values[i].data(), values[i].size());
  }
  append_raw(*this, t.get(), buf.data(), values.size());
}

void Dataset::resize(std::size_t n) {
  quiet();
  const hsize_t total = n;
  if (H5Dset_extent(id(), &total) < 0) fail("resize to " + std::to_string(n));
}

template <class T>
std::vector<T> Dataset::read() const {
  quiet();
  if (!is_numeric(elem_)) invalid(file_, path_, "reading a string column as numbers");
  std::vector<T> out(size());
  if (!out.empty() &&
      H5Dread(id(), native_type<T>(), H5S_ALL, H5S_ALL, H5P_DEFAULT, out.data()) < 0) {
    fail("read");
  }
  return out;
}

std::vector<std::string> Dataset::read_strings() const {
  quiet();
  if (is_numeric(elem_))
    invalid(file_, path_, std::string("reading a ") + elem_name(elem_) + " column as strings");
  const std::size_t n = size();
  std::vector<std::string> out;
  out.reserve(n);
  if (n == 0) return out;
  Id t(checked(H5Dget_type(id()), file_, path_, "type"), H5Tclose);
  if (elem_ == Elem::FixedString) {
    std::vector<char> buf(n * string_len_);
    if (H5Dread(id(), t.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, buf.data()) < 0) fail("read");
    for (std::size_t i = 0; i < n; ++i)
      out.push_back(from_fixed(&buf[i * string_len_], string_len_));
    return out;
  }
  std::vector<char*> ptrs(n, nullptr);
  if (H5Dread(id(), t.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, ptrs.data()) < 0) fail("read");
  for (char* p : ptrs) out.emplace_back(p ? p : "");
  Id space(checked(H5Dget_space(id()), file_, path_, "dataspace"), H5Sclose);
  if (H5Dvlen_reclaim(t.get(), space.get(), H5P_DEFAULT, ptrs.data()) < 0) fail("free strings");
  return out;
}

template void Dataset::append(std::span<const std::int8_t>);
template void Dataset::append(std::span<const std::int16_t>);
template void Dataset::append(std::span<const std::int32_t>);
template void Dataset::append(std::span<const std::int64_t>);
template void Dataset::append(std::span<const std::uint64_t>);
template void Dataset::append(std::span<const float>);
template void Dataset::append(std::span<const double>);
template std::vector<std::int8_t> Dataset::read() const;
template std::vector<std::int16_t> Dataset::read() const;
template std::vector<std::int32_t> Dataset::read() const;
template std::vector<std::int64_t> Dataset::read() const;
template std::vector<std::uint64_t> Dataset::read() const;
template std::vector<float> Dataset::read() const;
template std::vector<double> Dataset::read() const;

// --- Group ---------------------------------------------------------------------------------

std::string Group::child_path(std::string_view name) const {
  std::string p = path_;
  if (p.empty() || p.back() != '/') p += '/';
  p += name;
  return p;
}

Group Group::create_group(std::string_view name) {
  quiet();
  const std::string n(name), p = child_path(name);
  Id gcpl(checked(H5Pcreate(H5P_GROUP_CREATE), file_, p, "group properties"), H5Pclose);
  if (H5Pset_link_creation_order(gcpl.get(), H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED) < 0 ||
      H5Pset_obj_track_times(gcpl.get(), false) < 0) {
    raise(file_, p, "group properties");
  }
  Id g(checked(H5Gcreate2(id(), n.c_str(), H5P_DEFAULT, gcpl.get(), H5P_DEFAULT), file_, p,
               "create group"),
       H5Gclose);
  return Group(std::move(g), file_, p);
}

Group Group::open_group(std::string_view name) const {
  quiet();
  const std::string p = child_path(name);
  Id g(checked(H5Gopen2(id(), std::string(name).c_str(), H5P_DEFAULT), file_, p, "open group"),
       H5Gclose);
  return Group(std::move(g), file_, p);
}

Dataset Group::create_dataset(std::string_view name, Elem elem, const DatasetOptions& opts) {
  quiet();
  const std::string p = child_path(name);
  if (opts.chunk_rows == 0) invalid(file_, p, "chunk_rows must be positive");
  if (opts.deflate < 0 || opts.deflate > 9) invalid(file_, p, "deflate level must be 0..9");
  if (elem == Elem::FixedString && opts.string_len == 0) invalid(file_, p, "string_len is 0");
  Id str_t;
  hid_t type = numeric_types(elem).file;
  if (!is_numeric(elem)) {
    str_t = string_type(elem == Elem::FixedString ? opts.string_len : 0);
    if (!str_t) raise(file_, p, "string type");
    type = str_t.get();
  }
  const hsize_t zero = 0, unlimited = H5S_UNLIMITED, chunk = opts.chunk_rows;
  Id space(checked(H5Screate_simple(1, &zero, &unlimited), file_, p, "dataspace"), H5Sclose);
  Id dcpl(checked(H5Pcreate(H5P_DATASET_CREATE), file_, p, "dataset properties"), H5Pclose);
  // No timestamps in object headers: two runs that write the same rows write the same bytes.
  bool ok =
      H5Pset_chunk(dcpl.get(), 1, &chunk) >= 0 && H5Pset_obj_track_times(dcpl.get(), false) >= 0;
  // Shuffle groups the bytes of each significance together, which is what lets deflate
  // shrink small integers stored in wide types. Deflate applies to every column: the chunks
  // of a variable-length string column hold 16-byte references into the global heap (the
  // text itself is not compressed), and a mostly empty 16k-row chunk of them would otherwise
  // take 256 KiB on disk.
  if (ok && is_numeric(elem) && opts.deflate > 0) ok = H5Pset_shuffle(dcpl.get()) >= 0;
  if (ok && opts.deflate > 0)
    ok = H5Pset_deflate(dcpl.get(), static_cast<unsigned>(opts.deflate)) >= 0;
  if (!ok) raise(file_, p, "dataset properties");
  Id ds(checked(H5Dcreate2(id(), std::string(name).c_str(), type, space.get(), H5P_DEFAULT,
                           dcpl.get(), H5P_DEFAULT),
                file_, p, std::string("create ") + elem_name(elem) + " dataset"),
        H5Dclose);
  return Dataset(std::move(ds), file_, p);
}

Dataset Group::open_dataset(std::string_view name) const {
  quiet();
  const std::string p = child_path(name);
  Id ds(checked(H5Dopen2(id(), std::string(name).c_str(), H5P_DEFAULT), file_, p, "open dataset"),
        H5Dclose);
  return Dataset(std::move(ds), file_, p);
}

bool Group::has(std::string_view name) const {
  quiet();
  if (name.empty() || name.find('/') != std::string_view::npos) return false;
  const htri_t r = H5Lexists(id(), std::string(name).c_str(), H5P_DEFAULT);
  if (r < 0) raise(file_, child_path(name), "exists");
  return r > 0;
}

bool Group::is_group(std::string_view name) const {
  quiet();
  H5O_info_t info;
  if (H5Oget_info_by_name2(id(), std::string(name).c_str(), &info, H5O_INFO_BASIC, H5P_DEFAULT) <
      0) {
    raise(file_, child_path(name), "object info");
  }
  return info.type == H5O_TYPE_GROUP;
}

std::vector<std::string> Group::members() const {
  quiet();
  H5G_info_t info;
  if (H5Gget_info(id(), &info) < 0) fail("group info");
  Id gcpl(checked(H5Gget_create_plist(id()), file_, path_, "group properties"), H5Pclose);
  unsigned order = 0;
  if (H5Pget_link_creation_order(gcpl.get(), &order) < 0) fail("group properties");
  const H5_index_t index = (order & H5P_CRT_ORDER_INDEXED) ? H5_INDEX_CRT_ORDER : H5_INDEX_NAME;
  std::vector<std::string> out;
  for (hsize_t i = 0; i < info.nlinks; ++i) {
    const ssize_t len =
        H5Lget_name_by_idx(id(), ".", index, H5_ITER_INC, i, nullptr, 0, H5P_DEFAULT);
    if (len < 0) fail("member names");
    std::string name(static_cast<std::size_t>(len) + 1, '\0');
    if (H5Lget_name_by_idx(id(), ".", index, H5_ITER_INC, i, name.data(), name.size(),
                           H5P_DEFAULT) < 0) {
      fail("member names");
    }
    name.resize(static_cast<std::size_t>(len));
    out.push_back(std::move(name));
  }
  return out;
}

// --- File ----------------------------------------------------------------------------------

namespace {

Id file_access(const std::string& path) {
  Id fapl(checked(H5Pcreate(H5P_FILE_ACCESS), path, "", "file access properties"), H5Pclose);
  if (H5Pset_fclose_degree(fapl.get(), H5F_CLOSE_SEMI) < 0)
    raise(path, "", "file access properties");
  return fapl;
}

}  // namespace

File File::create(const std::string& path) {
  quiet();
  Id fapl = file_access(path);
  // The root group tracks creation order too, so tables list in the order they were made.
  Id fcpl(checked(H5Pcreate(H5P_FILE_CREATE), path, "", "file creation properties"), H5Pclose);
  if (H5Pset_link_creation_order(fcpl.get(), H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED) < 0)
    raise(path, "", "file creation properties");
  Id f(checked(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, fcpl.get(), fapl.get()), path, "",
               "create file"),
       H5Fclose);
  return File(std::move(f), path);
}

File File::open_read(const std::string& path) {
  quiet();
  Id fapl = file_access(path);
  Id f(checked(H5Fopen(path.c_str(), H5F_ACC_RDONLY, fapl.get()), path, "", "open file"), H5Fclose);
  return File(std::move(f), path);
}

File File::open_write(const std::string& path) {
  quiet();
  Id fapl = file_access(path);
  Id f(checked(H5Fopen(path.c_str(), H5F_ACC_RDWR, fapl.get()), path, "", "open file read-write"),
       H5Fclose);
  return File(std::move(f), path);
}

Group File::root() const {
  quiet();
  Id g(checked(H5Gopen2(id_.get(), "/", H5P_DEFAULT), path_, "/", "open root group"), H5Gclose);
  return Group(std::move(g), path_, "/");
}

void File::flush() {
  quiet();
  if (H5Fflush(id_.get(), H5F_SCOPE_GLOBAL) < 0) raise(path_, "", "flush");
}

void File::close() {
  quiet();
  if (id_.close() < 0) raise(path_, "", "close (are groups or datasets of it still open?)");
}

}  // namespace batt::report::h5
