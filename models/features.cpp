#include "models/features.hpp"

namespace faultline::models {

const char* feature_name(Feature f) {
  switch (f) {
    case Feature::lag:
      return "lag";
    case Feature::mclag_client:
      return "mclag-client";
    case Feature::bfd:
      return "bfd";
    case Feature::microbfd:
      return "microbfd";
    case Feature::non_transit_device:
      return "host-or-external";
    case Feature::fault_down:
      return "down-event";
    case Feature::fault_blackhole:
      return "blackhole-event";
    case Feature::multi_element_event:
      return "shared-risk-event";
    case Feature::reach:
      return "reach";
    case Feature::connected:
      return "connected";
    case Feature::connected_all:
      return "connected-all";
  }
  return "unnamed";
}

std::vector<std::string> FeatureSet::missing_from(const FeatureSet& supported) const {
  std::vector<std::string> out;
  for (unsigned i = 0; i < bits_.size(); ++i)
    if (bits_.test(i) && !supported.bits_.test(i))
      out.push_back(i < kFeatureCount ? feature_name(static_cast<Feature>(i))
                                      : "feature " + std::to_string(i));
  return out;
}

FeatureSet network_features(const Network& net) {
  FeatureSet f;
  for (const Device& d : net.devices)
    if (!d.transit()) f.add(Feature::non_transit_device);
  for (const Link& l : net.links)
    if (l.bfd) f.add(Feature::bfd);
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
  if (req.kind == Requirement::Kind::reach) {
    f.add(Feature::reach);
  } else {
    f.add(req.devices.size() == net.devices.size() ? Feature::connected_all : Feature::connected);
  }
  for (std::size_t i : universe) {
    const FaultEvent& e = events[i];
    f.add(e.action == FaultAction::down ? Feature::fault_down : Feature::fault_blackhole);
    if (e.devices.size() + e.links.size() + e.ports.size() > 1) f.add(Feature::multi_element_event);
  }
  return f;
}

}  // namespace faultline::models
