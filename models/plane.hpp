// The state of the network under faults, in both views of DESIGN.md §4: what the data plane
// does (links up, traffic crossing) and what the control planes believe (links believed up,
// LAG members serving, bundles up).  Inputs are the fault effects and the split-brain choices;
// every other field is derived by the behaviour rules, in this order:
//   links.hpp → detectors.hpp → mclag.hpp → lag.hpp
#pragma once
#include <vector>

#include "models/network.hpp"

namespace faultline::models {

template <class Logic>
struct Plane {
  using B = typename Logic::Bool;
  // Inputs: the effect of the fault set.
  std::vector<B> device_down, device_blackholed, link_down, port_blackholed;
  // Input: per LAG, which peer a split-brain MC-LAG client keeps (true = peer[0] of its
  // domain).  Not under the operator's control: adversarial in every engine.
  std::vector<B> keeps_peer0;

  std::vector<B> link_up;         // physically up
  std::vector<B> crosses[2];      // crosses[s][l]: traffic passes from end s to end 1-s
  std::vector<B> believed_up;     // what the control planes believe of each link
  std::vector<B> iccp_ok;         // per MC-LAG domain
  std::vector<B> split_brain;     // per MC-LAG domain
  std::vector<B> choice_allowed;  // per LAG: keeps_peer0 names a peer it may keep
  std::vector<B> serving;         // per link: plain links and serving LAG members carry flows
  std::vector<B> lag_up;          // per LAG
};

}  // namespace faultline::models
