// Route candidates and the one selection rule (DESIGN.md §7, Selection).  Every route producer
// (connected, IGP; later static and BGP) yields candidates per device and destination; this
// rule alone turns them into what the device does with a flow: deliver it, discard it, or
// forward it over the united next hops of the selected routes.  Walks, the hot-event support
// and every requirement consume only the result.  One template, two readings.
#pragma once
#include <algorithm>
#include <cstddef>
#include <span>
#include <tuple>
#include <vector>

#include "models/logic.hpp"

namespace faultline::models {

// The producers, in the order that breaks ties between equal administrative distances.
enum class RouteSource { connected, static_route, ebgp, igp, ibgp };
const char* source_name(RouteSource s);
// Administrative distances of DESIGN.md §7: Cisco-like defaults, or `preferences = junos`.
unsigned default_distance(RouteSource s, bool junos);

template <class L>
struct RouteCandidate {
  using B = typename L::Bool;
  enum class Action { deliver, discard, forward };
  RouteSource source;
  unsigned specificity;  // of the route's range (longest prefix first; models::Prefix)
  unsigned distance;     // administrative distance
  Action action;
  B installed;                    // the route exists in this scenario
  std::span<const B> next_hop;    // forward: per logical link of the device (the producer's)
  // forward: 0 when the far end looks the flow up; k ≥ 1 when switches carry it towards the
  // L2 segment target of slot k (a static next hop behind switches, DESIGN.md §7).
  std::size_t slot = 0;
};

// Next hops over which switches carry the flow towards the target of an L2 segment slot.
template <class L>
struct CarriedHops {
  std::size_t slot;
  ShortList<typename L::Bool> next_hop;  // per logical link of the device
};

template <class L>
struct Selected {
  using B = typename L::Bool;
  B delivers, discards, no_route;
  ShortList<B> next_hop;  // per logical link of the device (empty: none); the far end looks up
  ShortList<CarriedHops<L>, 1> carried;  // the far end carries towards a segment target
};

template <class L>
using Candidates = ShortList<RouteCandidate<L>>;

// What a device with no route does: nothing delivered or discarded, no next hop (a device
// outside a slice, a carried frame on a device that does not carry it).
template <class L>
Selected<L> no_route(const L& logic, std::size_t links) {
  Selected<L> s{logic.constant(false), logic.constant(false), logic.constant(true), {}, {}};
  s.next_hop.assign(links, logic.constant(false));
  return s;
}

// match:  candidates r with static keys (specificity, distance, source) and installed(r)
// result: the selected routes are the installed ones of the first key, in the order longest
//         prefix, lowest distance, first source, that has any; equal keys unite their next hops
//         (ECMP).  delivers / discards: a selected route says so; no_route: none is installed.
// The explicit reading's selected candidates, by index (explanations name the route a hop
// used): the installed candidates of the first key, in select_routes' order, that has any.
inline std::vector<std::size_t> selected_candidates(const Candidates<ExplicitLogic>& candidates) {
  using Key = std::tuple<long, unsigned, int>;
  auto key = [&](std::size_t i) {
    const auto& c = candidates[i];
    return Key{-static_cast<long>(c.specificity), c.distance, static_cast<int>(c.source)};
  };
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (!candidates[i].installed) continue;
    if (!out.empty() && key(i) > key(out[0])) continue;
    if (!out.empty() && key(i) < key(out[0])) out.clear();
    out.push_back(i);
  }
  return out;
}

template <class L>
Selected<L> select_routes(const L& logic, const Candidates<L>& candidates, std::size_t links) {
  using B = typename L::Bool;
  using Action = typename RouteCandidate<L>::Action;
  if (candidates.size() == 1 && candidates[0].slot == 0) {
    // the rule for one candidate: it is selected iff installed
    const auto& c = candidates[0];
    Selected<L> s{c.action == Action::deliver ? c.installed : logic.constant(false),
                  c.action == Action::discard ? c.installed : logic.constant(false),
                  !c.installed,
                  {},
                  {}};
    s.next_hop.reserve(links);
    for (std::size_t l = 0; l < links; ++l)
      s.next_hop.push_back(c.action != Action::forward || logic.is_false(c.next_hop[l])
                               ? logic.constant(false)
                               : c.installed && c.next_hop[l]);
    return s;
  }
  using Key = std::tuple<long, unsigned, int>;
  ShortList<Key> keys;
  ShortList<std::size_t> order;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const auto& c = candidates[i];
    keys.push_back({-static_cast<long>(c.specificity), c.distance, static_cast<int>(c.source)});
    order.push_back(i);
  }
  auto key = [&](std::size_t i) -> const Key& { return keys[i]; };
  if (order.size() > 1)
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
  Selected<L> s{logic.constant(false), logic.constant(false), logic.constant(true), {}, {}};
  ShortList<B> chosen(candidates.size(), logic.constant(false));  // among the selected routes
  ShortList<B> installed_before;  // every installed candidate of an earlier key
  for (std::size_t g = 0; g < order.size();) {
    std::size_t end = g;
    ShortList<B> in_group;
    while (end < order.size() && key(order[end]) == key(order[g]))
      in_group.push_back(candidates[order[end++]].installed);
    B group = logic.any(in_group);
    B selected = installed_before.empty() ? group : group && !logic.any(installed_before);
    for (std::size_t k = g; k < end; ++k)
      chosen[order[k]] = end - g == 1 ? selected : selected && candidates[order[k]].installed;
    for (B& b : in_group) installed_before.push_back(b);
    g = end;
  }
  ShortList<B> delivers, discards;
  ShortList<std::size_t> slots;  // the slots the forwarding candidates land in, 0 first
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const auto& c = candidates[i];
    if (c.action == Action::deliver) delivers.push_back(chosen[i]);
    if (c.action == Action::discard) discards.push_back(chosen[i]);
    if (c.action == Action::forward && std::find(slots.begin(), slots.end(), c.slot) == slots.end())
      slots.push_back(c.slot);
  }
  std::sort(slots.begin(), slots.end());
  s.delivers = logic.any(delivers);
  s.discards = logic.any(discards);
  s.no_route = !logic.any(installed_before);
  // The chosen forwarding candidates' next hops, united per logical link, per landing slot.
  auto united = [&](std::size_t slot, ShortList<B>& out) {
    ShortList<B> via;
    out.reserve(links);
    for (std::size_t l = 0; l < links; ++l) {
      via.clear();
      for (std::size_t i = 0; i < candidates.size(); ++i) {
        const auto& c = candidates[i];
        if (c.action == Action::forward && c.slot == slot && !logic.is_false(c.next_hop[l]))
          via.push_back(chosen[i] && c.next_hop[l]);
      }
      out.push_back(logic.any(via));
    }
  };
  for (std::size_t slot : slots) {
    if (slot == 0) {
      united(0, s.next_hop);
    } else {
      s.carried.push_back({slot, {}});
      united(slot, s.carried.back().next_hop);
    }
  }
  if (s.next_hop.empty()) s.next_hop.assign(links, logic.constant(false));
  return s;
}

}  // namespace faultline::models
