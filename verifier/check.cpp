#include "verifier/check.hpp"

#include <algorithm>
#include <chrono>

#include "dsl/parse.hpp"
#include "models/connectivity.hpp"
#include "verifier/engines.hpp"

namespace faultline::verifier {

namespace {
using Clock = std::chrono::steady_clock;
double since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

std::vector<std::string> names_of(const models::Design& d, const std::vector<std::size_t>& set) {
  std::vector<std::string> out;
  for (std::size_t i : set) out.push_back(d.events[i].name);
  return out;
}
}  // namespace

std::optional<models::Design> load_design(const std::string& path, dsl::Diagnostics& diags,
                                          PhaseTimes& times) {
  auto t = Clock::now();
  auto parsed = dsl::parse_file(path, diags);
  times.parse = since(t);
  if (!parsed || diags.has_errors()) return std::nullopt;
  t = Clock::now();
  auto design = models::resolve(*parsed, diags);
  times.resolve = since(t);
  return design;
}

CheckedRequirement check_requirement(const models::Design& design, std::size_t index,
                                     const SearchOptions& opts) {
  const models::Requirement& req = design.net.requirements[index];
  CheckedRequirement out;
  RequirementResult& r = out.result;
  r.requirement = index;
  std::vector<std::size_t> universe = models::requirement_universe(design.events, req);
  r.events_considered = universe.size();
  r.combinations = combinations_up_to(universe.size(), req.tolerate);

  EngineAnswer answer;
  if (opts.engine == Engine::enumerate) {
    r.method = "enumerate";
    answer = search_enumerate(design, req, universe, opts, r.stats);
  } else if (opts.fast_path && models::in_failstop_fragment(design.net, design.events, universe)) {
    r.method = "failstop";
    answer = search_failstop(design, req, universe, opts, r.stats);
  } else {
    std::optional<EngineAnswer> hot;
    if (opts.fast_path && req.kind == models::Requirement::Kind::reach)
      hot = search_hot(design, req, universe, opts, r.stats);
    if (hot) {
      r.method = "hot";
      answer = std::move(*hot);
    } else {
      r.method = "smt";
      answer = search_smt(design, req, universe, opts, r.stats);
    }
  }
  r.status = answer.status;
  r.complete = answer.complete;
  r.unknown_reason = answer.unknown_reason;

  // Canonical order: events by name within a set, sets by their name lists.
  struct Found {
    std::vector<std::size_t> set;
    const std::vector<char>* choices;
    models::Witness* witness;  // already found by the explicit simulator, or null
  };
  std::vector<Found> found;
  for (std::size_t i = 0; i < answer.minimal_sets.size(); ++i) {
    auto& set = answer.minimal_sets[i];
    std::sort(set.begin(), set.end(), [&](std::size_t a, std::size_t b) {
      return design.events[a].name < design.events[b].name;
    });
    found.push_back({set, i < answer.choices.size() ? &answer.choices[i] : nullptr,
                     i < answer.witnesses.size() ? &answer.witnesses[i] : nullptr});
  }
  std::sort(found.begin(), found.end(), [&](const Found& a, const Found& b) {
    return names_of(design, a.set) < names_of(design, b.set);
  });

  // Every violation the solver found is replayed by the explicit simulator, which also yields
  // its walk.  A set that does not replay would be an encoding bug: never report it as a finding
  // or a proof.  Sets the simulator itself judged (hot) come with their walk.
  auto t = Clock::now();
  auto replay = [&](const std::vector<std::size_t>& set,
                    const std::vector<char>* choices) -> std::optional<models::Witness> {
    models::FaultState state = models::apply_events(design.net, design.events, set);
    // Over every split-brain choice when that is few enough, else under the model's.
    if (models::free_choices(design.net, req, state).size() <= models::kMaxFreeChoices)
      return models::find_violation(design.net, req, state);
    if (choices) return models::find_violation_with(design.net, req, state, *choices);
    return std::nullopt;
  };
  for (const auto& [set, choices, judged] : found) {
    std::optional<models::Witness> witness =
        judged ? std::optional<models::Witness>(std::move(*judged)) : replay(set, choices);
    if (!witness) {
      r.status = Status::unknown;
      r.complete = false;
      r.unknown_reason = "internal error: the violating set {" + [&] {
        std::string s;
        for (const auto& n : names_of(design, set)) s += (s.empty() ? "" : ", ") + n;
        return s;
      }() + "} found by the solver does not replay in the simulator";
      r.violations.clear();
      out.explanations.clear();
      break;
    }
    out.explanations.push_back(explain(design.net, *witness));
    r.violations.push_back({set, std::move(*witness)});
  }
  r.stats.explain_seconds = since(t);
  return out;
}

DesignReport load_file(const std::string& path) {
  DesignReport report;
  report.file = path;
  dsl::Diagnostics diags;
  report.design = load_design(path, diags, report.times);
  report.diagnostics = diags.sorted();
  if (diags.has_errors()) report.design.reset();
  return report;
}

DesignReport check_file(const std::string& path, const SearchOptions& opts) {
  DesignReport report = load_file(path);
  if (!report.design) return report;
  for (std::size_t i = 0; i < report.design->net.requirements.size(); ++i) {
    report.requirements.push_back(check_requirement(*report.design, i, opts));
    const SearchStats& s = report.requirements.back().result.stats;
    report.times.search += s.encode_seconds + s.search_seconds;
    report.times.explain += s.explain_seconds;
  }
  return report;
}

int exit_code(const std::vector<DesignReport>& reports) {
  bool bad = false, violated = false, unknown = false;
  for (const auto& r : reports) {
    if (!r.design) bad = true;
    for (const auto& q : r.requirements) {
      violated = violated || q.result.status == Status::violated;
      unknown = unknown || q.result.status == Status::unknown;
    }
  }
  if (bad) return 2;
  if (violated) return 1;
  if (unknown) return 3;
  return 0;
}

}  // namespace faultline::verifier
