// Unit tests of the "grid" primitive family (prims_grid.cpp).
#include <gtest/gtest.h>

#include "dsl/registry.hpp"

namespace batt::dsl {
namespace {

TEST(Prims_grid, Registered) { EXPECT_GE(all_prims().size(), 30u); }

}  // namespace
}  // namespace batt::dsl
