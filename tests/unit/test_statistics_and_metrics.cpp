#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <random>
#include <vector>

#include "results/RailMetrics.hpp"
#include "results/Punctuality.hpp"
#include "results/Statistics.hpp"
#include "model/rail/GaugeChangeYard.hpp"

using namespace rongou;

TEST(Statistics, PercentilesInterpolateBetweenOrderStatistics) {
  const auto s = describe({4.0, 1.0, 3.0, 2.0, 5.0});
  EXPECT_EQ(s.count, 5u);
  EXPECT_DOUBLE_EQ(s.mean, 3.0);
  EXPECT_DOUBLE_EQ(s.p50, 3.0);
  EXPECT_DOUBLE_EQ(s.p90, 4.6);
  EXPECT_DOUBLE_EQ(s.p95, 4.8);
  EXPECT_DOUBLE_EQ(s.p99, 4.96);
  EXPECT_DOUBLE_EQ(s.min, 1.0);
  EXPECT_DOUBLE_EQ(s.max, 5.0);
  EXPECT_EQ(describe({}).count, 0u);
}

namespace {
// describe() as it reads with std::sort: the order the mean is summed in and the order
// statistics. Whatever sort describe() uses must give exactly this.
SampleSummary describe_by_std_sort(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  SampleSummary d;
  d.count = v.size();
  d.mean = std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
  d.p50 = percentile_sorted(v, 0.50);
  d.p90 = percentile_sorted(v, 0.90);
  d.p95 = percentile_sorted(v, 0.95);
  d.p99 = percentile_sorted(v, 0.99);
  d.min = v.front();
  d.max = v.back();
  return d;
}

void expect_same_bits(const SampleSummary& a, const SampleSummary& b) {
  EXPECT_EQ(a.count, b.count);
  for (const auto member : {&SampleSummary::mean, &SampleSummary::p50, &SampleSummary::p90, &SampleSummary::p95,
                            &SampleSummary::p99, &SampleSummary::min, &SampleSummary::max})
    EXPECT_EQ(std::bit_cast<std::uint64_t>(a.*member), std::bit_cast<std::uint64_t>(b.*member));
}
} // namespace

