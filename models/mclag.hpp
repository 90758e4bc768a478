// MC-LAG: ICCP between the two peers, and split brain when it fails (DESIGN.md §4).
#pragma once
#include "models/plane.hpp"

namespace faultline::models::mclag {

// match:  domain with peers a, b and ICCP links I
// result: iccp_ok     = ¬down(a) ∧ ¬blackholed(a) ∧ ¬down(b) ∧ ¬blackholed(b)
//                       ∧ ∨_{l ∈ I} (crosses a→b ∧ crosses b→a)
//         split_brain = ¬down(a) ∧ ¬down(b) ∧ ¬iccp_ok
template <class L>
void derive_domains(const Network& net, const L& logic, Plane<L>& p) {
  for (const McLagDomain& dom : net.domains) {
    std::vector<typename L::Bool> both_ways;
    for (LinkId l : dom.iccp) both_ways.push_back(p.crosses[0][l] && p.crosses[1][l]);
    auto peer_ok = [&](DeviceId d) { return !p.device_down[d] && !p.device_blackholed[d]; };
    auto ok = peer_ok(dom.peer[0]) && peer_ok(dom.peer[1]) && logic.any(both_ways);
    p.iccp_ok.push_back(ok);
    p.split_brain.push_back(!p.device_down[dom.peer[0]] && !p.device_down[dom.peer[1]] && !ok);
  }
}

// The members of LAG g that land on `peer`.
inline std::vector<LinkId> members_towards(const Network& net, LagId g, DeviceId peer) {
  std::vector<LinkId> out;
  for (LinkId m : net.lags[g].members)
    if (net.links[m].other(net.lags[g].device) == peer) out.push_back(m);
  return out;
}

// match:  client LAG g of a domain, choice keeps_peer0
// result: allowed = keeps_peer0 → (has(a) ∨ ¬has(b));  ¬keeps_peer0 → (has(b) ∨ ¬has(a))
//         where has(x) = some member towards x is believed up: a split-brain client keeps the
//         members towards one peer that still has a believed-up member.
template <class L>
void derive_choices(const Network& net, const L& logic, Plane<L>& p) {
  for (LagId g = 0; g < net.lags.size(); ++g) {
    if (!net.lags[g].mclag) {
      p.choice_allowed.push_back(logic.constant(true));
      continue;
    }
    const McLagDomain& dom = net.domains[*net.lags[g].mclag];
    auto has = [&](DeviceId peer) {
      std::vector<typename L::Bool> up;
      for (LinkId m : members_towards(net, g, peer)) up.push_back(p.believed_up[m]);
      return logic.any(up);
    };
    auto has0 = has(dom.peer[0]);
    auto has1 = has(dom.peer[1]);
    p.choice_allowed.push_back(logic.ite(p.keeps_peer0[g], has0 || !has1, has1 || !has0));
  }
}

// Both again, for a plane some of whose links changed (domains and bundles are few).
template <class L>
void rederive(const Network& net, const L& logic, Plane<L>& p) {
  p.iccp_ok.clear();
  p.split_brain.clear();
  p.choice_allowed.clear();
  derive_domains(net, logic, p);
  derive_choices(net, logic, p);
}

}  // namespace faultline::models::mclag
