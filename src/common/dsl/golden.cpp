#include "dsl/golden.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "dsl/closure.hpp"
#include "dsl/value_json.hpp"

namespace batt::dsl {

std::size_t GoldenReport::checked() const {
  std::size_t n = 0;
  for (const auto& [name, s] : by_prim) n += s.checked;
  return n;
}

std::size_t GoldenReport::passed() const {
  std::size_t n = 0;
  for (const auto& [name, s] : by_prim) n += s.passed;
  return n;
}

GoldenReport replay_golden(const std::string& path, const GoldenOptions& opt) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open golden file " + path);
  GoldenReport report;
  Arena arena;
  std::string line;
  while (std::getline(in, line)) {
    ++report.lines;
    const std::string where = path + ":" + std::to_string(report.lines) + ": ";
    nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object() || !j.contains("fn") || !j.contains("args")) {
      report.problems.push_back(where + "not a golden record");
      continue;
    }
    const std::string fn = j["fn"].get<std::string>();
    const std::int32_t prim = find_prim(fn, opt.dialect);
    if (prim < 0) {
      report.problems.push_back(where + "unknown primitive " + fn);
      continue;
    }
    arena.reset();
    EvalCtx ctx(arena, opt.limits);
    std::string why;
    std::vector<Value> args;
    for (const auto& a : j["args"]) args.push_back(value_from_json(a, ctx, why, opt.dialect));
    const Value want = value_from_json(j["out"], ctx, why, opt.dialect);
    if (!why.empty()) {
      report.problems.push_back(where + why);
      continue;
    }
    Value got;
    bool defaulted = false;
    if (opt.dialect == Dialect::Tokpidjin) {
      // safe_dsl around the called primitive: its own failure (wrong arity included) gives
      // its default; failures of the primitives it calls are handled by apply() (compat).
      ctx.compat = true;
      got = call_prim(prim, args, ctx, &defaulted);
    } else {
      got = apply(Value::prim(prim), args, ctx);
    }
    GoldenPrimStats& st = report.by_prim[fn];
    if (j.value("order_sensitive", false)) {
      ++st.order_sensitive;
      continue;
    }
    ++st.checked;
    const bool want_defaulted = j.value("defaulted", false);
    st.defaulted += want_defaulted ? 1 : 0;
    if (identical(got, want) && defaulted == want_defaulted) {
      ++st.passed;
    } else if (st.failures.size() < opt.max_failures_per_prim) {
      std::string args_repr;
      for (std::size_t k = 0; k < args.size(); ++k) args_repr += (k ? ", " : "") + repr(args[k]);
      st.failures.push_back({report.lines, args_repr,
                             repr(want) + (want_defaulted ? " (defaulted)" : ""),
                             repr(got) + (defaulted ? " (defaulted)" : "")});
    }
  }
  return report;
}

}  // namespace batt::dsl
