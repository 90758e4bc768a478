#include <algorithm>
#include <cstdio>
#include <iomanip>
#include <sstream>
#include <string>

#include "report/report.hpp"
#include "report/words.hpp"
#include "verifier/criticality.hpp"

namespace faultline::report {

using namespace verifier;  // the results these writers render

namespace {

std::string where(const dsl::SourceLoc& loc) {
  return loc.str();
}

std::string count(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// What the note under an event points at, in the design's words.
std::string declared(const models::Design& d, const models::FaultEvent& e) {
  if (!e.sessions.empty()) return "bgp session declared here";
  if (e.mtu_links.size() == 1 && d.net.is_tunnel(e.mtu_links[0])) return "tunnel declared here";
  if (e.links.size() == 1 && d.net.is_tunnel(e.links[0])) return "tunnel declared here";
  if (!e.mtu_links.empty()) return "link declared here";
  std::size_t elements = e.devices.size() + e.links.size();
  if (e.ports.size() == 1 && elements == 0)
    return "port " + d.net.port_name(e.ports[0]) + " first used here";
  if (e.links.size() == 1 && e.devices.empty()) return "link declared here";
  if (e.devices.size() == 1 && e.links.empty())
    return std::string(models::kind_name(d.net.devices[e.devices[0]].kind)) + " " +
           d.net.devices[e.devices[0]].name + " declared here";
  // A shared risk: its devices, then its links (a black-holed link is named by its link).
  std::string s = "shared by ";
  for (std::size_t i = 0; i < e.devices.size(); ++i)
    s += (i ? ", " : "") + d.net.devices[e.devices[i]].name;
  std::vector<models::LinkId> links(e.links.begin(), e.links.end());
  for (models::PortId q : e.ports) {
    models::LinkId l = d.net.ports[q].link;
    if (std::find(links.begin(), links.end(), l) == links.end()) links.push_back(l);
  }
  for (std::size_t i = 0; i < links.size(); ++i)
    s += (i || !e.devices.empty() ? ", " : "") + d.net.link_name(links[i]);
  return s;
}

std::string seconds(double s) {
  std::ostringstream o;
  o << std::fixed << std::setprecision(3) << s << " s";
  return o.str();
}

// Each violating set with its events' declarations, the walk, the drop and why nothing noticed.
void write_sets(std::ostream& out, const models::Design& d, const models::Requirement& req,
                const std::vector<Violation>& sets, const std::vector<Explanation>& explanations,
                const char* label) {
  for (std::size_t i = 0; i < sets.size(); ++i) {
    const Violation& v = sets[i];
    const Explanation& e = explanations[i];
    std::string names = v.events.empty() ? "(" + set_line(d, v) + ")" : set_line(d, v);
    out << "\n  " << label << " " << (i + 1) << ": " << names;
    if (v.probability) out << "  (p = " << probability(*v.probability) << ")";
    out << "\n";
    for (std::size_t ev : v.events)
      out << "    " << where(d.events[ev].loc) << ": note: " << d.events[ev].name << ": "
          << declared(d, d.events[ev]) << "\n";
    if (req.kind == models::Requirement::Kind::connected)
      out << "    flow: " << e.source << " -> " << e.destination << "\n";
    out << "    walk: " << walk_line(e) << "\n";
    for (const std::string& line : underlay_lines(e)) out << "    underlay: " << line << "\n";
    const char* head = "    routes: ";
    for (const std::string& line : route_lines(e)) {
      out << head << line << "\n";
      head = "            ";
    }
    out << "    " << outcome_label(e) << ": " << drop_sentence(e) << "\n";
    for (const auto& u : e.unnoticed) out << "    unnoticed: " << unnoticed_sentence(u) << "\n";
    for (const auto& st : e.state) out << "    state: " << state_sentence(st) << "\n";
  }
}

void write_requirement(std::ostream& out, const models::Design& d, const CheckedRequirement& c,
                       const ReportOptions& opts) {
  const RequirementResult& r = c.result;
  const models::Requirement& req = d.net.requirements[r.requirement];
  out << "\n" << where(req.loc) << ": " << status_name(r.status) << ": " << req.text << "\n";
  std::string tol = std::to_string(r.tolerate);
  switch (r.status) {
    case Status::proved:
      out << "  " << count(r.events_considered, "event", "events") << " considered, "
          << to_decimal(r.combinations)
          << (r.combinations == 1 ? " fault combination covered" : " fault combinations covered")
          << " (every set of at most " << tol << (r.tolerate == 1 ? " event" : " events") << ")\n";
      break;
    case Status::violated:
      out << "  " << count(r.events_considered, "event", "events") << " considered, "
          << r.violation_count
          << (r.violation_count == 1 ? " minimal violating set" : " minimal violating sets")
          << " of at most " << tol << (r.tolerate == 1 ? " event" : " events");
      if (r.violations.size() < r.violation_count)
        out << " (the first " << r.violations.size() << " listed: --limit)";
      out << "\n";
      if (r.probability)
        out << "  probability of violation <= " << probability(*r.probability)
            << " (the sum over these sets of the product of their events' p: an upper bound for "
               "sets of at most "
            << tol << (r.tolerate == 1 ? " event" : " events") << "; likeliest listed first)\n";
      if (!r.complete) out << "  the list may be incomplete: " << r.unknown_reason << "\n";
      break;
    case Status::unknown:
      out << "  " << count(r.events_considered, "event", "events")
          << " considered; no verdict: " << r.unknown_reason << "\n";
      break;
  }
  write_sets(out, d, req, r.violations, c.explanations, "violating set");
  if (r.degree) {
    const auto& deg = *r.degree;
    out << "  degree: ";
    if (deg.unbreakable)
      out << deg.reason;
    else if (deg.value < 0)
      out << "fails with no fault at all";
    else
      out << "tolerates " << (deg.exact ? "" : "at least ")
          << count(static_cast<std::size_t>(deg.value), "fault", "faults");
    if (deg.exact && deg.value >= 0 && r.status == Status::violated)
      out << " (its smallest violating sets, above, have "
          << count(static_cast<std::size_t>(deg.value) + 1, "event", "events") << ")";
    if (deg.exact && !deg.sets.empty()) {
      out << "; " << (deg.complete ? "" : "at least ")
          << count(deg.count, "minimal violating set", "minimal violating sets") << " of "
          << count(static_cast<std::size_t>(deg.value) + 1, "event", "events");
      if (deg.sets.size() < deg.count)
        out << " (the first " << deg.sets.size() << " listed: --limit)";
    }
    if (!deg.reason.empty() && !deg.unbreakable) out << " (" << deg.reason << ")";
    out << "\n";
    write_sets(out, d, req, deg.sets, c.degree_explanations, "breaking set");
  }
  if (opts.stats) {
    // Z3 counts its checks; the explicit engines count the fault sets they judged.
    const bool z3 = std::string(r.method) == "smt";
    out << "  stats: method " << r.method << " (" << r.method_reason << "), "
        << r.stats.solver_calls << (z3 ? " solver calls" : " judgements") << ", encode "
        << seconds(r.stats.encode_seconds)
        << ", search " << seconds(r.stats.search_seconds) << ", explain "
        << seconds(r.stats.explain_seconds) << "\n";
  }
}

// The risk table of one design: its top rows, then how many more there are.
void write_criticality(std::ostream& out, const DesignReport& rep) {
  const models::Design& d = *rep.design;
  std::vector<RiskRow> rows = criticality(rep);
  std::vector<std::size_t> gaps = criticality_gaps(rep);
  out << "\ncriticality: fault events ranked by the fewest faults they break a requirement with\n";
  if (!gaps.empty()) {
    out << "  incomplete: a limit stopped the search of "
        << count(gaps.size(), "requirement", "requirements") << " (line";
    for (std::size_t i = 0; i < gaps.size(); ++i)
      out << (i                 ? ", "
              : gaps.size() > 1 ? "s "
                                : " ")
          << d.net.requirements[rep.requirements[gaps[i]].result.requirement].loc.line();
    out << "): events may be missing or rank higher than shown\n";
  }
  if (rows.empty()) {
    if (gaps.empty()) out << "  no event takes part in a violating set\n";
    return;
  }
  if (rows.front().smallest > 1 && gaps.empty()) out << "  no single point of failure\n";
  for (std::size_t i = 0; i < rows.size() && i < kCriticalityTextRows; ++i) {
    const RiskRow& r = rows[i];
    out << "  " << (i + 1) << ". " << d.events[r.event].name << ": breaks "
        << count(r.requirements, "requirement", "requirements");
    if (r.smallest == 1)
      out << " alone";
    else
      out << " with " << count(r.smallest - 1, "other fault", "other faults");
    out << " (in " << count(r.sets, "minimal set", "minimal sets");
    if (r.probability) out << ", p = " << probability(*r.probability);
    out << ")\n";
  }
  if (rows.size() > kCriticalityTextRows)
    out << "  … and " << rows.size() - kCriticalityTextRows
        << " more events (--format json lists them all)\n";
}

}  // namespace

void write_text(std::ostream& out, const std::vector<DesignReport>& reports,
                const ReportOptions& opts) {
  Tally t;  // requirements, and files with errors
  bool first = true;
  for (const DesignReport& rep : reports) {
    if (!first) out << "\n";
    first = false;
    if (!rep.design) {
      t.add(Verdict::error);
      out << rep.file << ": not checked: the design has errors (see above)\n";
      continue;
    }
    const models::Design& d = *rep.design;
    out << rep.file << ": design \"" << d.net.name
        << "\": " << count(d.net.devices.size(), "device", "devices") << ", "
        << count(d.net.links.size(), "link", "links") << ", "
        << count(d.events.size(), "fault event", "fault events") << ", "
        << count(d.net.requirements.size(), "requirement", "requirements") << "\n";
    for (const auto& c : rep.requirements) {
      write_requirement(out, d, c, opts);
      t.add(c.result.status);
    }
    if (opts.criticality) write_criticality(out, rep);
    if (opts.stats) {
      out << "\n  phases: parse " << seconds(rep.times.parse) << ", resolve "
          << seconds(rep.times.resolve) << ", search " << seconds(rep.times.search) << ", explain "
          << seconds(rep.times.explain) << "\n";
    }
  }
  out << "\nsummary: " << t.proved << " proved, " << t.violated << " violated, " << t.unknown
      << " unknown";
  if (t.error) out << ", " << t.error << (t.error == 1 ? " file" : " files") << " with errors";
  out << "\n";
}

void write_faults_text(std::ostream& out, const std::vector<DesignReport>& reports) {
  for (const DesignReport& rep : reports) {
    if (!rep.design) continue;
    const models::Design& d = *rep.design;
    out << rep.file << ": " << count(d.events.size(), "fault event", "fault events") << "\n";
    for (const auto& e : d.events) {
      out << where(e.loc) << ": " << e.name;
      out << "  (" << e.origin;
      if (e.cause.valid())
        out << ", line " << e.cause.line();
      else
        out << ", the default fault model";
      out << ")";
      out << "\n";
    }
  }
}

std::string set_line(const models::Design& d, const Violation& v) {
  if (v.events.empty()) return "no fault: the design fails as it stands";
  std::string s;
  for (std::size_t e : v.events) s += (s.empty() ? "" : " + ") + d.events[e].name;
  return s;
}

std::string probability(double p) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g", p);
  return buf;
}

}  // namespace faultline::report
