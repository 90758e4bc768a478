// The support of a reach judgement (models/support.hpp, proofs/SOUNDNESS.md §7): an event that
// touches none of it leaves the verdict as it is.
#include <catch2/catch.hpp>

#include "models/requirements.hpp"
#include "models/support.hpp"
#include "tests/models/two_readings.hpp"
#include "tests/support/load.hpp"
#include "tests/support/random_design.hpp"

using namespace faultline;
using testing::design_of;

namespace {

// Random scenarios of random routed designs (seeds 1 to `designs`), each beside its design's
// reference: `trials` sets of 1–3 events per design, every second one with random split-brain
// choices.  visit(design, reference, set, keeps, seed).
template <class Visit>
void reference_trials(std::uint64_t rng_seed, std::uint64_t designs, int trials, Visit&& visit) {
  std::mt19937_64 rng(rng_seed);
  testing::RandomDesignOptions opts;
  opts.routing = true;
  for (std::uint64_t seed = 1; seed <= designs; ++seed) {
    auto d = design_of(testing::random_design(seed, opts));
    models::ReferenceCosts ref(d.net);
    for (int trial = 0; trial < trials; ++trial) {
      auto set = testing::random_set(rng, d, 1 + trial % 3);
      std::vector<char> keeps(d.net.lags.size(), 1);
      if (trial % 2)
        for (char& k : keeps) k = static_cast<char>(rng() % 2);
      visit(d, ref, set, keeps, seed);
    }
  }
}

std::size_t event_index(const models::Design& d, const std::string& name) {
  for (std::size_t i = 0; i < d.events.size(); ++i)
    if (d.events[i].name == name) return i;
  throw std::runtime_error(name);
}

struct ColdCount {
  std::size_t cold = 0, hot = 0;
};

// Grows one random state per one-flow requirement (of the kinds `judged`) of random designs by
// every event of its universe: an event the support calls cold must leave the verdict as it is.
template <class Judged>
ColdCount check_cold_events(std::uint64_t rng_seed, std::uint64_t designs,
                            const testing::RandomDesignOptions& opts, Judged&& judged) {
  std::mt19937_64 rng(rng_seed);
  ColdCount n;
  for (std::uint64_t seed = 1; seed <= designs; ++seed) {
    auto d = design_of(testing::random_design(seed, opts));
    for (const auto& req : d.net.requirements) {
      if (!judged(req)) continue;
      auto universe = models::requirement_universe(d.net, d.events, req);
      std::vector<std::size_t> base;
      for (std::size_t i : testing::random_set(rng, d, 1))
        if (std::find(universe.begin(), universe.end(), i) != universe.end()) base.push_back(i);
      auto state = models::apply_events(d.net, d.events, base);
      if (models::choice_count(d.net, req, state) > models::kMaxFreeChoices) continue;
      auto support = models::judgement_support(d.net, req, state);
      if (!support) continue;
      bool verdict = models::find_violation(d.net, req, state).has_value();
      for (std::size_t e : universe) {
        if (std::find(base.begin(), base.end(), e) != base.end()) continue;
        if (models::is_hot(d.net, *support, d.events[e])) {
          ++n.hot;
          continue;
        }
        auto grown = base;
        grown.push_back(e);
        auto after = models::apply_events(d.net, d.events, grown);
        if (models::choice_count(d.net, req, after) > models::kMaxFreeChoices) continue;
        INFO("seed " << seed << " " << req.text << " + " << d.events[e].name);
        CHECK(models::find_violation(d.net, req, after).has_value() == verdict);
        ++n.cold;
      }
    }
  }
  return n;
}

}  // namespace

TEST_CASE("a device off every least-cost path is cold; one on it is hot", "[models][support]") {
  auto d = design_of(
      "device s router; device m router; device t router; device far router;\n"
      "link s:1 -- m:1;\nlink m:2 -- t:1;\nlink s:2 -- far:1 { cost = 9; }\n"
      "link far:2 -- t:2 { cost = 9; }\n"
      "faults { down device; }\nrequire reach s -> t;\n");
  const auto& req = d.net.requirements[0];
  auto s = models::judgement_support(d.net, req, models::apply_events(d.net, d.events, {}));
  REQUIRE(s);
  CHECK(models::is_hot(d.net, *s, d.events[event_index(d, "down m")]));
  CHECK_FALSE(models::is_hot(d.net, *s, d.events[event_index(d, "down far")]));
}

