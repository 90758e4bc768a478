// Test helpers: a design from text, or the diagnostics it produces.
#pragma once
#include <cstdint>
#include <sstream>
#include <string>

#include "dsl/parse.hpp"
#include "models/resolve.hpp"

namespace faultline::testing {

// How many random designs a property test draws: all of them in the Release suite, a quarter
// under the sanitizers (4 to 5 times slower), where the run looks for memory errors and
// undefined behaviour and the Release run keeps the statistical power (as the differential).
#ifdef FAULTLINE_SANITIZED
constexpr std::uint64_t random_designs(std::uint64_t n) { return (n + 3) / 4; }
#else
constexpr std::uint64_t random_designs(std::uint64_t n) { return n; }
#endif

// The rendered diagnostics of parsing and resolving `text` as file "t.fl" ("" when clean).
inline std::string diagnostics_of(const std::string& text) {
  dsl::Diagnostics diags;
  auto parsed = dsl::parse_text("t.fl", text, diags);
  if (!diags.has_errors()) models::resolve(parsed, diags);
  std::ostringstream out;
  diags.render(out);
  return out.str();
}

// A design that must resolve without errors.
inline models::Design design_of(const std::string& text) {
  dsl::Diagnostics diags;
  auto parsed = dsl::parse_text("t.fl", text, diags);
  std::optional<models::Design> d;
  if (!diags.has_errors()) d = models::resolve(parsed, diags);
  if (!d) {
    std::ostringstream out;
    diags.render(out);
    throw std::runtime_error("design does not resolve:\n" + out.str());
  }
  return std::move(*d);
}

}  // namespace faultline::testing
