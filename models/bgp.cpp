#include "models/bgp.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <tuple>

#include "models/lag.hpp"

namespace faultline::models::bgp {

namespace {

// The way a session's packets take from end `e` towards the other end (DESIGN.md §8): the
// direct link (eBGP, linked), the switches-only segment (eBGP through switches), or the IGP's
// next hops towards the other's host prefix (iBGP).
struct Way {
  const RouteTable::Cover* cover = nullptr;  // segment or IGP; null: direct
  igp::Transit transit = igp::Transit::igp;
};

Way way_of(const Network& net, LeastCost& costs, const BgpSession& s, int e) {
  if (s.ibgp) return {&costs.prefix(net.host_prefix(s.end[1 - e])), igp::Transit::igp};
  if (s.segment[e] != 0) return {&costs.segment(s.segment[e]), igp::Transit::switches};
  return {};
}

// What the walks of one direction may do: some is delivered, some dies.
struct WalkOutcome {
  bool delivered = false, dies = false;
};

// The walks of sessions' packets towards one target along one way, from every device, shared by
// every session towards that target in one scenario.  A hop of a packet from x to y over member
// m is carried iff the link is up, and neither a transit device on the way nor its egress port
// black-holes: the two ends' own black-holes never touch the session's packets (their control
// planes still talk).  Along least-cost next hops the distance to the target falls at every
// hop, so the only ends a walk meets are its start (first hop only) and the target (last hop
// only): a device's outcome as a transit hop is the same for every session towards the target,
// and only the start is judged apart (`from`, never memoised).
class TowardsTarget {
 public:
  TowardsTarget(const Network& net, const ExplicitPlane& p, const Way& way, DeviceId target)
      : net_(net), p_(p), way_(way), target_(target), memo_(net.devices.size()) {}

  WalkOutcome from(DeviceId start) { return walks(start, true); }

 private:
  WalkOutcome walks(DeviceId x, bool start) {
    if (!start && memo_[x]) return *memo_[x];
    WalkOutcome out;
    if (!start) memo_[x] = out;  // a cycle cannot occur (distances fall), but never loop
    const RouteTable::Cover& c = *way_.cover;
    if (c.dist[x] == kNoRoute) {
      out.dies = true;
      return remember(x, start, out);
    }
    std::vector<char> hops;
    igp::next_hops(net_, p_, c.dist, c.origin, x, hops, way_.transit);
    bool any = false;
    for (std::size_t i = 0; i < hops.size(); ++i) {
      if (!hops[i]) continue;
      const LogicalLink& ll = net_.logical[x][i];
      for (LinkId m : ll.members) {
        if (!p_.serving[m]) continue;
        any = true;
        const DeviceId y = net_.links[m].other(x);
        const bool carried =
            p_.link_up[m] &&
            (start || (!p_.device_blackholed[x] && !p_.port_blackholed[net_.port_on(m, x)])) &&
            (y == target_ || !p_.device_blackholed[y]);
        if (!carried) {
          out.dies = true;
          continue;
        }
        if (y == target_) {
          out.delivered = true;
          continue;
        }
        const bool transit = way_.transit == igp::Transit::switches
                                 ? net_.devices[y].kind == DeviceKind::switch_
                                 : net_.devices[y].transit();
        if (!transit) {
          out.dies = true;
          continue;
        }
        const WalkOutcome next = walks(y, false);
        out.delivered = out.delivered || next.delivered;
        out.dies = out.dies || next.dies;
      }
    }
    if (!any) out.dies = true;
    return remember(x, start, out);
  }

  WalkOutcome remember(DeviceId x, bool start, WalkOutcome out) {
    if (!start) memo_[x] = out;
    return out;
  }

