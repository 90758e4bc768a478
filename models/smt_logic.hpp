// The Z3 reading of the behaviour rules (see models/logic.hpp).
#pragma once
#include <z3++.h>

#include <vector>

namespace faultline::models {

struct SmtLogic {
  z3::context& ctx;
  using Bool = z3::expr;

  Bool constant(bool b) const { return ctx.bool_val(b); }
  Bool any(const std::vector<Bool>& xs) const {
    if (xs.empty()) return ctx.bool_val(false);
    if (xs.size() == 1) return xs[0];
    z3::expr_vector v(ctx);
    for (const auto& x : xs) v.push_back(x);
    return z3::mk_or(v);
  }
  Bool at_least(const std::vector<Bool>& xs, unsigned k) const {
    if (k == 0) return ctx.bool_val(true);
    if (k == 1) return any(xs);
    if (k > xs.size()) return ctx.bool_val(false);
    z3::expr_vector v(ctx);
    for (const auto& x : xs) v.push_back(x);
    return z3::atleast(v, k);
  }
  Bool ite(Bool c, Bool a, Bool b) const { return z3::ite(c, a, b); }
};

}  // namespace faultline::models
