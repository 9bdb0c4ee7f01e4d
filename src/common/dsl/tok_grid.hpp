#pragma once
// Internal to the tokpidjin grid family (tok_grid*.cpp; table in tok_grid.cpp): the shared
// helpers of its files and the primitives each file implements. Besides the family only
// tok_later.cpp includes it (o_g_t and colorfilter_t build on o_g and colorfilter).
// Shared with the other families: tok_common.hpp (guarded inner calls, arc_body, item_at),
// tok_numbers.hpp (numbers with floats: tok_binop, tok_lt, the nan/inf sentinels) and
// tok_patch.hpp (patches read as the reference does: tok::locations, tok::shift_of, ...).
//
// The dialect's primitives are total (tokpidjin-dsl.md §2.2): each returns an Error value where
// the reference raises, and the caller substitutes the entry's safe default. When the reference
// calls another wrapped primitive inside one of these (cover calling fill, o_g calling objects,
// normalize calling uppermost, ...), a failure there gives THAT primitive's default and the outer
// call goes on: guarded() reproduces it. Every error kind therefore ends in the same default, so
// these helpers only care whether Python raises, not which exception it raises.
#include <cstdint>
#include <span>

#include "dsl/check.hpp"
#include "dsl/ctx.hpp"
#include "dsl/registry.hpp"
#include "dsl/tok_common.hpp"
#include "dsl/value.hpp"

