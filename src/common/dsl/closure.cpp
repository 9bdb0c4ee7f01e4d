#include "dsl/closure.hpp"

#include <algorithm>
#include <array>

#include "dsl/registry.hpp"
#include "dsl/tuple.hpp"

namespace batt::dsl {

namespace {

constexpr std::size_t kMaxArgs = 4;  // no primitive or closure takes more

// Calls a closure whose arity already matched `args`.
Value call_closure(const ClosureObj& c, Args args, EvalCtx& ctx) noexcept {
  const Value* cap = c.caps();
  switch (c.kind) {
    case ClosureKind::Compose: {
      Value inner = apply(cap[1], args, ctx);
      if (inner.is_error()) return inner;
      return apply1(cap[0], inner, ctx);
    }
    case ClosureKind::Chain: {
      Value x = apply(cap[2], args, ctx);
      if (x.is_error()) return x;
      x = apply1(cap[1], x, ctx);
      if (x.is_error()) return x;
      return apply1(cap[0], x, ctx);
    }
    case ClosureKind::Fork: {
      const Value a = apply(cap[1], args, ctx);
      if (a.is_error()) return a;
      const Value b = apply(cap[2], args, ctx);
      if (b.is_error()) return b;
      return apply2(cap[0], a, b, ctx);
    }
    case ClosureKind::Matcher: {
      const Value r = apply(cap[0], args, ctx);
      if (r.is_error()) return r;
      return Value::boolean(py_eq(r, cap[1]));  // `function(x) == target`
    }
    case ClosureKind::Rbind:
    case ClosureKind::Lbind: {
      std::array<Value, kMaxArgs> full;
      const bool left = c.kind == ClosureKind::Lbind;
      std::size_t n = 0;
      if (left) full[n++] = cap[1];
      for (const Value& a : args) full[n++] = a;
      if (!left) full[n++] = cap[1];
      return apply(cap[0], Args(full.data(), n), ctx);
    }
    case ClosureKind::Power: {
      // function applied n times, innermost first: compose(f, power(f, n - 1)).
      Value x = args[0];
      for (std::int64_t k = cap[1].as_int(); k > 0; --k) {
        x = apply1(cap[0], x, ctx);
        if (x.is_error()) return x;
      }
      return x;
    }
    case ClosureKind::ConstEmpty:
      return empty_tuple();
  }
  return type_error();
}

// call_prim(), which apply() inlines (the hot path: `defaulted` is nullptr there).
inline Value prim_call(std::int32_t k, Args args, EvalCtx& ctx, bool* defaulted) noexcept {
  const PrimInfo& p = prim_info(k);
  Value r = !p.accepts(args.size()) ? Value::error(ErrCode::Arity, 0, k) : p.fn(args, ctx);
  if (!r.is_error()) return r;
  // Compatibility (safe_dsl, tokpidjin-pipeline.md §2.5): the wrapper of a primitive turns
  // any exception raised in it, a wrong number of arguments included, into its default.
  // Budget errors are batt_mpi's own and always end the evaluation.
  if (ctx.compat && !is_budget_error(r)) {
    if (defaulted) *defaulted = true;
    return safe_default_value(p.safe_default());
  }
  return r.with_err_prim(k);
}

}  // namespace

Value call_prim(std::int32_t k, Args args, EvalCtx& ctx, bool* defaulted) noexcept {
  return prim_call(k, args, ctx, defaulted);
}

Value apply(const Value& f, Args args, EvalCtx& ctx) noexcept {
  // An Error argument: Python raised while computing it, before this call was made.
  for (const Value& a : args) {
    if (a.is_error()) return a;
  }
  if (!ctx.charge()) return timeout_error();
  if (f.is_prim()) return prim_call(f.prim_index(), args, ctx, nullptr);
  // Closures and non-callables are not wrapped: their errors propagate (in compatibility mode
  // to the primitive that called them, which gives its own default, or to the batt line).
  if (f.is_closure()) {
    const ClosureObj& c = f.as_closure();
    if (c.arity >= 0 && args.size() != static_cast<std::size_t>(c.arity)) {
      return Value::error(ErrCode::Arity);
    }
    if (ctx.depth >= ctx.limits().max_depth) return recursion_error();
    ++ctx.depth;
    const Value r = call_closure(c, args, ctx);
    --ctx.depth;
    return r;
  }
  return type_error();
}

int arity_of(const Value& f) noexcept {
  if (f.is_prim()) return prim_info(f.prim_index()).arity;
  if (f.is_closure()) return f.as_closure().arity;
  return -2;
}

Value make_closure(ClosureKind kind, int arity, std::initializer_list<Value> caps,
                   EvalCtx& ctx) noexcept {
  const std::size_t n = caps.size();
  auto* c = static_cast<ClosureObj*>(ctx.alloc(sizeof(ClosureObj) + n * sizeof(Value)));
  if (!c) return resource_error();
  c->kind = kind;
  c->arity = static_cast<std::int8_t>(arity);
  c->n = static_cast<std::uint8_t>(n);
  std::copy(caps.begin(), caps.end(), c->caps());
  return Value::closure(c);
}

}  // namespace batt::dsl
