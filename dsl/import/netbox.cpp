// NetBox: JSON as returned by /api/dcim/cables/ and /api/dcim/interfaces/ (paginated `results`,
// each file one page of either).  Cables become links; interfaces with a `lag` parent become lag
// members.  MC-LAG cannot be read from NetBox: `--mclag A,B` declares a domain (ICCP over every
// link between A and B); without it a bundle spanning two devices is imported as plain links
// with a warning.  A bundle that NetBox records at both ends is declared once: an MC-LAG client's
// bundle first, else the end whose device name sorts first.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <tuple>

#include "dsl/import/importer.hpp"

namespace faultline::dsl::import {

namespace {

using json = nlohmann::json;

struct End {
  std::string device, interface;
  bool operator<(const End& o) const {
    return std::tie(device, interface) < std::tie(o.device, o.interface);
  }
  bool operator==(const End& o) const { return device == o.device && interface == o.interface; }
};

std::string str(const json& j, const char* key, const std::string& where) {
  if (!j.is_object() || !j.contains(key) || !j[key].is_string())
    throw ImportError(where + ": expected a string '" + key + "'");
  return j[key].get<std::string>();
}

// The interface at one end of a cable: new-style `a_terminations: [{object: {device, name}}]`.
End termination(const json& cable, const char* side, const std::string& where) {
  std::string w = where + "/" + side;
  if (!cable.contains(side) || !cable[side].is_array() || cable[side].size() != 1)
    throw ImportError(w + ": expected one interface termination");
  const json& t = cable[side][0];
  if (t.contains("object_type") && t["object_type"] != "dcim.interface")
    throw ImportError(w + "/0: not an interface (" + t["object_type"].dump() + ")");
  const json& obj = t.contains("object") ? t["object"] : t;
  if (!obj.contains("device")) throw ImportError(w + "/0/object: expected 'device'");
  return {str(obj["device"], "name", w + "/0/object/device"), str(obj, "name", w + "/0/object")};
}

}  // namespace

Imported import_netbox(const std::vector<std::string>& paths, const ImportOptions& opts) {
  std::vector<std::pair<End, End>> cables;
  std::map<End, std::string> lag_of;  // interface → its LAG's name
  std::set<std::string> devices;
  for (const std::string& path : paths) {
    const json doc = read_json(path);
    if (!doc.is_object() || !doc.contains("results") || !doc["results"].is_array())
      throw ImportError(path + ": error: at /results: expected the array of a NetBox API page");
    const json& results = doc["results"];
    for (std::size_t i = 0; i < results.size(); ++i) {
      const json& r = results[i];
      std::string where = path + ": error: at /results/" + std::to_string(i);
      if (r.contains("a_terminations")) {
        End a = termination(r, "a_terminations", where),
            b = termination(r, "b_terminations", where);
        cables.push_back({a, b});
        devices.insert(a.device);
        devices.insert(b.device);
      } else if (r.contains("device") && r.contains("name")) {
        End e{str(r["device"], "name", where + "/device"), str(r, "name", where)};
        if (r.contains("lag") && !r["lag"].is_null())
          lag_of[e] = str(r["lag"], "name", where + "/lag");
      } else {
        throw ImportError(where +
                          ": neither a cable (a_terminations) nor an interface (device, name)");
      }
    }
  }
  if (opts.mclag.size() == 2)
    for (const auto& p : opts.mclag)
      if (!devices.count(p))
        throw ImportError("faultline: error: --mclag: device '" + p +
                          "' has no cable in the input");

  Imported out;
  DesignWriter w;
  std::string sources;
  for (const auto& p : paths)
    sources += (sources.empty() ? "" : ", ") + p.substr(p.find_last_of('/') + 1);
  w.header(sources, "netbox");
  w.design("netbox");
  std::map<std::string, std::string> name_of;
  for (const auto& d : devices) {
    name_of[d] = w.unique_name(d);
    w.device(name_of[d], "router", {});
  }
  w.line("");
  std::map<End, End> far;  // interface → the interface at the cable's other end
  for (const auto& [a, b] : cables) {
    if (a.device == b.device) {
      out.warnings.push_back("netbox: warning: cable " + a.device + ":" + a.interface + " -- " +
                             b.interface + " loops back into one device; dropped");
      continue;
    }
    if (far.count(a) || far.count(b)) throw ImportError("netbox: error: interface in two cables");
    far[a] = b;
    far[b] = a;
    w.link(name_of[a.device], w.port(name_of[a.device], a.interface), name_of[b.device],
           w.port(name_of[b.device], b.interface));
  }
  // Bundles: (device, lag) → members with a cable; declared once, MC-LAG clients first.
  std::map<std::pair<std::string, std::string>, std::vector<End>> bundles;
  for (const auto& [e, lag] : lag_of)
    if (far.count(e)) bundles[{e.device, lag}].push_back(e);
  std::set<std::string> peers(opts.mclag.begin(), opts.mclag.end());
  auto far_devices = [&](const std::vector<End>& members) {
    std::set<std::string> f;
    for (const auto& m : members) f.insert(far[m].device);
    return f;
  };
  std::vector<std::pair<std::string, std::string>> order;
  for (const auto& [key, members] : bundles) order.push_back(key);
  std::stable_sort(order.begin(), order.end(), [&](const auto& x, const auto& y) {
    return far_devices(bundles[x]).size() > far_devices(bundles[y]).size();
  });
  std::set<End> claimed;
  std::vector<std::string> lag_lines;
  bool domain_needed = false;
  for (const auto& key : order) {
    const auto& members = bundles[key];
    auto fars = far_devices(members);
    bool taken = std::any_of(members.begin(), members.end(), [&](const End& m) {
      return claimed.count(m) || claimed.count(far[m]);
    });
    if (taken) continue;
    if (members.size() < 2) {
      out.warnings.push_back("netbox: warning: lag " + key.first + ":" + key.second +
                             " has fewer than two cabled members; imported as plain links");
      continue;
    }
    if (fars.size() > 1 && fars != peers) {
      out.warnings.push_back("netbox: warning: lag " + key.first + ":" + key.second +
                             " spans two devices; MC-LAG cannot be read from NetBox (declare it "
                             "with --mclag A,B); imported as plain links");
      continue;
    }
    domain_needed = domain_needed || fars.size() > 1;
    std::string list;
    for (const auto& m : members) {
      list += (list.empty() ? "" : ", ") + name_of[m.device] + ":" + port_word(m.interface);
      claimed.insert(m);
    }
    lag_lines.push_back("lag " + name_of[key.first] + ":" + word(key.second) +
                        " { members = " + list + "; }");
  }
  if (domain_needed) {
    std::string iccp;
    for (const auto& [a, b] : far)
      if (a.device == opts.mclag[0] && b.device == opts.mclag[1])
        iccp += (iccp.empty() ? "" : ", ") + name_of[a.device] + ":" + port_word(a.interface);
    if (iccp.empty())
      throw ImportError("faultline: error: --mclag: no cable between '" + opts.mclag[0] +
                        "' and '" + opts.mclag[1] + "' to carry ICCP");
    w.line("mclag " + w.unique_name(opts.mclag[0] + "-" + opts.mclag[1]) + " { peers = " +
           name_of[opts.mclag[0]] + ", " + name_of[opts.mclag[1]] + "; iccp = " + iccp + "; }");
  }
  for (const auto& l : lag_lines) w.line(l);
  w.line("\nfaults { down device, link; }");
  w.line("require connected *;");
  out.text = w.text();
  return out;
}

}  // namespace faultline::dsl::import
