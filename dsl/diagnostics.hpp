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

// A file with more errors than this is reported up to here, then a line saying so: past the
// first few dozen, more errors only bury the first one (and 100,000 of them took 10 s to print).
constexpr std::size_t kMaxErrors = 50;

class Diagnostics {
 public:
  Diagnostic& error(SourceLoc loc, std::string message);
  Diagnostic& warning(SourceLoc loc, std::string message);
  // An error with no source location (unreadable file, bad usage).
  void error_without_location(std::string message);

  bool has_errors() const;
  std::size_t error_count() const;  // those kept, at most kMaxErrors
  // kMaxErrors errors are in: later ones are dropped, and a parser may as well stop.
  bool full() const { return errors_ >= kMaxErrors; }
  // Sorted by file, offset; identical diagnostics are shown once.
  void render(std::ostream& out) const;
  std::vector<Diagnostic> sorted() const;

 private:
  Diagnostic& add(Diagnostic d);

  std::vector<Diagnostic> items_;
  std::size_t errors_ = 0;
  Diagnostic dropped_;  // what error() returns once full: notes added to it go nowhere
};

// "path:line:col: error: message", the source line, and a caret under the range.
void render_diagnostic(std::ostream& out, const Diagnostic& d);

}  // namespace faultline::dsl
