// BGP (DESIGN.md §8): sessions whose packets cross the data plane, policies, the synchronous
// rounds that settle each prefix's best routes, and what a partial restart leaves out.  The
// explicit reading: one plane, one choice per session whose walks may go either way.  The SMT
// reading (models/bgp_smt.cpp) states the same rules, for the BGP requirements and for the
// routes forwarding takes from BGP.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "models/routing.hpp"

namespace faultline::models::bgp {

// What a session's walks allow in one plane (DESIGN.md §8 Sessions): up needs both ends alive,
// the session not down, each end believing the other reachable the session's way (a believed-up
// link, the switches-only segment, or an IGP route to the other's host prefix) and some
// delivered walk each way; down needs one of those to fail or some walk that dies.
struct SessionOptions {
  bool can_up = false, can_down = true;
  // Why it cannot be up, for explanations: "" when it can.
  std::string why_down;
};
std::vector<SessionOptions> session_options(const Network& net, const ExplicitPlane& p,
                                            LeastCost& costs);

// A BGP route for one prefix at one device.
struct Route {
  std::vector<std::uint32_t> path;  // AS path as received, nearest AS first
  std::uint32_t local_pref = 100;
  std::optional<std::size_t> session;  // learned over (nullopt: the device's own origination)
  DeviceId peer = 0;                   // learned from
  bool ibgp = false;
  std::uint64_t igp_distance = 0;  // to the peer (tie-break)

