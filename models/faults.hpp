// The fault universe (DESIGN.md §4): one event per element, chosen by the faults block.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "models/network.hpp"

namespace faultline::models {

enum class FaultAction { down, blackhole };

// One line of the faults block, after checking.
struct FaultClass {
  enum class Kind { down_device, down_link, blackhole_devices, blackhole_port, common };
  Kind kind;
  std::optional<DeviceKind> device_kind;   // blackhole_devices: nullopt = every transit device
  std::string attr;                        // common
  FaultAction action = FaultAction::down;  // common
  SourceLoc loc;                           // the word in the faults block
  std::optional<double> probability = {};  // `p = …` on its line: of each event it adds
};

struct FaultEvent {
  std::string name;  // canonical, e.g. "down ca1:et-0/0/0--ca2:et-0/0/0"
  FaultAction action;
  std::vector<DeviceId> devices;  // devices it downs or black-holes
  std::vector<LinkId> links;      // links it downs (down link, common … down)
  std::vector<PortId> ports;      // ports it black-holes (blackhole port, common … blackhole)
  SourceLoc loc;                  // the declaration of the element it fails
  SourceLoc cause;                // the faults line that put it in the universe
  std::string origin = {};        // that line's words, e.g. "blackhole switch"
  std::optional<double> probability = {};  // from the class that first added it
};

// "down device", "blackhole switch", "common os blackhole", …
std::string describe(const FaultClass& c);

// Every event of the design, deduplicated by name, in the order the faults block builds them.
std::vector<FaultEvent> build_universe(const Network& net, const std::vector<FaultClass>& classes);

// The events that may take part in a requirement: for `reach`, an event that downs or
// black-holes either endpoint is left out (a dead source is not a redundancy failure).
std::vector<std::size_t> requirement_universe(const std::vector<FaultEvent>& events,
                                              const Requirement& req);

// The explicit effect of a set of events.
struct FaultState {
  std::vector<char> device_down, device_blackholed, link_down, port_blackholed;
};
FaultState apply_events(const Network& net, const std::vector<const FaultEvent*>& events);
// The same for the events `chosen` (indices into `events`).
FaultState apply_events(const Network& net, const std::vector<FaultEvent>& events,
                        const std::vector<std::size_t>& chosen);

}  // namespace faultline::models
