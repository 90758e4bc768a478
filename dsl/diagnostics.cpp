#include "dsl/diagnostics.hpp"

#include <algorithm>
#include <tuple>

namespace faultline::dsl {

namespace {
const char* severity_word(Severity s) {
  switch (s) {
    case Severity::note:
      return "note";
    case Severity::warning:
      return "warning";
    case Severity::error:
      return "error";
  }
  return "error";
}

// The length of the valid UTF-8 sequence at s[i], or 0.
std::size_t utf8_length(std::string_view s, std::size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  std::size_t n = c >= 0xf0 && c < 0xf5 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 && c < 0xe0 ? 2 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(s[i + k]) & 0xc0) != 0x80) return 0;
  return n;
}

// A source line as shown under a diagnostic, one display cell per byte of the original:
// control bytes and invalid UTF-8 become '?', so a binary file cannot garble the terminal.
// `cells[i]` is the display column of byte i, to put the caret under the right character.
std::string printable(std::string_view line, std::vector<std::size_t>& cells) {
  std::string out;
  cells.assign(line.size() + 1, 0);
  std::size_t col = 0;
  for (std::size_t i = 0; i < line.size();) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    std::size_t n = c >= 0x80 ? utf8_length(line, i) : 1;
    for (std::size_t k = 0; k < std::max<std::size_t>(n, 1); ++k) cells[i + k] = col;
    if (c >= 0x80 && n > 0)
      out.append(line.substr(i, n));
    else
      out += (c == '\t' || (c >= 0x20 && c < 0x7f)) ? char(c) : '?';
    i += std::max<std::size_t>(n, 1);
    ++col;
  }
  cells[line.size()] = col;
  return out;
}

auto sort_key(const Diagnostic& d) {
  return std::make_tuple(d.loc.file ? d.loc.file->path() : std::string(), d.loc.offset,
                         static_cast<int>(d.severity), d.message);
}
}  // namespace

Diagnostic& Diagnostics::add(Diagnostic d) {
  if (d.severity == Severity::error) {
    if (full()) {
      dropped_ = std::move(d);
      return dropped_;
    }
    ++errors_;
  }
  items_.push_back(std::move(d));
  return items_.back();
}

Diagnostic& Diagnostics::error(SourceLoc loc, std::string message) {
  return add({Severity::error, std::move(loc), std::move(message), {}});
}

Diagnostic& Diagnostics::warning(SourceLoc loc, std::string message) {
  return add({Severity::warning, std::move(loc), std::move(message), {}});
}

void Diagnostics::error_without_location(std::string message) {
  add({Severity::error, {}, std::move(message), {}});
}

bool Diagnostics::has_errors() const {
  return errors_ > 0;
}

std::size_t Diagnostics::error_count() const {
  return errors_;
}

std::vector<Diagnostic> Diagnostics::sorted() const {
  std::vector<Diagnostic> out = items_;
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return sort_key(a) < sort_key(b);
  });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const Diagnostic& a, const Diagnostic& b) {
                          return sort_key(a) == sort_key(b);
                        }),
            out.end());
  if (full())
    out.push_back({Severity::error,
                   {},
                   "too many errors: only the first " + std::to_string(kMaxErrors) +
                       " are shown; fix them and run again",
                   {}});
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
    std::string_view raw = d.loc.file->line_text(d.loc.line());
    std::size_t col = d.loc.column() - 1;  // 0-based byte column
    // Keep a pathological (e.g. 10 MB) line readable: show a window of bytes around the column.
    std::size_t start = raw.size() > 160 && col > 80 ? col - 80 : 0;
    while (start > 0 && start < raw.size() &&
           (static_cast<unsigned char>(raw[start]) & 0xc0) == 0x80)
      --start;
    raw = raw.substr(start, 160);
    col -= start;
    std::vector<std::size_t> cells;
    std::string text = printable(raw, cells);
    out << "  " << text << "\n  ";
    std::size_t caret = cells[std::min(col, raw.size())];
    for (std::size_t i = 0, cell = 0; cell < caret && i < raw.size(); ++i) {
      if (cells[i] != cell) continue;
      out << (raw[i] == '\t' ? '\t' : ' ');
      ++cell;
    }
    out << '^';
    std::size_t end_byte = std::min(raw.size(), col + std::max<std::size_t>(d.loc.length, 1));
    std::size_t width = cells[end_byte] > caret ? cells[end_byte] - caret : 1;
    out << std::string(std::min<std::size_t>(width - 1, 79), '~') << "\n";
  }
  for (const auto& n : d.notes) render_diagnostic(out, n);
}

}  // namespace faultline::dsl
