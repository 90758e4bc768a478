// GraphML (Internet Topology Zoo): nodes become routers named from their `label`, keeping
// `id`, `Country` and `Internal`; every edge is a link (parallel edges stay separate links);
// self-loops are dropped with a warning.  Attribute keys are looked up by `attr.name`: key ids
// differ from file to file.
#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <fstream>

#include "dsl/import/importer.hpp"

namespace faultline::dsl::import {

namespace pt = boost::property_tree;

namespace {

// An XML attribute; '/' separates the path so that names such as "attr.name" stay whole.
std::string attr(const pt::ptree& node, const std::string& name) {
  return node.get<std::string>(pt::ptree::path_type("<xmlattr>/" + name, '/'), "");
}

}  // namespace

Imported import_graphml(const std::string& path, const ImportOptions& opts) {
  pt::ptree doc;
  try {
    std::ifstream in(path);
    if (!in) throw ImportError(path + ": cannot read the file");
    pt::read_xml(in, doc);
  } catch (const pt::xml_parser_error& e) {
    throw ImportError(path + ":" + std::to_string(e.line()) +
                      ": error: malformed XML: " + e.message());
  }
  auto root = doc.get_child_optional("graphml");
  if (!root) throw ImportError(path + ": error: no <graphml> element");
  // Key id → attribute name, for nodes and for the graph.
  std::map<std::string, std::string> node_keys, graph_keys;
  for (const auto& [tag, child] : *root) {
    if (tag != "key") continue;
    std::string f = attr(child, "for");
    (f == "node" ? node_keys : graph_keys)[attr(child, "id")] = attr(child, "attr.name");
  }
  auto graph = root->get_child_optional("graph");
  if (!graph) throw ImportError(path + ": error: no <graph> element in <graphml>");

  Imported out;
  DesignWriter w;
  std::string network;
  for (const auto& [tag, child] : *graph)
    if (tag == "data" && graph_keys[attr(child, "key")] == "Network") network = child.data();
  std::string base = path.substr(path.find_last_of('/') + 1);
  w.header(base, "graphml");
  w.design(network.empty() ? base.substr(0, base.rfind('.')) : network);

  std::map<std::string, std::string> name_of;  // GraphML node id → device name
  for (const auto& [tag, child] : *graph) {
    if (tag != "node") continue;
    std::string id = attr(child, "id");
    if (id.empty()) throw ImportError(path + ": error: a <node> without an id");
    if (name_of.count(id)) throw ImportError(path + ": error: node id '" + id + "' appears twice");
    std::map<std::string, std::string> data;
    for (const auto& [t, d] : child)
      if (t == "data") data[node_keys[attr(d, "key")]] = d.data();
    std::string label = data.count("label") ? data["label"] : "node " + id;
    std::string name = w.unique_name(label);
    name_of[id] = name;
    std::vector<std::pair<std::string, std::string>> attrs;
    for (const char* k : {"id", "Country", "Internal"})
      if (data.count(k) && !data[k].empty()) attrs.push_back({k, data[k]});
    bool external = opts.externals && data.count("Internal") && data["Internal"] == "0";
    w.device(name, external ? "external" : "router", attrs);
  }
  w.line("");
  for (const auto& [tag, child] : *graph) {
    if (tag != "edge") continue;
    std::string s = attr(child, "source"), t = attr(child, "target");
    if (!name_of.count(s) || !name_of.count(t))
      throw ImportError(path + ": error: edge " + s + " -> " + t +
                        " names a node that does not exist");
    if (s == t) {
      out.warnings.push_back(path + ": warning: self-loop on node " + s + " (" + name_of[s] +
                             ") dropped");
      continue;
    }
    std::string a = name_of[s], b = name_of[t];
    w.link(a, w.port(a), b, w.port(b));
  }
  w.line("\nfaults { down device, link; }");
  w.line("require connected *;");
  out.text = w.text();
  return out;
}

}  // namespace faultline::dsl::import
