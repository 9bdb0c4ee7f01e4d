// Primitive family "grid": implemented in a later commit.
#include "dsl/registry.hpp"

namespace batt::dsl {

std::span<const PrimInfo> detail::grid_prims() noexcept { return {}; }

}  // namespace batt::dsl
