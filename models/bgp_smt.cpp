// The SMT reading of DESIGN.md §8 for the BGP requirements (no-export, announce): the same rules
// as models/bgp.cpp, stated over a symbolic plane.  The synchronous rounds are unrolled
// (unrolled_rounds); proofs/SOUNDNESS.md §12 argues why comparing two abstract states decides
// convergence and why a fault set whose rounds have not settled by then is judged by the
// explicit rounds instead (verifier/smt_engine.cpp).
#include <algorithm>
#include <array>
#include <functional>
#include <map>
#include <optional>
#include <set>

#include "models/bgp.hpp"
#include "models/lag.hpp"
#include "models/sessions.hpp"

namespace faultline::models::bgp {

namespace {

// A route as the encoding sees it in one round at one device: whether there is one, its
// local-pref, AS-path length, which ASes its path holds (per index of `asns`), whether it was
// learned over iBGP, and which candidate it is (`from`: per candidate of the device).  The
// order of the path never decides anything, so this abstraction is the state (SOUNDNESS §12).
struct Abstract {
  z3::expr has, lp, len, ibgp;
  std::vector<z3::expr> in;
  std::vector<z3::expr> from;
};

// A candidate of device d: a session q whose other end `from` may send it P.
struct Candidate {
  std::size_t session;
  int from_side;
};

class Encoder {
 public:
  Encoder(const Network& net, const SmtLogic& logic, const SmtPlane& p,
          const std::vector<std::size_t>& bfd_in_play, const std::string& tag,
          std::vector<z3::expr>& facts)
      : net_(net),
        logic_(logic),
        c_(logic.ctx),
        p_(p),
        in_play_(bfd_in_play),
        tag_(tag),
        facts_(facts) {
    for (DeviceId d = 0; d < net.devices.size(); ++d)
      if (net.speaks_bgp(d) && net.devices[d].asn) asn_index_.emplace(*net.devices[d].asn, 0);
    std::size_t i = 0;
    for (auto& [asn, index] : asn_index_) index = i++;
    // The peers' names in code-point order: the last tie-break, as a rank.
    std::vector<DeviceId> order(net.devices.size());
    for (DeviceId d = 0; d < order.size(); ++d) order[d] = d;
    std::sort(order.begin(), order.end(),
              [&](DeviceId a, DeviceId b) { return net.devices[a].name < net.devices[b].name; });
    rank_.resize(order.size());
    for (std::size_t r = 0; r < order.size(); ++r) rank_[order[r]] = r;
    for (std::size_t q = 0; q < net_.bgp_sessions.size(); ++q) up_.push_back(session(q));
    candidates_.assign(net_.devices.size(), {});
    for (std::size_t q = 0; q < net_.bgp_sessions.size(); ++q)
      for (int from = 0; from < 2; ++from)
        candidates_[net_.bgp_sessions[q].end[1 - from]].push_back({q, from});
  }

  // Per BGP session: the scenario's choice, constrained to what its walks allow.
  const std::vector<z3::expr>& session_up() const { return up_; }

  // The rounds for `prefix` unrolled `rounds` times, then one more: the state of round
  // `rounds`, and whether the next one equals it.  `round_tag` names the rounds' variables.
  struct Rounds {
    std::vector<Abstract> state;
    z3::expr settled;
  };
  Rounds rounds(PrefixId prefix, std::size_t rounds, const std::string& round_tag) {
    round_tag_ = round_tag;
    igp_prefix_.reset();
    own_.clear();
    for (DeviceId d = 0; d < net_.devices.size(); ++d) own_.push_back(originates(d, prefix));
    std::vector<std::vector<Abstract>> states{initial()};
    for (std::size_t t = 1; t <= rounds + 1; ++t) states.push_back(round(states.back(), t, prefix));
    z3::expr settled = same(states[rounds], states[rounds + 1]);
    return {std::move(states[rounds]), settled};
  }

  // A BGP requirement (no-export, announce) in its prefix's unrolled rounds.
  EncodedBgp requirement(const Requirement& req, std::size_t unrolled) {
    Rounds r = rounds(req.to, unrolled, "");
    return {!r.settled || violated(req, r.state), r.settled, up_};
  }

