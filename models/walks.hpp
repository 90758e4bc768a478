// The walks flows take (DESIGN.md §4 Forwarding and Requirements, §7): from a device, any next
// hop its selected routes give (ECMP) and, on it, any serving member (hash), dying at a
// black-holed device, at an egress port that black-holes, with no route, where a route
// discards, or on a loop; delivered at an origin that is not black-holed.  Walks consume only
// the route table (models/routing.hpp).  The step rule is one template; the quantifiers need
// different algorithms in the two readings, side by side here:
//   every walk is delivered   explicit: delivers_all (least fixpoint)
//                             symbolic: encode_delivers_all (fixpoint with ranks)
//   some walk dies            explicit: ¬delivers_all, dropped_walk gives one
//                             symbolic: encode_dropped_walk (an existential set of devices)
//   some walk is delivered    explicit: delivers_some (least fixpoint)
//                             symbolic: encode_delivered_walk (a ranked path)
#pragma once
#include <z3++.h>

#include <optional>
#include <string>
#include <vector>

#include "models/routing.hpp"

namespace faultline::models {

// Walks run over nodes (RouteTable): a device and a slot — 0 where the device looks the
// destination up, k ≥ 1 where switches carry the frame towards L2 segment target k (DESIGN.md
// §7).  A node's id is slot · devices + device; with no segment, nodes are devices.
using NodeId = std::size_t;
inline NodeId node_of(const Network& net, DeviceId d, std::size_t slot = 0) {
  return slot * net.devices.size() + d;
}
inline DeviceId device_of(const Network& net, NodeId v) {
  return static_cast<DeviceId>(v % net.devices.size());
}

// One way a flow may leave node u: logical link `via`, member `member`, landing on node `to`.
template <class L>
struct Move {
  std::size_t via;
  LinkId member;
  NodeId to;
  typename L::Bool usable;       // via is a next hop and the member serves
  typename L::Bool egress_drop;  // usable, and u's port on the member black-holes
  typename L::Bool arrives_dead;  // usable, and `to` does not look the flow up: it dies there
};

// match:  node u at device d, its next hops (looking up, or carried towards a segment target),
//         the members of each; per node whether it accepts the flow (accepts_at; a carried
//         node: a switch)
// result: move (ll, m) usable = next_hop(u, ll) ∧ serving(m); it lands on m's far end x — at
//         x's lookup node for a looked-up next hop or when x is the carried frame's target,
//         else at x's carried node of that slot
//         egress_drop = usable ∧ black-holed(d's port on m)
//         arrives_dead = usable ∧ ¬accepts(landing node)   (a host or external carries no
//         transit; only switches carry frames)
// Moves known to be unusable are left out.
template <class L>
using Moves = ShortList<Move<L>, 8>;

template <class L>
Moves<L> moves_at(const Network& net, const L& logic, const Plane<L>& p, const Selected<L>& at,
                  const std::vector<typename L::Bool>& accepts, NodeId node) {
  Moves<L> out;
  const DeviceId u = device_of(net, node);
  auto add = [&](const ShortList<typename L::Bool>& next_hop, std::size_t slot) {
    for (std::size_t i = 0; i < next_hop.size(); ++i) {
      if (logic.is_false(next_hop[i])) continue;
      for (LinkId m : net.logical[u][i].members) {
        auto usable = next_hop[i] && p.serving[m];
        if (logic.is_false(usable)) continue;
        DeviceId x = net.links[m].other(u);
        NodeId to = slot == 0 || net.segment_targets[slot - 1] == x ? node_of(net, x)
                                                                      : node_of(net, x, slot);
        typename L::Bool egress = usable && p.port_blackholed[net.port_on(m, u)];
        typename L::Bool dead = logic.constant(false);
        if (!logic.is_false(!accepts[to])) dead = usable && !accepts[to];
        out.push_back({i, m, to, usable, egress, dead});
      }
    }
  };
  add(at.next_hop, 0);
  for (const auto& c : at.carried) add(c.next_hop, c.slot);
  return out;
}

// match:  a flow at device u (at one of its nodes)
// result: delivered iff u's selected route delivers and u is not black-holed (a carried node
//         never delivers);
//         dies (before choosing a member) iff u is black-holed, has no route, or discards
template <class L>
typename L::Bool delivered_at(const Plane<L>& p, const Selected<L>& at, DeviceId u) {
  return at.delivers && !p.device_blackholed[u];
}
template <class L>
typename L::Bool dies_at(const Plane<L>& p, const Selected<L>& at, DeviceId u) {
  return p.device_blackholed[u] || at.no_route || at.discards;
}

// One step of a walk: the device, and the member it leaves over (none at the last device).
struct WalkStep {
  DeviceId device;
  std::optional<LinkId> out;
  std::optional<std::size_t> via;  // index into net.logical[device]
  std::size_t slot = 0;  // k ≥ 1: a switch carrying the frame towards segment target k
};

// Why a walk violates its requirement: where a walk dies (reach), or a walk that should not
// exist (isolate, via, avoid: DESIGN.md §7).
enum class DropReason {
  blackholed_device,
  blackholed_port,
  no_route,
  discarded,   // the selected route is a covering prefix's connected route at its origin
  no_transit,  // arrived at a host or external that is no origin of the destination
  loop,
  delivered,         // isolate: the walk is delivered
  missed_waypoints,  // reach via: delivered without passing any waypoint
  passed_avoided,    // reach avoid: the walk passes an avoided device (its last step)
  too_big,           // reach size: delivered walk whose packets a hop drops, unadapted (§9)
};

// Why a delivered walk loses a `size` flow's packets (DESIGN.md §9): a hop too small for them,
// and why the source could not step down.
struct SizeDrop {
  std::uint32_t packets = 0;   // min(size, first hop's MTU, last hop's MTU)
  std::size_t drop_step = 0;   // the first step whose hop is smaller than the packets
  std::uint32_t drop_mtu = 0;  // that hop's MTU
  std::size_t min_step = 0;    // the first step whose hop has the walk's smallest MTU
  std::uint32_t min_mtu = 0;
  bool no_pmtud = false;                 // the source does not do PMTUD
  std::optional<DeviceId> icmp_dropper;  // the first device from the source to min_step that
                                         // drops ICMP fragmentation-needed
  bool clamped = false;  // a tunnel's MSS clamp set the packets' size
  // The first step over a tunnel whose underlay drops the packets and whose head end never
  // hears of it (a black hole), when that is what stopped the source from adapting.
  std::optional<std::size_t> black_hole_step;
};

struct DroppedWalk {
  std::vector<WalkStep> steps;  // from the source; the last step is where it dies
  DropReason reason;
  std::optional<LinkId> member;       // blackholed_port: the member whose egress port drops
  std::optional<SizeDrop> size = {};  // too_big
};

// DESIGN.md §9, one text for both readings: the MTU of a member as the packets meet it (an mtu
// event's, else the configured one: a LAG's on each member), and the MTU of a logical link as
// TCP's MSS sees it (a plain link as in the scenario, a LAG its configured mtu, never a
// member's).
template <class L>
typename L::Int hop_mtu(const Network& net, const L& logic, const Plane<L>& p, LinkId member) {
  return p.link_mtu.empty() ? logic.number(net.links[member].mtu) : p.link_mtu[member];
}
template <class L>
typename L::Int mss_mtu(const Network& net, const L& logic, const Plane<L>& p,
                        const LogicalLink& ll) {
  return ll.kind == LogicalLink::Kind::plain ? hop_mtu(net, logic, p, ll.link)
                                             : logic.number(ll.mtu);
}

// No limit: above every packet (sizes are at most 65535).
constexpr std::uint32_t kNoLimit = 65535;

// What one hop does to a flow's packets (DESIGN.md §9).
template <class L>
struct HopSize {
  typename L::Int mtu;         // its effective MTU
  typename L::Int clamp;       // a tunnel with mss-clamp: its configured MTU, else kNoLimit
  typename L::Int black_hole;  // a df-set tunnel whose underlay lowers its MTU and whose head
                               // end never hears of it (ICMP dropped): that MTU, else kNoLimit
};

// match:  a hop from device u over member m
// result: a link: mtu = hop_mtu(m), no clamp, no black hole
//         a tunnel t, u = end[k], its underlay walk from u (smallest MTU w, ICMP dropped on the
//         way to its first smallest hop: i):  own = hop_mtu(t) (its mtu or an mtu event's);
//           df set:   e = w − overhead; mtu = min(own, e); black_hole = e if e < own ∧ i
//           df clear: mtu = own (the underlay fragments)
//           clamp = mtu as configured when mss-clamp is on
template <class L>
HopSize<L> hop_size(const Network& net, const L& logic, const Plane<L>& p, DeviceId u,
                    LinkId m) {
  const auto own = hop_mtu(net, logic, p, m);
  const auto none = logic.number(kNoLimit);
  const auto& tunnel = net.links[m].tunnel;
  if (!tunnel) return {own, none, none};
  const Tunnel& t = net.tunnels[*tunnel];
  const auto clamp = t.mss_clamp ? logic.number(t.mtu) : none;
  if (!t.df_set || p.underlay_mtu.empty()) return {own, clamp, none};
  const std::size_t dir = 2 * *tunnel + (u == t.end[0] ? 0 : 1);
  const auto e = logic.minus(p.underlay_mtu[dir], t.overhead);
  const auto lowers = logic.less(e, own);
  return {logic.min(own, e), clamp, logic.pick(lowers && p.underlay_icmp[dir], e, none)};
}

// --- explicit ------------------------------------------------------------------------------
// Every vector below is per node (RouteTable::nodes); a device's lookup node has its id.
// Per node: every walk from it is delivered, whatever the ECMP and hash choices.  With `from`,
// only for the nodes walks from `from` reach (the rest read 0): a reach judgement needs no
// more, and asks the route table of no other node.
std::vector<char> delivers_all(const Network& net, const ExplicitPlane& p, const RouteTable& t,
                               std::optional<NodeId> from = std::nullopt);
// Per node: some walk from it is delivered (reaches_some towards the delivering nodes).
std::vector<char> delivers_some(const Network& net, const ExplicitPlane& p, const RouteTable& t);
// The same for one node alone, asking the route table of the nodes its walks reach only.
bool delivers_some_from(const Network& net, const ExplicitPlane& p, const RouteTable& t,
                        NodeId src);
// Per node: some walk from it arrives at a node marked in `target`, passing no node marked in
// `barrier` on the way (a walk ends where it is delivered or dies).  With `target` the
// delivering nodes and no barrier this is delivers_some.
std::vector<char> reaches_some(const Network& net, const ExplicitPlane& p, const RouteTable& t,
                               const std::vector<char>& target, const std::vector<char>& barrier);
// The nodes where a walk is delivered (delivered_at).
std::vector<char> delivering(const Network& net, const ExplicitPlane& p, const RouteTable& t);
// Per-device marks spread over every node of the device (a walk passes a device at any slot).
std::vector<char> at_every_slot(const RouteTable& t, const std::vector<char>& device_marks);
// A shortest such walk from `src` (which must reach some target): its steps, the last at the
// target.  Deterministic.
std::vector<WalkStep> walk_to(const Network& net, const ExplicitPlane& p, const RouteTable& t,
                              const std::vector<char>& target, const std::vector<char>& barrier,
                              NodeId src);
// A dropped walk from `src` (which must not deliver all): deterministic, shortest to a drop.
DroppedWalk dropped_walk(const Network& net, const ExplicitPlane& p, const RouteTable& t,
                         const std::vector<char>& good, NodeId src);

// DESIGN.md §9: a walk from `src` that is delivered yet loses a TCP flow of `size`-byte
// packets — its packets, min(size, the first hop's MTU, the last hop's), exceed some hop's MTU,
// and the source does not do PMTUD or a device from the source to the first hop with the
// walk's smallest MTU drops ICMP.  Precondition: every walk from src is delivered (a loop or a
// drop is judged first).  Searched over (node, first hop's MTU, smallest MTU so far, whether an
// ICMP dropper was passed, whether one was passed up to that smallest hop); deterministic.
std::optional<DroppedWalk> too_big_walk(const Network& net, const ExplicitPlane& p,
                                        const RouteTable& t, DeviceId src, std::uint32_t size);

// --- symbolic ------------------------------------------------------------------------------
// As above, per node: target, barrier and the slice (routes.in_slice) are per node, is_source
// per device (a walk starts at a lookup node).
// Holds iff some walk from a node marked by is_source dies.
z3::expr encode_dropped_walk(const Network& net, const SmtLogic& logic, const SmtPlane& p,
                             const EncodedRoutes& routes, const std::vector<z3::expr>& is_source,
                             const std::string& tag);
// Holds iff some walk from a device marked by is_source is delivered (encode_walk_to towards
// the delivering devices).
z3::expr encode_delivered_walk(const Network& net, const SmtLogic& logic, const SmtPlane& p,
                               const EncodedRoutes& routes, const std::vector<z3::expr>& is_source,
                               const std::string& tag);
// Holds iff some walk from a device marked by is_source arrives at a device where `target`
// holds, passing no device marked in `barrier` on the way; `name` names its variables.
z3::expr encode_walk_to(const Network& net, const SmtLogic& logic, const SmtPlane& p,
                        const EncodedRoutes& routes, const std::vector<z3::expr>& is_source,
                        const std::vector<z3::expr>& target, const std::vector<char>& barrier,
                        const std::string& name, const std::string& tag);
// The term "a walk is delivered at u" per device (delivered_at), for encode_walk_to.
std::vector<z3::expr> encode_delivering(const Network& net, const SmtPlane& p,
                                        const EncodedRoutes& routes);
// Holds iff some walk from `src` is delivered and loses a TCP flow of `size`-byte packets
// (too_big_walk's rule), over walks that visit each node once (a walk that repeats one loops,
// and the dropped-walk disjunct holds).
z3::expr encode_too_big_walk(const Network& net, const SmtLogic& logic, const SmtPlane& p,
                             const EncodedRoutes& routes, DeviceId src, std::uint32_t size,
                             const std::string& tag);
// Per device a term true iff every walk from it is delivered; constraints into `facts`.
std::vector<z3::expr> encode_delivers_all(const Network& net, const SmtLogic& logic,
                                          const SmtPlane& p, const EncodedRoutes& routes,
                                          const std::string& tag, std::vector<z3::expr>& facts);

}  // namespace faultline::models
