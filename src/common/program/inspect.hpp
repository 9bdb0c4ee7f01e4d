#pragma once
// `batt_mpi inspect`: one JSON object per line for every unique candidate of a corpus:
//   {"md5", "kind": "solver"|"differ", "dialect": "arc-dsl"|"tokpidjin", "canonical", "expanded",
//   "origins": [{"file", "line",
//    "record", "task", "mutated", "differ"}], "id", "canonical_bytes", "evaluable",
//    "unknown_names", "unresolved"}
// "md5" and "canonical" are null when the canonical text is over the size cap ("id" is then
// the MD5 of the candidate's structure), "expanded" when the expanded form is. The same md5
// may appear twice, once per dialect (two candidates). Strings that
// are not UTF-8 (a task id in a batt record, say) are written with U+FFFD replacements.
#include <nlohmann/json_fwd.hpp>
#include <ostream>

#include "program/candidates.hpp"

namespace batt::program {

nlohmann::ordered_json candidate_json(const Corpus& corpus, const Candidate& c);

// Writes every candidate of `corpus`, one JSON object per line.
void write_inspect(const Corpus& corpus, std::ostream& out);

}  // namespace batt::program
