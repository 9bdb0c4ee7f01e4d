#include "program/inspect.hpp"

#include <nlohmann/json.hpp>

namespace batt::program {

nlohmann::ordered_json candidate_json(const Corpus& corpus, const Candidate& c) {
  using json = nlohmann::ordered_json;
  json origins = json::array();
  for (const Origin& o : c.origins) {
    json j = {{"file", o.file}, {"line", o.line}, {"record", o.record}};
    j["task"] = o.task.empty() ? json(nullptr) : json(o.task);
    j["mutated"] = o.mutated ? json(*o.mutated) : json(nullptr);
    if (!o.differ.empty()) j["differ"] = o.differ;
    origins.push_back(std::move(j));
  }
  json j;
  j["md5"] = c.md5 ? json(*c.md5) : json(nullptr);
  j["kind"] = kind_name(c.kind);
  j["dialect"] = dialect_name(c.dialect);
  j["canonical"] = c.md5 ? json(canonical_text(corpus.dag, c.root, c.kind)) : json(nullptr);
  // Measured before it is built: nested tuples can make it exponential.
  const std::uint64_t expanded_bytes = expanded_length(corpus.dag, c.root, c.kind);
  j["expanded"] = expanded_bytes <= corpus.max_text_bytes
                      ? json(expanded_text(corpus.dag, c.root, c.kind))
                      : json(nullptr);
  j["origins"] = std::move(origins);
  j["id"] = c.id;
  j["canonical_bytes"] = c.canonical_bytes;
  j["expanded_bytes"] = expanded_bytes;
  j["evaluable"] = c.evaluable();
  j["unknown_names"] = c.unknown_names;
  j["unresolved"] = c.unresolved;
  return j;
}

void write_inspect(const Corpus& corpus, std::ostream& out) {
  for (const Candidate& c : corpus.candidates) {
    out << candidate_json(corpus, c).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
        << '\n';
  }
}

}  // namespace batt::program
