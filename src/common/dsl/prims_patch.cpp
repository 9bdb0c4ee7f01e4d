// Primitive family "patch": implemented in a later commit.
#include "dsl/registry.hpp"

namespace batt::dsl {

std::span<const PrimInfo> detail::patch_prims() noexcept { return {}; }

}  // namespace batt::dsl
