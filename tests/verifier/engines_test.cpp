#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>

#include "report/report.hpp"
#include "report/words.hpp"
#include "tests/support/load.hpp"
#include "tests/support/random_design.hpp"
#include "tests/support/sets.hpp"
#include "verifier/check.hpp"
#include "verifier/engines.hpp"

using namespace faultline;
using testing::design_of;

namespace {
std::string example(const std::string& rel) {
  return std::string(FAULTLINE_SOURCE_DIR) + "/examples/" + rel;
}
std::string example_text(const std::string& rel) {
  std::ifstream in(example(rel));
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::vector<std::vector<std::string>> sets(const models::Design& d,
                                           const verifier::CheckedRequirement& c) {
  return testing::set_names(d, c.result);
}

verifier::SearchOptions engine(verifier::Engine e) {
  verifier::SearchOptions o;
  o.engine = e;
  return o;
}
}  // namespace

TEST_CASE("the MC-LAG edge PoP: the four single points of failure of the incident",
          "[verifier][examples]") {
  for (auto e : {verifier::Engine::smt, verifier::Engine::enumerate}) {
    auto rep = verifier::check_file(example("incidents/mclag-edge-pop.fl"), engine(e));
    REQUIRE(rep.design);
    const auto& edge = rep.requirements[0];
    CHECK(edge.result.status == verifier::Status::violated);
    CHECK(edge.result.events_considered == 13);
    CHECK(sets(*rep.design, edge) ==
          std::vector<std::vector<std::string>>{{"blackhole ca1"},
                                                {"blackhole ca2"},
                                                {"common os=junos-evo 23.4R2 down"},
                                                {"down ca1:et-0/0/0--ca2:et-0/0/0"}});
    // The gray failure is explained: the member stays in the bundle because nothing watches it.
    const auto& ex = edge.explanations[1];
    CHECK(ex.drop.device == "ca2");
    CHECK(ex.drop.reason == models::DropReason::blackholed_device);
    REQUIRE(ex.unnoticed.size() == 1);
    CHECK(ex.unnoticed[0].kind == verifier::Unnoticed::Kind::lacp_no_micro_bfd);
    CHECK(report::unnoticed_sentence(ex.unnoticed[0]) ==
          "member edge1:et-0/1/0 stays in ae0: LACP still up, no micro-BFD");
    REQUIRE(ex.walk.size() == 2);
    CHECK(ex.walk[0].out == "et-0/1/0");
    CHECK(ex.walk[1].in == "et-0/0/8");
  }
}

TEST_CASE("the repaired edge PoP and the leaf-spine fabric are proved", "[verifier][examples]") {
  for (const char* f : {"incidents/mclag-edge-pop-repaired.fl", "leaf-spine.fl"}) {
    auto rep = verifier::check_file(example(f), {});
    REQUIRE(rep.design);
    for (const auto& r : rep.requirements) CHECK(r.result.status == verifier::Status::proved);
    CHECK(verifier::exit_code({rep}) == 0);
  }
}

TEST_CASE(
    "twin core routers: the shared OS release is the only single event that cuts the servers off",
    "[verifier][examples]") {
  auto rep = verifier::check_file(example("incidents/twin-core-routers.fl"), {});
  REQUIRE(rep.design);
  for (const auto& r : rep.requirements) {
    if (rep.design->net.requirements[r.result.requirement].kind != models::Requirement::Kind::reach)
      continue;
    CHECK(sets(*rep.design, r) ==
          std::vector<std::vector<std::string>>{{"common os=iosxr 7.5.2 down"}});
  }
}

TEST_CASE("a design that fails with no fault reports the empty set alone", "[verifier]") {
  auto d = design_of(
      "device a router; device b router; device c router;\nlink a:1 -- c:1;\nrequire reach a -> "
      "b;\n");
  auto c = verifier::check_requirement(d, 0, {});
  CHECK(c.result.status == verifier::Status::violated);
  CHECK(sets(d, c) == std::vector<std::vector<std::string>>{{}});
  CHECK(c.explanations[0].drop.reason == models::DropReason::no_route);
}

TEST_CASE("connected is judged over the survivors", "[verifier]") {
  // A chain a - b - c: losing b separates a from c; losing a leaves b and c connected.
  auto d = design_of(
      "device a router; device b router; device c router;\nlink a:1 -- b:1;\nlink b:2 -- c:1;\n"
      "faults { down device; }\nrequire connected *;\n");
  auto c = verifier::check_requirement(d, 0, {});
  CHECK(c.result.events_considered == 3);
  CHECK(sets(d, c) == std::vector<std::vector<std::string>>{{"down b"}});
}

TEST_CASE("parallel links are distinct: a doubly cabled pair is no single point of failure",
          "[verifier]") {
  auto d = design_of(
      "device a router; device b router;\nlink a:1 -- b:1;\nlink a:2 -- b:2;\n"
      "faults { down link; }\nrequire reach a -> b;\nrequire reach a -> b tolerate 2;\n");
  CHECK(verifier::check_requirement(d, 0, {}).result.status == verifier::Status::proved);
  CHECK(sets(d, verifier::check_requirement(d, 1, {})) ==
        std::vector<std::vector<std::string>>{{"down a:1--b:1", "down a:2--b:2"}});
}

TEST_CASE("a proof counts every fault combination it covers", "[verifier]") {
  CHECK(verifier::combinations_up_to(13, 1) == 14);
  CHECK(verifier::combinations_up_to(13, 2) == 92);
  CHECK(verifier::combinations_up_to(3, 8) == 8);
  CHECK(verifier::to_decimal(verifier::combinations_up_to(3000, 8)) == "161642183327613391961726");
}

TEST_CASE("a time limit gives unknown, never proved", "[verifier][limits]") {
  testing::RandomDesignOptions big;
  big.min_devices = big.max_devices = 12;
  // Many random designs with a limit far below what their search needs.
  int limited = 0;
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    auto d = design_of(testing::random_design(seed, big));
    for (std::size_t i = 0; i < d.net.requirements.size(); ++i) {
      verifier::SearchOptions o;
      o.timeout_seconds = 1e-9;
      auto r = verifier::check_requirement(d, i, o).result;
      CHECK(r.status != verifier::Status::proved);
      if (r.status == verifier::Status::unknown) {
        ++limited;
        CHECK(r.unknown_reason.find("time limit") != std::string::npos);
      }
    }
  }
  CHECK(limited > 0);
}

