// Markdown (a review ticket, GitHub's step summary) and GitHub workflow annotations.
#include <sstream>

#include "report/escape.hpp"
#include "report/report.hpp"
#include "report/words.hpp"

namespace faultline::report {

using namespace verifier;  // the results these writers render

namespace {

// GitHub's workflow-command escaping: the message, and property values (which also escape
// ':' and ',').
std::string gh_data(const std::string& s) {
  return replace_chars(s, {{'%', "%25"}, {'\r', "%0D"}, {'\n', "%0A"}});
}
std::string gh_property(const std::string& s) {
  return replace_chars(gh_data(s), {{':', "%3A"}, {',', "%2C"}});
}

}  // namespace

void write_markdown(std::ostream& out, const std::vector<DesignReport>& reports) {
  Tally t;  // requirements, and files with errors
  std::ostringstream table, details;
  table << "| file | requirement | verdict | K | minimal violating sets |\n|---|---|---|---|---|\n";
  for (const DesignReport& rep : reports) {
    if (!rep.design) {
      t.add(Verdict::error);
      table << "| " << md_escape(rep.file) << " | — | **error**: the design has errors | | |\n";
      for (const auto& diag : rep.diagnostics)
        if (diag.severity == dsl::Severity::error)
          details << "- " << md_code(diag.loc.valid() ? diag.loc.str() : rep.file) << ": "
                  << md_escape(diag.message) << "\n";
      continue;
    }
    const models::Design& d = *rep.design;
    for (const auto& c : rep.requirements) {
      const RequirementResult& r = c.result;
      const models::Requirement& req = d.net.requirements[r.requirement];
      const char* verdict = status_name(r.status);
      t.add(r.status);
      table << "| " << md_escape(rep.file) << ":" << req.loc.line() << " | " << md_escape(req.text)
            << " | " << (r.status == Status::proved ? "" : "**") << verdict
            << (r.status == Status::proved ? "" : "**") << " | " << r.tolerate << " | "
            << (r.status == Status::violated ? std::to_string(r.violation_count) : "") << " |\n";
      if (r.status == Status::unknown)
        details << "\n### " << md_escape(req.text) << " — unknown\n\n"
                << md_escape(r.unknown_reason) << "\n";
      if (r.status != Status::violated) continue;
      details << "\n### " << md_escape(req.text) << " — violated (" << md_escape(rep.file) << ":"
              << req.loc.line() << ")\n\n";
      for (std::size_t i = 0; i < r.violations.size(); ++i) {
        const Explanation& e = c.explanations[i];
        details << (i + 1) << ". **" << md_escape(set_line(d, r.violations[i])) << "**  \n"
                << "   walk: " << md_escape(walk_line(e)) << "  \n";
        for (const std::string& line : underlay_lines(e))
          out << "   underlay: " << md_escape(line) << "  \n";
        for (const std::string& line : route_lines(e))
          details << "   route: " << md_escape(line) << "  \n";
        details << "   " << outcome_label(e) << ": " << md_escape(drop_sentence(e)) << "\n";
        for (const auto& u : e.unnoticed)
          details << "   - unnoticed: " << md_escape(unnoticed_sentence(u)) << "\n";
        for (const auto& s : e.state)
          details << "   - state: " << md_escape(state_sentence(s)) << "\n";
      }
      if (r.violations.size() < r.violation_count)
        details << "\n(" << r.violation_count - r.violations.size()
                << " more sets not listed: --limit)\n";
    }
  }
  out << "## faultline: " << t.proved << " proved, " << t.violated << " violated, " << t.unknown
      << " unknown";
  if (t.error) out << ", " << t.error << (t.error == 1 ? " file" : " files") << " with errors";
  out << "\n\n" << table.str();
  if (!details.str().empty()) out << "\n" << details.str();
}

void write_github(std::ostream& out, const std::vector<DesignReport>& reports) {
  // The runner shows at most 10 error annotations per step; past that, one line says how many.
  constexpr std::size_t kShown = 10;
  std::size_t shown = 0, hidden = 0;
  auto annotate = [&](const char* level, const std::string& file, std::size_t line, std::size_t col,
                      const std::string& title, const std::string& message) {
    if (shown == kShown) {
      ++hidden;
      return;
    }
    ++shown;
    out << "::" << level << " file=" << gh_property(file)
        << ",line=" << std::max<std::size_t>(line, 1) << ",col=" << std::max<std::size_t>(col, 1)
        << ",title=" << gh_property(title) << "::" << gh_data(message) << "\n";
  };
  for (const DesignReport& rep : reports) {
    for (const auto& diag : rep.diagnostics)
      if (diag.severity == dsl::Severity::error)
        annotate("error", rep.file, diag.loc.line(), diag.loc.column(), "faultline: input error",
                 diag.message);
    if (!rep.design) continue;
    const models::Design& d = *rep.design;
    for (const auto& c : rep.requirements) {
      const RequirementResult& r = c.result;
      const models::Requirement& req = d.net.requirements[r.requirement];
      if (r.status == Status::unknown)
        annotate("warning", rep.file, req.loc.line(), req.loc.column(),
                 "faultline: unknown: " + req.text, r.unknown_reason);
      if (r.status != Status::violated) continue;
      std::string text;
      for (std::size_t i = 0; i < r.violations.size(); ++i)
        text += set_line(d, r.violations[i]) + ": " + drop_sentence(c.explanations[i]) + "\n";
      annotate(
          "error", rep.file, req.loc.line(), req.loc.column(), "faultline: violated: " + req.text,
          std::to_string(r.violation_count) +
              (r.violation_count == 1 ? " minimal violating set\n" : " minimal violating sets\n") +
              text);
    }
  }
  if (hidden)
    out << "::notice title=faultline::" << hidden
        << " more findings are not annotated (the runner shows 10); see the step summary\n";
}

}  // namespace faultline::report
