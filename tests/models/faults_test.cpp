// Fault effects (models/faults.hpp): one template, two readings; and the universe rules.
#include <catch2/catch.hpp>

#include "tests/models/two_readings.hpp"
#include "tests/support/load.hpp"
#include "tests/support/random_design.hpp"

using namespace faultline;
using testing::design_of;

TEST_CASE("a common group downs every member; a port event black-holes one port",
          "[models][faults]") {
  auto d = design_of(
      "device a router { os = \"x\"; } device b router { os = \"x\"; } device c router;\n"
      "link a:1 -- c:1;\nlink b:1 -- c:2;\nfaults { blackhole port; common os; }\n");
  std::size_t common = 0, port = 0;
  for (std::size_t i = 0; i < d.events.size(); ++i) {
    if (d.events[i].name == "common os=x down") common = i;
    if (d.events[i].name == "blackhole c:2") port = i;
  }
  auto f = models::apply_events(d.net, d.events, {common, port});
  CHECK(f.device_down == std::vector<char>{1, 1, 0});
  CHECK(f.device_blackholed == std::vector<char>{0, 0, 0});
  CHECK(f.port_blackholed[d.net.devices[2].ports[1]]);
  CHECK_FALSE(f.port_blackholed[d.net.devices[2].ports[0]]);
}

TEST_CASE("fault effects: the symbolic reading agrees with the explicit one",
          "[models][faults][two-readings]") {
  std::mt19937_64 rng(7);
  for (std::uint64_t seed = 1; seed <= 60; ++seed) {
    testing::RandomDesignOptions o;
    o.shared_risks = seed % 2 == 0;
    auto d = design_of(testing::random_design(seed, o));
    auto set = testing::random_set(rng, d, 3);
    auto f = models::apply_events(d.net, d.events, set);
    testing::FixedSymbolic s;
    testing::pin_events(s, d, set);
    models::SmtLogic logic{s.ctx};
    auto g = models::fault_effects(d.net, logic, d.events, s.faults.events, s.faults.literals);
    auto same = [&](const std::vector<char>& e, const std::vector<z3::expr>& sym) {
      z3::expr_vector differ(s.ctx);  // one query: some element reads differently
      for (std::size_t i = 0; i < e.size(); ++i) differ.push_back(e[i] ? !sym[i] : sym[i]);
      return !testing::satisfiable(s, z3::mk_or(differ));
    };
    INFO("seed " << seed);
    CHECK(same(f.device_down, g.device_down));
    CHECK(same(f.device_blackholed, g.device_blackholed));
    CHECK(same(f.link_down, g.link_down));
    CHECK(same(f.port_blackholed, g.port_blackholed));
  }
}

TEST_CASE("reach leaves out an event only when it takes the source or every origin",
          "[models][faults]") {
  auto d = design_of(
      "device a router { os = \"x\"; } device b router { os = \"x\"; } device c router;\n"
      "link a:1 -- c:1;\nlink b:1 -- c:2;\n"
      "faults { down device; blackhole router; common os blackhole; }\n"
      "require reach c -> a;\n");
  std::vector<std::string> kept;
  for (auto i : models::requirement_universe(d.net, d.events, d.net.requirements[0]))
    kept.push_back(d.events[i].name);
  CHECK(kept == std::vector<std::string>{"down b", "blackhole b"});
}
