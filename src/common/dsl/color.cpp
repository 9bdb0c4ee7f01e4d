#include "dsl/color.hpp"

namespace batt::dsl {

bool most_color(const Value&, std::int64_t&) noexcept { return false; }
bool least_color(const Value&, std::int64_t&) noexcept { return false; }

}  // namespace batt::dsl
