// The fail-stop fragment: when no event of a requirement's universe black-holes anything and
// no LAG is an MC-LAG client, belief equals physical state, every next hop strictly lowers
// the distance (no loops) and a walk can only die for want of a route.  A requirement then holds
// iff its endpoints are connected through transit devices in the graph of surviving logical
// links: a linear-time check instead of a per-destination least-cost computation.  The argument
// is proofs/SOUNDNESS.md §5; the differential test checks it against the oracle.
#pragma once
#include <vector>

#include "models/faults.hpp"
#include "models/features.hpp"

namespace faultline::models {

// The fail-stop fragment, as an allow-list (proofs/SOUNDNESS.md §5): no black-hole event, no
// MC-LAG client; bundles, detectors, hosts, shared risks and both requirement kinds are fine.
inline const FeatureSet kFailstopSupports{
    Feature::lag,        Feature::bfd,       Feature::microbfd,
    Feature::non_transit_device, Feature::fault_down, Feature::multi_element_event,
    Feature::reach,      Feature::connected, Feature::connected_all};

// The requirement's verdict under `faults`, valid only inside the fragment.
bool holds_failstop(const Network& net, const Requirement& req, const FaultState& faults);

// A simpler fragment still (proofs/SOUNDNESS.md §6): every device transit, no LAG, each event
// downs one device or one link, and `connected` over every device.  There a fault set F that
// holds leaves the survivors connected, and adding one more event breaks that iff it downs an
// articulation point or a bridge of the surviving multigraph.
inline const FeatureSet kCutSupports{Feature::bfd, Feature::fault_down, Feature::connected_all};

// Under `faults` (which must hold): for each device, whether downing it disconnects the other
// survivors; for each link, whether downing it does.  One depth-first pass (Tarjan).
struct Cuts {
  std::vector<char> device, link;
};
Cuts single_cuts(const Network& net, const FaultState& faults);

}  // namespace faultline::models
