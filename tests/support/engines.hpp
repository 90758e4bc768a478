// Running one engine alone on a requirement, for hand tests that pin a verdict on every engine.
#pragma once
#include <catch2/catch.hpp>

#include <string>

#include "tests/support/sets.hpp"

namespace faultline::testing {

// The minimal violating sets of requirement `req` found by engine `e` alone: Z3 itself
// (`--no-fast-path`, not the explicit search of the product's path) or the oracle.  Checks that
// that engine decided it.
inline EventSets violating(const models::Design& d, std::size_t req, verifier::Engine e) {
  verifier::SearchOptions o;
  o.engine = e;
  o.fast_path = false;
  auto c = verifier::check_requirement(d, req, o);
  CHECK(std::string(c.result.method) == (e == verifier::Engine::smt ? "smt" : "enumerate"));
  CHECK(c.result.status != verifier::Status::unknown);
  return set_names(d, c.result);
}
constexpr verifier::Engine kEngines[] = {verifier::Engine::smt, verifier::Engine::enumerate};

// The one explanation of requirement `req` on the product's path (it must have exactly one).
inline verifier::Explanation only_explanation(const models::Design& d, std::size_t req) {
  auto c = verifier::check_requirement(d, req, verifier::SearchOptions{});
  REQUIRE(c.explanations.size() == 1);
  return c.explanations[0];
}

}  // namespace faultline::testing
