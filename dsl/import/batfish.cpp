// Batfish layer-1 topology (`layer1_topology.json`): each physical link once, although the file
// may list both directions.  Devices are routers named after their hostnames; a cable that loops
// back into the same device is dropped with a warning, like a GraphML self-loop.
#include <nlohmann/json.hpp>

#include "dsl/import/importer.hpp"

namespace faultline::dsl::import {

Imported import_batfish_l1(const std::string& path, const ImportOptions&) {
  const nlohmann::json doc = read_json(path);
  if (!doc.is_object() || !doc.contains("edges") || !doc["edges"].is_array())
    throw ImportError(path + ": error: at /edges: expected an array of edges");
  Imported out;
  DesignWriter w;
  std::string base = path.substr(path.find_last_of('/') + 1);
  w.header(base, "batfish-l1");
  w.design(base.substr(0, base.rfind('.')));
  std::map<std::string, std::string> name_of;
  std::vector<std::pair<std::pair<std::string, std::string>, std::pair<std::string, std::string>>>
      links;
  std::set<std::pair<std::pair<std::string, std::string>, std::pair<std::string, std::string>>>
      seen;
  const auto& edges = doc["edges"];
  for (std::size_t i = 0; i < edges.size(); ++i) {
    std::string where = path + ": error: at /edges/" + std::to_string(i);
    auto end = [&](const char* which) {
      const auto& e = edges[i];
      if (!e.is_object() || !e.contains(which) || !e[which].is_object())
        throw ImportError(where + ": expected " + which);
      const auto& n = e[which];
      if (!n.contains("hostname") || !n["hostname"].is_string() || !n.contains("interfaceName") ||
          !n["interfaceName"].is_string())
        throw ImportError(where + "/" + which +
                          ": expected string fields hostname and interfaceName");
      return std::make_pair(n["hostname"].get<std::string>(),
                            n["interfaceName"].get<std::string>());
    };
    auto a = end("node1"), b = end("node2");
    if (a == b) throw ImportError(where + ": an interface linked to itself");
    auto key = a < b ? std::make_pair(a, b) : std::make_pair(b, a);
    if (!seen.insert(key).second) continue;  // the other direction of a link already read
    if (a.first == b.first) {  // a cable looped back into the same device: not a redundancy path
      out.warnings.push_back(path + ": warning: at /edges/" + std::to_string(i) + ": link from " +
                             a.first + ":" + a.second + " to " + b.first + ":" + b.second +
                             " loops back into one device; dropped");
      continue;
    }
    links.push_back({a, b});
    for (const auto& host : {a.first, b.first})
      if (!name_of.count(host)) name_of[host] = "";
  }
  for (auto& [host, name] : name_of) {
    name = w.unique_name(host);
    w.device(name, "router", {});
  }
  w.line("");
  for (const auto& [a, b] : links) {
    try {
      w.link(name_of[a.first], w.port(name_of[a.first], a.second), name_of[b.first],
             w.port(name_of[b.first], b.second));
    } catch (const ImportError& e) {
      throw ImportError(path + ": error: " + e.what());
    }
  }
  w.line("\nfaults { down device, link; }");
  w.line("require connected *;");
  out.text = w.text();
  return out;
}

}  // namespace faultline::dsl::import
