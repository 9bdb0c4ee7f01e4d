#include "program/names.hpp"

#include <algorithm>
#include <vector>

namespace batt::program {

namespace {

bool is_tvar(std::string_view s) noexcept {
  return s.size() > 1 && s[0] == 't' &&
         std::all_of(s.begin() + 1, s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

}  // namespace

NameClass classify_name(std::string_view name, dsl::Dialect dialect) noexcept {
  if (name == "S" || name == "I" || name == "C") return NameClass::Param;
  if (is_tvar(name)) return NameClass::TVar;  // no DSL name has the shape t<digits>
  if (dsl::find_constant(name, dialect)) return NameClass::Constant;
  if (dsl::find_prim(name, dialect) >= 0) return NameClass::Primitive;
  return NameClass::Unknown;
}

std::string suggest_name(std::string_view name, dsl::Dialect dialect) {
  std::string best;
  std::size_t best_d = std::max<std::size_t>(1, name.size() / 3) + 1;
  auto consider = [&](std::string_view candidate) {
    const std::size_t d = edit_distance(name, candidate);
    if (d < best_d) {
      best_d = d;
      best = candidate;
    }
  };
  for (const dsl::PrimInfo& p : dsl::all_prims()) {
    if (p.dialect == dialect) consider(p.name);
  }
  for (const dsl::ConstantInfo& c : dsl::all_constants(dialect)) consider(c.name);
  return best;
}

}  // namespace batt::program
