#include "models/requirements.hpp"

#include <algorithm>

#include "models/mclag.hpp"
#include "models/state.hpp"

namespace faultline::models {

namespace {

// The devices a requirement judges under a fault state: reach's two endpoints, or the listed
// devices that the fault set neither downs nor black-holes (connected is judged over survivors).
std::vector<DeviceId> survivors(const Requirement& req, const FaultState& f) {
  if (req.kind == Requirement::Kind::reach) return {req.from, req.to};
  std::vector<DeviceId> out;
  for (DeviceId d : req.devices)
    if (!f.device_down[d] && !f.device_blackholed[d]) out.push_back(d);
  return out;
}

std::optional<Witness> judge(const Network& net, const Requirement& req,
                             const std::vector<DeviceId>& alive, const ExplicitPlane& p) {
  auto judge_pair_set = [&](DeviceId dest,
                            const std::vector<DeviceId>& sources) -> std::optional<Witness> {
    auto dist = distances(net, p, dest);
    auto good = delivers_all(net, p, dist, dest);
    for (DeviceId src : sources) {
      if (src == dest || good[src]) continue;
      return Witness{src, dest, p, dropped_walk(net, p, dist, good, src, dest)};
    }
    return std::nullopt;
  };
  if (req.kind == Requirement::Kind::reach) return judge_pair_set(req.to, {req.from});
  for (DeviceId dest : alive)
    if (auto w = judge_pair_set(dest, alive)) return w;
  return std::nullopt;
}

}  // namespace

ExplicitPlane make_plane(const Network& net, const FaultState& faults,
                         const std::vector<char>& keeps_peer0) {
  ExplicitPlane p;
  p.device_down = faults.device_down;
  p.device_blackholed = faults.device_blackholed;
  p.link_down = faults.link_down;
  p.port_blackholed = faults.port_blackholed;
  p.keeps_peer0 = keeps_peer0;
  derive_plane(net, ExplicitLogic{}, p);
  return p;
}

bool takes_part(const Network& net, const Requirement& req, DeviceId d) {
  if (net.devices[d].transit()) return true;
  if (req.kind == Requirement::Kind::reach) return req.is_endpoint(d);
  return std::find(req.devices.begin(), req.devices.end(), d) != req.devices.end();
}

namespace {
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
}  // namespace

std::vector<LagId> free_choices(const Network& net, const Requirement& req,
                                const FaultState& faults) {
  return free_choices_in(net, req, make_plane(net, faults, std::vector<char>(net.lags.size(), 1)));
}

std::optional<Witness> find_violation_with(const Network& net, const Requirement& req,
                                           const FaultState& faults,
                                           const std::vector<char>& keeps_peer0) {
  std::vector<DeviceId> alive = survivors(req, faults);
  if (alive.size() < 2) return std::nullopt;
  ExplicitPlane p = make_plane(net, faults, keeps_peer0);
  for (LagId g = 0; g < net.lags.size(); ++g)
    if (!p.choice_allowed[g]) return std::nullopt;
  return judge(net, req, alive, p);
}

std::optional<Witness> find_violation(const Network& net, const Requirement& req,
                                      const FaultState& faults) {
  if (survivors(req, faults).size() < 2) return std::nullopt;
  // Forced choices: keep a peer that still has a believed-up member (peer[0] when both or none
  // have one); then every combination of the free ones, peer[0] first.
  std::vector<char> keeps(net.lags.size(), 1);
  ExplicitPlane base = make_plane(net, faults, keeps);
  for (LagId g = 0; g < net.lags.size(); ++g) keeps[g] = base.choice_allowed[g] ? 1 : 0;
  std::vector<LagId> free = free_choices_in(net, req, base);
  // Every choice may stay peer[0]: the base plane is the plane of the first combination.
  std::uint64_t first = 0;
  if (std::all_of(keeps.begin(), keeps.end(), [](char k) { return k == 1; })) {
    if (auto w = judge(net, req, survivors(req, faults), base)) return w;
    first = 1;
  }
  for (std::uint64_t mask = first; mask < (std::uint64_t{1} << free.size()); ++mask) {
    for (std::size_t i = 0; i < free.size(); ++i) keeps[free[i]] = ((mask >> i) & 1) ? 0 : 1;
    if (auto w = find_violation_with(net, req, faults, keeps)) return w;
  }
  return std::nullopt;
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

z3::expr encode_violation(z3::context& ctx, const Network& net,
                          const std::vector<FaultEvent>& events, const Requirement& req,
                          const SymbolicFaults& faults, const std::string& tag,
                          std::vector<z3::expr>* keeps_peer0, bool smtlib) {
  SmtLogic logic{ctx, smtlib};
  SmtPlane p;
  // The inputs: an element fails iff some event of the universe that fails it is chosen.
  std::vector<std::vector<z3::expr>> down(net.devices.size()), bh(net.devices.size()),
      link_down(net.links.size()), port_bh(net.ports.size());
  for (std::size_t i = 0; i < faults.events.size(); ++i) {
    const FaultEvent& e = events[faults.events[i]];
    for (DeviceId d : e.devices)
      (e.action == FaultAction::down ? down : bh)[d].push_back(faults.literals[i]);
    for (LinkId l : e.links) link_down[l].push_back(faults.literals[i]);
    for (PortId q : e.ports) port_bh[q].push_back(faults.literals[i]);
  }
  for (auto& v : down) p.device_down.push_back(logic.any(v));
  for (auto& v : bh) p.device_blackholed.push_back(logic.any(v));
  for (auto& v : link_down) p.link_down.push_back(logic.any(v));
  for (auto& v : port_bh) p.port_blackholed.push_back(logic.any(v));
  for (LagId g = 0; g < net.lags.size(); ++g)
    p.keeps_peer0.push_back(
        net.lags[g].mclag ? ctx.bool_const(("keeps_peer0[" + net.lag_name(g) + "]" + tag).c_str())
                          : ctx.bool_val(true));
  derive_plane(net, logic, p);
  if (keeps_peer0) *keeps_peer0 = p.keeps_peer0;

  std::vector<z3::expr> facts;
  for (const auto& allowed : p.choice_allowed) facts.push_back(allowed);
  std::vector<z3::expr> is_source, is_dest;
  if (req.kind == Requirement::Kind::reach) {
    for (DeviceId u = 0; u < net.devices.size(); ++u) {
      is_source.push_back(ctx.bool_val(u == req.from));
      is_dest.push_back(ctx.bool_val(u == req.to));
    }
  } else {
    // One surviving listed source and one surviving listed destination, chosen by the solver.
    std::vector<char> listed(net.devices.size(), 0);
    for (DeviceId d : req.devices) listed[d] = 1;
    z3::expr_vector sources(ctx), dests(ctx);
    for (DeviceId u = 0; u < net.devices.size(); ++u) {
      if (!listed[u]) {
        is_source.push_back(ctx.bool_val(false));
        is_dest.push_back(ctx.bool_val(false));
        continue;
      }
      const std::string& name = net.devices[u].name;
      is_source.push_back(ctx.bool_const(("source[" + name + "]" + tag).c_str()));
      is_dest.push_back(ctx.bool_const(("dest[" + name + "]" + tag).c_str()));
      z3::expr survives = !p.device_down[u] && !p.device_blackholed[u];
      facts.push_back(z3::implies(is_source.back(), survives));
      facts.push_back(z3::implies(is_dest.back(), survives));
      sources.push_back(is_source.back());
      dests.push_back(is_dest.back());
    }
    facts.push_back(logic.exactly_one(sources));
    facts.push_back(logic.exactly_one(dests));
  }
  facts.push_back(encode_dropped_walk(net, logic, p, is_source, is_dest, tag));
  z3::expr_vector all(ctx);
  for (auto& f : facts) all.push_back(f);
  return z3::mk_and(all);
}

}  // namespace faultline::models
