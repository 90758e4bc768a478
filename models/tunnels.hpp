// Tunnels (DESIGN.md §9): a tunnel is a logical link of its two ends, carried in each direction
// over one underlay walk — forwarding towards the far end's host prefix with every tunnel left
// out — shared by the IGP's hellos and the data, chosen adversarially.  The tunnel is believed
// up iff both ends are up and not black-holed and both walks deliver (detectors.hpp); its data
// meets the smallest MTU of the walk it takes, less the overhead (walks.hpp, hop_size).
//
// A scenario's choices per tunnel (plane.hpp): up or not, and per direction the walk's
// smallest MTU and whether ICMP dies on the way to its first smallest hop.  The explicit judge
// enumerates the combinations `options` allows (visit_tunnels, requirements.cpp); the encoding
// leaves them free, bound by the walks' formulas (encode_choices).
#pragma once
#include <z3++.h>

#include <functional>
#include <optional>
#include <vector>

#include "models/routing.hpp"
#include "models/walks.hpp"

namespace faultline::models::tunnels {

// What one underlay walk offers the data: its smallest MTU, and whether a device from the head
// end up to its first smallest hop (both included) drops ICMP fragmentation-needed.
struct Summary {
  std::int64_t mtu = 0;
  bool icmp_dropped = false;
  auto operator<=>(const Summary&) const = default;
};

// The choices one tunnel has in a plane whose tunnels are all left out (`underlay`).
struct Options {
  bool forced_down = false;       // an end is down or black-holed, or the tunnel event downs it
  bool can_down = false;          // some direction has a walk that is not delivered
  std::vector<Summary> walks[2];  // per direction, the distinct summaries of delivered walks
  // Some walk repeats a node and the walks that do not were too many to list: the explicit
  // judge refuses the fault set (choice_bits is past every bound), Z3 decides it.
  bool too_many = false;
  std::size_t count() const;  // how many choices: down, and every pair of summaries
};
// With `ref` (whose plane leaves the tunnels out too), least-cost states are repaired from it.
std::vector<Options> options(const Network& net, const ExplicitPlane& underlay,
                             ReferenceCosts* ref = nullptr);

// The head end and far end of tunnel t's direction dir (0: from end[0]).
inline DeviceId head(const Network& net, std::size_t t, int dir) {
  return net.tunnels[t].end[dir];
}
inline DeviceId far_end(const Network& net, std::size_t t, int dir) {
  return net.tunnels[t].end[1 - dir];
}

// Calls `visit` with the plane of every tunnel choice of `underlay` (a plane whose tunnels are
// all left out), in a fixed order — per tunnel: down first when it may be, then every pair of
// summaries — until it returns true.  With no tunnel, visits `underlay` itself.
bool visit(const Network& net, const ExplicitPlane& underlay,
           const std::function<bool(const ExplicitPlane&)>& visit, ReferenceCosts* ref = nullptr);
// The plane of the same scenario with every tunnel left out (the underlays').
ExplicitPlane underlay_of(const Network& net, const ExplicitPlane& p);
// How many bits the combinations of `underlay` take (⌈log2 Π count⌉), for choice_count.
std::size_t choice_bits(const Network& net, const ExplicitPlane& underlay,
                        ReferenceCosts* ref = nullptr);

// A delivered underlay walk of tunnel t's direction dir whose summary is the one `overlay`
// chose for it (for the explanation): its steps in the underlay, head end first.
std::vector<WalkStep> underlay_walk(const Network& net, const ExplicitPlane& overlay, std::size_t t,
                                    int dir);

// The symbolic choices: tunnel_up, underlay_mtu and underlay_icmp as free variables named
// after the tunnel.  Into `scenario`.
void symbolic_choices(const Network& net, const SmtLogic& logic, const std::string& tag,
                      Choices<SmtLogic>& choices);
// Their constraints: tunnel_up(t) → the tunnel's link is up and crossed both ways, and each
// direction has a delivered underlay walk with the chosen summary; ¬tunnel_up(t) → the link is
// not, or some direction's walks are not all delivered.  `underlay` is the plane with every
// tunnel left out, `segments` its L2 segments (tunnels are in none).
void encode_choices(const Network& net, const SmtLogic& logic, const SmtPlane& overlay,
                    const SmtPlane& underlay, const std::vector<igp::Encoded>& segments,
                    const std::string& tag, std::vector<z3::expr>& facts);

}  // namespace faultline::models::tunnels
