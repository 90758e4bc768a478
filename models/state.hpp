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

// The plane of `scenario` from `ref`, the plane of another scenario of the same network: the
// same rules, applied again only where an input differs (proofs/SOUNDNESS.md §11) — the links
// whose own fault, an end's fault or a port's fault differs; every domain, choice, MC-LAG
// client member and bundle.  Equal to derive_plane(net, logic, scenario).
inline Plane<ExplicitLogic> derive_plane_from(const Network& net, const Plane<ExplicitLogic>& ref,
                                              Scenario<ExplicitLogic> scenario) {
  ExplicitLogic logic;
  Plane<ExplicitLogic> p = ref;
  static_cast<FaultEffects<ExplicitLogic>&>(p) = std::move(scenario.faults);
  static_cast<Choices<ExplicitLogic>&>(p) = std::move(scenario.choices);
  thread_local std::vector<char> mark;
  thread_local std::vector<LinkId> changed;
  mark.assign(net.links.size(), 0);
  changed.clear();
  auto touch = [&](LinkId l) {
    if (l >= net.links.size() || mark[l]) return;
    mark[l] = 1;
    changed.push_back(l);
  };
  for (LinkId l = 0; l < net.links.size(); ++l)
    if (p.link_down[l] != ref.link_down[l]) touch(l);
  for (DeviceId d = 0; d < net.devices.size(); ++d)
    if (p.device_down[d] != ref.device_down[d] ||
        p.device_blackholed[d] != ref.device_blackholed[d])
      for (PortId q : net.devices[d].ports) touch(net.ports[q].link);
  for (PortId q = 0; q < net.ports.size(); ++q)
    if (p.port_blackholed[q] != ref.port_blackholed[q]) touch(net.ports[q].link);
  for (const Tunnel& t : net.tunnels) touch(t.link);  // their belief reads the tunnel choices
  links::rederive(net, p, changed);
  detectors::rederive(net, p, changed);
  mclag::rederive(net, logic, p);
  lag::rederive(net, logic, p, changed);
  return p;
}

}  // namespace faultline::models
