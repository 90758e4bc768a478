// Routes apart from walks (DESIGN.md §2): per destination, every route producer yields its
// candidates at each device, one selection rule (models/routes.hpp) picks among them, and the
// result — deliver, discard, no route, or forward over these next hops — is all that walks,
// the hot-event support and the requirements consume.  Producers today: connected (an origin
// delivers) and the IGP (models/igp.hpp).
#pragma once
#include <z3++.h>

#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "models/igp.hpp"
#include "models/lag.hpp"
#include "models/routes.hpp"

namespace faultline::models {

using ExplicitPlane = Plane<ExplicitLogic>;
using SmtPlane = Plane<SmtLogic>;
using igp::kNoRoute;

// What one covering prefix Q of the destination P (Network::covering, Q = P first) offers at a
// device: u is an origin of Q (connected), and u's IGP route for Q with its next hops.
template <class L>
struct CoverState {
  PrefixId prefix;
  typename L::Bool is_origin;
  typename L::Bool igp_route;
  std::span<const typename L::Bool> igp_next_hop;
};

// What an L2 segment offers at a device u in one scenario (DESIGN.md §7): u believes the
// segment's target reachable (a finite least-cost distance in the subgraph whose only transit
// devices are switches), and the logical links of u attaining it.
template <class L>
struct SegmentAt {
  typename L::Bool route;
  std::span<const typename L::Bool> next_hop;
};

// What a static route of u offers in one scenario: whether it applies to the destination (for a
// symbolic destination, a term), and its next hops per logical link of u — directly linked
// neighbours' (the far end looks the flow up) and, per L2 segment slot, those over which
// switches carry it towards a neighbour behind them, each installed or not.  The route is
// installed iff some part is (candidates_at: one candidate per part, one key).
template <class L>
struct StaticState {
  const StaticRoute* route;
  typename L::Bool applies;
  ShortList<typename L::Bool> next_hop;
  struct Carried {
    std::size_t slot;
    typename L::Bool installed;  // towards this neighbour
    std::span<const typename L::Bool> next_hop;
  };
  ShortList<Carried, 1> carried;
};

// match:  static route r of u, a `via` neighbour n
// result: n directly linked — per logical link ll of u with n among its far ends:
//           without BFD: ll is believed up towards n (lag::up_towards)
//           with BFD:    the same, and the session's member carries traffic both ways — a plain
//                        link both ways; a LAG: some serving member landing on n both ways
//           next_hop(ll) = ∨ over such n
//         n behind switches (slot k) — installed towards n iff the segment gives u a route to n
//           and, with BFD, the session's walks are delivered (session_up); its next hops are the
//           segment's, carried towards n
//         the route is installed iff some direct next hop or some segment neighbour is
template <class L>
StaticState<L> static_state(const Network& net, const L& logic, const Plane<L>& p,
                            const StaticRoute& r, typename L::Bool applies,
                            std::span<const SegmentAt<L>> segments) {
  using B = typename L::Bool;
  StaticState<L> out{&r, applies, {}, {}};
  for (const LogicalLink& ll : net.logical[r.device]) {
    ShortList<B> towards;
    for (DeviceId n : ll.far) {
      auto at = std::find(r.via.begin(), r.via.end(), n);
      if (at == r.via.end() || r.segment[at - r.via.begin()] != 0) continue;
      B up = lag::up_towards(net, logic, p, ll, n);
      if (r.bfd) {
        ShortList<B> both_ways;
        for (LinkId m : ll.members)
          if (net.links[m].other(r.device) == n)
            both_ways.push_back(p.serving[m] && p.crosses[0][m] && p.crosses[1][m]);
        up = up && logic.any(both_ways);
      }
      towards.push_back(up);
    }
    out.next_hop.push_back(logic.any(towards));
  }
  for (std::size_t i = 0; i < r.via.size(); ++i) {
    if (r.segment[i] == 0) continue;
    const SegmentAt<L>& seg = segments[r.segment[i] - 1];
    B up = seg.route;
    const std::size_t session = r.session[i];
    if (session != kNoSession && session < p.session_up.size()) up = up && p.session_up[session];
    out.carried.push_back({r.segment[i], up, seg.next_hop});
  }
  return out;
}

// match:  a flow that switches carry towards segment target k, at device u (DESIGN.md §7)
// result: u forwards by least cost in the segment's subgraph over seg's next hops, carried
//         on; it never delivers or discards; no route when the segment gives u none.  Only a
//         switch carries: any other device that a carried frame lands on drops it (accepts).
template <class L>
Selected<L> carried_at(const L& logic, std::size_t slot, const SegmentAt<L>& seg) {
  Selected<L> s{logic.constant(false), logic.constant(false), !seg.route, {}, {}};
  s.next_hop.assign(seg.next_hop.size(), logic.constant(false));
  s.carried.push_back({slot, {}});
  for (const auto& h : seg.next_hop) s.carried.back().next_hop.push_back(seg.route && h);
  return s;
}

// match:  the segment of slot k (target t) in one scenario, a device x of its slice, for the
//         packets of a BFD session towards t (models/sessions.hpp)
// result: t delivers (it is the walk's far end); any other x forwards over the segment's next
//         hops while it has a route there, else it has none.  A device outside the slice never
//         carries the frame (accepts), so a walk landing on it dies there.
template <class L>
Selected<L> session_hop(const Network& net, const L& logic, DeviceId t, DeviceId x,
                        const SegmentAt<L>& seg) {
  Selected<L> s{logic.constant(x == t), logic.constant(false), logic.constant(x != t), {}, {}};
  if (x != t) s.no_route = !seg.route;
  for (std::size_t l = 0; l < net.logical[x].size(); ++l)
    s.next_hop.push_back(x == t || logic.is_false(seg.next_hop[l]) ? logic.constant(false)
                                                                   : seg.route && seg.next_hop[l]);
  return s;
}

// match:  device u, destination P (is_origin: u is an origin of P)
// result: u looks up a flow that arrives at it iff it carries transit or originates P; at a
//         host or external that does not, an arriving walk dies (DESIGN.md §7)
template <class L>
typename L::Bool accepts_at(const Network& net, const L& logic, DeviceId u,
                            typename L::Bool is_origin) {
  return net.devices[u].transit() ? logic.constant(true) : is_origin;
}

// Whether u takes the IGP's routes: it carries transit, or it is a host or external with no
// static route (one with static routes uses those instead, DESIGN.md §7) and no BGP session
// (one with a session runs no IGP, DESIGN.md §8).
inline bool uses_igp(const Network& net, DeviceId u) {
  return net.devices[u].transit() || (net.statics_of[u].empty() && !net.speaks_bgp(u));
}

// The BGP routes of one scenario that forwarding consults (DESIGN.md §8 Forwarding): per prefix
// that BGP carries and whose rounds settle, each device's best route — learned from `peer`
// over `session` — or none (also for its own origination, which installs no forwarding).
struct BgpBest {
  std::size_t session;
  DeviceId peer;
  bool ibgp;
};
struct BgpRoutes {
  std::vector<char> session_up;  // the scenario's choice per BGP session
  std::map<PrefixId, std::vector<std::optional<BgpBest>>> best;
  const std::optional<BgpBest>* at(PrefixId q, DeviceId u) const {
    auto it = best.find(q);
    return it == best.end() ? nullptr : &it->second[u];
  }
};

// match:  device u, destination P, its covering prefixes Q (P first), u's static routes that
//         may apply to P
// result: connected: u is an origin of Q — deliver if Q = P (distance 0), discard if Q ⊋ P;
//         static: installed routes, their distance, forward over their next hops;
//         IGP (distance 110, junos 10): forward, for every Q, unless u is a host or external
//         with static routes (it uses those instead, DESIGN.md §7)
template <class L>
Candidates<L> candidates_at(const Network& net, const L& logic, DeviceId u,
                            std::span<const CoverState<L>> covers,
                            std::span<const StaticState<L>> statics) {
  using Action = typename RouteCandidate<L>::Action;
  const bool junos = net.junos(u);
  const bool takes_igp = uses_igp(net, u);
  Candidates<L> out;
  for (std::size_t i = 0; i < covers.size(); ++i) {
    const CoverState<L>& q = covers[i];
    const unsigned spec = net.prefixes[q.prefix].specificity();
    if (!logic.is_false(q.is_origin))
      out.push_back({RouteSource::connected,
                     spec,
                     0,
                     i == 0 ? Action::deliver : Action::discard,
                     q.is_origin,
                     {}});
    if (takes_igp)
      out.push_back({RouteSource::igp, spec, default_distance(RouteSource::igp, junos),
                     Action::forward, q.igp_route, q.igp_next_hop});
  }
  for (const StaticState<L>& s : statics) {
    // One candidate per landing slot, with one key: equal keys unite, so the route's next hops
    // are the union of its parts' (DESIGN.md §7).
    const unsigned spec = s.route->specificity(net);
    const auto& seg = s.route->segment;
    if (std::find(seg.begin(), seg.end(), std::size_t{0}) != seg.end())
      out.push_back({RouteSource::static_route, spec, s.route->distance, Action::forward,
                     s.applies && logic.any(s.next_hop),
                     std::span<const typename L::Bool>(s.next_hop.data(), s.next_hop.size())});
    for (const auto& c : s.carried)
      out.push_back({RouteSource::static_route, spec, s.route->distance, Action::forward,
                     s.applies && c.installed, c.next_hop, c.slot});
  }
  return out;
}

// --- explicit ------------------------------------------------------------------------------
// What every walk node does with a flow to one destination in one plane.  A node is a device
// and a slot (Network::slots): slot 0 looks the destination up, slot k ≥ 1 is a frame that
// switches carry towards segment target k (node = slot · devices + device).  The producers'
// state towards the destination and the segment targets is computed at once, a covering
// prefix's when a device first needs it; a node's selection when a walk first asks for it (a
// reach judgement visits only the nodes its source reaches).  Holds a reference to the plane: use
// it while the plane lives.
class LeastCost;
class RouteTable {
 public:
  // A least-cost state: towards a prefix's origins over the IGP (a covering prefix of dest),
  // or towards an L2 segment target in its switches-only subgraph.
  struct Cover {
    PrefixId prefix;
    std::vector<char> origin;
    std::vector<std::uint64_t> dist;
  };

