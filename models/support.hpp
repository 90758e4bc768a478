// The support of a `reach` judgement: the part of the network whose state decides it, so that
// an event touching none of it cannot change the verdict ("cold" events, after NetDice,
// SIGCOMM 2020).  The argument is proofs/SOUNDNESS.md §7; the differential test checks it.
#pragma once
#include <optional>
#include <vector>

#include "models/faults.hpp"
#include "models/features.hpp"
#include "models/requirements.hpp"

namespace faultline::models {

// What the hot-event search is proved sound for (proofs/SOUNDNESS.md §7): the one-flow
// requirements (reach with or without via and avoid, isolate) over links, bundles, MC-LAG,
// detectors, hosts, every fault kind of DESIGN.md §4, and the routing of DESIGN.md §7 —
// declared and covering prefixes, static routes direct or over L2 segments with their BFD
// sessions — and `size` with mtu events on links (§7b; tunnels are not on the list).
inline const FeatureSet kHotSupports{Feature::lag,
                                     Feature::mclag_client,
                                     Feature::bfd,
                                     Feature::microbfd,
                                     Feature::non_transit_device,
                                     Feature::fault_down,
                                     Feature::fault_blackhole,
                                     Feature::multi_element_event,
                                     Feature::reach,
                                     Feature::isolate,
                                     Feature::waypoints,
                                     Feature::avoided,
                                     Feature::prefixes,
                                     Feature::static_routes,
                                     Feature::prefix_destination,
                                     Feature::packet_size,
                                     Feature::fault_mtu,
                                     Feature::tunnels};

struct Support {
  // R, the devices some walk from the source reaches in some scenario the judge visits, and
  // the walks of the BFD sessions met on them; with Z, each least-cost state those walks read,
  // closed under its next hops.
  std::vector<char> device;
  // Every member of a logical link that is a next hop at a device of Z (for a LAG: all its
  // members, whose count decides whether the bundle is up), of a logical link towards a
  // directly linked next hop of a static route read on a walk, and the ICCP links of every
  // MC-LAG domain with a client that takes part in the requirement.
  std::vector<char> link;
  // DESIGN.md §9: whether packet size can matter at this state — a `size` requirement whose
  // source does no PMTUD, or with a device of the support that drops ICMP.  Otherwise no walk
  // can lose its packets to an MTU (the source always steps down) and mtu events are cold.
  bool mtu_matters = false;
};

// The support of `req` (a one-flow requirement) under `faults`, or nullopt when it cannot be
// bounded: not one flow, or an MC-LAG domain with a client that takes part in `req` is in split
// brain (its choice may hand traffic back to members the state does not show as serving). With
// `ref`, least-cost states are copied from it where they agree (models::ReferenceCosts).
std::optional<Support> judgement_support(const Network& net, const Requirement& req,
                                         const FaultState& faults, ReferenceCosts* ref = nullptr);

// The explicit judgement of a one-flow requirement (find_violation) and, when it holds, its
// support, from one pass over the scenarios: each route table is built once for both.  A
// state that violates, or whose support cannot be bounded, has no support.
struct Judged {
  std::optional<Witness> violation;
  std::optional<Support> support;
};
Judged judge_with_support(const Network& net, const Requirement& req, const FaultState& faults,
                          ReferenceCosts* ref = nullptr);

// Whether `event` may change the verdict at a state whose support is `s`: it fails a device of
// the support, or a link of the support (directly, through one of its ports, or by failing a
// device at one of its ends).  A cold event leaves the verdict and the support as they are.
bool is_hot(const Network& net, const Support& s, const FaultEvent& event);

}  // namespace faultline::models
