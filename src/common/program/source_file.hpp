#pragma once
// Reading an input file whole (a batch file, a task file), with a size cap checked before
// anything is read, so a huge or unreadable file is a located diagnostic, never an
// exception or an out-of-memory kill.
#include <cstdint>
#include <string>
#include <string_view>

#include "program/diagnostic.hpp"

namespace batt::program {

// Reads `path` into `text`. Returns false, with an error diagnostic for `path`, when the file
// cannot be read or is over `max_bytes` (`what` names the kind of file in that message,
// e.g. "a task file").
bool read_source_file(const std::string& path, std::uint64_t max_bytes, std::string_view what,
                      Diagnostics& diags, std::string& text);

}  // namespace batt::program
