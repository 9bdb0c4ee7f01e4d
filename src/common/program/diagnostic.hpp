#pragma once
// Diagnostics of the program front end. A malformed input never throws and never stops the
// other files: every problem becomes a Diagnostic with its file, line and column, printed as
//   file:line:col: error: reason near 'token'
//       the offending source line
//       ^
// (the compiler format editors understand). Diagnostics are collected per load and printed
// by the caller (stderr for `batt_mpi inspect`).
#include <string>
#include <string_view>
#include <vector>

namespace batt::program {

enum class Severity { Error, Warning, Note };

struct Diagnostic {
  Severity severity = Severity::Error;
  std::string file;
  int line = 0;         // 1-based; 0 when the problem concerns the whole file
  int col = 0;          // 1-based; 0 when unknown
  std::string message;  // what is wrong, and a suggestion where there is one
  std::string source;   // the offending source line (a window of it for a long line), if any
  int caret = 0;        // 1-based position of `col` within `source`; 0 for no caret
};

// `file:line:col: error: message`, then the source line and a caret under the column.
std::string format(const Diagnostic& d);

class Diagnostics {
 public:
  void add(Severity s, std::string file, int line, int col, std::string message,
           std::string_view source = {});
  void error(const std::string& file, int line, int col, std::string message,
             std::string_view source = {}) {
    add(Severity::Error, file, line, col, std::move(message), source);
  }
  void warning(const std::string& file, int line, int col, std::string message,
               std::string_view source = {}) {
    add(Severity::Warning, file, line, col, std::move(message), source);
  }
  const std::vector<Diagnostic>& all() const noexcept { return items_; }
  std::size_t errors() const noexcept;
  std::size_t errors_in(const std::string& file) const noexcept;

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace batt::program
