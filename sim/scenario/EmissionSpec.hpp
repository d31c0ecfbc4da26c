#pragma once
// Emission factors of a scenario (`costs.emissions`), for ISO 14083 / GLEC well-to-wheel
// (WTW) and tank-to-wheel (TTW) CO2e per leg. Defaults, sources and data-quality tags:
// docs/emissions.md and docs/reference-data.md.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace rongou {

// An energy carrier burnt on board: CO2e per litre, tank-to-wheel (what the engine emits) and
// well-to-wheel (that plus producing and delivering the fuel), so WTW >= TTW.
struct FuelFactor {
  double ttw_kg_co2e_per_l = 0.0;
  double wtw_kg_co2e_per_l = 0.0;
};

// A country's electricity as trains draw it, and how much of its electrified line they run
// under electric traction (the rest diesel-hauled, e.g. a locomotive kept through a short
// electrified stretch). Grid electricity has no tank-to-wheel emissions.
struct GridFactor {
  double wtw_g_co2e_per_kwh = 0.0;
  double electric_share = 1.0; // [0, 1]
};

// Energy of a train per km: a part per train-km plus a part per gross tonne hauled
// (locomotive, wagons, boxes, cargo), at the pantograph for electric traction, in the tank for
// diesel. The train is formed with its service's max_feu slots whatever it carries, so a
// half-full train burns most of what a full one does and each FEU aboard carries nearly twice
// as much of it.
struct RailEnergySpec {
  double electric_kwh_per_train_km = 11.1;
  double electric_kwh_per_gross_tonne_km = 0.0055;
  double diesel_l_per_train_km = 2.70;
  double diesel_l_per_gross_tonne_km = 0.00134;
  double locomotive_tonnes = 138.0;
  double wagon_tare_tonnes_per_feu = 11.0; // tare of the wagons per FEU slot
  double box_tare_tonnes = 3.75;           // an empty FEU
  std::vector<std::string> diesel_under_wires; // services diesel-hauled on electrified line too
  // Rail legs without a platform route (the sea chain's inland rail, planning estimates):
  // electrified throughout, in this country.
  std::string unrouted_country = "CN";
};

// Kg CO2e per container handled at a hub (ISO 14083 hub operation), WTW and TTW.
struct HubFactor {
  double wtw_kg_co2e_per_feu = 0.0;
  double ttw_kg_co2e_per_feu = 0.0;
};

// Which cell of the ship table a kind of ship leg takes, unless the scenario gives its own
// intensity for it.
struct ShipLegSpec {
  std::string trade_lane;
  std::string size_class;
  std::optional<double> wtw_g_co2e_per_teu_km; // the scenario's own figure: wins over the table
};

struct EmissionSpec {
  RailEnergySpec rail;
  std::map<std::string, FuelFactor> fuels;   // by carrier name; `diesel` is always there
  std::map<std::string, GridFactor> grids;   // by ISO 3166 alpha-2 country
  GridFactor other_grid;                     // countries not listed
  // Container ships: the main ocean legs (origin port to the European port or to a hub) and
  // the feeder legs (hub to the European port); table by trade lane, then size class.
  ShipLegSpec ocean_ship{"asia_north_europe", "8000-14499", std::nullopt};
  ShipLegSpec feeder_ship{"intra_europe", "1000-1999", std::nullopt};
  std::map<std::string, std::map<std::string, double>> ship_intensities; // g CO2e per TEU-km, WTW
  double ship_ttw_share = 0.84;              // TTW / WTW of marine fuel
  double barge_wtw_g_co2e_per_tonne_km = 30.0;
  std::string barge_carrier = "diesel";      // for the barge's TTW / WTW ratio
  double road_l_per_km = 0.32;               // a truck with one FEU
  std::string road_carrier = "diesel";
  HubFactor terminal{5.1, 3.0};     // inland rail terminal (origin, destination)
  HubFactor port{10.2, 6.1};        // seaport container terminal (and a sea hub)
  HubFactor gauge_change{10.2, 6.1}; // break-of-gauge transshipment yard

  // Keys under costs.emissions the scenario set itself, as the reader names them ("ship.ttw_share",
  // "grids.PL", "hubs.port", "rail", "fuels.diesel", "ship.intensities.intra_asia.0-999"...): the
  // legs computed from them are tagged `primary` instead of their default's quality.
  std::set<std::string> provided;

  EmissionSpec();
  const FuelFactor& fuel(const std::string& carrier) const;
  const GridFactor& grid(const std::string& country) const;
  bool is_provided(const std::string& key) const { return provided.count(key) > 0; }

  // WTW g CO2e per TEU-km of a main ocean leg, or of a feeder leg: the scenario's own figure
  // for it, else its table cell. The feeder falls back to the ocean ship's own figure when the
  // scenario gives one for the ocean ship and none for the feeder.
  double ship_wtw_g_co2e_per_teu_km(bool feeder) const;
  // The data-quality tag of the same: primary for a figure or a cell the scenario set (or a TTW
  // share it set), else the default cell's tag.
  std::string ship_quality(bool feeder) const;
};

} // namespace rongou
