// The registry against the reference's own list (shared/reference/arc-dsl.md): every one of
// the 160 primitives of §3 is registered once, with the arity of its signature and the
// result kind of its annotation; every constant of §2 exists with its value, and so does every
// constant of the tokpidjin dialect (tokpidjin-dsl.md §5); and the safe defaults follow the
// rule of tokpidjin-pipeline.md §2.5.
#include "dsl/registry.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "support/arc_data.hpp"
#include "support/prim_test.hpp"

namespace batt::dsl {
namespace {

struct RefPrim {
  int params = 0;
  std::string result;
};

// The backquoted fields of a markdown table row: "| 1 | `add` | `a: N, b: N -> N` |" gives
// {"add", "a: N, b: N -> N"}. (Plain string scanning: GCC 12's std::regex trips
// -Wmaybe-uninitialized in the sanitizer build.)
std::vector<std::string> quoted_fields(const std::string& line) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while ((pos = line.find("| `", pos)) != std::string::npos) {
    const std::size_t start = pos + 3;
    const std::size_t end = line.find("` |", start);
    if (end == std::string::npos) break;
    out.push_back(line.substr(start, end - start));
    pos = end + 1;
  }
  return out;
}

std::vector<std::string> table_rows() {
  std::ifstream in(testing::shared_dir() + "/reference/arc-dsl.md");
  std::vector<std::string> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("| ", 0) == 0) rows.push_back(line);
  }
  return rows;
}

// Rows `| N | `name` | `a: T, b: U -> R` | ...` of §3.
std::map<std::string, RefPrim> reference_prims() {
  std::map<std::string, RefPrim> out;
  for (const std::string& line : table_rows()) {
    if (line.size() < 3 || !std::isdigit(static_cast<unsigned char>(line[2]))) continue;
    const auto f = quoted_fields(line);
    if (f.size() < 2 || f[1].find("->") == std::string::npos) continue;
    const std::string& sig = f[1];
    const auto arrow = sig.rfind("->");
    RefPrim p;  // every primitive takes at least one parameter
    p.params = static_cast<int>(std::count(sig.begin(), sig.begin() + arrow, ',')) + 1;
    p.result = sig.substr(arrow + 3);
    out[f[0]] = p;
  }
  return out;
}

// Rows `| `NAME` | `value` |` of §2.
std::map<std::string, std::string> reference_constants() {
  std::map<std::string, std::string> out;
  for (const std::string& line : table_rows()) {
    const auto f = quoted_fields(line);
    if (f.size() != 2 || line.rfind("| `", 0) != 0) continue;
    const bool upper = std::all_of(f[0].begin(), f[0].end(),
                                   [](char c) { return (c >= 'A' && c <= 'Z') || c == '_'; });
    if (upper) out[f[0]] = f[1];
  }
  return out;
}

TEST(Registry, HasEveryReferencePrimitiveOnceWithItsArity) {
  const auto ref = reference_prims();
  ASSERT_EQ(ref.size(), 160u) << "could not read arc-dsl.md §3";
  std::set<std::string> seen;
  for (const PrimInfo& p : all_prims()) {
    if (p.dialect != Dialect::ArcDsl) continue;
    EXPECT_TRUE(seen.insert(std::string(p.name)).second) << "registered twice: " << p.name;
    EXPECT_TRUE(ref.count(std::string(p.name))) << "not in arc-dsl: " << p.name;
  }
  for (const auto& [name, r] : ref) {
    const std::int32_t k = find_prim(name);
    ASSERT_GE(k, 0) << "missing primitive " << name;
    EXPECT_EQ(prim_info(k).arity, r.params) << name;
  }
  EXPECT_EQ(seen.size(), 160u);
}

TEST(Registry, ResultKindsFollowTheAnnotations) {
  // The annotation's alias maps to the Kind of the table (documented misannotations, such as
  // numcolors -> IntegerSet, are kept: the safe default derives from the annotation).
  const std::map<std::string, Kind> kinds = {
      {"Any", Kind::Any},
      {"Boolean", Kind::Boolean},
      {"Integer", Kind::Integer},
      {"IntegerTuple", Kind::IntegerTuple},
      {"Numerical", Kind::Numerical},
      {"IntegerSet", Kind::IntegerSet},
      {"Grid", Kind::Grid},
      {"Object", Kind::Object},
      {"Objects", Kind::Objects},
      {"Indices", Kind::Indices},
      {"Patch", Kind::Patch},
      {"Element", Kind::Element},
      {"Piece", Kind::Piece},
      {"Tuple", Kind::Tuple},
      {"TupleTuple", Kind::TupleTuple},
      {"FrozenSet", Kind::FrozenSet},
      {"Container", Kind::Container},
      {"Callable", Kind::Callable},
  };
  for (const auto& [name, r] : reference_prims()) {
    auto it = kinds.find(r.result);
    ASSERT_NE(it, kinds.end()) << name << " -> " << r.result;
    EXPECT_EQ(prim_info(find_prim(name)).result, it->second) << name << " -> " << r.result;
  }
}

class Constants : public testing::PrimTest {};

TEST_F(Constants, EveryReferenceConstantWithItsValue) {
  const auto ref = reference_constants();
  ASSERT_EQ(ref.size(), 28u) << "could not read arc-dsl.md §2";
  for (const auto& [name, text] : ref) {
    const auto v = find_constant(name);
    ASSERT_TRUE(v.has_value()) << "missing constant " << name;
    EXPECT_EQ(repr(*v), text) << name;
  }
  EXPECT_EQ(all_constants().size(), ref.size());
}

