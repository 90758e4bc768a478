// The walk layer (models/walks.hpp): the quantifiers over walks, hand-checked against DESIGN.md
// §4, and the explicit and symbolic readings of each against each other on random designs.
#include <catch2/catch.hpp>

#include <memory>

#include "models/requirements.hpp"
#include "models/state.hpp"
#include "tests/models/two_readings.hpp"
#include "tests/support/load.hpp"
#include "tests/support/random_design.hpp"

using namespace faultline;
using testing::design_of;

namespace {
models::DeviceId id(const models::Design& d, const std::string& n) {
  return d.net.device_by_name.at(n);
}
struct Judged {
  std::unique_ptr<models::ExplicitPlane> plane;  // on the heap: the table refers to it
  models::RouteTable t;
  const models::ExplicitPlane& p() const { return *plane; }
};
Judged judge(const models::Design& d, const std::vector<std::string>& names,
             const std::string& dest) {
  std::vector<std::size_t> set;
  for (const auto& n : names)
    for (std::size_t i = 0; i < d.events.size(); ++i)
      if (d.events[i].name == n) set.push_back(i);
  REQUIRE(set.size() == names.size());
  auto p = std::make_unique<models::ExplicitPlane>(models::make_plane(
      d.net, models::apply_events(d.net, d.events, set), std::vector<char>(d.net.lags.size(), 1)));
  models::RouteTable t(d.net, *p, d.net.host_prefix(id(d, dest)));
  return {std::move(p), std::move(t)};
}
}  // namespace

TEST_CASE("ECMP over a healthy and a black-holed branch: some walk is delivered, not every one",
          "[models][walks]") {
  auto d = design_of(
      "device s router; device x router; device y router; device t router;\n"
      "link s:1 -- x:1;\nlink s:2 -- y:1;\nlink x:2 -- t:1;\nlink y:2 -- t:2;\n"
      "faults { blackhole router; }\n");
  auto j = judge(d, {"blackhole y"}, "t");
  const auto& p = j.p();
  const auto& t = j.t;
  auto all = models::delivers_all(d.net, p, t);
  auto some = models::delivers_some(d.net, p, t);
  CHECK_FALSE(all[id(d, "s")]);
  CHECK(some[id(d, "s")]);
  CHECK(all[id(d, "x")]);
  CHECK_FALSE(some[id(d, "y")]);  // a black-holed device delivers nothing
  auto w = models::dropped_walk(d.net, p, t, all, id(d, "s"));
  CHECK(w.reason == models::DropReason::blackholed_device);
  CHECK(w.steps.back().device == id(d, "y"));
}

TEST_CASE("a black-holed egress port kills the walks over it only", "[models][walks]") {
  auto d = design_of(
      "device s router; device t router;\nlink s:1 -- t:1;\nlink s:2 -- t:2;\n"
      "faults { blackhole port; }\n");
  auto j = judge(d, {"blackhole s:1"}, "t");
  const auto& p = j.p();
  const auto& t = j.t;
  CHECK_FALSE(models::delivers_all(d.net, p, t)[id(d, "s")]);
  CHECK(models::delivers_some(d.net, p, t)[id(d, "s")]);
  auto w = models::dropped_walk(d.net, p, t, models::delivers_all(d.net, p, t), id(d, "s"));
  CHECK(w.reason == models::DropReason::blackholed_port);
  CHECK(*w.member == 0);
}

TEST_CASE("no route: nothing is delivered, the walk dies at the source", "[models][walks]") {
  auto d = design_of(
      "device s router; device m router; device t router;\nlink s:1 -- m:1;\nlink m:2 -- t:1;\n");
  auto j = judge(d, {"down m:2--t:1"}, "t");
  const auto& p = j.p();
  const auto& t = j.t;
  CHECK_FALSE(models::delivers_some(d.net, p, t)[id(d, "s")]);
  auto w = models::dropped_walk(d.net, p, t, models::delivers_all(d.net, p, t), id(d, "s"));
  CHECK(w.reason == models::DropReason::no_route);
  CHECK(w.steps.size() == 1);
}

