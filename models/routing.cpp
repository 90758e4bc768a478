#include "models/routing.hpp"

namespace faultline::models {

RouteTable::RouteTable(const Network& net, const ExplicitPlane& p, PrefixId d)
    : dest(d), net_(&net), plane_(&p), at_(net.devices.size()) {
  const std::size_t n = net.devices.size();
  origin.assign(n, 0);
  for (DeviceId o : net.prefixes[dest].origins) origin[o] = 1;
  igp_dist = igp::distances(net, p, origin);
  for (DeviceId u = 0; u < n; ++u) accepts.push_back(accepts_at(net, ExplicitLogic{}, u, origin[u]));
  std::vector<PrefixId> cover = net.covering(dest);
  for (std::size_t i = 1; i < cover.size(); ++i) {
    Cover c{cover[i], std::vector<char>(n, 0), {}};
    for (DeviceId o : net.prefixes[cover[i]].origins) c.origin[o] = 1;
    c.dist = igp::distances(net, p, c.origin);
    covers.push_back(std::move(c));
  }
}

RouteTable::RouteTable(const Network& net, PrefixId d, std::vector<char> o,
                       std::vector<Selected<ExplicitLogic>> at)
    : dest(d), origin(std::move(o)), net_(&net) {
  for (DeviceId u = 0; u < net.devices.size(); ++u)
    accepts.push_back(accepts_at(net, ExplicitLogic{}, u, origin[u]));
  for (auto& s : at) at_.emplace_back(std::move(s));
}

const Selected<ExplicitLogic>& RouteTable::at(DeviceId u) const {
  if (!at_[u]) {
    ExplicitLogic logic;
    thread_local std::vector<std::vector<char>> next_hop;
    next_hop.resize(covers.size() + 1);
    ShortList<CoverState<ExplicitLogic>> cs;
    igp::next_hops(*net_, *plane_, igp_dist, origin, u, next_hop[0]);
    cs.push_back({dest, origin[u], igp_dist[u] != kNoRoute, next_hop[0]});
    for (std::size_t i = 0; i < covers.size(); ++i) {
      const Cover& c = covers[i];
      igp::next_hops(*net_, *plane_, c.dist, c.origin, u, next_hop[i + 1]);
      cs.push_back({c.prefix, c.origin[u], c.dist[u] != kNoRoute, next_hop[i + 1]});
    }
    ShortList<StaticState<ExplicitLogic>> statics;
    for (std::size_t i : net_->statics_of[u])
      if (net_->statics[i].applies_to(*net_, dest))
        statics.push_back(static_state(*net_, logic, *plane_, net_->statics[i], 1));
    auto c = candidates_at<ExplicitLogic>(*net_, logic, u, {cs.data(), cs.size()},
                                          {statics.data(), statics.size()});
    at_[u] = select_routes(logic, c, net_->logical[u].size());
  }
  return *at_[u];
}

EncodedRoutes encode_routes(const Network& net, const SmtLogic& logic,
                                              const SmtPlane& p, PrefixId dest,
                                              const std::vector<z3::expr>& is_origin,
                                              const std::vector<char>& in_slice,
                                              const std::string& tag,
                                              std::vector<z3::expr>& facts) {
  z3::context& ctx = logic.ctx;
  const std::size_t n = net.devices.size();
  std::vector<PrefixId> cover = net.covering(dest);
  // The IGP towards the destination, then towards each covering prefix (fixed origins).
  std::vector<std::vector<z3::expr>> origins{is_origin};
  std::vector<igp::Encoded> igps;
  igps.push_back(igp::encode(net, logic, p, is_origin, in_slice, tag, facts));
  for (std::size_t i = 1; i < cover.size(); ++i) {
    std::vector<z3::expr> o;
    for (DeviceId u = 0; u < n; ++u) o.push_back(ctx.bool_val(net.is_origin(cover[i], u)));
    igps.push_back(igp::encode(net, logic, p, o, in_slice, tag + "@" + net.prefixes[cover[i]].name,
                               facts));
    origins.push_back(std::move(o));
  }
  const bool host_dest = net.prefixes[dest].is_host();
  EncodedRoutes out;
  for (DeviceId u = 0; u < n; ++u)
    out.accepts.push_back(accepts_at(net, logic, u, is_origin[u]));
  std::vector<Selected<SmtLogic>>& at = out.at;
  for (DeviceId u = 0; u < n; ++u) {
    if (!in_slice[u]) {  // never on a walk: no route, no next hop
      Selected<SmtLogic> none{logic.constant(false), logic.constant(false),
                              logic.constant(true), {}};
      none.next_hop.assign(net.logical[u].size(), logic.constant(false));
      at.push_back(std::move(none));
      continue;
    }
    ShortList<CoverState<SmtLogic>> cs;
    for (std::size_t i = 0; i < cover.size(); ++i)
      cs.push_back({cover[i], origins[i][u], !igps[i].noroute[u], igps[i].next_hop[u]});
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
      if (!a.is_false()) statics.push_back(static_state(net, logic, p, r, a));
    }
    auto c = candidates_at<SmtLogic>(net, logic, u, {cs.data(), cs.size()},
                                     {statics.data(), statics.size()});
    at.push_back(select_routes(logic, c, net.logical[u].size()));
  }
  return out;
}

}  // namespace faultline::models