  // With `cache`, the least-cost states come from it (computed there once per plane); with
  // `bgp`, the scenario's BGP routes compete in the selection (DESIGN.md §8).
  RouteTable(const Network& net, const ExplicitPlane& p, PrefixId dest, LeastCost* cache = nullptr,
             const BgpRoutes* bgp = nullptr);
  // The walks of a BFD session's packets towards the target of segment slot k, over devices
  // (one slot): the target delivers, every other device of segment_slice forwards along the
  // segment's least-cost next hops (`seg`: segment_distance(net, p, k)), any other never
  // carries the frame.  Each device's hop is built when a walk first asks for it.
  struct SessionWalks {};
  RouteTable(SessionWalks, const Network& net, const ExplicitPlane& p, std::size_t k,
             const Cover& seg);
  // A table given device by device, one slot (tests of the walk layer).  `accepts` defaults
  // to accepts_at.
  RouteTable(const Network& net, PrefixId dest, std::vector<char> origin,
             std::vector<Selected<ExplicitLogic>> at, std::vector<char> accepts = {});

  const Selected<ExplicitLogic>& at(std::size_t node) const;

  // The route a lookup at device u selected for the hop that leaves over logical link `via`
  // and lands on node `next` (no via: the route that delivers or discards there).  For
  // explanations.
  struct Used {
    RouteSource source;
    PrefixId prefix;                   // connected, IGP: the covering prefix it is for
    std::optional<std::size_t> route;  // static: index into Network::statics
    std::uint64_t cost = 0;            // IGP: the least cost from u
    std::vector<DeviceId> installed;   // static: the next hops installed
    std::optional<DeviceId> peer;      // BGP: the peer it was learned from
  };
  std::optional<Used> used(DeviceId u, std::optional<std::size_t> via, std::size_t next) const;
  std::size_t nodes() const { return slots * devices; }
  DeviceId device(std::size_t node) const { return static_cast<DeviceId>(node % devices); }
  std::size_t slot(std::size_t node) const { return node / devices; }

