#pragma once
// ShardSpec: "shard i of n" of a sweep (`batt_mpi --shard i/n`, the partition itself is
// coordinator/shard.hpp), and its one text form "i/n", which the option takes, the report's
// `shard` attribute records and `batt_report merge` reads back. Here in batt_common so the
// job (batt_coordinator) and the merge (report/merge.hpp) parse and print it alike.
#include <optional>
#include <string>
#include <string_view>

namespace batt::report {

struct ShardSpec {
  int index = 0;
  int count = 1;
};

// Parses "i/n" (decimal, 0 <= i < n); nullopt for anything else.
std::optional<ShardSpec> parse_shard(std::string_view text);

// "i/n", which parse_shard reads back.
std::string to_string(ShardSpec s);

}  // namespace batt::report
