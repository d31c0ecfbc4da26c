// Several loops, blank sailings, carrier roll-overs and timed pre-carriage on the SimGrid
// engine with hand-made containers. Each test creates an engine, so each must run in a
// process of its own (ctest does this: one discovered test per process).
#include <gtest/gtest.h>

#include "model/corridor/PlatformReader.hpp"
#include "engine/Engine.hpp"
#include "model/sea/SeaModel.hpp"
#include "support/Files.hpp"
#include "sea/SeaOnEngine.hpp"

namespace rongou {
namespace {

using test::run_sea;
constexpr double kInlandH = test::kSeaTestInlandH;

SeaLoop loop_named(const std::string& name, int weekday, double transit_days) {
  SeaLoop loop;
  loop.name = name;
  loop.sailing_weekdays = {weekday};
  loop.sailing_hour = 18;
  loop.cutoff_hours_before_sailing = 48;
  loop.vessel_capacity_feu = 100;
  loop.ocean_transit_days = transit_days;
  return loop;
}

// Offers that reach Shanghai `hours_before` the loop's first cut-off, in id order.
std::vector<SeaOffer> at_port_before_first_cutoff(const SeaLoop& loop, int count, double hours_before) {
  const double cutoff = sailing_departure_h(loop, 0) - loop.cutoff_hours_before_sailing;
  std::vector<SeaOffer> offers;
  for (int i = 0; i < count; ++i)
    offers.push_back({i, cutoff - hours_before - kInlandH + 0.1 * i});
  return offers;
}

TEST(SeaLoops, ABlankedSailingCarriesNothingAndItsBoxesGoOnTheLoopsNextSailing) {
  SeaLoop loop = loop_named("direct", 2, 30);
  loop.blank_sailing_seasons = {{0.0, 7.0, 1.0}}; // the first sailing (day 2) is certainly blanked
  const Scenario s = test::sea_scenario_with({loop});
  const Journal j = run_sea(s, at_port_before_first_cutoff(loop, 5, 10.0));
  ASSERT_GE(j.sailings.size(), 2u);
  EXPECT_TRUE(j.sailings[0].blanked);
  EXPECT_EQ(j.sailings[0].feu, 0);
  EXPECT_FALSE(j.sailings[1].blanked);
  EXPECT_EQ(j.sailings[1].feu, 5);
  for (const auto& r : j.sea) {
    EXPECT_EQ(r.sailing, 1);
    EXPECT_EQ(r.rolled, 0) << "a blanked sailing is not a roll";
    ASSERT_TRUE(r.sailed_h);
    EXPECT_NEAR(*r.sailed_h, sailing_departure_h(loop, 1), 1e-6);
  }
}

TEST(SeaLoops, TheCarrierRollsTheDrawnShareOfTheBoxesAtThePortLastArrivedFirst) {
  SeaLoop loop = loop_named("direct", 2, 30);
  loop.rolled_share = Distribution::fixed(0.3); // 3 of 10 boxes, though all 10 fit
  const Scenario s = test::sea_scenario_with({loop});
  const Journal j = run_sea(s, at_port_before_first_cutoff(loop, 10, 10.0));
  ASSERT_GE(j.sailings.size(), 2u);
  EXPECT_DOUBLE_EQ(j.sailings[0].rolled_share_drawn, 0.3);
  EXPECT_EQ(j.sailings[0].feu, 7);
  EXPECT_EQ(j.sailings[0].rolled_feu, 3);
  // The next sailing finds only the 3 rolled boxes and rolls floor(0.3 * 3) = 0 of them.
  EXPECT_EQ(j.sailings[1].feu, 3);
  for (const auto& r : j.sea) {
    const bool last_three = r.container >= 7;
    EXPECT_EQ(r.sailing, last_three ? 1 : 0) << r.container;
    EXPECT_EQ(r.rolled, last_three ? 1 : 0) << r.container;
  }
}

// A box ready on a Monday: loop "slow" leaves Wednesday with 40 days at sea, loop "fast"
// Friday with 30. Booked on the earliest arrival it takes "fast"; on the first sailing, "slow".
TEST(SeaLoops, ABoxTakesTheLoopThatReachesTheEuropeanPortFirst) {
  const Scenario s = test::sea_scenario_with({loop_named("slow", 2, 40), loop_named("fast", 4, 30)});
  const Journal j = run_sea(s, {{0, -kInlandH}}); // at the port Monday 00:00
  ASSERT_EQ(j.sea.size(), 1u);
  const auto& taken = j.sailings.at(static_cast<std::size_t>(j.sea[0].sailing));
  EXPECT_EQ(taken.loop, 1);
  EXPECT_NEAR(taken.departure_h, 4 * 24 + 18, 1e-9);
}

TEST(SeaLoops, OnTheFirstSailingRuleABoxTakesTheLoopLeavingFirst) {
  Scenario s = test::sea_scenario_with({loop_named("slow", 2, 40), loop_named("fast", 4, 30)});
  s.sea->sailing_choice = SailingChoice::FirstSailing;
  const Journal j = run_sea(s, {{0, -kInlandH}});
  ASSERT_EQ(j.sea.size(), 1u);
  EXPECT_EQ(j.sailings.at(static_cast<std::size_t>(j.sea[0].sailing)).loop, 0);
}

// Timed pre-carriage: the sea twin's gate-in moves later by the slack, so that with no inland
// delay every box reaches the port exactly the margin before its sailing's cut-off.
TEST(SeaLoops, TimedPrecarriageReachesThePortTheMarginBeforeTheCutoff) {
  Scenario s = test::sea_scenario_with({loop_named("direct", 2, 30)});
  s.sea->precarriage = Precarriage::Timed;
  s.sea->precarriage_margin_hours = 6;
  std::vector<SeaOffer> offers;
  for (int i = 0; i < 20; ++i)
    offers.push_back({i, 17.0 * i});
  const Journal j = run_sea(s, offers);
  ASSERT_EQ(j.sea.size(), offers.size());
  for (std::size_t i = 0; i < j.sea.size(); ++i) {
    const auto& r = j.sea[i];
    const auto& sailing = j.sailings.at(static_cast<std::size_t>(r.sailing));
    EXPECT_GE(r.gate_in_h, offers[i].gate_in_h) << "the gate-in only moves later";
    EXPECT_LT(r.gate_in_h - offers[i].gate_in_h, 168.0) << "never past the first sailing it can make";
    EXPECT_NEAR(r.port_arrival_h, sailing.cutoff_h - 6.0, 1e-6);
    ASSERT_TRUE(r.sailed_h);
    EXPECT_NEAR(*r.sailed_h - r.port_arrival_h, 48.0 + 6.0, 1e-6);
  }
}

// The inland leg stays unreliable: the shipper plans with the expected inland time (nominal
// plus the mean delay, here 1 day) and a margin of one hour, so about half the boxes, delayed
// by more, miss the cut-off they were planned for and take the loop's next sailing; the others
// take the planned one.
TEST(SeaLoops, ATimedBoxDelayedInlandPastItsCutoffTakesTheNextSailing) {
  Scenario s = test::sea_scenario_with({loop_named("direct", 2, 30)});
  s.sea->precarriage = Precarriage::Timed;
  s.sea->precarriage_margin_hours = 1;
  s.sea->inland_delay_days = Distribution{Distribution::Kind::Uniform, 0, 0, 0, 2};
  std::vector<SeaOffer> offers;
  for (int i = 0; i < 60; ++i)
    offers.push_back({i, 11.0 * i});
  const Journal j = run_sea(s, offers);
  int missed = 0;
  for (const auto& r : j.sea) {
    const double planned_cutoff_h = r.gate_in_h + kInlandH + 24.0 + 1.0;
    const auto& sailing = j.sailings.at(static_cast<std::size_t>(r.sailing));
    if (r.port_arrival_h > planned_cutoff_h) {
      ++missed;
      EXPECT_NEAR(sailing.cutoff_h, planned_cutoff_h + 168.0, 1e-6) << r.container;
    } else {
      EXPECT_NEAR(sailing.cutoff_h, planned_cutoff_h, 1e-6) << r.container;
    }
  }
  EXPECT_GT(missed, 10);
  EXPECT_LT(missed, 50);
}

} // namespace
} // namespace rongou
