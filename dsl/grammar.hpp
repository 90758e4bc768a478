// Declares the statement parser.  Its definition (grammar_def.hpp) is compiled once, in
// grammar.cpp; the rest of the program sees plain structs.
#pragma once
#include <cstddef>
#include <optional>
#include <string>

#include "dsl/ast.hpp"
#include "dsl/config.hpp"

namespace faultline::dsl::parser {

// Why one statement did not parse: where, and what the grammar expected there.
struct SyntaxError {
  std::size_t offset = 0;
  std::string expected;  // a human rule name such as "';'" or "port reference"
};

enum class StatementResult { parsed, no_statement, failed };

// Skips white space and comments starting at `first`.
void skip_blank(iterator_type& first, iterator_type last);

// Parses one statement at `first` (after blanks); advances `first` past it on success.
StatementResult parse_statement(iterator_type& first, iterator_type last, iterator_type begin,
                                ast::Statement& out, SyntaxError& error);

}  // namespace faultline::dsl::parser
