#include "dsl/import/importer.hpp"
#include "dsl/lexicon.hpp"
#include "dsl/parse.hpp"
#include "dsl/printer.hpp"

#include <cctype>
#include <nlohmann/json.hpp>

namespace faultline::dsl::import {

nlohmann::json read_json(const std::string& path) {
  std::optional<std::string> text = read_file(path);
  if (!text) throw ImportError(path + ": cannot read the file");
  try {
    return nlohmann::json::parse(*text);
  } catch (const nlohmann::json::parse_error& e) {
    throw ImportError(path + ": error: malformed JSON (byte " + std::to_string(e.byte) + ")");
  } catch (const nlohmann::json::out_of_range&) {
    // nlohmann's message quotes the whole number, which may be megabytes long.
    throw ImportError(path + ": error: a number out of the range of a double");
  } catch (const nlohmann::json::exception& e) {
    throw ImportError(path + ": error: unreadable JSON (" + e.what() + ")");
  }
}

std::string word(const std::string& s) { return quote_word(s); }

std::string DesignWriter::unique_name(const std::string& wanted) {
  std::string n;
  for (char c : wanted) {
    char x = is_name_char(c) && c != '-' ? c : (c == '-' ? '-' : '_');
    if (x == '_' && !n.empty() && n.back() == '_') continue;
    if (x == '-' && !n.empty() && n.back() == '-') continue;
    n += x;
  }
  while (!n.empty() && (n.back() == '_' || n.back() == '-')) n.pop_back();
  while (!n.empty() && (n.front() == '_' || n.front() == '-')) n.erase(0, 1);
  if (n.empty()) n = "node";
  std::string candidate = n;
  for (int k = 2; names_.count(candidate); ++k) candidate = n + "-" + std::to_string(k);
  names_.insert(candidate);
  return word(candidate);  // a name that starts with a digit (a router id, 10.0.0.1) is quoted
}

void DesignWriter::header(const std::string& source, const std::string& format) {
  out_ += "# Imported by `faultline import --from " + format + "` from " + source + "\n";
}

void DesignWriter::design(const std::string& name) {
  out_ += "design " + word(name) + ";\n\n";
}

void DesignWriter::device(const std::string& name, const std::string& kind,
                          const std::vector<std::pair<std::string, std::string>>& attrs) {
  out_ += "device " + name + " " + kind;
  if (!attrs.empty()) {
    out_ += " {";
    for (const auto& [k, v] : attrs) out_ += " " + k + " = " + word(v) + ";";
    out_ += " }";
  } else {
    out_ += ";";
  }
  out_ += "\n";
}

std::string DesignWriter::port(const std::string& device, const std::string& port) {
  if (!port.empty()) {
    if (!ports_[device].insert(port).second)
      throw ImportError("port " + device + ":" + port + " is in two links");
    return port;
  }
  std::string p;
  do p = "p" + std::to_string(next_port_[device]++);
  while (ports_[device].count(p));
  ports_[device].insert(p);
  return p;
}

std::string port_word(const std::string& s) { return quote_port(s); }

void DesignWriter::link(const std::string& a, const std::string& pa, const std::string& b,
                        const std::string& pb) {
  out_ += "link " + a + ":" + port_word(pa) + " -- " + b + ":" + port_word(pb) + ";\n";
}

}  // namespace faultline::dsl::import
