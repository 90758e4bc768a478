// Helpers for tests that hold the explicit and the symbolic reading of a rule side by side: the
// symbolic plane of a design with every event literal fixed to one fault set, so that a
// formula's satisfiability can be compared with what the simulator says of that set.
#pragma once
#include <z3++.h>

#include <random>
#include <vector>

#include "models/requirements.hpp"
#include "models/resolve.hpp"
#include "models/state.hpp"

namespace faultline::testing {

struct FixedSymbolic {
  z3::context ctx;
  models::SymbolicFaults faults;
  std::vector<z3::expr> pins;  // literal ↔ membership of the set, one per event
};

// Literals for every event of `d`, pinned to `set` (event indices).
inline void pin_events(FixedSymbolic& s, const models::Design& d,
                       const std::vector<std::size_t>& set) {
  std::vector<std::size_t> all(d.events.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
  s.faults = models::fault_literals(s.ctx, d.events, all);
  for (std::size_t i = 0; i < all.size(); ++i) {
    bool in = std::find(set.begin(), set.end(), i) != set.end();
    s.pins.push_back(in ? s.faults.literals[i] : !s.faults.literals[i]);
  }
}

// Whether `f` together with the pins (and `extra`) is satisfiable.  Callers fold many checks
// into one query where they can: a solver per check is slow.
inline bool satisfiable(FixedSymbolic& s, const z3::expr& f,
                        const std::vector<z3::expr>& extra = {}) {
  z3::solver solver(s.ctx);
  for (const auto& p : s.pins) solver.add(p);
  for (const auto& e : extra) solver.add(e);
  solver.add(f);
  return solver.check() == z3::sat;
}

// A random set of at most k events of d.
inline std::vector<std::size_t> random_set(std::mt19937_64& rng, const models::Design& d,
                                           std::size_t k) {
  std::vector<std::size_t> set;
  if (d.events.empty()) return set;
  std::uniform_int_distribution<std::size_t> size(0, k), pick(0, d.events.size() - 1);
  for (std::size_t n = std::min(size(rng), d.events.size()); set.size() < n;) {
    std::size_t e = pick(rng);
    if (std::find(set.begin(), set.end(), e) == set.end()) set.push_back(e);
  }
  return set;
}

}  // namespace faultline::testing
