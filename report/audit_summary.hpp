// The audit summary's Markdown and HTML (docs/batch.md), from the rows batch/ reads off the
// designs' result files.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "verifier/result.hpp"

namespace faultline::report {

// One design of an audit, as its result file tells it.
struct AuditRow {
  std::string file, result, design, status;
  verifier::Tally reqs;                 // the statuses of its requirements
  std::size_t sets = 0;                 // minimal violating sets over all requirements
  std::optional<std::size_t> smallest;  // size of the smallest one (0: fails with no fault)
  std::vector<std::string> errors;
  nlohmann::ordered_json requirements = nlohmann::ordered_json::array();  // for summary.json
};

// The rows as a reader scans them: errors, then violations (single points of failure first),
// unknown, proved; by file within each.
std::vector<const AuditRow*> worst_first(const std::vector<AuditRow>& rows);

// `designs` and `requirements` count the rows' verdicts and their requirements' statuses.
void write_audit_markdown(std::ostream& s, const std::vector<AuditRow>& rows,
                          const verifier::Tally& designs, const verifier::Tally& requirements);
void write_audit_html(std::ostream& s, const std::vector<AuditRow>& rows,
                      const verifier::Tally& designs, const verifier::Tally& requirements);

}  // namespace faultline::report
