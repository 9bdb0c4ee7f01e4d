// Unit tests of the "color" primitive family (prims_color.cpp).
#include <gtest/gtest.h>

#include "dsl/registry.hpp"

namespace batt::dsl {
namespace {

TEST(Prims_color, Registered) { EXPECT_GE(all_prims().size(), 30u); }

}  // namespace
}  // namespace batt::dsl
