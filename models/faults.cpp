#include "models/faults.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace faultline::models {

namespace {
bool blackhole_applies(const FaultClass& c, const Device& d) {
  if (!d.transit()) return false;
  return !c.device_kind || *c.device_kind == d.kind;
}
}  // namespace

std::string describe(const FaultClass& c) {
  switch (c.kind) {
    case FaultClass::Kind::down_device:
      return "down device";
    case FaultClass::Kind::down_link:
      return "down link";
    case FaultClass::Kind::blackhole_devices:
      return std::string("blackhole ") + (c.device_kind ? kind_name(*c.device_kind) : "device");
    case FaultClass::Kind::blackhole_port:
      return "blackhole port";
    case FaultClass::Kind::down_session:
      return "down session";
    case FaultClass::Kind::restart_devices:
      return std::string("restart ") + (c.device_kind ? kind_name(*c.device_kind) : "device") +
             " partial";
    case FaultClass::Kind::mtu_link:
      return "mtu link " + c.mtu;
    case FaultClass::Kind::mtu_tunnel:
      return "mtu tunnel " + c.mtu;
    case FaultClass::Kind::down_tunnel:
      return "down tunnel";
    case FaultClass::Kind::common:
      return "common " + c.attr +
             (c.action == FaultAction::down        ? " down"
              : c.action == FaultAction::blackhole ? " blackhole"
                                                   : " restart");
  }
  return "";
}

std::vector<FaultEvent> build_universe(const Network& net, const std::vector<FaultClass>& classes) {
  std::vector<FaultEvent> events;
  std::set<std::string> seen;
  std::string origin;
  std::optional<double> probability;
  auto add = [&](FaultEvent e) {
    e.origin = origin;
    e.probability = probability;
    if (seen.insert(e.name).second) events.push_back(std::move(e));
  };
  for (const FaultClass& c : classes) {
    origin = describe(c);
    probability = c.probability;
    switch (c.kind) {
      case FaultClass::Kind::down_device:
        for (DeviceId d = 0; d < net.devices.size(); ++d)
          add({"down " + net.devices[d].name,
               FaultAction::down,
               {d},
               {},
               {},
               net.devices[d].loc,
               c.loc});
        break;
      case FaultClass::Kind::down_link:
        for (LinkId l = 0; l < net.links.size(); ++l)
          if (!net.is_tunnel(l))
            add({"down " + net.link_name(l),
                 FaultAction::down,
                 {},
                 {l},
                 {},
                 net.links[l].loc,
                 c.loc});
        break;
      case FaultClass::Kind::blackhole_devices:
        for (DeviceId d = 0; d < net.devices.size(); ++d)
          if (blackhole_applies(c, net.devices[d]))
            add({"blackhole " + net.devices[d].name,
                 FaultAction::blackhole,
                 {d},
                 {},
                 {},
                 net.devices[d].loc,
                 c.loc});
        break;
      case FaultClass::Kind::down_session:
        for (std::size_t q = 0; q < net.bgp_sessions.size(); ++q) {
          FaultEvent e{"down session " + net.session_name(q),
                       FaultAction::down,
                       {},
                       {},
                       {},
                       net.bgp_sessions[q].loc,
                       c.loc};
          e.sessions = {q};
          add(std::move(e));
        }
        break;
      case FaultClass::Kind::restart_devices:
        for (DeviceId d = 0; d < net.devices.size(); ++d)
          if (blackhole_applies(c, net.devices[d]))
            add({"restart " + net.devices[d].name + " partial",
                 FaultAction::restart,
                 {d},
                 {},
                 {},
                 net.devices[d].loc,
                 c.loc});
        break;
      case FaultClass::Kind::mtu_link:
        // DESIGN.md §9: every link, LAG members and ICCP included; the number as written.
        for (LinkId l = 0; l < net.links.size(); ++l) {
          if (net.is_tunnel(l)) continue;
          FaultEvent e{"mtu " + net.link_name(l) + " " + c.mtu,
                       FaultAction::mtu,
                       {},
                       {},
                       {},
                       net.links[l].loc,
                       c.loc};
          e.mtu_links = {l};
          e.mtu = static_cast<std::uint32_t>(std::stoul(c.mtu));
          add(std::move(e));
        }
        break;
      case FaultClass::Kind::mtu_tunnel:
        for (const Tunnel& t : net.tunnels) {
          FaultEvent e{"mtu " + t.name + " " + c.mtu, FaultAction::mtu, {}, {}, {}, t.loc, c.loc};
          e.mtu_links = {t.link};
          e.mtu = static_cast<std::uint32_t>(std::stoul(c.mtu));
          add(std::move(e));
        }
        break;
      case FaultClass::Kind::down_tunnel:
        // Its endpoint configuration is gone: the logical link is down, nothing else.
        for (const Tunnel& t : net.tunnels)
          add({"down " + t.name, FaultAction::down, {}, {t.link}, {}, t.loc, c.loc});
        break;
      case FaultClass::Kind::blackhole_port:
        for (PortId p = 0; p < net.ports.size(); ++p)
          if (net.devices[net.ports[p].device].transit() && !net.is_tunnel(net.ports[p].link))
            add({"blackhole " + net.port_name(p),
                 FaultAction::blackhole,
                 {},
                 {},
                 {p},
                 net.ports[p].loc,
                 c.loc});
        break;
      case FaultClass::Kind::common: {
        // One event per value shared by two or more elements (devices and links carrying the
        // attribute), in order of first appearance, devices first.  Down: the devices and the
        // links go down.  Blackhole: the devices black-hole, and a link black-holes both of its
        // ports (the circuit stays up and drops what it carries).
        struct Group {
          std::vector<DeviceId> devices;
          std::vector<LinkId> links;
          SourceLoc first;
        };
        std::map<std::string, Group> by_value;
        std::vector<std::string> order;
        auto group = [&](const std::map<std::string, std::string>& attrs,
                         const SourceLoc& at) -> Group* {
          auto it = attrs.find(c.attr);
          if (it == attrs.end()) return nullptr;
          if (!by_value.count(it->second)) {
            order.push_back(it->second);
            by_value[it->second].first = at;
          }
          return &by_value[it->second];
        };
        for (DeviceId d = 0; d < net.devices.size(); ++d)
          if (Group* g = group(net.devices[d].attrs, net.devices[d].loc)) g->devices.push_back(d);
        for (LinkId l = 0; l < net.links.size(); ++l)
          if (Group* g = group(net.links[l].attrs, net.links[l].loc)) g->links.push_back(l);
        const char* mode = c.action == FaultAction::down        ? "down"
                           : c.action == FaultAction::blackhole ? "blackhole"
                                                                : "restart";
        for (const std::string& v : order) {
          const Group& g = by_value[v];
          if (g.devices.size() + g.links.size() < 2) continue;
          if (c.action == FaultAction::restart) {
            // Routers, switches and firewalls restart; hosts and externals count towards the
            // group's "two or more" but run no daemon of ours (DESIGN.md §8).  Links carry no
            // daemon: a restart group is one of devices.
            std::vector<DeviceId> restarted;
            for (DeviceId d : g.devices)
              if (net.devices[d].transit()) restarted.push_back(d);
            if (g.devices.size() < 2 || restarted.empty()) continue;
            add({"common " + c.attr + "=" + v + " restart",
                 FaultAction::restart,
                 restarted,
                 {},
                 {},
                 g.first,
                 c.loc});
            continue;
          }
          FaultEvent e{"common " + c.attr + "=" + v + " " + mode,
                       c.action,
                       g.devices,
                       {},
                       {},
                       g.first,
                       c.loc};
          if (c.action == FaultAction::down)
            e.links = g.links;
          else
            for (LinkId l : g.links)
              for (PortId p : net.links[l].port) e.ports.push_back(p);
          add(std::move(e));
        }
        break;
      }
    }
  }
  return events;
}

