#include "verifier/solver.hpp"

#include <cmath>

namespace faultline::verifier {

Solver::Solver(z3::context& ctx) : ctx_(ctx), solver_(ctx) {}

void Solver::add(const z3::expr& e) { solver_.add(e); }

void Solver::set_timeout(double seconds) {
  z3::params p(ctx_);
  unsigned ms = seconds <= 0 ? 0u : static_cast<unsigned>(std::max(1.0, std::ceil(seconds * 1000)));
  p.set("timeout", ms == 0 ? 4294967295u : ms);
  solver_.set(p);
}

std::optional<bool> Solver::check(const z3::expr_vector& assumptions) {
  try {
    switch (solver_.check(assumptions)) {
      case z3::sat: return true;
      case z3::unsat: return false;
      case z3::unknown:
        reason_ = solver_.reason_unknown();
        return std::nullopt;
    }
  } catch (const z3::exception& e) {
    reason_ = std::string("solver error: ") + e.msg();
  }
  return std::nullopt;
}

}  // namespace faultline::verifier
