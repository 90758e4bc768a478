// One semantic rule of DESIGN.md §4 per test, on the explicit reading of the rules.
#include <catch2/catch.hpp>

#include "models/requirements.hpp"
#include "tests/support/load.hpp"

using namespace faultline;
using testing::design_of;

namespace {
models::ExplicitPlane plane(const models::Design& d, const std::vector<std::string>& event_names,
                            std::vector<char> keeps = {}) {
  std::vector<const models::FaultEvent*> events;
  for (const auto& n : event_names)
    for (const auto& e : d.events)
      if (e.name == n) events.push_back(&e);
  REQUIRE(events.size() == event_names.size());
  if (keeps.empty()) keeps.assign(d.net.lags.size(), 1);
  return models::make_plane(d.net, models::apply_events(d.net, events), keeps);
}
models::DeviceId id(const models::Design& d, const std::string& n) {
  return d.net.device_by_name.at(n);
}
}  // namespace

TEST_CASE("without a detector a black-holed device stays believed up; BFD takes the link down",
          "[models][detectors]") {
  auto d = design_of(
      "device a router; device b router;\n"
      "link a:1 -- b:1;\nlink a:2 -- b:2 { bfd = on; }\n"
      "faults { blackhole router; }\n");
  auto p = plane(d, {"blackhole b"});
  CHECK(p.link_up[0]);
  CHECK_FALSE(p.crosses[0][0]);
  CHECK(p.believed_up[0]);        // gray: LACP/adjacency up, nothing forwarded
  CHECK_FALSE(p.believed_up[1]);  // BFD sees no traffic
}

TEST_CASE("a black-holed port drops only what its device sends", "[models][links]") {
  auto d = design_of(
      "device a router; device b router;\nlink a:1 -- b:1;\nfaults { blackhole port; }\n");
  auto p = plane(d, {"blackhole a:1"});
  CHECK_FALSE(p.crosses[0][0]);  // a → b
  CHECK(p.crosses[1][0]);        // b → a
}

TEST_CASE("min-links takes a bundle down; micro-BFD removes a gray member", "[models][lag]") {
  auto d = design_of(
      "device a switch; device b switch;\n"
      "link a:1 -- b:1;\nlink a:2 -- b:2;\nlag a:ae0 { members = a:1, a:2; min-links = 2; microbfd "
      "= on; }\n"
      "faults { down link; blackhole port; }\n");
  CHECK(plane(d, {}).lag_up[0]);
  auto p = plane(d, {"down a:1--b:1"});
  CHECK_FALSE(p.serving[0]);
  CHECK(p.serving[1]);
  CHECK_FALSE(p.lag_up[0]);
  auto g = plane(d, {"blackhole b:2"});
  CHECK_FALSE(g.believed_up[1]);  // micro-BFD: b → a does not cross
}

TEST_CASE("ICCP loss with both peers up is split brain; a client keeps one peer with a member up",
          "[models][mclag]") {
  auto d = design_of(
      "device p switch; device q switch; device c router;\n"
      "link p:x -- q:x;\nmclag m { peers = p, q; iccp = p:x; }\n"
      "link c:1 -- p:1;\nlink c:2 -- q:1;\nlag c:ae0 { members = c:1, c:2; }\n"
      "faults { down device, link; blackhole switch; }\n");
  CHECK_FALSE(plane(d, {}).split_brain[0]);
  auto sb = plane(d, {"down p:x--q:x"}, {0});  // keeps q
  CHECK(sb.split_brain[0]);
  CHECK(sb.choice_allowed[0]);
  CHECK_FALSE(sb.serving[1]);  // c:1 towards p: dropped, believed down at both ends
  CHECK(sb.serving[2]);
  // A black-holed peer also breaks ICCP: split brain, and without micro-BFD both peers still
  // have a believed-up member, so keeping the black-holed one is allowed.
  auto bh = plane(d, {"blackhole p"}, {1});
  CHECK(bh.split_brain[0]);
  CHECK(bh.choice_allowed[0]);
  // A down peer is no split brain: the survivor serves alone.
  auto down = plane(d, {"down p"});
  CHECK_FALSE(down.split_brain[0]);
  CHECK(down.serving[2]);
  // Keeping a peer with no believed-up member is not allowed while the other has one.
  auto cut = plane(d, {"down p:x--q:x", "down c:2--q:1"}, {0});
  CHECK_FALSE(cut.choice_allowed[0]);
}

TEST_CASE("least-cost distances and ECMP next hops", "[models][forwarding]") {
  auto d = design_of(
      "device s router; device x router; device y router; device t router;\n"
      "link s:1 -- x:1;\nlink s:2 -- y:1 { cost = 2; }\nlink x:2 -- t:1 { cost = 2; }\nlink y:2 -- "
      "t:2;\n");
  auto p = plane(d, {});
  auto t = models::route_table(d.net, p, d.net.host_prefix(id(d, "t")));
  CHECK(t.igp_dist[id(d, "s")] == 3);
  CHECK(t.igp_dist[id(d, "x")] == 2);
  int next_hops = 0;
  for (char nh : t.at(id(d, "s")).next_hop) next_hops += nh;
  CHECK(next_hops == 2);  // both paths cost 3
}

TEST_CASE("hosts and externals never carry transit traffic", "[models][forwarding]") {
  auto d = design_of(
      "device a router; device h host; device b router;\nlink a:1 -- h:1;\nlink h:2 -- b:1;\n");
  auto p = plane(d, {});
  auto t = models::route_table(d.net, p, d.net.host_prefix(id(d, "b")));
  CHECK(t.igp_dist[id(d, "a")] == models::kNoRoute);
  CHECK(t.at(id(d, "a")).no_route);
  CHECK(t.igp_dist[id(d, "h")] == 1);  // h may send its own traffic
}

TEST_CASE("an MC-LAG hash onto the peer that did not attain the minimum can loop",
          "[models][forwarding]") {
  // x's bundle attains its minimum through p; a flow hashed to q follows q's best route, which
  // is back over the bundle to x (the peer link is expensive): a loop with no fault at all.
  auto d = design_of(
      "device x router; device p switch; device q switch; device b router;\n"
      "link p:x -- q:x { cost = 10; }\nmclag m { peers = p, q; iccp = p:x; }\n"
      "link x:1 -- p:1;\nlink x:2 -- q:1;\nlag x:ae0 { members = x:1, x:2; }\n"
      "link p:9 -- b:9;\nrequire reach x -> b;\n");
  auto w = models::find_violation(d.net, d.net.requirements[0], models::apply_events(d.net, {}));
  REQUIRE(w);
  CHECK(w->walk.reason == models::DropReason::loop);
  CHECK(w->walk.steps.front().device == id(d, "x"));
}