namespace batt::dsl::detail::tokgrid {

// The helpers every tokpidjin family shares (tok_common.hpp).
using tok::arc_body;
using tok::guarded;
using tok::item_at;
using tok::tuple_of_set;

// ---- range tests --------------------------------------------------------------------------------

// `0 <= x < n` as a Bool (Python's chained comparison, which stops at the first false test);
// Type error when a comparison raises (x is no number).
Value in_range(const Value& x, std::int64_t n) noexcept;

// `if 0 <= i < h and 0 <= j < w: g[i][j] ...` for a location (i, j) read from a patch: `inside`
// tells the test; when it passes, i and j must be ints (list indices), else a Type error.
Value coords_in(const Value& i, const Value& j, std::int64_t h, std::int64_t w, bool& inside,
                std::int64_t& ii, std::int64_t& jj) noexcept;

// ---- grids as the reference iterates them ------------------------------------------------------

// `h, w = len(grid), len(grid[0])`: Type error (arg 1) when grid or its first row has no
// length, Index error (arg 1) when grid is empty. A Grid value is read in place.
Value grid_size(const Value& grid, EvalCtx& ctx, std::int64_t& h, std::int64_t& w) noexcept;

// `[list(r) for r in v]`: the items of every item of a container v (rows in iteration order),
// each row a span of its items. Type error when v or a row is not iterable.
struct Rows {
  std::span<const Value>* rows = nullptr;
  std::size_t n = 0;
  std::size_t cells = 0;  // total items of all rows
};
Value read_rows(const Value& v, EvalCtx& ctx, Rows& out) noexcept;

// `[v for r in grid for v in r]` as one flat span (grid any container of containers).
Value flat_values(const Value& grid, EvalCtx& ctx, std::span<const Value>& out) noexcept;

// `len(set(items)) == 1`: items is not empty and all its items are equal under the set's
// equality (compare() == 0: 1 == True == 1.0, nan is nan). No allocation.
bool all_same(std::span<const Value> items) noexcept;

// A tuple of h rows from row-major `cells` with the given row lengths (TupleBuilder normalises:
// a rectangle of colours becomes a Grid).
Value rows_to_tuple(std::span<const Value> cells, std::span<const std::size_t> lens,
                    EvalCtx& ctx) noexcept;

// `max(set(values), key=values.count)` (most) or min: the distinct values in ascending
// canonical order (the dialect's set order), the first strictly better count wins. values must
// not be empty.
Value common_value(std::span<const Value> values, bool most, EvalCtx& ctx) noexcept;

// mostcolor_t(grid) as the wrapped primitive returns it: nan for no values, 0 (its default) when
// the grid cannot be iterated; ties go to the smallest value (ascending set order).
Value mostcolor_t_of(const Value& grid, EvalCtx& ctx) noexcept;

// palette_t(grid) as the wrapped primitive returns it (frozenset() when it raises).
Value palette_t_of(const Value& grid, EvalCtx& ctx) noexcept;

// index(grid, loc) as the wrapped primitive returns it: -inf outside the grid or for loc == (),
// 0 (its default) when it raises.
Value index_of(const Value& grid, const Value& loc, EvalCtx& ctx) noexcept;

// crop(grid, start, dims) of the dialect: () unless the whole window lies inside the grid
// (tokpidjin-dsl.md §3.3). An error where Python raises.
Value tok_crop(const Value& grid, const Value& start, const Value& dims, EvalCtx& ctx) noexcept;

// mir_rot_t(grid, t) with each mirror/rotation wrapped (a failing one gives ()).
Value mir_rot_of(const Value& grid, const Value& t, EvalCtx& ctx) noexcept;

// `next(iter(obj))[2]`, an object's colour as colorfilter reads it (a set's first cell in
// iteration order, a tuple's obj[0]): Type error (arg 1) when obj is no container, Value error
// (arg 1) when it is empty (StopIteration), else what the subscript raises. Allocates only to
// read a grid row.
Value first_color(const Value& obj, EvalCtx& ctx, Value& out) noexcept;

// ---- the primitives, by file --------------------------------------------------------------------
// tok_grid_color.cpp
Value prim_mostcolor_t(Args a, EvalCtx& ctx) noexcept;
Value prim_mostcolor_f(Args a, EvalCtx& ctx) noexcept;
Value prim_leastcolor_t(Args a, EvalCtx& ctx) noexcept;
Value prim_leastcolor_f(Args a, EvalCtx& ctx) noexcept;
Value prim_palette_t(Args a, EvalCtx& ctx) noexcept;
Value prim_palette_f(Args a, EvalCtx& ctx) noexcept;
Value prim_numcolors_t(Args a, EvalCtx& ctx) noexcept;
Value prim_numcolors_f(Args a, EvalCtx& ctx) noexcept;
Value prim_colorcount_t(Args a, EvalCtx& ctx) noexcept;
Value prim_colorcount_f(Args a, EvalCtx& ctx) noexcept;
Value prim_get_color_rank_t(Args a, EvalCtx& ctx) noexcept;
Value prim_get_color_rank_f(Args a, EvalCtx& ctx) noexcept;
Value prim_p_g(Args a, EvalCtx& ctx) noexcept;
Value prim_p_o(Args a, EvalCtx& ctx) noexcept;
Value prim_p_f(Args a, EvalCtx& ctx) noexcept;
Value prim_color(Args a, EvalCtx& ctx) noexcept;
Value prim_colorfilter(Args a, EvalCtx& ctx) noexcept;

// tok_grid_objects.cpp
Value prim_asindices(Args a, EvalCtx& ctx) noexcept;
Value prim_asobject(Args a, EvalCtx& ctx) noexcept;
Value prim_objects(Args a, EvalCtx& ctx) noexcept;
Value prim_o_g(Args a, EvalCtx& ctx) noexcept;
Value prim_partition(Args a, EvalCtx& ctx) noexcept;
Value prim_fgpartition(Args a, EvalCtx& ctx) noexcept;
Value prim_toobject(Args a, EvalCtx& ctx) noexcept;
Value prim_f_ofcolor(Args a, EvalCtx& ctx) noexcept;
Value prim_frontiers(Args a, EvalCtx& ctx) noexcept;
Value prim_is_no_grid(Args a, EvalCtx& ctx) noexcept;

// tok_grid_paint.cpp
Value prim_fill(Args a, EvalCtx& ctx) noexcept;
Value prim_underfill(Args a, EvalCtx& ctx) noexcept;
Value prim_cover(Args a, EvalCtx& ctx) noexcept;
Value prim_paint(Args a, EvalCtx& ctx) noexcept;
Value prim_underpaint(Args a, EvalCtx& ctx) noexcept;
Value prim_move(Args a, EvalCtx& ctx) noexcept;
Value prim_switch(Args a, EvalCtx& ctx) noexcept;
Value prim_replace(Args a, EvalCtx& ctx) noexcept;
Value prim_cellwise(Args a, EvalCtx& ctx) noexcept;
Value prim_canvas(Args a, EvalCtx& ctx) noexcept;
Value prim_index(Args a, EvalCtx& ctx) noexcept;
Value prim_compress(Args a, EvalCtx& ctx) noexcept;

// tok_grid_shape.cpp
Value prim_crop(Args a, EvalCtx& ctx) noexcept;
Value prim_subgrid(Args a, EvalCtx& ctx) noexcept;
Value prim_height_t(Args a, EvalCtx& ctx) noexcept;
Value prim_width_t(Args a, EvalCtx& ctx) noexcept;
Value prim_shape_t(Args a, EvalCtx& ctx) noexcept;
Value prim_portrait_t(Args a, EvalCtx& ctx) noexcept;
Value prim_square_t(Args a, EvalCtx& ctx) noexcept;
Value prim_hmirror_t(Args a, EvalCtx& ctx) noexcept;
Value prim_vmirror_t(Args a, EvalCtx& ctx) noexcept;
Value prim_dmirror_t(Args a, EvalCtx& ctx) noexcept;
Value prim_cmirror_t(Args a, EvalCtx& ctx) noexcept;
Value prim_mir_rot_t(Args a, EvalCtx& ctx) noexcept;
Value prim_upscale_t(Args a, EvalCtx& ctx) noexcept;
Value prim_lefthalf(Args a, EvalCtx& ctx) noexcept;
Value prim_righthalf(Args a, EvalCtx& ctx) noexcept;
Value prim_hsplit(Args a, EvalCtx& ctx) noexcept;
Value prim_vsplit(Args a, EvalCtx& ctx) noexcept;

// tok_grid_samples.cpp
Value prim_a_mr(Args a, EvalCtx& ctx) noexcept;
Value prim_c_iz(Args a, EvalCtx& ctx) noexcept;
Value prim_c_zo(Args a, EvalCtx& ctx) noexcept;
Value prim_c_iz_n(Args a, EvalCtx& ctx) noexcept;
Value prim_c_zo_n(Args a, EvalCtx& ctx) noexcept;

// tok_grid_period.cpp (patch-reading primitives: occurrences, hperiod, vperiod)
Value prim_occurrences(Args a, EvalCtx& ctx) noexcept;
Value prim_hperiod(Args a, EvalCtx& ctx) noexcept;
Value prim_vperiod(Args a, EvalCtx& ctx) noexcept;

}  // namespace batt::dsl::detail::tokgrid