TEST_CASE("the same input gives byte-identical reports", "[verifier][determinism]") {
  auto render = [](const std::string& f, bool json) {
    std::vector<verifier::DesignReport> reps{verifier::check_file(f, {})};
    std::ostringstream out;
    if (json)
      report::write_json(out, reps, {});
    else
      report::write_text(out, reps, {});
    return out.str();
  };
  for (bool json : {false, true}) {
    auto a = render(example("incidents/mclag-edge-pop.fl"), json);
    CHECK(a == render(example("incidents/mclag-edge-pop.fl"), json));
  }
}

namespace {
// One pair, 40 dual-homed clients of `kind`, one ICCP link: losing it splits the brain of all.
std::string forty_clients(const std::string& kind) {
  std::string text =
      "device p switch; device q switch;\nlink p:icl -- q:icl;\nmclag m { peers = p, q; iccp = "
      "p:icl; }\n";
  for (int i = 0; i < 40; ++i) {
    std::string s = "s" + std::to_string(i);
    text += "device " + s + " " + kind + ";\nlink " + s + ":e0 -- p:h" + std::to_string(i) +
            ";\nlink " + s + ":e1 -- q:h" + std::to_string(i) + ";\nlag " + s +
            ":bond0 { members = " + s + ":e0, " + s + ":e1; }\n";
  }
  return text + "faults { down link; }\nrequire reach s0 -> s1;\n";
}
}  // namespace