std::vector<std::size_t> requirement_universe(const Network& net,
                                              const std::vector<FaultEvent>& events,
                                              const Requirement& req) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < events.size(); ++i) {
    // An mtu event matters only to packets of a size (DESIGN.md §9: without `size`, packet
    // size never matters), and is never left out of a `size` requirement's universe.
    if (events[i].action == FaultAction::mtu) {
      if (req.size) out.push_back(i);
      continue;
    }
    // A restart or a session event always stays in (DESIGN.md §8): it kills nothing.
    if ((req.one_flow() || req.about_bgp()) && events[i].action != FaultAction::restart) {
      const auto& hit = events[i].devices;  // the devices it downs or black-holes
      auto takes = [&](DeviceId d) { return std::find(hit.begin(), hit.end(), d) != hit.end(); };
      const auto& origins = net.prefixes[req.to].origins;
      if (takes(req.from) || std::all_of(origins.begin(), origins.end(), takes)) continue;
    }
    out.push_back(i);
  }
  return out;
}

FaultState apply_events(const Network& net, const std::vector<FaultEvent>& events,
                        const std::vector<std::size_t>& chosen) {
  return fault_effects(net, ExplicitLogic{}, events, chosen, std::vector<char>(chosen.size(), 1));
}

FaultState apply_events(const Network& net, const std::vector<const FaultEvent*>& events) {
  std::vector<FaultEvent> copies;
  std::vector<std::size_t> all;
  for (const FaultEvent* e : events) {
    all.push_back(copies.size());
    copies.push_back(*e);
  }
  return apply_events(net, copies, all);
}

}  // namespace faultline::models
