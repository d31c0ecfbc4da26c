// The cost model without SimGrid: a hand-made journal, each component checked against its
// formula (docs/costs.md), and the breakeven cargo value checked by recomputing both totals.
#include <gtest/gtest.h>

#include "results/Costs.hpp"

namespace rongou {
namespace {

struct Fixture {
  Scenario s;
  Journal j;

  Fixture() {
    s.warmup_days = 1.0;
    s.horizon_days = 10.0;
    s.demand[Direction::Westbound] = {100.0, 50000.0};
    s.sea = SeaSpec{};
    CostSpec c;
    c.rail.through_rate_usd_per_feu = 7000;
    c.rail.subsidy_usd_per_feu = 3000;
    c.rail.gauge_change_usd_per_feu_per_yard = 150;
    c.rail.handling_usd_per_feu_origin = 100;
    c.rail.handling_usd_per_feu_destination = 120;
    c.sea.freight_usd_per_feu = 1600;
    c.sea.inland_haulage_usd_per_feu = 800;
    c.sea.last_leg_usd_per_feu = 400;
    c.sea.handling_usd_per_feu_origin_port = 150;
    c.sea.handling_usd_per_feu_destination_port = 200;
    c.value_of_time_pct_per_day = 1.0;
    c.tonnes_per_feu = 10;
    s.costs = c;

    j.trains.push_back(TrainRecord{});
    j.trains[0].service = "west";
    j.rail_routes["west"] = {1000.0, 2};
    // Two measured rail containers (10 and 14 days), one in the warm-up, one not delivered,
    // one eastbound: only the first two count.
    add_rail(48.0, 10.0);
    add_rail(60.0, 14.0);
    add_rail(5.0, 2.0);
    add_rail(70.0, std::nullopt);
    add_rail(50.0, 1.0, Direction::Eastbound);
    // Sea: 40 and 50 days measured, one in the warm-up.
    add_sea(48.0, 40.0);
    add_sea(60.0, 50.0);
    add_sea(5.0, 10.0);
    j.sea_legs = {{"Chengdu", "Shanghai", "inland_rail", 100.0, 0, ""},
                  {"Shanghai", "Gdansk", "sea", 1000.0, 0, ""},
                  {"Gdansk", "Lodz", "road", 50.0, 0, ""}};
  }
  void add_rail(double gate_in_h, std::optional<double> days, Direction d = Direction::Westbound) {
    ContainerRecord c;
    c.id = static_cast<int>(j.containers.size());
    c.direction = d;
    c.created_h = gate_in_h;
    c.train = 0;
    if (days)
      c.arrived_h = gate_in_h + 24.0 * *days;
    j.containers.push_back(c);
  }
  RailMetrics rail() const { return compute_rail_metrics(s, j); }
  // The sea twin of the rail container of the same index (the same gate-in, by which both
  // modes are measured).
  void add_sea(double gate_in_h, double days) {
    SeaRecord r;
    r.container = static_cast<int>(j.sea.size());
    EXPECT_EQ(j.containers.at(static_cast<std::size_t>(r.container)).created_h, gate_in_h);
    r.gate_in_h = gate_in_h;
    r.arrived_h = gate_in_h + 24.0 * days;
    j.sea.push_back(r);
  }
};

TEST(Costs, RailFreightIsTheThroughRateOrTheSumOfSectionTariffs) {
  Fixture f;
  EXPECT_DOUBLE_EQ(rail_cost(f.s, f.j, f.rail(), 0).freight, 7000);
  f.s.costs->rail.through_rate_usd_per_feu.reset();
  f.s.costs->rail.section_tariffs = {{"Chengdu", "Alashankou", 2500}, {"Dostyk", "Brest", 3500}, {"Brest", "Lodz", 900}};
  EXPECT_DOUBLE_EQ(rail_cost(f.s, f.j, f.rail(), 0).freight, 6900);
}

TEST(Costs, SubsidyLowersTheRailTotal) {
  Fixture f;
  const ModeCost with = rail_cost(f.s, f.j, f.rail(), 0);
  f.s.costs->rail.subsidy_usd_per_feu = 0;
  const ModeCost without = rail_cost(f.s, f.j, f.rail(), 0);
  EXPECT_DOUBLE_EQ(with.subsidy, -3000);
  EXPECT_DOUBLE_EQ(without.total() - with.total(), 3000);
}

TEST(Costs, HandlingAtBothEnds) {
  Fixture f;
  EXPECT_DOUBLE_EQ(rail_cost(f.s, f.j, f.rail(), 0).handling, 220);
  EXPECT_DOUBLE_EQ(sea_cost(f.s, f.j, 0).handling, 350);
}

TEST(Costs, SeaHaulageIsInlandPlusLastLeg) {
  Fixture f;
  const ModeCost sea = sea_cost(f.s, f.j, 0);
  EXPECT_DOUBLE_EQ(sea.freight, 1600);
  EXPECT_DOUBLE_EQ(sea.haulage, 1200);
  EXPECT_DOUBLE_EQ(sea.subsidy, 0);
  EXPECT_DOUBLE_EQ(sea.gauge_change, 0);
}

TEST(Costs, GaugeChangeFeeIsPerYardOnTheContainersRoute) {
  Fixture f;
  EXPECT_DOUBLE_EQ(rail_cost(f.s, f.j, f.rail(), 0).gauge_change, 300); // two yards
  // Half the measured containers on a service with one yard: the mean is 1.5 yards.
  f.j.trains.push_back(TrainRecord{});
  f.j.trains[1].service = "khorgos";
  f.j.rail_routes["khorgos"] = {900.0, 1};
  f.j.containers[1].train = 1;
  EXPECT_DOUBLE_EQ(rail_cost(f.s, f.j, f.rail(), 0).gauge_change, 225);
}

TEST(Costs, InventoryIsCargoValueTimesValueOfTimeTimesMeanTransit) {
  Fixture f;
  const ModeCost rail = rail_cost(f.s, f.j, f.rail(), 50000);
  EXPECT_DOUBLE_EQ(rail.mean_transit_days, 12.0); // warm-up, undelivered and eastbound left out
  EXPECT_EQ(rail.containers, 2);
  EXPECT_NEAR(rail.inventory, 50000 * 0.01 * 12.0, 1e-9);
  const ModeCost sea = sea_cost(f.s, f.j, 50000);
  EXPECT_DOUBLE_EQ(sea.mean_transit_days, 45.0);
  EXPECT_NEAR(sea.inventory, 50000 * 0.01 * 45.0, 1e-9);
}

TEST(Costs, AnnualCapitalRateIsSpreadOverTheYear) {
  Fixture f;
  f.s.costs->value_of_time_pct_per_day.reset();
  f.s.costs->capital_rate_pct_per_year = 36.5; // 0.1 % a day
  EXPECT_NEAR(rail_cost(f.s, f.j, f.rail(), 50000).inventory, 50000 * 0.001 * 12.0, 1e-9);
}

TEST(Costs, Co2IsTheWellToWheelEmissionsAtTheCarbonPrice) {
  Fixture f;
  const ModeCost sea = sea_cost(f.s, f.j, 0);
  EXPECT_DOUBLE_EQ(sea.co2_kg, sea.emissions.wtw_kg_per_feu());
  EXPECT_GT(sea.emissions.wtw_kg_per_feu(), sea.emissions.ttw_kg_per_feu());
  EXPECT_DOUBLE_EQ(sea.distance_km, 1150.0); // the chain's vehicle legs
  EXPECT_DOUBLE_EQ(sea.co2, 0.0);            // no carbon price
  f.s.costs->co2_usd_per_tonne = 80;
  EXPECT_NEAR(sea_cost(f.s, f.j, 0).co2, sea.co2_kg / 1000.0 * 80, 1e-9);
  const ModeCost rail = rail_cost(f.s, f.j, f.rail(), 0);
  EXPECT_DOUBLE_EQ(rail.co2_kg, rail.emissions.wtw_kg_per_feu());
}

TEST(Costs, TotalIsTheSumOfItsComponents) {
  Fixture f;
  f.s.costs->co2_usd_per_tonne = 50;
  for (const ModeCost& m : {rail_cost(f.s, f.j, f.rail(), 30000), sea_cost(f.s, f.j, 30000)})
    EXPECT_NEAR(m.total(), m.freight + m.haulage + m.subsidy + m.handling + m.gauge_change + m.inventory + m.co2,
                1e-9);
}

TEST(Costs, BothTotalsAreEqualAtTheBreakevenCargoValue) {
  Fixture f;
  f.s.costs->co2_usd_per_tonne = 30;
  const CostComparison c = compare_costs(f.s, f.j, f.rail());
  ASSERT_TRUE(c.breakeven_cargo_value_usd.has_value());
  const double v = *c.breakeven_cargo_value_usd;
  EXPECT_GT(v, 0.0);
  EXPECT_NEAR(rail_cost(f.s, f.j, f.rail(), v).total(), sea_cost(f.s, f.j, v).total(), 1e-6);
  // Rail is faster, so it is cheaper above the breakeven and dearer below.
  EXPECT_LT(rail_cost(f.s, f.j, f.rail(), v * 1.1).total(), sea_cost(f.s, f.j, v * 1.1).total());
  EXPECT_GT(rail_cost(f.s, f.j, f.rail(), v * 0.9).total(), sea_cost(f.s, f.j, v * 0.9).total());
}

TEST(Costs, NoBreakevenWhenOneModeIsCheaperAtEveryValue) {
  Fixture f;
  f.s.costs->rail.subsidy_usd_per_feu = 7000; // rail faster and no dearer before inventory
  const CostComparison c = compare_costs(f.s, f.j, f.rail());
  EXPECT_FALSE(c.breakeven_cargo_value_usd.has_value());
  EXPECT_EQ(c.cheaper_mode(), "rail");
  f.s.costs->value_of_time_pct_per_day = 0.0; // no value of time: no slope at all
  EXPECT_FALSE(compare_costs(f.s, f.j, f.rail()).breakeven_cargo_value_usd.has_value());
}

TEST(Costs, CheaperModeFollowsTheScenarioCargoValue) {
  Fixture f;
  const CostComparison c = compare_costs(f.s, f.j, f.rail());
  ASSERT_TRUE(c.breakeven_cargo_value_usd);
  f.s.demand[Direction::Westbound].cargo_value_usd = *c.breakeven_cargo_value_usd * 2;
  EXPECT_EQ(compare_costs(f.s, f.j, f.rail()).cheaper_mode(), "rail");
  f.s.demand[Direction::Westbound].cargo_value_usd = *c.breakeven_cargo_value_usd / 2;
  EXPECT_EQ(compare_costs(f.s, f.j, f.rail()).cheaper_mode(), "sea");
}

} // namespace
} // namespace rongou
