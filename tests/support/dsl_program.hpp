#pragma once
// A tiny way to write DSL programs in C++ test code, through the registry only:
//   Dsl d(ctx);  Value x1 = d("objects", I, "T", "F", "F");  Value O = d(x2, I);
// Arguments are Values, integers, or names (a constant such as "ZERO"/"T"/"DOWN", else a
// primitive such as "flip"). Calling through d(...) goes through apply(), exactly like the
// evaluator will. Names are resolved once per string literal (cached by address) and the
// arguments live on the stack, so timing a program measures the DSL, not this wrapper.
#include <cstdint>
#include <stdexcept>
#include <string>

#include "dsl/closure.hpp"
#include "dsl/registry.hpp"

namespace batt::dsl::testing {

class Dsl {
 public:
  explicit Dsl(EvalCtx& ctx) : ctx_(ctx) {}

  static Value name(const char* n) {
    // Direct-mapped cache by string-literal address; a miss resolves through the registry.
    struct Slot {
      const char* key = nullptr;
      Value value;
    };
    thread_local Slot cache[512];
    Slot& slot = cache[(reinterpret_cast<std::uintptr_t>(n) >> 3) % 512];
    if (slot.key == n) return slot.value;
    Value v;
    if (auto c = find_constant(n)) {
      v = *c;
    } else {
      const std::int32_t p = find_prim(n);
      if (p < 0) throw std::invalid_argument(std::string("unknown DSL name ") + n);
      v = Value::prim(p);
    }
    slot = {n, v};
    return v;
  }

  template <typename... A>
  Value operator()(const Value& f, const A&... args) {
    if constexpr (sizeof...(A) == 0) {
      return apply(f, {}, ctx_);
    } else {
      const Value v[] = {arg(args)...};
      return apply(f, v, ctx_);
    }
  }
  template <typename... A>
  Value operator()(const char* f, const A&... args) {
    return (*this)(name(f), args...);
  }

 private:
  static Value arg(const Value& v) { return v; }
  static Value arg(const char* n) { return name(n); }
  static Value arg(int v) { return Value::integer(v); }

  EvalCtx& ctx_;
};

}  // namespace batt::dsl::testing
