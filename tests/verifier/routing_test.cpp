// DESIGN.md §7 by hand: prefixes, covering routes, static routes with and without BFD,
// floating statics, hosts with static routes, administrative distances.  Each design is small
// enough to check on paper; every case runs the product engine and the oracle.
#include <catch2/catch.hpp>

#include "report/words.hpp"
#include "tests/support/engines.hpp"
#include "tests/support/load.hpp"
#include "verifier/check.hpp"

using namespace faultline;
using testing::design_of;

namespace {
using Sets = testing::EventSets;

using testing::kEngines;
using testing::violating;
}  // namespace

// a -- core -- web1; core originates the /16 that covers web's /24.  While core has an IGP
// route for the /24 (longest prefix) it forwards; once the link to web1 is down its own
// connected /16 wins and it drops the flow.
TEST_CASE("a covering prefix's origin drops what it does not hold", "[verifier][routing]") {
  auto d = design_of(
      "device a router; device core router; device web1 host;\n"
      "link a:1 -- core:1; link core:2 -- web1:1;\n"
      "prefix big 10.0.0.0/16 at core;\nprefix web 10.0.1.0/24 at web1;\n"
      "faults { down link; }\nrequire reach a -> web;\n");
  for (auto e : kEngines)
    CHECK(violating(d, 0, e) == Sets{{"down a:1--core:1"}, {"down core:2--web1:1"}});
  auto c = verifier::check_requirement(d, 0, {});
  // The hot-event search lists prefixes and covering routes (proofs/SOUNDNESS.md §7a).
  CHECK(std::string(c.result.method) == "hot");
  REQUIRE(c.explanations.size() == 2);
  CHECK(c.explanations[1].drop.reason == models::DropReason::discarded);
  CHECK(report::drop_sentence(c.explanations[1]) ==
        "reached big (10.0.0.0/16)'s origin core, which does not hold web (10.0.1.0/24)");
}

// r -- fw -- ext, r -- b -- ext (cost 10).  r's static default towards fw beats the IGP; a
// black-holed fw keeps it installed without BFD (violated) and takes it out with BFD, when the
// IGP's route over b takes over.
TEST_CASE("a static route stays installed through a gray failure unless BFD watches it",
          "[verifier][routing]") {
  const std::string base =
      "device src host; device r router; device fw firewall; device b router; device ext "
      "external;\n"
      "link src:1 -- r:0; link r:1 -- fw:1; link fw:2 -- ext:1; link r:2 -- b:1 { cost = 10; }\n"
      "link b:2 -- ext:2;\nprefix internet 0.0.0.0/0 at ext;\n"
      "faults { blackhole firewall; }\nrequire reach src -> internet;\n";
  // Without the static the IGP prefers fw (cost 2 against 11): the same violation.
  auto without = design_of(base + "static r internet via fw;\n");
  auto with_bfd = design_of(base + "static r internet via fw { bfd = on; }\n");
  for (auto e : kEngines) {
    CHECK(violating(without, 0, e) == Sets{{"blackhole fw"}});
    CHECK(violating(with_bfd, 0, e) == Sets{{"blackhole fw"}});  // the IGP still prefers fw
  }
  // Costing fw's path out of the IGP leaves only the static pointing at fw.
  auto costly = [&](const std::string& route) {
    std::string text = base + route;
    text.replace(text.find("link r:1 -- fw:1;"), 17, "link r:1 -- fw:1 { cost = 50; }");
    return design_of(text);
  };
  for (auto e : kEngines) {
    CHECK(violating(costly("static r internet via fw;\n"), 0, e) == Sets{{"blackhole fw"}});
    CHECK(violating(costly("static r internet via fw { bfd = on; }\n"), 0, e).empty());
  }
}

// A floating static (distance 200) loses to the IGP (110) until the IGP has no route.
TEST_CASE("the lowest administrative distance wins; junos preferences change them",
          "[verifier][routing]") {
  const std::string base =
      "device a router ATTRS; device b router; device c router; device x router;\n"
      "link a:1 -- b:1; link b:2 -- c:1; link a:2 -- x:1; link x:2 -- c:2;\n"
      "faults { blackhole router; }\nrequire reach a -> c;\n";
  auto with = [&](const std::string& attrs, const std::string& route) {
    std::string text = base;
    text.replace(text.find("ATTRS"), 5, attrs);
    return design_of(text + route);
  };
  // A static via x with distance 20: below the IGP's 110, so a black-holed x breaks the flow
  // (b's equal-cost path is the IGP's, which lost).  With junos preferences the IGP's 10 wins
  // over 20: a walk may take either equal-cost next hop, and either black-holed router breaks
  // it.
  for (auto e : kEngines) {
    CHECK(violating(with("", "static a c via x { distance = 20; }\n"), 0, e) ==
          Sets{{"blackhole x"}});
    CHECK(violating(with("{ preferences = junos; }", "static a c via x { distance = 20; }\n"), 0,
                    e) == Sets{{"blackhole b"}, {"blackhole x"}});
    // The junos default distance of a static (5) still beats the IGP's 10.
    CHECK(violating(with("{ preferences = junos; }", "static a c via x;\n"), 0, e) ==
          Sets{{"blackhole x"}});
  }
}

