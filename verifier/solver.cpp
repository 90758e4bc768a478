#include "verifier/solver.hpp"

#include <cmath>
#include <fstream>

namespace faultline::verifier {

// Measured on a 200-device MC-LAG fabric proof at K = 1 (bench notes in docs/performance.md):
// the default arithmetic solver 20 s, arith.solver=2 4.7 s, plus relevancy=0 3.2 s.
Solver::Solver(z3::context& ctx) : ctx_(ctx), solver_(ctx) {
  z3::params p(ctx_);
  p.set("arith.solver", 2u);
  p.set("relevancy", 0u);
  solver_.set(p);
}

void Solver::add(const z3::expr& e) {
  solver_.add(e);
}

void Solver::set_timeout(double seconds) {
  z3::params p(ctx_);
  unsigned ms = seconds <= 0 ? 0u : static_cast<unsigned>(std::max(1.0, std::ceil(seconds * 1000)));
  p.set("timeout", ms == 0 ? 4294967295u : ms);
  solver_.set(p);
}

void Solver::dump(const std::string& path) {
  std::ofstream out(path);
  out << solver_.to_smt2();
}

std::optional<bool> Solver::check() {
  switch (solver_.check()) {
    case z3::sat:
      return true;
    case z3::unsat:
      return false;
    case z3::unknown:
      reason_ = solver_.reason_unknown();
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace faultline::verifier
