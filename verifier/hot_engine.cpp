// Hot-event search for `reach` (after NetDice, SIGCOMM 2020): level by level, a state F that
// does not violate is extended only by the events that touch its support (models/support.hpp);
// every other event leaves the verdict and the support as they are, so any set made of F and
// cold events judges like F.  Hence every minimal violating set is reached by a chain of hot
// events, and visiting sets by increasing size while skipping supersets of recorded sets yields
// exactly the minimal violating sets of at most K events (proofs/SOUNDNESS.md §7).  Each state
// is judged by the explicit simulator, as in the oracle.
#include <set>
#include <vector>

#include "models/support.hpp"
#include "verifier/engines.hpp"

namespace faultline::verifier {

std::optional<EngineAnswer> search_hot(SearchContext& c) {
  const models::Design& design = c.design;
  const models::Requirement& req = c.req;
  const std::vector<std::size_t>& universe = c.universe;
  const SearchOptions& opts = c.opts;
  Budget& budget = c.budget;
  SearchStats& stats = c.stats;
  Stopwatch clock;
  EngineAnswer answer;
  std::vector<std::vector<std::size_t>> found;  // as positions in `universe`, sorted
  std::vector<models::Witness> witnesses;       // the dropped flow of each found set
  std::set<std::vector<std::size_t>> level{{}};
  // The no-fault plane's least-cost states, copied into every judged plane that shares them
  // (proofs/SOUNDNESS.md §10): a judgement then searches again only the states its faults
  // change.
  models::ReferenceCosts reference(design.net);
  std::size_t max_size = std::min<std::size_t>(req.tolerate, universe.size());
  // opts.from_size needs no special case: the smaller levels find nothing and only build chains.
  for (std::size_t size = 0; size <= max_size && !level.empty(); ++size) {
    if (opts.stop_at_first && !found.empty()) break;
    std::set<std::vector<std::size_t>> next;
    // Grows `next` by the hot events of the non-violating state `pos`.
    // Without a support every event is hot: correct, only slower.
    auto extend = [&](const std::vector<std::size_t>& pos,
                      const std::optional<models::Support>& support) {
      for (std::size_t p = 0; p < universe.size(); ++p) {
        if (std::binary_search(pos.begin(), pos.end(), p)) continue;
        if (support && !models::is_hot(design.net, *support, design.events[universe[p]])) continue;
        std::vector<std::size_t> grown = pos;
        grown.insert(std::upper_bound(grown.begin(), grown.end(), p), p);
        next.insert(std::move(grown));
      }
    };
    // A search that stops at the first size with a violating set (the --degree search) extends
    // the states of a level only once the whole level has none: the next level is never built
    // for nothing (on a 320-switch fabric it held gigabytes of sets it would not visit).
    const bool defer = opts.stop_at_first && size < max_size;
    std::vector<const std::vector<std::size_t>*> survivors;
    for (const auto& pos : level) {
      if (std::any_of(found.begin(), found.end(),
                      [&](const auto& f) { return contains_set(pos, f); }))
        continue;
      if ((stats.solver_calls & 63) == 0 && budget.exhausted()) {
        for (const auto& f : found) answer.minimal_sets.push_back(events_at(universe, f));
        answer.stop(budget.reason());
        return answer;
      }
      models::FaultState state =
          models::apply_events(design.net, design.events, events_at(universe, pos));
      if (models::choice_count(design.net, req, state, &reference) > models::kMaxFreeChoices)
        return std::nullopt;  // too many split-brain choices to enumerate: not for this engine
      ++stats.solver_calls;
      if (size == max_size || defer) {  // no support needed now
        if (auto w = models::find_violation(design.net, req, state, &reference)) {
          found.push_back(pos);
          witnesses.push_back(std::move(*w));
        } else if (size < max_size) {
          survivors.push_back(&pos);
        }
        continue;
      }
      models::Judged judged = models::judge_with_support(design.net, req, state, &reference);
      if (judged.violation) {
        found.push_back(pos);
        witnesses.push_back(std::move(*judged.violation));
        continue;
      }
      extend(pos, judged.support);
    }
    if (defer && found.empty()) {
      for (std::size_t i = 0; i < survivors.size(); ++i) {
        if ((i & 63) == 0 && budget.exhausted()) {
          answer.stop(budget.reason());
          return answer;
        }
        const std::vector<std::size_t>& pos = *survivors[i];
        extend(pos, models::judgement_support(
                        design.net, req,
                        models::apply_events(design.net, design.events, events_at(universe, pos)),
                        &reference));
      }
    }
    level = std::move(next);
  }
  for (const auto& f : found) answer.minimal_sets.push_back(events_at(universe, f));
  answer.witnesses = std::move(witnesses);
  answer.status = found.empty() ? Status::proved : Status::violated;
  stats.search_seconds += clock.seconds();
  return answer;
}

}  // namespace faultline::verifier
