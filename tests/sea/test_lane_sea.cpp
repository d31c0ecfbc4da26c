// A network run with a second lane that has its own sea alternative and prices
// (tests/model/network/costed-lanes.yaml: Chengdu -> Shanghai -> Gdansk -> Lodz for the focus
// lane, Xian -> Ningbo -> Hamburg -> Lodz for the second). Each simulation runs in a child
// process (one SimGrid engine per process).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "results/Costs.hpp"
#include "scenario/PriceChanges.hpp"
#include "results/RunResults.hpp"
#include "run/Simulation.hpp"
#include "scenario/ScenarioLoader.hpp"
#include "support/ChildProcess.hpp"
#include "support/Files.hpp"

using namespace rongou;
using namespace rongou::test;

namespace {

// tests/model/network/costed-lanes.yaml, whole and without the second lane's sea and costs.
std::string fixture() { return read_file(source_path("tests/model/network/costed-lanes.yaml")); }
std::string without_lane_sea() {
  const std::string text = fixture();
  return text.substr(0, text.rfind("    sea:\n"));
}

Scenario load(const std::string& yaml) {
  return load_scenario_from_string(yaml, "lane-sea.yaml", source_path("tests/model/network"));
}

constexpr int kXian = 1; // lanes: the top-level chengdu-lodz, then xian-lodz

} // namespace

TEST(LaneSea, ALaneWithItsOwnSeaSailsFromItsOwnPortWithItsOwnSlotsAndPrices) {
  const Scenario s = load(fixture());
  ASSERT_EQ(s.lanes.at(kXian).name, "xian-lodz");
  ASSERT_TRUE(s.lanes.at(kXian).sea && s.lanes.at(kXian).costs);
  EXPECT_EQ(s.lanes.at(kXian).sea->origin, "Xian"); // from the lane's westbound service
  EXPECT_EQ(s.lanes.at(kXian).sea->destination, "Lodz");
  const auto checks = in_child_process([&] {
    const Journal j = simulate(s);
    const RunResults r = compute_run_results(s, j);
    std::vector<double> out;
    // Every sea record of a lane is a westbound container of that lane.
    double wrong_lane = 0, xian_records = 0, focus_records = 0;
    for (const auto& rec : j.sea) {
      const auto& c = j.containers.at(static_cast<std::size_t>(rec.container));
      wrong_lane += (c.lane != rec.lane || c.direction != Direction::Westbound) ? 1 : 0;
      (rec.lane == kXian ? xian_records : focus_records) += 1;
    }
    double xian_offered = 0;
    for (const auto& c : j.containers)
      xian_offered += (c.lane == kXian && c.direction == Direction::Westbound) ? 1 : 0;
    // Sailings: the lane's own capacity and weekday (Saturday 12:00 = day 5.5 of a week).
    double xian_sailings = 0, xian_wrong_sailings = 0, xian_rolled = 0;
    for (const auto& sailing : j.sailings)
      if (sailing.lane == kXian) {
        ++xian_sailings;
        const double day_of_week = std::fmod(sailing.departure_h / 24.0, 7.0);
        xian_wrong_sailings += (sailing.capacity_feu != 20 || std::abs(day_of_week - 5.5) > 1e-9) ? 1 : 0;
        xian_rolled += sailing.rolled_feu;
      }
    // The lane's legs start at Xian and sail Ningbo -> Hamburg.
    std::vector<std::string> legs;
    for (const auto& leg : j.sea_legs)
      if (leg.lane == kXian)
        legs.push_back(leg.from + ">" + leg.to);
    const bool legs_ok = legs == std::vector<std::string>{"Xian>Ningbo", "Ningbo>Hamburg", "Hamburg>Lodz"};
    const auto& modes = r.lanes.at(kXian);
    out = {wrong_lane, xian_records, xian_offered, focus_records, xian_sailings, xian_wrong_sailings, xian_rolled,
           legs_ok ? 1.0 : 0.0, modes.sea ? modes.sea->sailings * 1.0 : -1.0,
           modes.costs && modes.costs->sea ? modes.costs->sea->freight : -1.0,
           modes.costs ? modes.costs->rail.freight : -1.0, modes.costs ? modes.costs->cargo_value_usd : -1.0,
           modes.costs && modes.costs->sea ? modes.costs->sea->haulage : -1.0,
           r.costs && r.costs->sea ? r.costs->sea->freight : -1.0, r.costs ? r.costs->cargo_value_usd : -1.0,
           modes.sea ? modes.sea->containers_offered * 1.0 : -1.0,
           r.lanes.at(0).sea ? r.lanes.at(0).sea->transit_days.mean : -1.0,
           r.sea ? r.sea->transit_days.mean : -2.0};
    return out;
  });
  EXPECT_EQ(checks[0], 0) << "sea records on another lane than their container's";
  EXPECT_GT(checks[1], 0);
  EXPECT_EQ(checks[1], checks[2]) << "each westbound container of the lane goes by sea once";
  EXPECT_GT(checks[3], 0);
  EXPECT_GE(checks[4], 8) << "a sailing a week over 8 weeks, at least";
  EXPECT_EQ(checks[5], 0) << "a sailing of the lane without the lane's capacity or weekday";
  EXPECT_GT(checks[6], 0) << "30 FEU a week on 20 slots must roll some";
  EXPECT_EQ(checks[7], 1.0) << "the lane's legs are Xian > Ningbo > Hamburg > Lodz";
  EXPECT_GT(checks[8], 0);
  EXPECT_DOUBLE_EQ(checks[9], 2500);  // the lane's sea freight, not the focus lane's 1600
  EXPECT_DOUBLE_EQ(checks[10], 9000); // its rail rate
  EXPECT_DOUBLE_EQ(checks[11], 90000); // its cargo value
  EXPECT_DOUBLE_EQ(checks[12], 600 + 700);
  EXPECT_DOUBLE_EQ(checks[13], 1600); // the top-level costs stay the focus lane's
  EXPECT_DOUBLE_EQ(checks[14], 60000);
  EXPECT_GT(checks[15], 0);
  EXPECT_DOUBLE_EQ(checks[16], checks[17]) << "lanes.<focus>.sea is the top-level sea";
}