TEST_CASE("many MC-LAG clients in split brain: no hang; smt replays the model's choices",
          "[verifier][limits]") {
  // Transit clients all take part in the requirement: 2^40 choice combinations.
  auto d = design_of(forty_clients("switch"));
  auto smt = verifier::check_requirement(d, 0, {});
  CHECK(smt.result.method == std::string("smt"));  // too many choices for the hot search
  CHECK(smt.result.status == verifier::Status::violated);
  CHECK(sets(d, smt) == std::vector<std::vector<std::string>>{{"down p:icl--q:icl"}});
  REQUIRE(smt.explanations.size() == 1);
  CHECK(report::state_sentence(smt.explanations[0].state[0]).rfind("mclag m: ICCP lost", 0) == 0);
  auto oracle = verifier::check_requirement(d, 0, engine(verifier::Engine::enumerate));
  CHECK(oracle.result.status == verifier::Status::unknown);
  CHECK(oracle.result.unknown_reason.find("split-brain choice combinations") != std::string::npos);
}

TEST_CASE("the split-brain choices of hosts a requirement does not use are not enumerated",
          "[verifier][limits]") {
  // Host clients: only the endpoints' two choices matter, so every engine decides.
  auto d = design_of(forty_clients("host"));
  auto hot = verifier::check_requirement(d, 0, {});
  verifier::SearchOptions z3_only;
  z3_only.fast_path = false;
  auto smt = verifier::check_requirement(d, 0, z3_only);
  auto oracle = verifier::check_requirement(d, 0, engine(verifier::Engine::enumerate));
  CHECK(hot.result.method == std::string("hot"));
  CHECK(smt.result.method == std::string("smt"));  // --no-fast-path: Z3 for reach too
  for (const auto* r : {&hot, &smt, &oracle}) {
    CHECK(r->result.status == verifier::Status::violated);
    CHECK(sets(d, *r) == std::vector<std::vector<std::string>>{{"down p:icl--q:icl"}});
  }
}

TEST_CASE("hot search: a split brain's choices can open paths the state before did not use",
          "[verifier][hot]") {
  // p's route to b runs through client c; when the ICCP link fails and c keeps q, p falls back
  // to x (cost 5).  x is on no path before the split, so "blackhole x" is cold at the empty
  // set and only the chain {down ICCP} -> {blackhole x} reaches the pair: the search must treat
  // every event as hot at a state whose relevant domain is in split brain.
  auto d = design_of(R"(
    device a host; device b host;
    device p switch; device q switch; device c switch; device x switch;
    link a:e0 -- p:a;
    link p:icl -- q:icl;
    mclag m { peers = p, q; iccp = p:icl; }
    link c:e0 -- p:c;
    link c:e1 -- q:c;
    lag c:ae0 { members = c:e0, c:e1; }
    link c:b -- b:e0;
    link p:x -- x:p { cost = 5; }
    link x:b -- b:e1;
    faults { down link; blackhole switch; }
    require reach a -> b tolerate 2;
  )");
  auto hot = verifier::check_requirement(d, 0, {});
  auto oracle = verifier::check_requirement(d, 0, engine(verifier::Engine::enumerate));
  CHECK(hot.result.method == std::string("hot"));
  CHECK(sets(d, hot) == sets(d, oracle));
  auto found = sets(d, hot);
  CHECK(std::count(found.begin(), found.end(),
                   std::vector<std::string>{"blackhole x", "down p:icl--q:icl"}) == 1);
}

TEST_CASE("FAULTLINE_DUMP_SMT2 writes the first query as SMT-LIB2 with event-named literals",
          "[verifier]") {
  std::string path = "/tmp/faultline-dump-test.smt2";
  std::remove(path.c_str());
  ::setenv("FAULTLINE_DUMP_SMT2", path.c_str(), 1);
  verifier::SearchOptions z3_only;
  z3_only.fast_path = false;  // reach would be decided by the hot-event search, without Z3
  auto rep = verifier::check_file(example("incidents/mclag-edge-pop.fl"), z3_only);
  ::unsetenv("FAULTLINE_DUMP_SMT2");
  std::ifstream in(path);
  REQUIRE(in.good());
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(text.find("|fault[blackhole ca1]|") != std::string::npos);
  CHECK(text.find("(check-sat)") != std::string::npos);
  std::remove(path.c_str());
}

