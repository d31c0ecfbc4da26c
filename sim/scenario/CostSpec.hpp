#pragma once
// Prices and factors of a scenario (`costs:`), all per FEU unless the key says otherwise.
// The cost model is described in docs/costs.md.
#include <optional>
#include <string>
#include <vector>

#include "scenario/EmissionSpec.hpp"

namespace rongou {

struct RailTariff {
  std::string first_node;
  std::string second_node;
  double usd_per_feu = 0.0;
};

struct RailCostSpec {
  // Either one through rate Chengdu -> Lodz or tariffs per section (summed); both are before
  // subsidy.
  std::optional<double> through_rate_usd_per_feu;
  std::vector<RailTariff> section_tariffs;
  double subsidy_usd_per_feu = 0.0;              // paid to the shipper by the origin province
  double gauge_change_usd_per_feu_per_yard = 0.0; // transshipment fee at each break of gauge
  double handling_usd_per_feu_origin = 0.0;      // terminal handling at Chengdu
  double handling_usd_per_feu_destination = 0.0; // terminal handling at Lodz
  double empty_repositioning_usd_per_feu = 0.0;  // moving one empty FEU back to where loads start
  // The back-haul (eastbound, Lodz -> Chengdu) through rate and subsidy; unset: the westbound
  // ones (PriceChanges.hpp picks a direction's).
  std::optional<double> eastbound_through_rate_usd_per_feu;
  std::optional<double> eastbound_subsidy_usd_per_feu;

  double freight_usd_per_feu() const {
    if (through_rate_usd_per_feu)
      return *through_rate_usd_per_feu;
    double sum = 0.0;
    for (const auto& t : section_tariffs)
      sum += t.usd_per_feu;
    return sum;
  }
};

struct SeaCostSpec {
  double freight_usd_per_feu = 0.0;                  // ocean freight Shanghai -> European port
  double inland_haulage_usd_per_feu = 0.0;           // Chengdu -> Shanghai (rail or rail + barge)
  double last_leg_usd_per_feu = 0.0;                 // European port -> Lodz
  double handling_usd_per_feu_origin_port = 0.0;     // terminal handling at Shanghai
  double handling_usd_per_feu_destination_port = 0.0; // terminal handling at the European port
  std::optional<double> eastbound_freight_usd_per_feu; // ocean back-haul; unset: the westbound one
};

struct CostSpec {
  RailCostSpec rail;
  SeaCostSpec sea;
  // Inventory cost of cargo in transit: exactly one of the two is set.
  std::optional<double> value_of_time_pct_per_day;  // % of cargo value per day (Hummels & Schaur)
  std::optional<double> capital_rate_pct_per_year;  // % a year, spread over 365 days
  double tonnes_per_feu = 12.0;  // cargo mass per loaded FEU: train mass, tonne-km
  EmissionSpec emissions;
  double co2_usd_per_tonne = 0.0; // carbon price; 0 = none

  // Fraction of the cargo value lost per day in transit.
  double inventory_fraction_per_day() const {
    if (value_of_time_pct_per_day)
      return *value_of_time_pct_per_day / 100.0;
    if (capital_rate_pct_per_year)
      return *capital_rate_pct_per_year / 100.0 / 365.0;
    return 0.0;
  }
};

} // namespace rongou
