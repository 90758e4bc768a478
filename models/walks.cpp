#include "models/walks.hpp"

#include <algorithm>
#include <deque>
#include <set>
#include <span>
#include <tuple>

namespace faultline::models {

namespace {
ExplicitLogic explicit_logic;

Moves<ExplicitLogic> moves(const Network& net, const ExplicitPlane& p, const RouteTable& t,
                           NodeId u) {
  return moves_at(net, explicit_logic, p, t.at(u), t.accepts, u);
}
bool delivered(const ExplicitPlane& p, const RouteTable& t, NodeId u) {
  return delivered_at(p, t.at(u), t.device(u));
}
bool dies(const ExplicitPlane& p, const RouteTable& t, NodeId u) {
  return dies_at(p, t.at(u), t.device(u));
}
// A node's name in variable names: the device, and for a carried node ">TARGET".
std::string node_name(const Network& net, const EncodedRoutes& routes, NodeId u) {
  const std::size_t slot = u / routes.devices;
  std::string name = net.devices[routes.device(u)].name;
  return slot == 0 ? name : name + ">" + net.devices[net.segment_targets[slot - 1]].name;
}

// The predecessors of each node along usable moves, as one flat array grouped by node (built
// from (to, from) pairs; no allocation per node).
class Predecessors {
 public:
  void add(NodeId to, NodeId from) { pairs_.push_back({to, from}); }
  void build(std::size_t n) {
    start_.assign(n + 1, 0);
    for (auto [to, from] : pairs_) ++start_[to + 1];
    for (std::size_t i = 0; i < n; ++i) start_[i + 1] += start_[i];
    from_.resize(pairs_.size());
    std::vector<std::uint32_t> next(start_.begin(), start_.end() - 1);
    for (auto [to, from] : pairs_) from_[next[to]++] = from;
  }
  std::span<const NodeId> of(NodeId v) const {
    return {from_.data() + start_[v], from_.data() + start_[v + 1]};
  }

 private:
  std::vector<std::pair<NodeId, NodeId>> pairs_;
  std::vector<std::uint32_t> start_;
  std::vector<NodeId> from_;
};
// The breadth-first tree of a walk search: the move each node was first reached by, and the
// walk from the root to a node along it (the last step at the node, leaving over nothing).
class WalkTree {
 public:
  explicit WalkTree(const RouteTable& t) : t_(t), parent_(t.nodes()) {}
  void reach(NodeId from, const Move<ExplicitLogic>& o) {
    parent_[o.to] = Parent{from, o.via, o.member};
  }
  WalkStep step(NodeId v, std::optional<LinkId> out = {},
                std::optional<std::size_t> via = {}) const {
    return {t_.device(v), out, via, t_.slot(v)};
  }
  std::vector<WalkStep> path_to(NodeId u) const {
    std::vector<WalkStep> steps{step(u)};
    for (NodeId v = u; parent_[v]; v = parent_[v]->from)
      steps.push_back(step(parent_[v]->from, parent_[v]->member, parent_[v]->via));
    std::reverse(steps.begin(), steps.end());
    return steps;
  }

