// `faultline graph`: the topology as Graphviz DOT, with the elements of chosen fault events
// highlighted (the drawing the HTML report will embed).
#include <set>

#include "report/report.hpp"

namespace faultline::report {

using namespace verifier;  // the results these writers render

namespace {
// A DOT quoted string: everything from the design is data, never markup.
std::string q(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

const char* shape(models::DeviceKind k) {
  switch (k) {
    case models::DeviceKind::router:
      return "ellipse";
    case models::DeviceKind::switch_:
      return "box";
    case models::DeviceKind::host:
      return "note";
    case models::DeviceKind::firewall:
      return "octagon";
    case models::DeviceKind::external:
      return "doublecircle";
  }
  return "ellipse";
}
}  // namespace

void write_dot(std::ostream& out, const models::Design& d,
               const std::vector<std::size_t>& highlight) {
  const models::Network& net = d.net;
  std::vector<char> hot_device(net.devices.size(), 0), hot_link(net.links.size(), 0);
  for (std::size_t e : highlight) {
    for (auto dev : d.events[e].devices) hot_device[dev] = 1;
    for (auto l : d.events[e].links) hot_link[l] = 1;
    for (auto p : d.events[e].ports) hot_link[net.ports[p].link] = 1;
    for (auto l : d.events[e].mtu_links) hot_link[l] = 1;
  }
  std::set<models::LinkId> iccp;
  for (const auto& dom : net.domains) iccp.insert(dom.iccp.begin(), dom.iccp.end());
  out << "graph " << q(net.name.empty() ? "design" : net.name) << " {\n"
      << "  graph [overlap=false, splines=true];\n  node [fontname=\"Helvetica\"];\n"
      << "  edge [fontname=\"Helvetica\", fontsize=9];\n";
  for (models::DeviceId i = 0; i < net.devices.size(); ++i) {
    const auto& dev = net.devices[i];
    out << "  " << q(dev.name) << " [shape=" << shape(dev.kind);
    if (hot_device[i])
      out << ", style=filled, fillcolor=\"#f4a7a7\", color=\"#c00000\", penwidth=2";
    out << "];\n";
  }
  for (models::LinkId l = 0; l < net.links.size(); ++l) {
    const auto& k = net.links[l];
    std::string label = k.tunnel ? "tunnel " + net.tunnels[*k.tunnel].name
                                 : net.ports[k.port[0]].name + " – " + net.ports[k.port[1]].name;
    if (k.lag) label += " (" + net.lags[*k.lag].name + ")";
    if (k.mtu != 1500) label += " mtu " + std::to_string(k.mtu);
    out << "  " << q(net.devices[k.device[0]].name) << " -- " << q(net.devices[k.device[1]].name)
        << " [label=" << q(label);
    if (iccp.count(l) || k.tunnel) out << ", style=dashed";
    if (k.bfd || (k.lag && net.lags[*k.lag].microbfd)) out << ", arrowhead=none, color=\"#2060a0\"";
    if (hot_link[l]) out << ", color=\"#c00000\", penwidth=3";
    out << "];\n";
  }
  // DESIGN.md §7: each declared prefix as a note tied to its origins, each static route as an
  // arrow from its device to each next hop (dotted: not a link; it adds no layout constraint).
  for (models::PrefixId p : net.declared_prefixes()) {
    const models::Prefix& pre = net.prefixes[p];
    const std::string node = "prefix " + pre.name;
    out << "  " << q(node)
        << " [shape=note, fontsize=10, label=" << q(pre.name + "\n" + pre.range.text()) << "];\n";
    for (models::DeviceId o : pre.origins)
      out << "  " << q(node) << " -- " << q(net.devices[o].name)
          << " [style=dotted, color=\"#808080\"];\n";
  }
  for (const models::StaticRoute& r : net.statics)
    for (models::DeviceId n : r.via)
      out << "  " << q(net.devices[r.device].name) << " -- " << q(net.devices[n].name)
          << " [dir=forward, style=dotted, constraint=false, color=\"#208020\", "
             "fontcolor=\"#208020\", label="
          << q("static " + r.destination(net) + (r.bfd ? " (bfd)" : "")) << "];\n";
  // DESIGN.md §8: each BGP session as a dashed edge (not a link: no layout constraint).
  for (std::size_t s = 0; s < net.bgp_sessions.size(); ++s) {
    const models::BgpSession& b = net.bgp_sessions[s];
    out << "  " << q(net.devices[b.end[0]].name) << " -- " << q(net.devices[b.end[1]].name)
        << " [style=dashed, constraint=false, color=\"#2040c0\", fontcolor=\"#2040c0\", label="
        << q(b.ibgp ? "iBGP" : "eBGP") << "];\n";
  }
  out << "}\n";
}

}  // namespace faultline::report
