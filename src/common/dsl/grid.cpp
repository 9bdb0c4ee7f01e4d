#include "dsl/grid.hpp"

#include "dsl/check.hpp"
#include "dsl/tuple.hpp"

namespace batt::dsl {

GridObj* new_grid(EvalCtx& ctx, std::int64_t h, std::int64_t w) noexcept {
  if (h < 1 || w < 1 || h > INT32_MAX || w > INT32_MAX) return nullptr;
  const auto area = static_cast<std::uint64_t>(h) * static_cast<std::uint64_t>(w);
  if (!ctx.items_ok(area)) return nullptr;
  auto* g = static_cast<GridObj*>(ctx.alloc(sizeof(GridObj) + area));
  if (!g) return nullptr;
  g->h = static_cast<std::int32_t>(h);
  g->w = static_cast<std::int32_t>(w);
  return g;
}

Value empty_rows(EvalCtx& ctx, std::int64_t h) noexcept {
  if (h <= 0) return empty_tuple();
  TupleBuilder b(ctx, static_cast<std::size_t>(h));
  for (std::int64_t i = 0; i < h && b.ok(); ++i) b.push(empty_tuple());
  return b.finish();
}

std::int64_t first_row_len(const Value& grid, EvalCtx& ctx) noexcept {
  if (grid.is_grid()) return grid.as_grid().w;
  return len_of(tuple_item(grid, 0, ctx));
}

GridForm grid_form(const Value& v) noexcept {
  if (v.is_grid()) return GridForm::Grid;
  if (!v.is_tuple()) return GridForm::Other;
  const TupleObj& t = v.as_tuple();
  if (t.n == 0) return GridForm::Empty;
  for (const Value& r : t.span()) {
    if (!r.is_tuple() || r.as_tuple().n != 0) return GridForm::Other;
  }
  return GridForm::NoCols;
}

}  // namespace batt::dsl
