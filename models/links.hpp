// Links and ports: physical state and what crosses a link (DESIGN.md §4, data plane).
#pragma once
#include "models/plane.hpp"

namespace faultline::models::links {

// match:  link l between u and v, fault effects
// result: up(l) = ¬down(l) ∧ ¬down(u) ∧ ¬down(v)
//         crosses u→v = up(l) ∧ ¬blackholed(u) ∧ ¬blackholed(v) ∧ ¬blackholed(u's port)
template <class L>
void derive(const Network& net, const L& logic, Plane<L>& p) {
  (void)logic;
  for (LinkId l = 0; l < net.links.size(); ++l) {
    const Link& k = net.links[l];
    auto up = !p.link_down[l] && !p.device_down[k.device[0]] && !p.device_down[k.device[1]];
    p.link_up.push_back(up);
    auto neither_blackholed =
        !p.device_blackholed[k.device[0]] && !p.device_blackholed[k.device[1]];
    for (int s = 0; s < 2; ++s)
      p.crosses[s].push_back(up && neither_blackholed && !p.port_blackholed[k.port[s]]);
  }
}

}  // namespace faultline::models::links
