// Importers: real topology formats in, faultline text out (DESIGN.md §2: importers produce
// faultline text, never a second model).  Output is deterministic and readable, with a header
// naming the source; every import must then `faultline check` cleanly.
#pragma once
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace faultline::dsl::import {

// Bad input: the message names the file and the element (GraphML id, JSON pointer, YAML line).
struct ImportError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct ImportOptions {
  bool externals = false;          // graphml: Internal=0 nodes become `external`
  std::vector<std::string> mclag;  // netbox: the two peers of an MC-LAG domain
};

struct Imported {
  std::string text;                   // the faultline design
  std::vector<std::string> warnings;  // e.g. dropped self-loops
};

// The JSON document in `path`; a file that cannot be read, is not JSON or holds a number no
// double can represent (1e999) is an ImportError naming the file.
nlohmann::json read_json(const std::string& path);

Imported import_graphml(const std::string& path, const ImportOptions& opts);
Imported import_batfish_l1(const std::string& path, const ImportOptions& opts);
Imported import_containerlab(const std::string& path, const ImportOptions& opts);
// One or more NetBox API pages (cables and interfaces), in any order.
Imported import_netbox(const std::vector<std::string>& paths, const ImportOptions& opts);

// Builds the design text: unique valid names, ports, links in input order.
class DesignWriter {
 public:
  // A unique faultline name for `wanted`, as it is written (invalid characters become '_'; a
  // clash gets "-2", "-3", … in order of appearance; a name that starts with a digit is kept
  // and quoted, since a bare name starts with a letter or '_').
  std::string unique_name(const std::string& wanted);
  void header(const std::string& source, const std::string& format);
  void design(const std::string& name);
  void device(const std::string& name, const std::string& kind,
              const std::vector<std::pair<std::string, std::string>>& attrs);
  // A new port on `device` ("p0", "p1", …) unless `port` names one.
  std::string port(const std::string& device, const std::string& port = "");
  void link(const std::string& a, const std::string& pa, const std::string& b,
            const std::string& pb);
  void line(const std::string& text) { out_ += text + "\n"; }
  std::string text() const { return out_; }

 private:
  std::string out_;
  std::set<std::string> names_;
  std::map<std::string, int> next_port_;
  std::map<std::string, std::set<std::string>> ports_;
};

// `s` as a faultline word: bare when it is a valid name, else double-quoted with escapes.
std::string word(const std::string& s);
// `s` as a port name: bare when the grammar's port rule reads it back whole, else quoted.
std::string port_word(const std::string& s);

}  // namespace faultline::dsl::import
