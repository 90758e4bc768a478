// libFuzzer target: the language front end and, for small designs, the whole check.
//   any bytes → parse → resolve → diagnostics rendered; a design that resolves and is small is
//   checked at K = 1 by the product engine and by the oracle, which must agree on every verdict.
// Crashes, sanitizer reports, exceptions escaping and disagreements all stop the fuzzer.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "dsl/parse.hpp"
#include "models/resolve.hpp"
#include "verifier/check.hpp"

using namespace faultline;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  dsl::Diagnostics diags;
  auto parsed =
      dsl::parse_text("fuzz.fl", std::string(reinterpret_cast<const char*>(data), size), diags);
  std::optional<models::Design> design;
  if (!diags.has_errors()) design = models::resolve(parsed, diags);
  std::ostringstream rendered;
  diags.render(rendered);
  if (diags.has_errors() != !design) __builtin_trap();  // a design iff no error
  if (!design || design->net.devices.size() > 8 || design->events.size() > 12) return 0;
  verifier::SearchOptions product, oracle;
  product.k = oracle.k = 1;
  product.timeout_seconds = oracle.timeout_seconds = 2;
  oracle.engine = verifier::Engine::enumerate;
  for (std::size_t i = 0; i < design->net.requirements.size(); ++i) {
    auto a = verifier::check_requirement(*design, i, product).result;
    auto b = verifier::check_requirement(*design, i, oracle).result;
    if (a.status == verifier::Status::unknown || b.status == verifier::Status::unknown) continue;
    if (a.status != b.status || a.violations.size() != b.violations.size()) __builtin_trap();
  }
  return 0;
}
