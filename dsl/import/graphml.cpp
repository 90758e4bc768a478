// GraphML (Internet Topology Zoo): nodes become routers named from their `label`, keeping
// `id`, `Country` and `Internal`; every edge is a link (parallel edges stay separate links);
// self-loops are dropped with a warning.  Attribute keys are looked up by `attr.name`: key ids
// differ from file to file.
#include <algorithm>
#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <sstream>

#include "dsl/import/importer.hpp"
#include "dsl/parse.hpp"

namespace faultline::dsl::import {

namespace pt = boost::property_tree;

namespace {

// An XML attribute; '/' separates the path so that names such as "attr.name" stay whole.
std::string attr(const pt::ptree& node, const std::string& name) {
  return node.get<std::string>(pt::ptree::path_type("<xmlattr>/" + name, '/'), "");
}

// How deeply elements nest in `xml` (comments, CDATA, processing instructions and declarations
// skipped; quoted attribute values may hold '>').  Boost's XML parser recurses once per level,
// so a file of a million nested elements would overflow the stack: GraphML needs five.
std::size_t nesting_depth(const std::string& xml) {
  std::size_t depth = 0, deepest = 0, i = 0;
  auto skip_past = [&](const char* end) {
    std::size_t at = xml.find(end, i);
    i = at == std::string::npos ? xml.size() : at + std::char_traits<char>::length(end);
  };
  while ((i = xml.find('<', i)) != std::string::npos) {
    if (xml.compare(i, 4, "<!--") == 0) {
      skip_past("-->");
    } else if (xml.compare(i, 9, "<![CDATA[") == 0) {
      skip_past("]]>");
    } else if (xml.compare(i, 2, "<?") == 0) {
      skip_past("?>");
    } else if (xml.compare(i, 2, "<!") == 0) {
      skip_past(">");
    } else if (xml.compare(i, 2, "</") == 0) {
      if (depth > 0) --depth;
      skip_past(">");
    } else {
      char quote = 0;
      std::size_t j = i + 1;
      for (; j < xml.size() && (quote || xml[j] != '>'); ++j)
        if (quote ? xml[j] == quote : (xml[j] == '"' || xml[j] == '\'')) quote = quote ? 0 : xml[j];
      if (j >= xml.size() || xml[j - 1] != '/') deepest = std::max(deepest, ++depth);
      i = j + 1;
    }
    if (i >= xml.size()) break;
  }
  return deepest;
}

constexpr std::size_t kMaxDepth = 256;

}  // namespace

Imported import_graphml(const std::string& path, const ImportOptions& opts) {
  pt::ptree doc;
  try {
    std::optional<std::string> text = read_file(path);
    if (!text) throw ImportError(path + ": cannot read the file");
    if (nesting_depth(*text) > kMaxDepth)
      throw ImportError(path + ": error: elements nested more than " + std::to_string(kMaxDepth) +
                        " deep (GraphML needs five)");
    std::istringstream xml(std::move(*text));
    pt::read_xml(xml, doc);
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