// For random designs and fault sets, per device and destination: the symbolic "some walk
// dies", "some walk is delivered" and "every walk is delivered" agree with the simulator.
TEST_CASE("walk quantifiers: the symbolic reading agrees with the explicit one",
          "[models][walks][two-readings]") {
  std::mt19937_64 rng(42);
  std::size_t compared = 0;
  for (std::uint64_t seed = 1; seed <= testing::random_designs(20); ++seed) {
    testing::RandomDesignOptions o;
    o.max_devices = 7;
    auto d = design_of(testing::random_design(seed, o));
    for (int trial = 0; trial < 3; ++trial) {
      auto set = testing::random_set(rng, d, 2);
      models::FaultState state = models::apply_events(d.net, d.events, set);
      std::vector<char> keeps(d.net.lags.size(), 1);
      {  // a scenario the explicit judge would try: forced choices kept
        auto base = models::make_plane(d.net, state, keeps);
        for (std::size_t g = 0; g < keeps.size(); ++g) keeps[g] = base.choice_allowed[g];
      }
      auto p = models::make_plane(d.net, state, keeps);
      for (models::DeviceId dest = 0; dest < d.net.devices.size(); ++dest) {
        models::PrefixId prefix = d.net.host_prefix(dest);
        auto t = models::route_table(d.net, p, prefix);
        auto all = models::delivers_all(d.net, p, t);
        auto some = models::delivers_some(d.net, p, t);

        testing::FixedSymbolic s;
        testing::pin_events(s, d, set);
        models::SmtLogic logic{s.ctx};
        auto scenario = models::symbolic_scenario(d.net, logic, d.events, s.faults, "");
        std::vector<z3::expr> pins;
        for (std::size_t g = 0; g < keeps.size(); ++g)
          pins.push_back(keeps[g] ? scenario.choices.keeps_peer0[g]
                                  : !scenario.choices.keeps_peer0[g]);
        auto sp = models::derive_plane(d.net, logic, scenario);
        std::vector<z3::expr> is_origin;
        std::vector<char> in_slice(d.net.devices.size(), 1);
        for (models::DeviceId u = 0; u < d.net.devices.size(); ++u)
          is_origin.push_back(s.ctx.bool_val(u == dest));
        std::vector<z3::expr> facts;
        auto segments = models::encode_segments(d.net, logic, sp, "", facts);
        auto routes = models::encode_routes(d.net, logic, sp, prefix, is_origin, in_slice,
                                            segments, "", facts);
        auto good = models::encode_delivers_all(d.net, logic, sp, routes, "", facts);
        for (auto& f : facts) pins.push_back(f);
        // Folded into few queries (a solver per device pair is slow): the existential
        // encodings of different sources get their own variables (tag), so a conjunction is
        // satisfiable iff each conjunct is, and a disjunction iff some disjunct is.
        z3::expr_vector dies_yes(s.ctx), dies_no(s.ctx), some_yes(s.ctx), some_no(s.ctx),
            all_differs(s.ctx);
        for (models::DeviceId src = 0; src < d.net.devices.size(); ++src) {
          std::vector<z3::expr> is_source;
          for (models::DeviceId u = 0; u < d.net.devices.size(); ++u)
            is_source.push_back(s.ctx.bool_val(u == src));
          std::string tag = "#" + std::to_string(src);
          z3::expr dies =
              models::encode_dropped_walk(d.net, logic, sp, routes, is_source, tag);
          z3::expr delivered =
              models::encode_delivered_walk(d.net, logic, sp, routes, is_source, tag);
          (all[src] ? dies_no : dies_yes).push_back(dies);
          (some[src] ? some_yes : some_no).push_back(delivered);
          all_differs.push_back(all[src] ? !good[src] : good[src]);
          ++compared;
        }
        INFO("seed " << seed << " trial " << trial << " dest " << dest);
        CHECK(testing::satisfiable(s, z3::mk_and(dies_yes), pins));
        CHECK_FALSE(testing::satisfiable(s, z3::mk_or(dies_no), pins));
        CHECK(testing::satisfiable(s, z3::mk_and(some_yes), pins));
        CHECK_FALSE(testing::satisfiable(s, z3::mk_or(some_no), pins));
        CHECK_FALSE(testing::satisfiable(s, z3::mk_or(all_differs), pins));
      }
    }
  }
  CHECK(compared > 25 * testing::random_designs(20));  // 500 in the Release suite
}

