// Links and ports: physical state and what crosses a link (DESIGN.md §4, data plane).
#pragma once
#include "models/plane.hpp"

namespace faultline::models::links {

// match:  link l between u and v, fault effects
// result: up(l) = ¬down(l) ∧ ¬down(u) ∧ ¬down(v)
template <class L>
void derive_up(const Network& net, const L& logic, Plane<L>& p) {
  (void)logic;
  p.link_up.reserve(net.links.size());
  for (LinkId l = 0; l < net.links.size(); ++l) {
    const Link& k = net.links[l];
    p.link_up.push_back(!p.link_down[l] && !p.device_down[k.device[0]] &&
                        !p.device_down[k.device[1]]);
  }
}

// match:  link l between u and v, up(l)
// result: crosses u→v = up(l) ∧ ¬blackholed(u) ∧ ¬blackholed(v) ∧ ¬blackholed(u's port)
template <class L>
void derive_crosses(const Network& net, const L& logic, Plane<L>& p) {
  (void)logic;
  for (int s = 0; s < 2; ++s) p.crosses[s].reserve(net.links.size());
  for (LinkId l = 0; l < net.links.size(); ++l) {
    const Link& k = net.links[l];
    auto neither_blackholed =
        !p.device_blackholed[k.device[0]] && !p.device_blackholed[k.device[1]];
    for (int s = 0; s < 2; ++s)
      p.crosses[s].push_back(p.link_up[l] && neither_blackholed && !p.port_blackholed[k.port[s]]);
  }
}

template <class L>
void derive(const Network& net, const L& logic, Plane<L>& p) {
  derive_up(net, logic, p);
  derive_crosses(net, logic, p);
}

}  // namespace faultline::models::links
