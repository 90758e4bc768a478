#include "dsl/parse.hpp"

#include <cctype>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>

#include "dsl/grammar.hpp"
#include "dsl/lexicon.hpp"

namespace faultline::dsl {

namespace {

// "'design', 'device', …, 'faults' or 'require'", from the one table of keywords.
std::string statement_keywords_text() {
  std::string out;
  for (std::size_t i = 0; i < kStatementKeywords.size(); ++i)
    out += std::string(i == 0 ? "" : i + 1 == kStatementKeywords.size() ? " or " : ", ") + "'" +
           std::string(kStatementKeywords[i]) + "'";
  return out;
}

// The token at `offset`, for "found '…'" in messages.
std::string token_at(const std::string& text, std::size_t offset) {
  if (offset >= text.size()) return "end of file";
  if (text[offset] == '\n' || text[offset] == '\r') return "end of line";
  std::size_t end = offset;
  unsigned char c = static_cast<unsigned char>(text[offset]);
  if (c >= 0x80) {
    // A whole UTF-8 character: a name outside ASCII must be quoted.  Else the file is not UTF-8.
    std::size_t n = c >= 0xf0 && c < 0xf5   ? 4
                    : c >= 0xe0 && c < 0xf0 ? 3
                    : c >= 0xc2 && c < 0xe0 ? 2
                                            : 0;
    bool valid = n > 0 && offset + n <= text.size();
    for (std::size_t k = 1; valid && k < n; ++k)
      valid = (static_cast<unsigned char>(text[offset + k]) & 0xc0) == 0x80;
    if (valid)
      return "'" + text.substr(offset, n) +
             "' (a name with characters outside ASCII must be quoted: \"…\")";
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", c);
    return std::string("the byte ") + hex + ", which is not UTF-8 (faultline reads UTF-8 text)";
  }
  if (c < 0x20) return "a control character";
  if (is_name_char(text[offset])) {
    while (end < text.size() && end - offset < 40 && is_name_char(text[end])) ++end;
  } else {
    end = offset + 1;
  }
  return "'" + text.substr(offset, end - offset) + "'";
}

bool starts_statement(const std::string& text, std::size_t pos) {
  for (std::string_view kw : kStatementKeywords) {
    std::size_t n = kw.size();
    if (text.compare(pos, n, kw) == 0 && (pos + n >= text.size() || !is_name_char(text[pos + n])))
      return true;
  }
  return false;
}

// After a syntax error in the statement starting at `start` (failure at `failed_at`), the
// offset to resume at: past the statement's ';' at brace depth 0, past its closing '}', or at
// a line after the failure that starts a new statement (a missing ';' or '}').
std::size_t recover(const std::string& text, std::size_t start, std::size_t failed_at) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = start; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
        continue;
      }
      if (c == '"') in_string = false;
      if (c != '\n') continue;
      in_string = false;  // an unterminated string ends at the line's end
    }
    if (c == '#') {
      while (i < text.size() && text[i] != '\n') ++i;
      --i;
      continue;
    }
    if (c == '"')
      in_string = true;
    else if (c == '{')
      ++depth;
    else if (c == '}') {
      if (--depth <= 0) return i + 1;
    } else if (c == ';' && depth <= 0) {
      return i + 1;
    } else if (c == '\n' && i >= failed_at) {
      std::size_t j = i + 1;
      while (j < text.size() && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r')) ++j;
      if (starts_statement(text, j)) return j;
    }
  }
  return text.size();
}

// Where to point the caret for a failure at `offset`: at the next token on the same line,
// or, if the line ends first, right after the previous token.
std::size_t caret_offset(const std::string& text, std::size_t offset) {
  std::size_t j = offset;
  while (j < text.size() && (text[j] == ' ' || text[j] == '\t')) ++j;
  if (j >= text.size() || text[j] == '\n' || text[j] == '\r' || text[j] == '#') return offset;
  return j;
}

// X3 names literals as "\"->\"" or "';'"; unnamed parsers as mangled types, which never reach
// a user: every expectation point in the grammar is a named rule or a literal.
std::string describe_expected(std::string which) {
  if (which.size() >= 2 && which.front() == '"' && which.back() == '"')
    which = "'" + which.substr(1, which.size() - 2) + "'";
  if (which == "'\"'") return "closing '\"' of the string";
  if (which.empty() || which.rfind("N5boost", 0) == 0) return "valid syntax";
  return which;
}

}  // namespace

ParsedDesign parse_text(std::string path, std::string text, Diagnostics& diags) {
  // A UTF-8 byte order mark (Windows editors write one) is not text: drop it, so that columns
  // are those the editor shows.
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  ParsedDesign design;
  design.source = std::make_shared<SourceFile>(std::move(path), std::move(text));
  const std::string& src = design.source->text();
  auto const begin = src.begin();
  auto first = src.begin();
  auto const last = src.end();
  for (;;) {
    parser::skip_blank(first, last);
    if (first == last || diags.full()) break;
    std::size_t start = static_cast<std::size_t>(first - begin);
    ast::Statement stmt;
    parser::SyntaxError err;
    switch (parser::parse_statement(first, last, begin, stmt, err)) {
      case parser::StatementResult::parsed:
        design.statements.push_back(std::move(stmt));
        // From the keyword to the ';' or '}' that ends it (the parser itself has skipped the
        // blanks and the comment after it, which belong to the gap).
        design.extents.push_back({start, recover(src, start, src.size())});
        break;
      case parser::StatementResult::no_statement: {
        std::string token = token_at(src, start);
        bool planned = false;
        for (std::string_view kw : kPlannedKeywords)
          planned = planned || token == "'" + std::string(kw) + "'";
        if (planned)
          diags.error(
              {design.source, start, token.size() - 2},
              token +
                  " statements are not supported yet: this version models links, LAG, MC-LAG, "
                  "prefixes, static routes, BGP, packet size and least-cost forwarding only");
        else
          diags.error({design.source, start, 1},
                      "expected a statement (" + statement_keywords_text() + "), found " +
                          token);
        first = begin + static_cast<std::ptrdiff_t>(recover(src, start, start));
        break;
      }
      case parser::StatementResult::failed: {
        std::size_t at = caret_offset(src, err.offset);
        diags.error({design.source, at, 1},
                    "expected " + describe_expected(err.expected) + ", found " + token_at(src, at));
        first = begin + static_cast<std::ptrdiff_t>(recover(src, start, err.offset));
        break;
      }
    }
  }
  if (design.statements.empty() && !diags.has_errors())
    diags.error({design.source, 0, 1}, "empty design: expected at least one statement");
  return design;
}

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return buf.str();
}

std::optional<ParsedDesign> parse_file(const std::string& path, Diagnostics& diags) {
  std::string text;
  if (path == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
      diags.error_without_location("cannot read '" + path +
                                   "': it is a directory (faultline audit takes directories)");
      return std::nullopt;
    }
    std::optional<std::string> read = read_file(path);
    if (!read) {
      diags.error_without_location("cannot read '" + path + "': " + std::strerror(errno));
      return std::nullopt;
    }
    text = std::move(*read);
  }
  return parse_text(path == "-" ? "<stdin>" : path, std::move(text), diags);
}

}  // namespace faultline::dsl
