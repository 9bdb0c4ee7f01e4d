#pragma once
// The primitives of the tokpidjin patch family that live outside tok_patch.cpp, declared for
// its registry table (detail::tok_patch_prims). Each has the registry signature and the
// semantics of the reference function of the same name (tok_patch.hpp conventions).
#include "dsl/check.hpp"
#include "dsl/ctx.hpp"
#include "dsl/value.hpp"

namespace batt::dsl::tok {

// tok_patch_geom.cpp: centres, distances, relative positions.
Value prim_center(Args a, EvalCtx& ctx) noexcept;
Value prim_centerofmass(Args a, EvalCtx& ctx) noexcept;
Value prim_position(Args a, EvalCtx& ctx) noexcept;
Value prim_manhattan(Args a, EvalCtx& ctx) noexcept;
Value prim_adjacent(Args a, EvalCtx& ctx) noexcept;
Value prim_bordering(Args a, EvalCtx& ctx) noexcept;
Value prim_gravitate(Args a, EvalCtx& ctx) noexcept;
Value prim_hmatching(Args a, EvalCtx& ctx) noexcept;
Value prim_vmatching(Args a, EvalCtx& ctx) noexcept;

// tok_patch_lines.cpp: neighbourhoods, lines, boxes.
Value prim_dneighbors(Args a, EvalCtx& ctx) noexcept;
Value prim_ineighbors(Args a, EvalCtx& ctx) noexcept;
Value prim_neighbors(Args a, EvalCtx& ctx) noexcept;
Value prim_connect(Args a, EvalCtx& ctx) noexcept;
Value prim_shoot(Args a, EvalCtx& ctx) noexcept;
Value prim_hfrontier(Args a, EvalCtx& ctx) noexcept;
Value prim_backdrop(Args a, EvalCtx& ctx) noexcept;
Value prim_delta(Args a, EvalCtx& ctx) noexcept;
Value prim_inbox(Args a, EvalCtx& ctx) noexcept;
Value prim_outbox(Args a, EvalCtx& ctx) noexcept;
Value prim_box(Args a, EvalCtx& ctx) noexcept;
Value prim_corners(Args a, EvalCtx& ctx) noexcept;

// tok_patch_mirror.cpp: the mirrors (the reference's winning second definitions).
Value prim_hmirror_f(Args a, EvalCtx& ctx) noexcept;
Value prim_hmirror_i(Args a, EvalCtx& ctx) noexcept;
Value prim_hmirror_o(Args a, EvalCtx& ctx) noexcept;
Value prim_vmirror_f(Args a, EvalCtx& ctx) noexcept;
Value prim_vmirror_i(Args a, EvalCtx& ctx) noexcept;
Value prim_vmirror_o(Args a, EvalCtx& ctx) noexcept;
Value prim_dmirror_f(Args a, EvalCtx& ctx) noexcept;
Value prim_dmirror_i(Args a, EvalCtx& ctx) noexcept;
Value prim_dmirror_o(Args a, EvalCtx& ctx) noexcept;
Value prim_cmirror_f(Args a, EvalCtx& ctx) noexcept;
Value prim_cmirror_i(Args a, EvalCtx& ctx) noexcept;
Value prim_cmirror_o(Args a, EvalCtx& ctx) noexcept;
Value prim_mir_rot_f(Args a, EvalCtx& ctx) noexcept;

// tok_patch_cells.cpp: building cells and objects.
Value prim_recolor_i(Args a, EvalCtx& ctx) noexcept;
Value prim_recolor_o(Args a, EvalCtx& ctx) noexcept;
Value prim_upscale_f(Args a, EvalCtx& ctx) noexcept;
Value prim_toij(Args a, EvalCtx& ctx) noexcept;
Value prim_ascell(Args a, EvalCtx& ctx) noexcept;
Value prim_astriple(Args a, EvalCtx& ctx) noexcept;
Value prim_celltuple(Args a, EvalCtx& ctx) noexcept;

}  // namespace batt::dsl::tok
