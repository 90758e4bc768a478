#include "report/words.hpp"

namespace faultline::report {

using namespace verifier;

const char* drop_reason_name(models::DropReason r) {
  switch (r) {
    case models::DropReason::blackholed_device:
      return "blackhole";
    case models::DropReason::blackholed_port:
      return "blackhole-port";
    case models::DropReason::no_route:
      return "no-route";
    case models::DropReason::discarded:
      return "discarded";
    case models::DropReason::no_transit:
      return "no-transit";
    case models::DropReason::loop:
      return "loop";
    case models::DropReason::delivered:
      return "delivered";
    case models::DropReason::missed_waypoints:
      return "misses-waypoints";
    case models::DropReason::passed_avoided:
      return "passes-avoided";
    case models::DropReason::too_big:
      return "too-big";
  }
  return "unknown";
}

std::string stop_sentence(const verifier::BgpFact::Stop& s) {
  using models::bgp::Stop;
  const std::string head = "over " + s.session + ": ";
  switch (s.why) {
    case Stop::session_down:
      return head + "the session is down (" + s.detail + ")";
    case Stop::no_route: {
      std::string out = head + s.from + " has no route to send";
      if (!s.detail.empty()) out += ": " + s.detail;
      if (s.upstream.empty()) return out;
      out += " (" + s.from + ": ";
      for (std::size_t i = 0; i < s.upstream.size(); ++i)
        out += (i ? "; " : "") + stop_sentence(s.upstream[i]);
      return out + ")";
    }
    case Stop::export_policy:
      return head + s.from + "'s export policy does not permit it";
    case Stop::ibgp_no_reflection:
      return head + s.from + " learned it over iBGP and does not reflect it to an iBGP peer";
    case Stop::as_path_loop:
      return head + s.from + "'s route already carries the receiver's AS (a loop)";
    case Stop::import_policy:
      return head + "the receiver's import policy from " + s.from + " does not permit it";
  }
  return head;
}

std::string bgp_sentence(const verifier::BgpFact& b) {
  using K = verifier::BgpFact::Kind;
  if (b.kind == K::leak) {
    std::string s = b.sender + " sends " + b.prefix + " to " + b.to + " over " + b.session +
                    " (AS path " + b.path + ")";
    s += b.learned_from.empty() ? ", its own origination" : ", learned from " + b.learned_from;
    s += b.sender_restarted
             ? ": " + b.sender +
                   " restarted with its export policy missing, so it sends every best route"
             : ": its export policy towards " + b.to + " permits it";
    return s;
  }
  if (b.kind == K::not_announced) {
    std::string s = b.to + " accepts no route for " + b.prefix;
    for (std::size_t i = 0; i < b.stops.size(); ++i)
      s += (i == 0 ? ": " : "; ") + stop_sentence(b.stops[i]);
    return s;
  }
  std::string s = "BGP does not converge for " + b.prefix + ": the best routes cycle through " +
                  std::to_string(b.cycle.size()) + " states";
  for (std::size_t i = 0; i < b.cycle.size(); ++i) {
    std::string line;
    for (const std::string& h : b.cycle[i]) line += (line.empty() ? "" : ", ") + h;
    s += (i == 0 ? ": [" : " -> [") + (line.empty() ? std::string("no routes") : line) + "]";
  }
  return s;
}

const char* outcome_label(const Explanation& e) {
  if (e.bgp)
    return e.bgp->kind == verifier::BgpFact::Kind::leak            ? "leaks"
           : e.bgp->kind == verifier::BgpFact::Kind::not_announced ? "not announced"
                                                                   : "does not converge";
  switch (e.drop.reason) {
    case models::DropReason::delivered:
    case models::DropReason::missed_waypoints:
    case models::DropReason::passed_avoided:
      return "violates";
    default:
      return "dies";
  }
}

std::string drop_sentence(const Explanation& e) {
  if (e.bgp) return bgp_sentence(*e.bgp);
  const std::string& at = e.drop.device;
  switch (e.drop.reason) {
    case models::DropReason::blackholed_device:
      return at + " is black-holed: it drops everything that reaches it";
    case models::DropReason::blackholed_port:
      return "port " + e.drop.port + " is black-holed: it drops everything " + at +
             " sends out of it";
    case models::DropReason::no_route: {
      if (e.drop.bgp_only && e.drop.withdrawn.empty())
        return at + " has no route to " + e.destination +
               ": it runs no IGP, and BGP gave it no route that covers it";
      if (e.drop.withdrawn.empty())
        return at + " has no route to " + e.destination + ": no believed-up path reaches it";
      std::string s = at + " has no route to " + e.destination + ": ";
      for (std::size_t i = 0; i < e.drop.withdrawn.size(); ++i) {
        const auto& w = e.drop.withdrawn[i];
        s += std::string(i ? "; " : "") + "its static " + w.prefix + " is withdrawn (";
        for (std::size_t k = 0; k < w.via.size(); ++k) {
          using Why = Drop::Withdrawn::Why;
          const char* why = w.via[k].second == Why::link_down  ? "link believed down"
                            : w.via[k].second == Why::bfd_down ? "BFD down"
                                                               : "unreachable through switches";
          s += std::string(k ? ", " : "") + w.via[k].first + ": " + why;
        }
        s += ")";
      }
      return s;
    }
    case models::DropReason::discarded:
      return "reached " + e.drop.covering + "'s origin " + at + ", which does not hold " +
             e.drop.held;
    case models::DropReason::no_transit:
      return "the walk reaches " + at + ", which carries no transit (not an origin of " +
             e.destination + ")";
    case models::DropReason::loop:
      return "the walk returns to " + at + ": a forwarding loop";
    case models::DropReason::delivered:
      return "the walk is delivered to " + e.destination + " at " + at + ": it must stay isolated";
    case models::DropReason::missed_waypoints: {
      std::string list;
      for (std::size_t i = 0; i < e.drop.waypoints.size(); ++i)
        list += (i == 0                             ? ""
                 : i + 1 == e.drop.waypoints.size() ? " or "
                                                    : ", ") +
                e.drop.waypoints[i];
      return "the walk is delivered at " + at + " without passing " + list;
    }
    case models::DropReason::passed_avoided:
      return "the walk passes " + at + ", which it must avoid";
    case models::DropReason::too_big: {
      const Drop::TooBig& t = *e.drop.too_big;
      const std::string where = t.tunnel.empty() ? t.hop : "tunnel " + t.tunnel + " from " + at;
      std::string mtu = "MTU " + std::to_string(t.mtu);
      if (t.underlay_mtu)
        mtu += ": its underlay's " + std::to_string(*t.underlay_mtu) +
               (t.underlay_hop.empty() ? "" : " at " + t.underlay_hop) + " less the overhead " +
               std::to_string(t.overhead);
      else if (t.configured)
        mtu += ", set by an mtu fault; configured " + std::to_string(*t.configured);
      else
        mtu += ", configured";
      std::string s = std::to_string(t.packets) + "-byte packets do not fit " + where + " (" + mtu +
                      "): " +
                      (t.underlay_mtu ? std::string("the underlay drops them, DF set")
                                      : at + " drops them and sends ICMP fragmentation-needed");
      if (!t.clamp_tunnel.empty())
        s += "; MSS clamping on " + t.clamp_tunnel + " fits the configured " +
             std::to_string(t.clamp) + ", not the " + (t.configured ? "collapsed " : "") +
             std::to_string(t.mtu);
      std::vector<std::string> why;
      if (!t.no_pmtud.empty()) why.push_back(t.no_pmtud + " does not do PMTUD");
      if (!t.icmp_dropper.empty())
        why.push_back(t.icmp_dropper + " drops ICMP fragmentation-needed on the way back");
      if (!t.black_hole_tunnel.empty())
        why.push_back(
            (t.black_hole_dropper.empty() ? std::string("a device") : t.black_hole_dropper) +
            " drops the ICMP the head end " + t.black_hole_head + " of " + t.black_hole_tunnel +
            " needs: a black hole");
      s += "; the source cannot step down to " + std::to_string(t.min_mtu) + ": ";
      for (std::size_t i = 0; i < why.size(); ++i) s += (i ? ", and " : "") + why[i];
      return s;
    }
  }
  return at;
}

std::string unnoticed_sentence(const Unnoticed& u) {
  switch (u.kind) {
    case Unnoticed::Kind::detector_sees_traffic:
      return "link " + u.link + " stays up: its detector still sees traffic";
    case Unnoticed::Kind::lacp_no_micro_bfd:
      return "member " + u.member + " stays in " + u.lag + ": LACP still up, no micro-BFD";
    case Unnoticed::Kind::no_bfd:
      return "link " + u.link + " stays up: no BFD";
    case Unnoticed::Kind::session_walk_around:
      return "session " + u.session.name +
             " stays up: its own packets take a walk that is delivered, so " + u.session.keeps +
             " keeps its route from " + u.session.peer;
    case Unnoticed::Kind::session_end_talks:
      return "session " + u.session.name + " stays up: the black-hole at its end " + u.session.end +
             " never touches the session's own packets (the control plane still talks), so " +
             u.session.keeps + " keeps its route from " + u.session.peer;
    case Unnoticed::Kind::mtu_unseen:
      return u.link +
             " stays up and in every adjacency: hellos and BFD packets are small, so no "
             "detector sees its MTU";
  }
  return u.link;
}

namespace {
std::string sentence(const SplitBrain& sb) {
  std::string cause;
  if (!sb.blackholed_peer.empty()) {
    cause = "peer " + sb.blackholed_peer + " is black-holed";
  } else {
    cause = "no ICCP link carries traffic both ways: ";
    for (std::size_t i = 0; i < sb.iccp.size(); ++i) cause += (i ? ", " : "") + sb.iccp[i];
  }
  std::string s = "mclag " + sb.domain + ": ICCP lost (" + cause + "): split brain";
  for (const SplitBrain::Client& c : sb.clients)
    s += "; " + c.lag +
         (c.any_up ? " keeps only its members towards " + c.kept : " has no member believed up");
  return s;
}
std::string sentence(const LagDown& l) {
  return "lag " + l.lag + " is down: " + std::to_string(l.serving) + " of " +
         std::to_string(l.members) + " members serving, min-links " + std::to_string(l.min_links);
}
}  // namespace

std::string state_sentence(const StateFact& s) {
  return std::visit([](const auto& fact) { return sentence(fact); }, s);
}

std::string walk_line(const Explanation& e) {
  if (e.bgp) {  // the route's way, originator first (a leak); none otherwise
    if (e.bgp->kind == verifier::BgpFact::Kind::no_convergence)
      return "(none: the BGP rounds for " + e.bgp->prefix + " do not settle)";
    std::string s;
    for (const std::string& d : e.bgp->chain) s += (s.empty() ? "" : " -> ") + d;
    if (e.bgp->kind == verifier::BgpFact::Kind::leak) s += " -> " + e.bgp->to;
    return s.empty() ? "(no route reaches " + e.bgp->to + ")" : "route " + s;
  }
  std::string s;
  for (std::size_t i = 0; i < e.walk.size(); ++i) {
    const Hop& h = e.walk[i];
    if (i > 0) s += e.walk[i - 1].tunnel.empty() ? " -> " + h.in + " " : " => ";
    s += h.device;
    if (!h.tunnel.empty())
      s += " [tunnel " + h.tunnel + "]";
    else if (!h.out.empty())
      s += " " + h.out + (h.via.empty() ? "" : " (" + h.via + ")");
  }
  return s;
}

std::vector<std::string> underlay_lines(const Explanation& e) {
  std::vector<std::string> out;
  for (const Hop& h : e.walk) {
    if (h.tunnel.empty() || h.underlay.empty()) continue;
    std::string s = h.tunnel + " from " + h.device + ": ";
    for (std::size_t i = 0; i < h.underlay.size(); ++i) {
      const Hop& u = h.underlay[i];
      if (i > 0) s += " -> " + u.in + " ";
      s += u.device;
      if (!u.out.empty()) s += " " + u.out;
    }
    out.push_back(std::move(s));
  }
  return out;
}

// "(out xe-0/0/1: cost 1, default-cost after restart; configured 1000)", or "".
std::string restarted(const Hop& h) {
  if (!h.route || !h.route->restart_cost) return "";
  return " (out " + h.out + ": cost " + std::to_string(h.route->restart_cost->first) +
         ", default-cost after restart; configured " +
         std::to_string(h.route->restart_cost->second) + ")";
}

std::string route_sentence(const Hop& h) {
  if (!h.carried_to.empty())
    return h.device + ": carries the frame towards " + h.carried_to + " (layer 2, no lookup)";
  if (!h.route) return "";
  const RouteUsed& r = *h.route;
  auto list = [](const std::vector<std::string>& names) {
    std::string s;
    for (std::size_t i = 0; i < names.size(); ++i) s += (i ? ", " : "") + names[i];
    return s;
  };
  switch (r.source) {
    case models::RouteSource::connected:
      return h.device + ": connected " + r.prefix;
    case models::RouteSource::static_route: {
      std::string why =
          r.bfd ? (r.segment ? "BFD up through the segment" : "BFD up")
                : (r.segment ? "reachable through switches, no BFD" : "link believed up, no BFD");
      return h.device + ": static " + r.prefix + " via " + list(r.via) + ", distance " +
             std::to_string(r.distance) + " (installed via " + list(r.installed) + ": " + why + ")";
    }
    case models::RouteSource::igp:
      return h.device + ": IGP " + r.prefix + ", cost " + std::to_string(r.cost) + restarted(h);
    case models::RouteSource::ebgp:
      return h.device + ": eBGP " + r.prefix + " from " + r.peer;
    case models::RouteSource::ibgp:
      return h.device + ": iBGP " + r.prefix + " from " + r.peer + ", IGP cost " +
             std::to_string(r.cost) + " to " + r.peer + restarted(h);
  }
  return h.device;
}

std::vector<std::string> route_lines(const Explanation& e) {
  if (e.bgp) return {};
  bool shown = e.routing;
  for (const Hop& h : e.walk)
    shown = shown || !h.carried_to.empty() ||
            (h.route && h.route->source == models::RouteSource::static_route);
  std::vector<std::string> out;
  if (!shown) return out;
  for (const Hop& h : e.walk)
    if (std::string line = route_sentence(h); !line.empty()) out.push_back(std::move(line));
  return out;
}

}  // namespace faultline::report