  // What forwarding takes from the rounds' state (DESIGN.md §8 Forwarding, routing.cpp
  // RouteTable::candidates): at device u, per candidate session, a route installed iff it is
  // u's best — over eBGP along the believed-up links to the peer (or carried through the
  // switches of the session's segment), over iBGP along the IGP's next hops towards the
  // peer's host prefix.
  void forwarding(PrefixId prefix, const std::vector<Abstract>& state,
                  std::vector<std::vector<BgpForwarding>>& out) {
    out.resize(net_.devices.size());
    for (DeviceId u = 0; u < net_.devices.size(); ++u) {
      for (std::size_t k = 0; k < candidates_[u].size(); ++k) {
        const Candidate& cand = candidates_[u][k];
        const BgpSession& s = net_.bgp_sessions[cand.session];
        const DeviceId peer = s.end[cand.from_side];
        const z3::expr& best = state[u].from[k];
        if (best.is_false()) continue;
        BgpForwarding f{prefix, s.ibgp, best, {}, 0};
        if (s.ibgp) {
          const igp::Encoded& way = igp_towards(peer);
          f.installed = best && !way.noroute[u];
          f.next_hop.assign(way.next_hop[u].begin(), way.next_hop[u].end());
        } else if (const std::size_t slot = s.segment[1 - cand.from_side]; slot != 0) {
          const igp::Encoded& seg = segment(slot);
          f.installed = best && !seg.noroute[u];
          f.next_hop.assign(seg.next_hop[u].begin(), seg.next_hop[u].end());
          f.slot = slot;
        } else {
          ShortList<z3::expr> any;
          for (const LogicalLink& ll : net_.logical[u]) {
            const bool towards = std::find(ll.far.begin(), ll.far.end(), peer) != ll.far.end();
            f.next_hop.push_back(towards ? lag::up_towards(net_, logic_, p_, ll, peer)
                                         : c_.bool_val(false));
            any.push_back(f.next_hop.back());
          }
          f.installed = best && logic_.any(any);
        }
        out[u].push_back(std::move(f));
      }
    }
  }

 private:
  // --- the ways of the sessions' packets -------------------------------------------------
  // The IGP towards device b's host prefix (iBGP ways, believed, tie-break distances).
  const igp::Encoded& igp_towards(DeviceId b) {
    auto it = igp_.find(b);
    if (it != igp_.end()) return it->second;
    std::vector<z3::expr> origin;
    std::vector<char> slice;
    for (DeviceId u = 0; u < net_.devices.size(); ++u) {
      const bool o = u == b && net_.igp_origin(b);
      origin.push_back(c_.bool_val(o));
      slice.push_back(net_.devices[u].transit() || o);
    }
    return igp_
        .emplace(b, igp::encode(net_, logic_, p_, origin, slice,
                                tag_ + "~bgp~" + net_.devices[b].name, facts_))
        .first->second;
  }
  // The switches-only subgraph towards segment target `slot`, over its switches, its target,
  // and every device whose static routes or BGP sessions start walks towards it.
  const igp::Encoded& segment(std::size_t slot) {
    auto it = segments_.find(slot);
    if (it != segments_.end()) return it->second;
    const DeviceId target = net_.segment_targets[slot - 1];
    std::vector<char> slice = segment_slice(net_, slot);
    for (const BgpSession& s : net_.bgp_sessions)
      for (int e = 0; e < 2; ++e)
        if (s.segment[e] == slot) slice[s.end[e]] = 1;
    std::vector<z3::expr> origin;
    for (DeviceId u = 0; u < net_.devices.size(); ++u) origin.push_back(c_.bool_val(u == target));
    return segments_
        .emplace(slot, igp::encode(net_, logic_, p_, origin, slice,
                                   tag_ + "~bgpseg~" + net_.devices[target].name, facts_,
                                   igp::Transit::switches))
        .first->second;
  }

