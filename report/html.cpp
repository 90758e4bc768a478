// `--format html`: one self-contained page for a design review — no script, no fetch.  The
// drawing is Graphviz's SVG inlined when `dot` is installed; the page says so when it is not.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "verifier/criticality.hpp"
#include "report/escape.hpp"
#include "report/report.hpp"
#include "report/words.hpp"

namespace faultline::report {

using namespace verifier;  // the results these writers render

const char* const kHtmlStyle = R"(
body { font-family: system-ui, sans-serif; margin: 2em; max-width: 70em; color: #222; }
table { border-collapse: collapse; margin: 1em 0; }
td, th { border: 1px solid #ccc; padding: .3em .6em; text-align: left; vertical-align: top; }
.proved { color: #176b2c; font-weight: bold; } .violated { color: #b00020; font-weight: bold; }
.unknown { color: #8a6d00; font-weight: bold; }
pre { background: #f6f6f6; padding: .5em; overflow-x: auto; }
.set { border-left: 4px solid #b00020; padding-left: 1em; margin: 1em 0; }
.drawing svg { max-width: 100%; height: auto; }
)";

namespace {

// Designs above this many devices get no drawing: dot's layout would dominate the run.
constexpr std::size_t kMaxDrawnDevices = 300;

// The SVG of the design with `events` highlighted, or "" when dot is missing or fails.
std::string svg_of(const models::Design& d, const std::vector<std::size_t>& events) {
  char path[] = "/tmp/faultline-dot-XXXXXX";
  int fd = ::mkstemp(path);
  if (fd < 0) return "";
  ::close(fd);
  {
    std::ofstream f(path);
    write_dot(f, d, events);
  }
  std::string cmd = std::string("dot -Tsvg '") + path + "' 2>/dev/null";
  std::string svg;
  if (FILE* p = ::popen(cmd.c_str(), "r")) {
    char buf[8192];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) svg.append(buf, n);
    if (::pclose(p) != 0) svg.clear();
  }
  std::remove(path);
  auto start = svg.find("<svg");
  if (start == std::string::npos) return "";
  // Graphviz numbers its ids from 1 in every drawing ("graph0", "node1"): drop them, so that a
  // page with several drawings keeps its ids unique.
  std::string out;
  for (std::size_t i = start; i < svg.size();) {
    if (svg.compare(i, 5, " id=\"") == 0) {
      std::size_t end = svg.find('"', i + 5);
      if (end != std::string::npos) {
        i = end + 1;
        continue;
      }
    }
    out += svg[i++];
  }
  return out;
}

bool have_dot() {
  return std::system("command -v dot >/dev/null 2>&1") == 0;
}

// The source line of `loc`, numbered.
std::string source_line(const dsl::SourceLoc& loc) {
  if (!loc.valid()) return "";
  return std::to_string(loc.line()) + " | " + std::string(loc.file->line_text(loc.line()));
}

// The source lines an event involves, in line order: every device, link and port it fails
// (a `common` event fails several) and the faults line that put it in the universe.
std::vector<std::string> event_lines(const models::Design& d, const models::FaultEvent& e) {
  std::map<std::uint32_t, std::string> lines;
  auto add = [&](const dsl::SourceLoc& loc) {
    if (loc.valid()) lines.emplace(loc.line(), source_line(loc));
  };
  add(e.loc);
  for (auto dev : e.devices) add(d.net.devices[dev].loc);
  for (auto l : e.links) add(d.net.links[l].loc);
  for (auto p : e.ports) add(d.net.links[d.net.ports[p].link].loc);
  add(e.cause);
  std::vector<std::string> out;
  for (auto& [line, text] : lines) out.push_back(text);
  return out;
}

}  // namespace

void write_html(std::ostream& out, const std::vector<DesignReport>& reports,
                const ReportOptions& opts) {
  bool dot = have_dot();
  // The drawings made so far: (design, set) → the anchor of its drawing.
  std::map<std::pair<const DesignReport*, std::vector<std::size_t>>, std::string> drawings;
  Tally t;  // requirements
  std::ostringstream body;
  for (const DesignReport& rep : reports) {
    body << "<h2>" << markup_escape(rep.file);
    if (rep.design) body << " — design “" << markup_escape(rep.design->net.name) << "”";
    body << "</h2>\n";
    if (!rep.design) {
      body << "<p class=\"violated\">Not checked: the design has errors.</p>\n<pre>";
      for (const auto& diag : rep.diagnostics)
        body << markup_escape((diag.loc.valid() ? diag.loc.str() : rep.file) + ": " + diag.message)
             << "\n";
      body << "</pre>\n";
      continue;
    }
    const models::Design& d = *rep.design;
    body << "<table><tr><th>line</th><th>requirement</th><th>verdict</th><th>K</th>"
            "<th>minimal violating sets</th></tr>\n";
    for (const auto& c : rep.requirements) {
      const RequirementResult& r = c.result;
      const auto& req = d.net.requirements[r.requirement];
      const char* st = status_name(r.status);
      t.add(r.status);
      body << "<tr><td>" << req.loc.line() << "</td><td>" << markup_escape(req.text)
           << "</td><td class=\"" << st << "\">" << st << "</td><td>" << r.tolerate << "</td><td>"
           << (r.status == Status::violated ? std::to_string(r.violation_count) : "")
           << "</td></tr>\n";
    }
    body << "</table>\n";
    for (const auto& c : rep.requirements) {
      const RequirementResult& r = c.result;
      const auto& req = d.net.requirements[r.requirement];
      if (r.status == Status::unknown)
        body << "<h3>" << markup_escape(req.text)
             << ": <span class=\"unknown\">unknown</span></h3><p>"
             << markup_escape(r.unknown_reason) << "</p>\n";
      if (r.status != Status::violated) continue;
      body << "<h3>" << markup_escape(req.text)
           << ": <span class=\"violated\">violated</span></h3>\n<pre>"
           << markup_escape(source_line(req.loc)) << "</pre>\n";
      for (std::size_t i = 0; i < r.violations.size(); ++i) {
        const Violation& v = r.violations[i];
        const Explanation& e = c.explanations[i];
        body << "<div class=\"set\"><p><b>" << (i + 1) << ". " << markup_escape(set_line(d, v))
             << "</b>";
        if (v.probability) body << " (p = " << probability(*v.probability) << ")";
        body << "</p>\n<pre>";
        std::set<std::string> shown;  // two events of a set may share a line
        for (std::size_t ev : v.events)
          for (const std::string& line : event_lines(d, d.events[ev]))
            if (shown.insert(line).second) body << markup_escape(line) << "\n";
        body << "</pre>\n<p>walk: " << markup_escape(walk_line(e));
        for (const std::string& line : underlay_lines(e))
          body << "<br>underlay: " << markup_escape(line);
        for (const std::string& line : route_lines(e)) body << "<br>route: " << markup_escape(line);
        body << "<br>" << outcome_label(e) << ": " << markup_escape(drop_sentence(e));
        for (const auto& u : e.unnoticed)
          body << "<br>unnoticed: " << markup_escape(unnoticed_sentence(u));
        for (const auto& s : e.state) body << "<br>state: " << markup_escape(state_sentence(s));
        body << "</p>\n";
        if (i == 0) {  // one drawing per requirement: its first set, once per page
          auto [drawn, fresh] = drawings.emplace(std::pair(&rep, v.events),
                                                 "drawing-" + std::to_string(drawings.size() + 1));
          body << "<div class=\"drawing\"";
          if (fresh) body << " id=\"" << drawn->second << "\"";  // ids are unique in a page
          body << ">";
          if (!fresh)
            body << "<p><i>This set is drawn <a href=\"#" << drawn->second
                 << "\">above</a>.</i></p>";
          else if (!dot)
            body << "<p><i>No drawing: Graphviz <code>dot</code> is not installed.</i></p>";
          else if (d.net.devices.size() > kMaxDrawnDevices)
            body << "<p><i>No drawing: more than " << kMaxDrawnDevices << " devices.</i></p>";
          else
            body << svg_of(d, v.events);
          body << "</div>\n";
        }
        body << "</div>\n";
      }
    }
    if (opts.criticality) {
      body << "<h3>Criticality</h3>\n";
      if (std::size_t gaps = criticality_gaps(rep).size())
        body << "<p>Incomplete: a limit stopped the search of " << gaps << " requirement"
             << (gaps == 1 ? "" : "s")
             << "; events may be missing or rank higher than shown.</p>\n";
      body << "<table><tr><th>#</th><th>event</th><th>smallest set</th>"
              "<th>requirements</th><th>minimal sets</th></tr>\n";
      std::size_t n = 0;
      for (const RiskRow& row : criticality(rep))
        body << "<tr><td>" << ++n << "</td><td>" << markup_escape(d.events[row.event].name)
             << "</td><td>" << row.smallest << "</td><td>" << row.requirements << "</td><td>"
             << row.sets << "</td></tr>\n";
      body << "</table>\n";
    }
  }
  out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
      << "<title>faultline report</title>\n<style>" << kHtmlStyle << "</style></head><body>\n"
      << "<h1>faultline: " << t.proved << " proved, " << t.violated << " violated, " << t.unknown
      << " unknown</h1>\n"
      << body.str() << "</body></html>\n";
}

}  // namespace faultline::report
