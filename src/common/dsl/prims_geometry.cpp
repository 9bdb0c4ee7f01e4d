// Primitive family "geometry": implemented in a later commit.
#include "dsl/registry.hpp"

namespace batt::dsl {

std::span<const PrimInfo> detail::geometry_prims() noexcept { return {}; }

}  // namespace batt::dsl
