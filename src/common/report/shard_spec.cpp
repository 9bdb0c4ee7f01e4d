#include "report/shard_spec.hpp"

#include <charconv>

namespace batt::report {

std::optional<ShardSpec> parse_shard(std::string_view text) {
  const auto slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  int i = -1, n = 0;
  const char* b = text.data();
  const char* e = b + text.size();
  const bool ok = std::from_chars(b, b + slash, i).ptr == b + slash &&
                  std::from_chars(b + slash + 1, e, n).ptr == e;
  if (!ok || n < 1 || i < 0 || i >= n) return std::nullopt;
  return ShardSpec{i, n};
}

std::string to_string(ShardSpec s) {
  return std::to_string(s.index) + "/" + std::to_string(s.count);
}

}  // namespace batt::report
