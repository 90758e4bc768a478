// The support of a reach judgement (models/support.hpp, proofs/SOUNDNESS.md §7): an event that
// touches none of it leaves the verdict as it is.
#include <catch2/catch.hpp>

#include "models/support.hpp"
#include "models/requirements.hpp"
#include "tests/models/two_readings.hpp"
#include "tests/support/load.hpp"
#include "tests/support/random_design.hpp"

using namespace faultline;
using testing::design_of;

TEST_CASE("a device off every least-cost path is cold; one on it is hot", "[models][support]") {
  auto d = design_of(
      "device s router; device m router; device t router; device far router;\n"
      "link s:1 -- m:1;\nlink m:2 -- t:1;\nlink s:2 -- far:1 { cost = 9; }\nlink far:2 -- t:2 { cost = 9; }\n"
      "faults { down device; }\nrequire reach s -> t;\n");
  const auto& req = d.net.requirements[0];
  auto s = models::judgement_support(d.net, req, models::apply_events(d.net, d.events, {}));
  REQUIRE(s);
  auto event = [&](const std::string& n) -> const models::FaultEvent& {
    for (const auto& e : d.events)
      if (e.name == n) return e;
    throw std::runtime_error(n);
  };
  CHECK(models::is_hot(d.net, *s, event("down m")));
  CHECK_FALSE(models::is_hot(d.net, *s, event("down far")));
}

TEST_CASE("cold events never change a reach verdict", "[models][support]") {
  std::mt19937_64 rng(11);
  std::size_t cold_checked = 0;
  for (std::uint64_t seed = 1; seed <= 80; ++seed) {
    auto d = design_of(testing::random_design(seed));
    for (const auto& req : d.net.requirements) {
      if (req.kind != models::Requirement::Kind::reach) continue;
      auto universe = models::requirement_universe(d.net, d.events, req);
      std::vector<std::size_t> base;
      for (std::size_t i : testing::random_set(rng, d, 1))
        if (std::find(universe.begin(), universe.end(), i) != universe.end()) base.push_back(i);
      auto state = models::apply_events(d.net, d.events, base);
      auto support = models::judgement_support(d.net, req, state);
      if (!support) continue;
      bool verdict = models::find_violation(d.net, req, state).has_value();
      for (std::size_t e : universe) {
        if (std::find(base.begin(), base.end(), e) != base.end()) continue;
        if (models::is_hot(d.net, *support, d.events[e])) continue;
        auto grown = base;
        grown.push_back(e);
        INFO("seed " << seed << " " << req.text << " + " << d.events[e].name);
        CHECK(models::find_violation(d.net, req, models::apply_events(d.net, d.events, grown))
                  .has_value() == verdict);
        ++cold_checked;
      }
    }
  }
  CHECK(cold_checked > 200);
}