TEST(Statistics, LongSamplesSummariseBitForBitAsWithStdSort) {
  std::mt19937_64 generator(7);
  std::lognormal_distribution<double> hours(4.0, 1.2);
  std::vector<double> sample(200'000);
  for (double& v : sample)
    v = hours(generator);
  // Ties and zeros, as waits have: many trains wait not at all.
  for (std::size_t i = 0; i < sample.size(); i += 3)
    sample[i] = std::round(sample[i]) * (i % 2 == 0 ? 0.0 : 1.0);
  expect_same_bits(describe(sample), describe_by_std_sort(sample));
  // A negative zero among zeros: the smallest value is a zero of either sign, as std::sort
  // leaves them.
  std::vector<double> signed_zeros = sample;
  signed_zeros[sample.size() - 2] = -0.0;
  expect_same_bits(describe(signed_zeros), describe_by_std_sort(signed_zeros));
  // Negative values too: they must go to std::sort, since float_sort's integer arithmetic on
  // their bits overflows (the sanitized build fails this check if they do not).
  std::vector<double> negatives = signed_zeros;
  for (std::size_t i = 1; i < negatives.size(); i += 7)
    negatives[i] = -negatives[i];
  expect_same_bits(describe(negatives), describe_by_std_sort(negatives));
}

TEST(GaugeChangeYard, MoreCranesNeverMeanLongerHandling) {
  TransshipmentYard y{4, 8, 8, 5.0, 0.5};
  double previous = GaugeChangeYard::handling_hours(y, 1, 41);
  for (int cranes = 2; cranes <= 8; ++cranes) {
    const double h = GaugeChangeYard::handling_hours(y, cranes, 41);
    EXPECT_LT(h, previous);
    previous = h;
  }
  EXPECT_DOUBLE_EQ(GaugeChangeYard::handling_hours(y, 2, 40), 0.5 + 40.0 / 10.0);
}

namespace {
Scenario four_week_scenario() {
  Scenario s;
  s.horizon_days = 28;
  s.warmup_days = 7;
  return s;
}
ContainerRecord container(double created, std::optional<double> arrived, Direction d = Direction::Westbound) {
  ContainerRecord c;
  c.created_h = created;
  c.arrived_h = arrived;
  c.direction = d;
  c.waits.border = 10.0;
  return c;
}
} // namespace

TEST(RailMetrics, WarmUpContainersAndTrainsAreNotCounted) {
  Journal j;
  j.containers.push_back(container(10.0, 300.0));          // created in warm-up: excluded
  j.containers.push_back(container(200.0, 200.0 + 240.0)); // 10 days
  j.containers.push_back(container(300.0, 300.0 + 288.0)); // 12 days
  j.containers.push_back(container(400.0, std::nullopt));  // not delivered
  TrainRecord warm;
  warm.planned_departure_h = 18;
  TrainRecord counted;
  counted.planned_departure_h = 7 * 24 + 18;
  counted.arrived_h = 500;
  counted.feu = 30;
  j.trains = {warm, counted};
  const auto m = compute_rail_metrics(four_week_scenario(), j);
  const auto& w = m.by_direction.at(Direction::Westbound);
  EXPECT_EQ(w.containers_offered, 3);
  EXPECT_EQ(w.containers_delivered, 2);
  EXPECT_DOUBLE_EQ(w.transit_days.mean, 11.0);
  EXPECT_DOUBLE_EQ(w.mean_waits.border, 10.0);
  EXPECT_EQ(w.trains.dispatched, 1);
  EXPECT_EQ(w.trains.arrived, 1);
  EXPECT_DOUBLE_EQ(w.trains.per_week, 1.0 / 3.0);
}

TEST(RailMetrics, ATrainArrivesOnlyWhenEveryPartOfItDid) {
  Journal j;
  TrainRecord parent;
  parent.planned_departure_h = 200;
  parent.arrived_h = 500;
  TrainRecord part;
  part.parent = 0;
  part.planned_departure_h = 300;
  j.trains = {parent, part}; // the part split off at a yard never arrived
  const auto m = compute_rail_metrics(four_week_scenario(), j);
  EXPECT_EQ(m.by_direction.at(Direction::Westbound).trains.dispatched, 1);
  EXPECT_EQ(m.by_direction.at(Direction::Westbound).trains.arrived, 0);
}

TEST(RailMetrics, WeeklyRowsCountDispatchesAndArrivalsPerWeekAndDirection) {
  Journal j;
  TrainRecord t;
  t.planned_departure_h = 18;
  t.arrived_h = 8 * 24;
  t.feu = 20;
  t.direction = Direction::Eastbound;
  j.trains = {t};
  j.containers.push_back(container(1.0, 8 * 24.0, Direction::Eastbound));
  j.end_h = 8 * 24;
  const auto m = compute_rail_metrics(four_week_scenario(), j);
  ASSERT_EQ(m.weekly.size(), 8u); // 4 weeks x 2 directions
  int dispatched = 0, arrived = 0, feu_arrived = 0;
  for (const auto& row : m.weekly) {
    if (row.direction != Direction::Eastbound)
      continue;
    if (row.week == 1)
      dispatched += row.trains_dispatched;
    if (row.week == 2) {
      arrived += row.trains_arrived;
      feu_arrived += row.feu_arrived;
    }
  }
  EXPECT_EQ(dispatched, 1);
  EXPECT_EQ(arrived, 1);
  EXPECT_EQ(feu_arrived, 1);
}

namespace {
TrainRecord train(const std::string& service, double planned_h, double arrived_h) {
  TrainRecord t;
  t.id = service + std::to_string(planned_h);
  t.service = service;
  t.planned_departure_h = planned_h;
  t.departed_h = planned_h;
  t.arrived_h = arrived_h;
  return t;
}
} // namespace

TEST(Punctuality, DelaysAreMeasuredFromTheServicesMedianTransit) {
  Journal j;
  // Service a: transits 100, 100, 101, 110, 130 h; its schedule is the median, 101 h.
  for (double transit : {100.0, 130.0, 101.0, 110.0, 100.0}) {
    const double planned_h = 24.0 * static_cast<double>(j.trains.size());
    j.trains.push_back(train("a", planned_h, planned_h + transit));
  }
  // Service b runs slower throughout: on its own schedule (200 h) it is on time.
  j.trains.push_back(train("b", 0.0, 200.0));
  // Outside the window, and a part split off a train: neither counts on its own.
  j.trains.push_back(train("a", 1000.0, 1500.0));
  TrainRecord part = train("a", 48.0, 400.0);
  part.parent = 0; // split off the first train, which arrives with it at 400 h
  j.trains.push_back(part);
  const TrainPunctuality p = train_punctuality(j, 0, Direction::Westbound, 0.0, 500.0, 16.0);
  // Service a now: 400 (train 0 with its part), 130, 101, 110, 100 -> median 110.
  EXPECT_EQ(p.trains, 6);
  // Delays: 290, 20, 0, 0, 0 (a) and 0 (b); on time below 16 minutes: 4 of 6.
  EXPECT_DOUBLE_EQ(p.on_time_share, 4.0 / 6.0);
  EXPECT_DOUBLE_EQ(p.late_mean_hours, (290.0 + 20.0) / 2.0);
  EXPECT_DOUBLE_EQ(p.over_2h_share, 2.0 / 6.0);
  EXPECT_DOUBLE_EQ(p.delay_p95_hours, 20.0 + 0.75 * (290.0 - 20.0)); // of 0, 0, 0, 0, 20, 290
  EXPECT_EQ(train_punctuality(j, 0, Direction::Eastbound, 0.0, 500.0, 16.0).trains, 0);
}
