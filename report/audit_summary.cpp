#include "report/audit_summary.hpp"

#include <algorithm>
#include <cstdint>
#include <tuple>

#include "report/escape.hpp"
#include "report/report.hpp"

namespace faultline::report {

using verifier::Tally;

std::vector<const AuditRow*> worst_first(const std::vector<AuditRow>& rows) {
  auto rank = [](const AuditRow& r) {
    return r.status == "violated" ? 1 : r.status == "unknown" ? 2 : r.status == "proved" ? 3 : 0;
  };
  std::vector<const AuditRow*> order;
  for (const AuditRow& r : rows) order.push_back(&r);
  std::stable_sort(order.begin(), order.end(), [&](const AuditRow* a, const AuditRow* b) {
    return std::tuple(rank(*a), a->smallest.value_or(SIZE_MAX)) <
           std::tuple(rank(*b), b->smallest.value_or(SIZE_MAX));
  });
  return order;
}

namespace {

// The requirements column: what failed and how many, or the design's first error.
std::string requirements_cell(const AuditRow& row) {
  if (row.status == "error") return row.errors.empty() ? "error" : row.errors.front();
  std::size_t total = row.reqs.total();
  if (total == 0) return "no requirements";
  if (row.reqs.proved == total)
    return total == 1 ? "proved" : "all " + std::to_string(total) + " proved";
  std::string cell;
  if (row.reqs.violated)
    cell = std::to_string(row.reqs.violated) + " of " + std::to_string(total) + " violated";
  if (row.reqs.unknown)
    cell += (cell.empty() ? "" : ", ") + std::to_string(row.reqs.unknown) + " of " +
            std::to_string(total) + " unknown";
  return cell;
}

}  // namespace

void write_audit_markdown(std::ostream& s, const std::vector<AuditRow>& rows, const Tally& d,
                      const Tally& r) {
  s << "# faultline audit\n\n"
    << rows.size() << " designs: " << d.proved << " proved, " << d.violated << " violated, "
    << d.unknown << " unknown, " << d.error << " with errors. Requirements: " << r.proved
    << " proved, " << r.violated << " violated, " << r.unknown << " unknown.\n\n"
    << "| design file | design | verdict | requirements | minimal violating sets | "
       "smallest set |\n|---|---|---|---|---|---|\n";
  for (const AuditRow* r : worst_first(rows)) {
    const AuditRow& row = *r;
    s << "| " << md_escape(row.file) << " | " << md_escape(row.design) << " | **" << row.status
      << "** | " << md_escape(requirements_cell(row)) << " | "
      << (row.sets ? std::to_string(row.sets) : "") << " | "
      << (row.smallest ? std::to_string(*row.smallest) : "") << " |\n";
  }
  if (d.error) {
    s << "\n## Designs with errors\n\n";
    for (const AuditRow& row : rows)
      for (const std::string& e : row.errors) s << "- " << md_escape(e) << "\n";
  }
}

void write_audit_html(std::ostream& s, const std::vector<AuditRow>& rows, const Tally& d,
                        const Tally& r) {
  s << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
    << "<title>faultline audit</title>\n<style>" << kHtmlStyle << "</style></head><body>\n"
    << "<h1>faultline audit: " << rows.size() << " designs</h1>\n"
    << "<table><tr><th></th><th>designs</th><th>requirements</th></tr>\n"
    << "<tr><td class=\"proved\">proved</td><td>" << d.proved << "</td><td>" << r.proved
    << "</td></tr>\n<tr><td class=\"violated\">violated</td><td>" << d.violated << "</td><td>"
    << r.violated << "</td></tr>\n<tr><td class=\"unknown\">unknown</td><td>" << d.unknown
    << "</td><td>" << r.unknown << "</td></tr>\n<tr><td class=\"violated\">error</td><td>"
    << d.error << "</td><td></td></tr>\n</table>\n"
    << "<table><tr><th>design file</th><th>design</th><th>verdict</th><th>requirements"
       "</th><th>minimal violating sets</th><th>smallest set</th></tr>\n";
  for (const AuditRow* r : worst_first(rows)) {
    const AuditRow& row = *r;
    s << "<tr><td><a href=\"" << markup_escape(row.result) << "\">" << markup_escape(row.file)
      << "</a></td><td>" << markup_escape(row.design) << "</td><td class=\""
      << (row.status == "error" ? "violated" : markup_escape(row.status)) << "\">"
      << markup_escape(row.status) << "</td><td>" << markup_escape(requirements_cell(row))
      << "</td><td>" << (row.sets ? std::to_string(row.sets) : "") << "</td><td>"
      << (row.smallest ? std::to_string(*row.smallest) : "") << "</td></tr>\n";
  }
  s << "</table>\n";
  if (d.error) {
    s << "<h2>Designs with errors</h2>\n<pre>";
    for (const AuditRow& row : rows)
      for (const std::string& e : row.errors) s << markup_escape(e) << "\n";
    s << "</pre>\n";
  }
  s << "</body></html>\n";
}

}  // namespace faultline::report
