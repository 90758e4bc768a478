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
#include "models/routes.hpp"

namespace faultline::models {

using ExplicitPlane = Plane<ExplicitLogic>;
using SmtPlane = Plane<SmtLogic>;
using igp::kNoRoute;

// match:  device u, destination P
// result: connected (distance 0, deliver) iff u is an origin of P;
//         IGP (distance 110, forward over its next hops) iff u has an IGP route for P
template <class L>
Candidates<L> candidates_at(const Network& net, const L& logic, PrefixId dest,
                                             typename L::Bool is_origin,
                                             typename L::Bool igp_route,
                                             std::span<const typename L::Bool> igp_next_hop) {
  using Action = typename RouteCandidate<L>::Action;
  const unsigned spec = net.prefixes[dest].specificity();
  Candidates<L> out;
  if (!logic.is_false(is_origin))
    out.push_back({RouteSource::connected, spec, default_distance(RouteSource::connected, false), Action::deliver, is_origin, {}});
  out.push_back({RouteSource::igp, spec, 110, Action::forward, igp_route, std::move(igp_next_hop)});
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
// `dest` gives the specificity of the routes (all candidate destinations share it).
std::vector<Selected<SmtLogic>> encode_routes(const Network& net, const SmtLogic& logic,
                                              const SmtPlane& p, PrefixId dest,
                                              const std::vector<z3::expr>& is_origin,
                                              const std::vector<char>& in_slice,
                                              const std::string& tag,
                                              std::vector<z3::expr>& facts);

}  // namespace faultline::models
