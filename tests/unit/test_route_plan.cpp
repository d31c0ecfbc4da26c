#include <gtest/gtest.h>

#include "model/rail/RoutePlan.hpp"

using namespace rongou;

namespace {

Corridor small_corridor(bool yard_at_b = true) {
  Corridor c;
  c.source_file = "small.xml";
  c.add_node({"A", {"terminal"}, "CN", "", std::nullopt, std::nullopt, std::nullopt, std::nullopt});
  Node b{"B", {"border", "break_of_gauge"}, "KZ", "CN-KZ", std::nullopt, std::nullopt, std::nullopt, std::nullopt};
  if (yard_at_b)
    b.yard = TransshipmentYard{2, 2, 1, 10.0, 0.0};
  c.add_node(b);
  c.add_node({"C", {"border"}, "RU", "KZ-RU", std::nullopt, std::nullopt, std::nullopt, std::nullopt});
  c.add_node({"D", {"terminal"}, "RU", "", std::nullopt, std::nullopt, std::nullopt, std::nullopt});
  c.add_segment({"A-B", "A", "B", "rail", 100, "", 1435, 1000, 50});
  c.add_segment({"B-C", "B", "C", "rail", 200, "", 1520, 1000, 57});
  c.add_segment({"C-D", "C", "D", "rail", 300, "", 1520, 1000, 57});
  return c;
}

LocomotivePoolSpec pool(const std::string& first, const std::string& second, int count, double servicing_h) {
  LocomotivePoolSpec spec;
  spec.first_node = first;
  spec.second_node = second;
  spec.count = count;
  spec.servicing_hours = servicing_h;
  return spec;
}

Scenario scenario_on(std::vector<std::string> route, std::vector<LocomotivePoolSpec> pools) {
  Scenario s;
  s.source_file = "s.yaml";
  RailService svc;
  svc.name = "svc";
  svc.route = std::move(route);
  svc.departure_weekdays = {0};
  svc.max_feu = 41;
  s.rail.services = {svc};
  s.rail.locomotives = std::move(pools);
  s.rail.border_dwell_hours = Distribution::fixed(3.0);
  s.positions["rail.services.0.route.2"] = {12, 7};
  s.sources.set("", {"s.yaml", true});
  return s;
}

} // namespace

TEST(RoutePlan, PlacesGaugeChangesLocomotivesAndBordersOnTheRoute) {
  const Corridor corridor = small_corridor();
  const Scenario s = scenario_on({"A", "B", "C", "D"}, {pool("A", "B", 1, 0), pool("D", "B", 2, 0)});
  Diagnostics diagnostics;
  const auto plans = build_route_plans(s, corridor, diagnostics);
  ASSERT_TRUE(diagnostics.empty()) << diagnostics.format();
  const auto& stops = plans.at(0).stops;
  ASSERT_EQ(stops.size(), 4u);
  EXPECT_DOUBLE_EQ(plans[0].length_km, 600.0);
  EXPECT_EQ(stops[0].acquire_pool, 0);
  EXPECT_EQ(stops[1].release_pool, 0);
  EXPECT_EQ(stops[1].acquire_pool, 1); // a section is used in either direction
  EXPECT_EQ(stops[3].release_pool, 1);
  EXPECT_TRUE(stops[1].changes_gauge);
  EXPECT_FALSE(stops[2].changes_gauge);
  EXPECT_TRUE(stops[1].border_dwell_hours.has_value());
  EXPECT_TRUE(stops[2].border_dwell_hours.has_value());
  EXPECT_FALSE(stops[0].border_dwell_hours.has_value());
  EXPECT_EQ(stops[3].next, nullptr);
}

TEST(RoutePlan, UnknownNodeIsReportedAtItsLineWithASuggestion) {
  const Scenario s = scenario_on({"A", "B", "CC", "D"}, {});
  Diagnostics diagnostics;
  build_route_plans(s, small_corridor(), diagnostics);
  EXPECT_NE(diagnostics.format().find("s.yaml:12:7: rail.services.0.route.2: node 'CC' is not in platform small.xml "
                                      "(did you mean 'C'?)"),
            std::string::npos)
      << diagnostics.format();
}

TEST(RoutePlan, MissingSegmentIsReported) {
  const Scenario s = scenario_on({"A", "C", "D"}, {});
  Diagnostics diagnostics;
  build_route_plans(s, small_corridor(), diagnostics);
  EXPECT_NE(diagnostics.format().find("no segment joins 'A' and 'C'"), std::string::npos) << diagnostics.format();
}

TEST(RoutePlan, PoolOfZeroOnAUsedSectionWouldDeadlockAndIsRejected) {
  const Scenario s = scenario_on({"A", "B", "C", "D"}, {pool("A", "B", 0, 5)});
  Diagnostics diagnostics;
  build_route_plans(s, small_corridor(), diagnostics);
  EXPECT_NE(diagnostics.format().find("rail.locomotives.0.count: a pool of 0 locomotives"), std::string::npos)
      << diagnostics.format();
}

