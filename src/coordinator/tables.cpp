#include "coordinator/tables.hpp"

#include "coordinator/inputs.hpp"
#include "coordinator/plan.hpp"
#include "program/canonical.hpp"

namespace batt::coordinator {

namespace {

// Distinct DAG nodes under `root` (iterative; `seen` is a stamp per node, reused).
std::uint32_t slice_nodes(const program::Dag& dag, program::NodeId root,
                          std::vector<std::uint32_t>& seen, std::uint32_t stamp) {
  std::vector<program::NodeId> todo{root};
  seen[root] = stamp;
  std::uint32_t count = 0;
  while (!todo.empty()) {
    const program::NodeId n = todo.back();
    todo.pop_back();
    ++count;
    for (const program::NodeId c : dag.children(n)) {
      if (seen[c] != stamp) {
        seen[c] = stamp;
        todo.push_back(c);
      }
    }
  }
  return count;
}

}  // namespace

std::vector<report::TaskRow> task_rows(const std::vector<worker::TaskInput>& tasks) {
  std::vector<report::TaskRow> rows;
  for (const worker::TaskInput& t : tasks) {
    rows.push_back({t.task->id, t.task->source, static_cast<std::int16_t>(t.task->demo.size()),
                    static_cast<std::int16_t>(t.task->test.size()), t.task->test_outputs_known()});
  }
  return rows;
}

std::vector<report::CandidateRow> candidate_rows(const worker::CorpusView& cv) {
  const program::Corpus& corpus = *cv.corpus;
  std::vector<report::CandidateRow> rows;
  std::vector<std::uint32_t> seen(corpus.dag.size(), 0);
  for (std::size_t i = 0; i < corpus.candidates.size(); ++i) {
    const program::Candidate& c = corpus.candidates[i];
    report::CandidateRow r;
    r.id = c.id;
    r.md5 = c.md5.value_or("");
    r.kind = static_cast<std::int8_t>(c.kind);
    r.mode = static_cast<std::int8_t>(cv.modes[i]);
    r.dialect = static_cast<std::int8_t>(c.dialect);
    r.evaluable = c.evaluable();
    r.canonical_bytes = c.canonical_bytes;
    r.nodes = slice_nodes(corpus.dag, c.root, seen, static_cast<std::uint32_t>(i + 1));
    r.canonical = cv.canonical[i];
    if (program::expanded_length(corpus.dag, c.root, c.kind) <= corpus.max_text_bytes) {
      r.expanded = program::expanded_text(corpus.dag, c.root, c.kind);
    }
    rows.push_back(std::move(r));
  }
  return rows;
}

std::vector<report::OriginRow> origin_rows(const program::Corpus& corpus) {
  std::vector<report::OriginRow> rows;
  for (std::size_t i = 0; i < corpus.candidates.size(); ++i) {
    for (const program::Origin& o : corpus.candidates[i].origins) {
      rows.push_back({static_cast<std::int32_t>(i), o.file, o.line, o.record, o.task,
                      static_cast<std::int8_t>(o.mutated ? (*o.mutated ? 1 : 0) : -1), o.differ});
    }
  }
  return rows;
}

void write_lookup_tables(report::ReportWriter& writer, const JobInputs& in, const Plan& plan) {
  writer.write_tasks(task_rows(in.tasks));
  writer.write_candidates(candidate_rows(in.cv));
  writer.write_origins(origin_rows(in.corpus));
  std::vector<report::DifferRow> differ_rows;
  for (std::size_t d = 0; d < in.differs.cands.size(); ++d) {
    differ_rows.push_back({in.differs.cands[d], in.differs.names[d]});
  }
  writer.write_differs(differ_rows);
  std::vector<report::UnitRow> unit_rows;
  for (const Unit& u : plan.units) {
    unit_rows.push_back({static_cast<std::int32_t>(u.task),
                         static_cast<std::int32_t>(plan.block_info[u.block].cands.size()), u.cost});
  }
  writer.write_units(unit_rows);
  writer.append_results(plan.skipped);
  const auto unique = static_cast<std::int64_t>(in.corpus.candidates.size());
  writer.set_attr("corpus_digest", in.corpus_digest);
  writer.set_attr("n_tasks", static_cast<std::int64_t>(in.tasks.size()));
  writer.set_attr("n_candidates_unique", unique);
  writer.set_attr("n_programs", static_cast<std::int64_t>(in.corpus.programs));
  writer.set_attr(
      "dedup_ratio",
      unique == 0 ? 1.0 : static_cast<double>(in.corpus.programs) / static_cast<double>(unique));
}

}  // namespace batt::coordinator
