#include "verifier/check.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <mutex>
#include <thread>

#include "dsl/parse.hpp"
#include "models/connectivity.hpp"
#include "models/support.hpp"
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

namespace {

// Whether the explicit search over every set of at most K events of `universe` is small: the
// sets times the design's elements (one judgement's work) within kExplicitWork.
constexpr double kExplicitWork = 2e7;
bool explicit_search_is_small(const models::Design& design, const models::Requirement& req,
                              const std::vector<std::size_t>& universe) {
  const double n = static_cast<double>(universe.size());
  const double elements = static_cast<double>(design.net.devices.size() + design.net.links.size());
  double sets = 0, choose = 1;  // C(n, k), k = 0, 1, …
  for (std::uint32_t k = 0; k <= req.tolerate && k <= universe.size(); ++k) {
    if (k > 0) choose = choose * (n - (k - 1)) / k;
    sets += choose;
    if (sets * elements > kExplicitWork) return false;
  }
  return true;
}

// Runs the engine the options and the requirement call for, within one budget; sets r.method.
// A fast path is taken only when everything the requirement uses is on its allow-list.
EngineAnswer run_engine(const models::Design& design, const models::Requirement& req,
                        const std::vector<std::size_t>& universe, const SearchOptions& opts,
                        RequirementResult& r) {
  Budget budget(opts);
  models::FeatureSet used =
      models::requirement_features(design.net, design.features, design.events, req, universe);
  SearchContext c{design, req, universe, used, opts, budget, r.stats};
  auto take = [&](const char* method, std::string why) {
    r.method = method;
    r.method_reason = std::move(why);
  };
  if (opts.engine == Engine::enumerate) {
    take("enumerate", "--engine enumerate: the brute-force oracle");
    return search_enumerate(c);
  }
  const std::string no_fast_path = "--no-fast-path: Z3 decides";
  // DESIGN.md §8 has an SMT encoding (models/bgp_smt.cpp: the BGP requirements, and the routes
  // forwarding takes from BGP), which Z3 alone decides (--no-fast-path).  On the product's path
  // the explicit search over every combination decides a requirement that uses §8, whatever the
  // search's size: measured on the BGP edges (bench/RESULTS.md), the unrolled rounds are slower.
  if (used.meets(models::kBgpFeatures)) {
    if (!opts.fast_path) {
      take("smt", no_fast_path);
      return search_smt(c);
    }
    take("explicit",
         "it uses BGP or a restart, DESIGN.md §8: the explicit search over every combination, "
         "faster there than the unrolled rounds");
    EngineAnswer answer = search_enumerate(c, /*reference=*/true);
    // A fault set with more scenario choices than the explicit judge tries: Z3, which leaves
    // them free, decides the requirement instead.
    if (answer.status == Status::unknown && !budget.exhausted()) {
      take("smt", "the explicit search refused: " + answer.unknown_reason +
                      "; Z3 leaves every choice free");
      return search_smt(c);
    }
    return answer;
  }
  if (!opts.fast_path) {
    take("smt", no_fast_path);
    return search_smt(c);
  }
  if (used.within(models::kFailstopSupports)) {
    take("failstop", "fail-stop faults only: the graph fast path, proofs/SOUNDNESS.md §5");
    return search_failstop(c);
  }
  std::string why_not_hot = "not one flow whose features are all on the hot-event list";
  if (used.within(models::kHotSupports)) {
    if (std::optional<EngineAnswer> hot = search_hot(c)) {
      take("hot",
           "one flow, every feature on the hot-event list: the support search, SOUNDNESS.md §7");
      return std::move(*hot);
    }
    why_not_hot = "the hot-event search declined: too many split-brain choices";
  }
  // A small search: the explicit judge over every combination is exact for every feature (it
  // is the semantics the encoding is tested against) and, below this much work, faster than
  // building and solving an encoding.  It refuses a fault set with too many scenario choices:
  // Z3 then decides.
  // `connected` whatever the size: its encoding chooses a source and a destination among all
  // the listed devices, and Z3 was the slower engine on every gray `connected` measured — 7×
  // at gen-fabric 4, K = 3 (38 s against 5.7 s), over 120 s against 127 s at gen-fabric 8,
  // K = 2 (docs/performance.md).  The explicit search is never slower than the oracle.
  const bool small = explicit_search_is_small(design, req, universe);
  const bool connected = req.kind == models::Requirement::Kind::connected;
  if (used.within(models::kExplicitSupports) && (small || connected)) {
    EngineAnswer answer = search_enumerate(c, /*reference=*/true);
    if (answer.status != Status::unknown || budget.exhausted()) {
      take("explicit", why_not_hot +
                           (small ? "; the search is small, SOUNDNESS.md §9: the explicit "
                                    "judge over every combination"
                                  : "; connected: the explicit judge over every combination "
                                    "whatever the size, faster than Z3 there, SOUNDNESS.md §9"));
      return answer;
    }
    take("smt", why_not_hot + "; the explicit search refused: " + answer.unknown_reason +
                    "; Z3 leaves every choice free");
    return search_smt(c);
  }
  take("smt", why_not_hot + (small ? "; a feature the explicit judge lacks: Z3 decides"
                                   : "; the search is too large for the explicit judge: Z3 "
                                     "decides"));
  return search_smt(c);
}

// Sorts the engine's sets canonically (events by name within a set, sets by their name lists)
// and replays each in the explicit simulator, which also yields its walk.  A set that does not
// replay would be an encoding bug: never report it.  Returns the error, or "".
std::string replay_sets(const models::Design& design, const models::Requirement& req,
                        EngineAnswer& answer, std::vector<Violation>& violations,
                        std::vector<Explanation>& explanations, std::size_t limit,
                        std::vector<std::vector<std::size_t>>& all) {
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
  for (const Found& f : found) all.push_back(f.set);
  // With probabilities, the likeliest sets first (ties in canonical order).
  std::vector<std::optional<double>> prob;
  for (const Found& f : found) prob.push_back(set_probability(design.events, f.set));
  if (std::all_of(prob.begin(), prob.end(), [](const auto& p) { return p.has_value(); })) {
    std::vector<std::size_t> order(found.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return *prob[a] > *prob[b]; });
    std::vector<Found> ranked;
    for (std::size_t i : order) ranked.push_back(found[i]);
    found = std::move(ranked);
  }
  if (limit > 0 && found.size() > limit) found.resize(limit);  // the first, in that order
  auto replay = [&](const std::vector<std::size_t>& set,
                    const std::vector<char>* choices) -> std::optional<models::Witness> {
    models::FaultState state = models::apply_events(design.net, design.events, set);
    // Over every split-brain choice when that is few enough, else under the model's.
    try {
      if (models::choice_count(design.net, req, state) <= models::kMaxFreeChoices)
        return models::find_violation(design.net, req, state);
    } catch (const models::bgp::TooManyChoices&) {
      // Too many BGP session choices to try them all: the model's.
    }
    if (choices) return models::find_violation_with(design.net, req, state, *choices);
    return std::nullopt;
  };
  // The no-fault plane's least-cost states, repaired for each explained plane.
  std::optional<models::ReferenceCosts> reference;
  if (!found.empty()) reference.emplace(design.net);
  for (const auto& [set, choices, judged] : found) {
    std::optional<models::Witness> witness =
        judged ? std::optional<models::Witness>(std::move(*judged)) : replay(set, choices);
    if (!witness) {
      violations.clear();
      explanations.clear();
      all.clear();
      std::string names;
      for (const auto& n : names_of(design, set)) names += (names.empty() ? "" : ", ") + n;
      return "internal error: the violating set {" + names +
             "} found by the solver does not replay in the simulator";
    }
    explanations.push_back(explain(design.net, req, *witness, &*reference));
    violations.push_back({set, std::move(*witness), set_probability(design.events, set)});
  }
  return "";
}

