#pragma once
// Greenhouse-gas emissions of one lane's westbound flow (or the focus lane's eastbound flow),
// by rail and by the sea chain, per
// ISO 14083:2023 and the GLEC Framework v3: CO2e well-to-wheel (WTW) and tank-to-wheel (TTW),
// leg by leg (transport chain elements: vehicle legs and hub operations), per FEU. A pure
// function of the scenario and the journal. Method, factors and data quality:
// docs/emissions.md.
#include <string>
#include <vector>

#include "journal/Journal.hpp"
#include "scenario/EmissionEstimate.hpp"
#include "scenario/Scenario.hpp"

namespace rongou {

// One transport chain element, per FEU (mean over the measured delivered containers).
// kind: rail (a stretch of a train unit's run in one country under one traction), empty_running (the share of empty wagon trains, light
// locomotives and trains without loads), inland_rail, barge, sea, road (the sea chain's legs),
// terminal, port, gauge_change (hub operations; km 0).
struct EmissionLeg {
  std::string kind;
  std::string from;
  std::string to; // == from for a hub
  double km = 0.0;
  double tonne_km = 0.0; // cargo tonne-km: tonnes_per_feu x km
  double wtw_kg = 0.0;
  double ttw_kg = 0.0;
  std::string quality; // default | modelled | primary | assumed
};

struct ModeEmissions {
  double tonnes_per_feu = 0.0;
  std::vector<EmissionLeg> legs; // in chain order
  double wtw_kg_per_feu() const;
  double ttw_kg_per_feu() const;
  double tonne_km_per_feu() const;
  double km_per_feu() const;    // vehicle legs only
  double wtw_g_per_tonne_km() const; // whole chain, hubs included, over the cargo tonne-km
  double wtw_kg_per_tonne() const;
  double ttw_kg_per_tonne() const;
};

// Rail: each train unit's energy over its route's segments (electric on electrified segments
// in the share of their country's grid, diesel otherwise), shared equally over the loaded FEU
// aboard; plus the lane's share of the run's empty running, and terminals and gauge changes.
// `direction`: whose containers (eastbound: the focus lane's back-haul).
ModeEmissions rail_emissions(const Scenario& scenario, const Journal& journal, int lane,
                             Direction direction = Direction::Westbound);
// Sea chain: every leg of the lane's chain, a route's legs weighted by the share of the
// measured delivered boxes that took it; plus the hubs between legs. Eastbound: the focus
// lane's eastbound chain (journal.sea_legs_eastbound), which has no hub.
ModeEmissions sea_emissions(const Scenario& scenario, const Journal& journal, int lane,
                            Direction direction = Direction::Westbound);


} // namespace rongou
