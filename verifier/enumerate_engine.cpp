// The oracle: every fault set of at most K events, by increasing size, judged by the explicit
// simulator.  A set that contains a recorded violating set is skipped (it is not minimal).
#include <algorithm>
#include <chrono>

#include "verifier/engines.hpp"

namespace faultline::verifier {

namespace {
bool contains(const std::vector<std::size_t>& set, const std::vector<std::size_t>& sub) {
  return std::includes(set.begin(), set.end(), sub.begin(), sub.end());
}
}  // namespace

EngineAnswer search_enumerate(const models::Design& design, const models::Requirement& req,
                              const std::vector<std::size_t>& universe, const SearchOptions& opts,
                              SearchStats& stats) {
  using Clock = std::chrono::steady_clock;
  auto start = Clock::now();
  EngineAnswer answer;
  std::vector<std::vector<std::size_t>> found;  // as positions in `universe`, sorted
  std::size_t n = universe.size();
  std::size_t max_size = std::min<std::size_t>(req.tolerate, n);
  for (std::size_t size = 0; size <= max_size; ++size) {
    std::vector<std::size_t> pos(size);
    for (std::size_t i = 0; i < size; ++i) pos[i] = i;
    for (;;) {
      bool superset =
          std::any_of(found.begin(), found.end(), [&](const auto& f) { return contains(pos, f); });
      if (!superset) {
        if (opts.timeout_seconds > 0 && (stats.solver_calls & 255) == 0 &&
            std::chrono::duration<double>(Clock::now() - start).count() > opts.timeout_seconds) {
          answer.complete = false;
          answer.unknown_reason =
              "time limit of " + std::to_string(opts.timeout_seconds) + " s reached";
          answer.status = found.empty() ? Status::unknown : Status::violated;
          break;
        }
        std::vector<const models::FaultEvent*> events;
        for (std::size_t p : pos) events.push_back(&design.events[universe[p]]);
        ++stats.solver_calls;
        models::FaultState state = models::apply_events(design.net, events);
        if (models::free_choices(design.net, state).size() > models::kMaxFreeChoices) {
          answer.complete = false;
          answer.unknown_reason = "the enumerate oracle does not try more than 2^" +
                                  std::to_string(models::kMaxFreeChoices) +
                                  " split-brain choice combinations";
          answer.status = found.empty() ? Status::unknown : Status::violated;
          break;
        }
        if (models::find_violation(design.net, req, state)) found.push_back(pos);
      }
      // Next combination of `size` positions out of n, in lexicographic order.
      std::size_t i = size;
      while (i > 0 && pos[i - 1] == n - size + i - 1) --i;
      if (i == 0) break;
      ++pos[i - 1];
      for (std::size_t j = i; j < size; ++j) pos[j] = pos[j - 1] + 1;
    }
    if (!answer.complete) break;
  }
  for (const auto& f : found) {
    std::vector<std::size_t> set;
    for (std::size_t p : f) set.push_back(universe[p]);
    answer.minimal_sets.push_back(set);
  }
  if (answer.complete) answer.status = found.empty() ? Status::proved : Status::violated;
  stats.search_seconds += std::chrono::duration<double>(Clock::now() - start).count();
  return answer;
}

}  // namespace faultline::verifier
