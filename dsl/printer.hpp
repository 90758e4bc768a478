// From syntax tree back to text (DESIGN.md §2): a statement in the language's canonical layout,
// and a whole design with edits, where every statement that is not edited keeps its bytes — its
// comments and its layout — so that a patched design differs from the original only where it
// was changed (repairs print their proposals with it; the formatter builds on it).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "dsl/ast.hpp"
#include "dsl/parse.hpp"

namespace faultline::dsl {

struct PrintOptions {
  // Quote every name and value (a dump that ignores how words were written).
  bool quote_all = false;
};

// `s` as a word: bare when it reads back as one name (dsl/lexicon.hpp), else double-quoted
// with escapes.  The one rule for every writer of faultline text (printer, importers).
std::string quote_word(const std::string& s);
// `s` as a port name: bare when the port rule reads it back whole, else quoted.
std::string quote_port(const std::string& s);

// One statement, canonical: one line, except a faults block (one line per fault line).  No
// trailing newline.
std::string print_statement(const ast::Statement& s, const PrintOptions& o = {});

// An edit of a parsed design: statement `index` replaced by `replacement` (removed when empty),
// and `insert_after` printed after it, each on a line of its own.  index == statements.size()
// appends at the end of the file.
struct Edit {
  std::size_t index = 0;
  bool replace = false;
  std::optional<ast::Statement> replacement;
  std::vector<ast::Statement> insert_after;
};

// The design's text with the edits applied (at most one edit per index); without edits, the
// original text byte for byte.
std::string print_design(const ParsedDesign& design, const std::vector<Edit>& edits = {});

}  // namespace faultline::dsl
