#pragma once
// What rank 0 loads before it can plan: the tasks, the corpus of unique candidates, the
// selected tasks (each with S, its demo pairs) and the differs. Read from the CORPUS
// directory's tasks/, batches/ and differs/, or from the paths the options give instead.
#include <memory>
#include <vector>

#include "coordinator/job.hpp"
#include "coordinator/phases.hpp"
#include "corpus/tasks.hpp"
#include "dsl/arena.hpp"
#include "program/candidates.hpp"
#include "worker/unit.hpp"

namespace batt::coordinator {

struct JobInputs {
  corpus::TaskSet taskset;
  program::Corpus corpus;
  worker::CorpusView cv;  // points into corpus: a JobInputs never moves (see load_inputs)
  dsl::Arena arena{std::size_t{1} << 32};  // S of every selected task
  std::vector<worker::TaskInput> tasks;    // the selected tasks, by id
  worker::Differs differs;
  // provenance.hpp: the digest of the selected tasks (before --shard) and the candidates.
  std::string corpus_digest;
};

// Loads everything and prints the diagnostics (errors always, warnings unless quiet).
// nullptr, with the reason on stderr, when the corpus is not a directory, --tasks names an
// unknown task, or no task is left to evaluate.
std::unique_ptr<JobInputs> load_inputs(const JobOptions& opt, Phases& phases);

}  // namespace batt::coordinator
