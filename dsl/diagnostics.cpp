#include "dsl/diagnostics.hpp"

#include <algorithm>
#include <tuple>

namespace faultline::dsl {

namespace {
const char* severity_word(Severity s) {
  switch (s) {
    case Severity::note: return "note";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "error";
}

// Non-printable bytes are shown as '?' so that a binary file cannot garble the terminal.
std::string printable(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  for (unsigned char c : line) out += (c == '\t' || (c >= 0x20 && c < 0x7f) || c >= 0x80) ? char(c) : '?';
  return out;
}

auto sort_key(const Diagnostic& d) {
  return std::make_tuple(d.loc.file ? d.loc.file->path() : std::string(), d.loc.offset,
                         static_cast<int>(d.severity), d.message);
}
}  // namespace

Diagnostic& Diagnostics::error(SourceLoc loc, std::string message) {
  items_.push_back({Severity::error, std::move(loc), std::move(message), {}});
  return items_.back();
}

Diagnostic& Diagnostics::warning(SourceLoc loc, std::string message) {
  items_.push_back({Severity::warning, std::move(loc), std::move(message), {}});
  return items_.back();
}

void Diagnostics::error_without_location(std::string message) {
  items_.push_back({Severity::error, {}, std::move(message), {}});
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

std::size_t Diagnostics::error_count() const {
  return static_cast<std::size_t>(std::count_if(
      items_.begin(), items_.end(), [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

std::vector<Diagnostic> Diagnostics::sorted() const {
  std::vector<Diagnostic> out = items_;
  std::stable_sort(out.begin(), out.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return sort_key(a) < sort_key(b); });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const Diagnostic& a, const Diagnostic& b) { return sort_key(a) == sort_key(b); }),
            out.end());
  return out;
}

void Diagnostics::render(std::ostream& out) const {
  for (const Diagnostic& d : sorted()) render_diagnostic(out, d);
}

void render_diagnostic(std::ostream& out, const Diagnostic& d) {
  if (!d.loc.valid()) {
    out << "faultline: " << severity_word(d.severity) << ": " << d.message << "\n";
  } else {
    out << d.loc.str() << ": " << severity_word(d.severity) << ": " << d.message << "\n";
    std::size_t line = d.loc.line();
    std::string text = printable(d.loc.file->line_text(line));
    std::size_t col = d.loc.column();
    // Keep a pathological (e.g. 10 MB) line readable: show a window around the column.
    std::size_t start = 0;
    if (text.size() > 160 && col > 80) start = col - 80;
    std::string shown = text.substr(start, 160);
    out << "  " << shown << "\n  ";
    for (std::size_t i = start; i + 1 < col && i < text.size(); ++i) out << (text[i] == '\t' ? '\t' : ' ');
    out << '^';
    std::size_t avail = text.size() >= col ? text.size() - col : 0;
    std::size_t tilde = std::min(d.loc.length > 0 ? d.loc.length - 1 : 0, std::min<std::size_t>(avail, 79));
    out << std::string(tilde, '~') << "\n";
  }
  for (const auto& n : d.notes) render_diagnostic(out, n);
}

}  // namespace faultline::dsl
