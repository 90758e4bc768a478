#include <catch2/catch.hpp>

#include "tests/support/load.hpp"

using namespace faultline;
using testing::design_of;
using testing::diagnostics_of;

namespace {
const char* kBase =
    "device a switch { os = \"x\"; }\n"
    "device b switch { os = \"x\"; }\n"
    "device c router;\n"
    "device h host;\n";

std::string first_error(const std::string& extra) {
  std::string out = diagnostics_of(std::string(kBase) + extra);
  return out.substr(0, out.find('\n'));
}

std::vector<std::string> names(const models::Design& d) {
  std::vector<std::string> out;
  for (const auto& e : d.events) out.push_back(e.name);
  return out;
}
}  // namespace

TEST_CASE("semantic errors name the offending object at its position", "[models][resolve]") {
  // Line numbers count the four lines of kBase.
  CHECK(first_error("device a router;\n") == "t.fl:5:8: error: duplicate device 'a'");
  CHECK(first_error("device z blender;\n") ==
        "t.fl:5:10: error: unknown device kind 'blender' (expected router, switch, host, firewall "
        "or external)");
  CHECK(first_error("link a:p -- q:p;\n") == "t.fl:5:13: error: unknown device 'q'");
  CHECK(first_error("link a:p -- b:p;\nlink a:p -- c:p;\n") ==
        "t.fl:6:6: error: port 'a:p' is already in a link");
  CHECK(first_error("link a:p -- a:q;\n") == "t.fl:5:1: error: link from device 'a' to itself");
  CHECK(first_error("link a:p -- c:p;\nlink a:q -- c:q;\nlag a:ae0 { members = a:p, c:q; }\n") ==
        "t.fl:7:28: error: member 'c:q' is not on the lag's device 'a'");
  CHECK(first_error("link a:p -- c:p;\nlink a:q -- c:q;\nlag a:ae0 { members = a:p, a:q; }\nlag "
                    "c:ae1 { members = c:p, c:q; }\n") ==
        "t.fl:8:23: error: link 'a:p--c:p' is already a member of lag 'a:ae0'");
  CHECK(first_error("link c:p -- a:p;\nlink c:q -- b:p;\nlag c:ae0 { members = c:p, c:q; }\n") ==
        "t.fl:7:23: error: member 'c:p' ends on 'a': the far ends of a lag must be one device or "
        "the two peers of one "
        "mclag domain");
  CHECK(first_error("link a:p -- c:p;\nmclag m { peers = a, b; iccp = a:p; }\n") ==
        "t.fl:6:32: error: ICCP link 'a:p--c:p' is not between the peers of mclag 'm'");
  CHECK(first_error("link a:p -- b:p;\nmclag m { peers = a, a; iccp = a:p; }\n") ==
        "t.fl:6:22: error: the two peers of mclag 'm' are the same device");
  CHECK(first_error("require reach a -> nowhere;\n") ==
        "t.fl:5:20: error: unknown device or prefix 'nowhere'");
  CHECK(first_error("faults { down planet; }\n") ==
        "t.fl:5:15: error: unknown fault kind 'down planet' (expected device, link, session or "
        "tunnel)");
  CHECK(first_error("faults { explode device; }\n") ==
        "t.fl:5:10: error: unknown fault kind 'explode' (expected down, blackhole, restart, "
        "common or mtu)");
  CHECK(first_error("require reach a -> b tolerate 9;\n") ==
        "t.fl:5:31: error: tolerate must be an integer from 0 to 8, found '9'");
  CHECK(first_error("link a:p -- b:p { speed = 9000; }\n") ==
        "t.fl:5:19: error: unknown link attribute 'speed' (expected cost, default-cost, bfd, mtu, "
        "conduit, provider or site)");
}

TEST_CASE("a common attribute that no device or link carries is a warning and no error",
          "[models][resolve]") {
  std::string out = diagnostics_of(std::string(kBase) + "faults { common power; }\n");
  CHECK(out.find("t.fl:5:17: warning: no device or link carries attribute 'power'") !=
        std::string::npos);
  CHECK(out.find("error") == std::string::npos);
  CHECK_NOTHROW(design_of(std::string(kBase) + "faults { common power; }\n"));
}

TEST_CASE("the fault universe has canonical names, one event per element", "[models][faults]") {
  auto d = design_of(std::string(kBase) +
                     "link a:e1 -- b:e1;\nlink b:e2 -- c:e2;\n"
                     "faults { down link; blackhole switch, device; common os blackhole; }\n");
  CHECK(names(d) == std::vector<std::string>{"down a:e1--b:e1", "down b:e2--c:e2", "blackhole a",
                                             "blackhole b", "blackhole c",
                                             "common os=x blackhole"});
  // Without a faults block: down device, link.
  auto plain = design_of(std::string(kBase) + "link a:e1 -- b:e1;\n");
  CHECK(names(plain) ==
        std::vector<std::string>{"down a", "down b", "down c", "down h", "down a:e1--b:e1"});
}

TEST_CASE("reach leaves out events on its endpoints; connected keeps them", "[models][faults]") {
  auto d = design_of(std::string(kBase) +
                     "link a:e1 -- b:e1;\nfaults { down device; common os; }\n"
                     "require reach a -> c;\nrequire connected a, b, c;\n");
  auto reach = models::requirement_universe(d.net, d.events, d.net.requirements[0]);
  auto connected = models::requirement_universe(d.net, d.events, d.net.requirements[1]);
  std::vector<std::string> r;
  for (auto i : reach) r.push_back(d.events[i].name);
  CHECK(r == std::vector<std::string>{"down b", "down h"});  // common os=x downs a: left out
  CHECK(connected.size() == d.events.size());
}

TEST_CASE("a LAG is one logical link at its device and one at each far device",
          "[models][network]") {
  auto d = design_of(std::string(kBase) +
                     "link a:x -- b:x;\nmclag m { peers = a, b; iccp = a:x; }\n"
                     "link c:1 -- a:1;\nlink c:2 -- b:1;\nlink c:3 -- b:2;\nlag c:ae0 { members = "
                     "c:1, c:2, c:3; cost = 5; }\n");
  const auto& c = d.net.logical[d.net.device_by_name.at("c")];
  REQUIRE(c.size() == 1);
  CHECK(c[0].kind == models::LogicalLink::Kind::lag_near);
  CHECK(c[0].far.size() == 2);
  CHECK(c[0].cost == 5);
  REQUIRE(d.net.lags[0].mclag);
  const auto& b = d.net.logical[d.net.device_by_name.at("b")];
  REQUIRE(b.size() == 2);  // the peer link, then its view of c's LAG
  CHECK(b[1].kind == models::LogicalLink::Kind::lag_far);
  CHECK(b[1].members.size() == 2);
}
