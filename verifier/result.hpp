// What a search says about one requirement.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "models/requirements.hpp"

namespace faultline::verifier {

// Counts of fault combinations: Σ C(n, i) for i ≤ 8 overflows 64 bits on large universes.
__extension__ typedef unsigned __int128 Count;

enum class Status { proved, violated, unknown };
const char* status_name(Status s);

enum class Engine { smt, enumerate };

struct SearchOptions {
  Engine engine = Engine::smt;
  double timeout_seconds = 0;  // per requirement; 0 = none
  // smt only: decide `reach` by hot-event search (verifier/hot_engine.cpp) and requirements of
  // the fail-stop fragment by connectivity (models/connectivity.hpp) instead of Z3.  Off: Z3
  // for every requirement (--no-fast-path).
  bool fast_path = true;
};

struct SearchStats {
  std::size_t solver_calls = 0;  // smt: check() calls; enumerate: fault sets simulated
  double encode_seconds = 0;
  double search_seconds = 0;
  double explain_seconds = 0;
};

struct Violation {
  std::vector<std::size_t> events;  // design event indices, sorted by canonical name
  models::Witness witness;
};

struct RequirementResult {
  std::size_t requirement = 0;  // index in net.requirements
  const char* method = "smt";   // how the verdict was reached: smt, failstop or enumerate
  Status status = Status::unknown;
  std::size_t events_considered = 0;
  Count combinations = 0;             // fault sets of at most K events in the universe
  std::vector<Violation> violations;  // every minimal violating set, sorted
  bool complete = true;               // false: a limit stopped the listing early
  std::string unknown_reason;
  SearchStats stats;
};

// Σ_{i ≤ k} C(n, i), the number of fault sets a proof covers.
Count combinations_up_to(std::size_t n, std::size_t k);
std::string to_decimal(Count v);

}  // namespace faultline::verifier
