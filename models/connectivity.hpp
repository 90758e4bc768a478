// The fail-stop fragment: when no event of a requirement's universe black-holes anything and
// no LAG is an MC-LAG client, belief equals physical state, every next hop strictly lowers
// the distance (no loops) and a walk can only die for want of a route.  A requirement then holds
// iff its endpoints are connected through transit devices in the graph of surviving logical
// links: a linear-time check instead of a per-destination least-cost computation.  The argument
// is proofs/SOUNDNESS.md §5; the differential test checks it against the oracle.
#pragma once
#include <vector>

#include "models/faults.hpp"

namespace faultline::models {

// Whether a requirement over these events lies in the fail-stop fragment.
bool in_failstop_fragment(const Network& net, const std::vector<FaultEvent>& events,
                          const std::vector<std::size_t>& universe);

// The requirement's verdict under `faults`, valid only inside the fragment.
bool holds_failstop(const Network& net, const Requirement& req, const FaultState& faults);

// A simpler fragment still: every device transit, no LAG, each event downs one device or one
// link, and `connected` over every device.  There a fault set F that holds leaves the survivors
// connected, and adding one more event breaks that iff it downs an articulation point or a
// bridge of the surviving multigraph.
bool in_cut_fragment(const Network& net, const std::vector<FaultEvent>& events,
                     const std::vector<std::size_t>& universe, const Requirement& req);

// Under `faults` (which must hold): for each device, whether downing it disconnects the other
// survivors; for each link, whether downing it does.  One depth-first pass (Tarjan).
struct Cuts {
  std::vector<char> device, link;
};
Cuts single_cuts(const Network& net, const FaultState& faults);

}  // namespace faultline::models
