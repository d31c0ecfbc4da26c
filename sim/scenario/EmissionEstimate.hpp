#pragma once
// CO2e of one FEU over a distance by a kind of vehicle, from the scenario's emission factors
// alone (no run): the train's energy model of docs/emissions.md applied to a full reference
// train, ships and barges by their intensity, a truck by its fuel. The run's own emissions
// (results/Emissions) build on these per leg; the shippers' choice prices CO2 with them
// before any train has run.
#include <string>

#include "scenario/CostSpec.hpp"

namespace rongou {

struct Co2e {
  double wtw_kg = 0.0;
  double ttw_kg = 0.0;
  Co2e& operator+=(const Co2e& o) {
    wtw_kg += o.wtw_kg;
    ttw_kg += o.ttw_kg;
    return *this;
  }
};


inline Co2e scaled(const Co2e& c, double f) { return {c.wtw_kg * f, c.ttw_kg * f}; }

// CO2e of one km of a train of `gross_tonnes`, with `electric_share` of it under electric
// traction on a grid of `grid_g_per_kwh` and the rest by diesel. `per_train_km` 0 leaves out
// the part of the energy that does not grow with mass (a locomotive running light).
Co2e train_km(const EmissionSpec& e, double gross_tonnes, double electric_share, double grid_g_per_kwh,
              double per_train_km = 1.0);

constexpr int kReferenceTrainFeu = 41; // a service's default max_feu

// One FEU over `km` by container ship: a main ocean leg, or a feeder leg (hub to the European
// port), each at its own intensity (EmissionSpec::ship_wtw_g_co2e_per_teu_km).
Co2e ship_leg(const CostSpec& costs, double km, bool feeder);

// One FEU of `tonnes_per_feu` cargo over `km` by `mode` (rail, inland_rail, barge, road, sea; a
// ship as on a main ocean leg):
// rail as a full train of kReferenceTrainFeu FEU on electrified line in
// costs.emissions.rail.unrouted_country.
Co2e vehicle_leg(const CostSpec& costs, const std::string& mode, double km, double tonnes_per_feu);

// WTW kg CO2e of the same; cargo costs.tonnes_per_feu unless given.
double co2_kg_per_feu(const CostSpec& costs, const std::string& mode, double distance_km);
double co2_kg_per_feu(const CostSpec& costs, const std::string& mode, double distance_km, double tonnes_per_feu);

} // namespace rongou
