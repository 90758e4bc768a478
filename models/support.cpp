#include "models/support.hpp"

#include <algorithm>
#include <deque>

#include "models/requirements.hpp"
#include "models/walks.hpp"

namespace faultline::models {

namespace {

// Whether some client LAG of domain `dom` belongs to a device that takes part in `req`.
bool domain_matters(const Network& net, const Requirement& req, DomainId dom) {
  for (LagId g = 0; g < net.lags.size(); ++g)
    if (net.lags[g].mclag == dom && takes_part(net, req, net.lags[g].device)) return true;
  return false;
}

}  // namespace

// match:  reach A -> P, a state without a relevant split brain
// result: R = devices reached from A by usable moves of the route table, not expanded past a
//         device that delivers or is black-holed;  Z = R closed under the IGP's attaining far
//         devices (igp::attains: the least-cost state below every next hop);  links = every
//         member of every IGP next-hop ll of u ∈ Z (all members of its LAG for a bundle);  plus
//         the ICCP links of every domain with a client that takes part.
std::optional<Support> judgement_support(const Network& net, const Requirement& req,
                                         const FaultState& faults) {
  if (req.kind != Requirement::Kind::reach) return std::nullopt;
  std::vector<char> keeps(net.lags.size(), 1);
  ExplicitPlane p = make_plane(net, faults, keeps);
  for (DomainId d = 0; d < net.domains.size(); ++d)
    if (p.split_brain[d] && domain_matters(net, req, d)) return std::nullopt;
  for (LagId g = 0; g < net.lags.size(); ++g) keeps[g] = p.choice_allowed[g] ? 1 : 0;
  p = make_plane(net, faults, keeps);  // irrelevant clients keep a peer they may keep

  ExplicitLogic logic;
  RouteTable t = route_table(net, p, req.to);
  Support s{std::vector<char>(net.devices.size(), 0), std::vector<char>(net.links.size(), 0)};
  std::deque<DeviceId> queue;
  auto reach = [&](DeviceId x) {
    if (!s.device[x]) {
      s.device[x] = 1;
      queue.push_back(x);
    }
  };
  // R: the walks' devices (over their nodes: a segment's carried frames included).
  std::vector<char> seen(t.nodes(), 0);
  std::deque<NodeId> nodes{node_of(net, req.from)};
  seen[nodes.front()] = 1;
  reach(req.from);
  std::vector<DeviceId> walk_devices;
  std::vector<char> listed(net.devices.size(), 0);
  queue.clear();
  while (!nodes.empty()) {
    NodeId v = nodes.front();
    nodes.pop_front();
    const DeviceId u = t.device(v);
    if (!listed[u]) {
      listed[u] = 1;
      walk_devices.push_back(u);
    }
    if (delivered_at(p, t.at(v), u) || p.device_blackholed[u]) continue;
    for (const auto& m : moves_at(net, logic, p, t.at(v), t.accepts, v)) {
      s.device[t.device(m.to)] = 1;
      if (!seen[m.to]) {
        seen[m.to] = 1;
        nodes.push_back(m.to);
      }
    }
  }
  // Z: closed under the IGP's least-cost next hops; the support's links on the way.
  for (DeviceId u : walk_devices) queue.push_back(u);
  while (!queue.empty()) {
    DeviceId u = queue.front();
    queue.pop_front();
    for (const LogicalLink& ll : net.logical[u]) {
      bool next_hop = false;
      for (DeviceId x : ll.far) {
        if (!igp::attains(net, p, t.igp_dist, t.origin, ll, x)) continue;
        next_hop = true;
        reach(x);
      }
      if (!next_hop) continue;
      if (ll.kind == LogicalLink::Kind::plain)
        s.link[ll.link] = 1;
      else
        for (LinkId m : net.lags[ll.lag].members) s.link[m] = 1;
    }
  }
  // The ICCP links of the MC-LAG domains with a client that takes part: failing one may split
  // the brain, which takes members out of service.  (Failing a peer splits it too, but a peer
  // is at an end of every member of its clients' bundles, so the incidence rule covers it.)
  for (DomainId d = 0; d < net.domains.size(); ++d)
    if (domain_matters(net, req, d))
      for (LinkId l : net.domains[d].iccp) s.link[l] = 1;
  return s;
}

bool is_hot(const Network& net, const Support& s, const FaultEvent& event) {
  for (DeviceId d : event.devices) {
    if (s.device[d]) return true;
    for (PortId q : net.devices[d].ports)
      if (s.link[net.ports[q].link]) return true;
  }
  for (LinkId l : event.links)
    if (s.link[l]) return true;
  for (PortId q : event.ports)
    if (s.link[net.ports[q].link]) return true;
  return false;
}

}  // namespace faultline::models
