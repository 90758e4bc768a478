// The BFD session of a static over an L2 segment (models/sessions.hpp, DESIGN.md §7): which
// choices its walks allow, by hand, in both readings.  r reaches gw through two switches in
// parallel (equal cost), so ECMP and hashing may send each of the session's packets through
// either: one black-holed switch leaves the session free to be up or down, both force it down.
#include <catch2/catch.hpp>

#include "models/sessions.hpp"
#include "models/state.hpp"
#include "tests/models/two_readings.hpp"
#include "tests/support/load.hpp"

using namespace faultline;
using testing::design_of;

namespace {
const char* kDesign =
    "device r router; device s1 switch; device s2 switch; device gw router; device t router;\n"
    "link r:1 -- s1:1; link r:2 -- s2:1; link s1:2 -- gw:1; link s2:2 -- gw:2;\n"
    "link gw:3 -- t:1;\n"
    "static r t via gw { bfd = on; }\n"
    "faults { blackhole switch; down link; }\nrequire reach r -> t;\n";

std::vector<std::size_t> events(const models::Design& d, const std::vector<std::string>& names) {
  std::vector<std::size_t> set;
  for (const auto& n : names)
    for (std::size_t i = 0; i < d.events.size(); ++i)
      if (d.events[i].name == n) set.push_back(i);
  REQUIRE(set.size() == names.size());
  return set;
}

// {may be up, may be down} in both readings; they must agree.
std::pair<bool, bool> options(const models::Design& d, const std::vector<std::string>& names) {
  auto set = events(d, names);
  auto p = models::make_plane(d.net, models::apply_events(d.net, d.events, set), {});
  auto explicit_options = models::session_options(d.net, p);
  REQUIRE(explicit_options.size() == 1);

  testing::FixedSymbolic s;
  testing::pin_events(s, d, set);
  models::SmtLogic logic{s.ctx};
  auto sp = models::derive_plane(d.net, logic,
                                 models::symbolic_scenario(d.net, logic, d.events, s.faults, ""));
  std::vector<z3::expr> facts;
  auto segments = models::encode_segments(d.net, logic, sp, "", facts);
  facts.push_back(models::encode_session_choices(d.net, logic, sp, segments, "", facts));
  bool up = testing::satisfiable(s, sp.session_up[0], facts);
  bool down = testing::satisfiable(s, !sp.session_up[0], facts);
  CHECK(up == explicit_options[0].can_up);
  CHECK(down == explicit_options[0].can_down);
  return {up, down};
}
}  // namespace

TEST_CASE("a BFD session through a segment: its walks decide which choices it may take",
          "[models][sessions]") {
  auto d = design_of(kDesign);
  REQUIRE(d.net.sessions.size() == 1);
  CHECK(options(d, {}) == std::pair{true, false});                          // every walk delivered
  CHECK(options(d, {"blackhole s1"}) == std::pair{true, true});             // hashed either way
  CHECK(options(d, {"blackhole s1", "blackhole s2"}) == std::pair{false, true});
  // A downed link is believed down: the segment's least-cost walks avoid it.
  CHECK(options(d, {"down r:1--s1:1"}) == std::pair{true, false});
  // With s1's link to gw down both directions go over s2; black-holing s2 then leaves no
  // delivered walk.
  CHECK(options(d, {"down s1:2--gw:1", "blackhole s2"}) == std::pair{false, true});
}
