// LAG / LACP: which members serve and whether a bundle is up (DESIGN.md §4, logical links).
#pragma once
#include "models/mclag.hpp"
#include "models/plane.hpp"

namespace faultline::models::lag {

// match:  link l; LAG g with min-links n
// result: serving(l) = believed_up(l)                       plain link or plain LAG member
//         serving(l) = believed_up(l) ∧ (¬split_brain(D) ∨ kept(l))   member of MC-LAG client
//         lag_up(g)  = |{m ∈ g : serving(m)}| ≥ n
// A member a split-brain client drops is believed down at both ends: it serves neither side.
template <class L>
typename L::Bool serving(const Network& net, const Plane<L>& p, LinkId l) {
  const Link& k = net.links[l];
  if (!k.lag || !net.lags[*k.lag].mclag) return p.believed_up[l];
  const Lag& g = net.lags[*k.lag];
  const McLagDomain& dom = net.domains[*g.mclag];
  bool towards_peer0 = k.other(g.device) == dom.peer[0];
  auto kept = towards_peer0 ? p.keeps_peer0[*k.lag] : !p.keeps_peer0[*k.lag];
  return p.believed_up[l] && (!p.split_brain[*g.mclag] || kept);
}

template <class L>
typename L::Bool bundle_up(const Network& net, const L& logic, const Plane<L>& p, LagId g) {
  std::vector<typename L::Bool> members;
  for (LinkId m : net.lags[g].members) members.push_back(p.serving[m]);
  return logic.at_least(members, net.lags[g].min_links);
}

template <class L>
void derive(const Network& net, const L& logic, Plane<L>& p) {
  for (LinkId l = 0; l < net.links.size(); ++l) p.serving.push_back(serving(net, p, l));
  for (LagId g = 0; g < net.lags.size(); ++g) p.lag_up.push_back(bundle_up(net, logic, p, g));
}

// The same for the links in `changed` and every member of an MC-LAG client (split brain and
// the choices reach them all), then every bundle.
template <class L>
void rederive(const Network& net, const L& logic, Plane<L>& p, const std::vector<LinkId>& changed) {
  for (LinkId l : changed) p.serving[l] = serving(net, p, l);
  for (const Lag& g : net.lags)
    if (g.mclag)
      for (LinkId m : g.members) p.serving[m] = serving(net, p, m);
  for (LagId g = 0; g < net.lags.size(); ++g) p.lag_up[g] = bundle_up(net, logic, p, g);
}

// match:  logical link ll of device u, a far device x
// result: up towards x = serving(link)                                       plain
//                      = lag_up(g) ∧ ∨_{m ∈ ll, m lands on x} serving(m)     LAG, either end
template <class L>
typename L::Bool up_towards(const Network& net, const L& logic, const Plane<L>& p,
                            const LogicalLink& ll, DeviceId x) {
  if (ll.kind == LogicalLink::Kind::plain) return p.serving[ll.link];
  ShortList<typename L::Bool> members;
  for (LinkId m : ll.members)
    if (net.links[m].other(ll.from) == x) members.push_back(p.serving[m]);
  return p.lag_up[ll.lag] && logic.any(members);
}

}  // namespace faultline::models::lag
