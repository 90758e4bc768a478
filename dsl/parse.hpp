// Text to syntax tree: reads a design file, parses every statement, reports every syntax
// error (recovering at the next statement), never throws on bad input.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dsl/ast.hpp"
#include "dsl/diagnostics.hpp"
#include "dsl/source.hpp"

namespace faultline::dsl {

struct ParsedDesign {
  std::shared_ptr<const SourceFile> source;
  std::vector<ast::Statement> statements;
  // Per statement, its bytes [first, second) in the source, from its keyword to its ';' or
  // '}' (a ';' that may follow a block stays in the gap): what the printer copies when it is
  // untouched.
  std::vector<std::pair<std::size_t, std::size_t>> extents;

  SourceLoc loc(const ast::Node& node) const {
    return {source, node.offset, node.end > node.offset ? node.end - node.offset : 1};
  }
};

// The bytes of the file at `path`; nullopt when it cannot be opened or read (errno says why).
// The one whole-file reader of designs, imports and audit results.
std::optional<std::string> read_file(const std::string& path);

ParsedDesign parse_text(std::string path, std::string text, Diagnostics& diags);
// Reads `path` ("-" is standard input); an unreadable file is an error without location.
std::optional<ParsedDesign> parse_file(const std::string& path, Diagnostics& diags);

}  // namespace faultline::dsl
