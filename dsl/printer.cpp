#include "dsl/printer.hpp"

#include <map>

#include "dsl/lexicon.hpp"

namespace faultline::dsl {

namespace {

std::string quoted(const std::string& s) {
  std::string q = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') q += '\\';
    q += (c == '\n' || c == '\r') ? ' ' : c;
  }
  return q + "\"";
}

class Printer {
 public:
  explicit Printer(const PrintOptions& o) : o_(o) {}

  std::string word(const ast::Word& w) const {
    if (o_.quote_all) return quoted(w.text);
    if (w.kind == ast::Word::Kind::number) return w.text;  // as written: 10, 1e-3, 10.0.0.0/24
    return quote_word(w.text);
  }
  std::string port(const ast::Word& w) const {
    return o_.quote_all ? quoted(w.text) : quote_port(w.text);
  }
  std::string value(const ast::Value& v) const {
    return word(v.head) + (v.port ? ":" + port(*v.port) : "");
  }
  template <class T, class F>
  std::string list(const std::vector<T>& xs, F f) const {
    std::string out;
    for (std::size_t i = 0; i < xs.size(); ++i) out += (i ? ", " : "") + f(xs[i]);
    return out;
  }
  std::string block(const ast::AttrBlock& attrs) const {
    std::string out = "{";
    for (const auto& a : attrs)
      out +=
          " " + word(a.key) + " = " + list(a.values, [&](const auto& v) { return value(v); }) + ";";
    return out + " }";
  }
  std::string end(const boost::optional<ast::AttrBlock>& attrs) const {
    return attrs ? " " + block(*attrs) : ";";
  }

  std::string operator()(const ast::DesignStmt& s) const { return "design " + word(s.name) + ";"; }
  std::string operator()(const ast::DeviceStmt& s) const {
    return "device " + word(s.name) + " " + word(s.kind) + end(s.attrs);
  }
  std::string operator()(const ast::LinkStmt& s) const {
    return "link " + value(s.a) + " -- " + value(s.b) + end(s.attrs);
  }
  std::string operator()(const ast::LagStmt& s) const {
    return "lag " + value(s.name) + " " + block(s.attrs);
  }
  std::string operator()(const ast::McLagStmt& s) const {
    return "mclag " + word(s.name) + " " + block(s.attrs);
  }
  std::string operator()(const ast::PrefixStmt& s) const {
    return "prefix " + word(s.name) + " " + word(s.cidr) + " at " +
           list(s.origins, [&](const auto& w) { return word(w); }) + ";";
  }
  std::string operator()(const ast::StaticStmt& s) const {
    return "static " + word(s.device) + " " + word(s.dest) + " via " +
           list(s.via, [&](const auto& w) { return word(w); }) + end(s.attrs);
  }
  std::string operator()(const ast::BgpStmt& s) const {
    return "bgp " + word(s.a) + " -- " + word(s.b) + end(s.attrs);
  }
  std::string operator()(const ast::TunnelStmt& s) const {
    return "tunnel " + word(s.name) + " " + word(s.a) + " -- " + word(s.b) + end(s.attrs);
  }
  std::string operator()(const ast::OriginateStmt& s) const {
    return "originate " + word(s.device) + " " +
           list(s.prefixes, [&](const auto& w) { return word(w); }) + ";";
  }
  std::string operator()(const ast::FaultsStmt& s) const {
    std::string out = "faults {";
    for (const auto& l : s.lines) {
      out += "\n  " + word(l.verb) + " " + list(l.args, [&](const auto& w) { return word(w); });
      if (l.mode) out += " " + word(*l.mode);
      if (l.param) out += " " + word(l.param->key) + " = " + word(l.param->value);
      out += ";";
    }
    return out + (s.lines.empty() ? " }" : "\n}");
  }
  std::string operator()(const ast::RequireStmt& s) const {
    std::string out = "require " + s.body.kind.text + " ";
    if (s.body.kind.text == "reach" || s.body.kind.text == "isolate")
      out += word(s.body.endpoints[0]) + " -> " + word(s.body.endpoints[1]);
    else if (s.body.kind.text == "no-export" || s.body.kind.text == "announce")
      out += word(s.body.endpoints[0]) + " to " + word(s.body.endpoints[1]);
    else if (s.body.endpoints.size() == 1 && s.body.endpoints[0].text == "*" &&
             s.body.endpoints[0].kind != ast::Word::Kind::quoted)
      out += "*";
    else
      out += list(s.body.endpoints, [&](const auto& w) { return word(w); });
    for (const auto& c : s.clauses)
      out += " " + c.keyword.text + " " + list(c.args, [&](const auto& w) { return word(w); });
    return out + ";";
  }

 private:
  const PrintOptions& o_;
};

}  // namespace

std::string quote_word(const std::string& s) {
  return is_bare_name(s) ? s : quoted(s);
}

std::string quote_port(const std::string& s) {
  bool bare = !s.empty() && s.back() != '-';
  for (std::size_t i = 0; i < s.size() && bare; ++i) {
    char c = s[i];
    bare = is_name_char(c) || c == '/' || c == ':';
    if (c == '-' && i + 1 < s.size() && (s[i + 1] == '-' || s[i + 1] == '>')) bare = false;
  }
  return bare ? s : quoted(s);
}

std::string print_statement(const ast::Statement& s, const PrintOptions& o) {
  return boost::apply_visitor(Printer(o), s.get());
}

std::string print_design(const ParsedDesign& design, const std::vector<Edit>& edits) {
  const std::string& src = design.source->text();
  std::map<std::size_t, const Edit*> at;
  for (const Edit& e : edits) at[e.index] = &e;
  std::string out;
  std::size_t copied = 0;  // source bytes up to here are in `out`
  auto inserts = [&](const Edit& e) {
    for (const auto& s : e.insert_after) out += "\n" + print_statement(s);
  };
  for (std::size_t i = 0; i < design.statements.size(); ++i) {
    auto it = at.find(i);
    if (it == at.end()) continue;
    auto [begin, end] = design.extents[i];
    out += src.substr(copied, begin - copied);
    if (it->second->replace) {
      if (it->second->replacement) out += print_statement(*it->second->replacement);
    } else {
      out += src.substr(begin, end - begin);
    }
    copied = end;
    inserts(*it->second);
  }
  out += src.substr(copied);
  if (auto it = at.find(design.statements.size()); it != at.end()) {
    if (!out.empty() && out.back() != '\n') out += "\n";
    for (const auto& s : it->second->insert_after) out += print_statement(s) + "\n";
  }
  return out;
}

}  // namespace faultline::dsl
