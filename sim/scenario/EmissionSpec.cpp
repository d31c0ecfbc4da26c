#include "scenario/EmissionSpec.hpp"
#include "scenario/ShipIntensity.hpp"

#include <stdexcept>

namespace rongou {

EmissionSpec::EmissionSpec() {
  // EN 16258 diesel with 5 % biofuel: 3.04 (TTW) and 3.80 (WTW) kg CO2e per kg, 0.832 kg per litre.
  fuels["diesel"] = {2.53, 3.16};
  // Electricity generation, life cycle, 2023 (Ember); KZ, RU, BY assumed (docs/reference-data.md).
  grids["CN"] = {582.0, 1.0};
  grids["PL"] = {662.0, 1.0};
  grids["DE"] = {381.0, 1.0};
  grids["KZ"] = {640.0, 1.0};
  grids["RU"] = {440.0, 1.0};
  grids["BY"] = {430.0, 1.0};
  other_grid = {481.0, 1.0}; // world average 2023 (Ember)
  for (const auto& lane : ship_trade_lanes())
    for (const auto& size : ship_size_classes())
      ship_intensities[lane][size] = default_ship_intensity(lane, size).wtw_g_co2e_per_teu_km;
}

namespace {

// The scenario's own figure in force for a leg: the feeder's, else (for a feeder) the ocean ship's.
const std::optional<double>& own_figure(const EmissionSpec& e, bool feeder) {
  if (feeder && !e.feeder_ship.wtw_g_co2e_per_teu_km)
    return e.ocean_ship.wtw_g_co2e_per_teu_km;
  return feeder ? e.feeder_ship.wtw_g_co2e_per_teu_km : e.ocean_ship.wtw_g_co2e_per_teu_km;
}

} // namespace

double EmissionSpec::ship_wtw_g_co2e_per_teu_km(bool feeder) const {
  if (const auto& own = own_figure(*this, feeder))
    return *own;
  const ShipLegSpec& leg = feeder ? feeder_ship : ocean_ship;
  return ship_intensities.at(leg.trade_lane).at(leg.size_class);
}

std::string EmissionSpec::ship_quality(bool feeder) const {
  const ShipLegSpec& leg = feeder ? feeder_ship : ocean_ship;
  if (own_figure(*this, feeder) || is_provided("ship.ttw_share") ||
      is_provided("ship.intensities." + leg.trade_lane + "." + leg.size_class))
    return "primary";
  return default_ship_intensity(leg.trade_lane, leg.size_class).quality;
}

const FuelFactor& EmissionSpec::fuel(const std::string& carrier) const {
  const auto it = fuels.find(carrier);
  if (it == fuels.end())
    throw std::logic_error("unknown energy carrier '" + carrier + "'"); // the reader refuses it first
  return it->second;
}

const GridFactor& EmissionSpec::grid(const std::string& country) const {
  const auto it = grids.find(country);
  return it == grids.end() ? other_grid : it->second;
}

} // namespace rongou
