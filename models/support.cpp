#include "models/support.hpp"

#include <algorithm>
#include <deque>

#include "models/requirements.hpp"
#include "models/sessions.hpp"
#include "models/tunnels.hpp"
#include "models/walks.hpp"

namespace faultline::models {

namespace {

// Whether some client LAG of domain `dom` belongs to a device that takes part in `req`.
bool domain_matters(const Network& net, const Requirement& req, DomainId dom) {
  for (LagId g = 0; g < net.lags.size(); ++g)
    if (net.lags[g].mclag == dom && takes_part(net, req, net.lags[g].device)) return true;
  return false;
}

// One least-cost state a judgement reads (towards a prefix's origins over the IGP, or towards a
// segment target over switches only), and the devices it is read at.
struct Reads {
  const RouteTable::Cover* state = nullptr;
  igp::Transit transit = igp::Transit::igp;
  std::vector<DeviceId> at;
};

class Builder {
 public:
  Builder(const Network& net, const ExplicitPlane& p, Support& s) : net_(net), p_(p), s_(s) {}

  // Every member of logical link ll of u (all of a bundle's: their count decides it).
  void mark(const LogicalLink& ll) {
    if (ll.kind == LogicalLink::Kind::plain)
      s_.link[ll.link] = 1;
    else
      for (LinkId m : net_.lags[ll.lag].members) s_.link[m] = 1;
  }

  // R: the nodes walks from `from` reach in `t`, not continued past a node that delivers or a
  // black-holed device; every device on them (and every device a move lands on) is support.
  // `visit(node)` is called once per node reached.
  template <class Visit>
  void walk(const RouteTable& t, NodeId from, Visit&& visit) {
    ExplicitLogic logic;
    std::vector<char> seen(t.nodes(), 0);
    std::deque<NodeId> nodes{from};
    seen[from] = 1;
    s_.device[t.device(from)] = 1;
    while (!nodes.empty()) {
      const NodeId v = nodes.front();
      nodes.pop_front();
      const DeviceId u = t.device(v);
      visit(v);
      if (delivered_at(p_, t.at(v), u) || p_.device_blackholed[u]) continue;
      for (const auto& m : moves_at(net_, logic, p_, t.at(v), t.accepts, v)) {
        s_.device[t.device(m.to)] = 1;
        if (!seen[m.to]) {
          seen[m.to] = 1;
          nodes.push_back(m.to);
        }
      }
    }
  }

  // Z: the devices where `r` is read, closed under its attaining far devices (igp::attains:
  // the least-cost state below every next hop); the next-hop logical links of Z are support.
  void close(const Reads& r) {
    const RouteTable::Cover& c = *r.state;
    std::vector<char> in(net_.devices.size(), 0);
    std::deque<DeviceId> queue;
    auto add = [&](DeviceId x) {
      if (in[x]) return;
      in[x] = 1;
      s_.device[x] = 1;
      queue.push_back(x);
    };
    for (DeviceId u : r.at) add(u);
    while (!queue.empty()) {
      const DeviceId u = queue.front();
      queue.pop_front();
      for (const LogicalLink& ll : net_.logical[u]) {
        bool next_hop = false;
        for (DeviceId x : ll.far) {
          if (!igp::attains(net_, p_, c.dist, c.origin, ll, x, r.transit)) continue;
          next_hop = true;
          add(x);
        }
        if (next_hop) mark(ll);
      }
    }
  }

