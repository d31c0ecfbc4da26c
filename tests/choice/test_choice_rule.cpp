// The shippers' rule without the engine: generalised cost, logit probabilities against a
// hand computation, the delivery window, and the queues that follow the choices.
#include <cmath>
#include <gtest/gtest.h>

#include "model/choice/DeliveryWindow.hpp"
#include "model/choice/GeneralisedCost.hpp"
#include "model/choice/RailBooking.hpp"
#include "model/demand/ContainerDemand.hpp"
#include "model/sea/PortQueue.hpp"

namespace rongou {
namespace {

CommodityClass electronics() {
  CommodityClass c;
  c.name = "electronics";
  c.share = 1.0;
  c.cargo_value_usd = 100000;
  c.tonnes_per_feu = 9;
  c.value_of_time_pct_per_day = 1.0;
  c.reliability_weight = 0.5;
  return c;
}

TEST(ChoiceRule, GeneralisedCostAddsMoneyTimeAndReliability) {
  AlternativeTerms t;
  t.freight_usd = 7000;
  t.subsidy_usd = 3000;
  t.fixed_usd = 600;
  t.co2_kg = 2000;
  t.co2_usd_per_tonne = 50;
  t.expected_days = 15;
  t.expected_p95_days = 19;
  const GeneralisedCost c = generalised_cost(electronics(), t);
  EXPECT_DOUBLE_EQ(c.money_usd, 7000 + 600 + 2.0 * 50);
  EXPECT_DOUBLE_EQ(c.subsidy_usd, 3000);
  EXPECT_DOUBLE_EQ(c.time_usd, 0.01 * 100000 * 15);
  EXPECT_DOUBLE_EQ(c.reliability_usd, 0.5 * 0.01 * 100000 * 4);
  EXPECT_DOUBLE_EQ(c.total(), 7700 - 3000 + 15000 + 2000);
}

TEST(ChoiceRule, LogitProbabilitiesMatchAHandComputation) {
  // Costs 1000 and 1500 at a scale of 500: odds e^1 for the cheaper one.
  const auto p = logit_probabilities({1000.0, 1500.0}, 500.0);
  ASSERT_EQ(p.size(), 2u);
  EXPECT_NEAR(p[0], std::exp(1.0) / (std::exp(1.0) + 1.0), 1e-12);
  EXPECT_NEAR(p[1], 1.0 / (std::exp(1.0) + 1.0), 1e-12);
  // Three alternatives, by hand: exp(-0), exp(-1), exp(-3) over their sum.
  const auto q = logit_probabilities({200.0, 300.0, 500.0}, 100.0);
  const double sum = 1.0 + std::exp(-1.0) + std::exp(-3.0);
  EXPECT_NEAR(q[0], 1.0 / sum, 1e-12);
  EXPECT_NEAR(q[1], std::exp(-1.0) / sum, 1e-12);
  EXPECT_NEAR(q[2], std::exp(-3.0) / sum, 1e-12);
  // Huge costs do not overflow: only differences count.
  const auto r = logit_probabilities({1e9, 1e9 + 500.0}, 500.0);
  EXPECT_NEAR(r[0], p[0], 1e-12);
}

TEST(ChoiceRule, ADearerAlternativeNeverGainsProbability) {
  double last = 1.0;
  for (double sea = 1000.0; sea <= 6000.0; sea += 250.0) {
    const double p = logit_probabilities({3000.0, sea}, 800.0)[1];
    EXPECT_LT(p, last) << "sea at " << sea;
    last = p;
  }
}

TEST(ChoiceRule, PickFollowsTheCumulativeProbabilities) {
  const std::vector<double> p{0.2, 0.5, 0.3};
  EXPECT_EQ(pick(p, 0.0), 0u);
  EXPECT_EQ(pick(p, 0.19), 0u);
  EXPECT_EQ(pick(p, 0.2), 1u);
  EXPECT_EQ(pick(p, 0.69), 1u);
  EXPECT_EQ(pick(p, 0.7), 2u);
  EXPECT_EQ(pick(p, 0.999999), 2u);
}

// Two trains a week of 10 slots: Monday and Thursday at 18:00.
std::vector<RailDeparture> two_trains_a_week(int weeks) {
  std::vector<RailDeparture> out;
  for (int w = 0; w < weeks; ++w) {
    out.push_back({168.0 * w + 18.0, 10});
    out.push_back({168.0 * w + 3 * 24.0 + 18.0, 10});
  }
  return out;
}

TEST(RailBooking, BoxesAheadFillTheDeparturesInOrder) {
  const auto deps = two_trains_a_week(4);
  // Nobody ahead: the first departure after the box is ready.
  EXPECT_DOUBLE_EQ(*booked_departure_h(deps, 0.0, 2.0, 0), 18.0);
  // Nine ahead: one slot left on Monday's train; ten ahead: Thursday's.
  EXPECT_DOUBLE_EQ(*booked_departure_h(deps, 0.0, 2.0, 9), 18.0);
  EXPECT_DOUBLE_EQ(*booked_departure_h(deps, 0.0, 2.0, 10), 90.0);
  // Ready after Monday's train (cut-off passed): Thursday's, though Monday's slots were free.
  EXPECT_DOUBLE_EQ(*booked_departure_h(deps, 0.0, 19.0, 0), 90.0);
  // Departures before `from_h` have left: they take none of the boxes ahead.
  EXPECT_DOUBLE_EQ(*booked_departure_h(deps, 24.0, 24.0, 10), 168.0 + 18.0);
  // More ahead than the timetable has slots.
  EXPECT_FALSE(booked_departure_h(deps, 0.0, 0.0, 80).has_value());
}

TEST(RailBooking, TheBookedWaitShiftsMeanAndP95AndKeepsTheSpread) {
  const ExpectedDays e = booked_expectation({12.0, 15.0}, 3.5);
  EXPECT_DOUBLE_EQ(e.mean_days, 15.5);
  EXPECT_DOUBLE_EQ(e.p95_days, 18.5);
}

TEST(RailBooking, ALongerBacklogLowersTheRailProbability) {
  const auto deps = two_trains_a_week(8);
  const CommodityClass k = electronics();
  AlternativeTerms sea;
  sea.freight_usd = 3000;
  sea.expected_days = 40;
  sea.expected_p95_days = 46;
  const double sea_cost = generalised_cost(k, sea).total();
  double previous = 2.0;
  // Each ten more boxes ahead push the box one departure back: rail's probability falls strictly.
  for (int ahead : {0, 10, 20, 30, 40}) {
    const double wait_days = (*booked_departure_h(deps, 0.0, 2.0, ahead) - 2.0) / 24.0;
    AlternativeTerms rail;
    rail.freight_usd = 7000;
    const ExpectedDays seen = booked_expectation({14.0, 17.0}, wait_days);
    rail.expected_days = seen.mean_days;
    rail.expected_p95_days = seen.p95_days;
    const double p_rail = logit_probabilities({generalised_cost(k, rail).total(), sea_cost}, 1500.0)[0];
    EXPECT_LT(p_rail, previous) << ahead << " boxes ahead";
    previous = p_rail;
  }
}

TEST(DeliveryWindow, KeepsOnlyDeliveriesInsideTheWindow) {
  DeliveryWindow w(24.0 * 10);
  for (int i = 1; i <= 20; ++i)
    w.add(24.0 * i, static_cast<double>(i)); // delivered on day i after i days
  const WindowStats s = w.stats(24.0 * 20);
  // Days 11..20 are in (day 10, day 20].
  EXPECT_EQ(s.deliveries, 10);
  EXPECT_DOUBLE_EQ(s.mean_days, 15.5);
  EXPECT_DOUBLE_EQ(s.p95_days, 20.0); // ceil(9.5) = 10th smallest
  // A delivery known ahead of its time is not counted before it happens.
  w.add(24.0 * 25, 100.0);
  EXPECT_EQ(w.stats(24.0 * 20).deliveries, 10);
  EXPECT_EQ(w.stats(24.0 * 25).deliveries, 6); // days 16..20 and 25
}

TEST(DeliveryWindow, EmptyWindowHasNoDeliveries) {
  DeliveryWindow w(24.0);
  EXPECT_EQ(w.stats(100.0).deliveries, 0);
}

TEST(OriginQueueWithChoices, PassesOverBoxesThatWentBySeaAndCountsThoseLeftBehind) {
  const std::vector<double> gate_in{1.0, 2.0, 3.0, 4.0, 5.0};
  std::vector<ChoiceRecord> choices(5);
  choices[1].mode = ChosenMode::Sea;
  choices[3].mode = ChosenMode::Undecided;
  OriginQueue q({0, 1, 2, 3, 4}, &gate_in);
  q.follow_choices(&choices);
  EXPECT_EQ(q.waiting(3.0), 2u); // 0 and 2
  const auto boarded = q.board(10.0, 2);
  EXPECT_EQ(boarded, (std::vector<int>{0, 2}));
  EXPECT_TRUE(choices[0].boarded);
  EXPECT_FALSE(choices[1].boarded);
  q.count_left_behind(10.0); // 3 is undecided, 4 is waiting
  EXPECT_EQ(choices[4].left_behind, 1);
  EXPECT_EQ(choices[3].left_behind, 0);
  choices[4].mode = ChosenMode::Sea; // it re-chose sea
  EXPECT_EQ(q.waiting(10.0), 0u);
  EXPECT_TRUE(q.board(10.0, 5).empty());
}

TEST(PortQueueAdd, ItemsAddedDuringTheRunBoardByArrival) {
  PortQueue q({});
  EXPECT_EQ(q.add(50.0), 0u);
  EXPECT_EQ(q.add(30.0), 1u);
  EXPECT_EQ(q.add(30.0), 2u); // ties keep index order
  const auto first = q.load(40.0, 10);
  EXPECT_EQ(first.boarded, (std::vector<std::size_t>{1, 2}));
  EXPECT_EQ(q.add(45.0), 3u);
  const auto second = q.load(60.0, 1);
  EXPECT_EQ(second.boarded, (std::vector<std::size_t>{3}));
  EXPECT_EQ(second.rolled, 1u);
  EXPECT_THROW(q.add(60.0), std::logic_error); // not after the last cut-off
}

} // namespace
} // namespace rongou
