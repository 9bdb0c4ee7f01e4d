#include "coordinator/plan.hpp"

#include <algorithm>
#include <map>
#include <string_view>

#include "report/unit_order.hpp"

namespace batt::coordinator {

namespace {

// Index of the selected task `id` (tasks are sorted by id), or -1.
std::int64_t task_index(const std::vector<worker::TaskInput>& tasks, std::string_view id) {
  const auto it = std::lower_bound(
      tasks.begin(), tasks.end(), id,
      [](const worker::TaskInput& t, std::string_view v) { return t.task->id < v; });
  return it != tasks.end() && it->task->id == id ? it - tasks.begin() : -1;
}

// The selected tasks a candidate's origins name, ascending, without duplicates.
std::vector<std::uint32_t> origin_tasks(const program::Candidate& c,
                                        const std::vector<worker::TaskInput>& tasks) {
  std::vector<std::uint32_t> r;
  for (const program::Origin& o : c.origins) {
    const std::int64_t t = task_index(tasks, o.task);
    if (t >= 0) r.push_back(static_cast<std::uint32_t>(t));
  }
  std::sort(r.begin(), r.end());
  r.erase(std::unique(r.begin(), r.end()), r.end());
  return r;
}

}  // namespace

Plan make_plan(const worker::CorpusView& cv, const std::vector<worker::TaskInput>& tasks,
               Pairing pairing, int block) {
  Plan plan;
  const auto& cands = cv.corpus->candidates;
  const std::size_t per_block = static_cast<std::size_t>(std::max(1, block));
  std::vector<std::vector<std::int32_t>> per_task(tasks.size());
  for (std::size_t i = 0; i < cands.size(); ++i) {
    const program::Candidate& c = cands[i];
    if (c.kind != program::ProgramKind::Solver) continue;
    const auto idx = static_cast<std::int32_t>(i);
    if (!c.evaluable() || !c.md5) {
      ++plan.skipped_candidates;
      for (const std::uint32_t t : origin_tasks(c, tasks)) {
        report::ResultRow r;
        r.cand = idx;
        r.task = static_cast<std::int32_t>(t);
        r.n_demo = static_cast<std::int16_t>(tasks[t].task->demo.size());
        r.n_test = static_cast<std::int16_t>(tasks[t].task->test.size());
        r.status = report::Status::Skipped;
        r.unit = -1;
        plan.skipped.push_back(r);
      }
      continue;
    }
    if (pairing == Pairing::Cross) {
      for (auto& list : per_task) list.push_back(idx);
    } else {
      for (const std::uint32_t t : origin_tasks(c, tasks)) per_task[t].push_back(idx);
    }
  }
  // Blocks are shared between tasks that try the same candidates (every task, in cross).
  // A block never mixes dialects: a task's list (ascending, so grouped by dialect since
  // candidates sort by kind, then dialect) is cut where the dialect changes too.
  std::map<std::vector<std::int32_t>, std::uint32_t> known;
  auto dialect_of = [&](std::int32_t c) { return cands[static_cast<std::size_t>(c)].dialect; };
  for (std::size_t t = 0; t < tasks.size(); ++t) {
    const std::vector<std::int32_t>& list = per_task[t];
    for (std::size_t first = 0, last = 0; first < list.size(); first = last) {
      last = first + 1;
      while (last < list.size() && last - first < per_block &&
             dialect_of(list[last]) == dialect_of(list[first])) {
        ++last;
      }
      std::vector<std::int32_t> members(list.begin() + static_cast<std::ptrdiff_t>(first),
                                        list.begin() + static_cast<std::ptrdiff_t>(last));
      auto [it, fresh] = known.emplace(members, static_cast<std::uint32_t>(plan.blocks.size()));
      if (fresh) {
        std::vector<worker::BlockEntry> entries;
        worker::BlockInfo info;
        for (const std::int32_t c : members) {
          const program::Candidate& cand = cands[static_cast<std::size_t>(c)];
          entries.push_back({cand.root, cv.modes[static_cast<std::size_t>(c)]});
          info.md5.push_back(*cand.md5);
          info.canonical.push_back(cv.canonical[static_cast<std::size_t>(c)]);
        }
        const dsl::Dialect dialect = dialect_of(members.front());
        info.cands = std::move(members);
        plan.blocks.emplace_back(cv.corpus->dag, entries, dialect);
        plan.block_info.push_back(std::move(info));
      }
      plan.units.push_back({static_cast<std::uint32_t>(t), it->second});
    }
  }
  // Most expensive first (the cells of the task's samples times the block's nodes), so the
  // long units do not finish last; ties keep (task, block) order (report/unit_order.hpp, the
  // rule report/merge.cpp also sorts shard reports' units by). Every run writes units in this
  // order, so it is also the order of the report's rows.
  std::vector<double> cost(tasks.size(), 0.0);
  for (std::size_t t = 0; t < tasks.size(); ++t) {
    for (const auto* part : {&tasks[t].task->demo, &tasks[t].task->test}) {
      for (const corpus::Sample& s : *part) {
        cost[t] += s.input.is_grid() ? static_cast<double>(s.input.as_grid().area()) : 1.0;
      }
    }
  }
  for (Unit& u : plan.units) {
    u.cost = cost[u.task] * static_cast<double>(plan.blocks[u.block].nodes());
  }
  std::stable_sort(plan.units.begin(), plan.units.end(), [](const Unit& a, const Unit& b) {
    return report::unit_before(a.cost, a.task, b.cost, b.task);
  });
  return plan;
}

}  // namespace batt::coordinator
