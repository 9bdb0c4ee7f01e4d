#include "dsl/pyops.hpp"

#include <cstring>

#include "dsl/grid.hpp"
#include "dsl/set.hpp"
#include "dsl/tuple.hpp"

namespace batt::dsl {

namespace {

// `x + y` for two tuples. A side that is empty leaves the other unchanged (same value).
Value concat(const Value& x, const Value& y, EvalCtx& ctx) noexcept {
  if (len_of(y) == 0) return x;
  if (len_of(x) == 0) return y;
  std::span<const Value> a, b;
  if (Value e = items_of(x, ctx, a); e.is_error()) return e;
  if (Value e = items_of(y, ctx, b); e.is_error()) return e;
  TupleBuilder t(ctx, a.size() + b.size());
  for (const Value& v : a) t.push(v);
  for (const Value& v : b) t.push(v);
  return t.finish();
}

// `seq * count` for a tuple (Python repetition).
Value repeat_tuple(const Value& seq, std::int64_t count, EvalCtx& ctx) noexcept {
  std::span<const Value> items;
  if (Value e = items_of(seq, ctx, items); e.is_error()) return e;
  if (count <= 0 || items.empty()) return empty_tuple();
  const auto total = static_cast<std::uint64_t>(items.size()) * static_cast<std::uint64_t>(count);
  if (!ctx.items_ok(total) || !ctx.charge(total)) return resource_error();
  TupleBuilder b(ctx, total);
  for (std::int64_t k = 0; k < count; ++k) {
    for (const Value& v : items) b.push(v);
  }
  return b.finish();
}

// Whether some right operand makes `x op ...` valid in Python (decides which side a Type error
// names).
bool left_ok(PyOp op, const Value& x) noexcept {
  switch (op) {
    case PyOp::Add:
    case PyOp::Mul:
      return x.is_intlike() || x.is_tuplelike();
    case PyOp::Sub:
    case PyOp::And:
      return x.is_intlike() || x.is_set();
    case PyOp::FloorDiv:
      return x.is_intlike();
  }
  return false;
}

}  // namespace

// ---- iteration ------------------------------------------------------------------------------

// ---- subscripts and unpacking ---------------------------------------------------------------

Value item_pair(const Value& v, int arg, EvalCtx& ctx, Value& x0, Value& x1) noexcept {
  if (!v.is_tuplelike()) return type_error(arg);
  if (len_of(v) < 2) return index_error(arg);
  x0 = tuple_item(v, 0, ctx);
  x1 = tuple_item(v, 1, ctx);
  if (x0.is_error()) return x0;
  if (x1.is_error()) return x1;
  return Value::none();
}

Value int_item_pair(const Value& v, int arg, EvalCtx& ctx, std::int64_t& i,
                    std::int64_t& j) noexcept {
  if (get_ij(v, i, j)) return Value::none();
  Value x, y;
  if (Value e = item_pair(v, arg, ctx, x, y); e.is_error()) return e;
  if (!x.is_intlike() || !y.is_intlike()) return type_error(arg);
  i = x.as_int();
  j = y.as_int();
  return Value::none();
}

Value unpack2(const Value& v, int arg, EvalCtx& ctx, Value& x, Value& y) noexcept {
  switch (v.tag()) {
    case Tag::Pair:
      x = Value::integer(v.a());
      y = Value::integer(v.b());
      return Value::none();
    case Tag::Cell:
      x = Value::integer(v.cell_color());
      y = v.cell_loc();
      return Value::none();
    case Tag::Grid:
      if (v.as_grid().h != 2) return value_error(arg);
      x = grid_row(v.as_grid(), 0, ctx);
      y = grid_row(v.as_grid(), 1, ctx);
      if (x.is_error()) return x;
      if (y.is_error()) return y;
      return Value::none();
    case Tag::Tuple:
    case Tag::Set: {
      std::span<const Value> items;
      if (Value e = items_of(v, ctx, items); e.is_error()) return e;
      if (items.size() != 2) return value_error(arg);
      x = items[0];
      y = items[1];
      return Value::none();
    }
    default:
      return type_error(arg);
  }
}

Value unpack_int_pair(const Value& v, int arg, std::int64_t& i, std::int64_t& j) noexcept {
  if (get_ij(v, i, j)) return Value::none();
  const std::int64_t n = len_of(v);
  return n >= 0 && n != 2 ? value_error(arg) : type_error(arg);
}

Value first_item_head(const Value& c, int arg, EvalCtx& ctx, Value& out) noexcept {
  switch (c.tag()) {
    case Tag::Set: {
      const SetObj& s = c.as_set();
      if (s.n == 0) return value_error(arg);
      const Value& e = s.items()[0];
      if (e.is_cell()) {
        out = Value::integer(e.cell_color());
        return Value::none();
      }
      return subscript(e, 0, arg, ctx, out);
    }
    case Tag::Grid:
      out = Value::integer(c.as_grid().cells()[0]);
      return Value::none();
    case Tag::Tuple:
      if (c.as_tuple().n == 0) return value_error(arg);
      return subscript(c.as_tuple().items()[0], 0, arg, ctx, out);
    default:
      return type_error(arg);  // an int first item (Pair, Cell) or not iterable
  }
}

// ---- slicing --------------------------------------------------------------------------------

Value slice_of(const Value& v, std::int64_t s, std::int64_t e, EvalCtx& ctx) noexcept {
  if (e <= s) return empty_tuple();
  if (v.is_grid()) {
    const GridObj& g = v.as_grid();
    return make_grid_result(ctx, e - s, g.w, [&](std::int8_t* out) {
      std::memcpy(out, g.cells() + s * g.w, static_cast<std::size_t>((e - s) * g.w));
    });
  }
  if (v.is_tuple() && s == 0 && e == v.as_tuple().n) return v;
  std::span<const Value> items;
  if (Value err = items_of(v, ctx, items); err.is_error()) return err;
  return tuple_of(items.subspan(static_cast<std::size_t>(s), static_cast<std::size_t>(e - s)), ctx);
}

Value reversed_of(const Value& v, EvalCtx& ctx) noexcept {
  if (v.is_pair()) return Value::pair(v.b(), v.a());
  if (v.is_grid()) {
    const GridObj& g = v.as_grid();
    return make_grid_result(ctx, g.h, g.w, [&](std::int8_t* out) {
      for (std::int32_t i = g.h; i-- > 0; out += g.w) std::memcpy(out, g.row(i).data(), g.w);
    });
  }
  std::span<const Value> items;
  if (Value err = items_of(v, ctx, items); err.is_error()) return err;
  TupleBuilder b(ctx, items.size());
  for (std::size_t k = items.size(); k-- > 0;) b.push(items[k]);
  return b.finish();
}

// ---- arithmetic -----------------------------------------------------------------------------

Value py_int_op(PyOp op, const Value& x, const Value& y, int yarg) noexcept {
  const std::int64_t a = x.as_int(), b = y.as_int();
  std::int64_t r = 0;
  switch (op) {
    case PyOp::Add:
      if (__builtin_add_overflow(a, b, &r)) return overflow_error();
      break;
    case PyOp::Sub:
      if (__builtin_sub_overflow(a, b, &r)) return overflow_error();
      break;
    case PyOp::Mul:
      if (__builtin_mul_overflow(a, b, &r)) return overflow_error();
      break;
    case PyOp::FloorDiv:
      if (b == 0) return zero_division_error(yarg);
      if (a == INT64_MIN && b == -1) return overflow_error();
      r = floor_div(a, b);
      break;
    case PyOp::And:
      r = a & b;
      if (x.is_bool() && y.is_bool()) return Value::boolean(r != 0);
      break;
  }
  return Value::integer(r);
}

Value py_binop(PyOp op, const Value& x, const Value& y, EvalCtx& ctx, int xarg, int yarg) noexcept {
  if (x.is_intlike() && y.is_intlike()) return py_int_op(op, x, y, yarg);
  switch (op) {
    case PyOp::Add:
      if (x.is_tuplelike() && y.is_tuplelike()) return concat(x, y, ctx);
      break;
    case PyOp::Mul:
      if (x.is_tuplelike() && y.is_intlike()) return repeat_tuple(x, y.as_int(), ctx);
      if (x.is_intlike() && y.is_tuplelike()) return repeat_tuple(y, x.as_int(), ctx);
      break;
    case PyOp::Sub:
      if (x.is_set() && y.is_set()) return set_difference(x.as_set(), y.as_set(), ctx);
      break;
    case PyOp::And:
      if (x.is_set() && y.is_set()) return set_intersection(x.as_set(), y.as_set(), ctx);
      break;
    case PyOp::FloorDiv:
      break;
  }
  return type_error(left_ok(op, x) ? yarg : xarg);
}

Value pair_of(const Value& r0, const Value& r1, EvalCtx& ctx) noexcept {
  if (r0.is_error()) return r0;
  if (r1.is_error()) return r1;
  return tuple2(r0, r1, ctx);
}

}  // namespace batt::dsl
