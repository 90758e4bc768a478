// The criticality table (`--criticality`): every fault event that takes part in a minimal
// violating set, ranked the way a design review reads risks — first the events that break a
// requirement with the fewest other faults (a single point of failure breaks one alone), then by
// how many requirements they break at that size, then by how many minimal sets they are in,
// then by probability when the design gives one.
#pragma once
#include <optional>
#include <vector>

#include "verifier/check.hpp"

namespace faultline::verifier {

struct RiskRow {
  std::size_t event = 0;         // index in design.events
  std::size_t smallest = 0;      // size of the smallest minimal set it is in (1 = alone)
  std::size_t requirements = 0;  // requirements with a minimal set of that size containing it
  std::size_t sets = 0;          // minimal sets containing it, over all requirements
  // With probabilities on every event of those sets: Σ over them of the set's probability, per
  // requirement (the probability mass of violations this event takes part in).
  std::optional<double> probability;
};

// From each requirement's minimal sets (within K) and, with --degree, its breaking sets beyond
// K.  Deterministic: ties are broken by the event's canonical name.
std::vector<RiskRow> criticality(const DesignReport& report);

// The requirements (indices) whose minimal sets the table may be missing: a limit stopped their
// search or its --degree extension.  While there is one, the table is a lower bound: an event
// may rank higher than it shows, and "no single point of failure" cannot be said.
std::vector<std::size_t> criticality_gaps(const DesignReport& report);

}  // namespace faultline::verifier
