// Explicit search: every fault set of at most K events, by increasing size, each judged by a
// decision procedure for one fault set; a set that contains a recorded violating set is skipped
// (it is not minimal).  With the explicit simulator as judge this is the `enumerate` oracle;
// with the fail-stop connectivity check it decides requirements of that fragment.
#include <algorithm>
#include <functional>

#include "models/connectivity.hpp"
#include "verifier/engines.hpp"

namespace faultline::verifier {

namespace {

// Judges one fault state: true = violated; sets `refusal` instead when it cannot decide.
using Judge = std::function<bool(const models::FaultState&, std::string& refusal)>;

EngineAnswer search_sets(SearchContext& c, const Judge& violates) {
  const models::Design& design = c.design;
  const models::Requirement& req = c.req;
  const std::vector<std::size_t>& universe = c.universe;
  const SearchOptions& opts = c.opts;
  Budget& budget = c.budget;
  SearchStats& stats = c.stats;
  Stopwatch clock;
  EngineAnswer answer;
  std::vector<std::vector<std::size_t>> found;  // as positions in `universe`, sorted
  std::string stopped;                          // why a limit ended the search early
  std::size_t n = universe.size();
  std::size_t max_size = std::min<std::size_t>(req.tolerate, n);
  for (std::size_t size = opts.from_size; size <= max_size; ++size) {
    if (opts.stop_at_first && !found.empty()) break;
    std::vector<std::size_t> pos(size);
    for (std::size_t i = 0; i < size; ++i) pos[i] = i;
    for (;;) {
      bool superset = std::any_of(found.begin(), found.end(),
                                  [&](const auto& f) { return contains_set(pos, f); });
      if (!superset) {
        if ((stats.solver_calls & 255) == 0 && budget.exhausted()) {
          stopped = budget.reason();
          break;
        }
        ++stats.solver_calls;
        std::string refusal;
        bool violated = violates(
            models::apply_events(design.net, design.events, events_at(universe, pos)), refusal);
        if (!refusal.empty()) {
          stopped = refusal;
          break;
        }
        if (violated) found.push_back(pos);
      }
      // Next combination of `size` positions out of n, in lexicographic order.
      std::size_t i = size;
      while (i > 0 && pos[i - 1] == n - size + i - 1) --i;
      if (i == 0) break;
      ++pos[i - 1];
      for (std::size_t j = i; j < size; ++j) pos[j] = pos[j - 1] + 1;
    }
    if (!stopped.empty()) break;
  }
  for (const auto& f : found) answer.minimal_sets.push_back(events_at(universe, f));
  if (stopped.empty())
    answer.status = found.empty() ? Status::proved : Status::violated;
  else
    answer.stop(stopped);
  stats.search_seconds += clock.seconds();
  return answer;
}

}  // namespace

EngineAnswer search_enumerate(SearchContext& c, bool reference) {
  const models::Design& design = c.design;
  const models::Requirement& req = c.req;
  std::optional<models::ReferenceCosts> ref;
  if (reference) ref.emplace(design.net);
  models::ReferenceCosts* r = ref ? &*ref : nullptr;
  return search_sets(c, [&](const models::FaultState& state, std::string& refusal) {
    if (models::choice_count(design.net, req, state, r) > models::kMaxFreeChoices) {
      refusal = "the enumerate oracle does not try more than 2^" +
                std::to_string(models::kMaxFreeChoices) +
                " split-brain choice combinations (a BFD session over an L2 segment counts "
                "as one choice)";
      return false;
    }
    try {
      return models::find_violation(design.net, req, state, r).has_value();
    } catch (const models::bgp::TooManyChoices& e) {
      refusal = std::string("the explicit judge does not try ") + e.what();
      return false;
    }
  });
}

namespace {

// K ≤ 2 in the cut fragment (models::kCutSupports): sizes 0 and 1 by the connectivity judge;
// for size 2, every pair {e, e'} with neither violating alone violates iff e' downs an
// articulation point or a bridge of the graph that survives e — one Tarjan pass per e instead of
// one judgement per pair.  Pairs are found from their lower universe position.
EngineAnswer search_cuts(SearchContext& c) {
  const models::Design& design = c.design;
  const models::Requirement& req = c.req;
  const std::vector<std::size_t>& universe = c.universe;
  Budget& budget = c.budget;
  SearchStats& stats = c.stats;
  Stopwatch clock;
  EngineAnswer answer;
  auto state_of = [&](const std::vector<std::size_t>& positions) {
    return models::apply_events(design.net, design.events, events_at(universe, positions));
  };
  ++stats.solver_calls;
  if (!models::holds_failstop(design.net, req, state_of({}))) {
    answer.minimal_sets.push_back({});
    answer.status = Status::violated;
    return answer;
  }
  std::size_t n = universe.size();
  std::vector<char> single(n, 0);
  for (std::size_t i = 0; i < n && req.tolerate >= 1; ++i) {
    ++stats.solver_calls;
    if (!models::holds_failstop(design.net, req, state_of({i}))) {
      single[i] = 1;
      answer.minimal_sets.push_back({universe[i]});
    }
  }
  for (std::size_t i = 0; i < n && req.tolerate >= 2; ++i) {
    if (single[i]) continue;
    if (budget.exhausted()) {
      answer.stop(budget.reason());
      return answer;
    }
    ++stats.solver_calls;
    models::Cuts cuts = models::single_cuts(design.net, state_of({i}));
    for (std::size_t j = i + 1; j < n; ++j) {
      if (single[j]) continue;
      const models::FaultEvent& e = design.events[universe[j]];
      if (e.links.empty() ? cuts.device[e.devices[0]] : cuts.link[e.links[0]])
        answer.minimal_sets.push_back({universe[i], universe[j]});
    }
  }
  answer.status = answer.minimal_sets.empty() ? Status::proved : Status::violated;
  stats.search_seconds += clock.seconds();
  return answer;
}

}  // namespace

EngineAnswer search_failstop(SearchContext& c) {
  if (c.req.tolerate <= 2 && c.opts.from_size == 0 && c.features.within(models::kCutSupports))
    return search_cuts(c);
  return search_sets(c, [&](const models::FaultState& state, std::string&) {
    return !models::holds_failstop(c.design.net, c.req, state);
  });
}

}  // namespace faultline::verifier
