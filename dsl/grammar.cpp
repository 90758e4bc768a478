// The single instantiation unit of the grammar.
#include "dsl/grammar_def.hpp"

namespace faultline::dsl::parser {

void skip_blank(iterator_type& first, iterator_type last) {
  x3::parse(first, last, *blank);
}

StatementResult parse_statement(iterator_type& first, iterator_type last, iterator_type begin,
                                ast::Statement& out, SyntaxError& error) {
  skip_blank(first, last);
  iterator_type const start = first;
  try {
    auto const parser = x3::with<begin_tag>(begin)[statement];
    if (x3::phrase_parse(first, last, parser, blank, out)) return StatementResult::parsed;
    first = start;
    return StatementResult::no_statement;
  } catch (x3::expectation_failure<iterator_type> const& e) {
    error.offset = static_cast<std::size_t>(e.where() - begin);
    error.expected = e.which();
    return StatementResult::failed;
  }
}

}  // namespace faultline::dsl::parser
