#include "results/SeaMetrics.hpp"

#include <utility>

namespace rongou {

SeaMetrics compute_sea_metrics(const Scenario& scenario, const Journal& journal) {
  return compute_sea_metrics(scenario, journal, scenario.focus_lane);
}

SeaMetrics compute_sea_metrics(const Scenario& scenario, const Journal& journal, int lane) {
  SeaMetrics m;
  const double from_h = scenario.warmup_days * 24.0;
  const double to_h = scenario.horizon_days * 24.0;
  std::vector<double> days;
  int rolled = 0;
  for (std::size_t i = 0; i < journal.sea.size(); ++i) {
    const SeaRecord& r = journal.sea[i];
    if (r.lane != lane || r.gate_in_h < from_h || r.gate_in_h >= to_h)
      continue;
    ++m.containers_offered;
    if (!r.arrived_h)
      continue;
    days.push_back(sea_transit_h(journal, i) / 24.0); // door to door with doors:
    m.inland_h += r.inland_h;
    m.port_wait_h += *r.sailed_h - r.port_arrival_h;
    m.ocean_h += *r.port_arrival_eu_h - *r.sailed_h;
    m.ocean_delay_h += r.ocean_delay_h;
    m.port_dwell_h += r.port_dwell_h;
    m.last_leg_h += r.last_leg_h;
    rolled += r.rolled > 0 ? 1 : 0;
  }
  const std::size_t delivered = days.size();
  m.containers_delivered = static_cast<int>(delivered);
  m.transit_days = describe(std::move(days)); // moved: a long run has a million
  if (delivered > 0) {
    const double n = static_cast<double>(delivered);
    for (double* v : {&m.inland_h, &m.port_wait_h, &m.ocean_h, &m.ocean_delay_h, &m.port_dwell_h, &m.last_leg_h})
      *v /= n;
    m.rolled_share = rolled / n;
  }
  int feu = 0;
  for (const auto& s : journal.sailings)
    if (s.lane == lane && s.departure_h >= from_h && s.departure_h < to_h) {
      ++m.sailings;
      feu += s.feu;
    }
  m.mean_feu_per_sailing = m.sailings > 0 ? static_cast<double>(feu) / m.sailings : 0.0;
  return m;
}

} // namespace rongou
