// Time-varying freight (kind: price) and the empty-repositioning charge in the cost model,
// without SimGrid: hand-made journals, each result checked against the rule in docs/costs.md.
#include <gtest/gtest.h>

#include "results/Costs.hpp"
#include "results/DisruptionTotals.hpp"
#include "scenario/PriceChanges.hpp"

namespace rongou {
namespace {

Disruption price(const std::string& mode, double from_day, double to_day, std::optional<double> factor,
                 std::optional<double> set = std::nullopt) {
  Disruption d;
  d.kind = DisruptionKind::Price;
  d.mode = mode;
  d.from_day = from_day;
  d.to_day = to_day;
  d.price_factor = factor;
  d.freight_usd_per_feu = set;
  return d;
}

struct Fixture {
  Scenario s;
  Journal j;
  Fixture() {
    s.warmup_days = 0.0;
    s.horizon_days = 20.0;
    s.demand[Direction::Westbound] = {100.0, 50000.0};
    s.sea = SeaSpec{};
    CostSpec c;
    c.rail.through_rate_usd_per_feu = 7000;
    c.sea.freight_usd_per_feu = 2000;
    c.value_of_time_pct_per_day = 1.0;
    s.costs = c;
    j.trains.push_back(TrainRecord{});
    j.trains[0].service = "west";
    // One rail and one sea container gated in on each of days 1..10, all delivered.
    for (int day = 1; day <= 10; ++day) {
      ContainerRecord rc;
      rc.id = day - 1; // a container's id is its index in the journal
      rc.direction = Direction::Westbound;
      rc.created_h = day * 24.0;
      rc.train = 0;
      rc.arrived_h = rc.created_h + 240.0;
      j.containers.push_back(rc);
      SeaRecord sr;
      sr.container = rc.id;
      sr.gate_in_h = day * 24.0;
      sr.arrived_h = sr.gate_in_h + 960.0;
      j.sea.push_back(sr);
    }
  }
  RailMetrics rail() const { return compute_rail_metrics(s, j); }
};

TEST(PriceChanges, WithoutWindowsTheBasePriceHolds) {
  Fixture f;
  EXPECT_DOUBLE_EQ(rail_cost(f.s, f.j, f.rail(), 0).freight, 7000);
  EXPECT_DOUBLE_EQ(sea_cost(f.s, f.j, 0).freight, 2000);
}

TEST(PriceChanges, AContainerPaysThePriceOfItsGateInDay) {
  Fixture f;
  f.s.disruptions.push_back(price("sea", 6, 11, 5.0)); // days 6..10: five of the ten containers
  EXPECT_DOUBLE_EQ(freight_usd_at(f.s, "sea", 5.5 * 24), 2000);
  EXPECT_DOUBLE_EQ(freight_usd_at(f.s, "sea", 6 * 24), 10000);
  EXPECT_DOUBLE_EQ(freight_usd_at(f.s, "rail", 6 * 24), 7000); // the other mode is untouched
  EXPECT_DOUBLE_EQ(sea_cost(f.s, f.j, 0).freight, (5 * 2000 + 5 * 10000) / 10.0);
  EXPECT_DOUBLE_EQ(rail_cost(f.s, f.j, f.rail(), 0).freight, 7000);
}

TEST(PriceChanges, ASetPriceReplacesAndAFactorMultipliesInScenarioOrder) {
  Fixture f;
  f.s.disruptions.push_back(price("rail", 0, 20, std::nullopt, 9000.0));
  f.s.disruptions.push_back(price("rail", 5, 20, 0.5));
  EXPECT_DOUBLE_EQ(freight_usd_at(f.s, "rail", 24), 9000);
  EXPECT_DOUBLE_EQ(freight_usd_at(f.s, "rail", 5 * 24), 4500);
  EXPECT_DOUBLE_EQ(freight_usd_at(f.s, "rail", 5 * 24, 1), 9000); // first window only
}

TEST(PriceChanges, EastboundPricesDefaultToTheWestboundOnesAndTakeTheSameWindows) {
  Fixture f;
  const int lane = f.s.focus_lane;
  f.s.costs->rail.subsidy_usd_per_feu = 3000;
  EXPECT_DOUBLE_EQ(base_freight_usd(f.s, lane, "rail", Direction::Eastbound), 7000);
  EXPECT_DOUBLE_EQ(base_freight_usd(f.s, lane, "sea", Direction::Eastbound), 2000);
  EXPECT_DOUBLE_EQ(flat_rail_subsidy_usd(f.s, lane, Direction::Eastbound), 3000);
  f.s.costs->rail.eastbound_through_rate_usd_per_feu = 4000;
  f.s.costs->rail.eastbound_subsidy_usd_per_feu = 1000;
  f.s.costs->sea.eastbound_freight_usd_per_feu = 600;
  EXPECT_DOUBLE_EQ(base_freight_usd(f.s, lane, "rail", Direction::Eastbound), 4000);
  EXPECT_DOUBLE_EQ(base_freight_usd(f.s, lane, "sea", Direction::Eastbound), 600);
  EXPECT_DOUBLE_EQ(flat_rail_subsidy_usd(f.s, lane, Direction::Eastbound), 1000);
  // Westbound is untouched by them.
  EXPECT_DOUBLE_EQ(base_freight_usd(f.s, lane, "rail", Direction::Westbound), 7000);
  EXPECT_DOUBLE_EQ(flat_rail_subsidy_usd(f.s, lane, Direction::Westbound), 3000);
  EXPECT_DOUBLE_EQ(rail_subsidy_usd_at(f.s, lane, 24.0, -1, Direction::Eastbound), 1000);
  // A factor scales each direction's own price; a set price sets both.
  f.s.disruptions.push_back(price("sea", 6, 11, 2.0));
  f.s.disruptions.push_back(price("rail", 12, 20, std::nullopt, 9000.0));
  EXPECT_DOUBLE_EQ(FreightSchedule(f.s, lane, "sea", Direction::Eastbound).usd_at(7 * 24), 1200);
  EXPECT_DOUBLE_EQ(FreightSchedule(f.s, lane, "sea", Direction::Westbound).usd_at(7 * 24), 4000);
  EXPECT_DOUBLE_EQ(FreightSchedule(f.s, lane, "rail", Direction::Eastbound).usd_at(13 * 24), 9000);
  EXPECT_DOUBLE_EQ(FreightSchedule(f.s, lane, "rail", Direction::Eastbound).usd_at(24), 4000);
}

TEST(PriceChanges, AnEastboundShareOfFreightSubsidyIsAShareOfTheEastboundFreight) {
  Fixture f;
  ChoiceSpec choice;
  choice.classes.push_back(CommodityClass{});
  choice.classes[0].subsidy_usd_per_feu = 100;
  choice.subsidy_share_of_freight = 0.5;
  f.s.choice = choice;
  f.s.costs->rail.eastbound_through_rate_usd_per_feu = 4000;
  f.s.costs->rail.eastbound_subsidy_usd_per_feu = 0;
  EXPECT_DOUBLE_EQ(rail_subsidy_usd_at(f.s, f.s.focus_lane, 24.0, 0, Direction::Eastbound), 0.5 * 4000 + 100);
  EXPECT_DOUBLE_EQ(rail_subsidy_usd_at(f.s, f.s.focus_lane, 24.0, 0, Direction::Westbound), 0.5 * 7000 + 100);
}

TEST(PriceChanges, HigherSeaPricesNeverMakeSeaCheaperAndMoveTheBreakeven) {
  Fixture f;
  const auto before = compare_costs(f.s, f.j, f.rail());
  f.s.disruptions.push_back(price("sea", 0, 20, 4.0));
  const auto after = compare_costs(f.s, f.j, f.rail());
  EXPECT_GT(after.sea->total(), before.sea->total());
  EXPECT_DOUBLE_EQ(after.rail.total(), before.rail.total());
  // Rail is faster here, so a dearer sea lowers the cargo value above which rail wins.
  ASSERT_TRUE(before.breakeven_cargo_value_usd);
  if (after.breakeven_cargo_value_usd) {
    EXPECT_LT(*after.breakeven_cargo_value_usd, *before.breakeven_cargo_value_usd);
  }
}

TEST(PriceChanges, TotalsCountTheContainersHitAndWhatTheyPaidExtra) {
  Fixture f;
  f.s.disruptions.push_back(price("sea", 6, 11, 5.0));
  f.s.disruptions.push_back(price("rail", 1, 3, std::nullopt, 6000.0));
  const auto totals = disruption_totals(f.s, f.j);
  ASSERT_EQ(totals.size(), 2u);
  EXPECT_EQ(totals[0].kind, "price");
  EXPECT_EQ(totals[0].where, "sea freight");
  EXPECT_EQ(totals[0].containers_hit, 5);
  EXPECT_DOUBLE_EQ(totals[0].extra_usd, 5 * 8000.0);
  EXPECT_EQ(totals[1].containers_hit, 2);
  EXPECT_DOUBLE_EQ(totals[1].extra_usd, 2 * -1000.0);
  EXPECT_EQ(totals[0].trains_hit, 0);
}

TEST(EmptyRepositioning, NoRateNoCharge) {
  Fixture f;
  EXPECT_DOUBLE_EQ(rail_cost(f.s, f.j, f.rail(), 0).empty_repositioning, 0.0);
}

TEST(EmptyRepositioning, ChargeIsLinearInTheRateAndPartOfTheTotal) {
  Fixture f;
  f.s.rail.services.push_back({});
  f.s.rail.services[0].name = "west";
  f.s.rail.services[0].direction = Direction::Westbound;
  f.s.rail.services[0].max_feu = 41;
  f.s.rail.services.push_back(f.s.rail.services[0]);
  f.s.rail.services[1].name = "east";
  f.s.rail.services[1].direction = Direction::Eastbound;
  // Ten westbound containers reach Lodz in week 1, when an almost empty eastbound train
  // leaves with room for them: there are empties to send back.
  f.j.trains[0].direction = Direction::Westbound;
  f.j.trains[0].feu = 10;
  f.j.trains[0].planned_departure_h = 24.0;
  f.j.trains[0].arrived_h = 24.0 * 12;
  TrainRecord east;
  east.service = "east";
  east.direction = Direction::Eastbound;
  east.feu = 1;
  east.planned_departure_h = 24.0 * 8;
  east.arrived_h = 24.0 * 15;
  f.j.trains.push_back(east);
  for (auto& c : f.j.containers)
    c.arrived_h = 24.0 * 12; // week 1, when the eastbound train leaves
  f.s.costs->rail.empty_repositioning_usd_per_feu = 100.0;
  const ModeCost a = rail_cost(f.s, f.j, f.rail(), 0);
  f.s.costs->rail.empty_repositioning_usd_per_feu = 300.0;
  const ModeCost b = rail_cost(f.s, f.j, f.rail(), 0);
  EXPECT_GT(a.empty_repositioning, 0.0);
  EXPECT_NEAR(b.empty_repositioning, 3.0 * a.empty_repositioning, 1e-9);
  EXPECT_NEAR(b.total() - a.total(), b.empty_repositioning - a.empty_repositioning, 1e-9);
}

TEST(EmptyRepositioning, ChargesTheEmptiesOfTheRailMetricsGiven) {
  // The caller's metrics, not a recomputation: 2 empties a week planted where the journal
  // has none are charged over the 20/7 measured weeks and spread over the 10 containers.
  Fixture f;
  f.s.costs->rail.empty_repositioning_usd_per_feu = 100.0;
  RailMetrics rail = f.rail();
  EXPECT_DOUBLE_EQ(compare_costs(f.s, f.j, rail).rail.empty_repositioning, 0.0);
  rail.empty_feu_per_week[Direction::Westbound] = 0.5;
  rail.empty_feu_per_week[Direction::Eastbound] = 1.5;
  EXPECT_NEAR(compare_costs(f.s, f.j, rail).rail.empty_repositioning, 100.0 * 2.0 * (20.0 / 7.0) / 10.0, 1e-9);
}

} // namespace
} // namespace rongou
