#pragma once
// Opening and closing rank 0's report, the same for the single-process and the MPI job:
// OUT.partial with the provenance attributes at the start; at the end the timings and end
// attributes, then either the rename to OUT (complete) or, after a stop signal, the .partial
// left with status "interrupted".
#include <memory>
#include <vector>

#include "coordinator/inputs.hpp"
#include "coordinator/job.hpp"
#include "coordinator/plan.hpp"
#include "report/report_writer.hpp"

namespace batt::coordinator {

// nullptr, with the reason on stderr, when OUT.partial cannot be created.
std::unique_ptr<report::ReportWriter> open_report(const JobOptions& opt, int threads,
                                                  int world_size);

// --resume: reopens OUT.partial to continue it, and sets done[u] for every unit whose rows
// it already holds. nullptr, with the reason on stderr, when there is no OUT.partial or it
// was written for other tasks, candidates or units (another corpus, other options).
std::unique_ptr<report::ReportWriter> resume_report(const JobOptions& opt, const JobInputs& in,
                                                    const Plan& plan, std::vector<char>& done);

// The counts of the summary that come from the inputs and the plan.
void count_inputs(const JobInputs& in, const Plan& plan, JobSummary& sum);

// Writes the timings and end attributes and closes the report; sets sum.report_path.
void close_report(report::ReportWriter& writer, const std::vector<report::TimingRow>& timings,
                  std::size_t units_done, int stop_signal, JobSummary& sum);

}  // namespace batt::coordinator
