// Reports: the same results as readable text or as the versioned JSON of docs/json.md.
// Output is deterministic: timings appear only with --stats.
#pragma once
#include <ostream>
#include <vector>

#include "verifier/check.hpp"

namespace faultline::report {

// What the writers render: the verifier's results.
using verifier::CheckedRequirement;
using verifier::DesignReport;
using verifier::RequirementResult;
using verifier::Status;
using verifier::Violation;

struct ReportOptions {
  bool stats = false;
  bool criticality = false;  // the per-design risk table (verifier/criticality.hpp)
};

// Rows of the criticality table the text report shows; JSON has them all.
constexpr std::size_t kCriticalityTextRows = 20;

void write_text(std::ostream& out, const std::vector<DesignReport>& reports,
                const ReportOptions& opts);
void write_json(std::ostream& out, const std::vector<DesignReport>& reports,
                const ReportOptions& opts);

// A probability in three significant digits ("1e-05", "0.000118"), the same on every platform.
std::string probability(double p);

// A violating set in words: its events' names joined by " + ", or the fault-free case.
std::string set_line(const models::Design& d, const Violation& v);

// CI formats: SARIF 2.1.0 (one result per minimal violating set, unknown verdict and input
// diagnostic) and JUnit XML (one testcase per requirement).
void write_sarif(std::ostream& out, const std::vector<DesignReport>& reports);
void write_junit(std::ostream& out, const std::vector<DesignReport>& reports);
// Markdown for a review ticket or $GITHUB_STEP_SUMMARY: a verdict table, then each violation.
void write_markdown(std::ostream& out, const std::vector<DesignReport>& reports);
// GitHub workflow commands: one annotation per violated or unknown requirement and per input
// error, at most 10 (what the runner shows), then a notice with the rest.
void write_github(std::ostream& out, const std::vector<DesignReport>& reports);

// A self-contained HTML page: verdicts, each violation with its source lines and walk, a
// drawing per violated requirement (Graphviz `dot`, when installed), the criticality table.
// The stylesheet the HTML page and the audit summary share.
extern const char* const kHtmlStyle;

void write_html(std::ostream& out, const std::vector<DesignReport>& reports,
                const ReportOptions& opts);

// `faultline graph`: the design as Graphviz DOT (undirected; switches boxes, routers ellipses,
// hosts notes, firewalls octagons, externals double circles; ICCP links dashed, links with a
// detector blue), the devices and links of the `highlight` events (indices) in red.
void write_dot(std::ostream& out, const models::Design& d,
               const std::vector<std::size_t>& highlight);

// `faultline faults`: the fault universe with source locations.
void write_faults_text(std::ostream& out, const std::vector<DesignReport>& reports);
void write_faults_json(std::ostream& out, const std::vector<DesignReport>& reports);

}  // namespace faultline::report
