// HPCG-style twins: the GPU grid bodies (src/gpu/grid_body.hpp) run on the CPU must agree with
// the registry primitives (the reference) on real ARC grids; with CUDA built and a device
// present, the kernels must agree as well (skipped otherwise).
#include <gtest/gtest.h>

#include <vector>

#include "dsl/closure.hpp"
#include "dsl/registry.hpp"
#include "gpu/grid_body.hpp"
#include "support/arc_data.hpp"
#if defined(BATT_HAVE_CUDA)
#include "gpu/grid_kernels.hpp"
#endif

namespace batt {
namespace {

using namespace dsl;

std::vector<Value> some_grids(EvalCtx& ctx) {
  std::vector<Value> grids;
  for (const char* id : {"007bbfb7", "00d62c1b", "a64e4611", "5521c0d9"}) {
    for (const auto& s : testing::arc_samples(id, ctx)) {
      grids.push_back(s.input);
      grids.push_back(s.output);
    }
  }
  return grids;
}

class GridBodyTwin : public ::testing::Test {
 protected:
  Arena arena;
  EvalCtx ctx{arena};
  std::vector<Value> grids = some_grids(ctx);
  Value call(const char* name, std::vector<Value> args) {
    return apply(Value::prim(find_prim(name)), args, ctx);
  }
};

TEST_F(GridBodyTwin, Rot90BodyMatchesPrimitive) {
  for (const Value& g : grids) {
    const GridObj& in = g.as_grid();
    std::vector<std::int8_t> out(in.area());
    gpu::rot90_body(in.cells(), in.h, in.w, out.data());
    const Value want = call("rot90", {g});
    ASSERT_TRUE(want.is_grid());
    ASSERT_EQ(want.as_grid().h, in.w);
    EXPECT_TRUE(std::equal(out.begin(), out.end(), want.as_grid().cells()));
  }
}

TEST_F(GridBodyTwin, ColorHistogramBodyMatchesColorcount) {
  for (const Value& g : grids) {
    std::int32_t hist[10];
    gpu::color_hist_body(g.as_grid().cells(), static_cast<std::int32_t>(g.as_grid().area()), hist);
    for (int c = 0; c < 10; ++c) {
      EXPECT_TRUE(identical(call("colorcount", {g, Value::integer(c)}), Value::integer(hist[c])));
    }
  }
}

TEST_F(GridBodyTwin, Rot90KernelMatchesBody) {
#if defined(BATT_HAVE_CUDA)
  if (gpu::device_count() == 0) GTEST_SKIP() << "no CUDA device";
  for (const Value& g : grids) {
    const GridObj& in = g.as_grid();
    std::vector<std::int8_t> want(in.area()), got(in.area());
    gpu::rot90_body(in.cells(), in.h, in.w, want.data());
    ASSERT_EQ(gpu::rot90_batch(in.cells(), 1, in.h, in.w, got.data()), "");
    EXPECT_EQ(got, want);
  }
#else
  GTEST_SKIP() << "built without CUDA";
#endif
}

}  // namespace
}  // namespace batt