// A forwarding loop with no way out, from a route table built by hand (the IGP never makes
// one; static routes pointing back do): no walk is delivered, every walk dies.  Without the
// ranks of the symbolic encodings a loop would count as delivered.
TEST_CASE("a loop with no way out delivers nothing, in both readings", "[models][walks]") {
  auto d = design_of(
      "device a router; device b router; device c router;\nlink a:1 -- b:1;\nlink b:2 -- c:1;\n");
  const auto a = id(d, "a"), b = id(d, "b"), c = id(d, "c");
  auto p = models::make_plane(d.net, models::apply_events(d.net, d.events, {}), {});
  // a → b, b → a (its first logical link), c delivers.
  auto forward = [](std::vector<char> via) {
    return models::Selected<models::ExplicitLogic>{0, 0, 0, {via.begin(), via.end()}, {}};
  };
  models::RouteTable t(d.net, d.net.host_prefix(c), {0, 0, 1},
                       {forward({1}), forward({1, 0}), {1, 0, 0, {0}, {}}});
  CHECK_FALSE(models::delivers_all(d.net, p, t)[a]);
  CHECK_FALSE(models::delivers_some(d.net, p, t)[a]);
  CHECK(models::dropped_walk(d.net, p, t, models::delivers_all(d.net, p, t), a).reason ==
        models::DropReason::loop);

  z3::context ctx;
  models::SmtLogic logic{ctx};
  models::Scenario<models::SmtLogic> sc;
  auto no = [&](std::size_t n) { return std::vector<z3::expr>(n, ctx.bool_val(false)); };
  sc.faults = {no(3), no(3), no(2), no(4), {}, {}, {}};
  auto sp = models::derive_plane(d.net, logic, sc);
  auto sym = [&](std::vector<bool> via) {
    models::Selected<models::SmtLogic> s{ctx.bool_val(false), ctx.bool_val(false),
                                         ctx.bool_val(false), {}, {}};
    for (bool v : via) s.next_hop.push_back(ctx.bool_val(v));
    return s;
  };
  models::EncodedRoutes routes{
      3,
      1,
      {sym({true}), sym({true, false}),
       {ctx.bool_val(true), ctx.bool_val(false), ctx.bool_val(false), {ctx.bool_val(false)}, {}}},
      std::vector<z3::expr>(3, ctx.bool_val(true)),
      std::vector<char>(3, 1)};
  std::vector<z3::expr> from_a{ctx.bool_val(true), ctx.bool_val(false), ctx.bool_val(false)};
  auto sat = [&](const z3::expr& f, const std::vector<z3::expr>& facts = {}) {
    z3::solver s(ctx);
    s.add(f);
    for (const auto& x : facts) s.add(x);
    return s.check() == z3::sat;
  };
  CHECK(sat(models::encode_dropped_walk(d.net, logic, sp, routes, from_a, "")));
  CHECK_FALSE(sat(models::encode_delivered_walk(d.net, logic, sp, routes, from_a, "")));
  std::vector<z3::expr> facts;
  auto good = models::encode_delivers_all(d.net, logic, sp, routes, "", facts);
  CHECK_FALSE(sat(good[a], facts));
  CHECK(sat(good[c], facts));
  CHECK_FALSE(sat(!good[c], facts));
  (void)b;
}
