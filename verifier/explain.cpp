#include "verifier/explain.hpp"

#include <functional>
#include <set>

#include "models/detectors.hpp"
#include "models/lag.hpp"
#include "models/mclag.hpp"
#include "models/tunnels.hpp"

namespace faultline::verifier {

namespace {
// The hops of a tunnel's underlay walk in the plane's own choice (DESIGN.md §9), ports named.
std::vector<Hop> underlay_hops(const models::Network& net, const models::ExplicitPlane& p,
                               std::size_t t, int dir) {
  std::vector<Hop> out;
  const std::vector<models::WalkStep> steps = models::tunnels::underlay_walk(net, p, t, dir);
  for (std::size_t i = 0; i < steps.size(); ++i) {
    Hop h;
    h.device = net.devices[steps[i].device].name;
    if (i > 0) h.in = net.ports[net.port_on(*steps[i - 1].out, steps[i].device)].name;
    if (steps[i].out) h.out = net.ports[net.port_on(*steps[i].out, steps[i].device)].name;
    out.push_back(std::move(h));
  }
  return out;
}

using models::DeviceId;
using models::LinkId;
using models::Network;

// How a LAG is named from one of its ends: its own name at its device, DEV:NAME elsewhere.
std::string lag_ref(const Network& net, models::LagId g, DeviceId from) {
  return net.lags[g].device == from ? net.lags[g].name : net.lag_name(g);
}

// Why member/link `m`, leaving `u`, stayed in service although nothing crosses it.
Unnoticed stays_up(const Network& net, LinkId m, DeviceId u) {
  const models::Link& k = net.links[m];
  if (models::detectors::has_detector(net, m))  // a detector that saw nothing: one-way loss
    return {Unnoticed::Kind::detector_sees_traffic, net.link_name(m), {}, {}, {}};
  if (k.lag)
    return {Unnoticed::Kind::lacp_no_micro_bfd,
            net.link_name(m),
            net.port_name(net.port_on(m, u)),
            lag_ref(net, *k.lag, u),
            {}};
  return {Unnoticed::Kind::no_bfd, net.link_name(m), {}, {}, {}};
}

// A prefix as engineers name it: "internet (0.0.0.0/0)", a device's own address by its name.
std::string prefix_text(const Network& net, models::PrefixId q) {
  const models::Prefix& p = net.prefixes[q];
  return p.is_host() ? p.name : p.name + " (" + p.range.text() + ")";
}

RouteUsed route_used(const Network& net, DeviceId at, const models::RouteTable::Used& u) {
  RouteUsed r{u.source, prefix_text(net, u.prefix), u.cost, 0, {}, {}, false, false, {}, {}};
  if (u.peer) r.peer = net.devices[*u.peer].name;
  if (!u.route) {
    r.distance = models::default_distance(u.source, net.junos(at));
    return r;
  }
  const models::StaticRoute& s = net.statics[*u.route];
  r.prefix = s.prefix ? prefix_text(net, *s.prefix) : s.range.text();
  r.distance = s.distance;
  r.bfd = s.bfd;
  for (std::size_t k = 0; k < s.via.size(); ++k) {
    r.via.push_back(net.devices[s.via[k]].name);
    r.segment = r.segment || s.segment[k] != 0;
  }
  for (DeviceId n : u.installed) r.installed.push_back(net.devices[n].name);
  return r;
}

// Why the static routes of u for `dest` are all withdrawn: per next hop, its link is believed
// down, its BFD session is down (over a plain link or LAG, or through the segment), or the
// segment gives no path to it.
std::vector<Drop::Withdrawn> withdrawn(const Network& net, const models::ExplicitPlane& p,
                                       const models::RouteTable& t, DeviceId u,
                                       models::PrefixId dest) {
  using Why = Drop::Withdrawn::Why;
  std::vector<Drop::Withdrawn> out;
  for (std::size_t i : net.statics_of[u]) {
    const models::StaticRoute& r = net.statics[i];
    if (!r.applies_to(net, dest)) continue;
    Drop::Withdrawn wd{r.prefix ? prefix_text(net, *r.prefix) : r.range.text(), {}};
    for (std::size_t k = 0; k < r.via.size(); ++k) {
      const DeviceId n = r.via[k];
      Why why = Why::link_down;
      if (r.segment[k] != 0) {
        const auto& seg = t.segments[r.segment[k] - 1];
        why = seg.dist[u] == models::kNoRoute ? Why::unreachable : Why::bfd_down;
      } else {
        bool believed = false;
        for (const models::LogicalLink& ll : net.logical[u])
          if (std::find(ll.far.begin(), ll.far.end(), n) != ll.far.end())
            believed = believed || models::lag::up_towards(net, models::ExplicitLogic{}, p, ll, n);
        if (believed) why = Why::bfd_down;
      }
      wd.via.push_back({net.devices[n].name, why});
    }
    out.push_back(std::move(wd));
  }
  return out;
}

}  // namespace

// A BGP finding as values: who leaks and how, where the announcement stopped, or the cycle.
static BgpFact bgp_fact(const Network& net, const models::Requirement& req,
                        const models::bgp::Finding& f) {
  namespace bgp = models::bgp;
  BgpFact b;
  b.prefix = prefix_text(net, f.prefix);
  if (req.about_bgp()) b.to = net.devices[req.from].name;
  auto holder = [&](DeviceId d, const bgp::Route& r) {
    return net.devices[d].name + ": " +
           (r.session
                ? "from " + net.devices[r.peer].name + " (AS path " + bgp::path_text(r.path) + ")"
                : std::string("originates it"));
  };
  if (!f.converged) {
    b.kind = BgpFact::Kind::no_convergence;
    for (const bgp::State& st : f.cycle) {
      std::vector<std::string> line;
      for (DeviceId d = 0; d < st.size(); ++d)
        if (st[d] && st[d]->session) line.push_back(holder(d, *st[d]));
      b.cycle.push_back(std::move(line));
    }
    return b;
  }
  if (f.leak) {
    const bgp::Sent& s = *f.leak;
    b.kind = BgpFact::Kind::leak;
    b.sender = net.devices[s.from].name;
    b.session = net.session_name(s.session);
    b.path = bgp::path_text(s.route.path);
    if (s.learned_over) b.learned_from = net.devices[f.state[s.from]->peer].name;
    b.sender_restarted = s.sender_restarted;
    // The route's way: from the sender back along learned-from to its originator.
    std::vector<std::string> chain;
    DeviceId d = s.from;
    for (std::size_t guard = 0; guard <= net.devices.size() && f.state[d]; ++guard) {
      chain.push_back(net.devices[d].name);
      if (!f.state[d]->session) break;
      d = f.state[d]->peer;
    }
    b.chain.assign(chain.rbegin(), chain.rend());
    return b;
  }
  b.kind = BgpFact::Kind::not_announced;
  std::function<BgpFact::Stop(const bgp::Stopped&)> stop = [&](const bgp::Stopped& s) {
    BgpFact::Stop out{net.session_name(s.session), net.devices[s.from].name, s.why, s.detail, {}};
    for (const bgp::Stopped& u : s.upstream) out.upstream.push_back(stop(u));
    return out;
  };
  for (const bgp::Stopped& s : f.stopped) b.stops.push_back(stop(s));
  return b;
}

Explanation explain(const Network& net, const models::Requirement& req, const models::Witness& w,
                    models::ReferenceCosts* ref) {
  if (w.bgp) {
    Explanation e;
    e.source = net.devices[w.source].name;
    e.destination = net.prefixes[w.dest].name;
    e.routing = true;
    e.bgp = bgp_fact(net, req, *w.bgp);
    return e;
  }
  const models::ExplicitPlane& p = w.plane;
  const models::DroppedWalk& walk = w.walk;
  Explanation e;
  e.source = net.devices[w.source].name;
  e.destination = net.prefixes[w.dest].name;
  e.routing = !net.statics.empty() || net.prefixes.size() > net.devices.size();
  std::set<DeviceId> on_walk;
  std::vector<std::pair<DeviceId, std::size_t>> bgp_hops;  // a hop's device, the session used
  models::LeastCost costs(net, p, ref);
  const models::RouteTable table(net, p, w.dest, &costs, w.routes ? &*w.routes : nullptr);
  for (std::size_t i = 0; i < walk.steps.size(); ++i) {
    const models::WalkStep& s = walk.steps[i];
    on_walk.insert(s.device);
    Hop h;
    h.device = net.devices[s.device].name;
    if (i > 0 && walk.steps[i - 1].out)
      h.in = net.ports[net.port_on(*walk.steps[i - 1].out, s.device)].name;
    if (s.out) {
      h.out = net.ports[net.port_on(*s.out, s.device)].name;
      if (net.links[*s.out].lag) h.via = lag_ref(net, *net.links[*s.out].lag, s.device);
      if (const auto& t = net.links[*s.out].tunnel) {
        h.tunnel = net.tunnels[*t].name;
        if (!p.tunnel_up.empty())
          h.underlay = underlay_hops(net, p, *t, s.device == net.tunnels[*t].end[0] ? 0 : 1);
      }
    }
    if (s.slot > 0) {
      h.carried_to = net.devices[net.segment_targets[s.slot - 1]].name;
    } else if (!p.device_blackholed[s.device]) {
      std::size_t next = 0;
      if (i + 1 < walk.steps.size())
        next = models::node_of(net, walk.steps[i + 1].device, walk.steps[i + 1].slot);
      if (auto used = table.used(s.device, s.out ? s.via : std::nullopt, next)) {
        h.route = route_used(net, s.device, *used);
        if (used->peer && w.routes)
          if (const auto* best = w.routes->at(used->prefix, s.device); best && *best)
            bgp_hops.emplace_back(s.device, (*best)->session);
        if (s.out && s.via && !p.restarted.empty() && p.restarted[s.device]) {
          const models::LogicalLink& ll = net.logical[s.device][*s.via];
          if (ll.cost != ll.default_cost) h.route->restart_cost = {{ll.default_cost, ll.cost}};
        }
      }
    }
    e.walk.push_back(h);
  }
  const models::WalkStep& last = walk.steps.back();
  e.drop = {walk.reason, net.devices[last.device].name, {}, {}, {}, {}, {}, false, {}};
  switch (walk.reason) {
    case models::DropReason::blackholed_device:
      if (walk.steps.size() >= 2) {
        const models::WalkStep& prev = walk.steps[walk.steps.size() - 2];
        e.unnoticed.push_back(stays_up(net, *prev.out, prev.device));
      }
      break;
    case models::DropReason::blackholed_port:
      e.drop.port = net.port_name(net.port_on(*walk.member, last.device));
      e.unnoticed.push_back(stays_up(net, *walk.member, last.device));
      break;
    case models::DropReason::missed_waypoints:
      for (DeviceId v : req.via) e.drop.waypoints.push_back(net.devices[v].name);
      break;
    case models::DropReason::discarded: {
      // The connected route of a covering prefix won at the last hop (its route table says
      // which).
      if (e.walk.back().route) e.drop.covering = e.walk.back().route->prefix;
      const models::Prefix& dest = net.prefixes[w.dest];
      e.drop.held =
          dest.is_host() ? dest.name + "'s address" : dest.name + " (" + dest.range.text() + ")";
      break;
    }
    case models::DropReason::no_route:
      e.drop.withdrawn = withdrawn(net, p, table, last.device, w.dest);
      e.drop.bgp_only = !models::uses_igp(net, last.device) && net.speaks_bgp(last.device);
      break;
    case models::DropReason::too_big: {
      const models::SizeDrop& sd = *walk.size;
      const models::WalkStep& hop = walk.steps[sd.drop_step];
      const models::WalkStep& min_hop = walk.steps[sd.min_step];
      Drop::TooBig t;
      t.packets = sd.packets;
      t.hop = net.port_name(net.port_on(*hop.out, hop.device));
      t.mtu = sd.drop_mtu;
      // An mtu event set the hop's own MTU (a tunnel's underlay may lower it further).
      if (const std::int64_t own = models::hop_mtu(net, models::ExplicitLogic{}, p, *hop.out);
          own != net.links[*hop.out].mtu)
        t.configured = net.links[*hop.out].mtu;
      t.min_mtu = sd.min_mtu;
      t.min_hop = net.port_name(net.port_on(*min_hop.out, min_hop.device));
      if (sd.no_pmtud) t.no_pmtud = e.source;
      if (sd.icmp_dropper) t.icmp_dropper = net.devices[*sd.icmp_dropper].name;
      // DESIGN.md §9: a tunnel hop's MTU, its underlay's, its clamp, a black hole.
      auto underlay_of = [&](const models::WalkStep& at, std::size_t t) {
        const int dir = at.device == net.tunnels[t].end[0] ? 0 : 1;
        return std::pair{dir, models::tunnels::underlay_walk(net, p, t, dir)};
      };
      if (const auto& tun = net.links[*hop.out].tunnel) {
        const models::Tunnel& tn = net.tunnels[*tun];
        t.tunnel = tn.name;
        const std::int64_t own = models::hop_mtu(net, models::ExplicitLogic{}, p, *hop.out);
        if (own != sd.drop_mtu) {
          const auto [dir, steps] = underlay_of(hop, *tun);
          t.underlay_mtu = static_cast<std::uint32_t>(p.underlay_mtu[2 * *tun + dir]);
          t.overhead = tn.overhead;
          for (std::size_t k = 0; k + 1 < steps.size(); ++k)
            if (models::hop_mtu(net, models::ExplicitLogic{}, p, *steps[k].out) ==
                p.underlay_mtu[2 * *tun + dir]) {
              t.underlay_hop = net.port_name(net.port_on(*steps[k].out, steps[k].device));
              break;
            }
        }
      }
      if (sd.clamped)
        for (const models::WalkStep& st : walk.steps)
          if (st.out && net.links[*st.out].tunnel) {
            const models::Tunnel& tn = net.tunnels[*net.links[*st.out].tunnel];
            if (tn.mss_clamp && (t.clamp_tunnel.empty() || tn.mtu < t.clamp)) {
              t.clamp_tunnel = tn.name;
              t.clamp = tn.mtu;
            }
          }
      if (sd.black_hole_step) {
        const models::WalkStep& at = walk.steps[*sd.black_hole_step];
        const std::size_t tun = *net.links[*at.out].tunnel;
        t.black_hole_tunnel = net.tunnels[tun].name;
        t.black_hole_head = net.devices[at.device].name;
        const auto [dir, steps] = underlay_of(at, tun);
        const std::int64_t least = p.underlay_mtu[2 * tun + dir];
        for (std::size_t k = 0; k + 1 < steps.size(); ++k) {
          if (net.devices[steps[k].device].drops_icmp) {
            t.black_hole_dropper = net.devices[steps[k].device].name;
            break;
          }
          if (models::hop_mtu(net, models::ExplicitLogic{}, p, *steps[k].out) == least) break;
        }
      }
      if (t.configured)
        e.unnoticed.push_back(
            {Unnoticed::Kind::mtu_unseen,
             net.is_tunnel(*hop.out) ? "tunnel " + t.tunnel : "link " + net.link_name(*hop.out),
             {},
             {},
             {}});
      e.drop.device = net.devices[hop.device].name;
      e.drop.too_big = std::move(t);
      break;
    }
    case models::DropReason::no_transit:
    case models::DropReason::loop:
    case models::DropReason::delivered:
    case models::DropReason::passed_avoided:
      break;
  }
  // The BGP sessions whose routes led the walk into the black-hole stayed up (DESIGN.md §8): a
  // black-holed end never drops the session's own packets, and otherwise some walk of them
  // was delivered.
  if (walk.reason == models::DropReason::blackholed_device ||
      walk.reason == models::DropReason::blackholed_port)
    for (const auto& [at, q] : bgp_hops) {
      const models::BgpSession& bs = net.bgp_sessions[q];
      const DeviceId peer = bs.end[0] == at ? bs.end[1] : bs.end[0];
      const bool end = last.device == at || last.device == peer;
      Unnoticed u{end ? Unnoticed::Kind::session_end_talks : Unnoticed::Kind::session_walk_around,
                  {},
                  {},
                  {},
                  {net.session_name(q), net.devices[at].name, net.devices[peer].name,
                   end ? (e.drop.port.empty() ? e.drop.device : e.drop.port) : ""}};
      e.unnoticed.push_back(std::move(u));
    }
  // The control-plane state behind the walk: split brains, and bundles down at walk devices.
  for (models::DomainId d = 0; d < net.domains.size(); ++d) {
    if (!p.split_brain[d]) continue;
    const models::McLagDomain& dom = net.domains[d];
    SplitBrain sb;
    sb.domain = dom.name;
    for (DeviceId peer : dom.peer)
      if (sb.blackholed_peer.empty() && p.device_blackholed[peer])
        sb.blackholed_peer = net.devices[peer].name;
    if (sb.blackholed_peer.empty())
      for (LinkId l : dom.iccp) sb.iccp.push_back(net.link_name(l));
    for (models::LagId g = 0; g < net.lags.size(); ++g) {
      if (net.lags[g].mclag != d) continue;
      DeviceId kept = p.keeps_peer0[g] ? dom.peer[0] : dom.peer[1];
      bool any_up = false;
      for (LinkId m : models::mclag::members_towards(net, g, kept))
        any_up = any_up || p.believed_up[m];
      sb.clients.push_back({net.lag_name(g), net.devices[kept].name, any_up});
    }
    e.state.push_back(std::move(sb));
  }
  for (models::LagId g = 0; g < net.lags.size(); ++g) {
    if (p.lag_up[g]) continue;
    bool touches = on_walk.count(net.lags[g].device) > 0;
    for (LinkId m : net.lags[g].members)
      touches = touches || on_walk.count(net.links[m].other(net.lags[g].device));
    if (!touches) continue;
    std::size_t serving = 0;
    for (LinkId m : net.lags[g].members) serving += p.serving[m] ? 1 : 0;
    e.state.push_back(
        LagDown{net.lag_name(g), serving, net.lags[g].members.size(), net.lags[g].min_links});
  }
  return e;
}

}  // namespace faultline::verifier
