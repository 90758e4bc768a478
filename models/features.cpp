#include "models/features.hpp"

namespace faultline::models {

FeatureSet network_features(const Network& net) {
  FeatureSet f;
  for (const Device& d : net.devices)
    if (!d.transit()) f.add(Feature::non_transit_device);
  for (const Link& l : net.links)
    if (l.bfd) f.add(Feature::bfd);
  if (net.prefixes.size() > net.devices.size()) f.add(Feature::prefixes);
  if (!net.statics.empty()) f.add(Feature::static_routes);
  if (net.has_bgp()) f.add(Feature::bgp);
  if (!net.tunnels.empty()) f.add(Feature::tunnels);
  for (const auto& o : net.originates)
    if (!o.empty()) f.add(Feature::bgp);
  for (const Lag& g : net.lags) {
    f.add(Feature::lag);
    if (g.mclag) f.add(Feature::mclag_client);
    if (g.microbfd) f.add(Feature::microbfd);
  }
  return f;
}

FeatureSet requirement_features(const Network& net, const FeatureSet& design,
                                const std::vector<FaultEvent>& events, const Requirement& req,
                                const std::vector<std::size_t>& universe) {
  FeatureSet f = design;
  if (req.one_flow() && !net.prefixes[req.to].is_host()) f.add(Feature::prefix_destination);
  if (req.kind == Requirement::Kind::reach) {
    f.add(Feature::reach);
    if (!req.via.empty()) f.add(Feature::waypoints);
    if (!req.avoid.empty()) f.add(Feature::avoided);
    if (req.size) f.add(Feature::packet_size);
  } else if (req.kind == Requirement::Kind::isolate) {
    f.add(Feature::isolate);
  } else if (req.about_bgp()) {
    f.add(Feature::bgp_requirement);
  } else {
    f.add(req.devices.size() == net.devices.size() ? Feature::connected_all : Feature::connected);
  }
  for (std::size_t i : universe) {
    const FaultEvent& e = events[i];
    f.add(e.action == FaultAction::down        ? Feature::fault_down
          : e.action == FaultAction::blackhole ? Feature::fault_blackhole
          : e.action == FaultAction::mtu       ? Feature::fault_mtu
                                               : Feature::fault_restart);
    if (!e.sessions.empty()) f.add(Feature::fault_session);
    if (e.devices.size() + e.links.size() + e.ports.size() > 1) f.add(Feature::multi_element_event);
  }
  return f;
}

}  // namespace faultline::models