 private:
  struct Parent {
    NodeId from;
    std::size_t via;
    LinkId member;
  };
  const RouteTable& t_;
  std::vector<std::optional<Parent>> parent_;
};

// The first node, breadth first from `src`, where `is_target` holds, over walks that end where
// they are delivered or die, stop at a `barrier` node, and take no move whose egress port drops
// or that lands where the flow dies (unless it is a target); `reached(from, move)` sees each
// move that reaches a node first.  nullopt when no walk gets there.
template <class Target, class Reached>
std::optional<NodeId> first_reached(const Network& net, const ExplicitPlane& p, const RouteTable& t,
                                    NodeId src, Target&& is_target,
                                    const std::vector<char>* barrier, Reached&& reached) {
  std::vector<char> seen(t.nodes(), 0);
  std::deque<NodeId> queue{src};
  seen[src] = 1;
  while (!queue.empty()) {
    NodeId u = queue.front();
    queue.pop_front();
    if (is_target(u)) return u;
    if ((barrier && (*barrier)[u]) || delivered(p, t, u) || dies(p, t, u)) continue;
    for (const auto& o : moves(net, p, t, u)) {
      if (o.egress_drop || seen[o.to] || (o.arrives_dead && !is_target(o.to))) continue;
      seen[o.to] = 1;
      reached(u, o);
      queue.push_back(o.to);
    }
  }
  return std::nullopt;
}
}  // namespace

// --- explicit ------------------------------------------------------------------------------

// match:  a node u that is not delivered at
// result: u delivers all iff it does not die, has a usable move, none of whose egress ports
//         drop, and every usable move lands on a node that delivers all.  Least fixpoint: a
//         loop never delivers.
std::vector<char> delivers_all(const Network& net, const ExplicitPlane& p, const RouteTable& t,
                               std::optional<NodeId> from) {
  const std::size_t n = t.nodes();
  std::vector<NodeId> scope;  // the nodes to judge: all, or those walks from `from` reach
  if (from) {
    std::vector<char> seen(n, 0);
    seen[*from] = 1;
    scope.push_back(*from);
    for (std::size_t i = 0; i < scope.size(); ++i) {
      NodeId u = scope[i];
      if (delivered(p, t, u) || dies(p, t, u)) continue;
      for (const auto& o : moves(net, p, t, u))
        if (!seen[o.to]) {
          seen[o.to] = 1;
          scope.push_back(o.to);
        }
    }
  } else {
    for (NodeId u = 0; u < n; ++u) scope.push_back(u);
  }
  std::vector<char> good(n, 0);
  std::vector<std::size_t> pending(n, 0);
  Predecessors preds;
  std::vector<NodeId> work;
  for (NodeId u : scope) {
    if (delivered(p, t, u)) {
      good[u] = 1;
      work.push_back(u);
      continue;
    }
    if (dies(p, t, u)) continue;
    auto opts = moves(net, p, t, u);
    bool drop = std::any_of(opts.begin(), opts.end(),
                            [](const auto& o) { return o.egress_drop || o.arrives_dead; });
    if (drop || opts.empty()) continue;
    pending[u] = opts.size();
    for (const auto& o : opts) preds.add(o.to, u);
  }
  preds.build(n);
  while (!work.empty()) {
    NodeId v = work.back();
    work.pop_back();
    for (NodeId u : preds.of(v)) {
      if (pending[u] > 0 && --pending[u] == 0 && !good[u]) {
        good[u] = 1;
        work.push_back(u);
      }
    }
  }
  return good;
}

std::vector<char> delivering(const Network&, const ExplicitPlane& p, const RouteTable& t) {
  std::vector<char> out(t.nodes(), 0);
  for (NodeId u = 0; u < t.nodes(); ++u) out[u] = delivered(p, t, u);
  return out;
}

std::vector<char> at_every_slot(const RouteTable& t, const std::vector<char>& device_marks) {
  std::vector<char> out(t.nodes(), 0);
  for (NodeId u = 0; u < t.nodes(); ++u) out[u] = device_marks[t.device(u)];
  return out;
}

// match:  a node u not in `target`
// result: some walk from u arrives at a target iff u is no barrier, is not delivered at, does
//         not die, and some usable move whose egress port does not drop lands on such a node.
//         Least fixpoint: a loop arrives nowhere.
std::vector<char> reaches_some(const Network& net, const ExplicitPlane& p, const RouteTable& t,
                               const std::vector<char>& target, const std::vector<char>& barrier) {
  const std::size_t n = t.nodes();
  std::vector<char> some(n, 0);
  Predecessors preds;
  std::vector<NodeId> work;
  for (NodeId u = 0; u < n; ++u) {
    if (target[u]) {
      some[u] = 1;
      work.push_back(u);
      continue;
    }
    if (barrier[u] || delivered(p, t, u) || dies(p, t, u)) continue;
    for (const auto& o : moves(net, p, t, u))
      if (!o.egress_drop && (!o.arrives_dead || target[o.to])) preds.add(o.to, u);
  }
  preds.build(n);
  while (!work.empty()) {
    NodeId v = work.back();
    work.pop_back();
    for (NodeId u : preds.of(v)) {
      if (some[u]) continue;
      some[u] = 1;
      work.push_back(u);
    }
  }
  return some;
}

std::vector<char> delivers_some(const Network& net, const ExplicitPlane& p, const RouteTable& t) {
  return reaches_some(net, p, t, delivering(net, p, t), std::vector<char>(t.nodes(), 0));
}

bool delivers_some_from(const Network& net, const ExplicitPlane& p, const RouteTable& t,
                        NodeId src) {
  auto is_delivered = [&](NodeId u) { return delivered(p, t, u); };
  return first_reached(net, p, t, src, is_delivered, nullptr, [](NodeId, const auto&) {})
      .has_value();
}

std::vector<WalkStep> walk_to(const Network& net, const ExplicitPlane& p, const RouteTable& t,
                              const std::vector<char>& target, const std::vector<char>& barrier,
                              NodeId src) {
  WalkTree tree(t);
  auto found = first_reached(
      net, p, t, src, [&](NodeId u) { return target[u] != 0; }, &barrier,
      [&](NodeId from, const Move<ExplicitLogic>& o) { tree.reach(from, o); });
  if (found) return tree.path_to(*found);
  return {tree.step(src)};  // no such walk: the precondition was not met
}

DroppedWalk dropped_walk(const Network& net, const ExplicitPlane& p, const RouteTable& t,
                         const std::vector<char>& good, NodeId src) {
  const std::size_t n = t.nodes();
  WalkTree tree(t);
  auto path_to = [&](NodeId u) { return tree.path_to(u); };
  std::vector<char> seen(n, 0);
  std::deque<NodeId> queue{src};
  seen[src] = 1;
  while (!queue.empty()) {
    NodeId u = queue.front();
    queue.pop_front();
    if (p.device_blackholed[t.device(u)]) return {path_to(u), DropReason::blackholed_device, {}};
    if (t.at(u).no_route) return {path_to(u), DropReason::no_route, {}};
    if (t.at(u).discards) return {path_to(u), DropReason::discarded, {}};
    auto opts = moves(net, p, t, u);
    for (const auto& o : opts) {
      if (o.egress_drop || o.arrives_dead) {
        DroppedWalk w{path_to(u),
                      o.egress_drop ? DropReason::blackholed_port : DropReason::no_transit,
                      o.egress_drop ? std::optional<LinkId>(o.member) : std::nullopt};
        w.steps.back().out = o.member;
        w.steps.back().via = o.via;
        if (!o.egress_drop) w.steps.push_back(tree.step(o.to));
        return w;
      }
    }
    for (const auto& o : opts) {
      if (delivered(p, t, o.to) || seen[o.to]) continue;
      seen[o.to] = 1;
      tree.reach(u, o);
      queue.push_back(o.to);
    }
  }
  // No drop is reachable, yet src does not deliver: some walk loops.  Step to nodes that do
  // not deliver until one repeats.
  std::vector<WalkStep> steps;
  std::vector<char> on_walk(n, 0);
  NodeId u = src;
  while (!on_walk[u]) {
    on_walk[u] = 1;
    auto opts = moves(net, p, t, u);
    auto next = std::find_if(opts.begin(), opts.end(),
                             [&](const auto& o) { return !delivered(p, t, o.to) && !good[o.to]; });
    if (next == opts.end()) break;  // cannot happen for a non-delivering node; stay safe
    steps.push_back(tree.step(u, next->member, next->via));
    u = next->to;
  }
  steps.push_back(tree.step(u));
  return {steps, DropReason::loop, {}};
}

// match:  a walk from src, hops h_1 … h_k (hop_size: effective MTU x_i, clamp c_i, black hole
//         b_i; logical MTU f_i; device u_i)
// result: packets S = min(size, f_1, f_k, min c_i), M = min x_i; it loses them iff M < S and
//         (src does not do PMTUD, or some u_j with j ≤ the first i where x_i = M drops ICMP,
//         or some b_i < S: a tunnel's underlay drops them and its head end never hears).
//         Explored as a product: per node the states (F = f_1, M, C = min c, B = min b so far,
//         D = a dropper passed, d = a dropper passed up to the first smallest hop), breadth
//         first.
std::optional<DroppedWalk> too_big_walk(const Network& net, const ExplicitPlane& p,
                                        const RouteTable& t, DeviceId src, std::uint32_t size) {
  using Int = ExplicitLogic::Int;
  struct State {
    NodeId node;
    Int first, min, clamp, hole;
    bool passed, up_to_min;
    std::optional<std::size_t> parent;
    std::size_t via = 0;
    LinkId member = 0;
  };
  const Int none = kNoLimit;
  std::vector<State> states{{node_of(net, src), 0, INT64_MAX, none, none, false, false, {}, 0, 0}};
  std::set<std::tuple<NodeId, Int, Int, Int, Int, bool, bool>> seen;
  const bool pmtud = net.devices[src].pmtud;
  auto walk_of = [&](std::size_t i, const Move<ExplicitLogic>& last) {
    std::vector<WalkStep> steps{{t.device(last.to), {}, {}, t.slot(last.to)}};
    std::vector<std::pair<std::size_t, LinkId>> moves_back{{last.via, last.member}};
    for (std::optional<std::size_t> k = i; k; k = states[*k].parent) {
      const State& s = states[*k];
      const auto& [via, member] = moves_back.back();
      steps.push_back({t.device(s.node), member, via, t.slot(s.node)});
      moves_back.push_back({s.via, s.member});
    }
    std::reverse(steps.begin(), steps.end());
    return steps;
  };
  for (std::size_t i = 0; i < states.size(); ++i) {
    const State s = states[i];
    const DeviceId u = t.device(s.node);
    const bool passed = s.passed || net.devices[u].drops_icmp;
    for (const auto& o : moves(net, p, t, s.node)) {
      if (o.egress_drop || o.arrives_dead) continue;
      const HopSize<ExplicitLogic> h = hop_size(net, explicit_logic, p, u, o.member);
      const Int f = mss_mtu(net, explicit_logic, p, net.logical[u][o.via]);
      const Int first = s.parent ? s.first : f;
      const Int min = std::min(s.min, h.mtu);
      const Int clamp = std::min(s.clamp, h.clamp);
      const Int hole = std::min(s.hole, h.black_hole);
      const bool up_to_min = h.mtu < s.min ? passed : s.up_to_min;
      if (delivered(p, t, o.to)) {
        const Int packets = std::min({static_cast<Int>(size), first, f, clamp});
        if (min >= packets || (pmtud && !up_to_min && hole >= packets)) continue;
        DroppedWalk w{walk_of(i, o), DropReason::too_big, {}, SizeDrop{}};
        SizeDrop& sd = *w.size;
        sd.packets = static_cast<std::uint32_t>(packets);
        sd.min_mtu = static_cast<std::uint32_t>(min);
        sd.no_pmtud = !pmtud;
        sd.clamped = clamp < std::min({static_cast<Int>(size), first, f});
        bool dropped = false, at_min = false;
        for (std::size_t k = 0; k + 1 < w.steps.size(); ++k) {
          const HopSize<ExplicitLogic> hk =
              hop_size(net, explicit_logic, p, w.steps[k].device, *w.steps[k].out);
          if (!at_min && !sd.icmp_dropper && net.devices[w.steps[k].device].drops_icmp)
            sd.icmp_dropper = w.steps[k].device;
          if (!dropped && hk.mtu < packets) {
            dropped = true;
            sd.drop_step = k;
            sd.drop_mtu = static_cast<std::uint32_t>(hk.mtu);
          }
          if (!at_min && hk.mtu == min) {
            at_min = true;
            sd.min_step = k;
          }
          if (!sd.black_hole_step && hk.black_hole < packets) sd.black_hole_step = k;
        }
        return w;
      }
      if (dies(p, t, o.to)) continue;
      if (!seen.insert({o.to, first, min, clamp, hole, passed, up_to_min}).second) continue;
      states.push_back({o.to, first, min, clamp, hole, passed, up_to_min, i, o.via, o.member});
    }
  }
  return std::nullopt;
}

// --- symbolic ------------------------------------------------------------------------------

// match:  a dropped walk
// result: a set `on` of devices with every source in it, no device delivered at in it, and
//         every device in it either dying (black-holed, no route, discarding, a black-holed
//         egress port on a usable move) or having a usable move that lands in the set.  Such a
//         set exists iff some walk ends in a drop or loops (follow the moves inside `on`).
z3::expr encode_dropped_walk(const Network& net, const SmtLogic& logic, const SmtPlane& p,
                             const EncodedRoutes& routes, const std::vector<z3::expr>& is_source,
                             const std::string& tag) {
  z3::context& c = logic.ctx;
  const std::size_t n = routes.nodes();
  const std::vector<char>& in_slice = routes.in_slice;
  std::vector<z3::expr> on;
  for (NodeId u = 0; u < n; ++u)
    on.push_back(in_slice[u]
                     ? c.bool_const(("walk[" + node_name(net, routes, u) + "]" + tag).c_str())
                     : c.bool_val(false));
  z3::expr_vector facts(c);
  for (NodeId u = 0; u < n; ++u) {
    if (!in_slice[u]) continue;
    ShortList<z3::expr, 8> next, egress;
    for (const auto& m : moves_at(net, logic, p, routes[u], routes.accepts, u)) {
      next.push_back(m.usable && on[m.to]);
      egress.push_back(m.egress_drop);
      if (!logic.is_false(m.arrives_dead)) egress.push_back(m.arrives_dead);
    }
    z3::expr drop = dies_at(p, routes[u], routes.device(u)) || logic.any(egress);
    if (u < is_source.size()) facts.push_back(z3::implies(is_source[u], on[u]));
    facts.push_back(z3::implies(on[u], !delivered_at(p, routes[u], routes.device(u))));
    facts.push_back(z3::implies(on[u] && !drop, logic.any(next)));
  }
  return logic.all(facts);
}

// match:  a walk from a source to a target
// result: a set `on` of devices with a rank each, every source in it, and every device in it a
//         target, or no barrier, not delivered at, not dying, and having a usable move without
//         an egress drop to a device of the set with a lower rank.  Ranks forbid cycles.
z3::expr encode_walk_to(const Network& net, const SmtLogic& logic, const SmtPlane& p,
                        const EncodedRoutes& routes, const std::vector<z3::expr>& is_source,
                        const std::vector<z3::expr>& target, const std::vector<char>& barrier,
                        const std::string& name, const std::string& tag) {
  z3::context& c = logic.ctx;
  const std::size_t n = routes.nodes();
  const std::vector<char>& in_slice = routes.in_slice;
  std::vector<z3::expr> on, rank;
  for (NodeId u = 0; u < n; ++u) {
    const std::string at = node_name(net, routes, u) + "]" + tag;
    on.push_back(in_slice[u] ? c.bool_const((name + "[" + at).c_str()) : c.bool_val(false));
    rank.push_back(in_slice[u] ? c.int_const((name + "_rank[" + at).c_str()) : c.int_val(0));
  }
  z3::expr_vector facts(c);
  for (NodeId u = 0; u < n; ++u) {
    if (!in_slice[u]) continue;
    if (u < is_source.size()) facts.push_back(z3::implies(is_source[u], on[u]));
    if (barrier[u]) {
      facts.push_back(z3::implies(on[u], target[u]));
      continue;
    }
    ShortList<z3::expr, 8> next;
    for (const auto& m : moves_at(net, logic, p, routes[u], routes.accepts, u))
      next.push_back(logic.is_false(m.arrives_dead)
                         ? m.usable && !m.egress_drop && on[m.to] && rank[m.to] < rank[u]
                         : m.usable && !m.egress_drop && on[m.to] && rank[m.to] < rank[u] &&
                               (!m.arrives_dead || target[m.to]));
    facts.push_back(z3::implies(on[u] && !target[u],
                                !delivered_at(p, routes[u], routes.device(u)) &&
                                    !dies_at(p, routes[u], routes.device(u)) && logic.any(next)));
  }
  return logic.all(facts);
}

// match:  a delivered walk from src that loses `size`-byte packets (too_big_walk's rule)
// result: a chain of nodes `on` with ranks, each taking one move to a lower rank or into a
//         delivering node, and per node over the suffix: m its smallest effective MTU, l its
//         last hop's logical MTU, k its smallest clamp, b its smallest black hole, and c: some
//         device from this node to the first smallest hop drops ICMP:
//           into a delivering node  m = x, l = f, k = clamp, b = hole, c = drop(u);
//           else                    m = min(x, m'), l = l', k = min(clamp, k'),
//                                   b = min(hole, b'), c = drop(u) ∨ (m' < x ∧ c').
//         At src, with F the logical MTU of its move and S = min(size, F, l, k):
//         m < S ∧ (¬pmtud ∨ c ∨ b < S).
z3::expr encode_too_big_walk(const Network& net, const SmtLogic& logic, const SmtPlane& p,
                             const EncodedRoutes& routes, DeviceId src, std::uint32_t size,
                             const std::string& tag) {
  z3::context& c = logic.ctx;
  const std::size_t n = routes.nodes();
  const std::vector<char>& in_slice = routes.in_slice;
  std::vector<z3::expr> on, rank, min, last, clamp, hole, icmp;
  for (NodeId u = 0; u < n; ++u) {
    const std::string at = node_name(net, routes, u) + "]" + tag;
    const bool in = in_slice[u];
    auto var = [&](const char* what, bool boolean) {
      if (!in) return boolean ? c.bool_val(false) : c.int_val(0);
      const std::string name = std::string("too_big_") + what + "[" + at;
      return boolean ? c.bool_const(name.c_str()) : c.int_const(name.c_str());
    };
    on.push_back(var("on", true));
    rank.push_back(var("rank", false));
    min.push_back(var("min", false));
    last.push_back(var("last", false));
    clamp.push_back(var("clamp", false));
    hole.push_back(var("hole", false));
    icmp.push_back(var("icmp", true));
  }
  const NodeId source = node_of(net, src);
  const z3::expr first = c.int_const(("too_big_first" + tag).c_str());
  z3::expr_vector facts(c);
  facts.push_back(on[source]);
  for (NodeId u = 0; u < n; ++u) {
    if (!in_slice[u]) continue;
    const DeviceId d = routes.device(u);
    const z3::expr drop = c.bool_val(net.devices[d].drops_icmp);
    ShortList<z3::expr, 8> ways;
    for (const auto& m : moves_at(net, logic, p, routes[u], routes.accepts, u)) {
      const HopSize<SmtLogic> h = hop_size(net, logic, p, d, m.member);
      const z3::expr f = mss_mtu(net, logic, p, net.logical[d][m.via]);
      const NodeId v = m.to;
      const z3::expr into = delivered_at(p, routes[v], routes.device(v));
      const z3::expr ends = min[u] == h.mtu && last[u] == f && clamp[u] == h.clamp &&
                            hole[u] == h.black_hole && icmp[u] == drop;
      const z3::expr goes_on = on[v] && rank[v] < rank[u] && min[u] == logic.min(h.mtu, min[v]) &&
                               last[u] == last[v] && clamp[u] == logic.min(h.clamp, clamp[v]) &&
                               hole[u] == logic.min(h.black_hole, hole[v]) &&
                               icmp[u] == (drop || (min[v] < h.mtu && icmp[v]));
      z3::expr way = m.usable && !m.egress_drop && z3::ite(into, ends, goes_on);
      if (!logic.is_false(m.arrives_dead)) way = way && !m.arrives_dead;
      if (u == source) way = way && first == f;
      ways.push_back(way);
    }
    facts.push_back(z3::implies(
        on[u], !delivered_at(p, routes[u], d) && !dies_at(p, routes[u], d) && logic.any(ways)));
  }
  const z3::expr packets =
      logic.min(logic.min(logic.number(size), first), logic.min(last[source], clamp[source]));
  facts.push_back(min[source] < packets);
  if (net.devices[src].pmtud) facts.push_back(icmp[source] || hole[source] < packets);
  return logic.all(facts);
}

std::vector<z3::expr> encode_delivering(const Network&, const SmtPlane& p,
                                        const EncodedRoutes& routes) {
  std::vector<z3::expr> out;
  for (NodeId u = 0; u < routes.nodes(); ++u)
    out.push_back(delivered_at(p, routes[u], routes.device(u)));
  return out;
}

z3::expr encode_delivered_walk(const Network& net, const SmtLogic& logic, const SmtPlane& p,
                               const EncodedRoutes& routes, const std::vector<z3::expr>& is_source,
                               const std::string& tag) {
  return encode_walk_to(net, logic, p, routes, is_source, encode_delivering(net, p, routes),
                        std::vector<char>(routes.nodes(), 0), "delivered_walk", tag);
}

// match:  every walk from u is delivered
// result: good(u) ↔ delivered_at(u) ∨ (¬dies(u) ∧ some usable move ∧ no usable move drops at
//         its egress ∧ every usable move lands on a good device), and good(u) → every usable
//         move lands on a lower rank.  The ranks exclude good cycles, so good is the least
//         fixpoint: exactly the devices whose every walk is delivered.
std::vector<z3::expr> encode_delivers_all(const Network& net, const SmtLogic& logic,
                                          const SmtPlane& p, const EncodedRoutes& routes,
                                          const std::string& tag, std::vector<z3::expr>& facts) {
  z3::context& c = logic.ctx;
  const std::size_t n = routes.nodes();
  const std::vector<char>& in_slice = routes.in_slice;
  std::vector<z3::expr> good, rank;
  for (NodeId u = 0; u < n; ++u) {
    const std::string name = node_name(net, routes, u) + "]" + tag;
    good.push_back(in_slice[u] ? c.bool_const(("delivers_all[" + name).c_str())
                               : c.bool_val(false));
    rank.push_back(in_slice[u] ? c.int_const(("delivers_all_rank[" + name).c_str()) : c.int_val(0));
  }
  for (NodeId u = 0; u < n; ++u) {
    if (!in_slice[u]) continue;
    ShortList<z3::expr, 8> usable, egress;
    z3::expr_vector onward(c), lower(c);
    for (const auto& m : moves_at(net, logic, p, routes[u], routes.accepts, u)) {
      usable.push_back(m.usable);
      egress.push_back(m.egress_drop);
      if (!logic.is_false(m.arrives_dead)) egress.push_back(m.arrives_dead);
      onward.push_back(z3::implies(m.usable, good[m.to]));
      lower.push_back(z3::implies(m.usable, rank[m.to] < rank[u]));
    }
    z3::expr delivered = delivered_at(p, routes[u], routes.device(u));
    z3::expr forwards = !dies_at(p, routes[u], routes.device(u)) && logic.any(usable) &&
                        !logic.any(egress) && logic.all(onward);
    facts.push_back(good[u] == (delivered || forwards));
    facts.push_back(z3::implies(good[u] && !delivered, logic.all(lower)));
  }
  return good;
}

}  // namespace faultline::models
