// The two logics every behaviour rule is written over.  A rule is one template: instantiated
// with ExplicitLogic it is the behaviour's `simulate` (plain bools for one fault set), with
// SmtLogic (models/smt_logic.hpp) it is its `encode` (Z3 terms over all fault sets).  One
// text, two readings: the simulator and the encoding cannot drift apart.
#pragma once
#include <boost/container/small_vector.hpp>
#include <cstdint>
#include <vector>

namespace faultline::models {

// A short list kept inline (route candidates, moves, terms of one disjunction): the explicit
// reading builds millions of them, and the heap would be most of its time.
template <class T, std::size_t N = 4>
using ShortList = boost::container::small_vector<T, N>;

// Bool is char, not bool: std::vector<bool>'s proxy references do not mix with the
// operators the rules use.
struct ExplicitLogic {
  using Bool = char;
  // An integer quantity (a packet size, an MTU: DESIGN.md §9).
  using Int = std::int64_t;
  Bool constant(bool b) const { return b; }
  Int number(std::uint32_t v) const { return v; }
  Int minus(Int a, std::uint32_t b) const { return a - static_cast<Int>(b); }
  Int pick(Bool c, Int a, Int b) const { return c ? a : b; }
  Int min(Int a, Int b) const { return a < b ? a : b; }
  Bool less(Int a, Int b) const { return a < b; }
  template <class Range>
  Bool any(const Range& xs) const {
    for (char x : xs)
      if (x) return true;
    return false;
  }
  Bool at_least(const std::vector<Bool>& xs, unsigned k) const {
    unsigned n = 0;
    for (char x : xs) n += x ? 1 : 0;
    return n >= k;
  }
  Bool ite(Bool c, Bool a, Bool b) const { return c ? a : b; }
  // Known to be false without solving: the rules skip such terms (in this reading, every false).
  bool is_false(Bool b) const { return !b; }
};

}  // namespace faultline::models
