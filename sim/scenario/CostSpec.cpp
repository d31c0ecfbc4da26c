#include "scenario/CostSpec.hpp"

namespace rongou {

double co2_kg_per_feu(const CostSpec& costs, const std::string& mode, double distance_km) {
  return co2_kg_per_feu(costs, mode, distance_km, costs.tonnes_per_feu);
}

double co2_kg_per_feu(const CostSpec& costs, const std::string& mode, double distance_km, double tonnes_per_feu) {
  const auto& f = costs.co2;
  if (mode == "sea")
    return f.ship_kg_per_teu_km * 2.0 * distance_km; // an FEU is two TEU
  double g_per_tonne_km = f.rail_g_per_tonne_km;
  if (mode == "barge")
    g_per_tonne_km = f.barge_g_per_tonne_km;
  else if (mode == "road")
    g_per_tonne_km = f.road_g_per_tonne_km;
  return g_per_tonne_km * tonnes_per_feu * distance_km / 1000.0;
}

} // namespace rongou
