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
Unnoticed stays_up(const Network& net, LinkId m, DeviceId u) {
  const models::Link& k = net.links[m];
  if (models::detectors::has_detector(net, m))  // a detector that saw nothing: one-way loss
    return {Unnoticed::Kind::detector_sees_traffic, net.link_name(m), {}, {}};
  if (k.lag)
    return {Unnoticed::Kind::lacp_no_micro_bfd, net.link_name(m), net.port_name(net.port_on(m, u)),
            lag_ref(net, *k.lag, u)};
  return {Unnoticed::Kind::no_bfd, net.link_name(m), {}, {}};
}

}  // namespace

Explanation explain(const Network& net, const models::Requirement& req, const models::Witness& w) {
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
  e.drop = {walk.reason, net.devices[last.device].name, {}, {}, {}, {}};
  switch (walk.reason) {
    case models::DropReason::blackholed_device:
      if (walk.steps.size() >= 2) {
        const models::WalkStep& prev = walk.steps[walk.steps.size() - 2];
        e.unnoticed.push_back(stays_up(net, *prev.out, prev.device));
      }
      break;
    case models::DropReason::blackholed_port:
      e.drop.port = net.port_name(net.port_on(*walk.member, last.device));
      e.unnoticed.push_back(stays_up(net, *walk.member, last.device));
      break;
    case models::DropReason::missed_waypoints:
      for (DeviceId v : req.via) e.drop.waypoints.push_back(net.devices[v].name);
      break;
    case models::DropReason::discarded: {
      // The most specific covering prefix the device originates: its connected route won.
      const std::vector<models::PrefixId> cover = net.covering(w.dest);
      for (std::size_t i = 1; i < cover.size(); ++i) {
        if (!net.is_origin(cover[i], last.device)) continue;
        const models::Prefix& q = net.prefixes[cover[i]];
        e.drop.covering = q.name + " (" + q.range.text() + ")";
        break;
      }
      const models::Prefix& dest = net.prefixes[w.dest];
      e.drop.held = dest.is_host() ? dest.name + "'s address"
                                   : dest.name + " (" + dest.range.text() + ")";
      break;
    }
    case models::DropReason::no_route:
    case models::DropReason::no_transit:
    case models::DropReason::loop:
    case models::DropReason::delivered:
    case models::DropReason::passed_avoided:
      break;
  }
  // The control-plane state behind the walk: split brains, and bundles down at walk devices.
  for (models::DomainId d = 0; d < net.domains.size(); ++d) {
    if (!p.split_brain[d]) continue;
    const models::McLagDomain& dom = net.domains[d];
    SplitBrain sb;
    sb.domain = dom.name;
    for (DeviceId peer : dom.peer)
      if (sb.blackholed_peer.empty() && p.device_blackholed[peer])
        sb.blackholed_peer = net.devices[peer].name;
    if (sb.blackholed_peer.empty())
      for (LinkId l : dom.iccp) sb.iccp.push_back(net.link_name(l));
    for (models::LagId g = 0; g < net.lags.size(); ++g) {
      if (net.lags[g].mclag != d) continue;
      DeviceId kept = p.keeps_peer0[g] ? dom.peer[0] : dom.peer[1];
      bool any_up = false;
      for (LinkId m : models::mclag::members_towards(net, g, kept))
        any_up = any_up || p.believed_up[m];
      sb.clients.push_back({net.lag_name(g), net.devices[kept].name, any_up});
    }
    e.state.push_back(std::move(sb));
  }
  for (models::LagId g = 0; g < net.lags.size(); ++g) {
    if (p.lag_up[g]) continue;
    bool touches = on_walk.count(net.lags[g].device) > 0;
    for (LinkId m : net.lags[g].members)
      touches = touches || on_walk.count(net.links[m].other(net.lags[g].device));
    if (!touches) continue;
    std::size_t serving = 0;
    for (LinkId m : net.lags[g].members) serving += p.serving[m] ? 1 : 0;
    e.state.push_back(
        LagDown{net.lag_name(g), serving, net.lags[g].members.size(), net.lags[g].min_links});
  }
  return e;
}

}  // namespace faultline::verifier