  PrefixId dest = 0;
  std::size_t devices = 0, slots = 1;
  std::vector<char> origin;             // per device: an origin of dest
  std::vector<std::uint64_t> igp_dist;  // the IGP producer's state (support, explanations)
  std::vector<char> accepts;            // per node: looks up an arriving flow (accepts_at)

  // The IGP state towards covering prefix i of dest other than dest itself (more specific
  // first), computed when first asked: a device with a more specific IGP route never asks.
  const Cover& cover(std::size_t i) const;
  std::size_t covers() const { return covers_.size(); }
  // The state towards each L2 segment target in its switches-only subgraph (a session walks
  // table: its one target).
  std::vector<Cover> segments;  // per segment target, slot k at index k - 1

 private:
  // u's candidates towards dest, with what produced each, into thread-local buffers that the
  // candidates' next hops point into (valid until the next call).
  struct Producer {
    PrefixId prefix;                   // connected, IGP, BGP
    std::optional<std::size_t> route;  // static
    std::uint64_t cost = 0;            // IGP; iBGP: the IGP cost towards the peer
    std::vector<DeviceId> installed;   // static
    std::optional<DeviceId> peer;      // BGP
  };
  // The IGP state towards device n's host prefix (iBGP next hops), computed when first asked.
  const Cover& towards(DeviceId n) const;
  Candidates<ExplicitLogic> candidates(DeviceId u, std::vector<Producer>* producers) const;
  const Selected<ExplicitLogic>& keep(std::size_t node, Selected<ExplicitLogic> s) const;

