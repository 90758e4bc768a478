// What a design and a requirement use (DESIGN.md §2, fast paths by allow-list).  resolve
// computes the design's features once; a requirement adds its kind and the features of the
// events in its universe.  Every fast path declares the features it is proved sound for
// (proofs/SOUNDNESS.md) and takes a requirement only when everything it uses is on that list,
// so a feature a later layer adds goes to a general engine until a path lists it.
#pragma once
#include <bitset>
#include <string>
#include <vector>

#include "models/faults.hpp"

namespace faultline::models {

enum class Feature : unsigned {
  lag,                  // a LAG (bundle) of two or more members
  mclag_client,         // a LAG whose far ends are the two peers of an MC-LAG domain
  bfd,                  // BFD on a link
  microbfd,             // micro-BFD on a LAG
  non_transit_device,   // a host or an external
  fault_down,           // an event that downs devices or links
  fault_blackhole,      // an event that black-holes devices or ports
  multi_element_event,  // an event that fails more than one element (a shared risk)
  reach,                // the requirement is a reach
  connected,            // the requirement is a connected over some of the devices
  connected_all,        // … over every device of the design
  isolate,              // the requirement is an isolate (DESIGN.md §7)
  waypoints,            // a reach with `via`
  avoided,              // a reach with `avoid`
  prefixes,             // a declared prefix (DESIGN.md §7): ranges, anycast, covering routes
  static_routes,        // a static route (DESIGN.md §7)
  prefix_destination,   // the requirement's destination is a declared prefix
  bgp,                  // a BGP session or an `originate` line (DESIGN.md §8)
  fault_restart,        // an event that restarts devices half-configured (DESIGN.md §8)
  fault_session,        // an event that downs a BGP session
  bgp_requirement,      // the requirement is a no-export or an announce
  packet_size,          // a reach with `size` (DESIGN.md §9)
  fault_mtu,            // an mtu event (DESIGN.md §9)
  tunnels,              // a tunnel (DESIGN.md §9): a logical link over underlay walks
};
constexpr unsigned kFeatureCount = static_cast<unsigned>(Feature::tunnels) + 1;

class FeatureSet {
 public:
  FeatureSet() = default;
  FeatureSet(std::initializer_list<Feature> fs) {
    for (Feature f : fs) add(f);
  }
  void add(Feature f) { bits_.set(static_cast<unsigned>(f)); }
  bool has(Feature f) const { return bits_.test(static_cast<unsigned>(f)); }
  FeatureSet& operator|=(const FeatureSet& o) {
    bits_ |= o.bits_;
    return *this;
  }
  // Everything used here is on the allow-list `supported`.
  bool within(const FeatureSet& supported) const { return (bits_ & ~supported.bits_).none(); }
  // Some feature used here is in `other`.
  bool meets(const FeatureSet& other) const { return (bits_ & other.bits_).any(); }

 private:
  std::bitset<64> bits_;
};

// The small-search path (verifier/check.cpp): the explicit judge over every combination is the
// semantics the encoding is tested against, so it is exact for every feature the simulator
// implements — listed here one by one, so that a feature a later layer adds stays off until
// its simulator exists (proofs/SOUNDNESS.md §9).
inline const FeatureSet kExplicitSupports{Feature::lag,
                                          Feature::mclag_client,
                                          Feature::bfd,
                                          Feature::microbfd,
                                          Feature::non_transit_device,
                                          Feature::fault_down,
                                          Feature::fault_blackhole,
                                          Feature::multi_element_event,
                                          Feature::reach,
                                          Feature::connected,
                                          Feature::connected_all,
                                          Feature::isolate,
                                          Feature::waypoints,
                                          Feature::avoided,
                                          Feature::prefixes,
                                          Feature::static_routes,
                                          Feature::prefix_destination,
                                          Feature::bgp,
                                          Feature::fault_restart,
                                          Feature::fault_session,
                                          Feature::bgp_requirement,
                                          Feature::packet_size,
                                          Feature::fault_mtu,
                                          Feature::tunnels};

// The features of DESIGN.md §8: on the product's path a requirement that uses one is decided by
// the explicit search over every combination (verifier/check.cpp); Z3 alone decides it with
// --no-fast-path (models/bgp_smt.cpp).
inline const FeatureSet kBgpFeatures{Feature::bgp, Feature::fault_restart, Feature::fault_session,
                                     Feature::bgp_requirement};

// The structural features of a network (its devices, bundles and detectors).
FeatureSet network_features(const Network& net);
// What one requirement uses: the design's features, its kind, and its universe's events.
FeatureSet requirement_features(const Network& net, const FeatureSet& design,
                                const std::vector<FaultEvent>& events, const Requirement& req,
                                const std::vector<std::size_t>& universe);

}  // namespace faultline::models
