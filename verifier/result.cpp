#include "verifier/result.hpp"

#include <algorithm>

namespace faultline::verifier {

const char* status_name(Status s) {
  switch (s) {
    case Status::proved:
      return "proved";
    case Status::violated:
      return "violated";
    case Status::unknown:
      return "unknown";
  }
  return "unknown";
}

const char* verdict_name(Verdict v) {
  switch (v) {
    case Verdict::proved: return "proved";
    case Verdict::violated: return "violated";
    case Verdict::unknown: return "unknown";
    case Verdict::error: return "error";
  }
  return "error";
}

std::optional<Verdict> verdict_named(std::string_view name) {
  for (Verdict v : {Verdict::proved, Verdict::violated, Verdict::unknown, Verdict::error})
    if (name == verdict_name(v)) return v;
  return std::nullopt;
}

Verdict verdict_of(Status s) {
  switch (s) {
    case Status::proved: return Verdict::proved;
    case Status::violated: return Verdict::violated;
    case Status::unknown: return Verdict::unknown;
  }
  return Verdict::unknown;
}

int exit_code(Verdict v) {
  switch (v) {
    case Verdict::proved: return 0;
    case Verdict::violated: return 1;
    case Verdict::error: return 2;
    case Verdict::unknown: return 3;
  }
  return 2;
}

void Tally::add(Verdict v) {
  switch (v) {
    case Verdict::proved: ++proved; break;
    case Verdict::violated: ++violated; break;
    case Verdict::unknown: ++unknown; break;
    case Verdict::error: ++error; break;
  }
}

Verdict Tally::worst() const {
  return error ? Verdict::error
         : violated ? Verdict::violated
         : unknown  ? Verdict::unknown
                    : Verdict::proved;
}

Count combinations_up_to(std::size_t n, std::size_t k) {
  Count total = 0, c = 1;  // c = C(n, i)
  for (std::size_t i = 0; i <= std::min(n, k); ++i) {
    total += c;
    c = c * (n - i) / (i + 1);
  }
  return total;
}

std::string to_decimal(Count v) {
  if (v == 0) return "0";
  std::string s;
  while (v > 0) {
    s += static_cast<char>('0' + static_cast<int>(v % 10));
    v /= 10;
  }
  std::reverse(s.begin(), s.end());
  return s;
}

std::optional<double> set_probability(const std::vector<models::FaultEvent>& events,
                                      const std::vector<std::size_t>& set) {
  double p = 1;
  for (std::size_t e : set) {
    if (!events[e].probability) return std::nullopt;
    p *= *events[e].probability;
  }
  return p;
}

std::optional<double> union_bound(const std::vector<models::FaultEvent>& events,
                                  const std::vector<std::vector<std::size_t>>& sets) {
  double sum = 0;
  for (const auto& s : sets) {
    auto p = set_probability(events, s);
    if (!p) return std::nullopt;
    sum += *p;
  }
  return std::min(sum, 1.0);
}

}  // namespace faultline::verifier
