// The hand-written fixtures of tests/fixtures/programs/ (every input format: arc-dsl and
// tokpidjin solver files, differs, batt files of both generations with their F3/F4 helper
// blocks and _call.py maps, a map without its batt file, renumbered duplicates, malformed
// files) against tests/fixtures/programs/expected.json, which an independent Python model of
// the reference semantics computed (tests/fixtures/programs_oracle.py): every candidate's
// record, line, kind, task, mutation flag, canonical text, MD5 and expanded form, the first
// error of every malformed file, and the dedup groups of the whole corpus. A malformed file
// loses only what its errors touch: its other records still load (the oracle drops the
// whole file, so only the located error is compared for those).
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "program/candidates.hpp"

namespace batt::program {
namespace {

const std::string kDir = std::string(BATT_SOURCE_DIR) + "/tests/fixtures/programs/";

const nlohmann::json& expected() {
  static const nlohmann::json j = [] {
    std::ifstream in(kDir + "expected.json");
    return nlohmann::json::parse(in);
  }();
  return j;
}

std::vector<std::string> file_names(bool rejected) {
  std::vector<std::string> out;
  for (const auto& f : expected()["files"]) {
    if ((f["format"] == "rejected") == rejected) out.push_back(f["file"]);
  }
  return out;
}

const nlohmann::json& entry(const std::string& file) {
  for (const auto& f : expected()["files"]) {
    if (f["file"] == file) return f;
  }
  throw std::runtime_error("no expectations for " + file);
}

// The fixtures exercise the front end (slices, canonical and expanded text, MD5, dedup), not
// dialects, and several of them mix tokpidjin names with arc-dsl ones (p_g or o_g next to
// upscale or ofcolor), which --dialect auto rejects (dialect_test.cpp). They are read with the
// dialect forced, which only turns the other dialect's names into unknown-name warnings.
constexpr DialectChoice kDialect = DialectChoice::Tokpidjin;

// One fixture loaded the way `batt_mpi inspect --dialect tokpidjin FILE` would load it (a batt
// file with its map).
struct Loaded {
  Diagnostics diags;
  Corpus corpus;
};

Loaded load_one(const std::string& file) {
  Loaded l;
  std::vector<std::string> paths{kDir + file};
  const std::string map = kDir + file.substr(0, file.size() - 3) + "_call.py";
  if (std::ifstream(map)) paths.push_back(map);
  l.corpus = load_corpus(paths, l.diags, {}, kDialect);
  return l;
}

// A test name from a fixture path: "bad/missing_paren.py" -> "bad_missing_paren_py".
std::string test_name(const ::testing::TestParamInfo<std::string>& p) {
  std::string n = p.param;
  for (char& ch : n) {
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  }
  return n;
}

class Fixture : public ::testing::TestWithParam<std::string> {};

TEST_P(Fixture, CandidatesMatchTheOracle) {
  const std::string file = GetParam();
  const Loaded l = load_one(file);
  for (const Diagnostic& d : l.diags.all()) {
    EXPECT_NE(d.severity, Severity::Error) << format(d);
  }
  // record -> candidate
  std::map<std::string, std::pair<const Candidate*, const Origin*>> found;
  for (const Candidate& c : l.corpus.candidates) {
    for (const Origin& o : c.origins) found[o.record] = {&c, &o};
  }
  const auto& want = entry(file)["candidates"];
  EXPECT_EQ(found.size(), want.size());
  for (const auto& w : want) {
    const std::string record = w["record"];
    auto it = found.find(record);
    ASSERT_NE(it, found.end()) << file << ": no candidate " << record;
    const Candidate& c = *it->second.first;
    const Origin& o = *it->second.second;
    SCOPED_TRACE(file + " " + record);
    EXPECT_EQ(kind_name(c.kind), w["kind"].get<std::string>());
    ASSERT_TRUE(c.md5.has_value());
    EXPECT_EQ(*c.md5, w["md5"].get<std::string>());
    EXPECT_EQ(canonical_text(l.corpus.dag, c.root, c.kind), w["canonical"].get<std::string>());
    EXPECT_EQ(expanded_text(l.corpus.dag, c.root, c.kind), w["expanded"].get<std::string>());
    EXPECT_EQ(o.line, w["line"].get<int>());
    EXPECT_EQ(o.task, w["task"].is_null() ? "" : w["task"].get<std::string>());
    if (w["mutated"].is_null()) {
      EXPECT_FALSE(o.mutated.has_value());
    } else {
      EXPECT_EQ(o.mutated, std::optional<bool>(w["mutated"].get<bool>()));
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Programs, Fixture, ::testing::ValuesIn(file_names(false)), test_name);

class Malformed : public ::testing::TestWithParam<std::string> {};

TEST_P(Malformed, FirstProblemIsLocatedAndExplained) {
  const std::string file = GetParam();
  const Loaded l = load_one(file);
  const auto& err = entry(file)["errors"].at(0);
  const int line = err["line"];
  const std::string part = err["contains"];
  bool located = false;
  for (const Diagnostic& d : l.diags.all()) {
    if (d.line == line && d.message.find(part) != std::string::npos &&
        (err["col"].is_null() || d.col == err["col"].get<int>())) {
      located = true;
    }
  }
  std::string all;
  for (const Diagnostic& d : l.diags.all()) all += format(d) + "\n";
  EXPECT_TRUE(located) << file << ": expected a diagnostic at line " << line << " containing '"
                       << part << "'; got:\n"
                       << all;
  // The records in error produce no evaluable candidate (the file's other records may).
  for (const Candidate& c : l.corpus.candidates) {
    for (const Origin& o : c.origins) {
      EXPECT_FALSE(o.line == line && c.evaluable()) << file << ": " << o.record;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Programs, Malformed, ::testing::ValuesIn(file_names(true)), test_name);

TEST(Dedup, TheWholeCorpusGroupsLikeTheOracle) {
  std::vector<std::string> paths;
  for (const std::string& f : file_names(false)) paths.push_back(kDir + f);
  for (const auto& [map, batt] : expected()["companions"].items()) paths.push_back(kDir + map);
  Diagnostics diags;
  const Corpus corpus = load_corpus(paths, diags, {}, kDialect);
  std::map<std::string, std::set<std::pair<std::string, std::string>>> got;
  for (const Candidate& c : corpus.candidates) {
    for (const Origin& o : c.origins) got[c.id].insert({o.file.substr(kDir.size()), o.record});
  }
  std::map<std::string, std::set<std::pair<std::string, std::string>>> want;
  for (const auto& g : expected()["dedup"]["groups"]) {
    for (const auto& o : g["origins"]) {
      want[g["md5"].get<std::string>()].insert(
          {o["file"].get<std::string>(), o["record"].get<std::string>()});
    }
  }
  EXPECT_EQ(got, want);
  EXPECT_EQ(corpus.programs, expected()["dedup"]["candidates"].get<std::size_t>());
  EXPECT_EQ(corpus.candidates.size(), expected()["dedup"]["unique"].get<std::size_t>());
}

}  // namespace
}  // namespace batt::program
