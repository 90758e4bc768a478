// The fault universe (DESIGN.md §4): one event per element, chosen by the faults block.
#pragma once
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "models/logic.hpp"
#include "models/network.hpp"
#include "models/plane.hpp"

namespace faultline::models {

// mtu: an element's MTU becomes the event's (DESIGN.md §9); nothing else changes.
enum class FaultAction { down, blackhole, restart, mtu };

// One line of the faults block, after checking.
struct FaultClass {
  enum class Kind {
    down_device,
    down_link,
    down_session,  // DESIGN.md §8: one event per BGP session
    blackhole_devices,
    blackhole_port,
    restart_devices,  // `restart KIND partial` (DESIGN.md §8)
    mtu_link,         // `mtu link N` (DESIGN.md §9): one event per link
    mtu_tunnel,       // `mtu tunnel N`: one event per tunnel
    down_tunnel,      // `down tunnel`: one event per tunnel
    common
  };
  Kind kind;
  // blackhole_devices, restart_devices: nullopt = every router, switch and firewall
  std::optional<DeviceKind> device_kind;
  std::string attr;                        // common
  FaultAction action = FaultAction::down;  // common
  SourceLoc loc;                           // the word in the faults block
  std::optional<double> probability = {};  // `p = …` on its line: of each event it adds
  std::string mtu = {};                    // mtu_link: the MTU as written
};

struct FaultEvent {
  std::string name;  // canonical, e.g. "down ca1:et-0/0/0--ca2:et-0/0/0"
  FaultAction action;
  std::vector<DeviceId> devices;  // devices it downs, black-holes or restarts (by `action`)
  std::vector<LinkId> links;      // links it downs (down link, common … down)
  std::vector<PortId> ports;      // ports it black-holes (blackhole port, common … blackhole)
  SourceLoc loc;                  // the declaration of the element it fails
  SourceLoc cause;                // the faults line that put it in the universe
  std::string origin = {};        // that line's words, e.g. "blackhole switch"
  std::optional<double> probability = {};  // from the class that first added it
  std::vector<std::size_t> sessions = {};  // BGP sessions it downs (down session, DESIGN.md §8)
  // DESIGN.md §9: the links whose MTU it sets, and to what.
  std::vector<LinkId> mtu_links = {};
  std::uint32_t mtu = 0;
};

// "down device", "blackhole switch", "common os blackhole", …
std::string describe(const FaultClass& c);

// Every event of the design, deduplicated by name, in the order the faults block builds them.
std::vector<FaultEvent> build_universe(const Network& net, const std::vector<FaultClass>& classes);

// The events that may take part in a requirement (DESIGN.md §4, §7): for `reach`, an event that
// on its own downs or black-holes the source, or every origin of the destination, is left out
// (a dead source is not a redundancy failure).  An mtu event is only in the universe of a
// `reach … size` (it changes nothing else).
std::vector<std::size_t> requirement_universe(const Network& net,
                                              const std::vector<FaultEvent>& events,
                                              const Requirement& req);

// match:  events E_1 … E_n with occurrence terms o_1 … o_n
// result: down(x) = ∨ {o_i : E_i downs x}, likewise black-holed devices and ports and down links
// The one text of what events do: explicit with the events of one set (o_i = true), symbolic
// with one literal per event of a requirement's universe.
template <class L>
FaultEffects<L> fault_effects(const Network& net, const L& logic,
                              const std::vector<FaultEvent>& events,
                              const std::vector<std::size_t>& which,
                              const std::vector<typename L::Bool>& occurs) {
  using B = typename L::Bool;
  // (element, occurrence) pairs per kind of effect, then one disjunction per element in event
  // order: no per-element list, so that a small explicit set costs little on a large network.
  std::vector<std::pair<std::size_t, B>> down, bh, link_down, port_bh, restart, session_down;
  struct MtuEvent {
    LinkId link;
    std::uint32_t mtu;
    B occurs;
  };
  std::vector<MtuEvent> mtu;
  for (std::size_t i = 0; i < which.size(); ++i) {
    const FaultEvent& e = events[which[i]];
    for (DeviceId d : e.devices)
      (e.action == FaultAction::down        ? down
       : e.action == FaultAction::blackhole ? bh
                                            : restart)
          .push_back({d, occurs[i]});
    for (LinkId l : e.links) link_down.push_back({l, occurs[i]});
    for (PortId q : e.ports) port_bh.push_back({q, occurs[i]});
    for (std::size_t q : e.sessions) session_down.push_back({q, occurs[i]});
    for (LinkId l : e.mtu_links) mtu.push_back({l, e.mtu, occurs[i]});
  }
  auto per_element = [&](std::size_t n, std::vector<std::pair<std::size_t, B>>& pairs) {
    std::stable_sort(pairs.begin(), pairs.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<B> out(n, logic.constant(false));
    ShortList<B> run;
    for (std::size_t k = 0; k < pairs.size();) {
      run.clear();
      std::size_t element = pairs[k].first;
      for (; k < pairs.size() && pairs[k].first == element; ++k) run.push_back(pairs[k].second);
      out[element] = logic.any(run);
    }
    return out;
  };
  FaultEffects<L> out{per_element(net.devices.size(), down),
                      per_element(net.devices.size(), bh),
                      per_element(net.links.size(), link_down),
                      per_element(net.ports.size(), port_bh),
                      per_element(net.devices.size(), restart),
                      per_element(net.bgp_sessions.size(), session_down),
                      {}};
  // match:  mtu events E_1 … E_n on link l, their MTUs ascending, occurrence terms o_1 … o_n
  // result: mtu(l) = o_1 ? m_1 : o_2 ? m_2 : … : configured(l) — the smallest MTU of the events
  //         that occur, else the configured one.  No mtu event: link_mtu stays empty (every
  //         link as configured).
  if (!mtu.empty()) {
    std::stable_sort(mtu.begin(), mtu.end(), [](const MtuEvent& a, const MtuEvent& b) {
      return a.link != b.link ? a.link < b.link : a.mtu < b.mtu;
    });
    for (LinkId l = 0; l < net.links.size(); ++l)
      out.link_mtu.push_back(logic.number(net.links[l].mtu));
    for (std::size_t k = mtu.size(); k-- > 0;)
      out.link_mtu[mtu[k].link] =
          logic.pick(mtu[k].occurs, logic.number(mtu[k].mtu), out.link_mtu[mtu[k].link]);
  }
  return out;
}

// The explicit effect of a set of events.
using FaultState = FaultEffects<ExplicitLogic>;
FaultState apply_events(const Network& net, const std::vector<const FaultEvent*>& events);
// The same for the events `chosen` (indices into `events`).
FaultState apply_events(const Network& net, const std::vector<FaultEvent>& events,
                        const std::vector<std::size_t>& chosen);

}  // namespace faultline::models