TEST_CASE("the degree search agrees with the oracle and with the minimal sets at a larger K",
          "[verifier][degree]") {
  // For random designs: the product engine's degree equals the oracle's, and equals the size of
  // the smallest minimal set the oracle finds at K = 3, minus one (when there is one).
  int exact_beyond = 0;
  for (std::uint64_t seed = 1; seed <= testing::random_designs(60); ++seed) {
    auto d = design_of(testing::random_design(seed));
    for (std::size_t i = 0; i < d.net.requirements.size(); ++i) {
      INFO("seed " << seed << ", requirement " << i);
      verifier::SearchOptions product, oracle = engine(verifier::Engine::enumerate), k3 = oracle;
      product.degree = oracle.degree = true;
      k3.k = 3;
      auto a = verifier::check_requirement(d, i, product);
      auto b = verifier::check_requirement(d, i, oracle);
      if (a.result.status == verifier::Status::unknown ||
          b.result.status == verifier::Status::unknown)
        continue;
      REQUIRE(a.result.degree);
      REQUIRE(b.result.degree);
      CHECK(a.result.degree->value == b.result.degree->value);
      CHECK(a.result.degree->exact == b.result.degree->exact);
      auto names = [&](const std::vector<verifier::Violation>& vs) {
        std::vector<std::vector<std::string>> out;
        for (const auto& v : vs) {
          out.emplace_back();
          for (auto e : v.events) out.back().push_back(d.events[e].name);
        }
        return out;
      };
      CHECK(names(a.result.degree->sets) == names(b.result.degree->sets));
      auto c = verifier::check_requirement(d, i, k3);
      if (c.result.status != verifier::Status::violated) continue;
      std::size_t smallest = 99;
      for (const auto& v : c.result.violations) smallest = std::min(smallest, v.events.size());
      CHECK(a.result.degree->value == static_cast<int>(smallest) - 1);
      if (!a.result.degree->sets.empty()) ++exact_beyond;
    }
  }
  // The search beyond K was exercised, not only violated requirements.
  CHECK(exact_beyond > static_cast<int>(testing::random_designs(60) / 12));
}

namespace {
// s reaches t over three equal-cost paths; the first two leave s through one duct, and their
// middle routers were configured in one change.
std::string three_paths(const std::string& link_opts, const std::string& faults) {
  return R"(
    device s router; device t router;
    device x1 router { change = "cr-1234"; } device x2 router { change = "cr-1234"; }
    device x3 router { change = "cr-1300"; }
    link s:e1 -- x1:w { conduit = "duct-7"; site = "fra1"; )" +
         link_opts + R"( }
    link s:e2 -- x2:w { conduit = "duct-7"; )" +
         link_opts + R"( }
    link s:e3 -- x3:w { conduit = "duct-9"; )" +
         link_opts + R"( }
    link x1:e -- t:e1; link x2:e -- t:e2; link x3:e -- t:e3;
    faults { )" +
         faults + R"( }
    require reach s -> t;
  )";
}
std::vector<std::string> event_names(const models::Design& d) {
  std::vector<std::string> out;
  for (const auto& e : d.events) out.push_back(e.name);
  return out;
}
}  // namespace

