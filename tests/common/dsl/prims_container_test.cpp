// Unit tests of the "container" primitive family (prims_container.cpp).
#include <gtest/gtest.h>

#include "dsl/registry.hpp"

namespace batt::dsl {
namespace {

TEST(Prims_container, Registered) { EXPECT_GE(all_prims().size(), 30u); }

}  // namespace
}  // namespace batt::dsl
