#include "models/routing.hpp"

namespace faultline::models {

RouteTable::RouteTable(const Network& net, const ExplicitPlane& p, PrefixId d)
    : dest(d), net_(&net), plane_(&p), at_(net.devices.size()) {
  origin.assign(net.devices.size(), 0);
  for (DeviceId o : net.prefixes[dest].origins) origin[o] = 1;
  igp_dist = igp::distances(net, p, origin);
}

RouteTable::RouteTable(const Network& net, PrefixId d, std::vector<char> o,
                       std::vector<Selected<ExplicitLogic>> at)
    : dest(d), origin(std::move(o)), net_(&net) {
  for (auto& s : at) at_.emplace_back(std::move(s));
}

const Selected<ExplicitLogic>& RouteTable::at(DeviceId u) const {
  if (!at_[u]) {
    ExplicitLogic logic;
    thread_local std::vector<char> igp_next_hop;
    igp::next_hops(*net_, *plane_, igp_dist, origin, u, igp_next_hop);
    auto c = candidates_at<ExplicitLogic>(*net_, logic, dest, origin[u], igp_dist[u] != kNoRoute,
                                          igp_next_hop);
    at_[u] = select_routes(logic, c, net_->logical[u].size());
  }
  return *at_[u];
}

std::vector<Selected<SmtLogic>> encode_routes(const Network& net, const SmtLogic& logic,
                                              const SmtPlane& p, PrefixId dest,
                                              const std::vector<z3::expr>& is_origin,
                                              const std::vector<char>& in_slice,
                                              const std::string& tag,
                                              std::vector<z3::expr>& facts) {
  igp::Encoded igp = igp::encode(net, logic, p, is_origin, in_slice, tag, facts);
  std::vector<Selected<SmtLogic>> at;
  for (DeviceId u = 0; u < net.devices.size(); ++u) {
    if (!in_slice[u]) {  // never on a walk: no route, no next hop
      Selected<SmtLogic> none{logic.constant(false), logic.constant(false),
                              logic.constant(true), {}};
      none.next_hop.assign(net.logical[u].size(), logic.constant(false));
      at.push_back(std::move(none));
      continue;
    }
    auto c = candidates_at<SmtLogic>(net, logic, dest, is_origin[u], !igp.noroute[u],
                                     igp.next_hop[u]);
    at.push_back(select_routes(logic, c, net.logical[u].size()));
  }
  return at;
}

}  // namespace faultline::models
