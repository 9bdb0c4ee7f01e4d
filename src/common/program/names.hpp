#pragma once
// What a name in a candidate program refers to, resolved against the DSL registry of a
// dialect, and the nearest known name for an unknown one ("did you mean ...?").
#include <string>
#include <string_view>

#include "dsl/registry.hpp"

namespace batt::program {

enum class NameClass : std::uint8_t {
  Param,      // S, I, C
  Constant,   // ZERO, T, DOWN, ...
  Primitive,  // a DSL primitive used as a callee or as a value
  TVar,       // t<digits> never assigned: a dangling batt reference
  Unknown,    // anything else: the candidate cannot be evaluated
};

NameClass classify_name(std::string_view name, dsl::Dialect dialect) noexcept;

// The known name (primitive or constant) nearest to `name` by edit distance, if it is close
// enough to be a likely typo (distance at most max(1, length / 3)); "" otherwise.
std::string suggest_name(std::string_view name, dsl::Dialect dialect);

}  // namespace batt::program
