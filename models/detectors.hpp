// Detectors: BFD on a link, micro-BFD on the members of a LAG (DESIGN.md §4, belief).
#pragma once
#include "models/plane.hpp"

namespace faultline::models::detectors {

inline bool has_detector(const Network& net, LinkId l) {
  const Link& k = net.links[l];
  return k.bfd || (k.lag && net.lags[*k.lag].microbfd);
}

// match:  link l, with or without a data-plane detector
// result: believed_up(l) = up(l)                                   without a detector
//         believed_up(l) = up(l) ∧ crosses u→v ∧ crosses v→u       with BFD / micro-BFD
// Without a detector a black-holed device or port stays believed up: the gray failure.
// match:  tunnel t over link l (DESIGN.md §9)
// result: believed_up(l) = up(l) ∧ crosses both ways (a black-holed end does not decapsulate)
//                          ∧ tunnel_up(t) (its underlay walks deliver); false in the
//                          underlay's own plane (no tunnel_up: every tunnel left out)
template <class L>
typename L::Bool believed(const Network& net, const Plane<L>& p, LinkId l) {
  if (const auto& t = net.links[l].tunnel) {
    if (p.tunnel_up.empty()) return p.link_up[l] && !p.link_up[l];  // false, in either logic
    return p.link_up[l] && p.crosses[0][l] && p.crosses[1][l] && p.tunnel_up[*t];
  }
  if (has_detector(net, l)) return p.link_up[l] && p.crosses[0][l] && p.crosses[1][l];
  return p.link_up[l];
}

template <class L>
void derive(const Network& net, const L& logic, Plane<L>& p) {
  (void)logic;
  for (LinkId l = 0; l < net.links.size(); ++l) p.believed_up.push_back(believed(net, p, l));
}

template <class L>
void rederive(const Network& net, Plane<L>& p, const std::vector<LinkId>& changed) {
  for (LinkId l : changed) p.believed_up[l] = believed(net, p, l);
}

}  // namespace faultline::models::detectors