// h is homed to r1 and r2 but has one static default, via r1: it uses its static routes and
// not the IGP, so losing r1 leaves it with no route although r2 still reaches the destination.
TEST_CASE("a host with static routes uses them instead of the IGP", "[verifier][routing]") {
  auto d = design_of(
      "device h host; device r1 router; device r2 router; device t router;\n"
      "link h:1 -- r1:1; link h:2 -- r2:1; link r1:2 -- t:1; link r2:2 -- t:2;\n"
      "prefix any 0.0.0.0/0 at t;\nstatic h any via r1;\n"
      "faults { down device; }\nrequire reach h -> t;\n");
  for (auto e : kEngines) CHECK(violating(d, 0, e) == Sets{{"down r1"}});
  auto c = verifier::check_requirement(d, 0, {});
  REQUIRE(c.explanations.size() == 1);
  CHECK(c.explanations[0].drop.reason == models::DropReason::no_route);
  CHECK(report::drop_sentence(c.explanations[0]) ==
        "h has no route to t: its static any (0.0.0.0/0) is withdrawn (r1: link believed down)");
}

// A static towards a gateway behind a switch whose only path there is down: the segment gives
// no route, and the explanation says so.
TEST_CASE("a static over a segment with no path left is withdrawn as unreachable",
          "[verifier][routing]") {
  auto d = design_of(
      "device h host; device s switch; device gw router; device t router;\n"
      "link h:1 -- s:1; link s:2 -- gw:1; link gw:2 -- t:1;\n"
      "static h t via gw;\nfaults { down link; }\nrequire reach h -> t;\n");
  for (auto e : kEngines)
    CHECK(violating(d, 0, e) == Sets{{"down gw:2--t:1"}, {"down h:1--s:1"}, {"down s:2--gw:1"}});
  auto c = verifier::check_requirement(d, 0, {});
  REQUIRE(c.explanations.size() == 3);
  CHECK(report::drop_sentence(c.explanations[2]) ==
        "h has no route to t: its static t is withdrawn (gw: unreachable through switches)");
  // The route each hop used, in the report's words.
  CHECK(report::route_lines(c.explanations[0]) ==
        std::vector<std::string>{
            "h: static t via gw, distance 1 (installed via gw: reachable through switches, no "
            "BFD)",
            "s: carries the frame towards gw (layer 2, no lookup)"});
}

// A static route towards a host that is no origin of the destination: the walk dies there
// (hosts carry no transit).
TEST_CASE("a walk that arrives at a host it is not addressed to dies there",
          "[verifier][routing]") {
  auto d = design_of(
      "device a router; device h host; device t router;\n"
      "link a:1 -- h:1; link a:2 -- t:1;\n"
      "static a t via h;\nfaults { down link; }\nrequire reach a -> t tolerate 0;\n");
  for (auto e : kEngines) CHECK(violating(d, 0, e) == Sets{{}});
  auto c = verifier::check_requirement(d, 0, {});
  REQUIRE(c.explanations.size() == 1);
  CHECK(c.explanations[0].drop.reason == models::DropReason::no_transit);
  CHECK(report::drop_sentence(c.explanations[0]) ==
        "the walk reaches h, which carries no transit (not an origin of t)");
}

// Anycast: two origins; the universe leaves out no single origin (each alone takes out only
// one), and both together break it.
TEST_CASE("an anycast prefix is delivered while one origin survives", "[verifier][routing]") {
  auto d = design_of(
      "device a router; device s1 host; device s2 host;\n"
      "link a:1 -- s1:1; link a:2 -- s2:1;\n"
      "prefix svc 192.0.2.0/24 at s1, s2;\n"
      "faults { down device; }\nrequire reach a -> svc tolerate 2;\n");
  for (auto e : kEngines) CHECK(violating(d, 0, e) == Sets{{"down s1", "down s2"}});
}

