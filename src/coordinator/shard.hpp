#pragma once
// --shard i/n: a deterministic partition of a sweep's tasks into n shards of about equal
// estimated cost, so that n independent jobs (a Slurm job array) cover the sweep exactly
// once. A task's cost is the cells of its samples times the number of candidates tried on it;
// tasks go, most expensive first (ties by id), to the shard with the least cost so far (ties
// to the lowest index). Every shard computes the same partition from the same inputs.
// ShardSpec and its text "i/n" (parse_shard, to_string) are report/shard_spec.hpp's, shared
// with the report merge.
#include <string>
#include <vector>

#include "coordinator/job.hpp"
#include "corpus/tasks.hpp"
#include "program/candidates.hpp"
#include "report/shard_spec.hpp"

namespace batt::coordinator {

// The tasks of shard `s` among `selected` (sorted by id, as given).
std::vector<const corpus::Task*> shard_tasks(const std::vector<const corpus::Task*>& selected,
                                             const program::Corpus& corpus, Pairing pairing,
                                             ShardSpec s);

}  // namespace batt::coordinator
