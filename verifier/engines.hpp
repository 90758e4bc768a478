// The two engines.  Both return every minimal violating set of at most K events (as event
// indices, in any order); the caller sorts, explains and reports.
//  - smt: Z3 over the encoding, by increasing set size, blocking each found set's supersets.
//  - enumerate: brute force over `simulate`, the oracle and the baseline.
//  - failstop: requirements of the fail-stop fragment, decided by connectivity (part of smt).
//  - hot: `reach`, explicit states extended only by the events that touch their support.
#pragma once
#include <algorithm>
#include <chrono>
#include <optional>
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

// --timeout for one search, counted from its start.
class Deadline {
 public:
  explicit Deadline(double seconds) : seconds_(seconds) {}
  double elapsed() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }
  bool limited() const { return seconds_ > 0; }
  bool passed() const { return limited() && elapsed() > seconds_; }
  double left() const { return seconds_ - elapsed(); }
  std::string reason() const { return "time limit of " + std::to_string(seconds_) + " s reached"; }

 private:
  double seconds_;
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

EngineAnswer search_smt(const models::Design& design, const models::Requirement& req,
                        const std::vector<std::size_t>& universe, const SearchOptions& opts,
                        SearchStats& stats);

// The fail-stop fragment (models/connectivity.hpp): every set by size, judged by connectivity.
EngineAnswer search_failstop(const models::Design& design, const models::Requirement& req,
                             const std::vector<std::size_t>& universe, const SearchOptions& opts,
                             SearchStats& stats);

// `reach` by hot-event search (verifier/hot_engine.cpp); nullopt when a state has more
// split-brain choices than the explicit judge enumerates (the caller falls back to smt).
std::optional<EngineAnswer> search_hot(const models::Design& design, const models::Requirement& req,
                                       const std::vector<std::size_t>& universe,
                                       const SearchOptions& opts, SearchStats& stats);

EngineAnswer search_enumerate(const models::Design& design, const models::Requirement& req,
                              const std::vector<std::size_t>& universe, const SearchOptions& opts,
                              SearchStats& stats);

}  // namespace faultline::verifier
