#include "results/SeaMetrics.hpp"

#include <utility>

namespace rongou {

SeaMetrics compute_sea_metrics(const Scenario& scenario, const Journal& journal) {
  return compute_sea_metrics(scenario, journal, scenario.focus_lane);
}

namespace {

// The chain of `spec` whose containers are `records` and sailings `sailings`; westbound, with
// the lane's hubs, feeders and door stages (the eastbound chain has none of them).
SeaMetrics measure(const Scenario& scenario, const Journal& journal, int lane, const SeaSpec& spec,
                   const std::vector<SeaRecord>& records, const std::vector<SailingRecord>& sailings,
                   Direction direction) {
  const bool westbound = direction == Direction::Westbound;
  SeaMetrics m;
  const double from_h = scenario.warmup_days * 24.0;
  const double to_h = scenario.horizon_days * 24.0;
  std::vector<double> days;
  int rolled = 0;
  const std::vector<SeaLoop> loops = spec.effective_loops();
  m.loops.resize(loops.size());
  for (std::size_t l = 0; l < loops.size(); ++l)
    m.loops[l].name = loops[l].name;
  for (std::size_t i = 0; i < records.size(); ++i) {
    const SeaRecord& r = records[i];
    // Measured by the container's gate-in at the lane's origin, as its rail twin: timed
    // pre-carriage moves the sea twin's gate-in, not which containers are measured.
    const double offered_h = journal.containers.at(static_cast<std::size_t>(r.container)).created_h;
    if (r.lane != lane || offered_h < from_h || offered_h >= to_h)
      continue;
    ++m.containers_offered;
    if (!r.arrived_h)
      continue;
    days.push_back((westbound ? sea_transit_h(journal, i) : r.transit_h()) / 24.0); // door to door with doors:
    m.inland_h += r.inland_h;
    m.port_wait_h += *r.sailed_h - r.port_arrival_h;
    const HubRecord* hub = westbound && i < journal.sea_hub.size() && journal.sea_hub[i].hub_arrival_h ? &journal.sea_hub[i]
                                                                                           : nullptr;
    if (hub != nullptr) {
      m.ocean_h += *hub->hub_arrival_h - *r.sailed_h;
      m.hub_wait_h += hub->hub_wait_h();
      m.feeder_h += *r.port_arrival_eu_h - *hub->feeder_departure_h;
    } else {
      m.ocean_h += *r.port_arrival_eu_h - *r.sailed_h;
    }
    m.ocean_delay_h += r.ocean_delay_h;
    m.port_dwell_h += r.port_dwell_h;
    m.last_leg_h += r.last_leg_h;
    rolled += r.rolled > 0 ? 1 : 0;
    m.precarriage_shift_h += r.gate_in_h - offered_h;
    if (r.sailing >= 0) {
      auto& loop = m.loops.at(static_cast<std::size_t>(sailings.at(static_cast<std::size_t>(r.sailing)).loop));
      ++loop.containers;
      loop.rolled_share += r.rolled > 0 ? 1.0 : 0.0;
      loop.port_wait_h += *r.sailed_h - r.port_arrival_h;
      if (hub != nullptr)
        loop.hub_wait_h += hub->hub_wait_h();
    }
  }
  const std::size_t delivered = days.size();
  m.containers_delivered = static_cast<int>(delivered);
  m.transit_days = describe(std::move(days)); // moved: a long run has a million
  if (delivered > 0) {
    const double n = static_cast<double>(delivered);
    for (double* v : {&m.inland_h, &m.port_wait_h, &m.ocean_h, &m.ocean_delay_h, &m.port_dwell_h, &m.last_leg_h,
                      &m.precarriage_shift_h, &m.hub_wait_h, &m.feeder_h})
      *v /= n;
    m.rolled_share = rolled / n;
  }
  for (auto& loop : m.loops)
    if (loop.containers > 0) {
      loop.rolled_share /= loop.containers;
      loop.port_wait_h /= loop.containers;
      loop.hub_wait_h /= loop.containers;
    }
  int feeder_feu = 0;
  for (const auto& s : journal.feeder_sailings)
    if (westbound && s.lane == lane && s.departure_h >= from_h && s.departure_h < to_h) {
      ++m.feeder_sailings;
      feeder_feu += s.feu;
    }
  m.mean_feu_per_feeder = m.feeder_sailings > 0 ? static_cast<double>(feeder_feu) / m.feeder_sailings : 0.0;
  int feu = 0;
  int left = 0;
  double slots = 0.0;
  double blanked_slots = 0.0;
  for (const auto& s : sailings)
    if (s.lane == lane && s.departure_h >= from_h && s.departure_h < to_h) {
      ++m.sailings;
      feu += s.feu;
      auto& loop = m.loops.at(static_cast<std::size_t>(s.loop));
      ++loop.sailings;
      const double loop_slots = loops[static_cast<std::size_t>(s.loop)].vessel_capacity_feu;
      slots += loop_slots;
      if (s.blanked) {
        ++loop.blanked;
        blanked_slots += loop_slots;
        continue;
      }
      ++left;
      loop.mean_feu_per_sailing += s.feu;
      loop.mean_rolled_share_drawn += s.rolled_share_drawn;
    }
  // Over the sailings that left: a blanked sailing carries nothing by definition.
  m.mean_feu_per_sailing = left > 0 ? static_cast<double>(feu) / left : 0.0;
  for (auto& loop : m.loops) {
    const int loop_left = loop.sailings - loop.blanked;
    m.blank_sailing_share += loop.blanked;
    if (loop_left > 0) {
      loop.mean_feu_per_sailing /= loop_left;
      loop.mean_rolled_share_drawn /= loop_left;
    }
  }
  m.blank_sailing_share = m.sailings > 0 ? m.blank_sailing_share / m.sailings : 0.0;
  m.blank_capacity_share = slots > 0.0 ? blanked_slots / slots : 0.0;
  return m;
}

} // namespace

SeaMetrics compute_sea_metrics(const Scenario& scenario, const Journal& journal, int lane) {
  return measure(scenario, journal, lane, *scenario.sea_of(lane), journal.sea, journal.sailings, Direction::Westbound);
}

SeaMetrics compute_eastbound_sea_metrics(const Scenario& scenario, const Journal& journal) {
  return measure(scenario, journal, scenario.focus_lane, *scenario.sea->eastbound, journal.sea_eastbound,
                 journal.sailings_eastbound, Direction::Eastbound);
}

} // namespace rongou