// The tokpidjin-only constants of the table in tokpidjin-dsl.md §5, by name: rows that give a
// numbered range ("`F0`…`F9` = 0…9") or name-value pairs ("`BLACK` 0, `BLUE` 1, ...");
// U+2212 is the minus sign.
std::map<std::string, std::int64_t> tokpidjin_only_constants() {
  std::ifstream in(testing::shared_dir() + "/reference/tokpidjin-dsl.md");
  std::map<std::string, std::int64_t> out;
  auto replace_all = [](std::string s, const std::string& from, const std::string& to) {
    for (std::size_t p = 0; (p = s.find(from, p)) != std::string::npos; p += to.size()) {
      s.replace(p, from.size(), to);
    }
    return s;
  };
  std::string line;
  bool in_section = false;
  while (std::getline(in, line)) {
    if (line.rfind("## ", 0) == 0) in_section = line.rfind("## 5.", 0) == 0;
    if (!in_section || line.rfind("| ", 0) != 0 || line.find('`') == std::string::npos) continue;
    // The second column: "| family | names and values | purpose |".
    const std::size_t c1 = line.find(" | ") + 3;
    std::string col = line.substr(c1, line.find(" |", c1) - c1);
    col = replace_all(replace_all(col, "\u2212", "-"), "\u2026", "~");
    if (const std::size_t eq = col.find(" = "); eq != std::string::npos) {
      // `P<a>`~`P<b>` = x~y: P<i> is x + (i - a) * step, step = ±1.
      const std::size_t q0 = col.find('`'), q1 = col.find('`', q0 + 1);
      const std::size_t q2 = col.find('`', q1 + 1), q3 = col.find('`', q2 + 1);
      const std::string first = col.substr(q0 + 1, q1 - q0 - 1);
      const std::string last = col.substr(q2 + 1, q3 - q2 - 1);
      std::size_t digits = 0;
      while (digits < first.size() && !std::isdigit(static_cast<unsigned char>(first[digits]))) {
        ++digits;
      }
      const std::string prefix = first.substr(0, digits);
      const int a = std::stoi(first.substr(digits)), b = std::stoi(last.substr(digits));
      const std::string values = col.substr(eq + 3);
      const std::int64_t x = std::stoll(values),
                         y = std::stoll(values.substr(values.find('~') + 1));
      const std::int64_t step = y >= x ? 1 : -1;
      EXPECT_EQ(x + (b - a) * step, y) << line;
      for (int i = a; i <= b; ++i) out[prefix + std::to_string(i)] = x + (i - a) * step;
    } else {
      std::size_t p = 0;
      while ((p = col.find('`', p)) != std::string::npos) {
        const std::size_t end = col.find('`', p + 1);
        out[col.substr(p + 1, end - p - 1)] = std::stoll(col.substr(end + 1));
        p = end + 1;
      }
    }
  }
  return out;
}

TEST_F(Constants, EveryTokpidjinConstantWithItsValue) {
  const auto ref = tokpidjin_only_constants();
  // F0-F9, L1-L10, R0-R9, A0-A9, ten colour names, SM2/SM3/SD2/SD3.
  ASSERT_EQ(ref.size(), 54u) << "could not read tokpidjin-dsl.md §5";
  for (const auto& [name, value] : ref) {
    const auto v = find_constant(name, Dialect::Tokpidjin);
    ASSERT_TRUE(v.has_value()) << "missing constant " << name;
    EXPECT_TRUE(identical(*v, Value::integer(value))) << name << " is " << repr(*v);
    EXPECT_FALSE(find_constant(name).has_value()) << name << " is not an arc-dsl constant";
  }
  // The dialect keeps every arc-dsl constant with its value.
  const auto arc = reference_constants();
  for (const auto& [name, text] : arc) {
    const auto v = find_constant(name, Dialect::Tokpidjin);
    ASSERT_TRUE(v.has_value()) << "missing constant " << name;
    EXPECT_EQ(repr(*v), text) << name;
  }
  EXPECT_EQ(all_constants(Dialect::Tokpidjin).size(), arc.size() + ref.size());
}

TEST(Registry, SafeDefaultsFollowTheAnnotationRule) {
  auto def = [](const char* name) { return prim_info(find_prim(name)).safe_default(); };
  EXPECT_EQ(def("objects"), SafeDefault::EmptySet);     // Objects
  EXPECT_EQ(def("shift"), SafeDefault::EmptySet);       // Patch
  EXPECT_EQ(def("palette"), SafeDefault::EmptySet);     // IntegerSet
  EXPECT_EQ(def("upscale"), SafeDefault::EmptySet);     // Element mentions FrozenSet first
  EXPECT_EQ(def("fill"), SafeDefault::EmptyTuple);      // Grid
  EXPECT_EQ(def("add"), SafeDefault::EmptyTuple);       // Numerical mentions Tuple before int
  EXPECT_EQ(def("size"), SafeDefault::Zero);            // Integer
  EXPECT_EQ(def("even"), SafeDefault::False);           // Boolean
  EXPECT_EQ(def("compose"), SafeDefault::Callable);     // Callable
  EXPECT_EQ(def("identity"), SafeDefault::EmptyTuple);  // Any
  EXPECT_TRUE(equal(safe_default_value(SafeDefault::EmptySet), empty_set()));
}

TEST(Registry, UnknownNamesAreNotFound) {
  EXPECT_EQ(find_prim("no_such_primitive"), -1);
  EXPECT_EQ(find_prim(""), -1);
  EXPECT_FALSE(find_constant("FIFTY").has_value());
}

}  // namespace
}  // namespace batt::dsl
