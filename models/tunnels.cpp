#include "models/tunnels.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>

#include "models/state.hpp"

namespace faultline::models::tunnels {

namespace {

ExplicitLogic explicit_logic;

// match:  the walks from src in table t (the underlay: no tunnel is believed up)
// result: breadth first over (node, smallest MTU so far, a dropper passed, a dropper passed
//         up to the first smallest hop); `delivered(state, move, summary)` sees every move into
//         a delivering node with the walk's summary, until it returns true.  States keep their
//         parent, so a walk can be read back (steps).
class Explorer {
 public:
  struct State {
    NodeId node;
    std::int64_t min;
    bool passed, up_to_min;
    std::optional<std::size_t> parent;
    std::size_t via = 0;
    LinkId member = 0;
  };
  Explorer(const Network& net, const ExplicitPlane& p, const RouteTable& t)
      : net_(net), p_(p), t_(t) {}

  template <class F>
  void run(NodeId src, F&& delivered) {
    states_.clear();
    states_.push_back({src, INT64_MAX, false, false, {}, 0, 0});
    std::set<std::tuple<NodeId, std::int64_t, bool, bool>> seen;
    for (std::size_t i = 0; i < states_.size(); ++i) {
      const State s = states_[i];
      const DeviceId u = t_.device(s.node);
      if (delivered_at(p_, t_.at(s.node), u) || dies_at(p_, t_.at(s.node), u)) continue;
      const bool passed = s.passed || net_.devices[u].drops_icmp;
      for (const auto& o : moves_at(net_, explicit_logic, p_, t_.at(s.node), t_.accepts, s.node)) {
        if (o.egress_drop || o.arrives_dead) continue;
        const std::int64_t x = hop_mtu(net_, explicit_logic, p_, o.member);
        const std::int64_t min = std::min(s.min, x);
        const bool up_to_min = x < s.min ? passed : s.up_to_min;
        if (delivered_at(p_, t_.at(o.to), t_.device(o.to))) {
          if (delivered(i, o, Summary{min, up_to_min})) return;
          continue;
        }
        if (!seen.insert({o.to, min, passed, up_to_min}).second) continue;
        states_.push_back({o.to, min, passed, up_to_min, i, o.via, o.member});
      }
    }
  }
  // The walk to state i, then over `last` into the delivering node.
  std::vector<WalkStep> steps(std::size_t i, const Move<ExplicitLogic>& last) const {
    std::vector<WalkStep> out{{t_.device(last.to), {}, {}, t_.slot(last.to)}};
    std::pair<std::size_t, LinkId> move{last.via, last.member};
    for (std::optional<std::size_t> k = i; k; k = states_[*k].parent) {
      const State& s = states_[*k];
      out.push_back({t_.device(s.node), move.second, move.first, t_.slot(s.node)});
      move = {s.via, s.member};
    }
    std::reverse(out.begin(), out.end());
    return out;
  }

