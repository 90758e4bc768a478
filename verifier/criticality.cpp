#include "verifier/criticality.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace faultline::verifier {

std::vector<RiskRow> criticality(const DesignReport& report) {
  if (!report.design) return {};
  const models::Design& d = *report.design;
  std::map<std::size_t, RiskRow> rows;
  std::map<std::size_t, std::set<std::size_t>> breaks_at_smallest;  // event -> requirements
  std::map<std::size_t, std::optional<double>> mass;                // event -> Σ p(set)
  for (std::size_t q = 0; q < report.requirements.size(); ++q) {
    const RequirementResult& r = report.requirements[q].result;
    std::vector<const std::vector<std::size_t>*> sets;
    for (const auto& s : r.all_sets) sets.push_back(&s);
    if (r.degree)
      for (const auto& s : r.degree->all) sets.push_back(&s);
    for (const auto* s : sets) {
      std::optional<double> p = set_probability(d.events, *s);
      for (std::size_t e : *s) {
        auto it = mass.try_emplace(e, 0.0).first;
        if (!p || !it->second)
          it->second.reset();
        else
          *it->second += *p;
        RiskRow& row = rows[e];
        row.event = e;
        ++row.sets;
        if (row.smallest == 0 || s->size() < row.smallest) {
          row.smallest = s->size();
          breaks_at_smallest[e].clear();
        }
        if (s->size() == row.smallest) breaks_at_smallest[e].insert(q);
      }
    }
  }
  std::vector<RiskRow> out;
  for (auto& [e, row] : rows) {
    row.requirements = breaks_at_smallest[e].size();
    row.probability = mass[e];
    out.push_back(row);
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

}  // namespace faultline::verifier
