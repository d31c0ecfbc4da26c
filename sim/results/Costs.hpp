#pragma once
// The cost model: logistics cost per FEU of one lane's westbound flow (Chengdu -> Lodz for
// the Rong-Ou focus lane), and of the focus lane's eastbound flow, by rail and by sea, as a pure function of the scenario and the
// journal (no SimGrid). Each lane is costed with its own prices (Scenario::costs_of), its own
// containers, sea records, sea legs and routes, and its own cargo value. Formulas and units:
// docs/costs.md. All money in USD per FEU; CO2e in kg per FEU (results/Emissions).
#include <map>
#include <optional>
#include <string>

#include "journal/Journal.hpp"
#include "results/Emissions.hpp"
#include "results/RailMetrics.hpp"
#include "scenario/Scenario.hpp"

namespace rongou {

struct ModeCost {
  double freight = 0.0;      // rail through rate or section tariffs; sea ocean freight
  double haulage = 0.0;      // sea: inland leg to Shanghai and last leg to Lodz; rail: 0
  double subsidy = 0.0;      // negative: it lowers the shipper's cost
  double handling = 0.0;     // terminal handling at both ends
  double gauge_change = 0.0; // fee per break-of-gauge yard
  double empty_repositioning = 0.0; // rail: empties sent back (both directions), per loaded westbound FEU
  double box_leasing = 0.0;  // rail, with `boxes:`: lease pick-ups and off-hire drop-offs, per loaded westbound FEU
  double inventory = 0.0;    // cargo value x value of time x mean transit days
  double co2 = 0.0;          // co2_kg / 1000 x carbon price
  double co2_kg = 0.0;       // well-to-wheel CO2e: emissions.wtw_kg_per_feu()
  double distance_km = 0.0;        // mean per delivered container
  double mean_transit_days = 0.0;  // mean door to door of delivered containers
  int containers = 0;              // delivered containers averaged over
  ModeEmissions emissions;         // CO2e leg by leg (docs/emissions.md)
  double total() const {
    return freight + haulage + subsidy + handling + gauge_change + empty_repositioning + box_leasing + inventory + co2;
  }
  double total_without_inventory() const { return total() - inventory; }
};

// Lane `lane`'s costs at an explicit cargo value (USD per FEU); inventory cost is linear in
// it. The rail side charges the lane's empties sent a week (`empty_feu_per_week`, from the
// rail metrics), which it does not recompute.
ModeCost rail_cost(const Scenario& scenario, const Journal& journal, int lane,
                   const std::map<Direction, double>& empty_feu_per_week, double cargo_value_usd);
ModeCost sea_cost(const Scenario& scenario, const Journal& journal, int lane, double cargo_value_usd);
// The focus lane's, with the run's rail metrics.
ModeCost rail_cost(const Scenario& scenario, const Journal& journal, const RailMetrics& rail, double cargo_value_usd);
ModeCost sea_cost(const Scenario& scenario, const Journal& journal, double cargo_value_usd);

// The cargo value per FEU at which both totals are equal, solved exactly from the linear
// inventory term. Empty when no positive value exists: then one mode is cheaper at every value.
std::optional<double> breakeven_cargo_value(const CostSpec& costs, const ModeCost& rail, const ModeCost& sea);

struct CostComparison {
  double cargo_value_usd = 0.0; // the lane's westbound cargo value per FEU
  ModeCost rail;
  std::optional<ModeCost> sea;
  std::optional<double> breakeven_cargo_value_usd;
  // Above the breakeven the faster mode wins; which one wins at the scenario's cargo value.
  std::string cheaper_mode() const;
};

// Needs the lane's costs; the sea side only when the journal has sea records of the lane.
CostComparison compare_costs(const Scenario& scenario, const Journal& journal, int lane,
                             const std::map<Direction, double>& empty_feu_per_week);
// The focus lane's; `rail` is the run's rail metrics, computed by the caller.
CostComparison compare_costs(const Scenario& scenario, const Journal& journal, const RailMetrics& rail);

// The focus lane's eastbound (back-haul) flow, with `costs:` and `sea.eastbound` (else none):
// the same breakdown over its eastbound containers by rail and by the eastbound sea chain, at
// the eastbound prices (PriceChanges.hpp) and the eastbound cargo value. Both modes terminal
// to terminal (the eastbound sea chain has no door stages). The empties and leases are the
// westbound flow's charge (0 here), as the who-pays rule of docs/costs.md says.
std::optional<CostComparison> compare_costs_eastbound(const Scenario& scenario, const Journal& journal);

} // namespace rongou
