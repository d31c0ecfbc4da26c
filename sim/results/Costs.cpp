#include "results/Costs.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>
#include <stdexcept>

#include "results/BoxMetrics.hpp"
#include "scenario/PriceChanges.hpp"

namespace rongou {

namespace {

bool measured(const Scenario& s, double gate_in_h) {
  return gate_in_h >= s.warmup_days * 24.0 && gate_in_h < s.horizon_days * 24.0;
}

const CostSpec& spec_of(const Scenario& s, int lane) {
  const auto& costs = s.costs_of(lane);
  if (!costs)
    throw std::logic_error("the lane has no costs section");
  return *costs;
}

void add_inventory_and_co2(const CostSpec& c, double cargo_value_usd, ModeCost& m) {
  m.inventory = cargo_value_usd * c.inventory_fraction_per_day() * m.mean_transit_days;
  m.co2 = m.co2_kg / 1000.0 * c.co2_usd_per_tonne;
}

// One direction's rail cost; the westbound flow carries the empties and the leases.
ModeCost rail_cost_of(const Scenario& scenario, const Journal& journal, int lane, Direction direction,
                      const std::map<Direction, double>& empty_feu_per_week, double cargo_value_usd) {
  const CostSpec& c = spec_of(scenario, lane);
  const bool westbound = direction == Direction::Westbound;
  ModeCost m;
  double days = 0.0, km = 0.0, yards = 0.0, freight = 0.0;
  const FreightSchedule rail_freight(scenario, lane, "rail", direction);
  for (const auto& container : journal.containers) {
    if (container.direction != direction || container.lane != lane || !container.arrived_h ||
        !measured(scenario, container.created_h) || !journal.rides_first_route(container))
      continue;
    ++m.containers;
    // Door to door with doors: westbound; eastbound terminal to terminal, as its sea chain.
    days += (westbound ? rail_transit_h(journal, container) : container.transit_h()) / 24.0;
    freight += rail_freight.usd_at(container.created_h);
    if (container.train >= 0) {
      const auto& service = journal.trains[static_cast<std::size_t>(container.train)].service;
      if (auto it = journal.rail_routes.find(service); it != journal.rail_routes.end()) {
        km += it->second.length_km;
        yards += it->second.gauge_changes;
      }
    }
  }
  if (m.containers > 0) {
    m.mean_transit_days = days / m.containers;
    m.distance_km = km / m.containers;
    yards /= m.containers;
  }
  m.freight = m.containers > 0 ? freight / m.containers : base_freight_usd(scenario, lane, "rail", direction);
  // With `boxes:` the empties are the simulated ones, priced by the boxes section.
  const double empty_usd = scenario.boxes ? scenario.boxes->empty_rail_usd_per_feu
                                          : c.rail.empty_repositioning_usd_per_feu;
  if (westbound && empty_usd > 0.0 && m.containers > 0) {
    // Every empty sent back, either way, exists because the flows are unbalanced, and the
    // heavier westbound flow is the one the rail price is compared on: it carries them all.
    double empties_per_week = 0.0;
    for (const auto& [direction, feu] : empty_feu_per_week)
      empties_per_week += feu;
    const double weeks = (scenario.horizon_days - scenario.warmup_days) / 7.0;
    m.empty_repositioning = empty_usd * empties_per_week * weeks / m.containers;
  }
  if (westbound && m.containers > 0)
    m.box_leasing = box_leasing_usd(scenario, journal, lane) / m.containers;
  m.subsidy = -flat_rail_subsidy_usd(scenario, lane, direction);
  m.handling = c.rail.handling_usd_per_feu_origin + c.rail.handling_usd_per_feu_destination;
  m.gauge_change = c.rail.gauge_change_usd_per_feu_per_yard * yards;
  m.emissions = rail_emissions(scenario, journal, lane, direction);
  m.co2_kg = m.emissions.wtw_kg_per_feu();
  add_inventory_and_co2(c, cargo_value_usd, m);
  return m;
}

// One direction's sea chain: westbound `journal.sea` (door to door with doors:), eastbound
// `journal.sea_eastbound` (terminal to terminal: it has no door stages).
ModeCost sea_cost_of(const Scenario& scenario, const Journal& journal, int lane, Direction direction,
                     double cargo_value_usd) {
  const CostSpec& c = spec_of(scenario, lane);
  const bool westbound = direction == Direction::Westbound;
  const std::vector<SeaRecord>& records = westbound ? journal.sea : journal.sea_eastbound;
  ModeCost m;
  double days = 0.0, freight = 0.0;
  const FreightSchedule sea_freight(scenario, lane, "sea", direction);
  for (std::size_t i = 0; i < records.size(); ++i) {
    const SeaRecord& r = records[i];
    // Measured by the rail twin's gate-in, as SeaMetrics: timed pre-carriage moves the sea
    // twin's gate-in, not which containers are measured.
    const double offered_h = journal.containers.at(static_cast<std::size_t>(r.container)).created_h;
    if (r.lane != lane || !r.arrived_h || !measured(scenario, offered_h))
      continue;
    ++m.containers;
    days += (westbound ? sea_transit_h(journal, i) : r.transit_h()) / 24.0;
    freight += sea_freight.usd_at(r.gate_in_h);
  }
  if (m.containers > 0)
    m.mean_transit_days = days / m.containers;
  // Per FEU over the legs as the measured boxes went (a route via a hub by its share).
  m.emissions = sea_emissions(scenario, journal, lane, direction);
  m.distance_km = m.emissions.km_per_feu();
  m.co2_kg = m.emissions.wtw_kg_per_feu();
  m.freight = m.containers > 0 ? freight / m.containers : base_freight_usd(scenario, lane, "sea", direction);
  m.haulage = c.sea.inland_haulage_usd_per_feu + c.sea.last_leg_usd_per_feu;
  m.handling = c.sea.handling_usd_per_feu_origin_port + c.sea.handling_usd_per_feu_destination_port;
  add_inventory_and_co2(c, cargo_value_usd, m);
  return m;
}

} // namespace

ModeCost rail_cost(const Scenario& scenario, const Journal& journal, int lane,
                   const std::map<Direction, double>& empty_feu_per_week, double cargo_value_usd) {
  return rail_cost_of(scenario, journal, lane, Direction::Westbound, empty_feu_per_week, cargo_value_usd);
}

ModeCost rail_cost(const Scenario& scenario, const Journal& journal, const RailMetrics& rail, double cargo_value_usd) {
  return rail_cost(scenario, journal, scenario.focus_lane, rail.empty_feu_per_week, cargo_value_usd);
}

ModeCost sea_cost(const Scenario& scenario, const Journal& journal, int lane, double cargo_value_usd) {
  return sea_cost_of(scenario, journal, lane, Direction::Westbound, cargo_value_usd);
}

ModeCost sea_cost(const Scenario& scenario, const Journal& journal, double cargo_value_usd) {
  return sea_cost(scenario, journal, scenario.focus_lane, cargo_value_usd);
}

std::optional<double> breakeven_cargo_value(const CostSpec& costs, const ModeCost& rail, const ModeCost& sea) {
  // rail.fixed + V r T_rail = sea.fixed + V r T_sea  =>  V = (rail.fixed - sea.fixed) / (r (T_sea - T_rail))
  const double slope = costs.inventory_fraction_per_day() * (sea.mean_transit_days - rail.mean_transit_days);
  if (slope == 0.0)
    return std::nullopt;
  const double value = (rail.total_without_inventory() - sea.total_without_inventory()) / slope;
  if (!std::isfinite(value) || value <= 0.0)
    return std::nullopt;
  return value;
}

std::string CostComparison::cheaper_mode() const {
  if (!sea)
    return "rail";
  if (rail.total() == sea->total())
    return "neither";
  return rail.total() < sea->total() ? "rail" : "sea";
}

CostComparison compare_costs(const Scenario& scenario, const Journal& journal, int lane,
                             const std::map<Direction, double>& empty_feu_per_week) {
  CostComparison out;
  // The focus lane's demand is the top-level one (a scenario made in code may have no lanes).
  const auto& demand = lane == scenario.focus_lane ? scenario.demand : scenario.lanes.at(static_cast<std::size_t>(lane)).demand;
  if (auto it = demand.find(Direction::Westbound); it != demand.end())
    out.cargo_value_usd = it->second.cargo_value_usd;
  out.rail = rail_cost(scenario, journal, lane, empty_feu_per_week, out.cargo_value_usd);
  if (std::any_of(journal.sea.begin(), journal.sea.end(), [&](const SeaRecord& r) { return r.lane == lane; })) {
    out.sea = sea_cost(scenario, journal, lane, out.cargo_value_usd);
    out.breakeven_cargo_value_usd = breakeven_cargo_value(spec_of(scenario, lane), out.rail, *out.sea);
  }
  return out;
}

CostComparison compare_costs(const Scenario& scenario, const Journal& journal, const RailMetrics& rail) {
  return compare_costs(scenario, journal, scenario.focus_lane, rail.empty_feu_per_week);
}

std::optional<CostComparison> compare_costs_eastbound(const Scenario& scenario, const Journal& journal) {
  if (!scenario.costs || !scenario.sea || !scenario.sea->eastbound)
    return std::nullopt;
  const int lane = scenario.focus_lane;
  CostComparison out;
  if (auto it = scenario.demand.find(Direction::Eastbound); it != scenario.demand.end())
    out.cargo_value_usd = it->second.cargo_value_usd;
  out.rail = rail_cost_of(scenario, journal, lane, Direction::Eastbound, {}, out.cargo_value_usd);
  out.sea = sea_cost_of(scenario, journal, lane, Direction::Eastbound, out.cargo_value_usd);
  out.breakeven_cargo_value_usd = breakeven_cargo_value(*scenario.costs, out.rail, *out.sea);
  return out;
}

} // namespace rongou
