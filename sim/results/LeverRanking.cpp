#include "results/LeverRanking.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace rongou {

double capital_recovery_factor(double discount_rate, double horizon_years) {
  if (!(horizon_years > 0.0) || !(discount_rate >= 0.0))
    throw std::invalid_argument("capital_recovery_factor: need horizon > 0 and rate >= 0");
  if (discount_rate == 0.0)
    return 1.0 / horizon_years;
  const double growth = std::pow(1.0 + discount_rate, horizon_years);
  return discount_rate * growth / (growth - 1.0);
}

double annualised_cost_usd_per_year(const LeverCost& cost, double discount_rate, double horizon_years) {
  return cost.one_off_usd * capital_recovery_factor(discount_rate, horizon_years) + cost.usd_per_year;
}

std::vector<RankedLever> rank_levers(const std::vector<double>& base, const std::vector<LeverSample>& levers,
                                     bool per_dollar, Better better) {
  std::vector<RankedLever> ranked;
  for (const auto& lever : levers) {
    if (lever.values.size() != base.size())
      throw std::invalid_argument("rank_levers: " + lever.label + " has another number of replications than the base");
    RankedLever r;
    r.label = lever.label;
    r.effect = paired_difference(lever.values, base);
    r.lever_mean = mean_ci95(lever.values).mean;
    r.cost_usd_per_year = lever.cost_usd_per_year;
    if (lever.cost_usd_per_year) {
      if (per_dollar && !(*lever.cost_usd_per_year > 0.0))
        throw std::invalid_argument("rank_levers: " + lever.label + " costs nothing a year: no effect per dollar");
      if (*lever.cost_usd_per_year > 0.0) {
        const double musd = *lever.cost_usd_per_year / 1e6;
        r.effect_per_musd_year = r.effect.difference / musd;
        r.effect_per_musd_year_ci95 = r.effect.half_width / musd;
      }
    } else if (per_dollar) {
      throw std::invalid_argument("rank_levers: " + lever.label + " has no cost: no effect per dollar");
    }
    ranked.push_back(std::move(r));
  }
  const auto key = [per_dollar, better](const RankedLever& r) {
    const double v = per_dollar ? *r.effect_per_musd_year : r.effect.difference;
    if (std::isnan(v))
      return -std::numeric_limits<double>::infinity();
    return better == Better::Lower ? -v : v; // the improvement
  };
  std::stable_sort(ranked.begin(), ranked.end(),
                   [&](const RankedLever& a, const RankedLever& b) { return key(a) > key(b); });
  for (std::size_t i = 0; i < ranked.size(); ++i)
    ranked[i].rank = i + 1;
  return ranked;
}

const RankedLever& lever_in(const MetricRanking& metric, const std::string& label) {
  const auto it = std::find_if(metric.levers.begin(), metric.levers.end(),
                               [&](const RankedLever& r) { return r.label == label; });
  if (it == metric.levers.end())
    throw std::invalid_argument("lever_in: no lever " + label);
  return *it;
}

} // namespace rongou
