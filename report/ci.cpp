// CI formats (docs/ci.md): SARIF 2.1.0 for code scanning, JUnit XML for GitLab and Jenkins.
#include <nlohmann/json.hpp>
#include <sstream>

#include "report/escape.hpp"
#include "report/report.hpp"
#include "report/words.hpp"

namespace faultline::report {

using namespace verifier;  // the results these writers render

namespace {

using json = nlohmann::ordered_json;

// A repository-relative URI for a path as given on the command line.
std::string uri_of(const std::string& path) {
  std::string p = path;
  while (p.rfind("./", 0) == 0) p = p.substr(2);
  return replace_chars(p, {{'%', "%25"}, {' ', "%20"}});
}

// SARIF counts columns in Unicode code points (columnKind below); SourceLoc counts bytes.
std::size_t codepoint_column(const dsl::SourceLoc& loc) {
  if (!loc.valid()) return 1;
  std::string_view line = loc.file->line_text(loc.line());
  std::size_t bytes = std::min(loc.column() - 1, line.size()), column = 1;
  for (std::size_t i = 0; i < bytes; ++i)
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++column;
  return column;
}

json physical(const std::string& file, const dsl::SourceLoc& loc) {
  return {{"artifactLocation", {{"uri", uri_of(file)}}},
          {"region",
           {{"startLine", std::max<std::size_t>(loc.line(), 1)},
            {"startColumn", codepoint_column(loc)}}}};
}

struct Rule {
  const char* id;
  const char* name;
  const char* level;
  const char* short_text;
  const char* full_text;
  const char* help;
};

// Stable ids: FL0xx verdicts, FL1xx input.
constexpr Rule kRules[] = {
    {"FL001", "ViolatedRequirement", "error", "A requirement is violated by some fault set",
     "Some combination of at most K fault events of the design's fault model makes a flow of "
     "the requirement drop; each result names one minimal set of events, the walk and the drop.",
     "Remove the single points of failure the result names (add redundancy, a detector such as "
     "BFD or micro-BFD, or a second ICCP link), or lower the requirement's tolerate."},
    {"FL002", "UnknownVerdict", "warning", "A requirement could not be decided",
     "The search stopped at a limit (time, or split-brain choices beyond what is enumerated) "
     "before covering every fault combination; nothing is claimed.",
     "Raise --timeout, lower tolerate, or split the design."},
    {"FL101", "InputError", "error", "The design has an error",
     "The file does not parse or does not resolve (an unknown device, a duplicate, a bad "
     "attribute); it was not checked.",
     "Fix the line the result points at; the message says what was expected."},
    {"FL102", "InputWarning", "warning", "The design has a suspicious construct",
     "A construct that is legal but probably not meant, such as a common attribute no element "
     "carries.",
     "Read the message; the design was still checked."},
};

json rules_json() {
  json rules = json::array();
  for (const Rule& r : kRules)
    rules.push_back({{"id", r.id},
                     {"name", r.name},
                     {"shortDescription", {{"text", r.short_text}}},
                     {"fullDescription", {{"text", r.full_text}}},
                     {"help", {{"text", r.help}}},
                     {"defaultConfiguration", {{"level", r.level}}}});
  return rules;
}

int rule_index(const char* id) {
  for (std::size_t i = 0; i < std::size(kRules); ++i)
    if (std::string(kRules[i].id) == id) return static_cast<int>(i);
  return 0;
}

json result(const char* rule, const std::string& text, json location) {
  const Rule& r = kRules[rule_index(rule)];
  return {{"ruleId", r.id},
          {"ruleIndex", rule_index(rule)},
          {"level", r.level},
          {"message", {{"text", text}}},
          {"locations", json::array({{{"physicalLocation", std::move(location)}}})}};
}

// The explanation of one violating set, as the text report words it.
std::string explanation_text(const Explanation& e) {
  std::string s = e.source + " -> " + e.destination + " " + outcome_label(e) + ": " + drop_sentence(e);
  for (const auto& u : e.unnoticed) s += "; unnoticed: " + unnoticed_sentence(u);
  for (const auto& st : e.state) s += "; state: " + state_sentence(st);
  return s;
}

}  // namespace

void write_sarif(std::ostream& out, const std::vector<DesignReport>& reports) {
  json results = json::array();
  for (const DesignReport& rep : reports) {
    for (const auto& diag : rep.diagnostics) {
      const char* rule = diag.severity == dsl::Severity::error ? "FL101" : "FL102";
      results.push_back(result(rule, diag.message, physical(rep.file, diag.loc)));
    }
    if (!rep.design) continue;
    const models::Design& d = *rep.design;
    for (const auto& c : rep.requirements) {
      const RequirementResult& r = c.result;
      const models::Requirement& req = d.net.requirements[r.requirement];
      json where = physical(rep.file, req.loc);
      if (r.status == Status::unknown) {
        results.push_back(
            result("FL002", "'" + req.text + "' is unknown: " + r.unknown_reason, where));
        continue;
      }
      if (r.status != Status::violated) continue;
      // One result per minimal set: each is its own finding with its own fix.
      for (std::size_t i = 0; i < r.violations.size(); ++i) {
        const Violation& v = r.violations[i];
        json res = result("FL001",
                          "'" + req.text + "' is violated by " + set_line(d, v) + ": " +
                              explanation_text(c.explanations[i]),
                          where);
        json related = json::array();
        int id = 1;
        for (std::size_t e : v.events)
          related.push_back({{"id", id++},
                             {"physicalLocation", physical(rep.file, d.events[e].loc)},
                             {"message", {{"text", d.events[e].name}}}});
        if (!related.empty()) res["relatedLocations"] = related;
        res["partialFingerprints"] = {{"faultlineSet/v1", req.text + " | " + set_line(d, v)}};
        results.push_back(res);
      }
    }
  }
  json sarif = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                {"version", "2.1.0"},
                {"runs", json::array({{{"tool",
                                        {{"driver",
                                          {{"name", "faultline"},
                                           {"version", FAULTLINE_VERSION},
                                           {"informationUri", "https://example.invalid/faultline"},
                                           {"rules", rules_json()}}}}},
                                       {"columnKind", "unicodeCodePoints"},
                                       {"results", results}}})}};
  out << sarif.dump(2) << "\n";
}

