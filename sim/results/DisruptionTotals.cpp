#include "results/DisruptionTotals.hpp"

#include <set>

#include "results/PriceChanges.hpp"

namespace rongou {

std::vector<DisruptionTotals> disruption_totals(const Scenario& scenario, const Journal& journal) {
  std::vector<DisruptionTotals> out;
  std::vector<std::set<int>> trains(scenario.disruptions.size());
  for (std::size_t i = 0; i < scenario.disruptions.size(); ++i) {
    const auto& d = scenario.disruptions[i];
    DisruptionTotals t;
    t.index = static_cast<int>(i);
    t.kind = to_string(d.kind);
    t.where = d.where();
    t.from_day = d.from_day;
    t.to_day = d.to_day;
    out.push_back(t);
  }
  for (const auto& hit : journal.disruption_hits) {
    auto& t = out.at(static_cast<std::size_t>(hit.disruption));
    if (hit.sailing >= 0) { // one hit per loaded sailing
      ++t.sailings_hit;
      t.containers_hit += hit.feu;
      t.sailing_hours += hit.wait_h;
      t.container_hours += hit.wait_h * hit.feu;
      continue;
    }
    // A train held twice by one closure (e.g. at both ends of a segment) counts once.
    if (trains[static_cast<std::size_t>(hit.disruption)].insert(hit.train).second) {
      ++t.trains_hit;
      t.containers_hit += hit.feu;
    }
    t.train_hours += hit.wait_h;
    t.container_hours += hit.wait_h * hit.feu;
  }
  // Price changes hit every container of their mode gated in during the window, whether
  // it is delivered by the end of the run or not.
  auto charge = [&](std::size_t i, int lane, double gate_in_h) {
    const auto& d = scenario.disruptions[i];
    if (!d.active_at(gate_in_h))
      return;
    const double before = freight_usd_at(scenario, lane, d.mode, gate_in_h, i);
    ++out[i].containers_hit;
    out[i].extra_usd += apply_price_change(d, before) - before;
  };
  for (std::size_t i = 0; i < scenario.disruptions.size(); ++i) {
    const auto& d = scenario.disruptions[i];
    if (d.kind != DisruptionKind::Price)
      continue;
    const int lane = d.lane < 0 ? scenario.focus_lane : d.lane;
    if (d.mode == "rail") {
      for (const auto& c : journal.containers)
        if (c.direction == Direction::Westbound && c.lane == lane)
          charge(i, lane, c.created_h);
    } else {
      for (const auto& r : journal.sea)
        if (r.lane == lane)
          charge(i, lane, r.gate_in_h);
    }
  }
  return out;
}

} // namespace rongou
