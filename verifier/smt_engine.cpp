// The product engine: Z3 over the encoding of DESIGN.md §4.
//
// Search by increasing set size s = 0, 1, …, K under "at most s events".  Each model names a
// violating set T; T is recorded and T with all its supersets is blocked.  When size s is
// reached every violating set of fewer events is a superset of a recorded one, so every model at
// size s is a set of exactly s events none of whose proper subsets violates: every recorded set
// is minimal, although violation is not monotone.  UNSAT at size K means no other violating set
// of at most K events exists: the search covered the whole universe (proofs/SOUNDNESS.md §2).
//
// Every check runs on a fresh solver holding the encoding, the blocking clauses and the size
// bound.  Z3 4.8.12's incremental mode (checks under assumptions on one solver) answered UNSAT
// for satisfiable queries of this encoding — found by the differential test, seeds 5953, 6769,
// 20058 and 20515 — which would have turned violations into false proofs.  A fresh solver takes
// Z3's non-incremental path, which agreed with the oracle on every design tried.
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <mutex>

#include "verifier/engines.hpp"
#include "verifier/solver.hpp"

namespace faultline::verifier {

namespace {
using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}
// Z3's global memory_high_watermark, set only when it changes (threads of `check --jobs`, which
// have no memory budget, then never touch the global parameters at the same time).
void set_memory_watermark(std::uint64_t bytes) {
  static std::mutex lock;
  static std::uint64_t current = 0;
  std::lock_guard<std::mutex> hold(lock);
  if (bytes == current) return;
  z3::set_param("memory_high_watermark", std::to_string(bytes).c_str());
  current = bytes;
}

}  // namespace

EngineAnswer search_smt(SearchContext& c) {
  const models::Design& design = c.design;
  const models::Requirement& req = c.req;
  const SearchOptions& opts = c.opts;
  Budget& budget = c.budget;
  SearchStats& stats = c.stats;
  auto start = Clock::now();
  EngineAnswer answer;
  // Z3's high watermark: once what Z3 has allocated (process-wide, in bytes) passes it, Z3
  // cancels the check and answers unknown.  Set to what Z3 holds now plus the budget, so that
  // it too measures growth.  The parameter is a 32-bit count of bytes: a budget that would
  // pass 4 GiB gets none, and is then checked between solver calls only.  (Z3's hard limit,
  // memory_max_size, throws from inside allocations instead, and Z3 4.8.12 then crashed on
  // the 80-switch fabric: tests/limits/limits.sh.)
  // Global to the process: reset to none when this search has no budget, so that an earlier
  // one's mark does not stop it.
  std::uint64_t mark =
      opts.memory_mb ? Z3_get_estimated_alloc_size() + std::uint64_t{opts.memory_mb} * 1024 * 1024
                     : 0;
  set_memory_watermark(mark <= std::numeric_limits<unsigned>::max() ? mark : 0);
  z3::context ctx;
  auto search_start = Clock::now();
  bool encoded = false;
  auto stop = [&](const std::string& reason) {
    answer.stop(reason);
    stats.search_seconds += seconds_since(search_start);
    return answer;
  };
  // The one place z3::exception is caught: Z3 throws once over its memory limit (encoding,
  // model, eval, a new solver) — unknown, never a crash.
  try {
    models::SymbolicFaults faults = models::fault_literals(ctx, design.events, c.universe);
    z3::expr_vector literals(ctx);
    for (const z3::expr& l : faults.literals) literals.push_back(l);
    models::EncodedViolation encoding =
        models::encode_violation({ctx, ""}, design.net, design.events, req, faults);
    encoded = true;
    stats.encode_seconds += seconds_since(start);
    const char* dump_path = std::getenv("FAULTLINE_DUMP_SMT2");  // debugging: the first query
    search_start = Clock::now();

    std::size_t max_size = std::min<std::size_t>(req.tolerate, c.universe.size());
    std::vector<z3::expr> blocked;  // one clause per recorded set: not all of its events
    // A model whose unrolled BGP rounds have not settled (EncodedViolation::settled) is judged
    // by the explicit rounds: a set that then holds is blocked alone, not its supersets
    // (proofs/SOUNDNESS.md §12).
    auto unsettled = [&](const z3::model& m) {
      return encoding.settled && !m.eval(*encoding.settled, true).is_true();
    };
    for (std::size_t size = opts.from_size; size <= max_size; ++size) {
      if (opts.stop_at_first && !answer.minimal_sets.empty()) break;
      for (;;) {
        Solver solver(ctx);
        solver.add(encoding.violation);
        for (const auto& b : blocked) solver.add(b);
        if (!literals.empty()) solver.add(z3::atmost(literals, static_cast<unsigned>(size)));
        if (budget.exhausted()) return stop(budget.reason());
        if (budget.timed()) solver.set_timeout(budget.left());
        if (dump_path && stats.solver_calls == 0) solver.dump(dump_path);
        ++stats.solver_calls;
        std::optional<bool> sat = solver.check();
        if (!sat) {
          const std::string& why = solver.unknown_reason();
          return stop(budget.explain(why, "solver gave up: " + why));
        }
        if (!*sat) break;
        z3::model m = solver.model();
        std::vector<std::size_t> set;
        z3::expr_vector chosen(ctx);
        for (std::size_t i = 0; i < faults.literals.size(); ++i) {
          if (m.eval(faults.literals[i], true).is_true()) {
            set.push_back(faults.events[i]);
            chosen.push_back(faults.literals[i]);
          }
        }
        std::vector<char> choice;
        for (const auto& k : encoding.keeps_peer0)
          choice.push_back(m.eval(k, true).is_true() ? 1 : 0);
        for (const auto& k : encoding.session_up)
          choice.push_back(m.eval(k, true).is_true() ? 1 : 0);
        for (const auto& k : encoding.bgp_up) choice.push_back(m.eval(k, true).is_true() ? 1 : 0);
        if (unsettled(m)) {
          models::FaultState state = models::apply_events(design.net, design.events, set);
          bool violates = false;
          try {
            violates = models::find_violation(design.net, req, state).has_value();
          } catch (const models::bgp::TooManyChoices& e) {
            // Every choice cannot be judged: only this one, and a set it holds for stays open.
            if (!models::find_violation_with(design.net, req, state, choice))
              return stop(std::string("a fault set whose BGP rounds do not settle within the "
                                      "unrolled rounds has ") +
                          e.what() + ", too many for the explicit rounds");
            violates = true;
          }
          if (!violates) {
            z3::expr_vector others(ctx);
            for (const z3::expr& l : faults.literals)
              if (!m.eval(l, true).is_true()) others.push_back(l);
            blocked.push_back(!z3::mk_and(chosen) || z3::mk_or(others));  // T alone
            continue;
          }
        }
        answer.minimal_sets.push_back(set);
        answer.choices.push_back(choice);
        if (set.empty()) {  // the design fails with no fault at all: every set is a superset
          stats.search_seconds += seconds_since(search_start);
          answer.status = Status::violated;
          return answer;
        }
        blocked.push_back(!z3::mk_and(chosen));  // T and every superset of T
      }
    }
  } catch (const z3::exception& e) {
    if (!encoded) {
      answer.status = Status::unknown;
      answer.unknown_reason = budget.explain(e.msg(), std::string("encoding failed: ") + e.msg());
      return answer;
    }
    return stop(budget.explain(e.msg(), std::string("solver error: ") + e.msg()));
  }
  stats.search_seconds += seconds_since(search_start);
  answer.status = answer.minimal_sets.empty() ? Status::proved : Status::violated;
  return answer;
}

}  // namespace faultline::verifier
