#include "scenario/ScenarioKeys.hpp"

#include "scenario/ShipIntensity.hpp"

namespace rongou {

namespace {
// The ship intensity table's keys: its trade lanes, each with its size classes.
std::map<std::string, std::vector<std::string>> with_ship_intensities(std::map<std::string, std::vector<std::string>> keys) {
  keys["costs.emissions.ship.intensities"] = ship_trade_lanes();
  for (const auto& lane : ship_trade_lanes())
    keys["costs.emissions.ship.intensities." + lane] = ship_size_classes();
  return keys;
}

// A tracked lane's `sea` and `costs` take the top-level sections' keys, place for place.
std::map<std::string, std::vector<std::string>> with_lane_sections(std::map<std::string, std::vector<std::string>> keys) {
  std::vector<std::pair<std::string, std::vector<std::string>>> added;
  for (const auto& [place, list] : keys)
    if (place == "sea" || place.rfind("sea.", 0) == 0 || place == "costs" || place.rfind("costs.", 0) == 0)
      added.emplace_back("lanes.*." + place, list);
  keys.insert(added.begin(), added.end());
  return keys;
}
} // namespace

const std::map<std::string, std::vector<std::string>>& scenario_keys() {
  static const std::map<std::string, std::vector<std::string>> keys = with_lane_sections(with_ship_intensities({
      {"", {"extends", "name", "description", "platform", "horizon_days", "warmup_days", "seed", "demand", "rail",
            "sea", "costs", "disruptions", "focus_lane", "lanes", "build", "boxes", "doors", "calendar", "choice"}},
      {"choice",
       {"classes", "logit_scale_usd", "window_days", "min_deliveries", "initial_days", "rechoose_sea_after_left_behind",
        "booking_horizon_days",
        "subsidy_share_of_freight", "subsidy_cap_usd_per_feu", "class_subsidy_usd_per_feu", "counterfactual", "directions",
        "eastbound_classes", "routes", "split", "shares"}},
      {"choice.routes.*",
       {"name", "services", "initial_days", "freight_usd_per_feu", "extra_usd_per_feu", "risk_premium_usd_per_feu"}},
      {"choice.routes.*.initial_days", {"mean", "p95"}},
      {"choice.classes.*",
       {"name", "share", "cargo_value_usd", "tonnes_per_feu", "value_of_time_pct_per_day", "capital_rate_pct_per_year",
        "time_premium_pct_per_day", "reliability_weight"}},
      {"choice.eastbound_classes.*",
       {"name", "share", "cargo_value_usd", "tonnes_per_feu", "value_of_time_pct_per_day", "capital_rate_pct_per_year",
        "time_premium_pct_per_day", "reliability_weight"}},
      {"choice.initial_days", {"rail", "sea"}},
      {"choice.initial_days.rail", {"mean", "p95"}},
      {"choice.initial_days.sea", {"mean", "p95"}},
      {"boxes", {"stocks", "turn_hours", "lessor", "reposition", "keep_weeks", "empty_rail_usd_per_feu"}},
      {"doors", {"origin", "destination"}},
      {"doors.origin", {"loading_hours", "export_clearance_hours", "cutoff_hours"}},
      {"doors.destination", {"unloading_hours", "import_clearance_hours", "last_mile"}},
      {"doors.destination.last_mile", {"mode", "trucks", "drive_hours"}},
      {"boxes.lessor", {"lead_days", "pick_up_usd", "drop_off_usd", "max_stock"}},
      {"lanes.*", {"name", "demand", "services", "background", "sea", "costs"}},
      {"lanes.*.demand", {"westbound", "eastbound"}},
      {"lanes.*.demand.westbound", {"feu_per_week", "cargo_value_usd"}},
      {"lanes.*.demand.eastbound", {"feu_per_week", "cargo_value_usd"}},
      {"lanes.*.services.*", {"name", "direction", "route", "departures", "departure_hour", "max_feu",
                                    "departure_rule"}},
      {"lanes.*.background.trains_per_week", {"westbound", "eastbound"}},
      {"lanes.*.background",
       {"route", "trains_per_week", "feu_per_train", "departure_jitter_hours", "seasonal_index"}},
      {"build.*",
       {"node", "add_tracks", "add_cranes", "add_crossing_positions", "crossing_processing_hours",
        "crossing_trains_per_day", "crossing_opens_hour", "crossing_closes_hour", "new_yard", "segment", "track",
        "passing_loops", "headway_minutes"}},
      {"build.*.new_yard", {"tracks", "cranes", "cranes_per_train", "crane_rate_feu_per_hour", "handling_fixed_hours"}},
      {"demand", {"westbound", "eastbound"}},
      {"demand.westbound", {"feu_per_week", "cargo_value_usd"}},
      {"demand.eastbound", {"feu_per_week", "cargo_value_usd"}},
      {"rail",
       {"services", "locomotives", "crews", "wagons", "running_delay_fraction", "border_dwell_hours",
        "border_dwell_hours_at", "incidents", "inspections", "ferries", "detours", "punctuality_tolerance_minutes"}},
      {"rail.detours.*", {"name", "replaces", "by"}},
      {"rail.ferries.*",
       {"name", "ports", "sailings_per_week", "first_sailing_hour", "departure", "capacity_feu", "loading_hours",
        "unloading_hours", "weather"}},
      {"rail.ferries.*.weather", {"windows_per_year", "duration_hours"}},
      {"rail.inspections.*", {"node", "share", "hold_hours", "direction"}},
      {"rail.incidents", {"per_1000_train_km", "per_1000_train_km_by_country", "duration_hours"}},
      {"rail.services.*", {"name", "direction", "route", "departures", "departure_hour", "max_feu",
                                    "departure_rule"}},
      {"rail.services.*.departure_rule", {"kind", "min_fill", "latest_hours", "min_load_to_run"}},
      {"lanes.*.services.*.departure_rule", {"kind", "min_fill", "latest_hours", "min_load_to_run"}},
      {"rail.locomotives.*", {"section", "count", "servicing_hours", "max_idle_hours", "depots"}},
      {"rail.crews.*", {"district", "count", "rest_hours", "max_duty_hours", "max_idle_hours", "home"}},
      {"rail.wagons.*", {"section", "count", "feu_per_wagon", "max_idle_hours", "depots"}},
      {"sea",
       {"inland_mode", "inland_delay_days", "sailings", "sailing_hour", "cutoff_hours_before_sailing",
        "vessel_capacity_feu", "ocean_transit_days", "ocean_delay_days", "origin_port", "european_port", "port_dwell_days",
        "last_leg_mode", "last_leg_delay_days", "loops", "precarriage", "sailing_choice", "precarriage_margin_hours",
        "feeder", "eastbound"}},
      {"sea.eastbound",
       {"inland_mode", "inland_delay_days", "sailings", "sailing_hour", "cutoff_hours_before_sailing",
        "vessel_capacity_feu", "ocean_transit_days", "ocean_delay_days", "port_dwell_days", "last_leg_mode",
        "last_leg_delay_days", "loops", "precarriage", "sailing_choice", "precarriage_margin_hours"}},
      {"sea.feeder",
       {"sailings", "sailing_hour", "cutoff_hours_before_sailing", "capacity_feu", "transit_days", "delay_days"}},
      {"sea.loops.*",
       {"name", "sailings", "sailing_hour", "cutoff_hours_before_sailing", "vessel_capacity_feu", "ocean_transit_days",
        "ocean_delay_days", "blank_sailing_probability", "blank_sailing_seasons", "rolled_share", "hub"}},
      {"sea.loops.*.blank_sailing_seasons.*", {"from_day", "to_day", "probability"}},
      {"sea.eastbound.loops.*",
       {"name", "sailings", "sailing_hour", "cutoff_hours_before_sailing", "vessel_capacity_feu", "ocean_transit_days",
        "ocean_delay_days", "blank_sailing_probability", "blank_sailing_seasons", "rolled_share", "hub"}},
      {"sea.eastbound.loops.*.blank_sailing_seasons.*", {"from_day", "to_day", "probability"}},
      {"costs",
       {"rail", "sea", "value_of_time_pct_per_day", "capital_rate_pct_per_year", "tonnes_per_feu", "emissions",
        "co2_usd_per_tonne"}},
      {"costs.rail",
       {"through_rate_usd_per_feu", "section_tariffs", "subsidy_usd_per_feu", "gauge_change_usd_per_feu_per_yard",
        "handling_usd_per_feu_origin", "handling_usd_per_feu_destination", "empty_repositioning_usd_per_feu",
        "eastbound_through_rate_usd_per_feu", "eastbound_subsidy_usd_per_feu"}},
      {"costs.rail.section_tariffs.*", {"section", "usd_per_feu"}},
      {"costs.sea",
       {"freight_usd_per_feu", "inland_haulage_usd_per_feu", "last_leg_usd_per_feu",
        "handling_usd_per_feu_origin_port", "handling_usd_per_feu_destination_port", "eastbound_freight_usd_per_feu"}},
      {"costs.emissions", {"rail", "fuels", "grids", "ship", "barge", "road", "hubs"}},
      {"costs.emissions.rail",
       {"electric_kwh_per_train_km", "electric_kwh_per_gross_tonne_km", "diesel_l_per_train_km",
        "diesel_l_per_gross_tonne_km", "locomotive_tonnes",
        "wagon_tare_tonnes_per_feu", "box_tare_tonnes", "diesel_under_wires", "unrouted_country"}},
      {"costs.emissions.fuels.*", {"ttw_kg_co2e_per_l", "wtw_kg_co2e_per_l"}},
      {"costs.emissions.grids.*", {"wtw_g_co2e_per_kwh", "electric_share"}},
      {"costs.emissions.ship", {"wtw_g_co2e_per_teu_km", "ttw_share", "trade_lane", "size_class", "feeder", "intensities"}},
      {"costs.emissions.ship.feeder", {"wtw_g_co2e_per_teu_km", "trade_lane", "size_class"}},
      {"costs.emissions.barge", {"wtw_g_co2e_per_tonne_km", "carrier"}},
      {"costs.emissions.road", {"l_per_km", "carrier"}},
      {"costs.emissions.hubs", {"terminal", "port", "gauge_change"}},
      {"costs.emissions.hubs.terminal", {"wtw_kg_co2e_per_feu", "ttw_kg_co2e_per_feu"}},
      {"costs.emissions.hubs.port", {"wtw_kg_co2e_per_feu", "ttw_kg_co2e_per_feu"}},
      {"costs.emissions.hubs.gauge_change", {"wtw_kg_co2e_per_feu", "ttw_kg_co2e_per_feu"}},
      {"calendar", {"start_date", "demand", "closures", "weather"}},
      {"calendar.demand.*", {"name", "from_day", "to_day", "first_date", "last_date", "factor", "direction"}},
      {"calendar.closures.*", {"name", "node", "weekdays", "from_hour", "to_hour", "holidays"}},
      {"calendar.closures.*.holidays.*", {"name", "from_day", "to_day", "first_date", "last_date"}},
      {"calendar.weather.*",
       {"name", "kind", "node", "segments", "speed_factor", "season", "windows_per_season", "duration_hours"}},
      {"calendar.weather.*.season", {"from_day", "to_day"}},
      // Each kind takes a subset (checked by the disruption reader); this is their union.
      {"disruptions.*",
       {"kind", "from_day", "to_day", "node", "segment", "section", "factor", "tracks", "cranes", "count",
        "speed_factor", "extra_days", "mode", "price_factor", "freight_usd_per_feu", "lane", "policy", "detour"}},
  }));
  return keys;
}


const std::vector<std::string>& keys_at(const std::string& pattern) { return scenario_keys().at(pattern); }

const std::map<std::string, std::vector<std::string>>& disruption_keys() {
  static const std::map<std::string, std::vector<std::string>> keys = {
      {"capacity", {"kind", "from_day", "to_day", "node", "factor", "tracks", "cranes"}},
      {"closure", {"kind", "from_day", "to_day", "node", "segment", "policy", "detour"}},
      {"locomotives", {"kind", "from_day", "to_day", "section", "count"}},
      {"slowdown", {"kind", "from_day", "to_day", "segment", "speed_factor"}},
      {"sea_delay", {"kind", "from_day", "to_day", "extra_days"}},
      {"price", {"kind", "from_day", "to_day", "mode", "price_factor", "freight_usd_per_feu", "lane"}},
  };
  return keys;
}

const std::map<std::string, std::vector<std::string>>& distribution_parameters() {
  static const std::map<std::string, std::vector<std::string>> params = {
      {"fixed", {"value"}},         {"uniform", {"min", "max"}},   {"triangular", {"min", "mode", "max"}},
      {"normal", {"mean", "sd"}},   {"lognormal", {"mean", "cv"}}, {"exponential", {"mean"}},
  };
  return params;
}

} // namespace rongou