// a reaches c over x or y.  One static via both is static ECMP: a walk may take either, so a
// black-holed x or y breaks it, while a downed one only takes its next hop out.  Two statics of
// equal distance unite the same way; a higher distance floats behind.
TEST_CASE("static ECMP over every installed neighbour; equal distances unite",
          "[verifier][routing]") {
  const std::string base =
      "device a router; device x router; device y router; device c router;\n"
      "link a:1 -- x:1; link a:2 -- y:1 { cost = 5; } link x:2 -- c:1; link y:2 -- c:2;\n"
      "faults { down device; blackhole router; }\nrequire reach a -> c;\n";
  for (auto e : kEngines) {
    // Without statics the IGP sends everything over x (cost 2 against 6).
    CHECK(violating(design_of(base), 0, e) == Sets{{"blackhole x"}});
    CHECK(violating(design_of(base + "static a c via x, y;\n"), 0, e) ==
          Sets{{"blackhole x"}, {"blackhole y"}});
    CHECK(violating(design_of(base + "static a c via x;\nstatic a c via y;\n"), 0, e) ==
          Sets{{"blackhole x"}, {"blackhole y"}});
    CHECK(violating(design_of(base + "static a c via y;\nstatic a c via x { distance = 5; }\n"), 0,
                    e) == Sets{{"blackhole y"}});
  }
}

// a's static towards x rides a two-member LAG; the IGP would go over y (the LAG costs 50).
// The static's BFD session stays up while one member carries traffic both ways: a black-holed
// x takes the route out (the IGP takes over), a black-holed member port of a does not — the
// walk hashed onto that member dies there (watching every member is micro-BFD's job).
TEST_CASE("a static's BFD over a LAG watches one member", "[verifier][routing]") {
  const std::string base =
      "device a router; device x router; device y router; device c router;\n"
      "link a:1 -- x:1; link a:2 -- x:2; link a:3 -- y:1 { cost = 10; }\n"
      "link x:3 -- c:1; link y:2 -- c:2;\n"
      "lag a:ae0 { members = a:1, a:2; cost = 50; MICRO}\n"
      "static a c via x { bfd = on; }\n"
      "faults { blackhole router; blackhole port; }\nrequire reach a -> c;\n";
  auto with = [&](const std::string& micro) {
    std::string text = base;
    text.replace(text.find("MICRO"), 5, micro);
    return design_of(text);
  };
  for (auto e : kEngines) {
    CHECK(violating(with(""), 0, e) ==
          Sets{{"blackhole a:1"}, {"blackhole a:2"}, {"blackhole x:3"}});
    // With micro-BFD the black-holed member leaves the bundle; x's own port towards c is
    // beyond every detector of the static.
    CHECK(violating(with("microbfd = on; "), 0, e) == Sets{{"blackhole x:3"}});
  }
}

// h's default gateway gw sits behind switch s: s carries h's frames to gw without looking the
// destination up.  A black-holed s or gw breaks it, BFD or not: there is no second path.
TEST_CASE("switches carry a static's frames to a next hop behind them", "[verifier][routing]") {
  const std::string base =
      "device h host; device s switch; device gw router; device ext external;\n"
      "link h:1 -- s:1; link s:2 -- gw:1; link gw:2 -- ext:1;\n"
      "prefix internet 0.0.0.0/0 at ext;\n"
      "faults { blackhole switch; blackhole router; }\nrequire reach h -> internet;\n";
  for (const char* route :
       {"static h internet via gw;\n", "static h internet via gw { bfd = on; }\n"})
    for (auto e : kEngines)
      CHECK(violating(design_of(base + route), 0, e) == Sets{{"blackhole gw"}, {"blackhole s"}});
  auto c = verifier::check_requirement(design_of(base + "static h internet via gw;\n"), 0, {});
  REQUIRE(c.explanations.size() == 2);
  // blackhole gw: the walk h → s (carrying towards gw) → gw, dying at gw.
  const auto& walk = c.explanations[0].walk;
  REQUIRE(walk.size() == 3);
  CHECK(walk[1].device == "s");
  CHECK(walk[1].carried_to == "gw");
  CHECK(walk[2].carried_to.empty());
}

// s itself originates web; h's static for web points at gw behind s.  The frame crosses s on
// the way to gw without being delivered (it is addressed to gw), gw sends it back to s, which
// delivers it: a router-on-a-stick hairpin, no loop.  So a black-holed gw breaks it.
TEST_CASE("a carried frame is not delivered at the switch it crosses; a hairpin is no loop",
          "[verifier][routing]") {
  auto d = design_of(
      "device h host; device s switch; device gw router;\n"
      "link h:1 -- s:1; link s:2 -- gw:1;\n"
      "prefix web 10.0.1.0/24 at s;\nstatic h web via gw;\n"
      "faults { blackhole router; }\nrequire reach h -> web;\n");
  for (auto e : kEngines) CHECK(violating(d, 0, e) == Sets{{"blackhole gw"}});
}

