#include "models/routing.hpp"

#include "models/faults.hpp"
#include "models/state.hpp"

namespace faultline::models {

namespace {
bool is_switch(const Network& net, DeviceId u) {
  return net.devices[u].kind == DeviceKind::switch_;
}
// Whether some static route of u has a next hop behind switches.
bool has_segment_route(const Network& net, DeviceId u) {
  for (std::size_t i : net.statics_of[u])
    for (std::size_t slot : net.statics[i].segment)
      if (slot != 0) return true;
  return false;
}
}  // namespace

RouteTable::Cover segment_distance(const Network& net, const ExplicitPlane& p, std::size_t slot,
                                   const igp::UpArcs* arcs) {
  const DeviceId t = net.segment_targets[slot - 1];
  RouteTable::Cover c{net.host_prefix(t), std::vector<char>(net.devices.size(), 0), {}};
  c.origin[t] = 1;
  c.dist = igp::distances(net, p, c.origin, igp::Transit::switches, arcs);
  return c;
}

SegmentAt<ExplicitLogic> segment_at(const Network& net, const ExplicitPlane& p,
                                    const RouteTable::Cover& seg, DeviceId u,
                                    std::vector<char>& buffer) {
  igp::next_hops(net, p, seg.dist, seg.origin, u, buffer, igp::Transit::switches);
  return {static_cast<char>(!seg.origin[u] && seg.dist[u] != kNoRoute), buffer};
}

namespace {
// Prefix q's origins, its least-cost state not yet computed.
// The IGP's origins only: a host or external with a BGP session puts q into BGP alone.
RouteTable::Cover prefix_cover(const Network& net, PrefixId q) {
  RouteTable::Cover c{q, std::vector<char>(net.devices.size(), 0), {}};
  for (DeviceId o : net.prefixes[q].origins)
    if (net.igp_origin(o)) c.origin[o] = 1;
  return c;
}
// The IGP state towards q's origins.
RouteTable::Cover prefix_distance(const Network& net, const ExplicitPlane& p, PrefixId q,
                                  const igp::UpArcs* arcs = nullptr) {
  RouteTable::Cover c = prefix_cover(net, q);
  c.dist = igp::distances(net, p, c.origin, igp::Transit::igp, arcs);
  return c;
}

// The state kept under `key` in `kept`; else the reference's repaired (LeastCost::from_reference),
// else `fresh()`.
template <class Key, class Reference, class Fresh>
const RouteTable::Cover& kept_or(std::map<Key, RouteTable::Cover>& kept, Key key,
                                 Reference&& from_reference, Fresh&& fresh) {
  auto it = kept.find(key);
  if (it != kept.end()) return it->second;
  std::optional<RouteTable::Cover> c = from_reference();
  if (!c) c = fresh();
  return kept.emplace(key, std::move(*c)).first->second;
}
}  // namespace

const igp::UpArcs& LeastCost::arcs() {
  if (!arcs_) igp::up_arcs(*net_, *p_, arcs_.emplace());
  return *arcs_;
}

std::optional<RouteTable::Cover> LeastCost::from_reference(const RouteTable::Cover& reference,
                                                           igp::Transit transit) {
  if (!removed_) removed_ = igp::removed_arcs(*net_, ref_->plane_, *p_);
  if (!*removed_) return std::nullopt;  // the plane has an arc the reference lacks
  return RouteTable::Cover{reference.prefix, reference.origin,
                           igp::distances_after(*net_, *p_, reference.dist, reference.origin,
                                                transit, ref_->costs_.arcs(), **removed_)};
}

const RouteTable::Cover& LeastCost::prefix(PrefixId q) {
  return kept_or(
      prefixes_, q,
      [&]() -> std::optional<RouteTable::Cover> {
        if (!ref_) return std::nullopt;
        return from_reference(ref_->costs_.prefix(q), igp::Transit::igp);
      },
      [&] { return prefix_distance(*net_, *p_, q, &arcs()); });
}

const RouteTable::Cover& LeastCost::segment(std::size_t slot) {
  return kept_or(
      segments_, slot,
      [&]() -> std::optional<RouteTable::Cover> {
        if (!ref_) return std::nullopt;
        return from_reference(ref_->costs_.segment(slot), igp::Transit::switches);
      },
      [&] { return segment_distance(*net_, *p_, slot, &arcs()); });
}

const RouteTable& LeastCost::session_walks(std::size_t slot) {
  auto it = walks_.find(slot);
  if (it == walks_.end())
    it = walks_
             .emplace(
                 std::piecewise_construct, std::forward_as_tuple(slot),
                 std::forward_as_tuple(RouteTable::SessionWalks{}, *net_, *p_, slot, segment(slot)))
             .first;
  return it->second;
}

ReferenceCosts::ReferenceCosts(const Network& net, ExplicitPlane plane)
    : plane_(std::move(plane)), costs_(net, plane_) {}

ReferenceCosts::ReferenceCosts(const Network& net)
    : ReferenceCosts(
          net, derive_plane(net, ExplicitLogic{},
                            Scenario<ExplicitLogic>{apply_events(net, {}),
                                                    {std::vector<char>(net.lags.size(), 1), {}}})) {
}

RouteTable::RouteTable(const Network& net, const ExplicitPlane& p, PrefixId d, LeastCost* cache,
                       const BgpRoutes* bgp)
    : dest(d),
      devices(net.devices.size()),
      slots(net.walk_slots()),
      net_(&net),
      plane_(&p),
      cache_(cache),
      bgp_(bgp),
      index_(nodes(), kNone) {
  const std::size_t n = devices;
  {
    Cover own = cache ? cache->prefix(dest) : prefix_distance(net, p, dest);
    igp_origin_ = std::move(own.origin);
    igp_dist = std::move(own.dist);
  }
  origin.assign(n, 0);  // connected: every origin, BGP-only ones too
  for (DeviceId o : net.prefixes[dest].origins) origin[o] = 1;
  accepts.reserve(nodes());
  for (DeviceId u = 0; u < n; ++u)
    accepts.push_back(accepts_at(net, ExplicitLogic{}, u, origin[u]));
  for (std::size_t k = 1; k < slots; ++k)
    for (DeviceId u = 0; u < n; ++u) accepts.push_back(is_switch(net, u));
  std::vector<PrefixId> cover = net.covering(dest);
  for (std::size_t i = 1; i < cover.size(); ++i) covers_.push_back(prefix_cover(net, cover[i]));
  // Towards each target some static next hop is (only a BFD session's return walk goes to the
  // others: they stay empty).
  for (std::size_t k = 1; k < slots; ++k)
    segments.push_back(!net.carried[k - 1] ? Cover{}
                       : cache             ? cache->segment(k)
                                           : segment_distance(net, p, k));
}

RouteTable::RouteTable(SessionWalks, const Network& net, const ExplicitPlane& p, std::size_t k,
                       const Cover& seg)
    : dest(net.host_prefix(net.segment_targets[k - 1])),
      devices(net.devices.size()),
      origin(seg.origin),
      accepts(segment_slice(net, k)),
      segments{seg},
      net_(&net),
      plane_(&p),
      session_slot_(k),
      index_(devices, kNone) {}

RouteTable::RouteTable(const Network& net, PrefixId d, std::vector<char> o,
                       std::vector<Selected<ExplicitLogic>> at, std::vector<char> acc)
    : dest(d),
      devices(net.devices.size()),
      origin(std::move(o)),
      accepts(std::move(acc)),
      net_(&net),
      index_(devices, kNone) {
  if (accepts.empty())
    for (DeviceId u = 0; u < net.devices.size(); ++u)
      accepts.push_back(accepts_at(net, ExplicitLogic{}, u, origin[u]));
  for (std::size_t u = 0; u < at.size(); ++u) keep(u, std::move(at[u]));
}

const RouteTable::Cover& RouteTable::cover(std::size_t i) const {
  Cover& c = covers_[i];
  if (c.dist.empty())
    c.dist =
        cache_ ? cache_->prefix(c.prefix).dist : prefix_distance(*net_, *plane_, c.prefix).dist;
  return c;
}

const Selected<ExplicitLogic>& RouteTable::keep(std::size_t node, Selected<ExplicitLogic> s) const {
  index_[node] = static_cast<std::uint32_t>(computed_.size());
  computed_.push_back(std::move(s));
  return computed_.back();
}

const Selected<ExplicitLogic>& RouteTable::at(std::size_t node) const {
  if (index_[node] != kNone) return computed_[index_[node]];
  ExplicitLogic logic;
  const DeviceId u = device(node);
  const std::size_t k = slot(node);
  thread_local std::vector<char> seg_hops;
  if (session_slot_ > 0) {  // a session's packets towards the segment target
    if (!accepts[u]) return keep(node, no_route(logic, net_->logical[u].size()));
    return keep(node, session_hop(*net_, logic, net_->segment_targets[session_slot_ - 1], u,
                                  segment_at(*net_, *plane_, segments[0], u, seg_hops)));
  }
  if (k > 0) {  // carried towards segment target k (no static next hop is it: never reached)
    if (!is_switch(*net_, u) || segments[k - 1].dist.empty())
      return keep(node, no_route(logic, net_->logical[u].size()));
    return keep(node,
                carried_at(logic, k, segment_at(*net_, *plane_, segments[k - 1], u, seg_hops)));
  }
  auto c = candidates(u, nullptr);
  return keep(node, select_routes(logic, c, net_->logical[u].size()));
}

Candidates<ExplicitLogic> RouteTable::candidates(DeviceId u,
                                                 std::vector<Producer>* producers) const {
  ExplicitLogic logic;
  thread_local std::vector<std::vector<char>> next_hop, seg_hops;
  next_hop.resize(covers_.size() + 1);
  const bool takes_igp = uses_igp(*net_, u);
  // The covering prefixes, more specific first, up to the first with an installed IGP route:
  // longest prefix first, a less specific route is never selected, so it is left out (and its
  // least-cost state never computed for this device).  A device that does not use the IGP
  // gets the covering prefixes' connected routes only.
  ShortList<CoverState<ExplicitLogic>> cs;
  auto add = [&](PrefixId q, char is_origin, const std::vector<std::uint64_t>* dist,
                 const std::vector<char>& origins, std::vector<char>& hops) {
    if (!takes_igp) {
      cs.push_back({q, is_origin, 0, {}});
      return false;
    }
    igp::next_hops(*net_, *plane_, *dist, origins, u, hops);
    cs.push_back({q, is_origin, (*dist)[u] != kNoRoute, hops});
    return (*dist)[u] != kNoRoute;
  };
  bool installed = add(dest, origin[u], &igp_dist, igp_origin_, next_hop[0]);
  for (std::size_t i = 0; i < covers_.size() && !installed; ++i) {
    const Cover& c = takes_igp ? cover(i) : covers_[i];
    installed = add(c.prefix, net_->is_origin(c.prefix, u), &c.dist, c.origin, next_hop[i + 1]);
  }
  ShortList<SegmentAt<ExplicitLogic>> segs;
  if (has_segment_route(*net_, u)) {
    seg_hops.resize(segments.size());
    for (std::size_t i = 0; i < segments.size(); ++i)
      segs.push_back(segments[i].dist.empty()  // no static next hop is this target
                         ? SegmentAt<ExplicitLogic>{0, {}}
                         : segment_at(*net_, *plane_, segments[i], u, seg_hops[i]));
  }
  // The candidates point into the states' next hops: they outlive this call.
  thread_local std::vector<StaticState<ExplicitLogic>> statics;
  statics.clear();
  for (std::size_t i : net_->statics_of[u])
    if (net_->statics[i].applies_to(*net_, dest))
      statics.push_back(
          static_state(*net_, logic, *plane_, net_->statics[i], 1, {segs.data(), segs.size()}));
  auto out = candidates_at<ExplicitLogic>(*net_, logic, u, {cs.data(), cs.size()},
                                          {statics.data(), statics.size()});
  // DESIGN.md §8 Forwarding: the scenario's best BGP route for dest and each covering prefix.
  // Learned over eBGP from n: over every believed-up logical link to n (carried through the
  // switches when the session runs over an L2 segment), distance 20; over iBGP from n: along
  // the IGP's next hops towards n's host prefix, distance 200, every hop looking P up again.
  struct BgpPart {
    PrefixId prefix;
    DeviceId peer;
    std::uint64_t cost;
  };
  ShortList<BgpPart> bgp_parts;
  if (bgp_) {
    thread_local std::vector<std::vector<char>> bgp_hops;
    const std::size_t links = net_->logical[u].size();
    ShortList<PrefixId> qs{dest};
    for (const Cover& c : covers_) qs.push_back(c.prefix);
    bgp_hops.resize(std::max(bgp_hops.size(), qs.size()));
    for (std::size_t i = 0; i < qs.size(); ++i) {
      const std::optional<BgpBest>* b = bgp_->at(qs[i], u);
      if (!b || !*b) continue;
      const BgpBest& best = **b;
      const BgpSession& s = net_->bgp_sessions[best.session];
      std::vector<char>& hops = bgp_hops[i];
      hops.assign(links, 0);
      char installed = 0;
      std::size_t slot = 0;
      std::uint64_t cost = 0;
      if (best.ibgp) {
        const Cover& c = towards(best.peer);
        igp::next_hops(*net_, *plane_, c.dist, c.origin, u, hops);
        installed = c.dist[u] != kNoRoute && u != best.peer;
        cost = c.dist[u];
      } else if (const std::size_t k = s.segment[s.side_of(u)]; k != 0) {
        slot = k;
        installed = segment_at(*net_, *plane_, segments[k - 1], u, hops).route;
      } else {
        for (std::size_t l = 0; l < links; ++l) {
          const LogicalLink& ll = net_->logical[u][l];
          if (std::find(ll.far.begin(), ll.far.end(), best.peer) == ll.far.end()) continue;
          hops[l] = lag::up_towards(*net_, logic, *plane_, ll, best.peer);
          installed = installed || hops[l];
        }
      }
      const RouteSource src = best.ibgp ? RouteSource::ibgp : RouteSource::ebgp;
      out.push_back({src, net_->prefixes[qs[i]].specificity(),
                     default_distance(src, net_->junos(u)),
                     RouteCandidate<ExplicitLogic>::Action::forward, installed,
                     std::span<const char>(hops.data(), hops.size()), slot});
      bgp_parts.push_back({qs[i], best.peer, cost});
    }
  }
  if (!producers) return out;
  // Name each candidate's producer, in candidates_at's order.
  producers->clear();
  for (std::size_t i = 0; i < cs.size(); ++i) {
    const std::uint64_t cost = !takes_igp ? 0 : i == 0 ? igp_dist[u] : cover(i - 1).dist[u];
    if (cs[i].is_origin) producers->push_back({cs[i].prefix, {}, 0, {}, {}});
    if (takes_igp) producers->push_back({cs[i].prefix, {}, cost, {}, {}});
  }
  for (const StaticState<ExplicitLogic>& st : statics) {
    const StaticRoute& r = *st.route;
    Producer pr{dest, static_cast<std::size_t>(&r - net_->statics.data()), 0, {}, {}};
    for (std::size_t k = 0; k < r.via.size(); ++k) {
      bool up = false;
      if (r.segment[k] == 0) {
        for (std::size_t l = 0; l < net_->logical[u].size(); ++l) {
          const auto& far = net_->logical[u][l].far;
          up = up || (st.next_hop[l] && std::find(far.begin(), far.end(), r.via[k]) != far.end());
        }
      } else {
        for (const auto& c : st.carried) up = up || (c.slot == r.segment[k] && c.installed);
      }
      if (up) pr.installed.push_back(r.via[k]);
    }
    const auto& seg = r.segment;
    if (std::find(seg.begin(), seg.end(), std::size_t{0}) != seg.end()) producers->push_back(pr);
    for (std::size_t k = 0; k < st.carried.size(); ++k) producers->push_back(pr);
  }
  for (const BgpPart& b : bgp_parts) producers->push_back({b.prefix, {}, b.cost, {}, b.peer});
  return out;
}

const RouteTable::Cover& RouteTable::towards(DeviceId n) const {
  auto it = peers_.find(n);
  if (it != peers_.end()) return it->second;
  const PrefixId h = net_->host_prefix(n);
  return peers_.emplace(n, cache_ ? cache_->prefix(h) : prefix_distance(*net_, *plane_, h))
      .first->second;
}

std::optional<RouteTable::Used> RouteTable::used(DeviceId u, std::optional<std::size_t> via,
                                                 std::size_t next) const {
  std::vector<Producer> producers;
  auto c = candidates(u, &producers);
  // A carried hop lands at the target's lookup node when it reaches the target.
  auto lands = [&](std::size_t slot) {
    if (slot == this->slot(next)) return true;
    return this->slot(next) == 0 && slot > 0 && net_->segment_targets[slot - 1] == device(next);
  };
  std::optional<std::size_t> pick;
  for (std::size_t i : selected_candidates(c)) {
    using Action = RouteCandidate<ExplicitLogic>::Action;
    const bool fits =
        via ? c[i].action == Action::forward && lands(c[i].slot) && c[i].next_hop[*via]
            : c[i].action != Action::forward;
    if (fits && !pick) pick = i;
  }
  if (!pick) return std::nullopt;
  const Producer& p = producers[*pick];
  return Used{c[*pick].source, p.prefix, p.route, p.cost, p.installed, p.peer};
}

std::vector<char> segment_slice(const Network& net, std::size_t slot) {
  const DeviceId target = net.segment_targets[slot - 1];
  std::vector<char> in(net.devices.size(), 0);
  for (DeviceId u = 0; u < net.devices.size(); ++u) in[u] = is_switch(net, u) || u == target;
  for (const StaticRoute& r : net.statics)
    for (std::size_t s : r.segment)
      if (s == slot) in[r.device] = 1;
  for (const SegmentSession& s : net.sessions)
    if (s.device == target) in[s.neighbour] = 1;
  return in;
}

std::vector<igp::Encoded> encode_segments(const Network& net, const SmtLogic& logic,
                                          const SmtPlane& p, const std::string& tag,
                                          std::vector<z3::expr>& facts,
                                          const std::vector<char>* needed) {
  std::vector<igp::Encoded> out;
  for (std::size_t k = 1; k < net.slots(); ++k) {
    if (needed && !(*needed)[k - 1]) {
      out.emplace_back();
      continue;
    }
    const DeviceId target = net.segment_targets[k - 1];
    std::vector<z3::expr> is_origin;
    for (DeviceId u = 0; u < net.devices.size(); ++u)
      is_origin.push_back(logic.ctx.bool_val(u == target));
    out.push_back(igp::encode(net, logic, p, is_origin, segment_slice(net, k),
                              tag + "~" + net.devices[target].name, facts, igp::Transit::switches));
  }
  return out;
}

EncodedRoutes encode_routes(const Network& net, const SmtLogic& logic, const SmtPlane& p,
                            PrefixId dest, const std::vector<z3::expr>& is_origin,
                            const std::vector<char>& in_slice,
                            const std::vector<igp::Encoded>& segments, const std::string& tag,
                            std::vector<z3::expr>& facts,
                            const std::vector<std::vector<BgpForwarding>>* bgp) {
  z3::context& ctx = logic.ctx;
  const std::size_t n = net.devices.size();
  std::vector<PrefixId> cover = net.covering(dest);
  // The IGP towards the destination, then towards each covering prefix (fixed origins): every
  // origin has the connected route, those that run the IGP originate it there (prefix_cover).
  std::vector<std::vector<z3::expr>> origins{is_origin};
  std::vector<igp::Encoded> igps;
  auto igp_origins = [&](const std::vector<z3::expr>& o) {
    std::vector<z3::expr> out;
    for (DeviceId u = 0; u < n; ++u) out.push_back(net.igp_origin(u) ? o[u] : ctx.bool_val(false));
    return out;
  };
  igps.push_back(igp::encode(net, logic, p, igp_origins(is_origin), in_slice, tag, facts));
  for (std::size_t i = 1; i < cover.size(); ++i) {
    std::vector<z3::expr> o;
    for (DeviceId u = 0; u < n; ++u) o.push_back(ctx.bool_val(net.is_origin(cover[i], u)));
    igps.push_back(igp::encode(net, logic, p, igp_origins(o), in_slice,
                               tag + "@" + net.prefixes[cover[i]].name, facts));
    origins.push_back(std::move(o));
  }
  const bool host_dest = net.prefixes[dest].is_host();
  EncodedRoutes out;
  out.devices = n;
  out.slots = net.walk_slots();
  auto none = [&](DeviceId u) { return no_route(logic, net.logical[u].size()); };
  for (DeviceId u = 0; u < n; ++u) {
    out.accepts.push_back(accepts_at(net, logic, u, is_origin[u]));
    out.in_slice.push_back(in_slice[u]);
  }
  for (DeviceId u = 0; u < n; ++u) {
    if (!in_slice[u]) {  // never on a walk: no route, no next hop
      out.at.push_back(none(u));
      continue;
    }
    ShortList<CoverState<SmtLogic>> cs;
    for (std::size_t i = 0; i < cover.size(); ++i)
      cs.push_back({cover[i], origins[i][u], !igps[i].noroute[u], igps[i].next_hop[u]});
    ShortList<SegmentAt<SmtLogic>> segs;
    if (has_segment_route(net, u))
      for (const igp::Encoded& seg : segments)
        segs.push_back(seg.noroute.empty()  // not encoded: no static next hop is its target
                           ? SegmentAt<SmtLogic>{ctx.bool_val(false), {}}
                           : SegmentAt<SmtLogic>{!seg.noroute[u], seg.next_hop[u]});
    // A static route for a host prefix applies iff the destination is that host's; any other
    // applies to every candidate destination alike.
    ShortList<StaticState<SmtLogic>> statics;
    for (std::size_t i : net.statics_of[u]) {
      const StaticRoute& r = net.statics[i];
      z3::expr a = ctx.bool_val(false);
      if (r.prefix && net.prefixes[*r.prefix].is_host())
        a = host_dest ? is_origin[*net.prefixes[*r.prefix].host_of] : ctx.bool_val(false);
      else
        a = ctx.bool_val(r.applies_to(net, dest));
      if (!a.is_false())
        statics.push_back(static_state(net, logic, p, r, a, {segs.data(), segs.size()}));
    }
    auto c = candidates_at<SmtLogic>(net, logic, u, {cs.data(), cs.size()},
                                     {statics.data(), statics.size()});
    if (bgp)
      for (const BgpForwarding& b : (*bgp)[u]) {
        const RouteSource src = b.ibgp ? RouteSource::ibgp : RouteSource::ebgp;
        c.push_back({src, net.prefixes[b.prefix].specificity(), default_distance(src, net.junos(u)),
                     RouteCandidate<SmtLogic>::Action::forward, b.installed,
                     std::span<const z3::expr>(b.next_hop.data(), b.next_hop.size()), b.slot});
      }
    out.at.push_back(select_routes(logic, c, net.logical[u].size()));
  }
  // Carried nodes: a switch carries towards a target that some static next hop is.
  for (std::size_t k = 1; k < out.slots; ++k) {
    for (DeviceId u = 0; u < n; ++u) {
      const bool carries = net.carried[k - 1] && is_switch(net, u);
      out.accepts.push_back(ctx.bool_val(is_switch(net, u)));
      out.in_slice.push_back(carries);
      if (!carries) {
        out.at.push_back(none(u));
        continue;
      }
      const igp::Encoded& seg = segments[k - 1];
      out.at.push_back(carried_at(logic, k, SegmentAt<SmtLogic>{!seg.noroute[u], seg.next_hop[u]}));
    }
  }
  return out;
}

}  // namespace faultline::models
