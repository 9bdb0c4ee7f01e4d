#pragma once
// The end-of-run summary printed to stdout: what was evaluated, what was solved, the "Demo
// scoring" line and the "Timing summary" table of the Python tool it replaces
// (tokpidjin-pipeline.md §9), with every key accumulated over the run.
#include <ostream>
#include <vector>

#include "coordinator/job.hpp"
#include "report/rows.hpp"

namespace batt::coordinator {

void print_summary(const JobSummary& s, const std::vector<report::TimingRow>& timings,
                   std::ostream& out);

}  // namespace batt::coordinator
