// Each of our solver programs (support/arc_solvers.hpp) must reproduce the expected output of
// every train and test pair of its task in shared/arc/arc-agi-1/training/<id>.json.
#include "support/arc_solvers.hpp"

#include <gtest/gtest.h>

#include <string>

#include "support/arc_data.hpp"

namespace batt::dsl {
namespace {

using testing::Dsl;
using testing::solvers;

class ArcSolver : public ::testing::TestWithParam<std::string> {};

TEST_P(ArcSolver, ReproducesEveryTrainAndTestPair) {
  const std::string id = GetParam();
  Arena data_arena;
  EvalCtx data_ctx(data_arena);
  const auto samples = testing::arc_samples(id, data_ctx);
  ASSERT_FALSE(samples.empty());
  Arena arena;
  for (std::size_t k = 0; k < samples.size(); ++k) {
    arena.reset();
    EvalCtx ctx(arena);
    Dsl d(ctx);
    const Value out = solvers().at(id)(d, samples[k].input);
    EXPECT_TRUE(identical(out, samples[k].output))
        << id << " pair " << k << "\n  want " << repr(samples[k].output) << "\n  got  "
        << repr(out);
  }
}

std::vector<std::string> task_ids() {
  std::vector<std::string> ids;
  for (const auto& [id, f] : solvers()) ids.push_back(id);
  return ids;
}

INSTANTIATE_TEST_SUITE_P(Training, ArcSolver, ::testing::ValuesIn(task_ids()),
                         [](const auto& p) { return "task_" + p.param; });

}  // namespace
}  // namespace batt::dsl
