// One table of the language's words and name rules (DESIGN.md §3): the grammar, the parser's
// recovery and messages, the resolver and the importers all read it, so that a keyword or a
// name rule is written once.
#pragma once
#include <array>
#include <string_view>

namespace faultline::dsl {

// The words that start a statement.  They never name an attribute, so that a block left open
// ends at the next statement.
inline constexpr std::array<std::string_view, 12> kStatementKeywords = {
    "design", "device", "link",      "lag",    "mclag",  "prefix",
    "static", "bgp",    "originate", "tunnel", "faults", "require"};

// Statements the language will have (DESIGN.md §7–§11), refused by name until they are
// modelled: a design that uses them must not be checked as if they were absent.
inline constexpr std::array<std::string_view, 5> kPlannedKeywords = {
    "route", "ospf", "monitor", "loss", "lossy"};

// Names (DESIGN.md §3): [A-Za-z_][A-Za-z0-9_.-]*, a '-' never starting "--" or "->"; or a
// double-quoted string.  A word that starts with a digit is a number or an address (10,
// 1e-3, 10.0.0.0/24, 3%), never a bare name.
constexpr bool is_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
constexpr bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
constexpr bool is_name_start(char c) {
  return is_letter(c) || c == '_';
}
constexpr bool is_name_char(char c) {
  return is_letter(c) || is_digit(c) || c == '_' || c == '.' || c == '-';
}

// Whether `s` reads back as one bare name.
constexpr bool is_bare_name(std::string_view s) {
  if (s.empty() || !is_name_start(s[0])) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (!is_name_char(s[i])) return false;
    if (s[i] == '-' && i + 1 < s.size() && (s[i + 1] == '-' || s[i + 1] == '>')) return false;
  }
  return true;
}

}  // namespace faultline::dsl