TEST_CASE("shared risks on links and change groups: common conduit, site and change",
          "[verifier][risks]") {
  auto all_engines = [](const models::Design& d) {
    std::vector<verifier::CheckedRequirement> out;
    verifier::SearchOptions z3_only;
    z3_only.fast_path = false;
    for (const auto& o : {verifier::SearchOptions{}, z3_only, engine(verifier::Engine::enumerate)})
      out.push_back(verifier::check_requirement(d, 0, o));
    return out;
  };
  SECTION("a duct cut takes both links in it: one event, and it breaks the pair of paths") {
    auto d = design_of(three_paths("", "down link; common conduit;"));
    // duct-9 holds one link only: no event for it.
    CHECK(event_names(d) == std::vector<std::string>{"down s:e1--x1:w", "down s:e2--x2:w",
                                                     "down s:e3--x3:w", "down x1:e--t:e1",
                                                     "down x2:e--t:e2", "down x3:e--t:e3",
                                                     "common conduit=duct-7 down"});
    REQUIRE(d.events.back().links.size() == 2);
    for (const auto& c : all_engines(d)) {
      // Still proved: the third path survives the duct cut.
      CHECK(c.result.status == verifier::Status::proved);
    }
  }
  SECTION("a black-holed duct keeps its links up and drops what they carry") {
    auto d = design_of(three_paths("", "common conduit blackhole;"));
    REQUIRE(d.events.size() == 1);
    CHECK(d.events[0].name == "common conduit=duct-7 blackhole");
    CHECK(d.events[0].links.empty());
    CHECK(d.events[0].ports.size() == 4);  // both ends of both links
    for (const auto& c : all_engines(d)) {
      CHECK(c.result.status == verifier::Status::violated);
      REQUIRE(c.explanations.size() == 1);
      CHECK(c.explanations[0].drop.reason == models::DropReason::blackholed_port);
    }
    // With BFD on the links the two circuits are detected and routed around.
    auto bfd = design_of(three_paths("bfd = on;", "common conduit blackhole;"));
    for (const auto& c : all_engines(bfd)) CHECK(c.result.status == verifier::Status::proved);
  }
  SECTION("one change on both middle routers of two paths, one site on a router and a link") {
    auto d = design_of(three_paths("", "common change; common site;"));
    // cr-1300 is on x3 alone; fra1 joins nothing else: no event for either.
    CHECK(event_names(d) == std::vector<std::string>{"common change=cr-1234 down"});
    CHECK(d.events[0].devices.size() == 2);
    for (const auto& c : all_engines(d)) CHECK(c.result.status == verifier::Status::proved);
    auto both = design_of(R"(
      device a router { site = "fra1"; } device b router;
      link a:p -- b:p { site = "fra1"; }
      faults { common site; }
      require reach a -> b;
    )");
    REQUIRE(both.events.size() == 1);
    CHECK(both.events[0].devices.size() == 1);
    CHECK(both.events[0].links.size() == 1);
  }
}

TEST_CASE("probabilities: sets ranked likeliest first, the requirement bounded by their sum",
          "[verifier][probability]") {
  auto d = design_of(example_text("incidents/probabilities.fl"));
  auto c = verifier::check_requirement(d, 0, {});
  REQUIRE(c.result.status == verifier::Status::violated);
  double sum = 0;
  double previous = 1;
  for (const auto& v : c.result.violations) {
    double p = 1;
    for (auto e : v.events) p *= *d.events[e].probability;  // independent events
    REQUIRE(v.probability);
    CHECK(*v.probability == Approx(p));
    CHECK(p <= previous);  // ranked
    previous = p;
    sum += p;
  }
  REQUIRE(c.result.probability);
  CHECK(*c.result.probability == Approx(sum));
  CHECK(d.events[c.result.violations[0].events[0]].name == "common conduit=duct-west down");
  // One event without p: no bound, and the canonical order.
  auto partial = design_of(R"(
    device a router; device b router; device c router;
    link a:1 -- b:1; link a:2 -- c:1; link c:2 -- b:2;
    faults { down link p = 1e-3; down device; }
    require reach a -> b tolerate 2;
  )");
  auto q = verifier::check_requirement(partial, 0, {});
  CHECK(!q.result.probability);
  for (const auto& v : q.result.violations)
    CHECK(v.probability.has_value() ==
          std::all_of(v.events.begin(), v.events.end(),
                      [&](std::size_t e) { return partial.events[e].probability.has_value(); }));
}

TEST_CASE("degree: nothing up to 8 events breaks it, so the degree is a lower bound",
          "[verifier][degree]") {
  // Ten parallel links: it takes all ten down, beyond the 8 the degree search looks at.
  std::string text = "device a router; device b router;\n";
  for (int i = 0; i < 10; ++i)
    text += "link a:p" + std::to_string(i) + " -- b:p" + std::to_string(i) + ";\n";
  text += "faults { down link; }\nrequire reach a -> b;\n";
  auto d = design_of(text);
  verifier::SearchOptions o;
  o.degree = true;
  auto c = verifier::check_requirement(d, 0, o);
  CHECK(c.result.status == verifier::Status::proved);
  REQUIRE(c.result.degree);
  CHECK(c.result.degree->value == 8);
  CHECK(!c.result.degree->exact);
  CHECK(c.result.degree->reason == "no set of at most 8 events violates it");
  // Three links: all three at once is the smallest breaking set.
  auto three = design_of(
      "device a router; device b router;\nlink a:1 -- b:1; link a:2 -- b:2; link a:3 -- b:3;\n"
      "faults { down link; }\nrequire reach a -> b;\n");
  auto t = verifier::check_requirement(three, 0, o);
  REQUIRE(t.result.degree);
  CHECK(t.result.degree->value == 2);
  CHECK(t.result.degree->exact);
  CHECK(t.result.degree->sets.size() == 1);
}

