// Diagnostics are values: a primary message at a location plus secondary notes.  They are
// collected, sorted by location and de-duplicated; all of them are shown, then the tool stops.
#pragma once
#include <ostream>
#include <string>
#include <vector>

#include "dsl/source.hpp"

namespace faultline::dsl {

enum class Severity { note, warning, error };

struct Diagnostic {
  Severity severity = Severity::error;
  SourceLoc loc;
  std::string message;
  std::vector<Diagnostic> notes;  // "originating from" notes, each at its own location
};

class Diagnostics {
 public:
  Diagnostic& error(SourceLoc loc, std::string message);
  Diagnostic& warning(SourceLoc loc, std::string message);
  // An error with no source location (unreadable file, bad usage).
  void error_without_location(std::string message);

  bool has_errors() const;
  std::size_t error_count() const;
  // Sorted by file, offset; identical diagnostics are shown once.
  void render(std::ostream& out) const;
  std::vector<Diagnostic> sorted() const;

 private:
  std::vector<Diagnostic> items_;
};

// "path:line:col: error: message", the source line, and a caret under the range.
void render_diagnostic(std::ostream& out, const Diagnostic& d);

}  // namespace faultline::dsl
