#include "verifier/criticality.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace faultline::verifier {

std::vector<RiskRow> criticality(const DesignReport& report) {
  if (!report.design) return {};
  const models::Design& d = *report.design;
  // Per event: its row, the requirements it breaks at its smallest size, whether every set it
  // is in has a probability (then row.probability sums them).
  struct Tally {
    RiskRow row;
    std::set<std::size_t> requirements;
    bool weighed = true;
  };
  std::map<std::size_t, Tally> tally;
  for (std::size_t q = 0; q < report.requirements.size(); ++q) {
    const RequirementResult& r = report.requirements[q].result;
    std::vector<const std::vector<std::size_t>*> sets;
    for (const auto& s : r.all_sets) sets.push_back(&s);
    if (r.degree)
      for (const auto& s : r.degree->all) sets.push_back(&s);
    for (const auto* s : sets) {
      std::optional<double> p = set_probability(d.events, *s);
      for (std::size_t e : *s) {
        Tally& t = tally[e];
        t.row.event = e;
        ++t.row.sets;
        t.weighed = t.weighed && p;
        if (p) t.row.probability = t.row.probability.value_or(0) + *p;
        if (t.row.smallest == 0 || s->size() < t.row.smallest) {
          t.row.smallest = s->size();
          t.requirements.clear();
        }
        if (s->size() == t.row.smallest) t.requirements.insert(q);
      }
    }
  }
  std::vector<RiskRow> out;
  for (auto& [e, t] : tally) {
    t.row.requirements = t.requirements.size();
    if (!t.weighed) t.row.probability.reset();
    out.push_back(t.row);
  }
  // Probability breaks ties before the name (events without one count as 0).
  std::sort(out.begin(), out.end(), [&](const RiskRow& a, const RiskRow& b) {
    return std::make_tuple(a.smallest, -static_cast<long long>(a.requirements),
                           -static_cast<long long>(a.sets), -a.probability.value_or(0),
                           d.events[a.event].name) <
           std::make_tuple(b.smallest, -static_cast<long long>(b.requirements),
                           -static_cast<long long>(b.sets), -b.probability.value_or(0),
                           d.events[b.event].name);
  });
  return out;
}

std::vector<std::size_t> criticality_gaps(const DesignReport& report) {
  std::vector<std::size_t> gaps;
  for (std::size_t q = 0; q < report.requirements.size(); ++q) {
    const RequirementResult& r = report.requirements[q].result;
    if (r.status == Status::unknown || !r.complete || (r.degree && !r.degree->complete))
      gaps.push_back(q);
  }
  return gaps;
}

}  // namespace faultline::verifier
