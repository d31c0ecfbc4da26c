#include "scenario/EmissionEstimate.hpp"

namespace rongou {

Co2e train_km(const EmissionSpec& e, double gross_tonnes, double electric_share, double grid_g_per_kwh,
              double per_train_km) {
  const auto& r = e.rail;
  const auto& diesel = e.fuel("diesel");
  const double kwh = per_train_km * r.electric_kwh_per_train_km + r.electric_kwh_per_gross_tonne_km * gross_tonnes;
  const double diesel_l =
      (1.0 - electric_share) * (per_train_km * r.diesel_l_per_train_km + r.diesel_l_per_gross_tonne_km * gross_tonnes);
  return {electric_share * kwh * grid_g_per_kwh / 1000.0 + diesel_l * diesel.wtw_kg_co2e_per_l,
          diesel_l * diesel.ttw_kg_co2e_per_l};
}

namespace {

// A full reference train's CO2e per FEU-km on electrified line in the unrouted country.
Co2e full_train_per_feu_km(const CostSpec& c, double tonnes_per_feu) {
  const auto& r = c.emissions.rail;
  const double gross =
      r.locomotive_tonnes + kReferenceTrainFeu * (r.wagon_tare_tonnes_per_feu + r.box_tare_tonnes + tonnes_per_feu);
  const auto& grid = c.emissions.grid(r.unrouted_country);
  return scaled(train_km(c.emissions, gross, grid.electric_share, grid.wtw_g_co2e_per_kwh), 1.0 / kReferenceTrainFeu);
}

} // namespace

Co2e ship_leg(const CostSpec& c, double km, bool feeder) {
  const auto& e = c.emissions;
  const double wtw = e.ship_wtw_g_co2e_per_teu_km(feeder) * 2.0 * km / 1000.0; // an FEU is two TEU
  return {wtw, wtw * e.ship_ttw_share};
}

Co2e vehicle_leg(const CostSpec& c, const std::string& mode, double km, double tonnes_per_feu) {
  const auto& e = c.emissions;
  if (mode == "sea")
    return ship_leg(c, km, false);
  if (mode == "barge") {
    const auto& fuel = e.fuel(e.barge_carrier);
    const double wtw = e.barge_wtw_g_co2e_per_tonne_km * tonnes_per_feu * km / 1000.0;
    return {wtw, fuel.wtw_kg_co2e_per_l > 0.0 ? wtw * fuel.ttw_kg_co2e_per_l / fuel.wtw_kg_co2e_per_l : 0.0};
  }
  if (mode == "road") {
    const auto& fuel = e.fuel(e.road_carrier);
    return {e.road_l_per_km * km * fuel.wtw_kg_co2e_per_l, e.road_l_per_km * km * fuel.ttw_kg_co2e_per_l};
  }
  return scaled(full_train_per_feu_km(c, tonnes_per_feu), km); // rail, inland_rail
}

double co2_kg_per_feu(const CostSpec& costs, const std::string& mode, double distance_km) {
  return co2_kg_per_feu(costs, mode, distance_km, costs.tonnes_per_feu);
}

double co2_kg_per_feu(const CostSpec& costs, const std::string& mode, double distance_km, double tonnes_per_feu) {
  return vehicle_leg(costs, mode, distance_km, tonnes_per_feu).wtw_kg;
}

} // namespace rongou
