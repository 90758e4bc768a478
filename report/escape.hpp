// Escaping text taken from a design for the formats that embed it: one table-driven replace,
// and the markup escape HTML and XML share.
#pragma once
#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace faultline::report {

// `s` with every character that has an entry in `table` replaced by its text.
inline std::string replace_chars(std::string_view s,
                                 std::initializer_list<std::pair<char, std::string_view>> table) {
  std::string out;
  for (char c : s) {
    const std::pair<char, std::string_view>* hit = nullptr;
    for (const auto& entry : table)
      if (entry.first == c) hit = &entry;
    if (hit)
      out += hit->second;
    else
      out += c;
  }
  return out;
}

// Text and attribute values in HTML and XML 1.0: the five markup characters as references, and
// control characters other than tab and newline (which XML 1.0 forbids) as '?'.
inline std::string markup_escape(std::string_view s) {
  std::string out;
  for (char c : replace_chars(
           s, {{'&', "&amp;"}, {'<', "&lt;"}, {'>', "&gt;"}, {'"', "&quot;"}, {'\'', "&#39;"}}))
    out += (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') ? '?' : c;
  return out;
}

// Markdown-escapes text taken from a design: a device named `<b>|x` stays text in a table.
// (Backslash escapes of every character that could start markup; `&` so that `&lt;` stays
// those four characters, `~` for GFM's strikethrough.  Not inside a code span: md_code.)
inline std::string md_escape(std::string_view s) {
  return replace_chars(s, {{'|', "\\|"},
                           {'&', "\\&"},
                           {'~', "\\~"},
                           {'\\', "\\\\"},
                           {'`', "\\`"},
                           {'*', "\\*"},
                           {'_', "\\_"},
                           {'[', "\\["},
                           {']', "\\]"},
                           {'<', "\\<"},
                           {'>', "\\>"},
                           {'#', "\\#"},
                           {'\n', " "}});
}

// `s` as a Markdown code span: CommonMark reads no backslash escapes inside one, so the text
// goes in unchanged and the fence is one backtick longer than the longest run of backticks in
// it (padded with spaces when it starts or ends with one).  Not for table cells (a `|` would
// end the cell).
inline std::string md_code(std::string_view s) {
  std::size_t longest = 0, run = 0;
  for (char c : s) longest = std::max(longest, run = c == '`' ? run + 1 : 0);
  std::string fence(longest + 1, '`');
  bool pad = !s.empty() && (s.front() == '`' || s.back() == '`');
  std::string body = replace_chars(s, {{'\n', " "}});
  return fence + (pad ? " " : "") + body + (pad ? " " : "") + fence;
}

}  // namespace faultline::report
