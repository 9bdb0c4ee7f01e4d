// Primitive family "paint": implemented in a later commit.
#include "dsl/registry.hpp"

namespace batt::dsl {

std::span<const PrimInfo> detail::paint_prims() noexcept { return {}; }

}  // namespace batt::dsl