void write_junit(std::ostream& out, const std::vector<DesignReport>& reports) {
  std::ostringstream body;
  std::size_t tests = 0, failures = 0, errors = 0;
  for (const DesignReport& rep : reports) {
    std::size_t t = 0, f = 0, e = 0;
    std::ostringstream cases;
    if (!rep.design) {
      ++t;
      ++e;
      std::string text;
      for (const auto& diag : rep.diagnostics)
        text += (diag.loc.valid() ? diag.loc.str() : rep.file) + ": " + diag.message + "\n";
      cases << "    <testcase classname=\"" << markup_escape(rep.file) << "\" name=\"parse\">\n"
            << "      <error message=\"the design has errors\">" << markup_escape(text)
            << "</error>\n    </testcase>\n";
    } else {
      const models::Design& d = *rep.design;
      for (const auto& c : rep.requirements) {
        const RequirementResult& r = c.result;
        const models::Requirement& req = d.net.requirements[r.requirement];
        ++t;
        cases << "    <testcase classname=\"" << markup_escape(rep.file) << "\" name=\""
              << markup_escape(req.text) << "\" file=\"" << markup_escape(rep.file) << "\" line=\""
              << req.loc.line() << "\">\n";
        if (r.status == Status::violated) {
          ++f;
          std::string text;
          for (std::size_t i = 0; i < r.violations.size(); ++i)
            text +=
                set_line(d, r.violations[i]) + ": " + explanation_text(c.explanations[i]) + "\n";
          cases << "      <failure message=\"violated by " << r.violation_count
                << (r.violation_count == 1 ? " minimal set" : " minimal sets") << "\">"
                << markup_escape(text) << "</failure>\n";
        } else if (r.status == Status::unknown) {
          ++e;
          cases << "      <error message=\"unknown\">" << markup_escape(r.unknown_reason)
                << "</error>\n";
        }
        cases << "    </testcase>\n";
      }
    }
    tests += t;
    failures += f;
    errors += e;
    body << "  <testsuite name=\"" << markup_escape(rep.file) << "\" tests=\"" << t
         << "\" failures=\"" << f << "\" errors=\"" << e << "\">\n"
         << cases.str() << "  </testsuite>\n";
  }
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<testsuites name=\"faultline\" tests=\"" << tests << "\" failures=\"" << failures
      << "\" errors=\"" << errors << "\">\n"
      << body.str() << "</testsuites>\n";
}

}  // namespace faultline::report