// Fast paths by allow-list (models/features.hpp): a requirement that uses a feature no fast path
// lists — here one that a later layer would add — goes to Z3, and the verdict stays the same.
TEST_CASE("a feature no fast path lists sends the requirement to Z3", "[engines][features]") {
  auto d = design_of(
      "device a router; device b router; device c router; device s switch;\n"
      "link a:1 -- b:1;\nlink b:2 -- c:1;\nlink a:2 -- s:1;\nlink s:2 -- c:2;\n"
      "faults { down device, link; }\n"
      "require reach a -> c;\nrequire connected *;\n");
  verifier::SearchOptions product;
  auto before_reach = verifier::check_requirement(d, 0, product);
  auto before_connected = verifier::check_requirement(d, 1, product);
  CHECK(std::string(before_reach.result.method) == "failstop");
  CHECK(std::string(before_connected.result.method) == "failstop");
  // A blackhole fault takes reach off the fail-stop list but keeps it on the hot list.
  auto gray = design_of(
      "device a router; device b router; device c router;\nlink a:1 -- b:1;\nlink b:2 -- c:1;\n"
      "link a:2 -- c:2;\nfaults { blackhole router; }\nrequire reach a -> c;\n");
  CHECK(std::string(verifier::check_requirement(gray, 0, product).result.method) == "hot");

  auto unlisted = static_cast<models::Feature>(models::kFeatureCount);  // named by no list
  d.features.add(unlisted);
  gray.features.add(unlisted);
  auto after_reach = verifier::check_requirement(d, 0, product);
  auto after_connected = verifier::check_requirement(d, 1, product);
  CHECK(std::string(after_reach.result.method) == "smt");
  CHECK(std::string(after_connected.result.method) == "smt");
  CHECK(std::string(verifier::check_requirement(gray, 0, product).result.method) == "smt");
  CHECK(after_reach.result.status == before_reach.result.status);
  CHECK(sets(d, after_connected) == sets(d, before_connected));
}

// A gray `connected` past the small-search bound still goes to the explicit search (SOUNDNESS.md
// §9: Z3 was slower on every one measured); a requirement the explicit judge cannot take goes
// to Z3, which says the search was too large.  A ring of 60 routers
// with every device and link able to fail or black-hole at K = 3 is ~5·10⁵ sets × 120 elements;
// an isolated host makes `connected` fail as it stands, so the search ends at size 0.
TEST_CASE("gray connected takes the explicit search whatever its size", "[engines]") {
  std::string text = "device lone host;\n";
  for (int i = 0; i < 60; ++i)
    text += "device r" + std::to_string(i) + " router;\nlink r" + std::to_string(i) + ":1 -- r" +
            std::to_string((i + 1) % 60) + ":2;\n";
  text +=
      "faults { down device, link; blackhole router; }\n"
      "require connected * tolerate 3;\nrequire reach r0 -> lone tolerate 3;\n";
  auto d = design_of(text);
  verifier::SearchOptions product;
  auto c = verifier::check_requirement(d, 0, product);
  CHECK(std::string(c.result.method) == "explicit");
  CHECK(c.result.method_reason.find("whatever the size") != std::string::npos);
  CHECK(c.result.status == verifier::Status::violated);
  auto unlisted = static_cast<models::Feature>(models::kFeatureCount);  // off every list
  d.features.add(unlisted);
  auto r = verifier::check_requirement(d, 1, product);
  CHECK(std::string(r.result.method) == "smt");
  CHECK(r.result.method_reason.find("too large for the explicit judge") != std::string::npos);
}

