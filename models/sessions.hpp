// The BFD sessions of static routes over L2 segments (DESIGN.md §7): a static route of DEV via
// NBR behind switches, with `bfd = on`, stays installed only while its session's packets are
// delivered both ways — one walk DEV → NBR and one NBR → DEV through the segment, each chosen
// by ECMP and hashing, so adversarially.  A scenario's choice `session_up` (models/plane.hpp)
// says which; this rule says which it may take:
//   up   needs some delivered walk each way
//   down needs some walk, one way or the other, that is not delivered
// A segment walk is carried by switches along least-cost next hops in the subgraph whose only
// transit devices are switches; it dies like any walk (a black-holed switch or egress port, no
// route) and is delivered at its far end unless that is black-holed.  Both readings sit here;
// the walks are models/walks.hpp's.
#pragma once
#include <z3++.h>

#include <string>
#include <vector>

#include "models/walks.hpp"

namespace faultline::models {

// --- explicit ------------------------------------------------------------------------------
struct SessionOptions {
  bool can_up = true, can_down = false;
};
// Per session (Network::sessions), in one plane; with `only`, for those sessions alone (the
// others read up-only); with `cache`, the segments' least-cost states come from it.
std::vector<SessionOptions> session_options(const Network& net, const ExplicitPlane& p,
                                            const std::vector<std::size_t>* only = nullptr,
                                            LeastCost* cache = nullptr);

// --- symbolic ------------------------------------------------------------------------------
// Holds iff every session's choice p.session_up is one it may take; `segments` is
// encode_segments' (the same equations the static routes use).
// With `only`, for those sessions alone (the others' choices stay unconstrained: they change
// nothing the requirement judges).
z3::expr encode_session_choices(const Network& net, const SmtLogic& logic, const SmtPlane& p,
                                const std::vector<igp::Encoded>& segments, const std::string& tag,
                                std::vector<z3::expr>& facts,
                                const std::vector<std::size_t>* only = nullptr);

// The sessions whose choice can matter to a flow towards `dest`: those of static routes that
// may apply to it (all of them for a symbolic destination: `dest` nullopt).
std::vector<std::size_t> sessions_towards(const Network& net, std::optional<PrefixId> dest);

}  // namespace faultline::models
