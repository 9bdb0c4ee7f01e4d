#include "dsl/tuple.hpp"

#include "dsl/check.hpp"
#include "dsl/grid.hpp"

namespace batt::dsl {

namespace {

alignas(16) TupleObj g_empty_tuple{0, 0};

constexpr std::size_t tuple_bytes(std::size_t n) noexcept {
  return sizeof(TupleObj) + n * sizeof(Value);
}

bool is_small_int(const Value& v) noexcept {
  return v.is_int() && fits_i8(v.as_int());
}

// Width of `v` as a grid row (a tuple whose items are all plain ints in int8 range), or 0.
std::int32_t row_width(const Value& v) noexcept {
  if (v.is_pair()) return (fits_i8(v.a()) && fits_i8(v.b())) ? 2 : 0;
  if (v.is_triple()) return (fits_i8(v.a()) && fits_i8(v.b()) && fits_i8(v.c())) ? 3 : 0;
  if (!v.is_tuple()) return 0;
  const TupleObj& t = v.as_tuple();
  if (t.n == 0) return 0;
  for (const Value& x : t.span()) {
    if (!is_small_int(x)) return 0;
  }
  return static_cast<std::int32_t>(t.n);
}

// The normalised value for the n items at `items` (see value.hpp); nullopt-like: returns an
// Error(Type) sentinel when the items are a plain Tuple.
Value normalise(const Value* items, std::size_t n, EvalCtx& ctx) noexcept {
  if (n == 2) {
    const Value& x = items[0];
    const Value& y = items[1];
    if (x.is_int() && fits_i32(x.as_int())) {
      if (y.is_int() && fits_i32(y.as_int())) {
        return Value::pair(static_cast<std::int32_t>(x.as_int()),
                           static_cast<std::int32_t>(y.as_int()));
      }
      if (y.is_pair()) return Value::cell(static_cast<std::int32_t>(x.as_int()), y.a(), y.b());
    }
  }
  if (n == 3 && items[0].is_int() && items[1].is_int() && items[2].is_int() &&
      fits_i32(items[0].as_int()) && fits_i32(items[1].as_int()) && fits_i32(items[2].as_int())) {
    return Value::triple(static_cast<std::int32_t>(items[0].as_int()),
                         static_cast<std::int32_t>(items[1].as_int()),
                         static_cast<std::int32_t>(items[2].as_int()));
  }
  if (n == 0) return empty_tuple();
  const std::int32_t w = row_width(items[0]);
  if (w == 0) return type_error();
  for (std::size_t k = 1; k < n; ++k) {
    if (row_width(items[k]) != w) return type_error();
  }
  GridObj* g = new_grid(ctx, static_cast<std::int64_t>(n), w);
  if (!g) return resource_error();
  std::int8_t* c = g->cells();
  for (std::size_t k = 0; k < n; ++k) {
    const Value& r = items[k];
    if (r.is_pair() || r.is_triple()) {
      *c++ = static_cast<std::int8_t>(r.a());
      *c++ = static_cast<std::int8_t>(r.b());
      if (r.is_triple()) *c++ = static_cast<std::int8_t>(r.c());
    } else {
      for (const Value& x : r.as_tuple().span()) *c++ = static_cast<std::int8_t>(x.as_int());
    }
  }
  return Value::grid(g);
}

}  // namespace

Value empty_tuple() noexcept {
  return Value::tuple(&g_empty_tuple);
}

TupleBuilder::TupleBuilder(EvalCtx& ctx, std::size_t cap) noexcept : ctx_(ctx), cap_(cap) {
  if (!ctx.items_ok(cap)) return;
  obj_ = static_cast<TupleObj*>(ctx.alloc(tuple_bytes(cap)));
}

Value TupleBuilder::finish() noexcept {
  if (!obj_) return resource_error();
  Value norm = normalise(obj_->items(), n_, ctx_);
  if (!norm.is_error() || norm.err_code() == ErrCode::Resource) {
    ctx_.arena().shrink_last(obj_, 0);
    return norm;
  }
  obj_->n = static_cast<std::uint32_t>(n_);
  ctx_.arena().shrink_last(obj_, tuple_bytes(n_));
  return Value::tuple(obj_);
}

Value tuple_of(std::span<const Value> items, EvalCtx& ctx) noexcept {
  TupleBuilder b(ctx, items.size());
  for (const Value& v : items) b.push(v);
  return b.finish();
}

Value make_int_pair(std::int64_t a, std::int64_t b, EvalCtx& ctx) noexcept {
  return tuple2(Value::integer(a), Value::integer(b), ctx);
}

Value tuple2(const Value& x, const Value& y, EvalCtx& ctx) noexcept {
  if (x.is_int() && fits_i32(x.as_int())) {
    const auto a = static_cast<std::int32_t>(x.as_int());
    if (y.is_int() && fits_i32(y.as_int())) {
      return Value::pair(a, static_cast<std::int32_t>(y.as_int()));
    }
    if (y.is_pair()) return Value::cell(a, y.a(), y.b());
  }
  const Value items[2] = {x, y};
  return tuple_of(items, ctx);
}

std::int64_t len_of(const Value& v) noexcept {
  switch (v.tag()) {
    case Tag::Tuple:
      return v.as_tuple().n;
    case Tag::Set:
      return v.as_set().n;
    case Tag::Grid:
      return v.as_grid().h;
    case Tag::Pair:
    case Tag::Cell:
      return 2;
    case Tag::Triple:
      return 3;
    default:
      return -1;
  }
}

Value grid_row(const GridObj& g, std::int32_t i, EvalCtx& ctx) noexcept {
  auto row = g.row(i);
  if (g.w == 2) return Value::pair(row[0], row[1]);
  if (g.w == 3) return Value::triple(row[0], row[1], row[2]);
  auto* t = static_cast<TupleObj*>(ctx.alloc(tuple_bytes(row.size())));
  if (!t) return resource_error();
  t->n = static_cast<std::uint32_t>(row.size());
  for (std::size_t k = 0; k < row.size(); ++k) t->items()[k] = Value::integer(row[k]);
  return Value::tuple(t);
}

Value tuple_item(const Value& v, std::size_t k, EvalCtx& ctx) noexcept {
  switch (v.tag()) {
    case Tag::Tuple:
      return v.as_tuple().items()[k];
    case Tag::Grid:
      return grid_row(v.as_grid(), static_cast<std::int32_t>(k), ctx);
    case Tag::Pair:
      return Value::integer(k == 0 ? v.a() : v.b());
    case Tag::Cell:
      return k == 0 ? Value::integer(v.cell_color()) : v.cell_loc();
    case Tag::Triple:
      return Value::integer(k == 0 ? v.a() : k == 1 ? v.b() : v.c());
    default:
      return type_error();
  }
}

Value items_of(const Value& v, EvalCtx& ctx, std::span<const Value>& out, int arg) noexcept {
  switch (v.tag()) {
    case Tag::Tuple:
      out = v.as_tuple().span();
      return Value::none();
    case Tag::Set:
      out = v.as_set().span();
      return Value::none();
    case Tag::Pair:
    case Tag::Cell:
    case Tag::Triple:
    case Tag::Grid: {
      const auto n = static_cast<std::size_t>(len_of(v));
      auto* items = static_cast<Value*>(ctx.alloc(n * sizeof(Value)));
      if (!items) return resource_error();
      for (std::size_t k = 0; k < n; ++k) {
        items[k] = tuple_item(v, k, ctx);
        if (items[k].is_error()) return items[k];
      }
      out = {items, n};
      return Value::none();
    }
    default:
      return type_error(arg);
  }
}

}  // namespace batt::dsl
