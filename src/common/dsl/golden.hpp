#pragma once
// Replays recorded calls of the reference Python DSL (shared/golden/*.jsonl, one JSON object
// per line: fn, args, out, order_sensitive, ...) through the registry and compares each result
// with the recorded one. Used by the golden test and by `batt_mpi selfcheck`.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "dsl/registry.hpp"

namespace batt::dsl {

struct GoldenFailure {
  std::size_t line = 0;  // 1-based line in the file
  std::string args;      // repr of the arguments
  std::string want;      // repr of the recorded result
  std::string got;       // repr of our result ("... (defaulted)" when the default was taken)
};

struct GoldenPrimStats {
  std::size_t checked = 0;              // lines with order_sensitive == false
  std::size_t passed = 0;               // ... whose result matched exactly
  std::size_t order_sensitive = 0;      // lines run only for robustness (CPython's set order)
  std::size_t defaulted = 0;            // checked lines whose recorded call took the default
  std::vector<GoldenFailure> failures;  // the first few mismatches
};

struct GoldenReport {
  std::map<std::string, GoldenPrimStats> by_prim;  // by primitive name
  std::vector<std::string> problems;  // unreadable lines, unknown primitives (file:line: why)
  std::size_t lines = 0;
  std::size_t checked() const;
  std::size_t passed() const;
};

struct GoldenOptions {
  // Tokpidjin: every primitive is total (safe_dsl): the call runs with EvalCtx::compat, a
  // failure of the called primitive itself gives its safe default, and whether it did must
  // match the line's `defaulted` flag (a mismatch counts as a failure even if the values agree).
  Dialect dialect = Dialect::ArcDsl;
  std::size_t max_failures_per_prim = 5;
  Limits limits{};
};

// Replays every line of `path`. Throws std::runtime_error if the file cannot be opened.
// Results must be IDENTICAL to the recorded ones: same kinds (True is not 1 here), tuples
// item by item, sets as sets.
GoldenReport replay_golden(const std::string& path, const GoldenOptions& opt = {});

}  // namespace batt::dsl
