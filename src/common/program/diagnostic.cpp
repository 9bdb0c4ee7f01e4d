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
    if (d.caret > 0) {
      out += "\n    ";
      out.append(static_cast<std::size_t>(d.caret - 1), ' ');
      out += '^';
    }
  }
  return out;
}

void Diagnostics::add(Severity s, std::string file, int line, int col, std::string message,
                      std::string_view source) {
  // At most 160 bytes of the line are shown: from its start, or a window around a column far
  // to the right (a one-line t_call map can be megabytes long).
  constexpr std::size_t kShown = 160;
  const auto c = static_cast<std::size_t>(std::max(col, 0));
  const std::size_t from = c > kShown - 20 ? c - kShown / 2 : 0;
  std::string src;
  if (from < source.size()) {
    src = (from > 0 ? "..." : "") + std::string(source.substr(from, kShown));
    if (from + kShown < source.size()) src += "...";
  }
  std::replace_if(
      src.begin(), src.end(), [](char ch) { return ch == '\t' || ch == '\0'; }, ' ');
  const int caret = (c > 0 && !src.empty() && c <= source.size() + 1)
                        ? static_cast<int>(c - from + (from > 0 ? 3 : 0))
                        : 0;
  items_.push_back({s, std::move(file), line, col, std::move(message), std::move(src), caret});
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
