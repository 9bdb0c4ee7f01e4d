#include "coordinator/shard.hpp"

#include <algorithm>
#include <map>

namespace batt::coordinator {

std::vector<const corpus::Task*> shard_tasks(const std::vector<const corpus::Task*>& selected,
                                             const program::Corpus& corpus, Pairing pairing,
                                             ShardSpec s) {
  if (s.count == 1) return selected;
  // Candidates tried on each task: all solvers (cross) or those whose origins name it.
  std::size_t solvers = 0;
  std::map<std::string, std::size_t> named;
  for (const program::Candidate& c : corpus.candidates) {
    if (c.kind != program::ProgramKind::Solver) continue;
    ++solvers;
    std::vector<std::string> tasks;
    for (const program::Origin& o : c.origins) tasks.push_back(o.task);
    std::sort(tasks.begin(), tasks.end());
    tasks.erase(std::unique(tasks.begin(), tasks.end()), tasks.end());
    for (const std::string& t : tasks) ++named[t];
  }
  struct Item {
    double cost;
    const corpus::Task* task;
  };
  std::vector<Item> items;
  for (const corpus::Task* t : selected) {
    double cells = 0;
    for (const auto* part : {&t->demo, &t->test}) {
      for (const corpus::Sample& x : *part) {
        cells += x.input.is_grid() ? static_cast<double>(x.input.as_grid().area()) : 1.0;
      }
    }
    const auto it = named.find(t->id);
    const double cands = pairing == Pairing::Cross ? static_cast<double>(solvers)
                         : it == named.end()       ? 0.0
                                                   : static_cast<double>(it->second);
    items.push_back({cells * std::max(cands, 1.0), t});
  }
  std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
    return a.cost != b.cost ? a.cost > b.cost : a.task->id < b.task->id;
  });
  std::vector<double> load(static_cast<std::size_t>(s.count), 0.0);
  std::vector<const corpus::Task*> mine;
  for (const Item& item : items) {
    const auto least = std::min_element(load.begin(), load.end()) - load.begin();
    load[static_cast<std::size_t>(least)] += item.cost;
    if (least == s.index) mine.push_back(item.task);
  }
  std::sort(mine.begin(), mine.end(),
            [](const corpus::Task* a, const corpus::Task* b) { return a->id < b->id; });
  return mine;
}

}  // namespace batt::coordinator
