#pragma once
// `batt_report summary REPORT`: a report (or a .partial) in a few lines: its status and
// provenance (shard, digests, where it ran), its table sizes, and the results by status,
// solved tasks and solving pairs.
#include <ostream>
#include <string>

namespace batt::tools {

// Throws std::runtime_error (naming the file) when it cannot be read.
void print_report_summary(const std::string& path, std::ostream& out);

}  // namespace batt::tools
