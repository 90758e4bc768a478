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
template <class L>
void derive(const Network& net, const L& logic, Plane<L>& p) {
  (void)logic;
  for (LinkId l = 0; l < net.links.size(); ++l) {
    if (has_detector(net, l))
      p.believed_up.push_back(p.link_up[l] && p.crosses[0][l] && p.crosses[1][l]);
    else
      p.believed_up.push_back(p.link_up[l]);
  }
}

}  // namespace faultline::models::detectors