  const Network* net_;
  const ExplicitPlane* plane_ = nullptr;
  LeastCost* cache_ = nullptr;
  const BgpRoutes* bgp_ = nullptr;
  std::vector<char> igp_origin_;  // the IGP's origins of dest (DESIGN.md §8: not BGP-only ones)
  mutable std::map<DeviceId, Cover> peers_;  // towards(n)
  mutable std::vector<Cover> covers_;        // dist empty until cover(i) asks
  std::size_t session_slot_ = 0;  // k ≥ 1: a session walks table towards segment target k
  // The selections built so far: per node an index into computed_ (kNone: not yet); a deque
  // keeps the references at() hands out valid.
  static constexpr std::uint32_t kNone = UINT32_MAX;
  mutable std::vector<std::uint32_t> index_;
  mutable std::deque<Selected<ExplicitLogic>> computed_;
};
inline RouteTable route_table(const Network& net, const ExplicitPlane& p, PrefixId dest,
                              LeastCost* cache = nullptr, const BgpRoutes* bgp = nullptr) {
  return RouteTable(net, p, dest, cache, bgp);
}

// The least-cost states of one plane, each computed when first asked and then kept: they do not
// depend on the BFD sessions' choices, so the route tables of a plane's session combinations
// and the sessions' own walks share them.  Holds a reference to the plane: any plane that
// differs from it in session_up alone has the same states.
class ReferenceCosts;
class LeastCost {
 public:
  // With `ref`, a state the reference plane shares with this one is copied from it.
  // A plane whose costs a restart changed never copies (proofs/SOUNDNESS.md §10).
  LeastCost(const Network& net, const ExplicitPlane& p, ReferenceCosts* ref = nullptr)
      : net_(&net), p_(&p), ref_(igp::costs_changed(p) ? nullptr : ref) {}
  const RouteTable::Cover& prefix(PrefixId q);         // over the IGP, towards q's origins
  const RouteTable::Cover& segment(std::size_t slot);  // switches only, towards target `slot`
  // The walks of BFD sessions' packets towards segment target `slot` (RouteTable::SessionWalks
  // over segment(slot)), once per plane: the sessions' options and the support read one table.
  const RouteTable& session_walks(std::size_t slot);

 private:
  const igp::UpArcs& arcs();
  // This plane's state from the reference's (igp::distances_after), when the plane only lacks
  // arcs of the reference.
  std::optional<RouteTable::Cover> from_reference(const RouteTable::Cover& reference,
                                                  igp::Transit transit);