 private:
  const Network& net_;
  const ExplicitPlane& p_;
  const RouteTable& t_;
  std::vector<State> states_;
};

// The delivered walks from src that visit each node once, depth first, while `delivered(steps,
// summary)` returns false; false when more than kSimpleWalkSteps steps were needed (the caller
// refuses).  Used where some walk from src repeats a node: a flow's walk never does (its hash
// is the same at every visit, so it would loop), and the breadth-first product would mix a
// cycle's MTUs into a delivered walk's summary.
constexpr std::size_t kSimpleWalkSteps = 200000;
template <class F>
bool simple_walks(const Network& net, const ExplicitPlane& p, const RouteTable& t, NodeId src,
                  F&& delivered) {
  std::vector<char> on(t.nodes(), 0);
  std::vector<WalkStep> steps;
  std::size_t budget = kSimpleWalkSteps;
  bool stop = false;
  std::function<bool(NodeId, std::int64_t, bool, bool)> go = [&](NodeId u, std::int64_t min,
                                                                 bool passed, bool up_to_min) {
    if (budget-- == 0) return false;
    const DeviceId d = t.device(u);
    if (delivered_at(p, t.at(u), d) || dies_at(p, t.at(u), d)) return true;
    on[u] = 1;
    passed = passed || net.devices[d].drops_icmp;
    for (const auto& o : moves_at(net, explicit_logic, p, t.at(u), t.accepts, u)) {
      if (stop) break;
      if (o.egress_drop || o.arrives_dead || on[o.to]) continue;
      const std::int64_t x = hop_mtu(net, explicit_logic, p, o.member);
      const bool to_min = x < min ? passed : up_to_min;
      steps.push_back({d, o.member, o.via, t.slot(u)});
      if (delivered_at(p, t.at(o.to), t.device(o.to))) {
        steps.push_back({t.device(o.to), {}, {}, t.slot(o.to)});
        stop = delivered(steps, Summary{std::min(min, x), to_min});
        steps.pop_back();
      } else if (!go(o.to, std::min(min, x), passed, to_min)) {
        return false;
      }
      steps.pop_back();
    }
    on[u] = 0;
    return true;
  };
  return go(src, INT64_MAX, false, false);
}

// Whether some walk from src repeats a node (a cycle among the nodes its walks reach).
bool some_walk_loops(const Network& net, const ExplicitPlane& p, const RouteTable& t, NodeId src) {
  std::vector<char> state(t.nodes(), 0);  // 0 unseen, 1 on the stack, 2 done
  std::function<bool(NodeId)> cyclic = [&](NodeId u) {
    state[u] = 1;
    const DeviceId d = t.device(u);
    if (!delivered_at(p, t.at(u), d) && !dies_at(p, t.at(u), d))
      for (const auto& o : moves_at(net, explicit_logic, p, t.at(u), t.accepts, u)) {
        if (o.egress_drop || o.arrives_dead) continue;
        if (state[o.to] == 1 || (state[o.to] == 0 && cyclic(o.to))) return true;
      }
    state[u] = 2;
    return false;
  };
  return cyclic(src);
}

// The plane with tunnel choices `up`, `mtu`, `icmp` from a plane with the same faults and
// other choices (derive_plane_from touches every tunnel's link).
ExplicitPlane with_choices(const Network& net, const ExplicitPlane& from, std::vector<char> up,
                           std::vector<std::int64_t> mtu, std::vector<char> icmp) {
  Scenario<ExplicitLogic> s{static_cast<const FaultEffects<ExplicitLogic>&>(from),
                            static_cast<const Choices<ExplicitLogic>&>(from)};
  s.choices.tunnel_up = std::move(up);
  s.choices.underlay_mtu = std::move(mtu);
  s.choices.underlay_icmp = std::move(icmp);
  return derive_plane_from(net, from, std::move(s));
}

}  // namespace

std::size_t Options::count() const {
  if (forced_down) return 1;
  return (can_down ? 1 : 0) + walks[0].size() * walks[1].size();
}

std::vector<Options> options(const Network& net, const ExplicitPlane& underlay,
                             ReferenceCosts* ref) {
  // The last state's options, per thread: choice_count and the judgement of one fault state
  // ask for the same ones in turn.  Keyed by the design's number and every input of the plane
  // (its faults and choices: the rest of a plane is derived from them).
  struct Last {
    std::uint64_t design = 0;
    FaultEffects<ExplicitLogic> faults;
    std::vector<char> keeps_peer0, session_up;
    std::vector<Options> options;
  };
  thread_local Last last;
  const auto& faults = static_cast<const FaultEffects<ExplicitLogic>&>(underlay);
  auto same = [](const FaultEffects<ExplicitLogic>& a, const FaultEffects<ExplicitLogic>& b) {
    return a.device_down == b.device_down && a.device_blackholed == b.device_blackholed &&
           a.link_down == b.link_down && a.port_blackholed == b.port_blackholed &&
           a.restarted == b.restarted && a.session_down == b.session_down &&
           a.link_mtu == b.link_mtu;
  };
  if (net.id != 0 && last.design == net.id && same(last.faults, faults) &&
      last.keeps_peer0 == underlay.keeps_peer0 && last.session_up == underlay.session_up &&
      underlay.tunnel_up.empty())
    return last.options;
  std::vector<Options> out;
  LeastCost costs(net, underlay, ref);
  for (std::size_t t = 0; t < net.tunnels.size(); ++t) {
    Options o;
    const LinkId l = net.tunnels[t].link;
    if (!(underlay.link_up[l] && underlay.crosses[0][l] && underlay.crosses[1][l])) {
      o.forced_down = true;
      out.push_back(std::move(o));
      continue;
    }
    for (int dir = 0; dir < 2; ++dir) {
      const RouteTable table =
          route_table(net, underlay, net.host_prefix(far_end(net, t, dir)), &costs);
      const NodeId src = node_of(net, head(net, t, dir));
      if (!delivers_all(net, underlay, table, src)[src]) o.can_down = true;
      std::set<Summary> found;
      if (some_walk_loops(net, underlay, table, src))
        o.too_many =
            o.too_many || !simple_walks(net, underlay, table, src, [&](const auto&, Summary s) {
              found.insert(s);
              return false;
            });
      else
        Explorer(net, underlay, table).run(src, [&](std::size_t, const auto&, Summary s) {
          found.insert(s);
          return false;
        });
      o.walks[dir].assign(found.begin(), found.end());
    }
    if (o.walks[0].empty() || o.walks[1].empty()) o.can_down = true;
    out.push_back(std::move(o));
  }
  if (net.id != 0 && underlay.tunnel_up.empty())
    last = {net.id, faults, underlay.keeps_peer0, underlay.session_up, out};
  return out;
}

bool visit(const Network& net, const ExplicitPlane& underlay,
           const std::function<bool(const ExplicitPlane&)>& f, ReferenceCosts* ref) {
  if (net.tunnels.empty()) return f(underlay);
  const std::vector<Options> opts = options(net, underlay, ref);
  const std::size_t n = net.tunnels.size();
  std::vector<std::size_t> at(n, 0);  // per tunnel, the index of its choice
  for (;;) {
    std::vector<char> up(n, 0), icmp(2 * n, 0);
    std::vector<std::int64_t> mtu(2 * n, kNoLimit);
    for (std::size_t t = 0; t < n; ++t) {
      const Options& o = opts[t];
      std::size_t k = at[t];
      if (o.forced_down || (o.can_down && k == 0)) continue;  // down
      if (o.can_down) --k;
      const Summary& a = o.walks[0][k / o.walks[1].size()];
      const Summary& b = o.walks[1][k % o.walks[1].size()];
      up[t] = 1;
      mtu[2 * t] = a.mtu;
      icmp[2 * t] = a.icmp_dropped;
      mtu[2 * t + 1] = b.mtu;
      icmp[2 * t + 1] = b.icmp_dropped;
    }
    if (f(with_choices(net, underlay, std::move(up), std::move(mtu), std::move(icmp)))) return true;
    std::size_t t = 0;
    for (; t < n; ++t) {
      if (++at[t] < opts[t].count()) break;
      at[t] = 0;
    }
    if (t == n) return false;
  }
}

ExplicitPlane underlay_of(const Network& net, const ExplicitPlane& p) {
  return with_choices(net, p, {}, {}, {});
}

std::size_t choice_bits(const Network& net, const ExplicitPlane& underlay, ReferenceCosts* ref) {
  double bits = 0;
  for (const Options& o : options(net, underlay, ref)) {
    if (o.too_many) return SIZE_MAX / 2;  // past every bound: the explicit judge refuses
    bits += std::log2(static_cast<double>(std::max<std::size_t>(o.count(), 1)));
  }
  return static_cast<std::size_t>(std::ceil(bits));
}

std::vector<WalkStep> underlay_walk(const Network& net, const ExplicitPlane& overlay, std::size_t t,
                                    int dir) {
  const ExplicitPlane underlay = underlay_of(net, overlay);
  const RouteTable table = route_table(net, underlay, net.host_prefix(far_end(net, t, dir)));
  const NodeId src = node_of(net, head(net, t, dir));
  const Summary want{overlay.underlay_mtu[2 * t + dir], overlay.underlay_icmp[2 * t + dir] != 0};
  std::vector<WalkStep> out;
  if (some_walk_loops(net, underlay, table, src)) {
    simple_walks(net, underlay, table, src, [&](const std::vector<WalkStep>& steps, Summary s) {
      if (s != want) return false;
      out = steps;
      return true;
    });
    return out;
  }
  Explorer explorer(net, underlay, table);
  explorer.run(src, [&](std::size_t i, const Move<ExplicitLogic>& o, Summary s) {
    if (s != want) return false;
    out = explorer.steps(i, o);
    return true;
  });
  return out;
}

void symbolic_choices(const Network& net, const SmtLogic& logic, const std::string& tag,
                      Choices<SmtLogic>& choices) {
  z3::context& c = logic.ctx;
  for (const Tunnel& t : net.tunnels) {
    choices.tunnel_up.push_back(c.bool_const(("tunnel_up[" + t.name + "]" + tag).c_str()));
    for (int dir = 0; dir < 2; ++dir) {
      const std::string way = t.name + ">" + net.devices[t.end[1 - dir]].name + "]" + tag;
      choices.underlay_mtu.push_back(c.int_const(("underlay_mtu[" + way).c_str()));
      choices.underlay_icmp.push_back(c.bool_const(("underlay_icmp[" + way).c_str()));
    }
  }
}

namespace {
// match:  a delivered underlay walk from src with summary (mtu, icmp)
// result: a chain of nodes with ranks from src, each taking one usable move without egress
//         drop or dead arrival, into a delivering node or to a chain node of lower rank, with
//         per node m (the suffix's smallest MTU) and c (a dropper from here to its first
//         smallest hop): into a delivering node m = x, c = drop(u); else m = min(x, m'),
//         c = drop(u) ∨ (m' < x ∧ c'); at src m = mtu ∧ c = icmp (Explorer's rule).
z3::expr encode_walk(const Network& net, const SmtLogic& logic, const SmtPlane& p,
                     const EncodedRoutes& routes, DeviceId src, const z3::expr& mtu,
                     const z3::expr& icmp, const std::string& tag) {
  z3::context& c = logic.ctx;
  const std::size_t n = routes.nodes();
  std::vector<z3::expr> on, rank, min, drop_on_way;
  for (NodeId u = 0; u < n; ++u) {
    const bool in = routes.in_slice[u];
    const std::string at = std::to_string(u) + "]" + tag;
    on.push_back(in ? c.bool_const(("underlay_on[" + at).c_str()) : c.bool_val(false));
    rank.push_back(in ? c.int_const(("underlay_rank[" + at).c_str()) : c.int_val(0));
    min.push_back(in ? c.int_const(("underlay_min[" + at).c_str()) : c.int_val(0));
    drop_on_way.push_back(in ? c.bool_const(("underlay_icmp_on[" + at).c_str())
                             : c.bool_val(false));
  }
  const NodeId source = node_of(net, src);
  std::vector<z3::expr> facts{on[source], min[source] == mtu, drop_on_way[source] == icmp};
  for (NodeId u = 0; u < n; ++u) {
    if (!routes.in_slice[u]) continue;
    const DeviceId d = routes.device(u);
    const z3::expr drop = c.bool_val(net.devices[d].drops_icmp);
    ShortList<z3::expr, 8> ways;
    for (const auto& m : moves_at(net, logic, p, routes[u], routes.accepts, u)) {
      const z3::expr x = hop_mtu(net, logic, p, m.member);
      const NodeId v = m.to;
      const z3::expr into = delivered_at(p, routes[v], routes.device(v));
      const z3::expr ends = min[u] == x && drop_on_way[u] == drop;
      const z3::expr goes_on = on[v] && rank[v] < rank[u] && min[u] == logic.min(x, min[v]) &&
                               drop_on_way[u] == (drop || (min[v] < x && drop_on_way[v]));
      z3::expr way = m.usable && !m.egress_drop && z3::ite(into, ends, goes_on);
      if (!logic.is_false(m.arrives_dead)) way = way && !m.arrives_dead;
      ways.push_back(way);
    }
    facts.push_back(z3::implies(
        on[u], !delivered_at(p, routes[u], d) && !dies_at(p, routes[u], d) && logic.any(ways)));
  }
  return logic.all(facts);
}
}  // namespace

void encode_choices(const Network& net, const SmtLogic& logic, const SmtPlane& overlay,
                    const SmtPlane& underlay, const std::vector<igp::Encoded>& segments,
                    const std::string& tag, std::vector<z3::expr>& facts) {
  z3::context& c = logic.ctx;
  std::vector<char> in_slice(net.devices.size(), 0);
  for (DeviceId u = 0; u < net.devices.size(); ++u) in_slice[u] = net.devices[u].transit();
  for (std::size_t t = 0; t < net.tunnels.size(); ++t) {
    const LinkId l = net.tunnels[t].link;
    const z3::expr alive = underlay.link_up[l] && underlay.crosses[0][l] && underlay.crosses[1][l];
    z3::expr_vector all_there(c), walks(c);
    for (int dir = 0; dir < 2; ++dir) {
      const DeviceId far = far_end(net, t, dir), from = head(net, t, dir);
      std::vector<z3::expr> is_origin;
      for (DeviceId u = 0; u < net.devices.size(); ++u) is_origin.push_back(c.bool_val(u == far));
      const std::string way = tag + "~" + net.tunnels[t].name + ">" + net.devices[far].name;
      const EncodedRoutes routes = encode_routes(net, logic, underlay, net.host_prefix(far),
                                                 is_origin, in_slice, segments, way, facts);
      all_there.push_back(
          encode_delivers_all(net, logic, underlay, routes, way, facts)[node_of(net, from)]);
      walks.push_back(encode_walk(net, logic, underlay, routes, from,
                                  overlay.underlay_mtu[2 * t + dir],
                                  overlay.underlay_icmp[2 * t + dir], way));
    }
    facts.push_back(z3::implies(overlay.tunnel_up[t], alive && z3::mk_and(walks)));
    facts.push_back(z3::implies(!overlay.tunnel_up[t], !alive || !z3::mk_and(all_there)));
  }
}

}  // namespace faultline::models::tunnels
