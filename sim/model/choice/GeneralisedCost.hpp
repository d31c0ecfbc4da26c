#pragma once
// The shipper's rule, pure (no engine): the generalised cost of sending one FEU of a
// commodity class by one alternative, and the multinomial logit probabilities of choosing
// each alternative. Formula and units: docs/choice.md.
#include <cstddef>
#include <vector>

#include "scenario/ChoiceSpec.hpp"

namespace rongou {

// What an alternative costs and takes, as a shipper sees it on the day it chooses.
struct AlternativeTerms {
  double freight_usd = 0.0;   // the day's price (price windows applied)
  double subsidy_usd = 0.0;   // paid to the shipper; lowers its cost
  double fixed_usd = 0.0;     // handling at both ends, haulage, gauge change fees
  double co2_kg = 0.0;        // per FEU of the class's cargo
  double co2_usd_per_tonne = 0.0;
  double expected_days = 0.0; // mean door-to-door days expected
  double expected_p95_days = 0.0;
};

struct GeneralisedCost {
  double money_usd = 0.0;       // freight + fixed + CO2, before subsidy
  double subsidy_usd = 0.0;
  double time_usd = 0.0;        // value of time x expected days x cargo value
  double reliability_usd = 0.0; // reliability weight x value of time x (p95 - mean) x cargo value
  double total() const { return money_usd - subsidy_usd + time_usd + reliability_usd; }
};

GeneralisedCost generalised_cost(const CommodityClass& commodity, const AlternativeTerms& terms);

// P_i = exp(-C_i / scale) / sum_j exp(-C_j / scale), computed stably (shifted by the least cost).
std::vector<double> logit_probabilities(const std::vector<double>& costs_usd, double scale_usd);

// The alternative a uniform draw `u` in [0, 1) picks: the first whose cumulative probability exceeds u.
std::size_t pick(const std::vector<double>& probabilities, double u);

} // namespace rongou
