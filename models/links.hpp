// Links and ports: physical state and what crosses a link (DESIGN.md §4, data plane).
#pragma once
#include "models/plane.hpp"

namespace faultline::models::links {

// match:  link l between u and v, fault effects
// result: up(l) = ¬down(l) ∧ ¬down(u) ∧ ¬down(v)
template <class L>
typename L::Bool up(const Network& net, const Plane<L>& p, LinkId l) {
  const Link& k = net.links[l];
  return !p.link_down[l] && !p.device_down[k.device[0]] && !p.device_down[k.device[1]];
}

// match:  link l between u and v, up(l)
// result: crosses u→v = up(l) ∧ ¬blackholed(u) ∧ ¬blackholed(v) ∧ ¬blackholed(u's port)
template <class L>
typename L::Bool crosses(const Network& net, const Plane<L>& p, LinkId l, int s) {
  const Link& k = net.links[l];
  auto neither_blackholed = !p.device_blackholed[k.device[0]] && !p.device_blackholed[k.device[1]];
  return p.link_up[l] && neither_blackholed && !p.port_blackholed[k.port[s]];
}

template <class L>
void derive(const Network& net, const L& logic, Plane<L>& p) {
  (void)logic;
  p.link_up.reserve(net.links.size());
  for (LinkId l = 0; l < net.links.size(); ++l) p.link_up.push_back(up(net, p, l));
  for (int s = 0; s < 2; ++s) {
    p.crosses[s].reserve(net.links.size());
    for (LinkId l = 0; l < net.links.size(); ++l) p.crosses[s].push_back(crosses(net, p, l, s));
  }
}

// The same for the links in `changed` of a plane whose other links keep their state.
template <class L>
void rederive(const Network& net, Plane<L>& p, const std::vector<LinkId>& changed) {
  for (LinkId l : changed) p.link_up[l] = up(net, p, l);
  for (LinkId l : changed)
    for (int s = 0; s < 2; ++s) p.crosses[s][l] = crosses(net, p, l, s);
}

}  // namespace faultline::models::links
