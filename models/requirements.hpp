// Requirements (DESIGN.md §4): `reach A -> B` and `connected` judged over the survivors.
// `find_violation` is the explicit judge for one fault set (the oracle); `encode_violation`
// states the same judgement as a formula over symbolic fault events.
#pragma once
#include <z3++.h>

#include <optional>
#include <vector>

#include "models/faults.hpp"
#include "models/forwarding.hpp"

namespace faultline::models {

// One dropped flow under one fault set, with the adversarial choices that produced it.
struct Witness {
  DeviceId source = 0, dest = 0;
  ExplicitPlane plane;  // the state the flow met
  DroppedWalk walk;
};

// The explicit plane for a fault state and a split-brain choice per LAG.
ExplicitPlane make_plane(const Network& net, const FaultState& faults,
                         const std::vector<char>& keeps_peer0);

// Whether device d can take part in a walk `req` judges: it carries transit or is one of the
// requirement's endpoints (reach's two devices, connected's listed ones).  Any other device is
// never a far end of a route and never on a walk, so nothing about it can change a verdict.
bool takes_part(const Network& net, const Requirement& req, DeviceId d);

// The MC-LAG clients whose split-brain choice is free under `faults`: their domain is in split
// brain, both peers still have a believed-up member (otherwise the choice is forced or moot),
// and the client's device takes part in `req` (the choice of any other client changes only
// the members of a device no walk uses: proofs/SOUNDNESS.md §7).
std::vector<LagId> free_choices(const Network& net, const Requirement& req,
                                const FaultState& faults);

// The explicit judge enumerates 2^|free_choices| combinations; past this it needs them given.
constexpr std::size_t kMaxFreeChoices = 16;

// Some dropped walk for `req` under `faults`, over every split-brain choice, ECMP next hop and
// hash; nullopt when the requirement holds.  Deterministic: the first in a fixed order.
// Precondition: free_choices(net, req, faults).size() <= kMaxFreeChoices.
std::optional<Witness> find_violation(const Network& net, const Requirement& req,
                                      const FaultState& faults);

// The same judgement under one given choice per LAG (1 = keeps peer[0]), e.g. a solver model's.
std::optional<Witness> find_violation_with(const Network& net, const Requirement& req,
                                           const FaultState& faults,
                                           const std::vector<char>& keeps_peer0);

// The symbolic fault effects: each input of the plane as a disjunction of event literals.
struct SymbolicFaults {
  std::vector<z3::expr> literals;   // one per event of the requirement's universe
  std::vector<std::size_t> events;  // the event index of each literal
};

// One literal per event of `universe`, named "fault[E]" after the event, so that models, cores
// and certificates read as the design.
SymbolicFaults fault_literals(z3::context& ctx, const std::vector<FaultEvent>& events,
                              const std::vector<std::size_t>& universe);

// A formula over the literals (and fresh choice, distance and walk variables) that holds iff
// the events whose literals are true violate `req`.  `tag` keeps variables of different
// requirements apart in one context.
// `keeps_peer0` receives the choice term of every LAG, to read a model's choices back.
// `smtlib`: cardinality as standard linear arithmetic instead of Z3's pseudo-Booleans (the same
// constraint; certificates need it, verifier/certify.cpp).
z3::expr encode_violation(z3::context& ctx, const Network& net,
                          const std::vector<FaultEvent>& events, const Requirement& req,
                          const SymbolicFaults& faults, const std::string& tag,
                          std::vector<z3::expr>* keeps_peer0 = nullptr, bool smtlib = false);

}  // namespace faultline::models
