#pragma once
// Reading a fixture or corpus file of the project in tests: the whole text, "" if missing
// (the test's own expectations then fail with a clear message).
#include <fstream>
#include <sstream>
#include <string>

namespace batt::testing {

// `relative` to the source tree (BATT_SOURCE_DIR), e.g. "corpus/batches/solvers.py".
inline std::string project_path(const std::string& relative) {
  return std::string(BATT_SOURCE_DIR) + "/" + relative;
}

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return std::move(ss).str();
}

}  // namespace batt::testing
