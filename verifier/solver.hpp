// Z3 behind one class: check() answers true (sat), false (unsat) or nothing (unknown, with a
// reason).  A z3::exception (Z3 over its memory limit, say) passes through: the one place that
// catches it is the search (verifier/smt_engine.cpp), which makes the verdict unknown.
#pragma once
#include <z3++.h>

#include <optional>
#include <string>

namespace faultline::verifier {

class Solver {
 public:
  explicit Solver(z3::context& ctx);

  void add(const z3::expr& e);
  // Remaining time for this solver, in seconds (0 = unlimited).
  void set_timeout(double seconds);
  std::optional<bool> check();
  z3::model model() const { return solver_.get_model(); }
  const std::string& unknown_reason() const { return reason_; }
  // Writes the assertions as SMT-LIB2 (debugging; certificates later).
  void dump(const std::string& path);

 private:
  z3::context& ctx_;
  z3::solver solver_;
  std::string reason_;
};

}  // namespace faultline::verifier
