#include "models/sessions.hpp"

namespace faultline::models {

std::vector<SessionOptions> session_options(const Network& net, const ExplicitPlane& p,
                                            const std::vector<std::size_t>* only,
                                            LeastCost* cache) {
  std::vector<SessionOptions> out(net.sessions.size());
  if (net.sessions.empty()) return out;
  LeastCost own(net, p);
  if (!cache) cache = &own;
  // Per slot, lazily: the segment's walk table, asked only at the nodes the sessions' walks
  // reach (kept in the plane's cache: the support reads the same tables).
  auto table = [&](std::size_t k) -> const RouteTable& { return cache->session_walks(k); };
  // Whether every / some walk from `from` through segment k is delivered at its target.
  auto every = [&](std::size_t k, DeviceId from) {
    return delivers_all(net, p, table(k), node_of(net, from))[node_of(net, from)] != 0;
  };
  auto some = [&](std::size_t k, DeviceId from) {
    return delivers_some_from(net, p, table(k), node_of(net, from));
  };
  auto judge = [&](std::size_t i) {
    const SegmentSession& s = net.sessions[i];
    const std::size_t there = net.slot_of(s.neighbour), back = net.slot_of(s.device);
    out[i].can_up = some(there, s.device) && some(back, s.neighbour);
    out[i].can_down = !every(there, s.device) || !every(back, s.neighbour);
  };
  if (only)
    for (std::size_t i : *only) judge(i);
  else
    for (std::size_t i = 0; i < net.sessions.size(); ++i) judge(i);
  return out;
}

z3::expr encode_session_choices(const Network& net, const SmtLogic& logic, const SmtPlane& p,
                                const std::vector<igp::Encoded>& segments, const std::string& tag,
                                std::vector<z3::expr>& facts,
                                const std::vector<std::size_t>* only) {
  z3::context& c = logic.ctx;
  const std::size_t n = net.devices.size();
  struct Walks {
    EncodedRoutes routes;
    std::vector<z3::expr> all, delivering;
  };
  std::vector<std::optional<Walks>> walks(net.slots());
  auto walks_of = [&](std::size_t k) -> const Walks& {
    if (walks[k]) return *walks[k];
    const DeviceId t = net.segment_targets[k - 1];
    const std::string name = tag + "~bfd~" + net.devices[t].name;
    Walks w{{}, {}, {}};
    w.routes.devices = n;
    w.routes.in_slice = segment_slice(net, k);
    const igp::Encoded& seg = segments[k - 1];
    for (DeviceId x = 0; x < n; ++x) {
      w.routes.accepts.push_back(c.bool_val(w.routes.in_slice[x] != 0));
      if (!w.routes.in_slice[x]) {
        w.routes.at.push_back(no_route(logic, net.logical[x].size()));
        continue;
      }
      w.routes.at.push_back(
          session_hop(net, logic, t, x, SegmentAt<SmtLogic>{!seg.noroute[x], seg.next_hop[x]}));
    }
    w.all = encode_delivers_all(net, logic, p, w.routes, name, facts);
    w.delivering = encode_delivering(net, p, w.routes);
    walks[k] = std::move(w);
    return *walks[k];
  };
  z3::expr_vector allowed(c);
  std::vector<std::size_t> all;
  for (std::size_t i = 0; i < net.sessions.size(); ++i) all.push_back(i);
  for (std::size_t i : only ? *only : all) {
    const SegmentSession& s = net.sessions[i];
    const Walks& there = walks_of(net.slot_of(s.neighbour));
    const Walks& back = walks_of(net.slot_of(s.device));
    auto from = [&](DeviceId d) {
      std::vector<z3::expr> v;
      for (DeviceId x = 0; x < n; ++x) v.push_back(c.bool_val(x == d));
      return v;
    };
    const std::string id = tag + "~bfd#" + std::to_string(i);
    const std::vector<char> none(n, 0);
    z3::expr some_there = encode_walk_to(net, logic, p, there.routes, from(s.device),
                                         there.delivering, none, "bfd_there", id);
    z3::expr some_back = encode_walk_to(net, logic, p, back.routes, from(s.neighbour),
                                        back.delivering, none, "bfd_back", id);
    allowed.push_back(z3::implies(p.session_up[i], some_there && some_back));
    allowed.push_back(
        z3::implies(!p.session_up[i], !there.all[s.device] || !back.all[s.neighbour]));
  }
  return allowed.empty() ? c.bool_val(true) : z3::mk_and(allowed);
}

std::vector<std::size_t> sessions_towards(const Network& net, std::optional<PrefixId> dest) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < net.sessions.size(); ++i)
    if (!dest || net.statics[net.sessions[i].route].applies_to(net, *dest)) out.push_back(i);
  return out;
}

}  // namespace faultline::models
