#pragma once
// Default well-to-wheel intensities of container ships, g CO2e per TEU-km, by trade lane and
// size class (ISO 14083 / GLEC style). Every cell, its source and its quality tag:
// docs/emissions.md#ship-intensities and docs/reference-data.md#emission-factors. A scenario
// overrides single cells under costs.emissions.ship.intensities.
#include <string>
#include <vector>

namespace rongou {

// Trade lanes of the table, by their key in scenarios.
const std::vector<std::string>& ship_trade_lanes();
// Size classes by nominal capacity in TEU, smallest ships first: "0-999", ..., "14500+".
const std::vector<std::string>& ship_size_classes();

struct ShipIntensity {
  double wtw_g_co2e_per_teu_km = 0.0;
  const char* quality = "assumed"; // default: a published figure; assumed: derived, see the docs
};

// The default cell of a lane and class; both must be among the keys above.
ShipIntensity default_ship_intensity(const std::string& trade_lane, const std::string& size_class);

} // namespace rongou
