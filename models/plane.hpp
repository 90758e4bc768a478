// The state of the network in one scenario, in both views of DESIGN.md §4: what the data plane
// does (links up, traffic crossing) and what the control planes believe (links believed up,
// LAG members serving, bundles up).
//
// A **scenario** (DESIGN.md §4) is a fault set's effects together with every adversarial
// choice that shapes what is believed: one split-brain choice per MC-LAG client LAG, and per
// BFD session of a static over an L2 segment whether its walks deliver.  Later layers add
// fields to Choices (one walk per direction for BGP sessions, tunnel underlays), never a new
// loop: the explicit judge enumerates Choices
// (models/requirements.cpp), the encoding leaves them free (every choice is adversarial).
// Every other field of a Plane is derived from its scenario by the behaviour rules, in order:
//   links.hpp → detectors.hpp → mclag.hpp → lag.hpp      (models/state.hpp)
#pragma once
#include <vector>

#include "models/network.hpp"

namespace faultline::models {

// What a fault set does to the elements (models/faults.hpp derives it from the events).
template <class Logic>
struct FaultEffects {
  using B = typename Logic::Bool;
  std::vector<B> device_down, device_blackholed, link_down, port_blackholed;
  // DESIGN.md §8: per device, restarted with half its configuration; per BGP session, down.
  std::vector<B> restarted, session_down;
  // DESIGN.md §9: per link its MTU in the scenario (an mtu event's, else the configured one);
  // empty when no mtu event is in play (every link as configured).
  std::vector<typename Logic::Int> link_mtu;
};

// The adversarial choices of a scenario.
template <class Logic>
struct Choices {
  using B = typename Logic::Bool;
  // Per LAG, which peer a split-brain MC-LAG client keeps (true = peer[0] of its domain).  Not
  // under the operator's control.  Ignored for LAGs that are no MC-LAG client.
  std::vector<B> keeps_peer0;
  // Per BFD session of a static over an L2 segment (Network::sessions): whether the walks its
  // packets take, one per direction, are both delivered (DESIGN.md §7).  A choice, since ECMP
  // and hashing in the segment may give it either walk; models/segments.hpp says which it may
  // take (session_allowed).  Missing entries read as up.
  std::vector<B> session_up;
  // DESIGN.md §9, per tunnel: whether the underlay walks it takes, one per direction, both
  // deliver (the adjacency holds); empty: every tunnel is left out (the underlay's own plane).
  // Per tunnel and direction (2t: from end[0], 2t + 1: from end[1]): that walk's smallest MTU,
  // and whether a device from the head end to its first smallest hop drops ICMP.
  std::vector<B> tunnel_up = {};
  std::vector<typename Logic::Int> underlay_mtu = {};
  std::vector<B> underlay_icmp = {};
};

template <class Logic>
struct Scenario {
  FaultEffects<Logic> faults;
  Choices<Logic> choices;
};

template <class Logic>
struct Plane : FaultEffects<Logic>, Choices<Logic> {
  using B = typename Logic::Bool;
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
