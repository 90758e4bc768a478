#include "models/forwarding.hpp"

#include <algorithm>
#include <deque>
#include <queue>

#include "models/lag.hpp"

namespace faultline::models {

namespace {

// A device may be a far end of a route only if it carries transit, or is the destination.
bool eligible(const Network& net, DeviceId x, DeviceId dest) {
  return net.devices[x].transit() || x == dest;
}

// One way a flow may leave u: logical link `via`, member `member`, landing on `to`.
struct Option {
  std::size_t via;
  LinkId member;
  DeviceId to;
};

std::vector<Option> options_at(const Network& net, const ExplicitPlane& p,
                               const std::vector<std::uint64_t>& dist, DeviceId dest, DeviceId u) {
  std::vector<Option> out;
  for (std::size_t i = 0; i < net.logical[u].size(); ++i) {
    const LogicalLink& ll = net.logical[u][i];
    if (!is_next_hop(net, p, dist, dest, ll)) continue;
    for (LinkId m : ll.members)
      if (p.serving[m]) out.push_back({i, m, net.links[m].other(u)});
  }
  return out;
}

bool drops_on_egress(const Network& net, const ExplicitPlane& p, DeviceId u, const Option& o) {
  return p.port_blackholed[net.port_on(o.member, u)];
}

}  // namespace

// --- simulate ----------------------------------------------------------------------------

// match:  destination B, believed-up logical links
// result: dist(B) = 0; dist(u) = min over up logical links ll towards eligible x of
//         cost(ll) + dist(x)   (Dijkstra from B over reversed links; costs are ≥ 1)
std::vector<std::uint64_t> distances(const Network& net, const ExplicitPlane& p, DeviceId dest) {
  ExplicitLogic logic;
  std::vector<std::vector<std::pair<DeviceId, std::uint32_t>>> reverse(net.devices.size());
  for (DeviceId u = 0; u < net.devices.size(); ++u) {
    for (const LogicalLink& ll : net.logical[u])
      for (DeviceId x : ll.far)
        if (eligible(net, x, dest) && lag::up_towards(net, logic, p, ll, x))
          reverse[x].push_back({u, ll.cost});
  }
  std::vector<std::uint64_t> dist(net.devices.size(), kNoRoute);
  using Item = std::pair<std::uint64_t, DeviceId>;
  std::priority_queue<Item, std::vector<Item>, std::greater<>> queue;
  dist[dest] = 0;
  queue.push({0, dest});
  while (!queue.empty()) {
    auto [d, x] = queue.top();
    queue.pop();
    if (d != dist[x]) continue;
    for (auto [u, cost] : reverse[x]) {
      if (u == dest) continue;
      if (d + cost < dist[u]) {
        dist[u] = d + cost;
        queue.push({dist[u], u});
      }
    }
  }
  return dist;
}

// match:  logical link ll of u
// result: next hop iff dist(u) < ∞ and some far x with ll up towards x, x eligible, attains
//         dist(u) = cost(ll) + dist(x)
bool is_next_hop(const Network& net, const ExplicitPlane& p, const std::vector<std::uint64_t>& dist,
                 DeviceId dest, const LogicalLink& ll) {
  ExplicitLogic logic;
  if (ll.from == dest || dist[ll.from] == kNoRoute) return false;
  for (DeviceId x : ll.far) {
    if (!eligible(net, x, dest) || dist[x] == kNoRoute) continue;
    if (dist[ll.from] == ll.cost + dist[x] && lag::up_towards(net, logic, p, ll, x)) return true;
  }
  return false;
}

// match:  u ≠ B
// result: u drops if black-holed, if dist(u) = ∞, or if some next-hop member's egress port
//         is black-holed; otherwise u delivers iff every (next hop, serving member) lands on a
//         device that delivers.  Least fixpoint: a loop never delivers.
std::vector<char> delivers_all(const Network& net, const ExplicitPlane& p,
                               const std::vector<std::uint64_t>& dist, DeviceId dest) {
  std::size_t n = net.devices.size();
  std::vector<char> good(n, 0);
  std::vector<std::size_t> pending(n, 0);
  std::vector<std::vector<DeviceId>> preds(n);
  for (DeviceId u = 0; u < n; ++u) {
    if (u == dest || p.device_blackholed[u] || dist[u] == kNoRoute) continue;
    auto opts = options_at(net, p, dist, dest, u);
    bool drop = std::any_of(opts.begin(), opts.end(),
                            [&](const Option& o) { return drops_on_egress(net, p, u, o); });
    if (drop || opts.empty()) continue;
    pending[u] = opts.size();
    for (const Option& o : opts) preds[o.to].push_back(u);
  }
  std::vector<DeviceId> work{dest};
  good[dest] = 1;
  while (!work.empty()) {
    DeviceId v = work.back();
    work.pop_back();
    for (DeviceId u : preds[v]) {
      if (pending[u] > 0 && --pending[u] == 0 && !good[u]) {
        good[u] = 1;
        work.push_back(u);
      }
    }
  }
  return good;
}

DroppedWalk dropped_walk(const Network& net, const ExplicitPlane& p,
                         const std::vector<std::uint64_t>& dist, const std::vector<char>& good,
                         DeviceId src, DeviceId dest) {
  std::size_t n = net.devices.size();
  struct Parent {
    DeviceId from;
    Option via;
  };
  std::vector<std::optional<Parent>> parent(n);
  std::vector<char> seen(n, 0);
  auto path_to = [&](DeviceId u) {
    std::vector<WalkStep> steps;
    steps.push_back({u, {}, {}});
    while (parent[u]) {
      const Parent& pr = *parent[u];
      steps.push_back({pr.from, pr.via.member, pr.via.via});
      u = pr.from;
    }
    std::reverse(steps.begin(), steps.end());
    return steps;
  };
  std::deque<DeviceId> queue{src};
  seen[src] = 1;
  while (!queue.empty()) {
    DeviceId u = queue.front();
    queue.pop_front();
    if (p.device_blackholed[u]) return {path_to(u), DropReason::blackholed_device, {}};
    if (dist[u] == kNoRoute) return {path_to(u), DropReason::no_route, {}};
    auto opts = options_at(net, p, dist, dest, u);
    for (const Option& o : opts) {
      if (drops_on_egress(net, p, u, o)) {
        DroppedWalk w{path_to(u), DropReason::blackholed_port, o.member};
        w.steps.back().out = o.member;
        w.steps.back().via = o.via;
        return w;
      }
    }
    for (const Option& o : opts) {
      if (o.to == dest || seen[o.to]) continue;
      seen[o.to] = 1;
      parent[o.to] = Parent{u, o};
      queue.push_back(o.to);
    }
  }
  // No drop is reachable, yet src does not deliver: some walk loops.  Step to devices that
  // do not deliver until one repeats.
  std::vector<WalkStep> steps;
  std::vector<char> on_walk(n, 0);
  DeviceId u = src;
  while (!on_walk[u]) {
    on_walk[u] = 1;
    auto opts = options_at(net, p, dist, dest, u);
    auto next = std::find_if(opts.begin(), opts.end(),
                             [&](const Option& o) { return o.to != dest && !good[o.to]; });
    if (next == opts.end()) break;  // cannot happen for a non-delivering device; stay safe
    steps.push_back({u, next->member, next->via});
    u = next->to;
  }
  steps.push_back({u, {}, {}});
  return {steps, DropReason::loop, {}};
}

// --- encode ------------------------------------------------------------------------------

// match:  symbolic plane, one destination chosen by is_dest
// result: per device d(u) ≥ 0 and noroute(u) with
//           is_dest(u) → d(u) = 0 ∧ ¬noroute(u)
//           ¬is_dest(u) → (noroute(u) ↔ no avail(ll, x))   avail = up towards x ∧ eligible(x) ∧
//           ¬noroute(x) ¬is_dest(u) ∧ ¬noroute(u) → ∧ (avail → d(u) ≤ c + d(x)) ∧ ∨ (avail ∧ d(u) =
//           c + d(x))
//         nexthop(u, ll) = ¬is_dest(u) ∧ ¬noroute(u) ∧ ∨_x (avail(ll, x) ∧ d(u) = c + d(x))
//         With costs ≥ 1 these equations have exactly one solution: the least-cost state.
// match:  a dropped walk
// result: a set `on` of devices with every source in it, the destination not, and every device
//         in it either dropping (black-holed, no route, black-holed egress port on a usable
//         next-hop member) or having a usable next-hop member that lands in the set.  Such a
//         set exists iff some walk ends in a drop or loops (follow the members inside `on`).
z3::expr encode_dropped_walk(const Network& net, const SmtLogic& logic, const SmtPlane& p,
                             const std::vector<z3::expr>& is_source,
                             const std::vector<z3::expr>& is_dest, const std::string& tag) {
  z3::context& c = logic.ctx;
  std::size_t n = net.devices.size();
  // Slice: a host or external that is neither a source nor the destination is never eligible
  // as a far end and never on a walk, so it needs no variables (noroute, not on the walk).
  std::vector<char> in_slice(n, 0);
  for (DeviceId u = 0; u < n; ++u)
    in_slice[u] = net.devices[u].transit() || !is_source[u].is_false() || !is_dest[u].is_false();
  std::vector<z3::expr> d, noroute, on;
  for (DeviceId u = 0; u < n; ++u) {
    const std::string name = net.devices[u].name + "]" + tag;
    d.push_back(in_slice[u] ? c.int_const(("dist[" + name).c_str()) : c.int_val(0));
    noroute.push_back(in_slice[u] ? c.bool_const(("noroute[" + name).c_str()) : c.bool_val(true));
    on.push_back(in_slice[u] ? c.bool_const(("walk[" + name).c_str()) : c.bool_val(false));
  }
  std::vector<z3::expr> facts;
  for (DeviceId u = 0; u < n; ++u) {
    if (!in_slice[u]) continue;
    std::vector<z3::expr> avail_all, tight_all, bounds, usable, moves, egress_drops;
    for (const LogicalLink& ll : net.logical[u]) {
      std::vector<z3::expr> tight_ll;
      for (DeviceId x : ll.far) {
        if (!in_slice[x]) continue;
        z3::expr elig = net.devices[x].transit() ? c.bool_val(true) : is_dest[x];
        z3::expr avail = lag::up_towards(net, logic, p, ll, x) && elig && !noroute[x];
        z3::expr via = d[u] == d[x] + static_cast<int>(ll.cost);
        avail_all.push_back(avail);
        bounds.push_back(z3::implies(avail, d[u] <= d[x] + static_cast<int>(ll.cost)));
        tight_ll.push_back(avail && via);
        tight_all.push_back(avail && via);
      }
      z3::expr next_hop = !is_dest[u] && !noroute[u] && logic.any(tight_ll);
      for (LinkId m : ll.members) {
        z3::expr use = next_hop && p.serving[m];
        moves.push_back(use && on[net.links[m].other(u)]);
        egress_drops.push_back(use && p.port_blackholed[net.port_on(m, u)]);
      }
    }
    facts.push_back(d[u] >= 0);
    facts.push_back(z3::implies(is_dest[u], d[u] == 0 && !noroute[u]));
    facts.push_back(z3::implies(!is_dest[u], noroute[u] == !logic.any(avail_all)));
    z3::expr_vector bound_v(c);
    for (auto& b : bounds) bound_v.push_back(b);
    facts.push_back(
        z3::implies(!is_dest[u] && !noroute[u], z3::mk_and(bound_v) && logic.any(tight_all)));
    // The dropped walk.
    z3::expr drop = p.device_blackholed[u] || noroute[u] || logic.any(egress_drops);
    facts.push_back(z3::implies(is_source[u], on[u]));
    facts.push_back(z3::implies(on[u], !is_dest[u]));
    facts.push_back(z3::implies(on[u] && !drop, logic.any(moves)));
  }
  z3::expr_vector all(c);
  for (auto& f : facts) all.push_back(f);
  return z3::mk_and(all);
}

}  // namespace faultline::models
