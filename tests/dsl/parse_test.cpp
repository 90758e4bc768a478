#include <catch2/catch.hpp>

#include "dsl/lexicon.hpp"
#include "dsl/parse.hpp"
#include "tests/support/load.hpp"

using namespace faultline;

namespace {
dsl::ParsedDesign parse(const std::string& text, dsl::Diagnostics& diags) {
  return dsl::parse_text("t.fl", text, diags);
}
}  // namespace

TEST_CASE("statements parse into their node kinds with exact positions", "[dsl]") {
  dsl::Diagnostics diags;
  auto p = parse(
      "design \"x y\";\n  device ca1 switch { os = \"junos 1\"; }\nlink ca1:et-0/0/8:0 -- b:p1;\n",
      diags);
  REQUIRE_FALSE(diags.has_errors());
  REQUIRE(p.statements.size() == 3);
  auto* design = boost::get<dsl::ast::DesignStmt>(&p.statements[0].get());
  REQUIRE(design);
  CHECK(design->name.text == "x y");
  auto* dev = boost::get<dsl::ast::DeviceStmt>(&p.statements[1].get());
  REQUIRE(dev);
  CHECK(dev->name.text == "ca1");
  CHECK(p.loc(dev->name).str() == "t.fl:2:10");
  CHECK(p.loc(dev->name).length == 3);
  CHECK(dev->kind.text == "switch");
  REQUIRE(static_cast<bool>(dev->attrs));
  CHECK((*dev->attrs)[0].values[0].head.text == "junos 1");
  auto* link = boost::get<dsl::ast::LinkStmt>(&p.statements[2].get());
  REQUIRE(link);
  CHECK(link->a.port->text == "et-0/0/8:0");  // a port name may contain ':' after the first
  CHECK(p.loc(link->b.head).str() == "t.fl:3:24");
}

TEST_CASE("'--' and '->' separate names written without spaces", "[dsl]") {
  dsl::Diagnostics diags;
  auto p = parse("link a-1:x-2--b-1:y-3;\nrequire reach a-1->b-1 tolerate 2;\n", diags);
  REQUIRE_FALSE(diags.has_errors());
  auto* link = boost::get<dsl::ast::LinkStmt>(&p.statements[0].get());
  REQUIRE(link);
  CHECK(link->a.head.text == "a-1");
  CHECK(link->a.port->text == "x-2");
  CHECK(link->b.port->text == "y-3");
  auto* req = boost::get<dsl::ast::RequireStmt>(&p.statements[1].get());
  REQUIRE(req);
  CHECK(req->body.endpoints.size() == 2);
  CHECK(req->body.endpoints[1].text == "b-1");
  REQUIRE(req->clauses.size() == 1);
  CHECK(req->clauses[0].keyword.text == "tolerate");
  REQUIRE(req->clauses[0].args.size() == 1);
  CHECK(req->clauses[0].args[0].text == "2");
}

TEST_CASE("quoted names keep spaces and escapes", "[dsl]") {
  dsl::Diagnostics diags;
  auto p = parse("device \"core \\\"1\\\"\" router;  # comment\n", diags);
  REQUIRE_FALSE(diags.has_errors());
  auto* dev = boost::get<dsl::ast::DeviceStmt>(&p.statements[0].get());
  REQUIRE(dev);
  CHECK(dev->name.text == "core \"1\"");
  CHECK(p.loc(dev->name).length == 12);
}

TEST_CASE("every syntax error is reported, each at its statement", "[dsl]") {
  std::string out = testing::diagnostics_of(
      "device a router\n"
      "device b switch;\n"
      "frobnicate;\n"
      "link a:p1 -- b:p1 { cost = ; }\n"
      "require reach a b;\n");
  CHECK(out.find("t.fl:1:16: error: expected ';' or an attribute block") != std::string::npos);
  CHECK(out.find("t.fl:3:1: error: expected a statement") != std::string::npos);
  CHECK(out.find("t.fl:4:28: error: expected value, found ';'") != std::string::npos);
  CHECK(out.find("t.fl:5:17: error: expected '->', found 'b'") != std::string::npos);
}

TEST_CASE("an unterminated string does not swallow the next statement", "[dsl]") {
  dsl::Diagnostics diags;
  auto p = parse("device c \"open;\ndevice d router;\n", diags);
  CHECK(diags.error_count() == 1);
  REQUIRE(p.statements.size() == 1);
  CHECK(boost::get<dsl::ast::DeviceStmt>(p.statements[0].get()).name.text == "d");
}

TEST_CASE("the caret line marks the offending range", "[dsl]") {
  std::string out = testing::diagnostics_of("device a router;\nlink a:p -- zz:q;\n");
  CHECK(out == "t.fl:2:13: error: unknown device 'zz'\n  link a:p -- zz:q;\n              ^~\n");
}

TEST_CASE("a UTF-8 byte order mark is dropped, so columns are the editor's", "[dsl]") {
  dsl::Diagnostics diags;
  auto p = parse(
      "\xEF\xBB\xBF"
      "device a router;\n",
      diags);
  REQUIRE_FALSE(diags.has_errors());
  auto* dev = boost::get<dsl::ast::DeviceStmt>(&p.statements[0].get());
  REQUIRE(dev);
  CHECK(p.loc(dev->name).str() == "t.fl:1:8");
  // Only at the start: elsewhere it is a byte like any other non-ASCII one.
  parse(
      "device a router;\n\xEF\xBB\xBF"
      "device b router;\n",
      diags);
  CHECK(diags.has_errors());
}

TEST_CASE("a word that starts with a digit is a number or an address, never a bare name",
          "[dsl]") {
  dsl::Diagnostics diags;
  auto p = parse("device r1 router { rack = 12; net = 10.0.0.0/24; loss = 0.1%; id = \"7\"; }\n",
                 diags);
  REQUIRE_FALSE(diags.has_errors());
  auto* dev = boost::get<dsl::ast::DeviceStmt>(&p.statements[0].get());
  REQUIRE(dev);
  CHECK(dev->name.kind == dsl::ast::Word::Kind::name);
  const auto& attrs = *dev->attrs;
  CHECK(attrs[0].values[0].head.kind == dsl::ast::Word::Kind::number);
  CHECK(attrs[1].values[0].head.text == "10.0.0.0/24");
  CHECK(attrs[1].values[0].head.kind == dsl::ast::Word::Kind::number);
  CHECK(attrs[2].values[0].head.text == "0.1%");
  CHECK(attrs[3].values[0].head.kind == dsl::ast::Word::Kind::quoted);
  CHECK(testing::diagnostics_of("device 10.0.0.1 router;\nrequire connected *;\n")
            .find("expected a name, found '10.0.0.1'") != std::string::npos);
  CHECK(dsl::is_bare_name("edge-1.fra"));
  CHECK_FALSE(dsl::is_bare_name("3ROX"));
  CHECK_FALSE(dsl::is_bare_name("a->b"));
}
