// containerlab (`*.clab.yml`): nodes with their kinds mapped to device kinds, links in both
// syntaxes (brief `endpoints: ["a:e1", "b:e2"]` and extended `endpoints: [{node, interface}]`).
// A node's kind comes from the node, else its group, else the topology defaults.
#include <yaml-cpp/yaml.h>

#include "dsl/import/importer.hpp"

namespace faultline::dsl::import {

namespace {

// Network OS kinds that switch (data-centre NOSes) and those that route; linux-like kinds are
// hosts, bridges are switches.  Anything else is a router, with a warning.
const std::set<std::string> kSwitchKinds = {"nokia_srlinux", "srl",      "cvx",        "ceos",
                                            "arista_ceos",   "sonic-vs", "cisco_n9kv", "vr-n9kv",
                                            "dell_sonic",    "bridge",   "ovs-bridge"};
const std::set<std::string> kRouterKinds = {
    "crpd",     "juniper_crpd",         "vr-sros", "nokia_sros",  "xrd",    "cisco_xrd",
    "vr-xrv9k", "cisco_xrv9k",          "vr-vmx",  "juniper_vmx", "vr-csr", "cisco_csr1000v",
    "vr-veos",  "juniper_vjunosrouter", "frr"};
const std::set<std::string> kHostKinds = {"linux", "host", "ext-container", "rare", "k8s-kind"};

std::string at_line(const std::string& path, const YAML::Node& n) {
  return path + ":" + std::to_string(n.Mark().line + 1) + ": error: ";
}

}  // namespace

Imported import_containerlab(const std::string& path, const ImportOptions&) {
  YAML::Node doc;
  try {
    doc = YAML::LoadFile(path);
  } catch (const YAML::BadFile&) {
    throw ImportError(path + ": cannot read the file");
  } catch (const YAML::ParserException& e) {
    throw ImportError(path + ":" + std::to_string(e.mark.line + 1) +
                      ": error: malformed YAML: " + e.msg);
  }
  Imported out;
  try {
    YAML::Node topo = doc["topology"];
    if (!topo || !topo.IsMap()) throw ImportError(path + ": error: no 'topology' map");
    YAML::Node nodes = topo["nodes"];
    if (!nodes || !nodes.IsMap())
      throw ImportError(at_line(path, topo) + "'topology' has no 'nodes' map");
    std::string default_kind = topo["defaults"] && topo["defaults"]["kind"]
                                   ? topo["defaults"]["kind"].as<std::string>()
                                   : "";
    DesignWriter w;
    std::string base = path.substr(path.find_last_of('/') + 1);
    w.header(base, "containerlab");
    w.design(doc["name"] ? doc["name"].as<std::string>() : base.substr(0, base.find('.')));
    std::map<std::string, std::string> name_of;
    for (const auto& entry : nodes) {
      std::string node = entry.first.as<std::string>();
      const YAML::Node& spec = entry.second;
      std::string kind;
      if (spec && spec.IsMap() && spec["kind"])
        kind = spec["kind"].as<std::string>();
      else if (spec && spec.IsMap() && spec["group"] && topo["groups"] &&
               topo["groups"][spec["group"].as<std::string>()]["kind"])
        kind = topo["groups"][spec["group"].as<std::string>()]["kind"].as<std::string>();
      else
        kind = default_kind;
      if (kind.empty())
        throw ImportError(at_line(path, entry.first) + "node '" + node + "' has no kind");
      std::string device_kind = kSwitchKinds.count(kind) ? "switch"
                                : kHostKinds.count(kind) ? "host"
                                                         : "router";
      if (!kSwitchKinds.count(kind) && !kHostKinds.count(kind) && !kRouterKinds.count(kind))
        out.warnings.push_back(path + ":" + std::to_string(entry.first.Mark().line + 1) +
                               ": warning: kind '" + kind + "' of node '" + node +
                               "' is not known: imported as a router");
      name_of[node] = w.unique_name(node);
      w.device(name_of[node], device_kind, {{"kind", kind}});
    }
    w.line("");
    YAML::Node links = topo["links"];
    if (links && !links.IsSequence())
      throw ImportError(at_line(path, links) + "'links' is not a list");
    for (std::size_t i = 0; links && i < links.size(); ++i) {
      const YAML::Node& l = links[i];
      std::string where = at_line(path, l) + "link " + std::to_string(i + 1) + ": ";
      if (!l.IsMap() || !l["endpoints"] || !l["endpoints"].IsSequence())
        throw ImportError(where +
                          "expected 'endpoints: [a:e1, b:e2]' or a list of {node, interface}");
      const YAML::Node& eps = l["endpoints"];
      std::string type = l["type"] ? l["type"].as<std::string>() : "veth";
      if (type != "veth" || eps.size() != 2) {
        out.warnings.push_back(path + ":" + std::to_string(l.Mark().line + 1) + ": warning: link " +
                               std::to_string(i + 1) + " of type '" + type +
                               "' is not between two nodes: dropped");
        continue;
      }
      std::pair<std::string, std::string> end[2];
      for (int k = 0; k < 2; ++k) {
        const YAML::Node& e = eps[k];
        if (e.IsScalar()) {
          std::string s = e.as<std::string>();
          auto colon = s.find(':');
          if (colon == std::string::npos)
            throw ImportError(where + "endpoint '" + s + "' is not node:interface");
          end[k] = {s.substr(0, colon), s.substr(colon + 1)};
        } else if (e.IsMap() && e["node"] && e["interface"]) {
          end[k] = {e["node"].as<std::string>(), e["interface"].as<std::string>()};
        } else {
          throw ImportError(where +
                            "an endpoint is neither \"node:interface\" nor {node, interface}");
        }
        if (!name_of.count(end[k].first))
          throw ImportError(where + "unknown node '" + end[k].first + "'");
      }
      if (end[0].first == end[1].first) {
        out.warnings.push_back(path + ":" + std::to_string(l.Mark().line + 1) + ": warning: link " +
                               std::to_string(i + 1) + " loops back into node '" + end[0].first +
                               "': dropped");
        continue;
      }
      std::string a = name_of[end[0].first], b = name_of[end[1].first];
      try {
        w.link(a, w.port(a, end[0].second), b, w.port(b, end[1].second));
      } catch (const ImportError& e) {
        throw ImportError(where + e.what());
      }
    }
    w.line("\nfaults { down device, link; }");
    w.line("require connected *;");
    out.text = w.text();
  } catch (const YAML::Exception& e) {
    throw ImportError(path + ":" + std::to_string(e.mark.line + 1) + ": error: " + e.msg);
  }
  return out;
}

}  // namespace faultline::dsl::import
