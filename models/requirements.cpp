#include "models/requirements.hpp"

#include <algorithm>
#include <stdexcept>

#include "models/bgp.hpp"
#include "models/mclag.hpp"
#include "models/sessions.hpp"
#include "models/state.hpp"
#include "models/tunnels.hpp"

namespace faultline::models {

namespace {

// The devices `connected` judges under a fault state: the listed devices that the fault set
// neither downs nor black-holes (it is judged over the survivors).
std::vector<DeviceId> survivors(const Requirement& req, const FaultState& f) {
  std::vector<DeviceId> out;
  for (DeviceId d : req.devices)
    if (!f.device_down[d] && !f.device_blackholed[d]) out.push_back(d);
  return out;
}

// The devices of `list` marked, per device.
std::vector<char> marks(const Network& net, const std::vector<DeviceId>& list) {
  std::vector<char> out(net.devices.size(), 0);
  for (DeviceId d : list) out[d] = 1;
  return out;
}

}  // namespace

// Judges a one-flow requirement in one scenario (DESIGN.md §7, §9): reach — some walk dies, or
// with `size` some delivered walk loses its packets, or with `via` some delivered walk passes no
// waypoint, or with `avoid` some walk passes an avoided
// device; isolate — some walk is delivered.  Checked in that order.
std::optional<Witness> judge_flow(const Network& net, const Requirement& req,
                                  const ExplicitPlane& p, const RouteTable& t) {
  const DeviceId src = req.from;
  const std::vector<char> none(t.nodes(), 0);
  auto witness = [&](const std::vector<char>& target, const std::vector<char>& barrier,
                     DropReason why) -> std::optional<Witness> {
    if (!reaches_some(net, p, t, target, barrier)[src]) return std::nullopt;
    return Witness{src, req.to, p, {walk_to(net, p, t, target, barrier, src), why, {}}};
  };
  if (req.kind == Requirement::Kind::isolate)
    return witness(delivering(net, p, t), none, DropReason::delivered);
  auto good = delivers_all(net, p, t, src);
  if (!good[src]) return Witness{src, req.to, p, dropped_walk(net, p, t, good, src)};
  if (req.size)
    if (auto w = too_big_walk(net, p, t, src, *req.size)) return Witness{src, req.to, p, *w};
  if (!req.via.empty())
    if (auto w = witness(delivering(net, p, t), at_every_slot(t, marks(net, req.via)),
                         DropReason::missed_waypoints))
      return w;
  if (!req.avoid.empty())
    if (auto w = witness(at_every_slot(t, marks(net, req.avoid)), none, DropReason::passed_avoided))
      return w;
  return std::nullopt;
}

namespace {

// Judges `req` in one scenario: the first source, in order, some walk of which dies; with `bgp`,
// the scenario's BGP routes compete in every lookup.
std::optional<Witness> judge_walks(const Network& net, const Requirement& req,
                                   const std::vector<DeviceId>& alive, const ExplicitPlane& p,
                                   LeastCost* cache, const BgpRoutes* bgp) {
  auto judge_sources = [&](PrefixId dest,
                           const std::vector<DeviceId>& sources) -> std::optional<Witness> {
    RouteTable t = route_table(net, p, dest, cache, bgp);
    auto good = sources.size() == 1 ? delivers_all(net, p, t, sources[0]) : delivers_all(net, p, t);
    for (DeviceId src : sources) {
      if (t.origin[src] || good[src]) continue;
      return Witness{src, dest, p, dropped_walk(net, p, t, good, src)};
    }
    return std::nullopt;
  };
  if (req.one_flow()) return judge_flow(net, req, p, route_table(net, p, req.to, cache, bgp));
  for (DeviceId dest : alive)
    if (auto w = judge_sources(net.host_prefix(dest), alive)) return w;
  return std::nullopt;
}

// The prefixes BGP carries that cover a destination `req` judges (DESIGN.md §8 Forwarding).
std::vector<PrefixId> bgp_prefixes(const Network& net, const Requirement& req,
                                   const std::vector<DeviceId>& alive) {
  std::vector<PrefixId> dests;
  if (req.one_flow())
    dests.push_back(req.to);
  else
    for (DeviceId d : alive) dests.push_back(net.host_prefix(d));
  std::vector<PrefixId> out;
  for (PrefixId dest : dests)
    for (PrefixId q : net.covering(dest))
      if (std::find(out.begin(), out.end(), q) == out.end() && bgp::carried(net, q))
        out.push_back(q);
  std::sort(out.begin(), out.end());
  return out;
}

// Judges `req` in one scenario: a BGP requirement by what BGP sends and accepts; a walk
// requirement by its walks, under every BGP session choice when the design has BGP (a prefix
// whose rounds do not settle violates it: DESIGN.md §8 Convergence).
std::optional<Witness> judge(const Network& net, const Requirement& req,
                             const std::vector<DeviceId>& alive, const ExplicitPlane& p,
                             LeastCost* cache = nullptr,
                             const std::vector<char>* bgp_choices = nullptr) {
  std::optional<LeastCost> own;
  if (req.about_bgp() || net.has_bgp())
    if (!cache) cache = &own.emplace(net, p);
  if (req.about_bgp()) {
    std::optional<bgp::Finding> f = bgp::judge(net, req, p, *cache, bgp_choices);
    if (!f) return std::nullopt;
    return Witness{req.from, req.to, p, {{}, DropReason::delivered, {}}, std::move(f)};
  }
  if (!net.has_bgp()) return judge_walks(net, req, alive, p, cache, nullptr);
  const std::vector<PrefixId> carried = bgp_prefixes(net, req, alive);
  std::optional<Witness> found;
  bgp::for_each_routes(
      net, p, *cache, carried,
      [&](const BgpRoutes* routes, PrefixId diverged, const bgp::Outcome* o) {
        if (o) {
          bgp::Finding f;
          f.prefix = diverged;
          f.converged = false;
          f.cycle = o->cycle;
          f.session_up = routes->session_up;
          found = Witness{req.one_flow() ? req.from : alive.front(),
                          req.one_flow() ? req.to : diverged,
                          p,
                          {{}, DropReason::delivered, {}},
                          std::move(f)};
          return true;
        }
        found = judge_walks(net, req, alive, p, cache, routes);
        if (found) found->routes = *routes;
        return found.has_value();
      },
      bgp_choices);
  return found;
}

// free_choices from the plane under `faults` with every choice peer[0] (split brain and belief
// do not depend on the choices).
std::vector<LagId> free_choices_in(const Network& net, const Requirement& req,
                                   const ExplicitPlane& base) {
  std::vector<LagId> free;
  for (LagId g = 0; g < net.lags.size(); ++g) {
    if (!net.lags[g].mclag || !base.split_brain[*net.lags[g].mclag]) continue;
    if (!takes_part(net, req, net.lags[g].device)) continue;
    const McLagDomain& dom = net.domains[*net.lags[g].mclag];
    bool both = true;
    for (DeviceId peer : dom.peer) {
      bool any = false;
      for (LinkId m : mclag::members_towards(net, g, peer)) any = any || base.believed_up[m];
      both = both && any;
    }
    if (both) free.push_back(g);
  }
  return free;
}

// The sessions whose choice can matter to `req`: of static routes that may apply to its
// destination, on devices that take part (no walk ever looks anything up at any other) and
// are no origin of a one-flow destination: a static that applies contains the destination, so
// at an origin the connected route wins (as long or longer, distance 0) and the static is never
// selected — on a fabric whose hosts all run BFD towards their gateways, the target host's
// sessions would otherwise be judged, and chosen, in every state.
std::vector<std::size_t> sessions_in_play(const Network& net, const Requirement& req) {
  std::vector<std::size_t> out;
  for (std::size_t i :
       sessions_towards(net, req.one_flow() ? std::optional<PrefixId>(req.to) : std::nullopt)) {
    const DeviceId d = net.sessions[i].device;
    if (takes_part(net, req, d) && !(req.one_flow() && net.is_origin(req.to, d))) out.push_back(i);
  }
  return out;
}

// Calls `visit` with `p` under every choice of the BFD sessions over L2 segments it allows:
// a session that may only be up or only be down is so; among the sessions in play, one that
// may be either takes both, up first.  Returns what the last visit returned.
bool visit_sessions(const Network& net, const Requirement& req, ExplicitPlane p,
                    const ScenarioVisit& visit, ReferenceCosts* ref = nullptr) {
  LeastCost cache(net, p, ref);  // shared by every combination: the choices change no distance
  if (net.sessions.empty()) return visit(p, cache);
  const std::vector<std::size_t> in_play = sessions_in_play(net, req);
  const std::vector<SessionOptions> options = session_options(net, p, &in_play, &cache);
  p.session_up.assign(net.sessions.size(), 1);  // a session out of play changes nothing
  std::vector<std::size_t> free;
  for (std::size_t i : in_play) {
    p.session_up[i] = options[i].can_up ? 1 : 0;
    if (options[i].can_up && options[i].can_down) free.push_back(i);
  }
  for (std::uint64_t mask = 0; mask < (std::uint64_t{1} << free.size()); ++mask) {
    for (std::size_t j = 0; j < free.size(); ++j) p.session_up[free[j]] = ((mask >> j) & 1) ? 0 : 1;
    if (visit(p, cache)) return true;
  }
  return false;
}

}  // namespace

ExplicitPlane make_plane(const Network& net, ExplicitScenario scenario) {
  return derive_plane(net, ExplicitLogic{}, std::move(scenario));
}

ExplicitPlane make_plane(const Network& net, const FaultState& faults,
                         const std::vector<char>& keeps_peer0, const ReferenceCosts* ref) {
  ExplicitScenario scenario{faults, {keeps_peer0, {}}};
  if (ref) return derive_plane_from(net, ref->plane(), std::move(scenario));
  return make_plane(net, std::move(scenario));
}

bool takes_part(const Network& net, const Requirement& req, DeviceId d) {
  if (net.devices[d].transit() || req.about_bgp()) return true;
  if (req.one_flow()) return net.is_endpoint(req, d);
  return std::find(req.devices.begin(), req.devices.end(), d) != req.devices.end();
}

std::vector<LagId> free_choices(const Network& net, const Requirement& req,
                                const FaultState& faults, const ReferenceCosts* ref) {
  return free_choices_in(net, req,
                         make_plane(net, faults, std::vector<char>(net.lags.size(), 1), ref));
}

void for_each_scenario(const Network& net, const Requirement& req, const FaultState& faults,
                       const ScenarioVisit& visit, ReferenceCosts* ref) {
  // Forced choices: keep a peer that still has a believed-up member (peer[0] when both or none
  // have one); then every combination of the free ones, peer[0] first.
  std::vector<char> keeps(net.lags.size(), 1);
  ExplicitPlane base = make_plane(net, faults, keeps, ref);
  for (LagId g = 0; g < net.lags.size(); ++g) keeps[g] = base.choice_allowed[g] ? 1 : 0;
  std::vector<LagId> free = free_choices_in(net, req, base);
  // Every choice may stay peer[0]: the base plane is the plane of the first combination.
  // Each plane leaves the tunnels out (the underlay's); tunnels::visit adds their choices.
  auto with_tunnels = [&](const ExplicitPlane& p) {
    return tunnels::visit(
        net, p, [&](const ExplicitPlane& q) { return visit_sessions(net, req, q, visit, ref); },
        ref);
  };
  std::uint64_t first = 0;
  if (std::all_of(keeps.begin(), keeps.end(), [](char k) { return k == 1; })) {
    if (with_tunnels(base)) return;
    first = 1;
  }
  for (std::uint64_t mask = first; mask < (std::uint64_t{1} << free.size()); ++mask) {
    for (std::size_t i = 0; i < free.size(); ++i) keeps[free[i]] = ((mask >> i) & 1) ? 0 : 1;
    ExplicitPlane p = make_plane(net, faults, keeps, ref);
    if (std::all_of(p.choice_allowed.begin(), p.choice_allowed.end(), [](char a) { return a; }) &&
        with_tunnels(p))
      return;
  }
}

std::optional<Witness> find_violation_with(const Network& net, const Requirement& req,
                                           const FaultState& faults,
                                           const std::vector<char>& choices) {
  std::vector<DeviceId> alive = survivors(req, faults);
  if (req.kind == Requirement::Kind::connected && alive.size() < 2) return std::nullopt;
  const std::size_t lags = net.lags.size();
  ExplicitPlane p = make_plane(
      net, faults,
      std::vector<char>(choices.begin(), choices.begin() + std::min(lags, choices.size())));
  for (LagId g = 0; g < lags; ++g)
    if (!p.choice_allowed[g]) return std::nullopt;
  if (!net.tunnels.empty() || choices.size() < lags + net.sessions.size()) {
    // The sessions' choices are not given, or the design has tunnels (whose choices the
    // replay tries all of: DESIGN.md §9, no BGP beside them).
    std::optional<Witness> found;
    tunnels::visit(net, p, [&](const ExplicitPlane& t) {
      return visit_sessions(net, req, t, [&](const ExplicitPlane& q, LeastCost& cache) {
        found = judge(net, req, alive, q, &cache);
        return found.has_value();
      });
    });
    return found;
  }
  p.session_up.assign(choices.begin() + lags, choices.begin() + lags + net.sessions.size());
  const std::vector<std::size_t> in_play = sessions_in_play(net, req);
  const std::vector<SessionOptions> options = session_options(net, p, &in_play);
  for (std::size_t i : in_play)
    if (p.session_up[i] ? !options[i].can_up : !options[i].can_down) return std::nullopt;
  // The BGP sessions' choices, when given after those (from Z3's model).
  const std::size_t bgp_at = lags + net.sessions.size();
  std::optional<std::vector<char>> bgp_choices;
  if (net.has_bgp() && choices.size() >= bgp_at + net.bgp_sessions.size())
    bgp_choices.emplace(choices.begin() + bgp_at,
                        choices.begin() + bgp_at + net.bgp_sessions.size());
  return judge(net, req, alive, p, nullptr, bgp_choices ? &*bgp_choices : nullptr);
}

std::size_t choice_count(const Network& net, const Requirement& req, const FaultState& faults,
                         ReferenceCosts* ref) {
  std::size_t n = free_choices(net, req, faults, ref).size() + sessions_in_play(net, req).size();
  if (!net.tunnels.empty())  // the tunnels' choices in the plane with every choice peer[0]
    n += tunnels::choice_bits(
        net, make_plane(net, faults, std::vector<char>(net.lags.size(), 1), ref), ref);
  if (net.has_bgp()) {  // the BGP sessions' choices in the plane with every choice peer[0]
    ExplicitPlane p = make_plane(net, faults, std::vector<char>(net.lags.size(), 1), ref);
    LeastCost costs(net, p, ref);
    n += bgp::free_sessions(net, p, costs);
  }
  return n;
}

std::optional<Witness> find_violation(const Network& net, const Requirement& req,
                                      const FaultState& faults, ReferenceCosts* ref) {
  std::vector<DeviceId> alive = survivors(req, faults);
  if (req.kind == Requirement::Kind::connected && alive.size() < 2) return std::nullopt;
  std::optional<Witness> found;
  for_each_scenario(
      net, req, faults,
      [&](const ExplicitPlane& p, LeastCost& cache) {
        found = judge(net, req, alive, p, &cache);
        return found.has_value();
      },
      ref);
  return found;
}

SymbolicFaults fault_literals(z3::context& ctx, const std::vector<FaultEvent>& events,
                              const std::vector<std::size_t>& universe) {
  SymbolicFaults faults;
  for (std::size_t i : universe) {
    faults.literals.push_back(ctx.bool_const(("fault[" + events[i].name + "]").c_str()));
    faults.events.push_back(i);
  }
  return faults;
}

Scenario<SmtLogic> symbolic_scenario(const Network& net, const SmtLogic& logic,
                                     const std::vector<FaultEvent>& events,
                                     const SymbolicFaults& faults, const std::string& tag) {
  Scenario<SmtLogic> s{fault_effects(net, logic, events, faults.events, faults.literals), {}};
  for (LagId g = 0; g < net.lags.size(); ++g)
    s.choices.keeps_peer0.push_back(
        net.lags[g].mclag
            ? logic.ctx.bool_const(("keeps_peer0[" + net.lag_name(g) + "]" + tag).c_str())
            : logic.ctx.bool_val(true));
  for (std::size_t i = 0; i < net.sessions.size(); ++i) {
    const SegmentSession& x = net.sessions[i];
    s.choices.session_up.push_back(
        logic.ctx.bool_const(("bfd_up[" + net.devices[x.device].name + "~" +
                              net.devices[x.neighbour].name + "#" + std::to_string(i) + "]" + tag)
                                 .c_str()));
  }
  return s;
}

EncodedViolation encode_violation(const EncodeContext& ec, const Network& net,
                                  const std::vector<FaultEvent>& events, const Requirement& req,
                                  const SymbolicFaults& faults) {
  z3::context& ctx = ec.ctx;
  const std::string& tag = ec.tag;
  SmtLogic logic{ctx, ec.smtlib};
  Scenario<SmtLogic> scenario = symbolic_scenario(net, logic, events, faults, tag);
  // DESIGN.md §9: the underlay's plane leaves every tunnel out; the overlay's takes their
  // choices, bound below by the underlay walks.
  std::optional<SmtPlane> underlay;
  if (!net.tunnels.empty()) {
    underlay.emplace(derive_plane(net, logic, scenario));
    tunnels::symbolic_choices(net, logic, tag, scenario.choices);
  }
  SmtPlane p = derive_plane(net, logic, std::move(scenario));

  std::vector<z3::expr> facts;
  for (const auto& allowed : p.choice_allowed) facts.push_back(allowed);
  if (req.about_bgp()) {
    bgp::EncodedBgp b = bgp::encode(net, logic, p, req, sessions_in_play(net, req), tag, facts);
    facts.push_back(b.violation);
    z3::expr_vector all(ctx);
    for (auto& f : facts) all.push_back(f);
    return {z3::mk_and(all), p.keeps_peer0, p.session_up, std::move(b.session_up), b.settled};
  }
  std::vector<z3::expr> is_source, is_origin;
  PrefixId dest_kind = 0;  // a destination whose specificity every candidate shares
  if (req.one_flow()) {
    dest_kind = req.to;
    for (DeviceId u = 0; u < net.devices.size(); ++u) {
      is_source.push_back(ctx.bool_val(u == req.from));
      is_origin.push_back(ctx.bool_val(net.is_origin(req.to, u)));
    }
  } else {
    // One surviving listed source and one surviving listed destination (its host prefix),
    // chosen by the solver.
    std::vector<char> listed(net.devices.size(), 0);
    for (DeviceId d : req.devices) listed[d] = 1;
    z3::expr_vector sources(ctx), dests(ctx);
    for (DeviceId u = 0; u < net.devices.size(); ++u) {
      if (!listed[u]) {
        is_source.push_back(ctx.bool_val(false));
        is_origin.push_back(ctx.bool_val(false));
        continue;
      }
      const std::string& name = net.devices[u].name;
      is_source.push_back(ctx.bool_const(("source[" + name + "]" + tag).c_str()));
      is_origin.push_back(ctx.bool_const(("dest[" + name + "]" + tag).c_str()));
      z3::expr survives = !p.device_down[u] && !p.device_blackholed[u];
      facts.push_back(z3::implies(is_source.back(), survives));
      facts.push_back(z3::implies(is_origin.back(), survives));
      sources.push_back(is_source.back());
      dests.push_back(is_origin.back());
    }
    facts.push_back(logic.exactly_one(sources));
    facts.push_back(logic.exactly_one(dests));
  }
  // Slice: a host or external that is neither a source nor an origin of the destination or of
  // a prefix covering it is never eligible as a far end, and a walk that arrives at it dies
  // there (moves_at), so it needs no variables (no route, not on the walk).
  std::vector<char> in_slice(net.devices.size(), 0);
  for (DeviceId u = 0; u < net.devices.size(); ++u)
    in_slice[u] = net.devices[u].transit() || !is_source[u].is_false() || !is_origin[u].is_false();
  const std::vector<PrefixId> cover = net.covering(dest_kind);
  for (std::size_t i = 1; i < cover.size(); ++i)
    for (DeviceId o : net.prefixes[cover[i]].origins) in_slice[o] = 1;
  // L2 segments: their distance equations, shared by static routes and BFD sessions, and the
  // sessions' choices constrained to those their walks allow (models/sessions.hpp).
  // Only the sessions in play are constrained, and only the segments they and the static next
  // hops use are encoded.
  const std::vector<std::size_t> in_play = sessions_in_play(net, req);
  std::vector<char> needed(net.carried);
  for (std::size_t i : in_play) {
    needed[net.slot_of(net.sessions[i].neighbour) - 1] = 1;
    needed[net.slot_of(net.sessions[i].device) - 1] = 1;
  }
  const std::vector<igp::Encoded> segments = encode_segments(net, logic, p, tag, facts, &needed);
  if (underlay) tunnels::encode_choices(net, logic, p, *underlay, segments, tag, facts);
  if (!in_play.empty())
    facts.push_back(encode_session_choices(net, logic, p, segments, tag, facts, &in_play));
  // DESIGN.md §8 Forwarding: the prefixes BGP carries that cover the destination, their best
  // routes in the state the unrolled rounds reach (models/bgp_smt.cpp).
  // For `connected` the destination is a listed device's host prefix, which BGP carries when
  // the device speaks it: the explicit judge's set over every listed device (bgp_prefixes),
  // each host prefix's routes applying when its device is the destination.
  std::optional<bgp::EncodedBgpRoutes> bgp_routes;
  if (net.has_bgp()) {
    const std::vector<PrefixId> carried = bgp_prefixes(net, req, req.devices);
    bgp_routes.emplace(bgp::encode_routes(net, logic, p, carried, in_play, tag, facts));
    if (!req.one_flow())
      for (auto& at : bgp_routes->at)
        for (BgpForwarding& b : at)
          if (const auto& host = net.prefixes[b.prefix].host_of)
            b.installed = b.installed && is_origin[*host];
  }
  auto routes = encode_routes(net, logic, p, dest_kind, is_origin, in_slice, segments, tag, facts,
                              bgp_routes ? &bgp_routes->at : nullptr);
  // The walks that violate it (DESIGN.md §7): reach — one dies, or passes no waypoint while
  // delivered, or passes an avoided device; isolate — one is delivered.  A walk passes a
  // device at any of its nodes.
  const std::vector<char> none(routes.nodes(), 0);
  auto every_slot = [&](const std::vector<DeviceId>& list) {
    std::vector<char> m = marks(net, list), out;
    for (std::size_t v = 0; v < routes.nodes(); ++v) out.push_back(m[routes.device(v)]);
    return out;
  };
  z3::expr_vector ways(ctx);
  if (req.kind == Requirement::Kind::isolate) {
    ways.push_back(encode_walk_to(net, logic, p, routes, is_source,
                                  encode_delivering(net, p, routes), none, "isolate_walk", tag));
  } else {
    ways.push_back(encode_dropped_walk(net, logic, p, routes, is_source, tag));
    if (req.size)
      ways.push_back(encode_too_big_walk(net, logic, p, routes, req.from, *req.size, tag));
    if (!req.via.empty())
      ways.push_back(encode_walk_to(net, logic, p, routes, is_source,
                                    encode_delivering(net, p, routes), every_slot(req.via),
                                    "via_walk", tag));
    if (!req.avoid.empty()) {
      std::vector<z3::expr> avoided;
      for (char m : every_slot(req.avoid)) avoided.push_back(ctx.bool_val(m != 0));
      ways.push_back(
          encode_walk_to(net, logic, p, routes, is_source, avoided, none, "avoid_walk", tag));
    }
  }
  // A prefix whose rounds have not settled violates it (DESIGN.md §8 Convergence); such a model
  // is judged by the explicit rounds (verifier/smt_engine.cpp).
  if (bgp_routes) ways.push_back(!bgp_routes->settled);
  facts.push_back(ways.size() == 1 ? ways[0] : z3::mk_or(ways));
  z3::expr_vector all(ctx);
  for (auto& f : facts) all.push_back(f);
  if (!bgp_routes) return {z3::mk_and(all), p.keeps_peer0, p.session_up, {}, std::nullopt};
  return {z3::mk_and(all), p.keeps_peer0, p.session_up, std::move(bgp_routes->session_up),
          bgp_routes->settled};
}

}  // namespace faultline::models