// --degree for a requirement proved at K: the smallest violating sets beyond K, searched from
// size K + 1 (every smaller set holds) up to kMaxDegree, stopping at the first size that has one.
void search_degree(const models::Design& design, const models::Requirement& proved,
                   const std::vector<std::size_t>& universe, const SearchOptions& opts,
                   CheckedRequirement& out) {
  RequirementResult& r = out.result;
  RequirementResult::Degree degree;
  degree.value = static_cast<int>(proved.tolerate);
  degree.exact = false;
  // Nothing in the whole universe breaks it: the same answer whatever its tolerate.
  auto unbreakable = [&] {
    degree.unbreakable = true;
    degree.value = static_cast<int>(universe.size());
    degree.exact = false;
    degree.reason = "no combination of its " + std::to_string(universe.size()) +
                    (universe.size() == 1 ? " event" : " events") + " breaks it";
    r.degree = std::move(degree);
  };
  if (universe.size() <= proved.tolerate) return unbreakable();
  if (proved.tolerate >= kMaxDegree) {
    degree.reason = "faultline looks no further than " + std::to_string(kMaxDegree) + " events";
    r.degree = std::move(degree);
    return;
  }
  models::Requirement wider = proved;
  wider.tolerate = kMaxDegree;
  SearchOptions o = opts;
  o.from_size = proved.tolerate + 1;
  o.stop_at_first = true;
  RequirementResult scratch;
  EngineAnswer answer = run_engine(design, wider, universe, o, scratch);
  r.stats.solver_calls += scratch.stats.solver_calls;
  r.stats.encode_seconds += scratch.stats.encode_seconds;
  r.stats.search_seconds += scratch.stats.search_seconds;
  if (!answer.minimal_sets.empty()) {
    degree.value = static_cast<int>(answer.minimal_sets.front().size()) - 1;
    degree.exact = true;
    degree.count = answer.minimal_sets.size();
    std::string err = replay_sets(design, wider, answer, degree.sets, out.degree_explanations,
                                  opts.limit, degree.all);
    if (!err.empty()) {
      degree.value = static_cast<int>(proved.tolerate);
      degree.exact = false;
      degree.complete = false;
      degree.reason = err;
    } else if (!answer.complete) {
      // The value stands (the search goes by size, and this size has a set); the count and
      // the list are what was found before the limit.
      degree.complete = false;
      degree.reason = answer.unknown_reason;
    }
  } else if (answer.complete) {
    if (universe.size() <= kMaxDegree) return unbreakable();
    degree.value = static_cast<int>(kMaxDegree);
    degree.reason = "no set of at most " + std::to_string(kMaxDegree) + " events violates it";
  } else {
    degree.complete = false;
    degree.reason = answer.unknown_reason;
  }
  r.degree = std::move(degree);
}

}  // namespace