TEST_CASE("cold events never change a reach verdict", "[models][support]") {
  auto n = check_cold_events(11, 80, {}, [](const models::Requirement& req) {
    return req.kind == models::Requirement::Kind::reach;
  });
  CHECK(n.cold > 200);
}

TEST_CASE("a static next hop behind switches: the segment's least-cost path is hot, a detour cold",
          "[models][support][routing]") {
  // h reaches gw through sw1 (cost 1 + 1); sw2 offers a detour of cost 5 + 5.  The IGP beyond
  // gw is read too: core is hot, spare (off every path) is cold.
  auto d = design_of(
      "device h host; device sw1 switch; device sw2 switch; device gw router; device core router;\n"
      "device spare router; device isp external;\n"
      "link h:1 -- sw1:1;\nlink h:2 -- sw2:1 { cost = 5; }\nlink sw1:2 -- gw:1;\n"
      "link sw2:2 -- gw:2 { cost = 5; }\nlink gw:3 -- core:1;\nlink core:2 -- isp:1;\n"
      "link gw:4 -- spare:1 { cost = 50; }\nlink spare:2 -- isp:2 { cost = 50; }\n"
      "prefix internet 0.0.0.0/0 at isp;\nstatic h internet via gw;\n"
      "faults { down device, link; blackhole switch; }\nrequire reach h -> internet;\n");
  const auto& req = d.net.requirements[0];
  auto s = models::judgement_support(d.net, req, models::apply_events(d.net, d.events, {}));
  REQUIRE(s);
  auto event = [&](const std::string& n) -> const models::FaultEvent& {
    return d.events[event_index(d, n)];
  };
  CHECK(models::is_hot(d.net, *s, event("blackhole sw1")));
  CHECK(models::is_hot(d.net, *s, event("down h:1--sw1:1")));
  CHECK(models::is_hot(d.net, *s, event("down core")));
  CHECK_FALSE(models::is_hot(d.net, *s, event("blackhole sw2")));
  CHECK_FALSE(models::is_hot(d.net, *s, event("down spare")));
  CHECK_FALSE(models::is_hot(d.net, *s, event("down gw:4--spare:1")));
}

TEST_CASE("cold events never change a verdict with routing and walk clauses",
          "[models][support][routing]") {
  // Prefixes, statics direct and over segments with BFD sessions, isolate, via, avoid.
  testing::RandomDesignOptions opts;
  opts.routing = opts.walk_clauses = true;
  auto n = check_cold_events(13, 120, opts,
                             [](const models::Requirement& req) { return req.one_flow(); });
  CHECK(n.cold > 200);
  CHECK(n.hot > 200);
}

TEST_CASE("a free BFD session: the support covers the walks of both its choices",
          "[models][support][routing]") {
  // h's static towards gw runs BFD through sw1 or sw2; gw2 behind sw3 is the backup (distance
  // 5).  With sw1's port towards h black-holed, the session's return walk may die: the session
  // may be up (the flow goes through gw) or down (through gw2).  The requirement holds in both,
  // and the link beyond gw2, used only when the session is down, must be hot: losing it too
  // violates.
  auto d = design_of(
      "device h host; device sw1 switch; device sw2 switch; device sw3 switch;\n"
      "device gw router; device gw2 router; device isp external;\n"
      "link h:1 -- sw1:1;\nlink h:2 -- sw2:1;\nlink sw1:2 -- gw:1;\nlink sw2:2 -- gw:2;\n"
      "link h:3 -- sw3:1;\nlink sw3:2 -- gw2:1;\nlink gw:3 -- isp:1;\nlink gw2:3 -- isp:2;\n"
      "prefix internet 0.0.0.0/0 at isp;\n"
      "static h internet via gw { bfd = on; }\nstatic h internet via gw2 { bfd = on; distance = 5; "
      "}\n"
      "faults { down link; blackhole port; }\nrequire reach h -> internet tolerate 2;\n");
  const auto& req = d.net.requirements[0];
  auto index = [&](const std::string& n) { return event_index(d, n); };
  auto port = models::apply_events(d.net, d.events, {index("blackhole sw1:1")});
  REQUIRE_FALSE(models::find_violation(d.net, req, port));
  auto s = models::judgement_support(d.net, req, port);
  REQUIRE(s);
  CHECK(models::is_hot(d.net, *s, d.events[index("down gw2:3--isp:2")]));
  CHECK(models::find_violation(
      d.net, req,
      models::apply_events(d.net, d.events,
                           {index("blackhole sw1:1"), index("down gw2:3--isp:2")})));
  // Without the port fault the session is up only: the backup's uplink is cold.
  auto healthy = models::judgement_support(d.net, req, models::apply_events(d.net, d.events, {}));
  REQUIRE(healthy);
  CHECK_FALSE(models::is_hot(d.net, *healthy, d.events[index("down gw2:3--isp:2")]));
}

