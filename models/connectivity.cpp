#include "models/connectivity.hpp"

#include <algorithm>
#include <numeric>

#include "models/links.hpp"
#include "models/requirements.hpp"

namespace faultline::models {

namespace {

struct UnionFind {
  std::vector<std::uint32_t> parent;
  explicit UnionFind(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0u); }
  std::uint32_t find(std::uint32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void unite(std::uint32_t a, std::uint32_t b) { parent[find(a)] = find(b); }
};

// The surviving logical connections: a plain link that is up, or a LAG with at least min-links
// members up (its far end is one device: MC-LAG clients are outside the fragment).  Inside the
// fragment belief is physical state (proofs/SOUNDNESS.md §5.1) — a member serves iff it is up —
// so of the behaviour rules only links::up, the one text of "up", needs to run.
struct Survivors {
  std::vector<std::pair<DeviceId, DeviceId>> edges;
};

ExplicitPlane physical_plane(const Network& net, const FaultState& f) {
  ExplicitPlane p;
  p.link_down = f.link_down;
  p.device_down = f.device_down;  // nothing is black-holed inside the fragment
  for (LinkId l = 0; l < net.links.size(); ++l) p.link_up.push_back(links::up(net, p, l));
  return p;
}

Survivors surviving_edges(const Network& net, const ExplicitPlane& p) {
  Survivors s;
  for (LinkId l = 0; l < net.links.size(); ++l)
    if (!net.links[l].lag && p.link_up[l])
      s.edges.push_back({net.links[l].device[0], net.links[l].device[1]});
  for (const Lag& g : net.lags) {
    std::uint32_t up = 0;
    for (LinkId m : g.members) up += p.link_up[m] ? 1 : 0;
    if (up >= g.min_links) s.edges.push_back({g.device, net.links[g.members[0]].other(g.device)});
  }
  return s;
}

}  // namespace

bool holds_failstop(const Network& net, const Requirement& req, const FaultState& f) {
  std::size_t n = net.devices.size();
  Survivors s = surviving_edges(net, physical_plane(net, f));
  UnionFind uf(n);
  for (auto [a, b] : s.edges)
    if (net.devices[a].transit() && net.devices[b].transit()) uf.unite(a, b);
  std::vector<DeviceId> alive;
  if (req.kind == Requirement::Kind::reach) {
    alive = {req.from, net.prefixes[req.to].origins[0]};  // a host prefix: its device
  } else {
    for (DeviceId d : req.devices)
      if (!f.device_down[d]) alive.push_back(d);
    if (alive.size() < 2) return true;
  }
  // Only transit devices judged: they reach each other iff they share a component.
  if (std::all_of(alive.begin(), alive.end(),
                  [&](DeviceId d) { return net.devices[d].transit(); })) {
    std::uint32_t c = uf.find(alive[0]);
    return std::all_of(alive.begin(), alive.end(), [&](DeviceId d) { return uf.find(d) == c; });
  }
  // Otherwise each device's "attachments": the components it can hand a flow to (its own if
  // transit, else its transit neighbours'), and its direct neighbours.
  std::vector<std::vector<std::uint32_t>> attach(n);
  std::vector<std::vector<DeviceId>> adjacent(n);
  for (DeviceId d = 0; d < n; ++d)
    if (net.devices[d].transit()) attach[d].push_back(uf.find(d));
  for (auto [a, b] : s.edges) {
    adjacent[a].push_back(b);
    adjacent[b].push_back(a);
    if (!net.devices[a].transit() && net.devices[b].transit()) attach[a].push_back(uf.find(b));
    if (!net.devices[b].transit() && net.devices[a].transit()) attach[b].push_back(uf.find(a));
  }
  for (auto& v : attach) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
  }
  auto reaches = [&](DeviceId a, DeviceId b) {
    if (std::find(adjacent[a].begin(), adjacent[a].end(), b) != adjacent[a].end()) return true;
    const auto &x = attach[a], &y = attach[b];
    std::vector<std::uint32_t> common;
    std::set_intersection(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(common));
    return !common.empty();
  };
  if (req.kind == Requirement::Kind::reach) return reaches(alive[0], alive[1]);
  // A component every survivor attaches to suffices; otherwise check pairs (reachability is
  // symmetric here: links, LAG ends and eligibility are).
  std::vector<std::uint32_t> shared = attach[alive[0]];
  for (std::size_t i = 1; i < alive.size() && !shared.empty(); ++i) {
    std::vector<std::uint32_t> next;
    std::set_intersection(shared.begin(), shared.end(), attach[alive[i]].begin(),
                          attach[alive[i]].end(), std::back_inserter(next));
    shared = std::move(next);
  }
  if (!shared.empty()) return true;
  for (std::size_t i = 0; i < alive.size(); ++i)
    for (std::size_t j = i + 1; j < alive.size(); ++j)
      if (!reaches(alive[i], alive[j])) return false;
  return true;
}

// Articulation points and bridges of the graph of up links between surviving devices, by an
// iterative depth-first search (low-link values; a parallel link is never a bridge because only
// the tree edge itself, by link id, is skipped when coming back to the parent).
Cuts single_cuts(const Network& net, const FaultState& f) {
  std::size_t n = net.devices.size();
  ExplicitPlane p = physical_plane(net, f);
  std::vector<std::vector<std::pair<DeviceId, LinkId>>> adj(n);
  for (LinkId l = 0; l < net.links.size(); ++l) {
    const Link& k = net.links[l];
    if (!p.link_up[l]) continue;
    adj[k.device[0]].push_back({k.device[1], l});
    adj[k.device[1]].push_back({k.device[0], l});
  }
  Cuts cuts{std::vector<char>(n, 0), std::vector<char>(net.links.size(), 0)};
  std::vector<std::uint32_t> order(n, 0), low(n, 0);
  std::uint32_t clock = 0;
  struct Frame {
    DeviceId u;
    LinkId via;  // the tree link it was entered by (unused at the root)
    std::size_t next = 0;
    std::size_t children = 0;
  };
  for (DeviceId root = 0; root < n; ++root) {
    if (f.device_down[root] || order[root]) continue;
    std::vector<Frame> stack{{root, 0, 0, 0}};
    order[root] = low[root] = ++clock;
    while (!stack.empty()) {
      Frame& fr = stack.back();
      if (fr.next < adj[fr.u].size()) {
        auto [v, l] = adj[fr.u][fr.next++];
        if (stack.size() > 1 && l == fr.via) continue;
        if (order[v]) {
          low[fr.u] = std::min(low[fr.u], order[v]);
        } else {
          order[v] = low[v] = ++clock;
          ++fr.children;
          stack.push_back({v, l, 0, 0});
        }
        continue;
      }
      Frame done = fr;
      stack.pop_back();
      if (stack.empty()) {
        if (done.children >= 2) cuts.device[done.u] = 1;  // a root with two subtrees
        break;
      }
      Frame& parent = stack.back();
      low[parent.u] = std::min(low[parent.u], low[done.u]);
      if (low[done.u] > order[parent.u]) cuts.link[done.via] = 1;
      if (stack.size() > 1 && low[done.u] >= order[parent.u]) cuts.device[parent.u] = 1;
    }
  }
  return cuts;
}

}  // namespace faultline::models