CheckedRequirement check_requirement(const models::Design& design, std::size_t index,
                                     const SearchOptions& opts) {
  models::Requirement req = design.net.requirements[index];
  if (opts.k) req.tolerate = *opts.k;
  CheckedRequirement out;
  RequirementResult& r = out.result;
  r.requirement = index;
  r.tolerate = req.tolerate;
  std::vector<std::size_t> universe = models::requirement_universe(design.net, design.events, req);
  r.events_considered = universe.size();
  r.combinations = combinations_up_to(universe.size(), req.tolerate);

  EngineAnswer answer = run_engine(design, req, universe, opts, r);
  r.status = answer.status;
  r.complete = answer.complete;
  r.unknown_reason = answer.unknown_reason;

  auto t = Clock::now();
  r.violation_count = answer.minimal_sets.size();
  std::string err =
      replay_sets(design, req, answer, r.violations, out.explanations, opts.limit, r.all_sets);
  if (!err.empty()) {
    r.status = Status::unknown;
    r.complete = false;
    r.unknown_reason = err;
  }
  // Only when every event the requirement considers has one (else the bound would leave out
  // the sets it cannot weigh) and the search listed every minimal set (else it would leave out
  // the sets a limit kept it from finding: an unknown requirement is not "p <= 0").
  if (r.status != Status::unknown && r.complete &&
      std::all_of(universe.begin(), universe.end(),
                  [&](std::size_t e) { return design.events[e].probability.has_value(); }))
    r.probability = union_bound(design.events, r.all_sets);
  r.stats.explain_seconds = since(t);
  if (opts.degree) {
    if (r.status == Status::violated) {
      // Searched by increasing size: the first sets are the smallest, even if a limit stopped
      // the listing later.
      std::size_t smallest = r.violations.front().events.size();
      for (const auto& v : r.violations) smallest = std::min(smallest, v.events.size());
      RequirementResult::Degree degree;
      degree.value = static_cast<int>(smallest) - 1;
      degree.complete = r.complete;  // its sets are the requirement's own, listed above
      r.degree = std::move(degree);
    } else if (r.status == Status::proved) {
      search_degree(design, req, universe, opts, out);
    }
  }
  return out;
}

