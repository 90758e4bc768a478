// A requirement's minimal violating sets by event name, for comparing engines and pinning
// verdicts in tests.
#pragma once
#include <string>
#include <vector>

#include "verifier/check.hpp"

namespace faultline::testing {

using EventSets = std::vector<std::vector<std::string>>;

inline EventSets set_names(const models::Design& d, const verifier::RequirementResult& r) {
  EventSets out;
  for (const auto& v : r.violations) {
    out.emplace_back();
    for (std::size_t e : v.events) out.back().push_back(d.events[e].name);
  }
  return out;
}

}  // namespace faultline::testing
