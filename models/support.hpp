// The support of a `reach` judgement: the part of the network whose state decides it, so that
// an event touching none of it cannot change the verdict ("cold" events, after NetDice,
// SIGCOMM 2020).  The argument is proofs/SOUNDNESS.md §7; the differential test checks it.
#pragma once
#include <optional>
#include <vector>

#include "models/faults.hpp"
#include "models/features.hpp"

namespace faultline::models {

// What the hot-event search is proved sound for (proofs/SOUNDNESS.md §7): reach over links,
// bundles, MC-LAG, detectors, hosts, and every fault kind of DESIGN.md §4.
inline const FeatureSet kHotSupports{
    Feature::lag,        Feature::mclag_client,       Feature::bfd,
    Feature::microbfd,   Feature::non_transit_device, Feature::fault_down,
    Feature::fault_blackhole, Feature::multi_element_event, Feature::reach};

struct Support {
  // Z: the devices some walk from the source reaches (R), closed under least-cost next hops.
  std::vector<char> device;
  // Every member of a logical link that is a next hop at a device of Z (for a LAG: all its
  // members, whose count decides whether the bundle is up), and the ICCP links of every MC-LAG
  // domain with a client that takes part in the requirement.
  std::vector<char> link;
};

// The support of `req` (a reach) under `faults`, or nullopt when it cannot be bounded: not a
// reach, or an MC-LAG domain with a client that takes part in `req` is in split brain (its
// choice may hand traffic back to members the state does not show as serving).
std::optional<Support> judgement_support(const Network& net, const Requirement& req,
                                         const FaultState& faults);

// Whether `event` may change the verdict at a state whose support is `s`: it fails a device of
// the support, or a link of the support (directly, through one of its ports, or by failing a
// device at one of its ends).  A cold event leaves the verdict and the support as they are.
bool is_hot(const Network& net, const Support& s, const FaultEvent& event);

}  // namespace faultline::models
