#include "models/network.hpp"

#include <algorithm>

namespace faultline::models {

const char* kind_name(DeviceKind k) {
  switch (k) {
    case DeviceKind::router:
      return "router";
    case DeviceKind::switch_:
      return "switch";
    case DeviceKind::host:
      return "host";
    case DeviceKind::firewall:
      return "firewall";
    case DeviceKind::external:
      return "external";
  }
  return "router";
}

std::optional<DeviceKind> parse_kind(const std::string& word) {
  if (word == "router") return DeviceKind::router;
  if (word == "switch") return DeviceKind::switch_;
  if (word == "host") return DeviceKind::host;
  if (word == "firewall") return DeviceKind::firewall;
  if (word == "external") return DeviceKind::external;
  return std::nullopt;
}

// Logical links (DESIGN.md §4): a link outside any LAG is one logical link at each end; a LAG
// is one logical link at its device (over all members) and one at each far device (over that
// device's own members).  Per device: plain links in declaration order, then LAGs in order.
void Network::build_logical_links() {
  logical.assign(devices.size(), {});
  for (LinkId l = 0; l < links.size(); ++l) {
    if (links[l].lag) continue;
    for (int side = 0; side < 2; ++side) {
      LogicalLink ll{LogicalLink::Kind::plain,   links[l].device[side], links[l].cost, l, 0, {l},
                     {links[l].device[1 - side]}};
      logical[ll.from].push_back(ll);
    }
  }
  for (LagId g = 0; g < lags.size(); ++g) {
    const Lag& lag = lags[g];
    LogicalLink near{LogicalLink::Kind::lag_near, lag.device, lag.cost, 0, g, lag.members, {}};
    for (LinkId m : lag.members) {
      DeviceId f = links[m].other(lag.device);
      if (std::find(near.far.begin(), near.far.end(), f) == near.far.end()) near.far.push_back(f);
    }
    logical[lag.device].push_back(near);
    for (DeviceId f : near.far) {
      LogicalLink back{LogicalLink::Kind::lag_far, f, lag.cost, 0, g, {}, {lag.device}};
      for (LinkId m : lag.members)
        if (links[m].other(lag.device) == f) back.members.push_back(m);
      logical[f].push_back(back);
    }
  }
}

void Network::build_host_prefixes() {
  std::vector<Prefix> declared = std::move(prefixes);
  prefixes.clear();
  for (DeviceId d = 0; d < devices.size(); ++d)
    prefixes.push_back({devices[d].name, d, {d}, devices[d].loc});
  for (Prefix& p : declared) prefixes.push_back(std::move(p));
}

}  // namespace faultline::models
