// The printer (dsl/printer.hpp): an untouched design prints byte for byte, an edit changes only
// its statement, and the canonical form of every statement of every example and every parseable
// bad input reads back as the same statement.
#include <catch2/catch.hpp>

#include <filesystem>

#include "dsl/printer.hpp"

using namespace faultline;

namespace {
std::vector<std::string> corpus() {
  std::vector<std::string> files;
  for (const char* dir : {"examples", "tests/bad", "tests/golden/warnings"})
    for (const auto& e : std::filesystem::recursive_directory_iterator(
             std::string(FAULTLINE_SOURCE_DIR) + "/" + dir))
      if (e.path().extension() == ".fl") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  return files;
}
}  // namespace

TEST_CASE("every statement's canonical form reads back as the same statement", "[dsl][printer]") {
  std::size_t statements = 0, files = 0;
  for (const std::string& f : corpus()) {
    dsl::Diagnostics diags;
    auto parsed = dsl::parse_file(f, diags);
    if (!parsed || diags.has_errors()) continue;
    ++files;
    INFO(f);
    CHECK(dsl::print_design(*parsed) == parsed->source->text());
    std::string canonical;
    for (const auto& s : parsed->statements) canonical += dsl::print_statement(s) + "\n";
    dsl::Diagnostics again;
    auto reparsed = dsl::parse_text("canonical.fl", canonical, again);
    REQUIRE_FALSE(again.has_errors());
    REQUIRE(reparsed.statements.size() == parsed->statements.size());
    dsl::PrintOptions dump{/*quote_all=*/true};
    for (std::size_t i = 0; i < parsed->statements.size(); ++i) {
      CHECK(dsl::print_statement(reparsed.statements[i], dump) ==
            dsl::print_statement(parsed->statements[i], dump));
      CHECK(dsl::print_statement(reparsed.statements[i]) ==
            dsl::print_statement(parsed->statements[i]));
      ++statements;
    }
  }
  CHECK(files >= 10);
  CHECK(statements >= 100);
}

TEST_CASE("an edit changes its statement only: comments and layout elsewhere stay",
          "[dsl][printer]") {
  std::string text =
      "# edge\ndevice a   router;   # the left one\n"
      "device b router { os = \"x 1\"; }\n\n"
      "link a:1 -- b:1;  # peer\n"
      "require reach a -> b;\n";
  dsl::Diagnostics diags;
  auto parsed = dsl::parse_text("t.fl", text, diags);
  REQUIRE_FALSE(diags.has_errors());
  REQUIRE(parsed.statements.size() == 4);
  // link a:1 -- b:1 gets BFD, and a second link is added after it.
  dsl::Diagnostics d2;
  auto patch = dsl::parse_text("p.fl", "link a:1 -- b:1 { bfd = on; }\nlink a:2 -- b:2;\n", d2);
  REQUIRE(patch.statements.size() == 2);
  dsl::Edit edit;
  edit.index = 2;
  edit.replace = true;
  edit.replacement = patch.statements[0];
  edit.insert_after = {patch.statements[1]};
  CHECK(dsl::print_design(parsed, {edit}) ==
        "# edge\ndevice a   router;   # the left one\n"
        "device b router { os = \"x 1\"; }\n\n"
        "link a:1 -- b:1 { bfd = on; }\nlink a:2 -- b:2;  # peer\n"
        "require reach a -> b;\n");
  dsl::Edit append;
  append.index = parsed.statements.size();
  append.insert_after = {patch.statements[1]};
  CHECK(dsl::print_design(parsed, {append}) == text + "link a:2 -- b:2;\n");
  dsl::Edit remove;
  remove.index = 3;
  remove.replace = true;
  CHECK(dsl::print_design(parsed, {remove}).find("require") == std::string::npos);
}

TEST_CASE("words are quoted only when they must be", "[dsl][printer]") {
  CHECK(dsl::quote_word("edge-1") == "edge-1");
  CHECK(dsl::quote_word("core 1") == "\"core 1\"");
  CHECK(dsl::quote_word("3ROX") == "\"3ROX\"");
  CHECK(dsl::quote_word("a\"b") == "\"a\\\"b\"");
  CHECK(dsl::quote_port("et-0/0/8:0") == "et-0/0/8:0");
  CHECK(dsl::quote_port("Gi 0/1") == "\"Gi 0/1\"");
}
