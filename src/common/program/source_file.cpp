#include "program/source_file.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace batt::program {

bool read_source_file(const std::string& path, std::uint64_t max_bytes, std::string_view what,
                      Diagnostics& diags, std::string& text) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) {
    diags.error(path, 0, 0, "cannot read: " + ec.message());
    return false;
  }
  if (size > max_bytes) {
    diags.error(path, 0, 0,
                "file is " + std::to_string(size) + " bytes, over the limit of " +
                    std::to_string(max_bytes) + " for " + std::string(what) + "; skipped");
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  if (!in) {
    diags.error(path, 0, 0, "cannot read the file");
    return false;
  }
  text = std::move(ss).str();
  return true;
}

}  // namespace batt::program
