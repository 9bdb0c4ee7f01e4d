#pragma once
// The order of a plan's work units, which is the order of the /units rows
// (docs/report-schema.md): most expensive first; equal costs by task (its row in /tasks, so
// by id), and one task's units in the order the plan made them. coordinator/plan.cpp sorts
// the units by it; report/merge.cpp sorts the units of shard reports by it to give the
// single run's order. Both stable-sort a list that holds each task's units in the plan's
// order, which settles the last tie.
#include <cstdint>

namespace batt::report {

// Whether a unit (cost_a, task_a) goes before a unit (cost_b, task_b): a strict weak order
// for std::stable_sort.
inline bool unit_before(double cost_a, std::int64_t task_a, double cost_b, std::int64_t task_b) {
  return cost_a != cost_b ? cost_a > cost_b : task_a < task_b;
}

}  // namespace batt::report
