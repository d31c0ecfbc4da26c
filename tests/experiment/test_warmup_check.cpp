#include <algorithm>
#include <cmath>
#include <gtest/gtest.h>
#include <optional>
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

// Cuts over many independent series: MSER-5 is a statistic of noisy data, so what it
// promises is a distribution: never short of a clear transient, mostly exactly at its end.
std::vector<std::size_t> cuts(std::size_t n, unsigned first_seed, double (*transient)(std::size_t)) {
  std::vector<std::size_t> out;
  for (unsigned seed = first_seed; seed < first_seed + 200; ++seed) {
    auto series = noise(n, 20.0, seed);
    for (std::size_t i = 0; i < n; ++i)
      series[i] += transient(i);
    // Not judged (the minimum at the limit of the search) counts as a cut of the whole
    // searchable half: for a transient that is never short of it.
    out.push_back(mser5_truncation(series).value_or(n / 2));
  }
  return out;
}

std::size_t count(const std::vector<std::size_t>& v, std::size_t value) {
  return static_cast<std::size_t>(std::count(v.begin(), v.end(), value));
}

// A start-up step of 15 observations ten standard deviations high: MSER-5 never keeps any of
// it, and in most series cuts exactly those three batches.
TEST(Mser5, FindsAKnownStepTransient) {
  const auto c = cuts(100, 1, [](std::size_t i) { return i < 15 ? 10.0 : 0.0; });
  for (std::size_t cut : c) {
    EXPECT_GE(cut, 15u);
    EXPECT_EQ(cut % kMserBatchSize, 0u);
  }
  EXPECT_GT(count(c, 15), c.size() / 2);
}

// A decaying transient 12 e^{-i/4}, below a quarter of the noise from about i = 16: the cut
// is never zero and is mostly where the bias fades (10 to 20 observations).
TEST(Mser5, CutsADecayingTransientWhereItFades) {
  const auto c = cuts(120, 1000, [](std::size_t i) { return 12.0 * std::exp(-static_cast<double>(i) / 4.0); });
  for (std::size_t cut : c)
    EXPECT_GE(cut, 10u);
  EXPECT_GT(count(c, 10) + count(c, 15) + count(c, 20), c.size() / 2);
}

// Without a transient there is nothing to cut: zero in most series (noise alone sometimes
// makes a later start look steadier, the known over-truncation of MSER).
TEST(Mser5, ReturnsAboutZeroOnAStationarySeries) {
  const auto c = cuts(100, 5000, [](std::size_t) { return 0.0; });
  EXPECT_GT(count(c, 0), c.size() / 2);
  std::vector<std::size_t> sorted = c;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(sorted[sorted.size() / 2], 0u); // the median cut
}

TEST(Mser5, TooShortASeriesIsNotJudged) {
  EXPECT_FALSE(mser5_truncation(noise(19, 20.0, 1)).has_value());
  auto flat = noise(20, 20.0, 1);
  std::fill(flat.begin(), flat.end(), 20.0);
  EXPECT_EQ(mser5_truncation(flat), std::optional<std::size_t>(0));
}

// A series still settling at half its length (a slow drift down over the first 60 of 100
// observations): the minimum sits at the limit of the search, which says the run is too
// short to tell where the transient ends, not that half of it is one.
TEST(Mser5, AMinimumAtTheLimitOfTheSearchIsNotJudged) {
  std::vector<double> drift(100);
  for (std::size_t i = 0; i < drift.size(); ++i)
    drift[i] = i < 60 ? 30.0 - 10.0 * static_cast<double>(i) / 60.0 : 20.0;
  EXPECT_FALSE(mser5_truncation(drift).has_value());
  drift.resize(200, 20.0); // twice as long: now judged, at the end of the drift
  const auto cut = mser5_truncation(drift);
  ASSERT_TRUE(cut.has_value());
  EXPECT_GE(*cut, 50u);
  EXPECT_LE(*cut, 60u);
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
