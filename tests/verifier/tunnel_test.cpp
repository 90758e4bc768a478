// DESIGN.md §9's tunnels by hand, on Z3 alone and on the oracle: a logical link in the IGP over
// one underlay walk per direction, believed up iff both walks deliver, whose data meets the
// walk's MTU less the overhead.  Each design is small enough to work its sets out on paper.
#include <catch2/catch.hpp>

#include "tests/support/designs.hpp"
#include "tests/support/engines.hpp"
#include "tests/support/load.hpp"
#include "verifier/check.hpp"

using namespace faultline;
using testing::design_of;

using Sets = testing::EventSets;
using testing::kEngines;
using testing::violating;

namespace {
// h1 — a — b — c — h2, a tunnel t a -- c (cost 1 against the underlay's 2): the IGP at a sends
// h2's traffic into the tunnel.  `attrs` go on the tunnel, `extra` after it.
std::string line(const std::string& h1, const std::string& attrs, const std::string& extra) {
  return "device h1 host" + h1 +
         ";\ndevice a router;\ndevice b router;\ndevice c router;\ndevice h2 host;\n"
         "link h1:e -- a:1;\nlink a:2 -- b:1;\nlink b:2 -- c:1;\nlink c:2 -- h2:e;\n"
         "tunnel t a -- c" +
         attrs + "\n" + extra;
}
}  // namespace

TEST_CASE("tunnel: down, the IGP routes around it over the underlay", "[verifier][tunnel]") {
  auto d = design_of(line("", ";",
                          "faults { down tunnel; down link; }\n"
                          "require reach h1 -> h2;\n"));
  for (auto e : kEngines)
    CHECK(violating(d, 0, e) ==
          Sets{{"down a:2--b:1"}, {"down b:2--c:1"}, {"down c:2--h2:e"}, {"down h1:e--a:1"}});
  // Cutting the underlay takes the tunnel with it (its hellos die): nothing routes around.
  auto c = verifier::check_requirement(d, 0, verifier::SearchOptions{});
  REQUIRE(c.explanations.size() == 4);
  CHECK(c.explanations[0].drop.reason == models::DropReason::no_route);
}

TEST_CASE("tunnel: its data meets the collapsed MTU; an end's source caps its own packets",
          "[verifier][tunnel]") {
  // h1 does no PMTUD; the tunnel's 1476 fits 1000-byte packets until `mtu t 500`.
  auto d = design_of(line(" { pmtud = off; }", ";",
                          "faults { mtu tunnel 500; }\n"
                          "require reach h1 -> h2 size 1000;\n"
                          "require reach a -> h2 size 1000;\n"
                          "require reach h1 -> h2 size 1500 tolerate 0;\n"));
  for (auto e : kEngines) {
    CHECK(violating(d, 0, e) == Sets{{"mtu t 500"}});
    // From a, the tunnel is the first hop: the MSS follows its 500, and the packets fit.
    CHECK(violating(d, 1, e).empty());
    // 1500 > the tunnel's 1476 with no fault, and h1 does not step down.
    CHECK(violating(d, 2, e) == Sets{{}});
  }
}

TEST_CASE("tunnel: MSS clamping fits the configured MTU, not the collapsed one",
          "[verifier][tunnel]") {
  auto d = design_of(line(" { pmtud = off; }", " { mss-clamp = on; }",
                          "faults { mtu tunnel 500; }\n"
                          "require reach h1 -> h2 size 1500 tolerate 0;\n"
                          "require reach h1 -> h2 size 1500;\n"));
  for (auto e : kEngines) {
    CHECK(violating(d, 0, e).empty());  // clamped to 1476: it fits
    CHECK(violating(d, 1, e) == Sets{{"mtu t 500"}});
  }
  const auto e = testing::only_explanation(d, 1);
  REQUIRE(e.drop.too_big);
  CHECK(e.drop.too_big->packets == 1476);
  CHECK(e.drop.too_big->clamp_tunnel == "t");
  CHECK(e.drop.too_big->tunnel == "t");
}

