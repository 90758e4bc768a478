// The faultline grammar (DESIGN.md §3).  Committing keywords are followed by `>` so that a
// malformed statement fails with the name of what was expected there.
#pragma once
#include <algorithm>
#include <boost/spirit/home/x3.hpp>
#include <type_traits>

#include "dsl/ast.hpp"
#include "dsl/ast_adapted.hpp"
#include "dsl/grammar.hpp"
#include "dsl/lexicon.hpp"

namespace faultline::dsl::parser {
namespace x3 = boost::spirit::x3;

// The start of the buffer, so that every node can record its byte offsets.
struct begin_tag;

// Records the parsed byte range on every AST node (the role of annotate_on_success, without
// Boost 1.74's position cache and its line-start bugs).
struct annotate {
  template <typename It, typename Attr, typename Ctx>
  void on_success(It const& first, It const& last, Attr& attr, Ctx const& ctx) const {
    if constexpr (std::is_base_of_v<ast::Node, Attr>) {
      It const& base = x3::get<begin_tag>(ctx);
      attr.offset = static_cast<std::size_t>(first - base);
      attr.end = static_cast<std::size_t>(last - base);
    }
  }
};

// --- lexical ------------------------------------------------------------------------------
inline auto const comment = x3::lexeme['#' >> *(x3::char_ - x3::eol) >> (x3::eol | x3::eoi)];
// Character classes as explicit sets: X3's x3::alnum and x3::space call std::isalnum and
// std::isspace on a plain char, which is undefined behaviour for bytes above 0x7F (signed char)
// and trips Boost's assertion in debug builds (found by the sanitizer build on a Latin-1 name).
inline auto const alnum = x3::char_("a-zA-Z0-9");
inline auto const alpha = x3::char_("a-zA-Z");
inline auto const digit = x3::char_("0-9");
inline auto const space = x3::char_(" \t\n\r\f\v");
inline auto const blank = space | comment;

// A '-' inside a name, unless it starts "--" (link) or "->" (reach).
inline auto const inner_dash = x3::char_('-') >> !(x3::lit('-') | x3::lit('>'));

inline auto kw(char const* s) {
  return x3::lexeme[x3::lit(s) >> !(alnum | x3::char_('_') | x3::char_('.') | x3::char_('-'))];
}

// A statement keyword (dsl/lexicon.hpp) never starts an attribute or a fault line, so that a
// block left open ends at the next statement with "expected '}'" instead of a confusing message
// inside it.
inline x3::symbols<unsigned> const statement_words = [] {
  x3::symbols<unsigned> words;
  for (unsigned i = 0; i < kStatementKeywords.size(); ++i)
    words.add(std::string(kStatementKeywords[i]), i);
  return words;
}();
inline auto const statement_keyword =
    x3::lexeme[statement_words >> !(alnum | x3::char_('_') | x3::char_('.') | x3::char_('-'))];

struct word_class : annotate {};
struct port_word_class : annotate {};
struct value_class : annotate {};
struct port_ref_class : annotate {};
struct attr_class : annotate {};
struct attr_block_class : annotate {};
struct stmt_end_class : annotate {};
struct design_class : annotate {};
struct device_class : annotate {};
struct link_class : annotate {};
struct lag_class : annotate {};
struct mclag_class : annotate {};
struct prefix_class : annotate {};
struct static_class : annotate {};
struct bgp_class : annotate {};
struct originate_class : annotate {};
struct tunnel_class : annotate {};
struct export_body_class : annotate {};
struct fault_line_class : annotate {};
struct fault_param_class : annotate {};
struct faults_class : annotate {};
struct faults_kw_class : annotate {};
struct require_body_class : annotate {};
struct reach_body_class : annotate {};
struct isolate_body_class : annotate {};
struct clause_class : annotate {};
struct clause_kw_class : annotate {};
struct connected_body_class : annotate {};
struct require_class : annotate {};
struct statement_class : annotate {};

x3::rule<struct quoted_class, std::string> const quoted = "closing '\"' of the string";
x3::rule<struct bare_class, std::string> const bare = "name";
x3::rule<struct number_class, std::string> const number = "number";
x3::rule<struct bare_port_class, std::string> const bare_port = "port name";
x3::rule<struct word_text_class, std::string> const word_text = "name";
x3::rule<struct port_text_class, std::string> const port_text = "port name";
x3::rule<word_class, ast::Word> const word = "name";
x3::rule<port_word_class, ast::Word> const port_word = "port name";
x3::rule<value_class, ast::Value> const value = "value";
x3::rule<attr_class, ast::Attr> const attribute = "attribute (key = value;)";
x3::rule<attr_block_class, ast::AttrBlock> const attr_block = "attribute block '{ … }'";
x3::rule<struct value_list_class, std::vector<ast::Value>> const value_list = "value";
x3::rule<struct word_list_class, std::vector<ast::Word>> const word_list = "name";
x3::rule<struct star_class, ast::Word> const star = "'*'";
x3::rule<struct device_list_class, std::vector<ast::Word>> const device_list =
    "'*' or a list of devices";
x3::rule<struct close_block_class> const close_block = "'}' to close the block";
x3::rule<struct port_suffix_class, ast::Word> const port_suffix =
    "':port' after the device (device:port)";
x3::rule<stmt_end_class, boost::optional<ast::AttrBlock>> const stmt_end =
    "';' or an attribute block '{ … }'";
x3::rule<port_ref_class, ast::Value> const port_ref = "port reference (device:port)";
x3::rule<design_class, ast::DesignStmt> const design_stmt = "design statement";
x3::rule<device_class, ast::DeviceStmt> const device_stmt = "device statement";
x3::rule<link_class, ast::LinkStmt> const link_stmt = "link statement";
x3::rule<lag_class, ast::LagStmt> const lag_stmt = "lag statement";
x3::rule<mclag_class, ast::McLagStmt> const mclag_stmt = "mclag statement";
x3::rule<prefix_class, ast::PrefixStmt> const prefix_stmt = "prefix statement";
x3::rule<static_class, ast::StaticStmt> const static_stmt = "static route";
x3::rule<bgp_class, ast::BgpStmt> const bgp_stmt = "bgp session";
x3::rule<originate_class, ast::OriginateStmt> const originate_stmt = "originate statement";
x3::rule<tunnel_class, ast::TunnelStmt> const tunnel_stmt = "tunnel statement";
x3::rule<struct tunnel_dash_class> const tunnel_dash = "'--' and the tunnel's other end";
x3::rule<struct to_kw_class> const to_kw = "'to' and the device";
x3::rule<struct session_dash_class> const session_dash = "'--' and the session's other end";
x3::rule<export_body_class, ast::RequireBody> const export_body =
    "no-export or announce requirement";
x3::rule<struct at_kw_class> const at_kw = "'at' and the devices that originate the prefix";
x3::rule<struct via_kw_class> const via_kw = "'via' and the next hops";
x3::rule<fault_line_class, ast::FaultLine> const fault_line =
    "fault line ('down', 'blackhole', 'restart', 'mtu' or 'common')";
x3::rule<fault_param_class, ast::FaultParam> const fault_param = "'p = PROBABILITY'";
x3::rule<faults_kw_class, ast::Word> const faults_kw = "'faults'";
x3::rule<faults_class, ast::FaultsStmt> const faults_stmt = "faults block";
x3::rule<reach_body_class, ast::RequireBody> const reach_body = "reach requirement";
x3::rule<isolate_body_class, ast::RequireBody> const isolate_body = "isolate requirement";
x3::rule<connected_body_class, ast::RequireBody> const connected_body = "connected requirement";
x3::rule<require_body_class, ast::RequireBody> const require_body =
    "'reach', 'isolate', 'connected', 'no-export' or 'announce'";
x3::rule<clause_kw_class, ast::Word> const clause_kw =
    "clause ('via', 'avoid', 'size' or 'tolerate')";
x3::rule<clause_class, ast::Clause> const clause = "clause";
x3::rule<struct require_end_class> const require_end =
    "';' or a clause ('via', 'avoid', 'size' or 'tolerate')";
x3::rule<require_class, ast::RequireStmt> const require_stmt = "require statement";
x3::rule<statement_class, ast::Statement> const statement = "statement";

namespace act {
// A word's text and exact byte range, from the raw range it matched: quoted words lose their
// quotes and escapes.  (x3::raw, because Boost 1.74's _where does not delimit a match.)
inline auto const set_word = [](auto& ctx) {
  auto const& range = x3::_attr(ctx);
  auto const& base = x3::get<begin_tag>(ctx);
  ast::Word& w = x3::_val(ctx);
  w.offset = static_cast<std::size_t>(range.begin() - base);
  w.end = static_cast<std::size_t>(range.end() - base);
  w.text.clear();
  auto it = range.begin();
  w.kind = it == range.end()           ? ast::Word::Kind::name
           : *it == '"'                ? ast::Word::Kind::quoted
           : (*it >= '0' && *it <= '9') ? ast::Word::Kind::number
                                        : ast::Word::Kind::name;
  if (it != range.end() && *it == '"') {
    for (++it; it != range.end() && *it != '"'; ++it) {
      if (*it == '\\' && it + 1 != range.end()) ++it;
      w.text += *it;
    }
  } else {
    w.text.assign(range.begin(), range.end());
  }
};
inline auto const set_kind = [](auto& ctx) {
  auto const& range = x3::_attr(ctx);
  auto const& base = x3::get<begin_tag>(ctx);
  x3::_val(ctx).kind.text.assign(range.begin(), range.end());
  x3::_val(ctx).kind.offset = static_cast<std::size_t>(range.begin() - base);
  x3::_val(ctx).kind.end = static_cast<std::size_t>(range.end() - base);
};
inline auto const push_back = [](auto& ctx) { x3::_val(ctx).push_back(x3::_attr(ctx)); };
inline auto const set_endpoints = [](auto& ctx) { x3::_val(ctx).endpoints = x3::_attr(ctx); };
inline auto const push_endpoint = [](auto& ctx) {
  x3::_val(ctx).endpoints.push_back(x3::_attr(ctx));
};
inline auto const set_name = [](auto& ctx) { x3::_val(ctx).name = x3::_attr(ctx); };

}  // namespace act

auto const quoted_def =
    x3::lexeme['"' > *(('\\' > x3::char_) | (x3::char_ - '"' - '\\' - x3::eol)) > '"'];
// A bare name starts with a letter or '_' (DESIGN.md §3, dsl/lexicon.hpp); a word that starts
// with a digit is a number or an address (10, 1e-3, 10.0.0.0/24, 3%), kept apart so that the
// resolver refuses it where a name belongs.
auto const bare_def = x3::lexeme[(alpha | x3::char_('_')) >>
                                 *(alnum | x3::char_('_') | x3::char_('.') | inner_dash)];
auto const number_def = x3::lexeme[digit >> *(alnum | x3::char_('_') | x3::char_('.') |
                                              inner_dash | x3::char_('/') | x3::char_('%'))];
auto const bare_port_def = x3::lexeme[+(alnum | x3::char_('_') | x3::char_('.') |
                                        x3::char_('/') | x3::char_(':') | inner_dash)];
auto const word_text_def = quoted | bare | number;
auto const port_text_def = quoted | bare_port;
auto const word_def = x3::raw[word_text][act::set_word];
auto const port_word_def = x3::raw[port_text][act::set_word];
auto const value_def = word >> -(x3::lexeme[':' > port_word]);
auto const port_suffix_def = x3::lexeme[':' > port_word];
auto const port_ref_def = word > port_suffix;
auto const value_list_def = value % ',';
auto const word_list_def = word % ',';
auto const attribute_def = !statement_keyword >> word > '=' > value_list > ';';
auto const close_block_def = x3::lit('}');
auto const attr_block_def = '{' > *attribute > close_block;
auto const stmt_end_def = (attr_block >> -x3::lit(';')) | x3::lit(';');

auto const design_stmt_def = kw("design") > word[act::set_name] > ';';
auto const device_stmt_def = kw("device") > word > word > stmt_end;
auto const link_stmt_def = kw("link") > port_ref > "--" > port_ref > stmt_end;
auto const lag_stmt_def = kw("lag") > port_ref > attr_block > -x3::lit(';');
auto const mclag_stmt_def = kw("mclag") > word > attr_block > -x3::lit(';');
auto const at_kw_def = kw("at");
auto const via_kw_def = kw("via");
auto const prefix_stmt_def = kw("prefix") > word > word > at_kw > word_list > ';';
auto const static_stmt_def = kw("static") > word > word > via_kw > word_list > stmt_end;
auto const to_kw_def = kw("to");
auto const session_dash_def = x3::lit("--");
auto const bgp_stmt_def = kw("bgp") > word > session_dash > word > stmt_end;
auto const originate_stmt_def = kw("originate") > word > word_list > ';';
auto const tunnel_dash_def = x3::lit("--");
auto const tunnel_stmt_def = kw("tunnel") > word > word > tunnel_dash > word > stmt_end;
// The mode word is not the key of a parameter: `down link p = 1e-3;` has no mode.  (The test
// comes first, as a predicate: X3 keeps the attribute of a failed optional sequence.)
auto const fault_param_def = word >> '=' > word;
auto const fault_line_def =
    !statement_keyword >> word > word_list > -(!(word >> '=') >> word) > -fault_param > ';';
auto const faults_kw_def = x3::raw[kw("faults")][act::set_word];
auto const faults_stmt_def = faults_kw > '{' > *fault_line > close_block > -x3::lit(';');
auto const reach_body_def = x3::raw[kw("reach")][act::set_kind] > word[act::push_endpoint] > "->" >
                            word[act::push_endpoint];
auto const isolate_body_def = x3::raw[kw("isolate")][act::set_kind] > word[act::push_endpoint] >
                              "->" > word[act::push_endpoint];
auto const star_def = x3::raw[x3::lit('*')][act::set_word];
auto const device_list_def = star[act::push_back] | (word[act::push_back] % ',');
auto const connected_body_def =
    x3::raw[kw("connected")][act::set_kind] > device_list[act::set_endpoints];
auto const export_body_def = x3::raw[kw("no-export") | kw("announce")][act::set_kind] >
                             word[act::push_endpoint] > to_kw > word[act::push_endpoint];
auto const require_body_def = reach_body | isolate_body | connected_body | export_body;
auto const clause_kw_def =
    x3::raw[kw("via") | kw("avoid") | kw("tolerate") | kw("size")][act::set_word];
auto const clause_def = clause_kw > word_list;
auto const require_end_def = x3::lit(';');
auto const require_stmt_def = kw("require") > require_body > *clause > require_end;
auto const statement_def =
    design_stmt | device_stmt | link_stmt | lag_stmt | mclag_stmt | prefix_stmt | static_stmt |
    bgp_stmt | originate_stmt | tunnel_stmt | faults_stmt | require_stmt;

BOOST_SPIRIT_DEFINE(close_block, port_suffix, value_list, word_list, star, device_list, quoted,
                    bare, number, bare_port, word_text, port_text, word, port_word, value, port_ref,
                    attribute, attr_block, stmt_end, design_stmt, device_stmt, link_stmt, lag_stmt,
                    mclag_stmt, at_kw, via_kw, prefix_stmt, static_stmt, to_kw, session_dash, bgp_stmt,
                    originate_stmt, tunnel_dash, tunnel_stmt, export_body, fault_line, fault_param, faults_kw, faults_stmt, reach_body,
                    isolate_body, connected_body, require_body, clause_kw, clause, require_end, require_stmt,
                    statement)

}  // namespace faultline::dsl::parser
