// Unit tests of the "geometry" primitive family (prims_geometry.cpp).
#include <gtest/gtest.h>

#include "dsl/registry.hpp"

namespace batt::dsl {
namespace {

TEST(Prims_geometry, Registered) { EXPECT_GE(all_prims().size(), 30u); }

}  // namespace
}  // namespace batt::dsl
