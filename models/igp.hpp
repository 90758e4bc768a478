// The link-state IGP, the first route producer (DESIGN.md §4 Forwarding, §7 IGP): per
// destination, least-cost distances over believed-up logical links, transit through routers,
// switches and firewalls only.  The two readings need different algorithms, so both sit here:
// Dijkstra for one explicit plane, Minesweeper-style distance equations for a symbolic one.
#pragma once
#include <z3++.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "models/logic.hpp"
#include "models/plane.hpp"
#include "models/smt_logic.hpp"

namespace faultline::models::igp {

constexpr std::uint64_t kNoRoute = UINT64_MAX;

// Which devices may carry transit: every router, switch and firewall (the IGP), or the
// switches only (an L2 segment's subgraph, DESIGN.md §7).  An origin is always eligible.
enum class Transit { igp, switches };

// --- explicit ------------------------------------------------------------------------------
// The IGP cost of logical link ll in plane p: its `cost`, or its `default-cost` while its
// device has restarted half-configured (DESIGN.md §8; costs are per outgoing side).
inline std::uint32_t cost(const Plane<ExplicitLogic>& p, const LogicalLink& ll) {
  return !p.restarted.empty() && p.restarted[ll.from] ? ll.default_cost : ll.cost;
}
// Whether some device of p has restarted (its costs are not the design's).
inline bool costs_changed(const Plane<ExplicitLogic>& p) {
  return std::find(p.restarted.begin(), p.restarted.end(), 1) != p.restarted.end();
}

// The believed-up logical links of one plane reversed (u → x as x ← u, cost), grouped by far
// end x: what every least-cost search over the plane relaxes, whatever its origins and
// transit rule (eligibility is checked as x is settled).  Built once per plane when several
// searches share it (models::LeastCost).
struct UpArcs {
  std::vector<std::uint32_t> start;                      // per device, into `into`
  std::vector<std::pair<DeviceId, std::uint32_t>> into;  // (u, cost)
  std::vector<std::uint32_t> via;  // per arc of `into`: its logical link, in net.logical[u]
};
void up_arcs(const Network& net, const Plane<ExplicitLogic>& p, UpArcs& out);

// The arcs of plane `ref` that plane `p` lacks, as (u, x, cost), when `p` has no arc `ref`
// lacks (planes of one design); nullopt when it adds one.  Only the logical links of links
// whose serving differs, or of bundles whose state differs, are compared.
struct Arc {
  DeviceId u, x;
  std::uint32_t cost;
};
std::optional<std::vector<Arc>> removed_arcs(const Network& net, const Plane<ExplicitLogic>& ref,
                                             const Plane<ExplicitLogic>& p);

// The same state in plane `p`, whose up arcs are those of the reference plane (`arcs`) less
// `removed` (removed_arcs), from the reference's state `d0`: only the devices whose every
// tight arc was removed, and those whose least-cost paths all run through them, are searched
// again.  Equal to distances(net, p, origin, transit) (proofs/SOUNDNESS.md §10).
std::vector<std::uint64_t> distances_after(const Network& net, const Plane<ExplicitLogic>& p,
                                           const std::vector<std::uint64_t>& d0,
                                           const std::vector<char>& origin, Transit transit,
                                           const UpArcs& arcs, const std::vector<Arc>& removed);

// dist(u) towards the devices marked in `origin` (kNoRoute = ∞); over `arcs` when given
// (up_arcs of the same plane).
std::vector<std::uint64_t> distances(const Network& net, const Plane<ExplicitLogic>& p,
                                     const std::vector<char>& origin,
                                     Transit transit = Transit::igp, const UpArcs* arcs = nullptr);

// match:  logical link ll of u, one of its far devices x
// result: ll attains dist(u) through x iff u is no origin, ll is up towards x, x carries
//         transit or is an origin, dist(x) < ∞ and dist(u) = cost(ll) + dist(x)
// The one eligibility rule: next hops (below) and the hot-event support both ask it.
bool attains(const Network& net, const Plane<ExplicitLogic>& p,
             const std::vector<std::uint64_t>& dist, const std::vector<char>& origin,
             const LogicalLink& ll, DeviceId x, Transit transit = Transit::igp);

// Per logical link of u, into `out`: a next hop iff it attains dist(u) through at least one
// far device.
void next_hops(const Network& net, const Plane<ExplicitLogic>& p,
               const std::vector<std::uint64_t>& dist, const std::vector<char>& origin, DeviceId u,
               std::vector<char>& out, Transit transit = Transit::igp);

// --- symbolic ------------------------------------------------------------------------------
// The IGP cost of logical link ll as a term: its `cost`, or its `default-cost` while its device
// has restarted half-configured (the explicit `cost` above).
z3::expr cost_term(z3::context& c, const Plane<SmtLogic>& p, const LogicalLink& ll);

struct Encoded {
  std::vector<z3::expr> dist;                   // per device: the least cost (when a route)
  std::vector<z3::expr> noroute;                // per device: no IGP route (dist = ∞)
  std::vector<std::vector<z3::expr>> next_hop;  // per device, per logical link
};

// The distance equations towards the devices `is_origin` marks, over devices `in_slice`
// (outside it: no route, never a far end).  The constraints that pin the least-cost state go
// into `facts`.
Encoded encode(const Network& net, const SmtLogic& logic, const Plane<SmtLogic>& p,
               const std::vector<z3::expr>& is_origin, const std::vector<char>& in_slice,
               const std::string& tag, std::vector<z3::expr>& facts,
               Transit transit = Transit::igp);

}  // namespace faultline::models::igp