  const Network& net_;
  const ExplicitPlane& p_;
  Way way_;
  DeviceId target_;
  std::vector<std::optional<WalkOutcome>> memo_;
};

// The walks of one scenario's session packets, one TowardsTarget per way and target (a way's
// cover is its state: an IGP prefix or a segment, each kept once in LeastCost).
class SessionWalks {
 public:
  SessionWalks(const Network& net, const ExplicitPlane& p) : net_(net), p_(p) {}
  WalkOutcome from(const Way& way, DeviceId start, DeviceId target) {
    auto key = std::make_pair(way.cover, target);
    auto it = towards_.find(key);
    if (it == towards_.end())
      it = towards_.emplace(key, TowardsTarget(net_, p_, way, target)).first;
    return it->second.from(start);
  }

 private:
  const Network& net_;
  const ExplicitPlane& p_;
  std::map<std::pair<const RouteTable::Cover*, DeviceId>, TowardsTarget> towards_;
};

// One direction of session s, from end e: whether e believes the other end reachable its way,
// and what its walks may do.
struct Direction {
  bool believed = false;
  WalkOutcome walks;
};
Direction direction(const Network& net, const ExplicitPlane& p, LeastCost& costs,
                    SessionWalks& walks, const BgpSession& s, int e) {
  const DeviceId a = s.end[e], b = s.end[1 - e];
  Direction d;
  Way way = way_of(net, costs, s, e);
  if (!way.cover) {  // directly linked: a believed-up logical link towards b, its members
    for (const LogicalLink& ll : net.logical[a]) {
      if (std::find(ll.far.begin(), ll.far.end(), b) == ll.far.end()) continue;
      if (!lag::up_towards(net, ExplicitLogic{}, p, ll, b)) continue;
      d.believed = true;
      for (LinkId m : ll.members) {
        if (net.links[m].other(a) != b || !p.serving[m]) continue;
        (p.link_up[m] ? d.walks.delivered : d.walks.dies) = true;
      }
    }
    if (!d.believed) d.walks.dies = true;
    return d;
  }
  d.believed = way.cover->dist[a] != kNoRoute;
  d.walks = walks.from(way, a, b);
  return d;
}

// The IGP distance from `at` to its peer over session s, the tie-break of DESIGN.md §8: over
// the IGP for iBGP; for eBGP the least cost of the way (a believed-up link, or the segment).
std::uint64_t distance_to_peer(const Network& net, const ExplicitPlane& p, LeastCost& costs,
                               const BgpSession& s, int at_side) {
  const DeviceId at = s.end[at_side], peer = s.end[1 - at_side];
  Way way = way_of(net, costs, s, at_side);
  if (way.cover) return way.cover->dist[at];
  std::uint64_t best = kNoRoute;
  for (const LogicalLink& ll : net.logical[at])
    if (std::find(ll.far.begin(), ll.far.end(), peer) != ll.far.end() &&
        lag::up_towards(net, ExplicitLogic{}, p, ll, peer))
      best = std::min<std::uint64_t>(best, igp::cost(p, ll));
  return best;
}

bool restarted(const ExplicitPlane& p, DeviceId d) {
  return !p.restarted.empty() && p.restarted[d];
}

// Best-route order (DESIGN.md §8): higher local-pref, shorter AS path, eBGP over iBGP, lower
// IGP distance to the peer, then the peer's name.  Own origination always wins.
bool better(const Network& net, const Route& a, const Route& b) {
  if (!a.session != !b.session) return !a.session;
  auto key = [&](const Route& r) {
    return std::make_tuple(-static_cast<std::int64_t>(r.local_pref), r.path.size(), r.ibgp ? 1 : 0,
                           r.igp_distance);
  };
  if (key(a) != key(b)) return key(a) < key(b);
  return net.devices[a.peer].name < net.devices[b.peer].name;
}

}  // namespace

std::vector<SessionOptions> session_options(const Network& net, const ExplicitPlane& p,
                                            LeastCost& costs) {
  std::vector<SessionOptions> out;
  SessionWalks walks(net, p);
  for (std::size_t q = 0; q < net.bgp_sessions.size(); ++q) {
    const BgpSession& s = net.bgp_sessions[q];
    SessionOptions o;
    if (p.device_down[s.end[0]] || p.device_down[s.end[1]]) {
      o.why_down = "an end is down";
    } else if (!p.session_down.empty() && p.session_down[q]) {
      o.why_down = "a 'down session' event";
    } else {
      bool up = true, dies = false;
      for (int e = 0; e < 2; ++e) {
        Direction d = direction(net, p, costs, walks, s, e);
        const std::string from = net.devices[s.end[e]].name, to = net.devices[s.end[1 - e]].name;
        if (!d.believed) {
          if (o.why_down.empty())
            o.why_down = from + (s.ibgp ? " has no IGP route to " : " does not believe ") + to +
                         (s.ibgp ? "" : " reachable");
          up = false;
          continue;
        }
        if (!d.walks.delivered && o.why_down.empty())
          o.why_down = "no walk from " + from + " to " + to + " is delivered";
        up = up && d.walks.delivered;
        dies = dies || d.walks.dies;
      }
      o.can_up = up;
      o.can_down = !up || dies;
      if (up) o.why_down = dies ? "some walk of its packets dies" : "";
    }
    out.push_back(std::move(o));
  }
  return out;
}

bool originates(const Network& net, const ExplicitPlane& p, LeastCost& costs, DeviceId d,
                PrefixId prefix) {
  if (p.device_down[d]) return false;
  if (net.is_origin(prefix, d) && net.speaks_bgp(d)) return true;
  const auto& mine = net.originates[d];
  if (std::find(mine.begin(), mine.end(), prefix) == mine.end()) return false;
  if (net.is_origin(prefix, d)) return true;  // its connected route is for exactly P
  // A non-BGP route for exactly P: a static route for P installed, or an IGP route for P.
  for (std::size_t i : net.statics_of[d]) {
    const StaticRoute& r = net.statics[i];
    if (r.prefix != prefix) continue;
    for (std::size_t k = 0; k < r.via.size(); ++k) {
      const DeviceId n = r.via[k];
      if (r.segment[k] != 0) {
        const RouteTable::Cover& seg = costs.segment(r.segment[k]);
        bool session = r.session[k] == kNoSession || r.session[k] >= p.session_up.size() ||
                       p.session_up[r.session[k]];
        if (seg.dist[d] != kNoRoute && session) return true;
        continue;
      }
      for (const LogicalLink& ll : net.logical[d]) {
        if (std::find(ll.far.begin(), ll.far.end(), n) == ll.far.end()) continue;
        if (!lag::up_towards(net, ExplicitLogic{}, p, ll, n)) continue;
        if (!r.bfd) return true;
        for (LinkId m : ll.members)
          if (net.links[m].other(d) == n && p.serving[m] && p.crosses[0][m] && p.crosses[1][m])
            return true;
      }
    }
  }
  // The IGP carries P from its origins that advertise it there (LeastCost::prefix: not a host
  // or an external with a session, which advertises P only into BGP).
  return uses_igp(net, d) && costs.prefix(prefix).dist[d] != kNoRoute;
}

std::optional<Sent> sends(const Network& net, const ExplicitPlane& p,
                          const std::vector<char>& session_up, const State& st, PrefixId prefix,
                          std::size_t session, int from_side) {
  const BgpSession& s = net.bgp_sessions[session];
  const DeviceId a = s.end[from_side], b = s.end[1 - from_side];
  const auto& r = st[a];
  if (!r || !session_up[session]) return std::nullopt;
  const bool a_restarted = restarted(p, a), b_restarted = restarted(p, b);
  if (!a_restarted && !BgpPolicy::permits(s.policy[from_side].exports, prefix)) return std::nullopt;
  if (r->session && r->ibgp && s.ibgp) return std::nullopt;  // no reflection
  Sent out;
  out.session = session;
  out.from = a;
  out.to = b;
  out.sender_path = r->path;
  out.learned_over = r->session;
  out.sender_restarted = a_restarted;
  out.receiver_restarted = b_restarted;
  out.route.path = r->path;
  if (!s.ibgp) {
    out.route.path.insert(out.route.path.begin(), *net.devices[a].asn);
    const auto& path = out.route.path;
    if (std::find(path.begin(), path.end(), *net.devices[b].asn) != path.end())
      return std::nullopt;  // B would drop it as a loop: A never sends it
  }
  out.route.local_pref = s.ibgp        ? r->local_pref
                         : b_restarted ? 100
                                       : s.policy[1 - from_side].local_pref;
  out.route.session = session;
  out.route.peer = a;
  out.route.ibgp = s.ibgp;
  out.route.igp_distance = 0;
  out.accepted = b_restarted || BgpPolicy::permits(s.policy[1 - from_side].imports, prefix);
  return out;
}

Outcome converge(const Network& net, const ExplicitPlane& p, LeastCost& costs,
                 const std::vector<char>& session_up, PrefixId prefix) {
  const std::size_t n = net.devices.size();
  std::vector<char> own(n, 0);
  for (DeviceId d = 0; d < n; ++d) own[d] = originates(net, p, costs, d, prefix);
  // The tie-break distances, per session end, computed once (they do not change by round).
  std::vector<std::array<std::uint64_t, 2>> dist(net.bgp_sessions.size());
  for (std::size_t q = 0; q < net.bgp_sessions.size(); ++q)
    if (session_up[q])
      for (int e = 0; e < 2; ++e)
        dist[q][e] = distance_to_peer(net, p, costs, net.bgp_sessions[q], e);
  State st(n);
  for (DeviceId d = 0; d < n; ++d)
    if (own[d]) st[d] = Route{{}, 100, std::nullopt, d, false, 0};
  std::vector<State> seen{st};
  for (;;) {
    State next(n);
    for (DeviceId d = 0; d < n; ++d)
      if (own[d]) next[d] = st[d];
    for (std::size_t q = 0; q < net.bgp_sessions.size(); ++q)
      for (int from = 0; from < 2; ++from) {
        const DeviceId b = net.bgp_sessions[q].end[1 - from];
        if (own[b]) continue;
        auto sent = sends(net, p, session_up, st, prefix, q, from);
        if (!sent || !sent->accepted) continue;
        sent->route.igp_distance = dist[q][1 - from];
        if (!next[b] || better(net, sent->route, *next[b])) next[b] = sent->route;
      }
    if (next == st) return {true, std::move(st), {}};
    auto again = std::find(seen.begin(), seen.end(), next);
    if (again != seen.end()) return {false, {}, std::vector<State>(again, seen.end())};
    if (seen.size() > 100000)
      throw std::runtime_error("BGP rounds did not settle in 100000 rounds");
    seen.push_back(next);
    st = std::move(next);
  }
}

Stopped why_not(const Network& net, const ExplicitPlane& p, const std::vector<char>& session_up,
                const std::vector<SessionOptions>& options, const State& st, PrefixId prefix,
                std::size_t session, int from_side) {
  const BgpSession& s = net.bgp_sessions[session];
  const DeviceId a = s.end[from_side], b = s.end[1 - from_side];
  Stopped out{session, a, Stop::session_down, "", {}};
  if (!session_up[session]) {
    out.detail = options[session].why_down;
    return out;
  }
  const auto& r = st[a];
  if (!r) return out.why = Stop::no_route, out;
  if (!restarted(p, a) && !BgpPolicy::permits(s.policy[from_side].exports, prefix))
    return out.why = Stop::export_policy, out;
  if (r->session && r->ibgp && s.ibgp) return out.why = Stop::ibgp_no_reflection, out;
  if (!s.ibgp) {
    std::vector<std::uint32_t> path = r->path;
    path.insert(path.begin(), *net.devices[a].asn);
    if (std::find(path.begin(), path.end(), *net.devices[b].asn) != path.end())
      return out.why = Stop::as_path_loop, out;
  }
  out.why = Stop::import_policy;
  return out;
}

TooManyChoices::TooManyChoices()
    : std::runtime_error("more than 2^" + std::to_string(kMaxSessionChoices) +
                         " BGP session choices in one scenario (sessions whose packets may take a "
                         "walk that dies or one that is delivered)") {}

namespace {
// Where each sender without a route lost it (announce explanations): per other session of it,
// why it got nothing, recursively to kMaxTraceDepth; each device explained once — D and the
// senders of f.stopped at the top, the others where first met.
void trace_upstream(const Network& net, const ExplicitPlane& p,
                    const std::vector<SessionOptions>& options, Finding& f,
                    const Requirement& req) {
  std::vector<char> explained(net.devices.size(), 0);
  explained[req.from] = 1;
  for (const Stopped& s : f.stopped) explained[s.from] = 1;
  std::function<void(Stopped&, std::size_t)> trace = [&](Stopped& s, std::size_t depth) {
    if (s.why != Stop::no_route) return;
    const DeviceId a = s.from;
    if (p.device_down[a]) {
      s.detail = "it is down";
      return;
    }
    const auto& mine = net.originates[a];
    if (std::find(mine.begin(), mine.end(), req.to) != mine.end())
      s.detail =
          "it originates it only while it has a non-BGP route for exactly that range, and has "
          "none";
    if ((depth > 0 && explained[a]) || depth >= kMaxTraceDepth) return;
    explained[a] = 1;
    for (std::size_t q = 0; q < net.bgp_sessions.size(); ++q) {
      const BgpSession& t = net.bgp_sessions[q];
      if (q == s.session || (t.end[0] != a && t.end[1] != a)) continue;
      Stopped up = why_not(net, p, f.session_up, options, f.state, req.to, q, 1 - t.side_of(a));
      if (up.why == Stop::no_route && explained[up.from]) continue;  // said elsewhere
      trace(up, depth + 1);
      s.upstream.push_back(std::move(up));
    }
  };
  for (Stopped& s : f.stopped) trace(s, 0);
}

// The session choices to try in plane p (bgp.hpp judge, for_each_routes): `up` the first one —
// each session as its walks force it, a free one up — and `free` the sessions that may go
// either way; with `given`, that choice alone (nullopt if its walks do not allow it).  Past
// kMaxSessionChoices free sessions it throws TooManyChoices.
struct Choices {
  std::vector<char> up;
  std::vector<std::size_t> free;
};
std::optional<Choices> session_choices(const std::vector<SessionOptions>& options,
                                       const std::vector<char>* given) {
  Choices c{std::vector<char>(options.size(), 0), {}};
  for (std::size_t q = 0; q < options.size(); ++q) {
    c.up[q] = options[q].can_up ? 1 : 0;
    if (options[q].can_up && options[q].can_down) c.free.push_back(q);
  }
  if (given) {
    for (std::size_t q = 0; q < options.size(); ++q)
      if ((*given)[q] ? !options[q].can_up : !options[q].can_down) return std::nullopt;
    c.up = *given;
    c.free.clear();
  }
  if (c.free.size() > kMaxSessionChoices) throw TooManyChoices();
  return c;
}
}  // namespace

std::optional<Finding> judge(const Network& net, const Requirement& req, const ExplicitPlane& p,
                             LeastCost& costs, const std::vector<char>* given) {
  const std::vector<SessionOptions> options = session_options(net, p, costs);
  std::optional<Choices> choices = session_choices(options, given);
  if (!choices) return std::nullopt;
  std::vector<char>& up = choices->up;
  const std::vector<std::size_t>& free = choices->free;
  const DeviceId d = req.from;
  for (std::uint64_t mask = 0; mask < (std::uint64_t{1} << free.size()); ++mask) {
    for (std::size_t j = 0; j < free.size(); ++j) up[free[j]] = ((mask >> j) & 1) ? 0 : 1;
    Outcome o = converge(net, p, costs, up, req.to);
    Finding f;
    f.prefix = req.to;
    f.session_up = up;
    f.options = options;
    f.state = o.state;
    if (!o.converged) {
      f.converged = false;
      f.cycle = std::move(o.cycle);
      return f;
    }
    bool accepted = false;
    for (std::size_t q = 0; q < net.bgp_sessions.size(); ++q) {
      const BgpSession& s = net.bgp_sessions[q];
      if (s.end[0] != d && s.end[1] != d) continue;
      const int from = 1 - s.side_of(d);
      auto sent = sends(net, p, up, o.state, req.to, q, from);
      if (req.kind == Requirement::Kind::no_export && sent) {
        f.leak = std::move(sent);
        return f;
      }
      if (sent && sent->accepted) accepted = true;
      if (!sent || !sent->accepted)
        f.stopped.push_back(why_not(net, p, up, options, o.state, req.to, q, from));
    }
    if (req.kind == Requirement::Kind::announce && !accepted) {
      trace_upstream(net, p, options, f, req);
      return f;
    }
  }
  return std::nullopt;
}

bool carried(const Network& net, PrefixId q) {
  for (DeviceId d = 0; d < net.devices.size(); ++d) {
    const auto& o = net.originates[d];
    if ((net.is_origin(q, d) && net.speaks_bgp(d)) || std::find(o.begin(), o.end(), q) != o.end())
      return true;
  }
  return false;
}

bool for_each_routes(const Network& net, const ExplicitPlane& p, LeastCost& costs,
                     const std::vector<PrefixId>& prefixes, const RoutesVisit& visit,
                     const std::vector<char>* given) {
  const std::vector<SessionOptions> options = session_options(net, p, costs);
  std::optional<Choices> choices = session_choices(options, given);
  if (!choices) return false;
  BgpRoutes routes;
  routes.session_up = std::move(choices->up);
  const std::vector<std::size_t>& free = choices->free;
  bool last = false;
  for (std::uint64_t mask = 0; mask < (std::uint64_t{1} << free.size()); ++mask) {
    for (std::size_t j = 0; j < free.size(); ++j)
      routes.session_up[free[j]] = ((mask >> j) & 1) ? 0 : 1;
    routes.best.clear();
    std::optional<std::pair<PrefixId, Outcome>> diverged;
    for (PrefixId q : prefixes) {
      Outcome o = converge(net, p, costs, routes.session_up, q);
      if (!o.converged) {
        diverged.emplace(q, std::move(o));
        break;
      }
      auto& best = routes.best[q];
      best.resize(net.devices.size());
      for (DeviceId d = 0; d < net.devices.size(); ++d)
        if (o.state[d] && o.state[d]->session)
          best[d] = BgpBest{*o.state[d]->session, o.state[d]->peer, o.state[d]->ibgp};
    }
    last =
        diverged ? visit(&routes, diverged->first, &diverged->second) : visit(&routes, 0, nullptr);
    if (last) return true;
  }
  return last;
}

std::size_t free_sessions(const Network& net, const ExplicitPlane& p, LeastCost& costs) {
  std::size_t n = 0;
  for (const SessionOptions& o : session_options(net, p, costs)) n += o.can_up && o.can_down;
  return n;
}

std::string path_text(const std::vector<std::uint32_t>& path) {
  if (path.empty()) return "(empty)";
  std::string out;
  for (std::uint32_t a : path) out += (out.empty() ? "" : " ") + std::to_string(a);
  return out;
}

}  // namespace faultline::models::bgp
