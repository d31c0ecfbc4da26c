#include <cmath>
#include <gtest/gtest.h>

#include "base/RandomStream.hpp"
#include "results/LeverRanking.hpp"

using namespace rongou;

namespace {

// A synthetic response under common random numbers: replication i shares a large noise
// term across all levers (the seed's demand, weather...), each lever adds its true effect
// and a small noise of its own.
struct Synthetic {
  std::vector<double> base;
  std::vector<LeverSample> levers;
};

Synthetic synthetic(const std::vector<double>& effects, std::size_t replications, std::uint64_t seed) {
  RandomStream shared = RandomStream::derive(seed, "shared");
  RandomStream own = RandomStream::derive(seed, "own");
  Synthetic s;
  std::vector<double> common(replications);
  for (auto& c : common)
    c = 20.0 + 5.0 * shared.standard_normal();
  for (double c : common)
    s.base.push_back(c + 0.3 * own.standard_normal());
  for (std::size_t l = 0; l < effects.size(); ++l) {
    LeverSample lever;
    lever.label = "lever-" + std::to_string(l);
    for (double c : common)
      lever.values.push_back(c + effects[l] + 0.3 * own.standard_normal());
    s.levers.push_back(std::move(lever));
  }
  return s;
}

} // namespace

TEST(LeverRanking, OrdersByTheKnownImprovement) {
  const Synthetic s = synthetic({-0.5, 3.0, 0.0, -2.0, 1.0}, 20, 7);
  const auto lower = rank_levers(s.base, s.levers, false, Better::Lower);
  ASSERT_EQ(lower.size(), 5u);
  const std::vector<std::string> lower_order = {"lever-3", "lever-0", "lever-2", "lever-4", "lever-1"};
  for (std::size_t i = 0; i < lower.size(); ++i) {
    EXPECT_EQ(lower[i].label, lower_order[i]);
    EXPECT_EQ(lower[i].rank, i + 1);
  }
  const auto higher = rank_levers(s.base, s.levers, false, Better::Higher);
  const std::vector<std::string> higher_order = {"lever-1", "lever-4", "lever-2", "lever-0", "lever-3"};
  for (std::size_t i = 0; i < higher.size(); ++i)
    EXPECT_EQ(higher[i].label, higher_order[i]);
  EXPECT_TRUE(lower[0].effect.significant);
  EXPECT_LT(lower[0].effect.difference, 0.0); // the sign is kept
  // Pairing removes the shared noise (sd 5): the intervals are of the own noise (sd 0.3·√2).
  EXPECT_LT(lower[0].effect.half_width, 0.5);
}

TEST(LeverRanking, PairedIntervalsCoverTheTrueEffectNinetyFivePercentOfTheTime) {
  const std::vector<double> effects = {1.0, -0.2};
  const int trials = 2000;
  int covered = 0;
  for (int t = 0; t < trials; ++t) {
    const Synthetic s = synthetic(effects, 8, 1000 + t);
    for (const auto& r : rank_levers(s.base, s.levers, false)) {
      const double truth = r.label == "lever-0" ? 1.0 : -0.2;
      covered += std::fabs(r.effect.difference - truth) <= r.effect.half_width ? 1 : 0;
    }
  }
  const double coverage = covered / (2.0 * trials);
  // Binomial standard error at 4000 intervals: 0.0034; four of them either side.
  EXPECT_NEAR(coverage, 0.95, 0.014);
}

TEST(LeverRanking, PerDollarRanksByEffectPerMillionUsdAYear) {
  Synthetic s = synthetic({-3.0, -1.0}, 10, 3);
  s.levers[0].cost_usd_per_year = 6e6; // -0.5 a million
  s.levers[1].cost_usd_per_year = 1e6; // -1 a million
  const auto by_effect = rank_levers(s.base, s.levers, false);
  EXPECT_EQ(by_effect[0].label, "lever-0");
  const auto by_dollar = rank_levers(s.base, s.levers, true);
  EXPECT_EQ(by_dollar[0].label, "lever-1");
  EXPECT_NEAR(*by_dollar[1].effect_per_musd_year, by_dollar[1].effect.difference / 6.0, 1e-12);
  EXPECT_NEAR(*by_dollar[1].effect_per_musd_year_ci95, by_dollar[1].effect.half_width / 6.0, 1e-12);
  s.levers[1].cost_usd_per_year.reset();
  EXPECT_THROW(rank_levers(s.base, s.levers, true), std::invalid_argument);
}

TEST(LeverRanking, RefusesSamplesOfAnotherLength) {
  Synthetic s = synthetic({1.0}, 5, 1);
  s.levers[0].values.pop_back();
  EXPECT_THROW(rank_levers(s.base, s.levers, false), std::invalid_argument);
}

TEST(LeverCost, CapitalRecoveryFactorFromDefinition) {
  EXPECT_DOUBLE_EQ(capital_recovery_factor(0.0, 20), 0.05);
  // 4 % over 30 years: 0.04 · 1.04^30 / (1.04^30 - 1) = 0.05783 (any annuity table).
  EXPECT_NEAR(capital_recovery_factor(0.04, 30), 0.0578301, 1e-6);
  EXPECT_NEAR(annualised_cost_usd_per_year({10e6, 1e6}, 0.04, 30), 10e6 * 0.0578301 + 1e6, 10.0);
  EXPECT_THROW(capital_recovery_factor(0.04, 0), std::invalid_argument);
}