TEST_CASE("tunnel: df set over a smaller underlay, ICMP dropped on the way: a black hole",
          "[verifier][tunnel]") {
  // The underlay's b -- c carries 1400: the tunnel's data meets 1400 − 24 = 1376.  h1 does
  // PMTUD; with b dropping ICMP, a never learns the 1376 (b sits between a and the 1400 hop),
  // so nobody tells h1.  With df clear the underlay fragments; with b innocent a learns it.
  const std::string small =
      "faults { down tunnel; }\nrequire reach h1 -> h2 size 1500 tolerate 0;\n";
  auto make = [&](const std::string& b_attrs, const std::string& tunnel_attrs) {
    std::string text = line("", tunnel_attrs, small);
    text.replace(text.find("link b:2 -- c:1;"), 16, "link b:2 -- c:1 { mtu = 1400; }");
    text.replace(text.find("device b router;"), 16, "device b router" + b_attrs + ";");
    return design_of(text);
  };
  SECTION("df set, b drops ICMP") {
    auto d = make(" { icmp-unreachable = drop; }", ";");
    for (auto e : kEngines) CHECK(violating(d, 0, e) == Sets{{}});
    const auto e = testing::only_explanation(d, 0);
    REQUIRE(e.drop.too_big);
    CHECK(e.drop.too_big->mtu == 1376);
    CHECK(e.drop.too_big->black_hole_dropper == "b");
    CHECK(e.drop.too_big->black_hole_head == "a");
    REQUIRE(e.walk.size() == 4);  // h1 → a ⇒ c → h2, the underlay under a
    CHECK(e.walk[1].tunnel == "t");
    CHECK(e.walk[1].underlay.size() == 3);
  }
  SECTION("df clear: fragmented, delivered") {
    auto d = make(" { icmp-unreachable = drop; }", " { df = clear; }");
    for (auto e : kEngines) CHECK(violating(d, 0, e).empty());
  }
  SECTION("df set, ICMP allowed: a learns, h1 steps down") {
    auto d = make("", ";");
    for (auto e : kEngines) CHECK(violating(d, 0, e).empty());
  }
}

TEST_CASE("tunnel: a black-holed underlay device takes it down, or not, as the hash goes",
          "[verifier][tunnel]") {
  // a reaches c over b1 or b2 (equal cost).  With b1 black-holed the tunnel's walks may go over
  // b2 (the tunnel stays up and its data follows that walk) or over b1 (the hellos die: down,
  // and the IGP's own ECMP may send the flow into b1).  The adversary picks the second.
  auto d = design_of(
      "device h1 host;\ndevice a router;\ndevice b1 router;\ndevice b2 router;\n"
      "device c router;\ndevice h2 host;\n"
      "link h1:e -- a:0;\nlink a:1 -- b1:1 { cost = 5; }\nlink a:2 -- b2:1 { cost = 5; }\n"
      "link b1:2 -- c:1 { cost = 5; }\nlink b2:2 -- c:2 { cost = 5; }\nlink c:0 -- h2:e;\n"
      "tunnel t a -- c;\n"
      "faults { blackhole router; }\n"
      "require reach h1 -> h2;\n");
  for (auto e : kEngines)
    CHECK(violating(d, 0, e) ==
          Sets{{"blackhole a"}, {"blackhole b1"}, {"blackhole b2"}, {"blackhole c"}});
}

TEST_CASE("tunnel: a static route over it is withdrawn with it", "[verifier][tunnel]") {
  // a's only route to net is a static via c, adjacent over the tunnel; r has no IGP towards
  // net (it is no origin's neighbour in the IGP: the static is all a has).  With the tunnel
  // down the static goes, and a has no route.
  auto d = design_of(
      "device h1 host;\ndevice a router;\ndevice b router;\ndevice c router;\n"
      "device s host;\n"
      "link h1:e -- a:1;\nlink a:2 -- b:1;\nlink b:2 -- c:1;\nlink c:2 -- s:e;\n"
      "prefix net 10.1.0.0/24 at s;\n"
      "tunnel t a -- c;\n"
      "static a net via c;\n"
      "faults { down tunnel; }\n"
      "require reach h1 -> net;\n");
  // Down, the static is withdrawn and the IGP (a → b → c → s) still delivers.
  for (auto e : kEngines) CHECK(violating(d, 0, e).empty());
}
