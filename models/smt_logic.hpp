// The Z3 reading of the behaviour rules (see models/logic.hpp).
#pragma once
#include <z3++.h>

#include <vector>

namespace faultline::models {

struct SmtLogic {
  z3::context& ctx;
  // Cardinality in standard SMT-LIB (a sum of 0/1 terms) instead of Z3's pseudo-Boolean
  // `(_ at-least k)`: the same constraint, readable by other solvers (certificates).
  bool smtlib = false;
  using Bool = z3::expr;

  // Σ ite(x, 1, 0) over `xs` (a linear integer term).
  z3::expr count(const z3::expr_vector& xs) const {
    z3::expr sum = ctx.int_val(0);
    for (unsigned i = 0; i < xs.size(); ++i)
      sum = i == 0 ? z3::ite(xs[i], ctx.int_val(1), ctx.int_val(0))
                   : sum + z3::ite(xs[i], ctx.int_val(1), ctx.int_val(0));
    return sum;
  }
  // Exactly one of `xs`.
  Bool exactly_one(const z3::expr_vector& xs) const {
    if (smtlib) return count(xs) == 1;
    return z3::atmost(xs, 1) && z3::atleast(xs, 1);
  }

  using Int = z3::expr;  // an integer term (DESIGN.md §9: sizes and MTUs)
  Bool constant(bool b) const { return ctx.bool_val(b); }
  Int number(std::uint32_t v) const { return ctx.int_val(v); }
  Int minus(const Int& a, std::uint32_t b) const { return a - ctx.int_val(b); }
  Int pick(const Bool& c, const Int& a, const Int& b) const { return z3::ite(c, a, b); }
  Int min(const Int& a, const Int& b) const { return z3::ite(a < b, a, b); }
  Bool less(const Int& a, const Int& b) const { return a < b; }
  template <class Range>
  Bool any(const Range& xs) const {
    if (xs.empty()) return ctx.bool_val(false);
    if (xs.size() == 1) return xs[0];
    z3::expr_vector v(ctx);
    for (const auto& x : xs) v.push_back(x);
    return z3::mk_or(v);
  }
  // The conjunction; true when empty (Z3 prints an empty `and` that SMT-LIB solvers reject).
  template <class Range>
  Bool all(const Range& xs) const {
    if (xs.empty()) return ctx.bool_val(true);
    if (xs.size() == 1) return xs[0];
    z3::expr_vector v(ctx);
    for (const auto& x : xs) v.push_back(x);
    return z3::mk_and(v);
  }
  Bool at_least(const std::vector<Bool>& xs, unsigned k) const {
    if (k == 0) return ctx.bool_val(true);
    if (k == 1) return any(xs);
    if (k > xs.size()) return ctx.bool_val(false);
    z3::expr_vector v(ctx);
    for (const auto& x : xs) v.push_back(x);
    return smtlib ? count(v) >= static_cast<int>(k) : z3::atleast(v, k);
  }
  Bool ite(Bool c, Bool a, Bool b) const { return z3::ite(c, a, b); }
  // Known to be false without solving: only the constant itself.
  bool is_false(const Bool& b) const { return b.is_false(); }
};

}  // namespace faultline::models
