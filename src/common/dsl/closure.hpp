#pragma once
// Calling values. Every call of a DSL value as a function (a primitive or a closure) goes
// through apply(): it checks the arity, propagates Error arguments, counts a step, bounds the
// nesting depth, and stamps the primitive's registry index into errors it returns.
#include <cstdint>
#include <initializer_list>

#include "dsl/check.hpp"
#include "dsl/ctx.hpp"
#include "dsl/value.hpp"

namespace batt::dsl {

// Calls f(args...). Not callable: Type error. Wrong number of arguments: Arity error. An
// Error among the arguments is returned as is (Python would have raised before the call).
// Step budget or deadline exhausted: Timeout error. Nesting too deep: Recursion error.
// With ctx.compat (the reference's safe_dsl wrappers, tokpidjin-pipeline.md §2.5): when f is a
// primitive and its call fails with anything but Timeout/Resource (a wrong number of
// arguments included), the result is the primitive's safe default instead. Only primitives
// are wrapped: an error from calling a closure (its arity, or something it calls that is
// not a primitive) or a non-callable is returned as is, so it reaches the primitive that made
// the call (which then gives its own default) or the caller of apply() (a batt line).
Value apply(const Value& f, Args args, EvalCtx& ctx) noexcept;

// The call of primitive `k` (a registry index) inside apply(), once the arguments are known
// to be values and the step is counted: a wrong number of arguments is an Arity error, and an
// error is the primitive's safe default under ctx.compat (budget errors excepted; *defaulted
// is then set to true when given), otherwise returned with k stamped into it. For callers
// that replay a call as the reference's wrapper makes it (the golden harness).
Value call_prim(std::int32_t k, Args args, EvalCtx& ctx, bool* defaulted = nullptr) noexcept;

// Convenience overloads for the common fixed arities.
inline Value apply1(const Value& f, const Value& x, EvalCtx& ctx) noexcept {
  return apply(f, Args(&x, 1), ctx);
}
inline Value apply2(const Value& f, const Value& x, const Value& y, EvalCtx& ctx) noexcept {
  const Value a[2] = {x, y};
  return apply(f, a, ctx);
}

// The number of positional parameters of a callable, as Python's
// `f.__code__.co_argcount` reports it: the registry arity for a primitive, the lambda's
// arity for a closure (1 for compose/chain/fork/matcher/power, 1-3 for rbind/lbind).
// -1 for a callable that takes any number (the Callable safe default); -2 when f is not
// callable (Python raises AttributeError when rbind/lbind read it).
int arity_of(const Value& f) noexcept;

// A closure of `kind` taking `arity` arguments with the captured values `caps` (at most 3).
// Resource error if the arena is exhausted.
Value make_closure(ClosureKind kind, int arity, std::initializer_list<Value> caps,
                   EvalCtx& ctx) noexcept;

}  // namespace batt::dsl
