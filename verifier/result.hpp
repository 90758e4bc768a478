// What a search says about one requirement.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "models/requirements.hpp"

namespace faultline::verifier {

// Counts of fault combinations: Σ C(n, i) for i ≤ 8 overflows 64 bits on large universes.
__extension__ typedef unsigned __int128 Count;

enum class Status { proved, violated, unknown };
const char* status_name(Status s);

// A design's verdict: its input had errors, or the worst of its requirements' statuses (error >
// violated > unknown > proved: Tally::worst).  Every report, the audit summary and the exit
// code use it.
enum class Verdict { proved, violated, unknown, error };
const char* verdict_name(Verdict v);
// The verdict a result file names ("proved", …, "error"); nullopt for anything else.
std::optional<Verdict> verdict_named(std::string_view name);
Verdict verdict_of(Status s);

// Exit codes (DESIGN.md §5), the one mapping from verdicts.
int exit_code(Verdict v);  // 0 proved, 1 violated, 2 error (bad input), 3 unknown

// How many of each, over requirements or designs.
struct Tally {
  std::size_t proved = 0, violated = 0, unknown = 0, error = 0;
  void add(Verdict v);
  void add(Status s) { add(verdict_of(s)); }
  std::size_t total() const { return proved + violated + unknown + error; }
  // The worst verdict counted; proved when nothing was.
  Verdict worst() const;
};

enum class Engine { smt, enumerate };

struct SearchOptions {
  Engine engine = Engine::smt;
  double timeout_seconds = 0;  // per requirement; 0 = none
  // --memory MB: a search stops (verdict unknown) once it has grown the process's resident
  // memory by more than MB; Z3 gets it as its memory high watermark.  0 = none.
  std::size_t memory_mb = 0;
  // smt only: decide `reach` by hot-event search (verifier/hot_engine.cpp) and requirements of
  // the fail-stop fragment by connectivity (models/connectivity.hpp) instead of Z3.  Off: Z3
  // for every requirement (--no-fast-path).
  bool fast_path = true;
  // --k N: overrides every requirement's `tolerate`.
  std::optional<std::uint32_t> k;
  // --degree: after the verdict, search on to the smallest violating set (up to kMaxDegree).
  bool degree = false;
  // --limit N: list (and explain) at most N violating sets per requirement; the count stays
  // exact.  0 = no limit.
  std::size_t limit = 0;
  // Internal, for the degree search: the first set size to search (every smaller set is known
  // to hold), and whether to stop after the first size that has a violating set.
  std::size_t from_size = 0;
  bool stop_at_first = false;
};

// The largest K `--degree` looks for, as for `tolerate` (DESIGN.md §3).
constexpr std::uint32_t kMaxDegree = 8;

struct SearchStats {
  std::size_t solver_calls = 0;  // smt: check() calls; enumerate: fault sets simulated
  double encode_seconds = 0;
  double search_seconds = 0;
  double explain_seconds = 0;
};

struct Violation {
  std::vector<std::size_t> events;  // design event indices, sorted by canonical name
  models::Witness witness;
  std::optional<double> probability;  // Π p(e) when every event has a probability
};

// The probability that all events of `set` occur, taking events as independent; nullopt when
// an event has no `p` in the faults block.
std::optional<double> set_probability(const std::vector<models::FaultEvent>& events,
                                      const std::vector<std::size_t>& set);
// Σ of set_probability over `sets`: an upper bound (the union bound) on the probability that
// all events of one of them occur.  nullopt when a set has no probability.
std::optional<double> union_bound(const std::vector<models::FaultEvent>& events,
                                  const std::vector<std::vector<std::size_t>>& sets);

struct RequirementResult {
  std::size_t requirement = 0;  // index in net.requirements
  const char* method = "smt";   // how the verdict was reached: smt, hot, failstop or enumerate
  std::string method_reason;    // why that method (--stats): the rule of run_engine that chose it
  Status status = Status::unknown;
  std::size_t events_considered = 0;
  Count combinations = 0;             // fault sets of at most K events in the universe
  std::vector<Violation> violations;  // every minimal violating set, sorted (first --limit)
  std::size_t violation_count = 0;    // how many minimal sets the search found
  std::vector<std::vector<std::size_t>> all_sets;  // all of them, as event indices, sorted
  // With probabilities: union_bound(all_sets), an upper bound on the probability that the
  // events of some minimal set of at most K events all occur (sets beyond K are not counted).
  std::optional<double> probability;
  bool complete = true;  // false: a limit stopped the listing early
  std::string unknown_reason;
  SearchStats stats;
  std::uint32_t tolerate = 0;  // the K searched: the requirement's, or --k
  // --degree: the largest K the requirement tolerates (-1: it fails with no fault), exact or a
  // lower bound (nothing violates up to kMaxDegree, or a limit stopped the search), and the
  // minimal violating sets of size degree + 1 when that is beyond `tolerate` (else they are
  // among `violations`).
  struct Degree {
    int value = 0;
    bool exact = true;
    // No set of the requirement's whole universe breaks it (every combination was searched):
    // it tolerates any number of faults; `value` is then the universe's size, never exact.
    bool unbreakable = false;
    std::string reason;           // why it is a lower bound, or why the list of sets may be partial
    bool complete = true;         // false: a limit stopped the search, `all` may miss sets
    std::vector<Violation> sets;  // the first --limit of them
    std::size_t count = 0;        // how many there are
    std::vector<std::vector<std::size_t>> all;  // every one of them, as event indices
  };
  std::optional<Degree> degree;
};

// Σ_{i ≤ k} C(n, i), the number of fault sets a proof covers.
Count combinations_up_to(std::size_t n, std::size_t k);
std::string to_decimal(Count v);

}  // namespace faultline::verifier