  bool operator==(const Route& o) const {
    return path == o.path && local_pref == o.local_pref && session == o.session && peer == o.peer &&
           ibgp == o.ibgp && igp_distance == o.igp_distance;
  }
};
using State = std::vector<std::optional<Route>>;  // per device, its best route (none: none)

// The BGP state for prefix P: the rounds of DESIGN.md §8 from round 0 until a round changes
// nothing (converged), or until a state repeats (the cycle: the states from its first
// occurrence on).
struct Outcome {
  bool converged = true;
  State state;               // converged: the BGP state
  std::vector<State> cycle;  // not converged
};
Outcome converge(const Network& net, const ExplicitPlane& p, LeastCost& costs,
                 const std::vector<char>& session_up, PrefixId prefix);

// Whether device d originates P in plane p (an origin of P with a session, or an `originate`
// device with a non-BGP route for exactly P).
bool originates(const Network& net, const ExplicitPlane& p, LeastCost& costs, DeviceId d,
                PrefixId prefix);

// What `from` sends `to` over session s in state `st` (DESIGN.md §8 sends): the route as the
// receiver gets it, or nullopt.  `accepted`: the receiver's import permits it.
struct Sent {
  std::size_t session;
  DeviceId from, to;
  Route route;                              // as `to` receives it (path prepended on eBGP)
  std::vector<std::uint32_t> sender_path;   // the sender's best route's path
  std::optional<std::size_t> learned_over;  // the sender's route: learned over (nullopt: own)
  bool accepted = false;
  bool sender_restarted = false;  // its export policy is missing
  bool receiver_restarted = false;
};
std::optional<Sent> sends(const Network& net, const ExplicitPlane& p,
                          const std::vector<char>& session_up, const State& st, PrefixId prefix,
                          std::size_t session, int from_side);

// Why `to` got no route for P over session s (announce explanations).
enum class Stop {
  session_down,
  no_route,
  export_policy,
  ibgp_no_reflection,
  as_path_loop,
  import_policy
};
struct Stopped {
  std::size_t session;
  DeviceId from;
  Stop why;
  std::string detail;  // session_down: why; no_route: why `from` originates nothing, if it could
  // no_route: why `from` has no route, per session of it not yet explained on the way here
  // (judge traces the announcement upstream, each device once).
  std::vector<Stopped> upstream;
};
Stopped why_not(const Network& net, const ExplicitPlane& p, const std::vector<char>& session_up,
                const std::vector<SessionOptions>& options, const State& st, PrefixId prefix,
                std::size_t session, int from_side);

// How far judge traces a missing announcement upstream (sessions from D).
constexpr std::size_t kMaxTraceDepth = 3;

// What a BGP requirement found under one fault set (its witness, DESIGN.md §8 Requirements).
struct Finding {
  PrefixId prefix = 0;  // the prefix judged (no-export, announce: P)
  bool converged = true;
  std::vector<State> cycle;             // not converged: the cycle of best routes
  std::optional<Sent> leak;             // no-export: who sends P to D
  std::vector<Stopped> stopped;         // announce: per session of D, where the route stopped
  std::vector<char> session_up;         // the scenario's session choices
  std::vector<SessionOptions> options;  // per session: why it cannot be up
  State state;                          // converged: the BGP state
};

// The judgement of `req` (no-export, announce) in plane p under every session choice (with
// `given`, under that one alone, per session: nullopt if its walks do not allow it); nullopt
// when it holds.  Precondition: req.about_bgp().  Past kMaxSessionChoices free session choices
// it throws TooManyChoices: the explicit engines then answer unknown, and on the product's path
// Z3 decides the requirement (verifier/check.cpp).
constexpr std::size_t kMaxSessionChoices = 12;
struct TooManyChoices : std::runtime_error {
  TooManyChoices();
};
std::optional<Finding> judge(const Network& net, const Requirement& req, const ExplicitPlane& p,
                             LeastCost& costs, const std::vector<char>* given = nullptr);
// How many sessions may be either up or down in plane p.
std::size_t free_sessions(const Network& net, const ExplicitPlane& p, LeastCost& costs);

// Whether BGP carries prefix q: some origin of q has a session, or some device originates it.
bool carried(const Network& net, PrefixId q);

// The forwarding side (DESIGN.md §8 Forwarding): calls `visit` with the BGP routes of every
// session choice plane p allows (those that may be either way both, up first), for the
// prefixes in `prefixes`, until it returns true.  When the rounds of one of them do not settle
// under a choice, `visit` gets that prefix's outcome instead of routes.  Returns what the last
// visit returned.  With `given` (per session), under that choice alone (none if its walks do
// not allow it).  Past kMaxSessionChoices free session choices it throws TooManyChoices.
using RoutesVisit = std::function<bool(const BgpRoutes*, PrefixId diverged, const Outcome*)>;
bool for_each_routes(const Network& net, const ExplicitPlane& p, LeastCost& costs,
                     const std::vector<PrefixId>& prefixes, const RoutesVisit& visit,
                     const std::vector<char>* given = nullptr);

// --- symbolic ------------------------------------------------------------------------------
// The encoding of a BGP requirement (no-export, announce) over a symbolic plane: `violation`
// holds iff some session choice its walks allow violates it in the state the rounds reach, or
// the rounds have not settled after unrolled_rounds(net) of them (`settled` false: the fault
// set is then judged by the explicit rounds, proofs/SOUNDNESS.md §12).  `bfd_in_play`: the BFD
// sessions over L2 segments whose choices the explicit judge takes (the others read up).
struct EncodedBgp {
  z3::expr violation, settled;
  std::vector<z3::expr> session_up;  // per BGP session: the scenario's choice
};
EncodedBgp encode(const Network& net, const SmtLogic& logic, const SmtPlane& p,
                  const Requirement& req, const std::vector<std::size_t>& bfd_in_play,
                  const std::string& tag, std::vector<z3::expr>& facts);
// The BGP routes that forwarding consults, over a symbolic plane (DESIGN.md §8 Forwarding): per
// device, for each prefix of `prefixes` and each session it may learn it over, the route as
// forwarding uses it, installed iff it is the device's best in the state the unrolled rounds
// reach.  `settled`: every prefix's rounds settled (a model where they did not is judged by
// the explicit rounds, as for the BGP requirements).
struct EncodedBgpRoutes {
  z3::expr settled;
  std::vector<z3::expr> session_up;            // per BGP session: the scenario's choice
  std::vector<std::vector<BgpForwarding>> at;  // per device
};
EncodedBgpRoutes encode_routes(const Network& net, const SmtLogic& logic, const SmtPlane& p,
                               const std::vector<PrefixId>& prefixes,
                               const std::vector<std::size_t>& bfd_in_play, const std::string& tag,
                               std::vector<z3::expr>& facts);
// How many rounds the encoding unrolls (it compares that round's state with the next): the
// longest chain of sessions a route can take (never an AS twice, at most one iBGP session in
// each), at least one.
std::size_t unrolled_rounds(const Network& net);

// "64500 174": an AS path as written in `show bgp`; "(empty)" for an own origination.
std::string path_text(const std::vector<std::uint32_t>& path);

}  // namespace faultline::models::bgp