  // What the walks from x along `way` towards `target` may do (bgp.cpp TowardsTarget): `start`
  // — x is the session's end, whose own black-holes never touch its packets.  Transit devices'
  // outcomes are variables defined once per (way, target) (`transit_walks`): along least-cost
  // next hops the distance falls at every hop, so the definitions are acyclic and pin them.
  struct Outcome {
    z3::expr delivered, dies;
  };
  struct TransitWalks {
    std::vector<std::optional<Outcome>> at;  // per device, defined when first needed
  };
  Outcome hop_outcome(const igp::Encoded& way, igp::Transit rule, TransitWalks& vars,
                      const std::string& name, DeviceId target, DeviceId x, bool start) {
    ShortList<z3::expr> delivered, dies, any;
    for (std::size_t i = 0; i < net_.logical[x].size() && !way.next_hop[x].empty(); ++i) {
      const z3::expr& nh = way.next_hop[x][i];
      if (nh.is_false()) continue;
      for (LinkId m : net_.logical[x][i].members) {
        const DeviceId y = net_.links[m].other(x);
        z3::expr hop = nh && p_.serving[m];
        any.push_back(hop);
        z3::expr carried = p_.link_up[m];
        if (!start)
          carried = carried && !p_.device_blackholed[x] && !p_.port_blackholed[net_.port_on(m, x)];
        if (y != target) carried = carried && !p_.device_blackholed[y];
        if (y == target) {
          delivered.push_back(hop && carried);
          dies.push_back(hop && !carried);
          continue;
        }
        const bool transit = rule == igp::Transit::switches
                                 ? net_.devices[y].kind == DeviceKind::switch_
                                 : net_.devices[y].transit();
        if (!transit) {
          dies.push_back(hop);
          continue;
        }
        const Outcome next = transit_outcome(way, rule, vars, name, target, y);
        delivered.push_back(hop && carried && next.delivered);
        dies.push_back(hop && (!carried || next.dies));
      }
    }
    return {logic_.any(delivered), way.noroute[x] || !logic_.any(any) || logic_.any(dies)};
  }
  Outcome transit_outcome(const igp::Encoded& way, igp::Transit rule, TransitWalks& vars,
                          const std::string& name, DeviceId target, DeviceId x) {
    if (vars.at.empty()) vars.at.resize(net_.devices.size());
    if (vars.at[x]) return *vars.at[x];
    const std::string id = net_.devices[x].name + "]" + name;
    Outcome o{c_.bool_const(("bgp_walk_delivered[" + id).c_str()),
              c_.bool_const(("bgp_walk_dies[" + id).c_str())};
    vars.at[x] = o;
    const Outcome def = hop_outcome(way, rule, vars, name, target, x, false);
    facts_.push_back(o.delivered == def.delivered);
    facts_.push_back(o.dies == def.dies);
    return o;
  }

  // One direction of session q from end e: believed, its walks, and the tie-break distance.
  struct Direction {
    z3::expr believed, delivered, dies, distance;
  };
  Direction direction(std::size_t q, int e) {
    const BgpSession& s = net_.bgp_sessions[q];
    const DeviceId a = s.end[e], b = s.end[1 - e];
    if (s.ibgp || s.segment[e] != 0) {
      const bool ibgp = s.ibgp;
      const igp::Encoded& way = ibgp ? igp_towards(b) : segment(s.segment[e]);
      const igp::Transit rule = ibgp ? igp::Transit::igp : igp::Transit::switches;
      const std::string name = tag_ + (ibgp ? "~bgp~" : "~bgpseg~") + net_.devices[b].name;
      TransitWalks& vars = walks_[{ibgp ? 0 : 1, ibgp ? b : s.segment[e]}];
      Outcome o = hop_outcome(way, rule, vars, name, b, a, true);
      return {!way.noroute[a], o.delivered, o.dies, way.dist[a]};
    }
    // Directly linked: a believed-up logical link towards b, its serving members to b.
    ShortList<z3::expr> believed, delivered, dies;
    z3::expr distance = c_.int_const(
        ("bgp_peer_cost[" + net_.devices[a].name + "->" + net_.devices[b].name + "]" + tag_)
            .c_str());
    ShortList<z3::expr> attained;
    for (const LogicalLink& ll : net_.logical[a]) {
      if (std::find(ll.far.begin(), ll.far.end(), b) == ll.far.end()) continue;
      z3::expr up = lag::up_towards(net_, logic_, p_, ll, b);
      believed.push_back(up);
      const z3::expr cost = igp::cost_term(c_, p_, ll);
      facts_.push_back(z3::implies(up, distance <= cost));
      attained.push_back(up && distance == cost);
      for (LinkId m : ll.members) {
        if (net_.links[m].other(a) != b) continue;
        delivered.push_back(up && p_.serving[m] && p_.link_up[m]);
        dies.push_back(up && p_.serving[m] && !p_.link_up[m]);
      }
    }
    z3::expr is_believed = logic_.any(believed);
    facts_.push_back(z3::implies(is_believed, logic_.any(attained)));
    facts_.push_back(z3::implies(!is_believed, distance == 0));
    return {is_believed, logic_.any(delivered), !is_believed || logic_.any(dies), distance};
  }

