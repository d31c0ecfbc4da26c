#include <gtest/gtest.h>
#include <random>

#include "results/WarmupCheck.hpp"

using namespace rongou;

namespace {

// Independent normal noise around `level`, reproducible from `seed`.
std::vector<double> noise(std::size_t n, double level, unsigned seed) {
  std::mt19937_64 engine(seed);
  std::normal_distribution<double> normal(level, 1.0);
  std::vector<double> out(n);
  for (auto& x : out)
    x = normal(engine);
  return out;
}

} // namespace

// A start-up step of 15 observations ten standard deviations high: MSER-5 must cut exactly
// those three batches, whatever the noise.
TEST(Mser5, FindsAKnownStepTransient) {
  for (unsigned seed = 1; seed <= 20; ++seed) {
    auto series = noise(100, 20.0, seed);
    for (std::size_t i = 0; i < 15; ++i)
      series[i] += 10.0;
    EXPECT_EQ(mser5_truncation(series), std::optional<std::size_t>(15)) << "seed " << seed;
  }
}

// A decaying transient 12 e^{-t/4}: below a quarter of the noise after about 16
// observations. The cut lands where the bias has faded into the noise, never at zero.
TEST(Mser5, CutsADecayingTransientWhereItFades) {
  for (unsigned seed = 1; seed <= 20; ++seed) {
    auto series = noise(120, 20.0, seed);
    for (std::size_t i = 0; i < series.size(); ++i)
      series[i] += 12.0 * std::exp(-static_cast<double>(i) / 4.0);
    const auto cut = mser5_truncation(series);
    ASSERT_TRUE(cut.has_value());
    EXPECT_GE(*cut, 5u) << "seed " << seed;
    EXPECT_LE(*cut, 25u) << "seed " << seed;
    EXPECT_EQ(*cut % kMserBatchSize, 0u);
  }
}

// Without a transient there is nothing to cut: zero in most series, never more than one
// batch (the statistic may prefer dropping one noisy batch by chance).
TEST(Mser5, ReturnsAboutZeroOnAStationarySeries) {
  std::size_t zero = 0;
  for (unsigned seed = 1; seed <= 40; ++seed) {
    const auto cut = mser5_truncation(noise(100, 20.0, seed));
    ASSERT_TRUE(cut.has_value());
    EXPECT_LE(*cut, 5u) << "seed " << seed;
    zero += *cut == 0 ? 1 : 0;
  }
  EXPECT_GE(zero, 30u);
}

TEST(Mser5, TooShortASeriesIsNotJudged) {
  EXPECT_FALSE(mser5_truncation(noise(19, 20.0, 1)).has_value());
  EXPECT_TRUE(mser5_truncation(noise(20, 20.0, 1)).has_value());
}

// The check on a run: westbound rail containers of the focus lane, by week of gate-in; a run
// whose first six weeks are slow needs more than 28 days of warm-up.
TEST(WarmupCheck, JudgesTheWeeklyRailTransitFromTheStartOfTheRun) {
  Scenario scenario;
  scenario.horizon_days = 364.0;
  scenario.warmup_days = 28.0;
  Journal journal;
  int id = 0;
  for (int week = 0; week < 52; ++week)
    for (int k = 0; k < 10; ++k) {
      ContainerRecord c;
      c.id = id++;
      c.created_h = (week * 7.0 + k * 0.5) * 24.0;
      const double days = (week < 10 ? 30.0 : 18.0) + 0.1 * ((k * 7 + week) % 5);
      c.arrived_h = c.created_h + days * 24.0;
      journal.containers.push_back(c);
      ContainerRecord east = c; // the other direction is not judged
      east.direction = Direction::Eastbound;
      east.arrived_h = c.created_h + 60.0 * 24.0;
      journal.containers.push_back(east);
    }
  const WarmupCheck check = check_warmup(scenario, journal);
  ASSERT_EQ(check.weekly_mean_days.size(), 52u);
  ASSERT_TRUE(check.mser5_days.has_value());
  EXPECT_DOUBLE_EQ(*check.mser5_days, 70.0); // two batches of five weeks
  EXPECT_FALSE(check.sufficient);
  scenario.warmup_days = 70.0;
  EXPECT_TRUE(check_warmup(scenario, journal).sufficient);
}
