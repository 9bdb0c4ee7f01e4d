#pragma once
// The provenance digests of a report (docs/report-schema.md, root attributes): two MD5s
// that say whether two reports come from the same sweep, so that shard reports can be merged
// (batt_report merge) and a .partial resumed only by the job that wrote it.
//   - corpus_digest: the inputs that decide the rows: every selected task (its id and the
//     content of its samples) before --shard splits them, and every unique candidate (id,
//     kind, dialect, mode, whether it is evaluable, the tasks its origins name). File paths
//     are not part of it: a corpus moved elsewhere keeps its digest.
//   - config_digest: the resolved options that change result values (pairing, dialect,
//     budgets, validation, stored outputs, front-end caps), not those that only change how
//     the work is run or where it goes (out, shard, threads, block, batch units, flush,
//     progress, reissue, resume, quiet).
// Both are pure functions of their inputs: every shard of one sweep computes the same pair.
#include <string>
#include <vector>

#include "coordinator/job.hpp"
#include "corpus/tasks.hpp"
#include "worker/unit.hpp"

namespace batt::coordinator {

// `selected`: the selected tasks before sharding, sorted by id. Cost: one pass over their
// cells and over the candidates' origins.
std::string corpus_digest(const std::vector<const corpus::Task*>& selected,
                          const worker::CorpusView& cv);

std::string config_digest(const JobOptions& opt);

}  // namespace batt::coordinator