  // Session q's choice, constrained to what its walks allow (bgp.cpp session_options).
  z3::expr session(std::size_t q) {
    const BgpSession& s = net_.bgp_sessions[q];
    const std::string name = net_.devices[s.end[0]].name + "--" + net_.devices[s.end[1]].name;
    z3::expr up = c_.bool_const(("bgp_up[" + name + "]" + tag_).c_str());
    z3::expr alive = !p_.device_down[s.end[0]] && !p_.device_down[s.end[1]];
    if (q < p_.session_down.size()) alive = alive && !p_.session_down[q];
    Direction d0 = direction(q, 0), d1 = direction(q, 1);
    distance_.push_back({d0.distance, d1.distance});
    z3::expr can_up = alive && d0.believed && d1.believed && d0.delivered && d1.delivered;
    z3::expr can_down = !can_up || d0.dies || d1.dies;
    facts_.push_back(z3::implies(up, can_up));
    facts_.push_back(z3::implies(!up, can_down));
    return up;
  }

  // --- origination ---------------------------------------------------------------------------
  z3::expr restarted(DeviceId d) const {
    return d < p_.restarted.size() ? p_.restarted[d] : c_.bool_val(false);
  }
  // Whether d originates P (bgp.cpp originates).
  z3::expr originates(DeviceId d, PrefixId prefix) {
    const z3::expr alive = !p_.device_down[d];
    if (net_.is_origin(prefix, d) && net_.speaks_bgp(d)) return alive;
    const auto& mine = net_.originates[d];
    if (std::find(mine.begin(), mine.end(), prefix) == mine.end()) return c_.bool_val(false);
    if (net_.is_origin(prefix, d)) return alive;
    ShortList<z3::expr> routes;
    for (std::size_t i : net_.statics_of[d]) {
      const StaticRoute& r = net_.statics[i];
      if (r.prefix != prefix) continue;
      std::vector<SegmentAt<SmtLogic>> at;
      for (std::size_t k = 1; k < net_.slots(); ++k) {
        if (std::find(r.segment.begin(), r.segment.end(), k) == r.segment.end()) {
          at.push_back({c_.bool_val(false), {}});
          continue;
        }
        const igp::Encoded& seg = segment(k);
        at.push_back({!seg.noroute[d], seg.next_hop[d]});
      }
      StaticState<SmtLogic> st = static_state(net_, logic_, bfd_plane(), r, c_.bool_val(true),
                                              std::span<const SegmentAt<SmtLogic>>(at));
      routes.push_back(logic_.any(st.next_hop));
      for (const auto& part : st.carried) routes.push_back(part.installed);
    }
    if (uses_igp(net_, d)) {
      std::vector<z3::expr> origin;
      std::vector<char> slice;
      for (DeviceId u = 0; u < net_.devices.size(); ++u) {
        const bool o = net_.is_origin(prefix, u) && net_.igp_origin(u);
        origin.push_back(c_.bool_val(o));
        const auto& theirs = net_.originates[u];
        const bool originator = std::find(theirs.begin(), theirs.end(), prefix) != theirs.end();
        slice.push_back(net_.devices[u].transit() || o || originator);
      }
      if (!igp_prefix_)
        igp_prefix_.emplace(igp::encode(net_, logic_, p_, origin, slice,
                                        tag_ + "~bgp@" + net_.prefixes[prefix].name, facts_));
      routes.push_back(!igp_prefix_->noroute[d]);
    }
    return alive && logic_.any(routes);
  }
  // The plane whose BFD sessions out of play read up, as the explicit judge reads them
  // (requirements.cpp visit_sessions); the sessions in play are constrained to their walks.
  const SmtPlane& bfd_plane() {
    if (bfd_plane_) return *bfd_plane_;
    SmtPlane q = p_;
    const std::vector<std::size_t>& in_play = in_play_;
    for (std::size_t i = 0; i < q.session_up.size(); ++i)
      if (std::find(in_play.begin(), in_play.end(), i) == in_play.end())
        q.session_up[i] = c_.bool_val(true);
    if (!in_play.empty()) {
      std::vector<igp::Encoded> segs(net_.slots() - 1);
      std::vector<char> needed(net_.slots() - 1, 0);
      for (std::size_t i : in_play) {
        needed[net_.slot_of(net_.sessions[i].neighbour) - 1] = 1;
        needed[net_.slot_of(net_.sessions[i].device) - 1] = 1;
      }
      segs = encode_segments(net_, logic_, p_, tag_ + "~bgpbfd", facts_, &needed);
      facts_.push_back(encode_session_choices(net_, logic_, p_, segs, tag_, facts_, &in_play));
    }
    bfd_plane_.emplace(std::move(q));
    return *bfd_plane_;
  }