  const Network* net_;
  const ExplicitPlane* p_;
  ReferenceCosts* ref_;
  std::optional<igp::UpArcs> arcs_;
  std::optional<std::optional<std::vector<igp::Arc>>> removed_;  // from the reference's arcs
  std::map<PrefixId, RouteTable::Cover> prefixes_;
  std::map<std::size_t, RouteTable::Cover> segments_;
  std::map<std::size_t, RouteTable> walks_;
};

// The least-cost distances towards segment target k in the subgraph whose only transit
// devices are switches (DESIGN.md §7).
RouteTable::Cover segment_distance(const Network& net, const ExplicitPlane& p, std::size_t slot,
                                   const igp::UpArcs* arcs = nullptr);
// The segment of slot k at device u, its next hops written into `buffer`.
SegmentAt<ExplicitLogic> segment_at(const Network& net, const ExplicitPlane& p,
                                    const RouteTable::Cover& seg, DeviceId u,
                                    std::vector<char>& buffer);

// The least-cost states of a reference plane (the design with no fault), for a search that
// judges many fault sets of one design (the hot-event search): a plane whose up arcs are the
// reference's less a few has, for each state, the reference's except where every least-cost
// path lost an arc; LeastCost searches only those devices again (igp::distances_after,
// proofs/SOUNDNESS.md §10).  Each reference state is computed when first asked.  One per search
// and thread.  Its plane is also where derive_plane_from starts (make_plane with a reference).
class ReferenceCosts {
 public:
  // The design's own reference: the plane with no fault and every choice peer[0].
  explicit ReferenceCosts(const Network& net);
  ReferenceCosts(const ReferenceCosts&) = delete;  // costs_ holds plane_'s address
  ReferenceCosts& operator=(const ReferenceCosts&) = delete;
  const ExplicitPlane& plane() const { return plane_; }

 private:
  ReferenceCosts(const Network& net, ExplicitPlane plane);
  friend class LeastCost;
  ExplicitPlane plane_;
  LeastCost costs_;
};

// --- symbolic ------------------------------------------------------------------------------
// Per segment target: the distance equations in its subgraph over the devices segment_slice
// marks (constraints into `facts`).
// With `needed` (per target), only those; the rest are left empty.
std::vector<igp::Encoded> encode_segments(const Network& net, const SmtLogic& logic,
                                          const SmtPlane& p, const std::string& tag,
                                          std::vector<z3::expr>& facts,
                                          const std::vector<char>* needed = nullptr);
// The devices an L2 segment's walks may use: its switches, its target, and the devices whose
// static routes or sessions start walks towards it.
std::vector<char> segment_slice(const Network& net, std::size_t slot);

// The same towards a destination given by `is_origin` (one symbolic choice among prefixes:
// the origins of the chosen one), for the devices `in_slice`; constraints into `facts`.
// `dest` stands for the candidates: they share its covering prefixes other than itself, and
// when it is a host prefix, is_origin(h) says the destination is h's.
struct EncodedRoutes {
  std::size_t devices = 0, slots = 1;
  std::vector<Selected<SmtLogic>> at;  // per node
  std::vector<z3::expr> accepts;       // per node: looks up an arriving flow (accepts_at)
  std::vector<char> in_slice;          // per node: may be on a walk
  const Selected<SmtLogic>& operator[](std::size_t node) const { return at[node]; }
  std::size_t nodes() const { return at.size(); }
  DeviceId device(std::size_t node) const { return static_cast<DeviceId>(node % devices); }
};
// A BGP route that forwarding may use at a device (DESIGN.md §8 Forwarding; models/bgp_smt.cpp):
// for `prefix`, learned over iBGP or eBGP, installed or not, its next hops per logical link of
// the device, carried towards segment target `slot` when the session runs through switches.
struct BgpForwarding {
  PrefixId prefix;
  bool ibgp;
  z3::expr installed;
  std::vector<z3::expr> next_hop;
  std::size_t slot = 0;
};
// With `bgp` (per device), those routes compete in the selection too.
EncodedRoutes encode_routes(const Network& net, const SmtLogic& logic, const SmtPlane& p,
                            PrefixId dest, const std::vector<z3::expr>& is_origin,
                            const std::vector<char>& in_slice,
                            const std::vector<igp::Encoded>& segments, const std::string& tag,
                            std::vector<z3::expr>& facts,
                            const std::vector<std::vector<BgpForwarding>>* bgp = nullptr);

}  // namespace faultline::models
