#include "verifier/explain.hpp"

#include <set>

#include "models/detectors.hpp"
#include "models/mclag.hpp"

namespace faultline::verifier {

namespace {

using models::DeviceId;
using models::LinkId;
using models::Network;

// How a LAG is named from one of its ends: its own name at its device, DEV:NAME elsewhere.
std::string lag_ref(const Network& net, models::LagId g, DeviceId from) {
  return net.lags[g].device == from ? net.lags[g].name : net.lag_name(g);
}

// Why member/link `m`, leaving `u`, stayed in service although nothing crosses it.
std::string stays_up(const Network& net, LinkId m, DeviceId u) {
  const models::Link& k = net.links[m];
  if (models::detectors::has_detector(net, m))  // a detector that saw nothing: one-way loss
    return "link " + net.link_name(m) + " stays up: its detector still sees traffic";
  if (k.lag)
    return "member " + net.port_name(net.port_on(m, u)) + " stays in " + lag_ref(net, *k.lag, u) +
           ": LACP still up, no micro-BFD";
  return "link " + net.link_name(m) + " stays up: no BFD";
}

std::string iccp_cause(const Network& net, const models::ExplicitPlane& p,
                       const models::McLagDomain& dom) {
  for (DeviceId peer : dom.peer)
    if (p.device_blackholed[peer]) return "peer " + net.devices[peer].name + " is black-holed";
  std::string names;
  for (LinkId l : dom.iccp) names += (names.empty() ? "" : ", ") + net.link_name(l);
  return "no ICCP link carries traffic both ways: " + names;
}

}  // namespace

Explanation explain(const Network& net, const models::Witness& w) {
  const models::ExplicitPlane& p = w.plane;
  const models::DroppedWalk& walk = w.walk;
  Explanation e;
  e.source = net.devices[w.source].name;
  e.destination = net.prefixes[w.dest].name;
  std::set<DeviceId> on_walk;
  for (std::size_t i = 0; i < walk.steps.size(); ++i) {
    const models::WalkStep& s = walk.steps[i];
    on_walk.insert(s.device);
    Hop h;
    h.device = net.devices[s.device].name;
    if (i > 0 && walk.steps[i - 1].out)
      h.in = net.ports[net.port_on(*walk.steps[i - 1].out, s.device)].name;
    if (s.out) {
      h.out = net.ports[net.port_on(*s.out, s.device)].name;
      if (net.links[*s.out].lag) h.via = lag_ref(net, *net.links[*s.out].lag, s.device);
    }
    e.walk.push_back(h);
  }
  const models::WalkStep& last = walk.steps.back();
  const std::string& at = net.devices[last.device].name;
  e.drop_device = at;
  switch (walk.reason) {
    case models::DropReason::blackholed_device:
      e.drop_reason = "blackhole";
      e.drop_detail = at + " is black-holed: it drops everything that reaches it";
      if (walk.steps.size() >= 2) {
        const models::WalkStep& prev = walk.steps[walk.steps.size() - 2];
        e.unnoticed.push_back(stays_up(net, *prev.out, prev.device));
      }
      break;
    case models::DropReason::blackholed_port: {
      e.drop_reason = "blackhole-port";
      e.drop_port = net.port_name(net.port_on(*walk.member, last.device));
      e.drop_detail =
          "port " + e.drop_port + " is black-holed: it drops everything " + at + " sends out of it";
      e.unnoticed.push_back(stays_up(net, *walk.member, last.device));
      break;
    }
    case models::DropReason::no_route:
      e.drop_reason = "no-route";
      e.drop_detail = at + " has no route to " + e.destination + ": no believed-up path reaches it";
      break;
    case models::DropReason::loop:
      e.drop_reason = "loop";
      e.drop_detail = "the walk returns to " + at + ": a forwarding loop";
      break;
  }
  // The control-plane state behind the walk: split brains, and bundles down at walk devices.
  for (models::DomainId d = 0; d < net.domains.size(); ++d) {
    if (!p.split_brain[d]) continue;
    const models::McLagDomain& dom = net.domains[d];
    std::string s =
        "mclag " + dom.name + ": ICCP lost (" + iccp_cause(net, p, dom) + "): split brain";
    for (models::LagId g = 0; g < net.lags.size(); ++g) {
      if (net.lags[g].mclag != d) continue;
      DeviceId kept = p.keeps_peer0[g] ? dom.peer[0] : dom.peer[1];
      bool any_up = false;
      for (LinkId m : models::mclag::members_towards(net, g, kept))
        any_up = any_up || p.believed_up[m];
      s += "; " + net.lag_name(g) +
           (any_up ? " keeps only its members towards " + net.devices[kept].name
                   : " has no member believed up");
    }
    e.state.push_back(s);
  }
  for (models::LagId g = 0; g < net.lags.size(); ++g) {
    if (p.lag_up[g]) continue;
    bool touches = on_walk.count(net.lags[g].device) > 0;
    for (LinkId m : net.lags[g].members)
      touches = touches || on_walk.count(net.links[m].other(net.lags[g].device));
    if (!touches) continue;
    std::size_t serving = 0;
    for (LinkId m : net.lags[g].members) serving += p.serving[m] ? 1 : 0;
    e.state.push_back("lag " + net.lag_name(g) + " is down: " + std::to_string(serving) + " of " +
                      std::to_string(net.lags[g].members.size()) + " members serving, min-links " +
                      std::to_string(net.lags[g].min_links));
  }
  return e;
}

std::string walk_line(const Explanation& e) {
  std::string s;
  for (std::size_t i = 0; i < e.walk.size(); ++i) {
    const Hop& h = e.walk[i];
    if (i > 0) s += " -> " + h.in + " ";
    s += h.device;
    if (!h.out.empty()) s += " " + h.out + (h.via.empty() ? "" : " (" + h.via + ")");
  }
  return s;
}

}  // namespace faultline::verifier