 private:
  const Network& net_;
  const ExplicitPlane& p_;
  Support& s_;
};

// The reads of the walks from `from` in table t towards `dest` (support_pass's rule below),
// closed under their next hops into the support; the BFD sessions first met on them into `met`.
void read_walks(const Network& net, Builder& b, const RouteTable& t, PrefixId dest, NodeId from,
                std::vector<char>& walked, std::vector<std::size_t>& met) {
  // The least-cost states by index: 0 the destination, i ≥ 1 covering prefix i - 1, then
  // one per segment slot.
  RouteTable::Cover target{dest, t.origin, t.igp_dist};
  std::vector<Reads> reads(1 + t.covers() + t.segments.size());
  reads[0].state = &target;
  const std::size_t seg0 = 1 + t.covers();
  for (std::size_t k = 0; k < t.segments.size(); ++k)
    reads[seg0 + k] = {&t.segments[k], igp::Transit::switches, {}};
  b.walk(t, from, [&](NodeId v) {
    const DeviceId u = t.device(v);
    if (t.slot(v) > 0) {
      reads[seg0 + t.slot(v) - 1].at.push_back(u);
      return;
    }
    // The IGP towards P, then towards each covering prefix, more specific first, up to the
    // first u has a route for: a less specific route is never selected while it stays.
    if (uses_igp(net, u))
      for (std::size_t i = 0; i < seg0; ++i) {
        if (i > 0) reads[i].state = &t.cover(i - 1);
        reads[i].at.push_back(u);
        if (reads[i].state->dist[u] != kNoRoute) break;
      }
    for (std::size_t i : net.statics_of[u]) {
      const StaticRoute& r = net.statics[i];
      if (!r.applies_to(net, dest)) continue;
      for (std::size_t j = 0; j < r.via.size(); ++j) {
        if (r.segment[j] != 0) {
          reads[seg0 + r.segment[j] - 1].at.push_back(u);
          if (r.session[j] != kNoSession && !walked[r.session[j]]) {
            walked[r.session[j]] = 1;
            met.push_back(r.session[j]);
          }
          continue;
        }
        for (const LogicalLink& ll : net.logical[u])
          if (std::find(ll.far.begin(), ll.far.end(), r.via[j]) != ll.far.end()) b.mark(ll);
      }
    }
  });
  for (const Reads& r : reads)
    if (!r.at.empty()) b.close(r);
}

// match:  a one-flow requirement A -> P, a state without a relevant split brain
// result: per scenario the judge visits (the BFD sessions' choices over segments; no LAG
//         choice is free without a relevant split brain):
//         R = nodes walks from A reach, not continued past a delivering or black-holed device;
//         read at a lookup node (u, 0): when u uses the IGP, the IGP towards P and the
//           covering prefixes, more specific first, up to the first u has a route for; per
//           static route of u that applies, the members of u's logical links towards a
//           directly linked `via`, the segment state towards a `via` behind switches, and that
//           static's BFD session over the segment, if any;
//         read at a carried node (u, k): the segment state towards target k
//         a session's options: its two walks through the segment, read at every node on them
//         Z per least-cost state = its reads closed under attaining far devices; support links
//         = the next-hop links of Z (all members of a bundle) and the marked static links;
//         plus the ICCP links of every domain with a client that takes part.
// With `judge`, the verdict first: a scenario that violates ends the pass (the support of a
// violating state is never asked for).
Judged support_pass(const Network& net, const Requirement& req, const FaultState& faults,
                    bool judge, ReferenceCosts* ref) {
  Judged out;
  if (!req.one_flow()) return out;
  Support s{std::vector<char>(net.devices.size(), 0), std::vector<char>(net.links.size(), 0)};
  // A relevant split brain leaves the support unbounded (the same in every scenario of the
  // state: split brain does not depend on the choices); the judgement still runs to its end.
  std::optional<bool> bounded;
  std::vector<char> walked(net.sessions.size(), 0);  // the session's own walks are in s
  for_each_scenario(
      net, req, faults,
      [&](const ExplicitPlane& p, LeastCost& cache) {
        RouteTable t = route_table(net, p, req.to, &cache);
        if (judge)
          if ((out.violation = judge_flow(net, req, p, t))) return true;
        if (!bounded) {
          bounded = true;
          for (DomainId d = 0; d < net.domains.size(); ++d)
            if (p.split_brain[d] && domain_matters(net, req, d)) bounded = false;
        }
        if (!*bounded) return !judge;  // nothing to build; only the verdict goes on
        std::vector<std::size_t> met;  // sessions first met in this scenario
        Builder b(net, p, s);
        read_walks(net, b, t, req.to, node_of(net, req.from), walked, met);
        // DESIGN.md §9: a tunnel whose link is support carries the walks' data over its
        // underlay walks, which also decide its belief and its MTU: their reads join, in the
        // plane with every tunnel left out (the same for every tunnel choice of the state).
        if (!net.tunnels.empty()) {
          const ExplicitPlane under = tunnels::underlay_of(net, p);
          LeastCost under_costs(net, under, ref);
          Builder ub(net, under, s);
          // Underlay walks never cross a tunnel (every tunnel is left out there), so one pass
          // over the tunnels the overlay's reads marked is the closure.
          for (std::size_t k = 0; k < net.tunnels.size(); ++k) {
            if (!s.link[net.tunnels[k].link]) continue;
            for (int dir = 0; dir < 2; ++dir) {
              const DeviceId far = tunnels::far_end(net, k, dir);
              RouteTable u = route_table(net, under, net.host_prefix(far), &under_costs);
              read_walks(net, ub, u, net.host_prefix(far),
                         node_of(net, tunnels::head(net, k, dir)), walked, met);
            }
          }
        }
        // A session met on a walk: its options come from its two walks through the segment,
        // which do not depend on the sessions' choices (once each, whichever scenario meets it).
        auto through = [&](std::size_t k, DeviceId from) {
          const RouteTable::Cover& seg = cache.segment(k);
          const RouteTable& walks = cache.session_walks(k);
          Reads r{&seg, igp::Transit::switches, {}};
          b.walk(walks, node_of(net, from), [&](NodeId v) { r.at.push_back(walks.device(v)); });
          b.close(r);
        };
        for (std::size_t i : met) {
          const SegmentSession& ss = net.sessions[i];
          through(net.slot_of(ss.neighbour), ss.device);
          through(net.slot_of(ss.device), ss.neighbour);
        }
        return false;
      },
      ref);
  if (out.violation || !bounded.value_or(false)) return out;
  // The ICCP links of the MC-LAG domains with a client that takes part: failing one may split
  // the brain, which takes members out of service.  (Failing a peer splits it too, but a peer
  // is at an end of every member of its clients' bundles, so the incidence rule covers it.)
  for (DomainId d = 0; d < net.domains.size(); ++d)
    if (domain_matters(net, req, d))
      for (LinkId l : net.domains[d].iccp) s.link[l] = 1;
  if (req.size) {
    s.mtu_matters = !net.devices[req.from].pmtud || !net.tunnels.empty();
    for (DeviceId d = 0; d < net.devices.size() && !s.mtu_matters; ++d)
      s.mtu_matters = s.device[d] && net.devices[d].drops_icmp;
  }
  out.support = std::move(s);
  return out;
}

}  // namespace

std::optional<Support> judgement_support(const Network& net, const Requirement& req,
                                         const FaultState& faults, ReferenceCosts* ref) {
  return support_pass(net, req, faults, /*judge=*/false, ref).support;
}

Judged judge_with_support(const Network& net, const Requirement& req, const FaultState& faults,
                          ReferenceCosts* ref) {
  return support_pass(net, req, faults, /*judge=*/true, ref);
}

bool is_hot(const Network& net, const Support& s, const FaultEvent& event) {
  for (DeviceId d : event.devices) {
    if (s.device[d]) return true;
    for (PortId q : net.devices[d].ports)
      if (s.link[net.ports[q].link]) return true;
  }
  for (LinkId l : event.links)
    if (s.link[l]) return true;
  for (PortId q : event.ports)
    if (s.link[net.ports[q].link]) return true;
  for (LinkId l : event.mtu_links)  // DESIGN.md §9: its MTU is read on walks of the support
    if (s.mtu_matters && s.link[l]) return true;
  return false;
}

}  // namespace faultline::models
