#include "metrics/DisruptionTotals.hpp"

#include <set>

namespace rongou {

std::vector<DisruptionTotals> disruption_totals(const Scenario& scenario, const Journal& journal) {
  std::vector<DisruptionTotals> out;
  std::vector<std::set<int>> trains(scenario.disruptions.size());
  for (std::size_t i = 0; i < scenario.disruptions.size(); ++i) {
    const auto& d = scenario.disruptions[i];
    out.push_back({static_cast<int>(i), to_string(d.kind), d.where(), d.from_day, d.to_day, 0, 0, 0.0, 0.0});
  }
  for (const auto& hit : journal.disruption_hits) {
    auto& t = out.at(static_cast<std::size_t>(hit.disruption));
    // A train held twice by one closure (e.g. at both ends of a segment) counts once.
    if (trains[static_cast<std::size_t>(hit.disruption)].insert(hit.train).second) {
      ++t.trains_hit;
      t.containers_hit += hit.feu;
    }
    t.train_hours += hit.wait_h;
    t.container_hours += hit.wait_h * hit.feu;
  }
  return out;
}

} // namespace rongou
