// The route selection rule of DESIGN.md §7 (models/routes.hpp), on hand-made candidates, in
// both readings.
#include <catch2/catch.hpp>

#include <deque>

#include "models/routes.hpp"
#include "models/smt_logic.hpp"
#include "models/logic.hpp"

using namespace faultline::models;

namespace {
using C = RouteCandidate<ExplicitLogic>;
// Candidates point at their producer's next hops: keep them alive for the test's length.
std::deque<std::vector<char>> producer_next_hops;
C forward(RouteSource s, unsigned spec, unsigned dist, bool installed, std::vector<char> via) {
  producer_next_hops.push_back(std::move(via));
  return {s, spec, dist, C::Action::forward, installed, producer_next_hops.back()};
}
Selected<ExplicitLogic> pick(const std::vector<C>& cs) {
  std::size_t links = 0;
  for (const C& c : cs) links = std::max(links, c.next_hop.size());
  return select_routes(ExplicitLogic{}, Candidates<ExplicitLogic>(cs.begin(), cs.end()), links);
}
// A selection's next hops as a vector, to compare.
std::vector<char> hops(const Selected<ExplicitLogic>& s) {
  return {s.next_hop.begin(), s.next_hop.end()};
}
}  // namespace

TEST_CASE("the longest prefix wins, whatever its distance", "[models][selection]") {
  auto s = pick({forward(RouteSource::static_route, 0, 1, true, {1, 0, 0}),
                 forward(RouteSource::igp, 24, 110, true, {0, 1, 0})});
  CHECK(hops(s) == std::vector<char>{0, 1, 0});
  CHECK_FALSE(s.no_route);
}

TEST_CASE("among equal prefixes the lowest administrative distance wins", "[models][selection]") {
  auto s = pick({forward(RouteSource::igp, 24, 110, true, {0, 1, 0}),
                 forward(RouteSource::static_route, 24, 1, true, {1, 0, 0})});
  CHECK(hops(s) == std::vector<char>{1, 0, 0});
}

TEST_CASE("a route that is not installed gives way; none installed is no route",
          "[models][selection]") {
  auto s = pick({forward(RouteSource::static_route, 24, 1, false, {1, 0, 0}),
                 forward(RouteSource::igp, 24, 110, true, {0, 0, 1})});
  CHECK(hops(s) == std::vector<char>{0, 0, 1});
  auto none = pick({forward(RouteSource::static_route, 24, 1, false, {1, 0, 0})});
  CHECK(none.no_route);
  CHECK(hops(none) == std::vector<char>{0, 0, 0});
}

TEST_CASE("equal keys unite their next hops (ECMP); equal distances go to the first protocol",
          "[models][selection]") {
  auto ecmp = pick({forward(RouteSource::static_route, 24, 1, true, {1, 0, 0}),
                    forward(RouteSource::static_route, 24, 1, true, {0, 1, 0})});
  CHECK(hops(ecmp) == std::vector<char>{1, 1, 0});
  // A static with distance 110 ties the IGP: routers pick one protocol, static first.
  auto tie = pick({forward(RouteSource::igp, 24, 110, true, {0, 1, 0}),
                   forward(RouteSource::static_route, 24, 110, true, {1, 0, 0})});
  CHECK(hops(tie) == std::vector<char>{1, 0, 0});
}

TEST_CASE("a connected route delivers; a discard route drops", "[models][selection]") {
  C own{RouteSource::connected, 24, 0, C::Action::deliver, true, {}};
  auto s = pick({own, forward(RouteSource::igp, 24, 110, true, {1, 0, 0})});
  CHECK(s.delivers);
  CHECK(hops(s) == std::vector<char>{0, 0, 0});
  C covering{RouteSource::connected, 16, 0, C::Action::discard, true, {}};
  auto d = pick({covering, forward(RouteSource::igp, 0, 110, true, {1, 0, 0})});
  CHECK(hops(d) == std::vector<char>{0, 0, 0});
  CHECK(d.discards);
  CHECK_FALSE(d.delivers);
}

TEST_CASE("the symbolic reading selects as the explicit one does", "[models][selection]") {
  z3::context ctx;
  SmtLogic logic{ctx};
  using S = RouteCandidate<SmtLogic>;
  z3::expr a = ctx.bool_const("a"), b = ctx.bool_const("b");
  std::vector<z3::expr> first{ctx.bool_val(true), ctx.bool_val(false)},
      second{ctx.bool_val(false), ctx.bool_val(true)};
  Candidates<SmtLogic> cs{{RouteSource::static_route, 24, 1, S::Action::forward, a, first},
                          {RouteSource::igp, 24, 110, S::Action::forward, b, second}};
  auto s = select_routes(logic, cs, 2);
  for (int ia = 0; ia < 2; ++ia)
    for (int ib = 0; ib < 2; ++ib) {
      auto e = pick({forward(RouteSource::static_route, 24, 1, ia, {1, 0}),
                     forward(RouteSource::igp, 24, 110, ib, {0, 1})});
      z3::solver solver(ctx);
      solver.add(ia ? a : !a);
      solver.add(ib ? b : !b);
      REQUIRE(solver.check() == z3::sat);
      z3::model m = solver.get_model();
      for (int l = 0; l < 2; ++l) CHECK(m.eval(s.next_hop[l], true).is_true() == bool(e.next_hop[l]));
      CHECK(m.eval(s.no_route, true).is_true() == bool(e.no_route));
    }
}
