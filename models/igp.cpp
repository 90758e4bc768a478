#include "models/igp.hpp"

#include <algorithm>
#include <queue>

#include "models/lag.hpp"

namespace faultline::models::igp {

namespace {
bool carries(const Network& net, DeviceId x, Transit transit) {
  return transit == Transit::igp ? net.devices[x].transit()
                                 : net.devices[x].kind == DeviceKind::switch_;
}
// A device may be the far end of a route only if it carries transit or is an origin.
bool eligible(const Network& net, const std::vector<char>& origin, DeviceId x, Transit transit) {
  return carries(net, x, transit) || origin[x];
}
// Whether arc a is tight for the least-cost state (dist, origin): a.u is no origin, a.x is
// eligible, both are finite and dist(u) = cost + dist(x).  A plane that lacks only arcs that
// are not tight has the same state (proofs/SOUNDNESS.md §10).
bool tight(const Network& net, const std::vector<std::uint64_t>& dist,
           const std::vector<char>& origin, const Arc& a, Transit transit) {
  if (origin[a.u] || dist[a.u] == kNoRoute || dist[a.x] == kNoRoute) return false;
  return eligible(net, origin, a.x, transit) && dist[a.u] == a.cost + dist[a.x];
}

// A logical link up towards x for a search of this transit rule: a tunnel is a layer-3
// adjacency, never part of an L2 segment (DESIGN.md §9).
template <class L>
typename L::Bool arc_up(const Network& net, const L& logic, const Plane<L>& p,
                        const LogicalLink& ll, DeviceId x, Transit transit) {
  if (transit == Transit::switches && ll.tunnel) return logic.constant(false);
  return lag::up_towards(net, logic, p, ll, x);
}

}  // namespace

void up_arcs(const Network& net, const Plane<ExplicitLogic>& p, UpArcs& out) {
  ExplicitLogic logic;
  const std::size_t n = net.devices.size();
  struct Pending {
    DeviceId x, u;
    std::uint32_t cost, via;
  };
  thread_local std::vector<Pending> arcs;  // no allocation once the buffers have grown
  arcs.clear();
  for (DeviceId u = 0; u < n; ++u)
    for (std::uint32_t i = 0; i < net.logical[u].size(); ++i) {
      const LogicalLink& ll = net.logical[u][i];
      for (DeviceId x : ll.far)
        if (lag::up_towards(net, logic, p, ll, x)) arcs.push_back({x, u, cost(p, ll), i});
    }
  out.start.assign(n + 1, 0);
  for (const Pending& a : arcs) ++out.start[a.x + 1];
  for (std::size_t i = 0; i < n; ++i) out.start[i + 1] += out.start[i];
  out.into.resize(arcs.size());
  out.via.resize(arcs.size());
  for (const Pending& a : arcs) {
    out.via[out.start[a.x]] = a.via;
    out.into[out.start[a.x]++] = {a.u, a.cost};
  }
  for (std::size_t i = n; i > 0; --i) out.start[i] = out.start[i - 1];
  out.start[0] = 0;
}

std::optional<std::vector<Arc>> removed_arcs(const Network& net, const Plane<ExplicitLogic>& ref,
                                             const Plane<ExplicitLogic>& p) {
  ExplicitLogic logic;
  // A restart changes costs, not only arcs: the reference says nothing then (SOUNDNESS §10).
  if (costs_changed(p) || costs_changed(ref)) return std::nullopt;
  thread_local std::vector<std::pair<DeviceId, std::uint32_t>> changed;  // logical links
  changed.clear();
  for (LinkId l = 0; l < net.links.size(); ++l)
    if (p.serving[l] != ref.serving[l])
      for (const auto& end : net.logical_ends[l]) changed.push_back(end);
  for (LagId g = 0; g < net.lags.size(); ++g)
    if (p.lag_up[g] != ref.lag_up[g])
      for (LinkId m : net.lags[g].members)
        for (const auto& end : net.logical_ends[m]) changed.push_back(end);
  std::sort(changed.begin(), changed.end());
  changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
  std::vector<Arc> out;
  for (auto [u, i] : changed) {
    const LogicalLink& ll = net.logical[u][i];
    for (DeviceId x : ll.far) {
      const bool before = lag::up_towards(net, logic, ref, ll, x);
      const bool now = lag::up_towards(net, logic, p, ll, x);
      if (now && !before) return std::nullopt;  // an arc the reference does not have
      if (before && !now) out.push_back({u, x, cost(ref, ll)});
    }
  }
  return out;
}

// match:  a reference state d0 over arcs A0 (`arcs`), a plane with arcs A = A0 \ removed
// result: affected = the devices u with d0(u) < ∞ left with no tight arc of A towards an
//         unaffected device (decided in increasing d0, from the tails of removed tight arcs;
//         tight arcs strictly decrease d0, so every device below is final when u is);
//         dist = d0 off affected; on affected, Dijkstra seeded by their arcs of A towards
//         unaffected devices, relaxed within affected
std::vector<std::uint64_t> distances_after(const Network& net, const Plane<ExplicitLogic>& p,
                                           const std::vector<std::uint64_t>& d0,
                                           const std::vector<char>& origin, Transit transit,
                                           const UpArcs& arcs, const std::vector<Arc>& removed) {
  ExplicitLogic logic;
  const std::size_t n = net.devices.size();
  std::vector<std::uint64_t> dist = d0;
  std::vector<char> affected(n, 0), decided(n, 0);
  using Item = std::pair<std::uint64_t, DeviceId>;
  std::priority_queue<Item, std::vector<Item>, std::greater<>> check;
  for (const Arc& a : removed)
    if (tight(net, d0, origin, a, transit)) check.push({d0[a.u], a.u});
  // Whether arc i of the reference's, into x, is up in the plane (not removed).
  auto up = [&](std::uint32_t i, DeviceId x) {
    return arc_up(net, logic, p, net.logical[arcs.into[i].first][arcs.via[i]], x, transit);
  };
  // u's arcs in the plane: its logical links up towards a far device.
  auto each_arc = [&](DeviceId u, auto&& f) {
    for (const LogicalLink& ll : net.logical[u])
      for (DeviceId x : ll.far)
        if (arc_up(net, logic, p, ll, x, transit)) f(Arc{u, x, cost(p, ll)});
  };
  std::vector<DeviceId> lost;
  while (!check.empty()) {
    const DeviceId u = check.top().second;
    check.pop();
    if (decided[u]) continue;
    decided[u] = 1;
    bool keeps = false;
    each_arc(u, [&](const Arc& a) {
      keeps = keeps || (!affected[a.x] && tight(net, d0, origin, a, transit));
    });
    if (keeps) continue;
    affected[u] = 1;
    lost.push_back(u);
    for (std::uint32_t i = arcs.start[u]; i < arcs.start[u + 1]; ++i) {
      const Arc above{arcs.into[i].first, u, arcs.into[i].second};
      if (!decided[above.u] && up(i, u) && tight(net, d0, origin, above, transit))
        check.push({d0[above.u], above.u});
    }
  }
  if (lost.empty()) return dist;
  std::priority_queue<Item, std::vector<Item>, std::greater<>> heap;
  for (DeviceId u : lost) {
    dist[u] = kNoRoute;
    each_arc(u, [&](const Arc& a) {
      if (affected[a.x] || d0[a.x] == kNoRoute || !eligible(net, origin, a.x, transit)) return;
      dist[u] = std::min<std::uint64_t>(dist[u], a.cost + d0[a.x]);
    });
    if (dist[u] != kNoRoute) heap.push({dist[u], u});
  }
  while (!heap.empty()) {
    auto [d, x] = heap.top();
    heap.pop();
    if (d != dist[x] || !eligible(net, origin, x, transit)) continue;
    for (std::uint32_t i = arcs.start[x]; i < arcs.start[x + 1]; ++i) {
      auto [u, cost] = arcs.into[i];
      if (affected[u] && d + cost < dist[u] && up(i, x)) {
        dist[u] = d + cost;
        heap.push({dist[u], u});
      }
    }
  }
  return dist;
}

// match:  origins O, believed-up logical links
// result: dist(o) = 0 for o ∈ O; dist(u) = min over up logical links ll towards eligible x of
//         cost(ll) + dist(x)   (Dijkstra from O over reversed links; costs are ≥ 1)
std::vector<std::uint64_t> distances(const Network& net, const Plane<ExplicitLogic>& p,
                                     const std::vector<char>& origin, Transit transit,
                                     const UpArcs* shared) {
  const std::size_t n = net.devices.size();
  thread_local UpArcs own;
  if (!shared) {
    up_arcs(net, p, own);
    shared = &own;
  }
  const UpArcs& arcs = *shared;
  std::vector<std::uint64_t> dist(n, kNoRoute);
  using Item = std::pair<std::uint64_t, DeviceId>;
  thread_local std::vector<Item> heap;  // a min-heap (std::greater)
  heap.clear();
  auto push = [&](std::uint64_t d, DeviceId x) {
    heap.push_back({d, x});
    std::push_heap(heap.begin(), heap.end(), std::greater<>{});
  };
  for (DeviceId o = 0; o < n; ++o) {
    if (!origin[o]) continue;
    dist[o] = 0;
    push(0, o);
  }
  while (!heap.empty()) {
    std::pop_heap(heap.begin(), heap.end(), std::greater<>{});
    auto [d, x] = heap.back();
    heap.pop_back();
    if (d != dist[x]) continue;
    // Only an eligible far end gives routes through it; an origin's distance stays 0.
    if (!eligible(net, origin, x, transit)) continue;
    for (std::uint32_t i = arcs.start[x]; i < arcs.start[x + 1]; ++i) {
      auto [u, cost] = arcs.into[i];
      if (transit == Transit::switches && net.logical[u][arcs.via[i]].tunnel) continue;
      if (d + cost < dist[u]) {
        dist[u] = d + cost;
        push(dist[u], u);
      }
    }
  }
  return dist;
}

bool attains(const Network& net, const Plane<ExplicitLogic>& p,
             const std::vector<std::uint64_t>& dist, const std::vector<char>& origin,
             const LogicalLink& ll, DeviceId x, Transit transit) {
  return tight(net, dist, origin, Arc{ll.from, x, cost(p, ll)}, transit) &&
         arc_up(net, ExplicitLogic{}, p, ll, x, transit);
}

void next_hops(const Network& net, const Plane<ExplicitLogic>& p,
               const std::vector<std::uint64_t>& dist, const std::vector<char>& origin, DeviceId u,
               std::vector<char>& out, Transit transit) {
  out.clear();
  for (const LogicalLink& ll : net.logical[u]) {
    bool any = false;
    for (DeviceId x : ll.far) any = any || attains(net, p, dist, origin, ll, x, transit);
    out.push_back(any);
  }
}

// match:  symbolic plane, origins chosen by is_origin
// result: per device d(u) ≥ 0 and noroute(u) with
//           is_origin(u) → d(u) = 0 ∧ ¬noroute(u)
//           ¬is_origin(u) → (noroute(u) ↔ no avail(ll, x))
//                           avail = up towards x ∧ eligible(x) ∧ ¬noroute(x)
//           ¬is_origin(u) ∧ ¬noroute(u) → ∧ (avail → d(u) ≤ c + d(x)) ∧ ∨ (avail ∧ d(u) = c + d(x))
//         nexthop(u, ll) = ¬is_origin(u) ∧ ¬noroute(u) ∧ ∨_x (avail(ll, x) ∧ d(u) = c + d(x))
//         With costs ≥ 1 these equations have exactly one solution: the least-cost state.
z3::expr cost_term(z3::context& c, const Plane<SmtLogic>& p, const LogicalLink& ll) {
  if (p.restarted.empty() || ll.cost == ll.default_cost || p.restarted[ll.from].is_false())
    return c.int_val(static_cast<int>(ll.cost));
  return z3::ite(p.restarted[ll.from], c.int_val(static_cast<int>(ll.default_cost)),
                 c.int_val(static_cast<int>(ll.cost)));
}

Encoded encode(const Network& net, const SmtLogic& logic, const Plane<SmtLogic>& p,
               const std::vector<z3::expr>& is_origin, const std::vector<char>& in_slice,
               const std::string& tag, std::vector<z3::expr>& facts, Transit transit) {
  z3::context& c = logic.ctx;
  std::size_t n = net.devices.size();
  std::vector<z3::expr> d;
  Encoded e;
  for (DeviceId u = 0; u < n; ++u) {
    const std::string name = net.devices[u].name + "]" + tag;
    d.push_back(in_slice[u] ? c.int_const(("dist[" + name).c_str()) : c.int_val(0));
    e.noroute.push_back(in_slice[u] ? c.bool_const(("noroute[" + name).c_str()) : c.bool_val(true));
  }
  e.next_hop.resize(n);
  e.dist = d;
  for (DeviceId u = 0; u < n; ++u) {
    if (!in_slice[u]) continue;
    std::vector<z3::expr> avail_all, tight_all, bounds;
    for (const LogicalLink& ll : net.logical[u]) {
      std::vector<z3::expr> tight_ll;
      for (DeviceId x : ll.far) {
        if (!in_slice[x]) continue;
        z3::expr elig = carries(net, x, transit) ? c.bool_val(true) : is_origin[x];
        z3::expr avail = arc_up(net, logic, p, ll, x, transit) && elig && !e.noroute[x];
        const z3::expr cost = cost_term(c, p, ll);
        z3::expr via = d[u] == d[x] + cost;
        avail_all.push_back(avail);
        bounds.push_back(z3::implies(avail, d[u] <= d[x] + cost));
        tight_ll.push_back(avail && via);
        tight_all.push_back(avail && via);
      }
      e.next_hop[u].push_back(!is_origin[u] && !e.noroute[u] && logic.any(tight_ll));
    }
    facts.push_back(d[u] >= 0);
    facts.push_back(z3::implies(is_origin[u], d[u] == 0 && !e.noroute[u]));
    facts.push_back(z3::implies(!is_origin[u], e.noroute[u] == !logic.any(avail_all)));
    z3::expr_vector bound_v(c);
    for (auto& b : bounds) bound_v.push_back(b);
    facts.push_back(
        z3::implies(!is_origin[u] && !e.noroute[u], logic.all(bound_v) && logic.any(tight_all)));
  }
  return e;
}

}  // namespace faultline::models::igp
