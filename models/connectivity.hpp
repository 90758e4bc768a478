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

}  // namespace faultline::models
