// Primitive family "color": implemented in a later commit.
#include "dsl/registry.hpp"

namespace batt::dsl {

std::span<const PrimInfo> detail::color_prims() noexcept { return {}; }

}  // namespace batt::dsl