DesignReport load_file(const std::string& path) {
  DesignReport report;
  report.file = path == "-" ? "<stdin>" : path;  // as the diagnostics name it
  dsl::Diagnostics diags;
  report.design = load_design(path, diags, report.times);
  report.diagnostics = diags.sorted();
  if (diags.has_errors()) report.design.reset();
  return report;
}

DesignReport check_file(const std::string& path, const SearchOptions& opts) {
  return std::move(check_files({path}, opts, 1).front());
}

std::vector<DesignReport> check_files(const std::vector<std::string>& paths,
                                      const SearchOptions& opts, unsigned jobs) {
  std::vector<DesignReport> reports;
  std::vector<std::pair<std::size_t, std::size_t>> work;  // (report, requirement)
  for (const std::string& path : paths) {
    reports.push_back(load_file(path));
    if (!reports.back().design) continue;
    std::size_t n = reports.back().design->net.requirements.size();
    reports.back().requirements.resize(n);
    for (std::size_t i = 0; i < n; ++i) work.emplace_back(reports.size() - 1, i);
  }
  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_lock;
  auto worker = [&] {
    for (std::size_t w; (w = next.fetch_add(1)) < work.size();) {
      auto [d, i] = work[w];
      try {
        reports[d].requirements[i] = check_requirement(*reports[d].design, i, opts);
      } catch (...) {
        std::lock_guard<std::mutex> hold(failure_lock);
        if (!failure) failure = std::current_exception();
        next = work.size();  // the others stop at their next requirement
      }
    }
  };
  unsigned threads = std::max(1u, std::min<unsigned>(jobs, static_cast<unsigned>(work.size())));
  if (threads == 1) {
    worker();
  } else {
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t) pool.emplace_back(worker);
    for (auto& t : pool) t.join();
  }
  if (failure) std::rethrow_exception(failure);
  for (DesignReport& report : reports)
    for (const CheckedRequirement& q : report.requirements) {
      report.times.search += q.result.stats.encode_seconds + q.result.stats.search_seconds;
      report.times.explain += q.result.stats.explain_seconds;
    }
  return reports;
}

unsigned default_jobs() {
  long n = ::sysconf(_SC_NPROCESSORS_ONLN);
  return n > 0 ? static_cast<unsigned>(n) : 1;
}

Tally tally(const DesignReport& report) {
  Tally t;
  for (const auto& q : report.requirements) t.add(q.result.status);
  return t;
}

Verdict verdict(const DesignReport& report) {
  return report.design ? tally(report).worst() : Verdict::error;
}

Tally tally(const std::vector<DesignReport>& reports) {
  Tally t;
  for (const auto& r : reports) t.add(verdict(r));
  return t;
}

int exit_code(const std::vector<DesignReport>& reports) {
  return exit_code(tally(reports).worst());
}

}  // namespace faultline::verifier
