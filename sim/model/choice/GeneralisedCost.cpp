#include "model/choice/GeneralisedCost.hpp"

#include <algorithm>
#include <cmath>

namespace rongou {

GeneralisedCost generalised_cost(const CommodityClass& commodity, const AlternativeTerms& terms) {
  GeneralisedCost c;
  const double per_day = commodity.value_of_time_fraction_per_day() * commodity.cargo_value_usd;
  c.money_usd = terms.freight_usd + terms.fixed_usd + terms.co2_kg / 1000.0 * terms.co2_usd_per_tonne;
  c.subsidy_usd = terms.subsidy_usd;
  c.time_usd = per_day * terms.expected_days;
  c.reliability_usd =
      commodity.reliability_weight * per_day * std::max(0.0, terms.expected_p95_days - terms.expected_days);
  return c;
}

std::vector<double> logit_probabilities(const std::vector<double>& costs_usd, double scale_usd) {
  std::vector<double> p(costs_usd.size(), 0.0);
  if (costs_usd.empty())
    return p;
  const double least = *std::min_element(costs_usd.begin(), costs_usd.end());
  double sum = 0.0;
  for (std::size_t i = 0; i < costs_usd.size(); ++i) {
    p[i] = std::exp(-(costs_usd[i] - least) / scale_usd);
    sum += p[i];
  }
  for (double& x : p)
    x /= sum;
  return p;
}

std::size_t pick(const std::vector<double>& probabilities, double u) {
  double cumulative = 0.0;
  for (std::size_t i = 0; i < probabilities.size(); ++i) {
    cumulative += probabilities[i];
    if (u < cumulative)
      return i;
  }
  return probabilities.empty() ? 0 : probabilities.size() - 1; // rounding left u above the last sum
}

} // namespace rongou