TEST_CASE("least-cost states from the reference plane equal a fresh search",
          "[models][support][igp]") {
  // LeastCost with a ReferenceCosts repairs the no-fault state where the plane lost tight arcs
  // (igp::distances_after); without one it searches afresh.  Both must agree on every state,
  // towards every prefix and segment target, under random fault sets (some with split-brain
  // choices, which take members out of service) of random routed designs.
  std::size_t states = 0, repaired = 0;
  reference_trials(
      17, 150, 4,
      [&](const auto& d, auto& ref, const auto& set, const auto& keeps, std::uint64_t seed) {
        auto p = models::make_plane(d.net, models::apply_events(d.net, d.events, set), keeps);
        models::LeastCost fresh(d.net, p), reused(d.net, p, &ref);
        for (models::PrefixId q = 0; q < d.net.prefixes.size(); ++q) {
          INFO("seed " << seed << " prefix " << d.net.prefixes[q].name);
          CHECK(reused.prefix(q).dist == fresh.prefix(q).dist);
          ++states;
        }
        for (std::size_t k = 1; k < d.net.slots(); ++k) {
          INFO("seed " << seed << " segment slot " << k);
          CHECK(reused.segment(k).dist == fresh.segment(k).dist);
          ++states;
        }
        repaired += !set.empty();
      });
  CHECK(states > 2000);
  CHECK(repaired > 300);
}

TEST_CASE("a plane derived from the reference plane equals one derived afresh",
          "[models][support][plane]") {
  // derive_plane_from applies the rules again only to the links whose faults differ (and to
  // every domain, choice, MC-LAG client member and bundle); every field must come out as
  // derive_plane's, under random fault sets and split-brain choices of random designs.
  std::size_t planes = 0, split = 0;
  reference_trials(
      23, 200, 6,
      [&](const auto& d, auto& ref, const auto& set, const auto& keeps, std::uint64_t seed) {
        auto faults = models::apply_events(d.net, d.events, set);
        auto fresh = models::make_plane(d.net, faults, keeps);
        auto from = models::make_plane(d.net, faults, keeps, &ref);
        INFO("seed " << seed << " plane " << planes);
        CHECK(from.link_up == fresh.link_up);
        CHECK(from.crosses[0] == fresh.crosses[0]);
        CHECK(from.crosses[1] == fresh.crosses[1]);
        CHECK(from.believed_up == fresh.believed_up);
        CHECK(from.iccp_ok == fresh.iccp_ok);
        CHECK(from.split_brain == fresh.split_brain);
        CHECK(from.choice_allowed == fresh.choice_allowed);
        CHECK(from.serving == fresh.serving);
        CHECK(from.lag_up == fresh.lag_up);
        CHECK(from.keeps_peer0 == fresh.keeps_peer0);
        CHECK(from.device_blackholed == fresh.device_blackholed);
        ++planes;
        split += std::count(fresh.split_brain.begin(), fresh.split_brain.end(), 1) > 0;
      });
  CHECK(planes == 1200);
  CHECK(split > 20);  // the choices were exercised
}

TEST_CASE("cold events never change a verdict with packet sizes", "[models][support][size]") {
  // mtu on links and LAGs, pmtud off, ICMP droppers, mtu link faults, `size` on reach: an mtu
  // event off the support changes no MTU a walk meets (proofs/SOUNDNESS.md §7b).
  testing::RandomDesignOptions opts;
  opts.sizes = opts.walk_clauses = true;
  auto n = check_cold_events(17, 120, opts, [](const models::Requirement& req) {
    return req.kind == models::Requirement::Kind::reach && req.size.has_value();
  });
  CHECK(n.cold > 200);
  CHECK(n.hot > 100);
}
