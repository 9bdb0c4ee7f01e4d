// The registry against the reference's own list (shared/reference/arc-dsl.md): every one of
// the 160 primitives of §3 is registered once, with the arity of its signature and the
// result kind of its annotation; every constant of §2 exists with its value; and the safe
// defaults follow the rule of tokpidjin-pipeline.md §2.5.
#include "dsl/registry.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string>

#include "support/arc_data.hpp"
#include "support/prim_test.hpp"

namespace batt::dsl {
namespace {

struct RefPrim {
  int params = 0;
  std::string result;
};

// Rows `| N | `name` | `a: T, b: U -> R` | ...` of §3.
std::map<std::string, RefPrim> reference_prims() {
  std::ifstream in(testing::shared_dir() + "/reference/arc-dsl.md");
  const std::regex row(R"(^\| \d+ \| `(\w+)` \| `([^`]*)` \|)");
  std::map<std::string, RefPrim> out;
  std::string line;
  while (std::getline(in, line)) {
    std::smatch m;
    if (!std::regex_search(line, m, row)) continue;
    const std::string sig = m[2];
    const auto arrow = sig.rfind("->");
    const std::string params = sig.substr(0, arrow);
    RefPrim p;  // every primitive takes at least one parameter
    p.params = static_cast<int>(std::count(params.begin(), params.end(), ',')) + 1;
    p.result = sig.substr(arrow + 3);
    out[m[1]] = p;
  }
  return out;
}

// Rows `| `NAME` | `value` |` of §2.
std::map<std::string, std::string> reference_constants() {
  std::ifstream in(testing::shared_dir() + "/reference/arc-dsl.md");
  const std::regex row(R"(^\| `([A-Z_]+)` \| `([^`]*)` \|)");
  std::map<std::string, std::string> out;
  std::string line;
  while (std::getline(in, line)) {
    std::smatch m;
    if (std::regex_search(line, m, row)) out[m[1]] = m[2];
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
