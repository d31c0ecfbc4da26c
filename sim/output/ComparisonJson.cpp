#include "output/ComparisonJson.hpp"

#include "output/SummaryJson.hpp"

namespace rongou {

namespace {

// `boxes`: the run simulates boxes, so the rail side has a leasing line (left out without).
nlohmann::ordered_json cost_json(const ModeCost& c, bool boxes = false) {
  nlohmann::ordered_json j = {{"total", rounded(c.total(), 2)},         {"freight", rounded(c.freight, 2)},
                              {"haulage", rounded(c.haulage, 2)},       {"subsidy", rounded(c.subsidy, 2)},
                              {"handling", rounded(c.handling, 2)},     {"gauge_change", rounded(c.gauge_change, 2)},
                              {"empty_repositioning", rounded(c.empty_repositioning, 2)}};
  if (boxes)
    j["box_leasing"] = rounded(c.box_leasing, 2);
  j["inventory"] = rounded(c.inventory, 2);
  j["co2"] = rounded(c.co2, 2);
  return j;
}

// The keys of every sea alternative. With `doors` (the focus lane's, with `doors:`),
// stages_hours are the door-to-door stages shared with rail, and the sea chain's own stages
// are main_haul_hours.
// Eastbound the stages are in travel order: inland is the pre-carriage to the European port,
// port_dwell and last_leg are at the Chinese end.
nlohmann::ordered_json sea_chain_json(const SeaSpec& spec, const SeaMetrics& m, const ModeDoorMetrics* doors,
                                      Direction direction) {
  const auto& t = m.transit_days;
  nlohmann::ordered_json j = {{"direction", to_string(direction)},
                              {"european_port", spec.european_port},
                              {"containers_offered", m.containers_offered},
                              {"containers_delivered", m.containers_delivered},
                              {"transit_days",
                               {{"mean", rounded(t.mean)}, {"p50", rounded(t.p50)}, {"p90", rounded(t.p90)}, {"p95", rounded(t.p95)},
                                {"p99", rounded(t.p99)}, {"min", rounded(t.min)}, {"max", rounded(t.max)}}},
                              {"stages_hours",
                               {{"inland", rounded(m.inland_h)}, {"port_wait", rounded(m.port_wait_h)}, {"ocean", rounded(m.ocean_h)},
                                {"ocean_delay", rounded(m.ocean_delay_h)}, {"port_dwell", rounded(m.port_dwell_h)},
                                {"last_leg", rounded(m.last_leg_h)}}},
                              {"rolled_share", rounded(m.rolled_share)},
                              {"sailings", m.sailings},
                              {"mean_feu_per_sailing", rounded(m.mean_feu_per_sailing)}};
  if (spec.uses_hub()) {
    // Between ocean (which ends at the hub for boxes via one) and port_dwell, in chain order.
    nlohmann::ordered_json stages;
    for (auto& [key, value] : j["stages_hours"].items()) {
      stages[key] = value;
      if (key == "ocean_delay") {
        stages["hub_wait"] = rounded(m.hub_wait_h);
        stages["feeder"] = rounded(m.feeder_h);
      }
    }
    j["stages_hours"] = stages;
    j["feeder_sailings"] = m.feeder_sailings;
    j["mean_feu_per_feeder"] = rounded(m.mean_feu_per_feeder);
  }
  if (!doors)
    return j;
  nlohmann::ordered_json out;
  for (auto& [key, value] : j.items()) {
    if (key == "stages_hours") {
      add_door_stages(out, *doors, false);
      out["main_haul_hours"] = value;
    } else {
      out[key] = value;
    }
  }
  return out;
}

nlohmann::ordered_json sea_loops_json(const SeaSpec& spec, const SeaMetrics& m) {
  nlohmann::ordered_json loops = nlohmann::ordered_json::object();
  for (const auto& l : m.loops) {
    loops[l.name.empty() ? "single" : l.name] = {{"sailings", l.sailings},
                                                 {"blanked", l.blanked},
                                                 {"mean_feu_per_sailing", rounded(l.mean_feu_per_sailing)},
                                                 {"mean_rolled_share_drawn", rounded(l.mean_rolled_share_drawn)},
                                                 {"containers", l.containers},
                                                 {"rolled_share", rounded(l.rolled_share)},
                                                 {"port_wait_hours", rounded(l.port_wait_h)}};
    if (spec.uses_hub())
      loops[l.name.empty() ? "single" : l.name]["hub_wait_hours"] = rounded(l.hub_wait_h);
  }
  return loops;
}

// With loops or timed pre-carriage, blank sailings, pre-carriage and each loop's figures too.
nlohmann::ordered_json sea_metrics_json(const SeaSpec& spec, const SeaMetrics& m,
                                        const ModeDoorMetrics* doors = nullptr,
                                        Direction direction = Direction::Westbound) {
  auto j = sea_chain_json(spec, m, doors, direction);
  if (!spec.reports_loops())
    return j;
  j["blank_sailing_share"] = rounded(m.blank_sailing_share);
  j["blank_capacity_share"] = rounded(m.blank_capacity_share);
  j["precarriage"] = {{"rule", to_string(spec.precarriage)},
                      {"sailing_choice", to_string(spec.sailing_choice)},
                      {"shift_hours", rounded(m.precarriage_shift_h)}};
  j["loops"] = sea_loops_json(spec, m);
  return j;
}

void add_mode_cost(nlohmann::ordered_json& mode, const ModeCost& c, bool boxes = false) {
  mode["cost_usd_per_feu"] = cost_json(c, boxes);
  mode["co2_kg_per_feu"] = rounded(c.co2_kg, 1); // well-to-wheel CO2e
}

// ISO 14083 figures of one mode: totals per FEU and per tonne, intensity, and leg by leg.
nlohmann::ordered_json emissions_json(const ModeEmissions& e) {
  nlohmann::ordered_json legs = nlohmann::ordered_json::array();
  for (const auto& l : e.legs)
    legs.push_back({{"kind", l.kind},
                    {"from", l.from},
                    {"to", l.to},
                    {"km", rounded(l.km, 1)},
                    {"wtw_kg_co2e_per_feu", rounded(l.wtw_kg, 2)},
                    {"ttw_kg_co2e_per_feu", rounded(l.ttw_kg, 2)},
                    {"quality", l.quality}});
  return {{"wtw_kg_co2e_per_feu", rounded(e.wtw_kg_per_feu(), 1)},
          {"ttw_kg_co2e_per_feu", rounded(e.ttw_kg_per_feu(), 1)},
          {"wtw_kg_co2e_per_tonne", rounded(e.wtw_kg_per_tonne(), 2)},
          {"ttw_kg_co2e_per_tonne", rounded(e.ttw_kg_per_tonne(), 2)},
          {"tonne_km_per_feu", rounded(e.tonne_km_per_feu(), 0)},
          {"g_per_tonne_km", rounded(e.wtw_g_per_tonne_km(), 2)},
          {"legs", legs}};
}

nlohmann::ordered_json lane_emissions_json(const CostComparison& c) {
  nlohmann::ordered_json j;
  j["rail"] = emissions_json(c.rail.emissions);
  if (c.sea)
    j["sea"] = emissions_json(c.sea->emissions);
  return j;
}

nlohmann::ordered_json comparison_json(const CostComparison& c) {
  nlohmann::ordered_json cmp;
  cmp["rail_to_sea_transit_ratio"] =
      c.sea->mean_transit_days > 0 ? nlohmann::ordered_json(rounded(c.rail.mean_transit_days / c.sea->mean_transit_days))
                                   : nlohmann::ordered_json(nullptr);
  cmp["rail_minus_sea_cost_usd_per_feu"] = rounded(c.rail.total() - c.sea->total(), 2);
  cmp["breakeven_cargo_value_usd"] = c.breakeven_cargo_value_usd
                                         ? nlohmann::ordered_json(rounded(*c.breakeven_cargo_value_usd, 2))
                                         : nlohmann::ordered_json(nullptr);
  cmp["cargo_value_usd"] = c.cargo_value_usd;
  cmp["cheaper_mode"] = c.cheaper_mode();
  cmp["rail_to_sea_freight_ratio"] =
      c.sea->freight > 0 ? nlohmann::ordered_json(rounded((c.rail.freight + c.rail.subsidy) / c.sea->freight))
                         : nlohmann::ordered_json(nullptr);
  return cmp;
}

nlohmann::ordered_json lane_costs_json(const CostComparison& c, bool boxes) {
  nlohmann::ordered_json j;
  add_mode_cost(j["rail"], c.rail, boxes);
  if (!c.sea)
    return j;
  add_mode_cost(j["sea"], *c.sea);
  j["comparison"] = comparison_json(c);
  return j;
}

} // namespace

void add_comparison(nlohmann::ordered_json& j, const Scenario& scenario, const RunResults& results) {
  // A network run: each lane's own rail-against-sea answer beside its rail figures.
  for (std::size_t lane = 0; lane < results.lanes.size() && lane < results.rail.lanes.size(); ++lane) {
    const LaneModes& modes = results.lanes[lane];
    auto& out = j["lanes"][results.rail.lanes[lane].name];
    if (modes.sea && scenario.sea_of(static_cast<int>(lane)))
      out["sea"] = sea_metrics_json(*scenario.sea_of(static_cast<int>(lane)), *modes.sea);
    if (modes.costs) {
      out["costs"] = lane_costs_json(*modes.costs, scenario.boxes.has_value());
      out["emissions"] = lane_emissions_json(*modes.costs);
    }
  }
  if (scenario.sea && results.sea)
    j["modes"]["sea"] = sea_metrics_json(*scenario.sea, *results.sea,
                                         results.doors && results.doors->sea ? &*results.doors->sea : nullptr);
  // The eastbound chain, terminal to terminal (it has no door stages).
  if (scenario.sea && scenario.sea->eastbound && results.sea_eastbound)
    j["modes"]["sea_eastbound"] =
        sea_metrics_json(*scenario.sea->eastbound, *results.sea_eastbound, nullptr, Direction::Eastbound);
  // The back-haul's own cost block, only where it is computed.
  if (results.costs_eastbound) {
    j["costs_eastbound"] = lane_costs_json(*results.costs_eastbound, false);
    j["costs_eastbound"]["emissions"] = lane_emissions_json(*results.costs_eastbound);
  }
  if (!results.costs)
    return;
  const CostComparison& c = *results.costs;
  add_mode_cost(j["modes"]["rail"], c.rail, scenario.boxes.has_value());
  if (c.sea) {
    add_mode_cost(j["modes"]["sea"], *c.sea);
    j["comparison"] = comparison_json(c);
  }
  j["emissions"] = lane_emissions_json(c);
}

} // namespace rongou
