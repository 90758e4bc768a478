// The fail-stop fragment (models/connectivity.hpp, proofs/SOUNDNESS.md §5-§6): connectivity
// decides exactly what the simulator decides, and Tarjan's cuts are the single events that
// disconnect.
#include <catch2/catch.hpp>

#include "models/connectivity.hpp"
#include "models/requirements.hpp"
#include "tests/models/two_readings.hpp"
#include "tests/support/load.hpp"
#include "tests/support/random_design.hpp"

using namespace faultline;
using testing::design_of;

TEST_CASE("inside the fail-stop fragment connectivity is the simulator's verdict",
          "[models][connectivity]") {
  std::mt19937_64 rng(5);
  std::size_t judged = 0;
  for (std::uint64_t seed = 3000; seed < 3080; ++seed) {
    testing::RandomDesignOptions o;
    o.failstop = true;
    auto d = design_of(testing::random_design(seed, o));
    for (const auto& req : d.net.requirements) {
      auto universe = models::requirement_universe(d.net, d.events, req);
      if (!models::requirement_features(d.net, d.features, d.events, req, universe)
               .within(models::kFailstopSupports))
        continue;
      for (int trial = 0; trial < 4; ++trial) {
        std::vector<std::size_t> set;
        for (std::size_t i : testing::random_set(rng, d, 2))
          if (std::find(universe.begin(), universe.end(), i) != universe.end()) set.push_back(i);
        auto state = models::apply_events(d.net, d.events, set);
        INFO("seed " << seed << " " << req.text);
        CHECK(models::holds_failstop(d.net, req, state) ==
              !models::find_violation(d.net, req, state).has_value());
        ++judged;
      }
    }
  }
  CHECK(judged > 200);
}

TEST_CASE("articulation points and bridges of a path with a cycle", "[models][connectivity]") {
  // a - b = c - d, with b = c doubly linked: b and c are articulation points, a-b and c-d
  // bridges, the parallel b-c links are not.
  auto d = design_of(
      "device a router; device b router; device c router; device d router;\n"
      "link a:1 -- b:1;\nlink b:2 -- c:1;\nlink b:3 -- c:2;\nlink c:3 -- d:1;\n"
      "require connected *;\n");
  auto cuts = models::single_cuts(d.net, models::apply_events(d.net, d.events, {}));
  CHECK(cuts.device == std::vector<char>{0, 1, 1, 0});
  CHECK(cuts.link == std::vector<char>{1, 0, 0, 1});
}