  // --- the rounds -----------------------------------------------------------------------------
  Abstract fresh(DeviceId d, std::size_t t) {
    const std::string id =
        "[" + net_.devices[d].name + "#" + std::to_string(t) + round_tag_ + "]" + tag_;
    Abstract a{c_.bool_const(("bgp_has" + id).c_str()),
               c_.int_const(("bgp_lp" + id).c_str()),
               c_.int_const(("bgp_len" + id).c_str()),
               c_.bool_const(("bgp_ibgp" + id).c_str()),
               {},
               {}};
    for (const auto& [asn, i] : asn_index_)
      a.in.push_back(c_.bool_const(("bgp_as" + std::to_string(asn) + id).c_str()));
    for (std::size_t k = 0; k < candidates_[d].size(); ++k)
      a.from.push_back(c_.bool_const(("bgp_from" + std::to_string(k) + id).c_str()));
    return a;
  }
  // The values of a route that is none, or the device's own: every field fixed, so that two
  // states compare equal exactly when they are.
  z3::expr own_values(const Abstract& a, bool none) {
    z3::expr_vector v(c_);
    v.push_back(a.lp == (none ? 0 : 100));
    v.push_back(a.len == 0);
    v.push_back(!a.ibgp);
    for (const auto& b : a.in) v.push_back(!b);
    for (const auto& f : a.from) v.push_back(!f);
    return z3::mk_and(v);
  }
  std::vector<Abstract> initial() {
    std::vector<Abstract> st;
    for (DeviceId d = 0; d < net_.devices.size(); ++d) {
      Abstract a = fresh(d, 0);
      facts_.push_back(a.has == own_[d]);
      facts_.push_back(z3::implies(a.has, own_values(a, false)));
      facts_.push_back(z3::implies(!a.has, own_values(a, true)));
      st.push_back(std::move(a));
    }
    return st;
  }

