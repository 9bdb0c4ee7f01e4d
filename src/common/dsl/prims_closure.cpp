// Closure-making primitives: compose, chain, matcher, rbind, lbind, power, fork.
// They never fail at construction (Python builds the lambda whatever it captures); errors
// surface when the closure is applied (closure.cpp). rbind/lbind reflect the arity of their
// function argument like the reference's co_argcount (reference/arc-dsl.md §4).
#include "dsl/closure.hpp"
#include "dsl/registry.hpp"

namespace batt::dsl {

namespace {

// Largest n for which power(f, n) does not hit CPython's recursion limit (1000 frames, a few
// of them already used by the caller).
constexpr std::int64_t kMaxPower = 990;

// rbind/lbind: 2 parameters -> unary closure, 3 -> binary, anything else -> ternary.
int bound_arity(int n) noexcept {
  return n == 2 ? 1 : (n == 3 ? 2 : 3);
}

Value prim_compose(Args a, EvalCtx& ctx) noexcept {
  return make_closure(ClosureKind::Compose, 1, {a[0], a[1]}, ctx);
}

Value prim_chain(Args a, EvalCtx& ctx) noexcept {
  return make_closure(ClosureKind::Chain, 1, {a[0], a[1], a[2]}, ctx);
}

Value prim_matcher(Args a, EvalCtx& ctx) noexcept {
  return make_closure(ClosureKind::Matcher, 1, {a[0], a[1]}, ctx);
}

Value prim_fork(Args a, EvalCtx& ctx) noexcept {
  return make_closure(ClosureKind::Fork, 1, {a[0], a[1], a[2]}, ctx);
}

Value bind(ClosureKind kind, Args a, EvalCtx& ctx) noexcept {
  const int n = arity_of(a[0]);
  if (n == -2) return type_error(1);  // AttributeError: no __code__
  return make_closure(kind, bound_arity(n), {a[0], a[1]}, ctx);
}

Value prim_rbind(Args a, EvalCtx& ctx) noexcept {
  return bind(ClosureKind::Rbind, a, ctx);
}

Value prim_lbind(Args a, EvalCtx& ctx) noexcept {
  return bind(ClosureKind::Lbind, a, ctx);
}

Value prim_power(Args a, EvalCtx& ctx) noexcept {
  // `if n == 1: return function` holds for True as well; then `n - 1` needs an int.
  if (equal(a[1], Value::integer(1))) return a[0];
  std::int64_t n;
  if (!get_int(a[1], n)) return type_error(2);
  if (n < 1 || n > kMaxPower) return recursion_error();
  return make_closure(ClosureKind::Power, 1, {a[0], Value::integer(n)}, ctx);
}

constexpr std::uint16_t kClo = kHigherOrder | kMakesClosure;
using K = Kind;

constexpr PrimInfo kTable[] = {
    {"compose", prim_compose, 2, {K::Callable, K::Callable}, K::Callable, kClo},
    {"chain", prim_chain, 3, {K::Callable, K::Callable, K::Callable}, K::Callable, kClo},
    {"matcher", prim_matcher, 2, {K::Callable, K::Any}, K::Callable, kClo},
    {"rbind", prim_rbind, 2, {K::Callable, K::Any}, K::Callable, kClo},
    {"lbind", prim_lbind, 2, {K::Callable, K::Any}, K::Callable, kClo},
    {"power", prim_power, 2, {K::Callable, K::Integer}, K::Callable, kClo},
    {"fork", prim_fork, 3, {K::Callable, K::Callable, K::Callable}, K::Callable, kClo},
};

}  // namespace

std::span<const PrimInfo> detail::closure_prims() noexcept {
  return kTable;
}

}  // namespace batt::dsl
