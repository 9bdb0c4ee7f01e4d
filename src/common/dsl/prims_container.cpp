// Primitive family "container": implemented in a later commit.
#include "dsl/registry.hpp"

namespace batt::dsl {

std::span<const PrimInfo> detail::container_prims() noexcept { return {}; }

}  // namespace batt::dsl