// Three servers behind access switches acc1/acc2 with gateways gw1 (behind acc1) and gw2
// (behind acc2).  srv1 is homed to acc1 only: a black-holed acc1 takes both its sessions down
// and leaves it nothing.  srv2 is homed to both with BFD: acc1's black hole takes the gw1
// session down (every walk to gw1 crosses acc1), and gw2's path survives.  srv3 is srv2
// without BFD: the route via gw1 stays installed and its walks die at acc1.
TEST_CASE("BFD on a static over a segment helps where a second gateway path exists",
          "[verifier][routing]") {
  auto d = design_of(
      "device srv1 host; device srv2 host; device srv3 host; device acc1 switch;\n"
      "device acc2 switch; device gw1 router; device gw2 router; device ext external;\n"
      "link srv1:0 -- acc1:1; link srv2:0 -- acc1:2; link srv2:1 -- acc2:2;\n"
      "link srv3:0 -- acc1:3; link srv3:1 -- acc2:3; link acc1:9 -- gw1:0;\n"
      "link acc2:9 -- gw2:0; link acc1:8 -- acc2:8; link gw1:1 -- ext:1; link gw2:1 -- ext:2;\n"
      "prefix internet 0.0.0.0/0 at ext;\n"
      "static srv1 internet via gw1, gw2 { bfd = on; }\n"
      "static srv2 internet via gw1, gw2 { bfd = on; }\n"
      "static srv3 internet via gw1, gw2;\n"
      "faults { blackhole switch; }\n"
      "require reach srv1 -> internet;\nrequire reach srv2 -> internet;\n"
      "require reach srv3 -> internet;\n");
  for (auto e : kEngines) {
    CHECK(violating(d, 0, e) == Sets{{"blackhole acc1"}});
    CHECK(violating(d, 1, e).empty());
    CHECK(violating(d, 2, e) == Sets{{"blackhole acc1"}, {"blackhole acc2"}});
  }
}

// x (AS 2) -- sw1, sw2 -- e (AS 1) -- h: x learns h's range from e over eBGP through the two
// switches.  A black-holed port of sw1 towards e drops what x hashes onto sw1, while the
// session's own packets may take sw2 (DESIGN.md §8: its walks are adversarial): the session
// stays up and x keeps the route.  A black-holed port of sw1 towards x drops what e sends that
// way, its session packets too: the session may go down, and x has no route.  A black-holed
// port of e towards h is at a session end: the session's packets never die there.
TEST_CASE("a walk into a black-hole says why the BGP session behind its route stayed up",
          "[verifier][bgp]") {
  auto d = design_of(
      "device x external { asn = 2; }\ndevice sw1 switch;\ndevice sw2 switch;\n"
      "device e router { asn = 1; }\ndevice h host;\n"
      "link x:1 -- sw1:1;\nlink x:2 -- sw2:1;\nlink sw1:2 -- e:1;\nlink sw2:2 -- e:2;\n"
      "link e:3 -- h:1;\n"
      "prefix net 10.1.0.0/16 at h;\noriginate e net;\nbgp e -- x;\n"
      "faults { blackhole port; }\nrequire reach x -> net;\n");
  auto c = verifier::check_requirement(d, 0, {});
  const Sets sets = testing::set_names(d, c.result);
  CHECK(sets == Sets{{"blackhole e:3"},
                     {"blackhole sw1:1"},
                     {"blackhole sw1:2"},
                     {"blackhole sw2:1"},
                     {"blackhole sw2:2"}});
  REQUIRE(c.explanations.size() == 5);
  auto sentences = [&](std::size_t i) {
    std::vector<std::string> out;
    for (const auto& u : c.explanations[i].unnoticed) out.push_back(report::unnoticed_sentence(u));
    return out;
  };
  CHECK(sentences(0) == std::vector<std::string>{
                            "link e:3--h:1 stays up: no BFD",
                            "session e--x stays up: the black-hole at its end e:3 never touches "
                            "the session's own packets (the control plane still talks), so x "
                            "keeps its route from e"});
  CHECK(c.explanations[1].drop.reason == models::DropReason::no_route);
  CHECK(sentences(1).empty());
  CHECK(sentences(2) ==
        std::vector<std::string>{"link sw1:2--e:1 stays up: no BFD",
                                 "session e--x stays up: its own packets take a walk that is "
                                 "delivered, so x keeps its route from e"});
}
