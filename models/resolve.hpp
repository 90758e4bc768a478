// Syntax tree to typed network: resolves names, checks every semantic rule of DESIGN.md §3,
// and builds the fault universe.  All errors are reported; nothing is silently ignored.
#pragma once
#include <optional>
#include <vector>

#include "dsl/diagnostics.hpp"
#include "dsl/parse.hpp"
#include "models/faults.hpp"
#include "models/features.hpp"
#include "models/network.hpp"

namespace faultline::models {

struct Design {
  Network net;
  std::vector<FaultClass> fault_classes;
  std::vector<FaultEvent> events;
  FeatureSet features;  // what the network uses (models/features.hpp); fast paths read it
};

// Empty when the design has errors (they are in `diags`).
std::optional<Design> resolve(const dsl::ParsedDesign& parsed, dsl::Diagnostics& diags);

}  // namespace faultline::models
