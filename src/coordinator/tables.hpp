#pragma once
// The lookup tables of the report (/tasks, /candidates, /origins), built from what rank 0
// loaded. Row k of /candidates is corpus.candidates[k]; row k of /tasks is the k-th selected
// task, so the fact tables can refer to both by index.
#include <vector>

#include "report/report_writer.hpp"
#include "report/rows.hpp"
#include "worker/unit.hpp"

namespace batt::coordinator {

std::vector<report::TaskRow> task_rows(const std::vector<worker::TaskInput>& tasks);

// Canonical and expanded texts are included when they are under the corpus's text cap.
std::vector<report::CandidateRow> candidate_rows(const worker::CorpusView& cv);

std::vector<report::OriginRow> origin_rows(const program::Corpus& corpus);

struct JobInputs;
struct Plan;

// Writes /tasks, /candidates, /origins, /differs, /units, the Skipped results of the plan,
// and the corpus's attributes (corpus_digest, n_tasks, n_candidates_unique, n_programs,
// dedup_ratio).
void write_lookup_tables(report::ReportWriter& writer, const JobInputs& in, const Plan& plan);

}  // namespace batt::coordinator