  // What `from` sends its peer over session q in state st, and how the receiver gets it.
  struct Offer {
    z3::expr sent, accepted, lp, len;
    bool ibgp;
    std::vector<z3::expr> in;
    z3::expr distance;
    std::size_t rank;
  };
  Offer offer(const std::vector<Abstract>& st, std::size_t q, int from_side, PrefixId prefix) {
    const BgpSession& s = net_.bgp_sessions[q];
    const DeviceId a = s.end[from_side], b = s.end[1 - from_side];
    const Abstract& r = st[a];
    z3::expr sent = r.has && up_[q];
    if (!BgpPolicy::permits(s.policy[from_side].exports, prefix)) sent = sent && restarted(a);
    if (s.ibgp) sent = sent && !r.ibgp;  // no reflection
    std::vector<z3::expr> in = r.in;
    if (!s.ibgp) {
      in[asn_index_.at(*net_.devices[a].asn)] = c_.bool_val(true);
      sent = sent && !in[asn_index_.at(*net_.devices[b].asn)];  // never a loop
    }
    z3::expr accepted = c_.bool_val(true);
    if (!BgpPolicy::permits(s.policy[1 - from_side].imports, prefix)) accepted = restarted(b);
    const int policy_lp = static_cast<int>(s.policy[1 - from_side].local_pref);
    z3::expr lp = s.ibgp ? r.lp
                  : policy_lp == 100
                      ? c_.int_val(100)
                      : z3::ite(restarted(b), c_.int_val(100), c_.int_val(policy_lp));
    return {sent,
            accepted,
            lp,
            s.ibgp ? r.len : r.len + 1,
            s.ibgp,
            std::move(in),
            distance_[q][1 - from_side],
            rank_[a]};
  }
  // Whether offer x is a better route than y (bgp.cpp better, between learned routes).
  z3::expr better(const Offer& x, const Offer& y) {
    z3::expr tail = c_.bool_val(x.rank < y.rank);
    tail = x.distance < y.distance || (x.distance == y.distance && tail);
    if (x.ibgp != y.ibgp) tail = c_.bool_val(!x.ibgp);
    return x.lp > y.lp || (x.lp == y.lp && (x.len < y.len || (x.len == y.len && tail)));
  }
  std::vector<Abstract> round(const std::vector<Abstract>& st, std::size_t t, PrefixId prefix) {
    std::vector<Abstract> next;
    for (DeviceId d = 0; d < net_.devices.size(); ++d) {
      Abstract a = fresh(d, t);
      std::vector<Offer> offers;
      std::vector<z3::expr> avail;
      for (const Candidate& k : candidates_[d]) {
        offers.push_back(offer(st, k.session, k.from_side, prefix));
        avail.push_back(offers.back().sent && offers.back().accepted);
      }
      // An originating device keeps its own route; another takes the best offer.
      facts_.push_back(a.has == (own_[d] || logic_.any(avail)));
      facts_.push_back(z3::implies(own_[d], own_values(a, false)));
      facts_.push_back(z3::implies(!a.has, own_values(a, true)));
      for (std::size_t k = 0; k < offers.size(); ++k) {
        z3::expr_vector beaten(c_);
        for (std::size_t j = 0; j < offers.size(); ++j)
          if (j != k) beaten.push_back(!(avail[j] && better(offers[j], offers[k])));
        z3::expr best = !own_[d] && avail[k] && logic_.all(beaten);
        facts_.push_back(a.from[k] == best);
        z3::expr_vector values(c_);
        values.push_back(a.lp == offers[k].lp);
        values.push_back(a.len == offers[k].len);
        values.push_back(a.ibgp == c_.bool_val(offers[k].ibgp));
        for (std::size_t i = 0; i < a.in.size(); ++i) values.push_back(a.in[i] == offers[k].in[i]);
        facts_.push_back(z3::implies(a.from[k], z3::mk_and(values)));
      }
      next.push_back(std::move(a));
    }
    return next;
  }
  z3::expr same(const std::vector<Abstract>& x, const std::vector<Abstract>& y) {
    z3::expr_vector v(c_);
    for (DeviceId d = 0; d < x.size(); ++d) {
      v.push_back(x[d].has == y[d].has);
      v.push_back(x[d].lp == y[d].lp);
      v.push_back(x[d].len == y[d].len);
      v.push_back(x[d].ibgp == y[d].ibgp);
      for (std::size_t i = 0; i < x[d].in.size(); ++i) v.push_back(x[d].in[i] == y[d].in[i]);
      for (std::size_t k = 0; k < x[d].from.size(); ++k) v.push_back(x[d].from[k] == y[d].from[k]);
    }
    return logic_.all(v);
  }

  // The requirement in state st (bgp.cpp judge): no-export — some session of D whose other end
  // sends P to D; announce — no session of D over which D accepts P.
  z3::expr violated(const Requirement& req, const std::vector<Abstract>& st) {
    const PrefixId prefix = req.to;
    const DeviceId dst = req.from;
    ShortList<z3::expr> sent, accepted;
    for (std::size_t q = 0; q < net_.bgp_sessions.size(); ++q) {
      const BgpSession& s = net_.bgp_sessions[q];
      if (s.end[0] != dst && s.end[1] != dst) continue;
      Offer o = offer(st, q, 1 - s.side_of(dst), prefix);
      sent.push_back(o.sent);
      accepted.push_back(o.sent && o.accepted);
    }
    return req.kind == Requirement::Kind::no_export ? logic_.any(sent) : !logic_.any(accepted);
  }

