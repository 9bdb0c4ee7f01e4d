#include "program/diagnostic.hpp"

#include <algorithm>

namespace batt::program {

std::string format(const Diagnostic& d) {
  static constexpr const char* kSeverity[] = {"error", "warning", "note"};
  std::string out = d.file;
  if (d.line > 0) {
    out += ':';
    out += std::to_string(d.line);
    if (d.col > 0) {
      out += ':';
      out += std::to_string(d.col);
    }
  }
  out += ": ";
  out += kSeverity[static_cast<int>(d.severity)];
  out += ": ";
  out += d.message;
  if (!d.source.empty()) {
    out += "\n    ";
    out += d.source;
    if (d.col > 0) {
      out += "\n    ";
      out.append(static_cast<std::size_t>(d.col - 1), ' ');
      out += '^';
    }
  }
  return out;
}

void Diagnostics::add(Severity s, std::string file, int line, int col, std::string message,
                      std::string_view source) {
  // A source line is shown only if it is printable and reasonably short.
  std::string src(source.substr(0, 200));
  std::replace_if(
      src.begin(), src.end(), [](char c) { return c == '\t' || c == '\0'; }, ' ');
  items_.push_back({s, std::move(file), line, col, std::move(message), std::move(src)});
}

std::size_t Diagnostics::errors() const noexcept {
  return static_cast<std::size_t>(
      std::count_if(items_.begin(), items_.end(),
                    [](const Diagnostic& d) { return d.severity == Severity::Error; }));
}

std::size_t Diagnostics::errors_in(const std::string& file) const noexcept {
  return static_cast<std::size_t>(std::count_if(
      items_.begin(), items_.end(),
      [&](const Diagnostic& d) { return d.severity == Severity::Error && d.file == file; }));
}

}  // namespace batt::program