// One budget per requirement (engines.hpp SearchContext): a search that takes over from a fast
// path goes on spending the budget the fast path started, instead of a fresh --timeout.  Here
// the time is spent before the Z3 search begins (as a hot search that hands over would have
// spent it): the search stops at once with the limit's reason, where a fresh budget proves it.
TEST_CASE("a search handed over continues the requirement's budget", "[verifier][limits]") {
  auto rep = verifier::load_file(example("incidents/mclag-edge-pop-repaired.fl"));
  REQUIRE(rep.design);
  const models::Design& d = *rep.design;
  const models::Requirement& req = d.net.requirements[0];
  auto universe = models::requirement_universe(d.net, d.events, req);
  auto used = models::requirement_features(d.net, d.features, d.events, req, universe);
  // The options say 600 s; the budget handed in is what the search may spend.  A search that
  // made a fresh budget from its options would prove the requirement in both cases.
  verifier::SearchOptions opts;
  opts.timeout_seconds = 600;
  auto search = [&](verifier::Budget& budget) {
    verifier::SearchStats stats;
    verifier::SearchContext c{d, req, universe, used, opts, budget, stats};
    return verifier::search_smt(c);
  };
  verifier::Budget fresh(opts);
  CHECK(search(fresh).status == verifier::Status::proved);
  verifier::SearchOptions tight = opts;
  tight.timeout_seconds = 0.02;
  verifier::Budget spent(tight);
  while (spent.elapsed() <= tight.timeout_seconds) {
  }
  auto answer = search(spent);
  CHECK(answer.status == verifier::Status::unknown);
  CHECK(answer.unknown_reason == "time limit of 0.02 s reached");
}

// DESIGN.md §7 requirements on walks, by hand.  Routers a, b, c and a firewall fw: a reaches c
// over fw at cost 2, over b at cost 11 (a:2 -- b:1 costs 10), so the b path is taken only when
// the fw path is gone.  Each requirement by Z3 and by the oracle.
namespace {
const char* const kWaypointDesign =
    "device a router; device b router; device c router; device fw firewall;\n"
    "link a:1 -- fw:1; link fw:2 -- c:1;\n"
    "link a:2 -- b:1 { cost = 10; } link b:2 -- c:2;\n";
std::vector<std::vector<std::string>> violating(const std::string& requirement,
                                                verifier::Engine e) {
  auto d = design_of(std::string(kWaypointDesign) + requirement + "\n");
  auto o = engine(e);
  o.fast_path = e != verifier::Engine::smt;  // Z3 itself, not the small-search path
  auto c = verifier::check_requirement(d, 0, o);
  CHECK(std::string(c.result.method) == (e == verifier::Engine::smt ? "smt" : "enumerate"));
  return sets(d, c);
}
}  // namespace

TEST_CASE("reach via: every delivered walk passes a waypoint", "[verifier][walk-clauses]") {
  for (auto e : {verifier::Engine::smt, verifier::Engine::enumerate}) {
    // As designed every walk passes fw; each fault on the fw path moves the flow onto b.
    CHECK(violating("require reach a -> c via fw tolerate 0;", e).empty());
    CHECK(
        violating("require reach a -> c via fw;", e) ==
        std::vector<std::vector<std::string>>{{"down a:1--fw:1"}, {"down fw"}, {"down fw:2--c:1"}});
    // With b as a second waypoint the detour is allowed; b's own faults break nothing.
    CHECK(violating("require reach a -> c via fw, b;", e).empty());
  }
  auto d = design_of(std::string(kWaypointDesign) + "require reach a -> c via fw;\n");
  auto c = verifier::check_requirement(d, 0, {});
  // The hot-event search takes `via` (proofs/SOUNDNESS.md §7a: the verdict is a function of
  // the walk graph); the fail-stop path does not.
  CHECK(std::string(c.result.method) == "hot");
  REQUIRE(!c.explanations.empty());
  CHECK(c.explanations[0].drop.reason == models::DropReason::missed_waypoints);
  CHECK(report::drop_sentence(c.explanations[0]) ==
        "the walk is delivered at c without passing fw");
  CHECK(report::walk_line(c.explanations[0]) == "a 2 -> 1 b 2 -> 2 c");
}