  const Network& net_;
  const SmtLogic& logic_;
  z3::context& c_;
  const SmtPlane& p_;
  const std::vector<std::size_t>& in_play_;
  std::string tag_, round_tag_;
  std::vector<z3::expr>& facts_;
  std::map<std::uint32_t, std::size_t> asn_index_;
  std::vector<std::size_t> rank_;
  std::map<DeviceId, igp::Encoded> igp_;
  std::map<std::size_t, igp::Encoded> segments_;
  std::map<std::pair<int, std::size_t>, TransitWalks> walks_;
  std::vector<std::array<z3::expr, 2>> distance_;
  std::vector<z3::expr> up_, own_;
  std::vector<std::vector<Candidate>> candidates_;
  std::optional<igp::Encoded> igp_prefix_;
  std::optional<SmtPlane> bfd_plane_;
};

}  // namespace

std::size_t unrolled_rounds(const Network& net) {
  // The AS graph: one node per asn of a speaker, an edge per eBGP session.
  std::map<std::uint32_t, std::set<std::uint32_t>> graph;
  std::map<std::uint32_t, std::size_t> speakers;
  for (DeviceId d = 0; d < net.devices.size(); ++d)
    if (net.speaks_bgp(d) && net.devices[d].asn) ++speakers[*net.devices[d].asn];
  for (const BgpSession& s : net.bgp_sessions) {
    const std::uint32_t a = *net.devices[s.end[0]].asn, b = *net.devices[s.end[1]].asn;
    if (a == b) continue;
    graph[a].insert(b);
    graph[b].insert(a);
  }
  // A route's chain of sessions never enters an AS twice (the AS-path check) and crosses at
  // most one iBGP session inside an AS (no reflection): its hops are at most the devices of
  // the longest simple path of the AS graph, two per AS (one where it has a single speaker),
  // less one.  The longest simple path by search, within a budget; past it, every AS.
  std::size_t budget = 200000, longest = 0;
  bool exhausted = false;
  std::set<std::uint32_t> on_path;
  std::function<void(std::uint32_t, std::size_t)> walk = [&](std::uint32_t as, std::size_t len) {
    if (exhausted) return;
    if (budget-- == 0) {
      exhausted = true;
      return;
    }
    len += std::min<std::size_t>(speakers[as], 2);
    longest = std::max(longest, len);
    on_path.insert(as);
    for (std::uint32_t next : graph[as])
      if (!on_path.count(next)) walk(next, len);
    on_path.erase(as);
  };
  for (const auto& [as, n] : speakers) walk(as, 0);
  if (exhausted) {
    longest = 0;
    for (const auto& [as, n] : speakers) longest += std::min<std::size_t>(n, 2);
  }
  // Round t holds only routes whose chains have at most t hops: where preferences only grow
  // with the chain, round `hops` is the BGP state and round hops + 1 equals it.  A state that
  // still changes then is judged by the explicit rounds (SOUNDNESS.md §12).  Measured on the
  // BGP edges (N = 8), every round more costs Z3 about a sixth of its time; on 200 random
  // designs no fault set needed more.
  return std::max<std::size_t>(longest == 0 ? 0 : longest - 1, 1);
}

EncodedBgp encode(const Network& net, const SmtLogic& logic, const SmtPlane& p,
                  const Requirement& req, const std::vector<std::size_t>& bfd_in_play,
                  const std::string& tag, std::vector<z3::expr>& facts) {
  Encoder e(net, logic, p, bfd_in_play, tag, facts);
  return e.requirement(req, unrolled_rounds(net));
}

EncodedBgpRoutes encode_routes(const Network& net, const SmtLogic& logic, const SmtPlane& p,
                               const std::vector<PrefixId>& prefixes,
                               const std::vector<std::size_t>& bfd_in_play, const std::string& tag,
                               std::vector<z3::expr>& facts) {
  Encoder e(net, logic, p, bfd_in_play, tag, facts);
  EncodedBgpRoutes out{logic.ctx.bool_val(true), e.session_up(), {}};
  out.at.resize(net.devices.size());
  const std::size_t unrolled = unrolled_rounds(net);
  z3::expr_vector settled(logic.ctx);
  for (PrefixId q : prefixes) {
    Encoder::Rounds r = e.rounds(q, unrolled, "@" + net.prefixes[q].name);
    settled.push_back(r.settled);
    e.forwarding(q, r.state, out.at);
  }
  if (!settled.empty()) out.settled = z3::mk_and(settled);
  return out;
}

}  // namespace faultline::models::bgp
