// Derives a whole Plane from a scenario by running the behaviour rules in order.
#pragma once
#include "models/detectors.hpp"
#include "models/lag.hpp"
#include "models/links.hpp"
#include "models/mclag.hpp"
#include "models/plane.hpp"

namespace faultline::models {

template <class L>
Plane<L> derive_plane(const Network& net, const L& logic, Scenario<L> scenario) {
  Plane<L> p;
  static_cast<FaultEffects<L>&>(p) = std::move(scenario.faults);
  static_cast<Choices<L>&>(p) = std::move(scenario.choices);
  links::derive(net, logic, p);
  detectors::derive(net, logic, p);
  mclag::derive_domains(net, logic, p);
  mclag::derive_choices(net, logic, p);
  lag::derive(net, logic, p);
  return p;
}

}  // namespace faultline::models
