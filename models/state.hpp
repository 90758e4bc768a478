// Derives a whole Plane from its inputs by running the behaviour rules in order.
#pragma once
#include "models/detectors.hpp"
#include "models/lag.hpp"
#include "models/links.hpp"
#include "models/mclag.hpp"
#include "models/plane.hpp"

namespace faultline::models {

template <class L>
void derive_plane(const Network& net, const L& logic, Plane<L>& p) {
  links::derive(net, logic, p);
  detectors::derive(net, logic, p);
  mclag::derive_domains(net, logic, p);
  mclag::derive_choices(net, logic, p);
  lag::derive(net, logic, p);
}

}  // namespace faultline::models
