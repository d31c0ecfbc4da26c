// The corridor platform as SimGrid reads it.
#include <gtest/gtest.h>

#include "run/Simulation.hpp"
#include "scenario/ScenarioLoader.hpp"
#include "support/Files.hpp"

using namespace rongou;
using rongou::test::source_path;

namespace {
PreparedRun baseline_run() { return prepare_run(load_scenario(source_path("scenarios/baseline-2018.yaml"))); }
} // namespace

TEST(Platform, DefaultRouteIsThePublished9826Km) {
  const auto run = baseline_run();
  EXPECT_DOUBLE_EQ(run.plans.at(0).length_km, 9826.0);
  EXPECT_DOUBLE_EQ(run.plans.at(1).length_km, 9826.0); // eastbound runs the same line back
}

TEST(Platform, GaugesAreChineseAndPolishStandardAndBroadInBetween) {
  const auto run = baseline_run();
  for (const auto& stop : run.plans.at(0).stops) {
    if (stop.next == nullptr)
      continue;
    const Node* from = run.corridor.node(stop.node);
    ASSERT_NE(from, nullptr);
    const bool broad_country = from->country == "KZ" || from->country == "RU" || from->country == "BY";
    if (stop.node == "Alashankou") // the cross-border line into the Dostyk yard
      EXPECT_EQ(stop.next->gauge_mm, 1435);
    else
      EXPECT_EQ(stop.next->gauge_mm, broad_country ? 1520 : 1435) << stop.next->id;
  }
}

TEST(Platform, TheTwoBreaksOfGaugeAreDostykAndMalaszewicze) {
  const auto run = baseline_run();
  for (const auto& plan : run.plans) {
    std::vector<std::string> changes;
    for (const auto& stop : plan.stops)
      if (stop.changes_gauge)
        changes.push_back(stop.node);
    std::sort(changes.begin(), changes.end());
    EXPECT_EQ(changes, (std::vector<std::string>{"Dostyk", "Malaszewicze"})) << plan.service;
  }
}

TEST(Platform, KhorgosAlternativeIsConnectedWithItsYard) {
  const auto run = baseline_run();
  const Corridor& c = run.corridor;
  EXPECT_NE(c.segment_between("Jinghe", "Khorgos"), nullptr);
  EXPECT_DOUBLE_EQ(c.segment_between("Jinghe", "Khorgos")->distance_km, 286.0);
  ASSERT_TRUE(c.node("Altynkol")->yard.has_value());
  EXPECT_EQ(c.node("Altynkol")->yard->cranes, 3);
  EXPECT_EQ(c.node("Altynkol")->yard->tracks, 6);
  EXPECT_GT(c.route_length_km({"Chengdu", "Baoji", "Lanzhou", "Urumqi", "Jinghe", "Khorgos", "Altynkol", "Almaty",
                               "Moyinty"}),
            0.0);
}

TEST(Platform, EstimatedDistancesSayTheyAreEstimates) {
  const auto run = baseline_run();
  for (const auto& s : run.corridor.segments())
    EXPECT_FALSE(s.distance_source.empty()) << s.id << " gives no source for its distance";
}
