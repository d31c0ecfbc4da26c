#pragma once
// The ranking of levers (changes to a scenario, each tried alone or in pairs) by their effect
// on one statistic against the unchanged scenario, under common random numbers: replication
// i of every lever ran on the same seed as replication i of the base, so the effect is the
// paired difference (lever_i - base_i) and its Student t interval. Optionally per dollar:
// the effect per million USD a year of the lever's annualised cost. Pure, no SimGrid.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "results/Confidence.hpp"

namespace rongou {

// What a lever costs: once (e.g. locomotives, tracks) and every year (crews, maintenance).
struct LeverCost {
  double one_off_usd = 0.0;
  double usd_per_year = 0.0;
};

// The capital recovery factor: the constant yearly payment that repays 1 USD over
// `horizon_years` at `discount_rate` (a fraction, 0.04 for 4 %); 1 / horizon at rate 0.
double capital_recovery_factor(double discount_rate, double horizon_years);
// one_off · CRF + usd_per_year.
double annualised_cost_usd_per_year(const LeverCost& cost, double discount_rate, double horizon_years);

struct LeverSample {
  std::string label;                // e.g. "rail.locomotives.3.count=5"
  std::vector<double> values;       // the statistic per replication, index order
  std::optional<double> cost_usd_per_year; // annualised; absent when no cost was given
};

struct RankedLever {
  std::string label;
  std::size_t rank = 0;   // 1 = the largest effect (per dollar when ranked so)
  DifferenceCi effect;    // lever - base: paired mean difference and its 95 % half-width
  double lever_mean = 0.0;
  std::optional<double> cost_usd_per_year;
  // effect / (cost in million USD a year), and its half-width (the cost is a constant).
  std::optional<double> effect_per_musd_year;
  std::optional<double> effect_per_musd_year_ci95;
};

// Which way the statistic improves: transit days and costs fall, a rail share rises.
enum class Better { Lower, Higher };

// Ranks by the mean effect, the largest improvement first (the most negative effect when
// lower is better), so a lever that makes things worse ranks below one that does nothing;
// by the effect per million USD a year when `per_dollar` (every lever must then carry a cost
// above zero: std::invalid_argument otherwise). Ties keep the order given; a lever whose
// effect could not be measured ranks last. Every `values` must have the length of `base`
// (the replications done by all).
std::vector<RankedLever> rank_levers(const std::vector<double>& base, const std::vector<LeverSample>& levers,
                                     bool per_dollar, Better better = Better::Lower);

// A whole `rongou rank`: every metric's ranking; the first metric orders the levers.
struct MetricRanking {
  std::string metric;  // dotted summary.json path
  MeanCi base;         // the unchanged scenario's mean and 95 % half-width
  std::vector<RankedLever> levers; // ranked by this metric
};

struct LeverDescription {
  std::string label;
  std::vector<std::string> assignments;  // the --set assignments it applies
  std::optional<LeverCost> cost;         // summed over its assignments' costs
  std::optional<double> cost_usd_per_year;
};

struct RankResults {
  std::string scenario;
  std::uint64_t seed = 0;
  std::size_t replications = 0;   // paired replications (done by the base and every lever)
  bool per_dollar = false;
  Better better = Better::Lower; // of the first metric, which ranks
  double discount_rate_pct = 0.0;
  double horizon_years = 0.0;
  std::vector<LeverDescription> levers; // in the order given
  std::vector<MetricRanking> metrics;   // the first ranks
};

// The ranked lever of `metric` with this label (every metric ranks every lever).
const RankedLever& lever_in(const MetricRanking& metric, const std::string& label);

} // namespace rongou
