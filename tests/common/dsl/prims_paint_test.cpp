// Unit tests of the "paint" primitive family (prims_paint.cpp).
#include <gtest/gtest.h>

#include "dsl/registry.hpp"

namespace batt::dsl {
namespace {

TEST(Prims_paint, Registered) { EXPECT_GE(all_prims().size(), 30u); }

}  // namespace
}  // namespace batt::dsl
