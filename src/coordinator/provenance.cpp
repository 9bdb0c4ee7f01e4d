#include "coordinator/provenance.hpp"

#include <algorithm>
#include <string_view>

#include "program/md5.hpp"

namespace batt::coordinator {

namespace {

// A grid as "h w c0c1c2...", cells as digits (ARC colours are 0..9; anything else as its
// number, so no two grids read alike).
void add_grid(program::Md5& md5, const dsl::Value& v) {
  if (!v.is_grid()) {
    md5.update(" -");
    return;
  }
  const dsl::GridObj& g = v.as_grid();
  std::string text = " " + std::to_string(g.h) + " " + std::to_string(g.w) + " ";
  for (std::size_t i = 0; i < g.area(); ++i) {
    const int c = g.cells()[i];
    text += c >= 0 && c <= 9 ? std::string(1, static_cast<char>('0' + c))
                             : "(" + std::to_string(c) + ")";
  }
  md5.update(text);
}

void add_samples(program::Md5& md5, std::string_view part,
                 const std::vector<corpus::Sample>& samples) {
  for (const corpus::Sample& s : samples) {
    md5.update(part);
    add_grid(md5, s.input);
    if (s.output) {
      add_grid(md5, *s.output);
    } else {
      md5.update(" none");
    }
    md5.update("\n");
  }
}

}  // namespace

std::string corpus_digest(const std::vector<const corpus::Task*>& selected,
                          const worker::CorpusView& cv) {
  program::Md5 md5;
  md5.update("batt corpus digest 1\n");
  program::Md5 task_md5;
  for (const corpus::Task* t : selected) {
    add_samples(task_md5, "demo", t->demo);
    add_samples(task_md5, "test", t->test);
    md5.update("task " + t->id + " " + task_md5.hex() + "\n");
  }
  const program::Corpus& corpus = *cv.corpus;
  for (std::size_t i = 0; i < corpus.candidates.size(); ++i) {
    const program::Candidate& c = corpus.candidates[i];
    md5.update("cand " + c.id + " " + std::to_string(static_cast<int>(c.kind)) + " " +
               std::to_string(static_cast<int>(c.dialect)) + " " +
               std::to_string(static_cast<int>(cv.modes[i])) + " " + (c.evaluable() ? "1" : "0") +
               "\n");
    // What the origins decide: the tasks tried under --pairing origin (and the skipped rows),
    // the differ names; not the files or lines they were read from.
    std::vector<std::string> origins;
    for (const program::Origin& o : c.origins) {
      origins.push_back(o.task + " " + o.record + " " +
                        (o.mutated ? (*o.mutated ? "1" : "0") : "-") + " " + o.differ);
    }
    std::sort(origins.begin(), origins.end());
    for (const std::string& o : origins) md5.update("  origin " + o + "\n");
  }
  return md5.hex();
}

std::string config_digest(const JobOptions& opt) {
  const worker::UnitOptions& u = opt.unit;
  std::string text = "batt config digest 1\n";
  text += "pairing " + std::to_string(static_cast<int>(opt.pairing)) + "\n";
  text += "dialect " + std::string(program::choice_name(opt.dialect)) + "\n";
  text += "max_steps " + std::to_string(u.limits.max_steps) + "\n";
  text += "max_items " + std::to_string(u.limits.max_items) + "\n";
  text += "max_depth " + std::to_string(u.limits.max_depth) + "\n";
  text += "deadline_ns " + std::to_string(u.limits.deadline.count()) + "\n";
  text += "arena_bytes " + std::to_string(u.arena_bytes) + "\n";
  text += "validate_runs " + std::to_string(u.validate_runs) + "\n";
  text += "validate_min_hits " + std::to_string(u.validate_min_hits) + "\n";
  text += "store_outputs " + std::to_string(static_cast<int>(u.store_outputs)) + "\n";
  text += "outputs_min_demo_hits " + std::to_string(u.outputs_min_demo_hits) + "\n";
  text += "output_text_bytes " + std::to_string(u.output_text_bytes) + "\n";
  const program::Limits& f = opt.front;
  text += "max_canonical_bytes " + std::to_string(f.max_canonical_bytes) + "\n";
  text += "max_file_bytes " + std::to_string(f.max_file_bytes) + "\n";
  text += "max_lines " + std::to_string(f.max_lines) + "\n";
  text += "max_logical_line " + std::to_string(f.max_logical_line) + "\n";
  text += "max_token " + std::to_string(f.max_token) + "\n";
  text += "max_nesting " + std::to_string(f.max_nesting) + "\n";
  return program::Md5::of(text);
}

}  // namespace batt::coordinator