// The second lane's sea alternative draws from streams of its own: adding it leaves every
// sea record and sailing of the focus lane as it was.
TEST(LaneSea, AddingACostedSecondLaneLeavesTheFocusLanesSeaResultsUnchanged) {
  auto focus_sea = [](const Scenario& s) {
    return in_child_process([&] {
      const Journal j = simulate(s);
      const RunResults r = compute_run_results(s, j);
      std::vector<double> out;
      for (const auto& rec : j.sea)
        if (rec.lane == 0)
          out.insert(out.end(), {static_cast<double>(rec.container), rec.inland_h, rec.port_arrival_h,
                                 rec.sailed_h ? *rec.sailed_h : -1.0, rec.ocean_delay_h, rec.port_dwell_h,
                                 rec.last_leg_h, rec.arrived_h ? *rec.arrived_h : -1.0});
      for (const auto& sailing : j.sailings)
        if (sailing.lane == 0)
          out.insert(out.end(), {sailing.departure_h, sailing.delay_h, static_cast<double>(sailing.feu)});
      out.insert(out.end(), {r.sea->transit_days.mean, r.costs->sea->total(), r.costs->rail.total()});
      return out;
    });
  };
  const auto without = focus_sea(load(without_lane_sea()));
  const auto with = focus_sea(load(fixture()));
  ASSERT_GT(without.size(), 100u);
  EXPECT_EQ(without, with);
}

// A lane's cheaper mode is decided at its own cargo value against its own breakeven, which
// comes from its own prices and transit times.
TEST(LaneSea, ALanesCheaperModeFlipsWhenItsCargoValueCrossesItsBreakeven) {
  Scenario s = load(fixture());
  Journal j;
  j.trains.push_back(TrainRecord{});
  j.trains[0].service = "xian-westbound";
  j.rail_routes["xian-westbound"] = {5000.0, 2};
  for (int i = 0; i < 4; ++i) {
    ContainerRecord c;
    c.id = i;
    c.lane = kXian;
    c.direction = Direction::Westbound;
    c.created_h = 10 * 24.0 + i;
    c.train = 0;
    c.arrived_h = c.created_h + 24.0 * 14; // 14 days by rail
    j.containers.push_back(c);
    SeaRecord r;
    r.container = i;
    r.lane = kXian;
    r.gate_in_h = c.created_h;
    r.arrived_h = r.gate_in_h + 24.0 * 44; // 44 days by sea
    j.sea.push_back(r);
  }
  j.sea_legs = {{"Xian", "Ningbo", "inland_rail", 1500.0, kXian, ""}, {"Ningbo", "Hamburg", "sea", 19500.0, kXian, ""}};
  const std::map<Direction, double> no_empties;
  const CostComparison at_value = compare_costs(s, j, kXian, no_empties);
  ASSERT_TRUE(at_value.sea && at_value.breakeven_cargo_value_usd);
  // The lane's prices: rail 9000 - 1000, sea 2500 + 600 + 700; 0.5 % a day over 30 days.
  const double expected = ((9000 - 1000) - (2500 + 600 + 700)) / (0.005 * (44 - 14));
  EXPECT_NEAR(*at_value.breakeven_cargo_value_usd, expected, 1e-6);
  const double breakeven = *at_value.breakeven_cargo_value_usd;
  s.lanes[kXian].demand[Direction::Westbound].cargo_value_usd = breakeven * 1.05;
  EXPECT_EQ(compare_costs(s, j, kXian, no_empties).cheaper_mode(), "rail");
  s.lanes[kXian].demand[Direction::Westbound].cargo_value_usd = breakeven * 0.95;
  EXPECT_EQ(compare_costs(s, j, kXian, no_empties).cheaper_mode(), "sea");
  // The focus lane's prices and value are not the lane's: its own breakeven differs.
  s.costs->rail.through_rate_usd_per_feu = 100000;
  EXPECT_EQ(compare_costs(s, j, kXian, no_empties).cheaper_mode(), "sea");
  EXPECT_NEAR(*compare_costs(s, j, kXian, no_empties).breakeven_cargo_value_usd, expected, 1e-6);
}

// A price change names the lane whose prices it changes; without `lane:` it is the focus
// lane's.
TEST(LaneSea, APriceChangeChangesOnlyTheLaneItNames) {
  const std::string disruption = "disruptions:\n  - {kind: price, mode: sea, from_day: 0, to_day: 100, "
                                 "freight_usd_per_feu: 5000, lane: xian-lodz}\n";
  const Scenario s = load(fixture() + disruption);
  ASSERT_EQ(s.disruptions.size(), 1u);
  EXPECT_EQ(s.disruptions[0].lane, kXian);
  EXPECT_DOUBLE_EQ(freight_usd_at(s, kXian, "sea", 24.0), 5000);
  EXPECT_DOUBLE_EQ(freight_usd_at(s, 0, "sea", 24.0), 1600);
  EXPECT_EQ(s.disruptions[0].where(), "xian-lodz sea freight");
}
