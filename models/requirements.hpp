// Requirements (DESIGN.md §4): `reach A -> B` and `connected` judged over the survivors.
// `find_violation` is the explicit judge for one fault set (the oracle): it enumerates the
// fault set's scenarios; `encode_violation` states the same judgement as a formula over
// symbolic fault events, leaving every choice of the scenario free.
#pragma once
#include <z3++.h>

#include <functional>
#include <optional>
#include <vector>

#include "models/bgp.hpp"
#include "models/faults.hpp"
#include "models/walks.hpp"

namespace faultline::models {

using ExplicitScenario = Scenario<ExplicitLogic>;

// One dropped flow under one fault set, with the scenario that produced it.
struct Witness {
  DeviceId source = 0;
  PrefixId dest = 0;
  ExplicitPlane plane;  // the state the flow met (its scenario included)
  DroppedWalk walk;
  std::optional<bgp::Finding> bgp = {};  // no-export, announce, or BGP that does not converge
  std::optional<BgpRoutes> routes = {};  // the scenario's BGP routes the walk met
};

// The explicit plane of a scenario.
ExplicitPlane make_plane(const Network& net, ExplicitScenario scenario);
// The same for a fault state and a split-brain choice per LAG (1 = keeps peer[0]); with `ref`,
// derived from the reference's plane (derive_plane_from: the same plane, sooner).
ExplicitPlane make_plane(const Network& net, const FaultState& faults,
                         const std::vector<char>& keeps_peer0, const ReferenceCosts* ref = nullptr);

// Whether device d can take part in a walk `req` judges: it carries transit or is one of the
// requirement's endpoints (reach's source and the destination's origins, connected's listed
// devices).  Any other device is never a far end of a route and never on a walk, so nothing
// about it can change a verdict.
bool takes_part(const Network& net, const Requirement& req, DeviceId d);

// The MC-LAG clients whose split-brain choice is free under `faults`: their domain is in split
// brain, both peers still have a believed-up member (otherwise the choice is forced or moot),
// and the client's device takes part in `req` (the choice of any other client changes only
// the members of a device no walk uses: proofs/SOUNDNESS.md §7).
std::vector<LagId> free_choices(const Network& net, const Requirement& req,
                                const FaultState& faults, const ReferenceCosts* ref = nullptr);

// The explicit judge enumerates 2^|free_choices| combinations; past this it needs them given.
constexpr std::size_t kMaxFreeChoices = 16;

// Calls `visit` with the plane of every scenario of `faults` that can matter to `req`, in a
// fixed order (forced choices kept, then every combination of the free ones, peer[0] first),
// until it returns true.  Precondition: choice_count(…) <= kMaxFreeChoices.
// `visit` also gets the plane's least-cost states, shared by the scenarios that differ only in
// the BFD sessions' choices.
using ScenarioVisit = std::function<bool(const ExplicitPlane&, LeastCost&)>;
// With `ref`, the planes' least-cost states are copied from it where they agree.
void for_each_scenario(const Network& net, const Requirement& req, const FaultState& faults,
                       const ScenarioVisit& visit, ReferenceCosts* ref = nullptr);

// Some dropped walk for `req` under `faults`, over every scenario, ECMP next hop and hash;
// nullopt when the requirement holds.  Deterministic: the first in a fixed order.
// Precondition: choice_count(net, req, faults) <= kMaxFreeChoices.
std::optional<Witness> find_violation(const Network& net, const Requirement& req,
                                      const FaultState& faults, ReferenceCosts* ref = nullptr);

// The judgement of a one-flow requirement in the scenario of plane `p`, over p's route table
// `t` towards req.to (for a caller that reads the table again: the hot-event support).
std::optional<Witness> judge_flow(const Network& net, const Requirement& req,
                                  const ExplicitPlane& p, const RouteTable& t);

// The same judgement in one given scenario (e.g. a solver model's choices): `choices` holds a
// split-brain choice per LAG (1 = keeps peer[0]), then, when given, one per BFD session over
// an L2 segment (1 = up); without the latter it tries every session choice; for a BGP
// requirement, then one per BGP session (1 = up), without which it tries every one.  nullopt
// also when the choices are not ones the scenario allows.
std::optional<Witness> find_violation_with(const Network& net, const Requirement& req,
                                           const FaultState& faults,
                                           const std::vector<char>& choices);

// How many choices the explicit judge enumerates for `req` under `faults` at most, as a power
// of two: the free split-brain choices and the BFD sessions whose routes may apply.  Past
// kMaxFreeChoices the judge needs the choices given (find_violation_with).
std::size_t choice_count(const Network& net, const Requirement& req, const FaultState& faults,
                         ReferenceCosts* ref = nullptr);

// The symbolic fault events: one literal per event of a requirement's universe.
struct SymbolicFaults {
  std::vector<z3::expr> literals;   // one per event of the requirement's universe
  std::vector<std::size_t> events;  // the event index of each literal
};

// One literal per event of `universe`, named "fault[E]" after the event, so that models, cores
// and certificates read as the design.
SymbolicFaults fault_literals(z3::context& ctx, const std::vector<FaultEvent>& events,
                              const std::vector<std::size_t>& universe);

// The symbolic scenario: the fault effects of the literals, and one free choice variable per
// MC-LAG client LAG (named after the LAG, `tag` appended).
Scenario<SmtLogic> symbolic_scenario(const Network& net, const SmtLogic& logic,
                                     const std::vector<FaultEvent>& events,
                                     const SymbolicFaults& faults, const std::string& tag);

// What encode_violation needs besides the design: the context of one requirement's encoding.
struct EncodeContext {
  z3::context& ctx;
  std::string tag;  // keeps variables of different requirements apart in one context
  // Cardinality as standard linear arithmetic instead of Z3's pseudo-Booleans (the same
  // constraint; certificates need it).
  bool smtlib = false;
};

// The encoding of one requirement: `violation` holds iff the events whose literals are true
// violate `req` in some scenario; `keeps_peer0` holds the choice term of every LAG, to read a
// model's scenario back.
struct EncodedViolation {
  z3::expr violation;
  std::vector<z3::expr> keeps_peer0;
  std::vector<z3::expr> session_up;  // per BFD session over an L2 segment
  // A BGP requirement (DESIGN.md §8): per BGP session its choice, and whether the unrolled
  // rounds settled (a model where they did not is judged by the explicit rounds: §12 of
  // proofs/SOUNDNESS.md).
  std::vector<z3::expr> bgp_up;
  std::optional<z3::expr> settled;
};
EncodedViolation encode_violation(const EncodeContext& ec, const Network& net,
                                  const std::vector<FaultEvent>& events, const Requirement& req,
                                  const SymbolicFaults& faults);

}  // namespace faultline::models
