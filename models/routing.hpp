// Routes apart from walks (DESIGN.md §2): per destination, every route producer yields its
// candidates at each device, one selection rule (models/routes.hpp) picks among them, and the
// result — deliver, discard, no route, or forward over these next hops — is all that walks,
// the hot-event support and the requirements consume.  Producers today: connected (an origin
// delivers) and the IGP (models/igp.hpp).
#pragma once
#include <z3++.h>

#include <cstdint>
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

// What a static route of u offers in one scenario: whether it applies to the destination (for a
// symbolic destination, a term), whether it is installed, and its next hops per logical link
// of u.
template <class L>
struct StaticState {
  const StaticRoute* route;
  typename L::Bool applies;
  typename L::Bool installed;
  ShortList<typename L::Bool> next_hop;
};

// match:  device u, destination P (is_origin: u is an origin of P)
// result: u looks up a flow that arrives at it iff it carries transit or originates P; at a
//         host or external that does not, an arriving walk dies (DESIGN.md §7)
template <class L>
typename L::Bool accepts_at(const Network& net, const L& logic, DeviceId u,
                            typename L::Bool is_origin) {
  return net.devices[u].transit() ? logic.constant(true) : is_origin;
}

// match:  static route r of u, logical link ll of u, a `via` neighbour n among ll's far ends
// result: without BFD: ll is believed up towards n (lag::up_towards)
//         with BFD:    the same, and the session's member carries traffic both ways — a plain
//                      link both ways; a LAG: some serving member landing on n both ways
// next_hop(ll) = ∨ over such n;  installed = ∨ over ll of next_hop(ll)   (DESIGN.md §7)
template <class L>
StaticState<L> static_state(const Network& net, const L& logic, const Plane<L>& p,
                            const StaticRoute& r, typename L::Bool applies) {
  using B = typename L::Bool;
  StaticState<L> out{&r, applies, logic.constant(false), {}};
  ShortList<B> any_link;
  for (const LogicalLink& ll : net.logical[r.device]) {
    ShortList<B> towards;
    for (DeviceId n : ll.far) {
      if (std::find(r.via.begin(), r.via.end(), n) == r.via.end()) continue;
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
    any_link.push_back(out.next_hop.back());
  }
  out.installed = logic.any(any_link);
  return out;
}

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
  const bool uses_igp = net.devices[u].transit() || net.statics_of[u].empty();
  Candidates<L> out;
  for (std::size_t i = 0; i < covers.size(); ++i) {
    const CoverState<L>& q = covers[i];
    const unsigned spec = net.prefixes[q.prefix].specificity();
    if (!logic.is_false(q.is_origin))
      out.push_back({RouteSource::connected, spec, 0, i == 0 ? Action::deliver : Action::discard,
                     q.is_origin, {}});
    if (uses_igp)
      out.push_back({RouteSource::igp, spec, default_distance(RouteSource::igp, junos),
                     Action::forward, q.igp_route, q.igp_next_hop});
  }
  for (const StaticState<L>& s : statics)
    out.push_back({RouteSource::static_route, s.route->specificity(net), s.route->distance,
                   Action::forward, s.applies && s.installed,
                   std::span<const typename L::Bool>(s.next_hop.data(), s.next_hop.size())});
  return out;
}

// --- explicit ------------------------------------------------------------------------------
// What every device does with a flow to one destination in one plane.  The producers' state is
// computed at once; a device's selection when a walk first asks for it (a reach judgement
// visits only the devices its source reaches).  Holds a reference to the plane: use it while
// the plane lives.
class RouteTable {
 public:
  RouteTable(const Network& net, const ExplicitPlane& p, PrefixId dest);
  // A table given device by device (tests of the walk layer).
  RouteTable(const Network& net, PrefixId dest, std::vector<char> origin,
             std::vector<Selected<ExplicitLogic>> at);

  const Selected<ExplicitLogic>& at(DeviceId u) const;

  PrefixId dest = 0;
  std::vector<char> origin;             // per device: an origin of dest
  std::vector<std::uint64_t> igp_dist;  // the IGP producer's state (support, explanations)
  std::vector<char> accepts;            // per device: looks up an arriving flow (accepts_at)

  // The IGP state towards a covering prefix of dest other than dest itself.
  struct Cover {
    PrefixId prefix;
    std::vector<char> origin;
    std::vector<std::uint64_t> dist;
  };
  std::vector<Cover> covers;

 private:
  const Network* net_;
  const ExplicitPlane* plane_ = nullptr;
  mutable std::vector<std::optional<Selected<ExplicitLogic>>> at_;
};
inline RouteTable route_table(const Network& net, const ExplicitPlane& p, PrefixId dest) {
  return RouteTable(net, p, dest);
}

// --- symbolic ------------------------------------------------------------------------------
// The same towards a destination given by `is_origin` (one symbolic choice among prefixes:
// the origins of the chosen one), for the devices `in_slice`; constraints into `facts`.
// `dest` stands for the candidates: they share its covering prefixes other than itself, and
// when it is a host prefix, is_origin(h) says the destination is h's.
struct EncodedRoutes {
  std::vector<Selected<SmtLogic>> at;  // per device
  std::vector<z3::expr> accepts;       // per device: looks up an arriving flow (accepts_at)
  const Selected<SmtLogic>& operator[](DeviceId u) const { return at[u]; }
};
EncodedRoutes encode_routes(const Network& net, const SmtLogic& logic,
                                              const SmtPlane& p, PrefixId dest,
                                              const std::vector<z3::expr>& is_origin,
                                              const std::vector<char>& in_slice,
                                              const std::string& tag,
                                              std::vector<z3::expr>& facts);

}  // namespace faultline::models