TEST_CASE("reach avoid: no walk passes an avoided device", "[verifier][walk-clauses]") {
  for (auto e : {verifier::Engine::smt, verifier::Engine::enumerate}) {
    CHECK(violating("require reach a -> c avoid b tolerate 0;", e).empty());
    // The detour passes b: a violation although the flow is delivered.
    CHECK(
        violating("require reach a -> c avoid b;", e) ==
        std::vector<std::vector<std::string>>{{"down a:1--fw:1"}, {"down fw"}, {"down fw:2--c:1"}});
    // Avoiding fw breaks with no fault at all: the walk as designed passes it.
    CHECK(violating("require reach a -> c avoid fw;", e) ==
          std::vector<std::vector<std::string>>{{}});
  }
}

TEST_CASE("isolate: no walk is delivered", "[verifier][walk-clauses]") {
  for (auto e : {verifier::Engine::smt, verifier::Engine::enumerate}) {
    // a and c are linked: isolation fails with no fault.
    CHECK(violating("require isolate a -> c;", e) == std::vector<std::vector<std::string>>{{}});
    // d is linked to nothing: isolated whatever fails.
    auto d = design_of(std::string(kWaypointDesign) +
                       "device d router;\nrequire isolate a -> d tolerate 2;\n");
    auto o = engine(e);
    o.fast_path = e != verifier::Engine::smt;
    CHECK(verifier::check_requirement(d, 0, o).result.status == verifier::Status::proved);
  }
  auto d = design_of(std::string(kWaypointDesign) + "require isolate a -> c tolerate 0;\n");
  auto c = verifier::check_requirement(d, 0, {});
  CHECK(std::string(c.result.method) == "hot");  // and `isolate`
  REQUIRE(c.explanations.size() == 1);
  CHECK(report::drop_sentence(c.explanations[0]) ==
        "the walk is delivered to c at c: it must stay isolated");
}

TEST_CASE("twin-core upstreams: another release on core2 removes the one event that breaks it",
          "[verifier][bgp]") {
  // The example's header claims it: with core2 on its own release there is no `common os`
  // event, every requirement holds at K = 1, and each is broken by pairs.  For `announce
  // servers to transit1`, worked out by hand: each core's announcement ends with the core, its
  // session to transit1, or that link (3 × 3 pairs); or nobody originates servers (no IGP
  // route to it: both aggregation switches down, or both servers).
  std::string text = example_text("incidents/twin-core-upstreams.fl");
  const std::string core2 = "device core2 router { os = \"iosxr 7.5.2\";";
  REQUIRE(text.find(core2) != std::string::npos);
  auto as_given = design_of(text);
  text.replace(text.find(core2), core2.size(), "device core2 router { os = \"iosxr 7.9.1\";");
  auto d = design_of(text);
  for (const auto& e : d.events) CHECK(e.name.rfind("common ", 0) != 0);
  for (std::size_t i = 0; i < d.net.requirements.size(); ++i) {
    CHECK(verifier::check_requirement(d, i, {}).result.status == verifier::Status::proved);
    // As given, the shared release alone breaks it: both cores go down at once.
    auto c = verifier::check_requirement(as_given, i, {});
    CHECK(sets(as_given, c) ==
          std::vector<std::vector<std::string>>{{"common os=iosxr 7.5.2 down"}});
  }
  verifier::SearchOptions degree;
  degree.degree = true;
  auto c = verifier::check_requirement(d, 0, degree);
  REQUIRE(c.result.degree);
  CHECK(c.result.degree->value == 1);
  std::vector<std::vector<std::string>> expected{{"down agg1", "down agg2"},
                                                 {"down srv1", "down srv2"}};
  const std::vector<std::string> core1{"down core1", "down session core1--transit1",
                                       "down core1:hu0/0/0/0--transit1:p1"},
      core2_ends{"down core2", "down session core2--transit1", "down core2:hu0/0/0/0--transit1:p2"};
  for (const auto& a : core1)
    for (const auto& b : core2_ends)
      expected.push_back(a < b ? std::vector{a, b} : std::vector{b, a});
  std::sort(expected.begin(), expected.end());
  std::vector<std::vector<std::string>> got;
  for (const auto& v : c.result.degree->all) {
    got.emplace_back();
    for (std::size_t e : v) got.back().push_back(d.events[e].name);
    std::sort(got.back().begin(), got.back().end());
  }
  std::sort(got.begin(), got.end());
  CHECK(got == expected);
}
