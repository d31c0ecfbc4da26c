// The eastbound sea chain (`sea.eastbound`) on the SimGrid engine with hand-made containers:
// Lodz -> Gdansk -> ocean -> Shanghai -> Chengdu, measured between the terminals of the
// eastbound rail services. Each test creates an engine, so each runs in a process of its own.
#include <gtest/gtest.h>

#include <cmath>
#include <memory>

#include "engine/Engine.hpp"
#include "model/corridor/PlatformReader.hpp"
#include "model/sea/SeaModel.hpp"
#include "support/Files.hpp"

namespace rongou {
namespace {

const std::string kPlatform = test::source_path("platforms/rong-ou.xml");
constexpr double kLodzGdanskH = 350.0 / 350.0 * 24.0;      // platform, by rail
constexpr double kShanghaiChengduH = 2000.0 / 500.0 * 24.0; // platform, by rail

// One weekly Wednesday sailing each way, 30 days at sea; the eastbound chain mirrors it with
// its land delays in their westbound geography: 1 day on the Chinese side, half a day on the
// European side, 2 days at the port of discharge.
Scenario mirrored_scenario() {
  Scenario s;
  s.source_file = "test";
  s.platform_file = kPlatform;
  s.seed = 7;
  s.horizon_days = 56;
  SeaSpec sea;
  sea.origin = "Chengdu";
  sea.destination = "Lodz";
  sea.sailing_weekdays = {2};
  sea.sailing_hour = 18;
  sea.cutoff_hours_before_sailing = 48;
  sea.vessel_capacity_feu = 1000;
  sea.ocean_transit_days = 30;
  sea.inland_delay_days = Distribution::fixed(1.0);
  sea.last_leg_delay_days = Distribution::fixed(0.5);
  sea.port_dwell_days = Distribution::fixed(2.0);
  sea.eastbound = std::make_shared<SeaSpec>(sea);
  s.sea = sea;
  return s;
}

struct EastRun {
  Journal journal;
  SeaRoute route;
};

EastRun run_east(const Scenario& s, const std::vector<SeaOffer>& offers) {
  engine::Session session(kPlatform);
  Diagnostics d;
  const Corridor corridor = read_corridor_from_engine(kPlatform, d);
  EastRun out;
  out.route = build_sea_route(s, s.focus_lane, corridor, d, Direction::Eastbound);
  EXPECT_TRUE(d.empty()) << d.format();
  SeaModel model(s, s.focus_lane, Direction::Eastbound, out.route, offers, out.journal);
  model.start();
  session.run();
  return out;
}

TEST(SeaEastbound, TheRouteRunsFromTheEuropeanTerminalToTheChineseOne) {
  const EastRun r = run_east(mirrored_scenario(), {});
  ASSERT_EQ(r.route.inland.size(), 1u);
  EXPECT_EQ(r.route.inland[0].leg.from, "Lodz");
  EXPECT_EQ(r.route.inland[0].leg.to, "Gdansk");
  EXPECT_DOUBLE_EQ(r.route.inland_nominal_h(), kLodzGdanskH);
  EXPECT_EQ(r.route.ocean.leg.from, "Gdansk");
  EXPECT_EQ(r.route.ocean.leg.to, "Shanghai");
  EXPECT_DOUBLE_EQ(r.route.ocean.nominal_h, 30.0 * 24.0);
  EXPECT_EQ(r.route.last_leg.leg.from, "Shanghai");
  EXPECT_EQ(r.route.last_leg.leg.to, "Chengdu");
  EXPECT_DOUBLE_EQ(r.route.last_leg.nominal_h, kShanghaiChengduH);
  // Its legs go beside the westbound ones, which stay empty.
  ASSERT_EQ(r.journal.sea_legs_eastbound.size(), 3u);
  EXPECT_EQ(r.journal.sea_legs_eastbound.front().from, "Lodz");
  EXPECT_EQ(r.journal.sea_legs_eastbound.back().to, "Chengdu");
  EXPECT_TRUE(r.journal.sea_legs.empty());
}

TEST(SeaEastbound, DoorToDoorIsTheSumOfItsLegs) {
  const Scenario s = mirrored_scenario();
  std::vector<SeaOffer> offers;
  for (int i = 0; i < 40; ++i)
    offers.push_back({i, 5.0 * i});
  const EastRun r = run_east(s, offers);
  EXPECT_TRUE(r.journal.sea.empty());
  EXPECT_TRUE(r.journal.sailings.empty());
  ASSERT_EQ(r.journal.sea_eastbound.size(), offers.size());
  ASSERT_FALSE(r.journal.sailings_eastbound.empty());
  for (const SeaRecord& x : r.journal.sea_eastbound) {
    ASSERT_TRUE(x.arrived_h && x.sailed_h && x.port_arrival_eu_h) << x.container;
    // The European side's delay on the pre-carriage, the Chinese side's on the on-carriage.
    EXPECT_DOUBLE_EQ(x.inland_h, kLodzGdanskH + 12.0);
    EXPECT_DOUBLE_EQ(x.last_leg_h, kShanghaiChengduH + 24.0);
    EXPECT_DOUBLE_EQ(x.port_dwell_h, 48.0);
    EXPECT_DOUBLE_EQ(*x.port_arrival_eu_h - *x.sailed_h, 30.0 * 24.0);
    const double port_wait_h = *x.sailed_h - x.port_arrival_h;
    EXPECT_GE(port_wait_h, 48.0); // the cut-off
    EXPECT_NEAR(x.transit_h(),
                x.inland_h + port_wait_h + (*x.port_arrival_eu_h - *x.sailed_h) + x.port_dwell_h + x.last_leg_h, 1e-9);
    EXPECT_DOUBLE_EQ(x.gate_in_h, 5.0 * x.container);
  }
}

TEST(SeaEastbound, ItsOwnTimetableSailsFromTheEuropeanPort) {
  Scenario s = mirrored_scenario();
  auto east = std::make_shared<SeaSpec>(*s.sea);
  east->sailing_weekdays = {4}; // Fridays
  east->sailing_hour = 6;
  s.sea->eastbound = east;
  const EastRun r = run_east(s, {{0, 0.0}, {1, 30.0}});
  ASSERT_FALSE(r.journal.sailings_eastbound.empty());
  for (const auto& sailing : r.journal.sailings_eastbound)
    EXPECT_DOUBLE_EQ(std::fmod(sailing.departure_h, 24.0 * 7.0), 4 * 24.0 + 6.0);
}

} // namespace
} // namespace rongou