TEST(RoutePlan, SectionsOffTheRouteAndOverlappingSectionsAreRejected) {
  const Scenario off = scenario_on({"A", "B"}, {pool("C", "D", 1, 0)});
  Diagnostics d1;
  build_route_plans(off, small_corridor(), d1);
  EXPECT_NE(d1.format().find("section C-D is not on the route of any service"), std::string::npos) << d1.format();

  const Scenario overlap = scenario_on({"A", "B", "C", "D"}, {pool("A", "C", 1, 0), pool("B", "D", 1, 0)});
  Diagnostics d2;
  build_route_plans(overlap, small_corridor(), d2);
  EXPECT_NE(d2.format().find("overlaps section A-C"), std::string::npos) << d2.format();
}

TEST(RoutePlan, GaugeChangeWithoutAYardIsRejected) {
  const Scenario s = scenario_on({"A", "B", "C"}, {});
  Diagnostics diagnostics;
  build_route_plans(s, small_corridor(false), diagnostics);
  EXPECT_NE(diagnostics.format().find("the gauge changes at 'B' (1435 to 1520 mm)"), std::string::npos)
      << diagnostics.format();
}

TEST(RoutePlan, TrainLongerThanTheFirstSegmentAllowsIsRejected) {
  Scenario s = scenario_on({"A", "B"}, {});
  s.rail.services[0].max_feu = 60;
  Diagnostics diagnostics;
  build_route_plans(s, small_corridor(), diagnostics);
  EXPECT_NE(diagnostics.format().find("60 FEU is longer than segment 'A-B' allows (50 FEU)"), std::string::npos)
      << diagnostics.format();
}

namespace {

WagonFleetSpec fleet(const std::string& first, const std::string& second, int count) {
  WagonFleetSpec spec;
  spec.first_node = first;
  spec.second_node = second;
  spec.count = count;
  return spec;
}

} // namespace

TEST(RoutePlan, TrainsTakeWagonsWhereTheyAreFormedAndGiveThemBackWhereTheyBreakUp) {
  const Corridor corridor = small_corridor();
  // A-B standard gauge to the yard at B; B-D broad gauge. The eastbound way round: D to A.
  for (const bool reversed : {false, true}) {
    Scenario s = scenario_on(reversed ? std::vector<std::string>{"D", "C", "B", "A"}
                                      : std::vector<std::string>{"A", "B", "C", "D"},
                             {});
    s.rail.wagons = {fleet("A", "B", 41), fleet("B", "D", 50)};
    Diagnostics diagnostics;
    const auto plans = build_route_plans(s, corridor, diagnostics);
    ASSERT_TRUE(diagnostics.empty()) << diagnostics.format();
    const auto& stops = plans.at(0).stops;
    const std::size_t a = reversed ? 3 : 0, b = reversed ? 2 : 1, d = reversed ? 0 : 3;
    // Fleet 0 [A, B], fleet 1 [B, D]: the first end of each is 0.
    const std::size_t first = reversed ? d : a;
    EXPECT_EQ(stops[first].wagons_take, reversed ? 1 : 0);
    EXPECT_EQ(stops[first].wagons_take_end, reversed ? 1 : 0);
    EXPECT_EQ(stops[b].wagons_return, reversed ? 1 : 0);
    EXPECT_EQ(stops[b].wagons_return_end, reversed ? 0 : 1);
    EXPECT_EQ(stops[b].wagons_take, reversed ? 0 : 1);
    EXPECT_EQ(stops[b].wagons_take_end, reversed ? 1 : 0);
    const std::size_t last = reversed ? a : d;
    EXPECT_EQ(stops[last].wagons_return, reversed ? 0 : 1);
    EXPECT_EQ(stops[reversed ? 1 : 2].wagons_take, -1) << "C is no place where trains are formed";
    EXPECT_EQ(stops[reversed ? 1 : 2].wagons_return, -1);
  }
}

TEST(RoutePlan, RefusesFleetsNotWhereTrainsFormOrTooSmallForATrain) {
  const Corridor corridor = small_corridor();
  Scenario s = scenario_on({"A", "B", "C", "D"}, {});
  s.rail.wagons = {fleet("A", "C", 100), fleet("C", "D", 100), fleet("B", "D", 40), fleet("A", "B", 100)};
  // The length limit after B (57 FEU) does not cut a 41-FEU train: 40 wagons cannot form one.
  Diagnostics diagnostics;
  build_route_plans(s, corridor, diagnostics);
  const std::string text = diagnostics.format();
  EXPECT_NE(text.find("rail.wagons.0.section: section A-C is not where service 'svc' forms"), std::string::npos)
      << text;
  EXPECT_NE(text.find("rail.wagons.1.section: section C-D is not where service 'svc' forms"), std::string::npos)
      << text;
  EXPECT_NE(text.find("rail.wagons.2.count: 40 wagons cannot form one train of service 'svc'"), std::string::npos)
      << text;
  EXPECT_EQ(text.find("rail.wagons.3"), std::string::npos) << text;
}
