// The searches.  Each returns every minimal violating set of at most K events (as event
// indices, in any order); the caller (verifier/check.cpp) sorts, replays, explains and reports.
//  - smt: Z3 over the encoding, by increasing set size, blocking each found set's supersets.
//  - enumerate: brute force over the explicit judge: the oracle and the baseline.
//  - failstop: requirements of the fail-stop fragment, decided by connectivity.
//  - hot: `reach`, explicit states extended only by the events that touch their support.
// smt is the product's engine; failstop and hot are its fast paths, each taken only for the
// features its allow-list names (models/connectivity.hpp, models/support.hpp).
#pragma once
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "models/resolve.hpp"
#include "verifier/result.hpp"

namespace faultline::verifier {

struct EngineAnswer {
  Status status = Status::proved;
  std::vector<std::vector<std::size_t>> minimal_sets;
  // smt: per set, the split-brain choice of every LAG in the solver's model (1 = peer[0]), for
  // replaying sets whose free choices are too many to enumerate.
  std::vector<std::vector<char>> choices;
  // hot: per set, the dropped flow the explicit simulator found when it judged the set (the
  // replay would compute the same witness again).
  std::vector<models::Witness> witnesses;
  bool complete = true;
  std::string unknown_reason;

  // A limit stopped the search: what was found stands (violated), else nothing is known.
  void stop(std::string reason) {
    complete = false;
    unknown_reason = std::move(reason);
    status = minimal_sets.empty() ? Status::unknown : Status::violated;
  }
};

// The process's resident memory in MB (Linux: /proc/self/statm), 0 when unknown.
inline std::size_t resident_mb() {
  std::ifstream statm("/proc/self/statm");
  std::size_t pages = 0, resident = 0;
  if (!(statm >> pages >> resident)) return 0;
  return resident * static_cast<std::size_t>(::sysconf(_SC_PAGESIZE)) / (1024 * 1024);
}

// --timeout and --memory for one search, the time counted from its start.
class Budget {
 public:
  explicit Budget(const SearchOptions& o)
      : seconds_(o.timeout_seconds),
        memory_mb_(o.memory_mb),
        baseline_mb_(o.memory_mb ? resident_mb() : 0) {}
  double elapsed() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }
  bool timed() const { return seconds_ > 0; }
  double left() const { return seconds_ - elapsed(); }
  // True once the time is up or the search has grown the process's resident memory by more
  // than --memory since it began (read from /proc at each call: callers ask every few dozen
  // steps).  The reason says which.
  bool exhausted() {
    if (timed() && elapsed() > seconds_)
      reason_ = time_reason();
    else if (memory_mb_ > 0 && resident_mb() > baseline_mb_ + memory_mb_)
      reason_ = memory_reason();
    return !reason_.empty();
  }
  const std::string& reason() const { return reason_; }
  // Why a search that Z3 gave up on (or threw from) is unknown: our limit when that is what Z3
  // hit ("timeout", "canceled", "out of memory", "memout"), else `otherwise`.
  std::string explain(const std::string& said, const std::string& otherwise) {
    auto has = [&](const char* w) { return said.find(w) != std::string::npos; };
    if (exhausted()) return reason_;
    if (timed() && (has("timeout") || has("canceled"))) return time_reason();
    if (memory_mb_ > 0 && (has("memory") || has("memout"))) return memory_reason();
    return otherwise;
  }
  std::string time_reason() const {
    std::ostringstream s;
    s << "time limit of " << seconds_ << " s reached";  // "0.5", "2", "1e+03"
    return s.str();
  }
  std::string memory_reason() const {
    return "memory limit of " + std::to_string(memory_mb_) + " MB reached";
  }

 private:
  double seconds_;
  std::size_t memory_mb_, baseline_mb_;
  std::string reason_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

// The explicit searches keep sets as sorted positions in the requirement's universe.
inline bool contains_set(const std::vector<std::size_t>& set, const std::vector<std::size_t>& sub) {
  return std::includes(set.begin(), set.end(), sub.begin(), sub.end());
}
inline std::vector<std::size_t> events_at(const std::vector<std::size_t>& universe,
                                          const std::vector<std::size_t>& positions) {
  std::vector<std::size_t> events;
  for (std::size_t p : positions) events.push_back(universe[p]);
  return events;
}

// Time spent, for --stats (the budget counts from the requirement's start, across engines).
class Stopwatch {
 public:
  double seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

// Everything one search of one requirement works with (an Env, after Bitwuzla): the design,
// the requirement (its tolerate already the K searched), the universe, what the requirement
// uses, the options, the one budget of the requirement — a hand-over from a fast path to Z3
// goes on spending the same one — and the statistics it adds to.
struct SearchContext {
  const models::Design& design;
  const models::Requirement& req;
  const std::vector<std::size_t>& universe;
  const models::FeatureSet& features;
  const SearchOptions& opts;
  Budget& budget;
  SearchStats& stats;
};

EngineAnswer search_smt(SearchContext& c);

// The fail-stop fragment (models/connectivity.hpp): every set by size, judged by connectivity.
EngineAnswer search_failstop(SearchContext& c);

// `reach` by hot-event search (verifier/hot_engine.cpp); nullopt when a state has more
// split-brain choices than the explicit judge enumerates (the caller falls back to smt).
std::optional<EngineAnswer> search_hot(SearchContext& c);

// With `reference`, each state is judged from the no-fault plane's (models::ReferenceCosts: the
// same verdicts, sooner — the small-search path); without, from nothing (the oracle).
EngineAnswer search_enumerate(SearchContext& c, bool reference = false);

}  // namespace faultline::verifier
