#include <gtest/gtest.h>

#include "scenario/Diagnostics.hpp"
#include "scenario/ScenarioLoader.hpp"
#include "support/Files.hpp"

using namespace rongou;
using rongou::test::source_path;

namespace {
const char* kMinimal = R"(name: tiny
platform: ../platforms/rong-ou.xml
horizon_days: 28
demand:
  westbound: {feu_per_week: 10, cargo_value_usd: 50000}
rail:
  services:
    - {name: w, direction: westbound, route: [Chengdu, Baoji], departures: [Mon], max_feu: 41}
)";

std::string error_of(const std::string& yaml) {
  try {
    load_scenario_from_string(yaml, "test.yaml", source_path("scenarios"));
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}
} // namespace

TEST(ScenarioLoader, BaselineLoadsWithTheTimetableOf2018) {
  const auto s = load_scenario(source_path("scenarios/baseline-2018.yaml"));
  EXPECT_EQ(s.name, "baseline-2018");
  ASSERT_EQ(s.rail.services.size(), 2u);
  EXPECT_EQ(s.rail.services[0].departure_weekdays.size(), 6u);
  EXPECT_EQ(s.rail.services[1].departure_weekdays.size(), 5u);
  EXPECT_EQ(s.rail.services[0].route.front(), "Chengdu");
  EXPECT_EQ(s.rail.services[0].route.back(), "Lodz");
  EXPECT_TRUE(std::filesystem::exists(s.platform_file)) << s.platform_file;
}

TEST(ScenarioLoader, MinimalScenarioUsesDefaults) {
  const auto s = load_scenario_from_string(kMinimal, "test.yaml", source_path("scenarios"));
  EXPECT_EQ(s.platform_file, std::filesystem::path(source_path("platforms/rong-ou.xml")).lexically_normal().string());
  EXPECT_EQ(s.seed, 1u);
  EXPECT_DOUBLE_EQ(s.warmup_days, 0.0);
  EXPECT_DOUBLE_EQ(s.rail.services[0].departure_hour, 18.0);
}

TEST(ScenarioLoader, UnknownKeyIsReportedWithItsLineAndASuggestion) {
  std::string yaml = kMinimal;
  yaml += "horizon_dayz: 3\n";
  const auto message = error_of(yaml);
  EXPECT_NE(message.find("test.yaml:9:1: horizon_dayz: unknown key (did you mean 'horizon_days'?)"), std::string::npos)
      << message;
}

TEST(ScenarioLoader, MalformedYamlNamesTheLine) {
  const auto message = error_of("name: x\nrail: [a, b\n");
  EXPECT_NE(message.find("test.yaml:3:"), std::string::npos) << message;
  EXPECT_NE(message.find("malformed YAML"), std::string::npos) << message;
}

TEST(ScenarioLoader, EveryProblemIsReportedNotOnlyTheFirst) {
  std::string yaml = kMinimal;
  yaml.replace(yaml.find("horizon_days: 28"), 16, "horizon_days: -5");
  yaml.replace(yaml.find("[Mon]"), 5, "[Mon, Funday]");
  yaml.replace(yaml.find("max_feu: 41"), 11, "max_feu: lots");
  const auto message = error_of(yaml);
  EXPECT_NE(message.find("horizon_days: -5 is out of range"), std::string::npos) << message;
  EXPECT_NE(message.find("rail.services.0.departures.1: 'Funday' is not a weekday"), std::string::npos) << message;
  EXPECT_NE(message.find("rail.services.0.max_feu: expected a number, got 'lots'"), std::string::npos) << message;
}

TEST(ScenarioLoader, DistributionsAreCheckedByName) {
  std::string yaml = kMinimal;
  yaml += "  running_delay_fraction: {dist: lognormal, mean: 0.1, sd: 2}\n";
  yaml += "  border_dwell_hours: {dist: triangle, min: 1, mode: 2, max: 3}\n";
  const auto message = error_of(yaml);
  EXPECT_NE(message.find("rail.running_delay_fraction.sd: unknown key"), std::string::npos) << message;
  EXPECT_NE(message.find("rail.running_delay_fraction.cv: missing required key"), std::string::npos) << message;
  EXPECT_NE(message.find("unknown distribution 'triangle' (did you mean 'triangular'?)"), std::string::npos)
      << message;
}

TEST(ScenarioLoader, MissingRequiredKeysAreNamed) {
  const auto message = error_of("name: x\n");
  for (const char* key : {"platform: missing required key", "horizon_days: missing required key",
                          "demand: missing required key", "rail: missing required key"})
    EXPECT_NE(message.find(key), std::string::npos) << key << "\n" << message;
}

TEST(ScenarioLoader, WagonFleetsTakeTheirDefaultsAndTheirDepots) {
  const auto s = load_scenario(source_path("scenarios/wagon-shortage.yaml"),
                               {"rail.wagons.1.depots={Dostyk: 400, Malaszewicze: 200}",
                                "rail.wagons.1.feu_per_wagon=2", "rail.wagons.1.max_idle_hours=12"});
  ASSERT_EQ(s.rail.wagons.size(), 3u);
  const WagonFleetSpec& standard = s.rail.wagons[0];
  EXPECT_EQ(standard.label(), "Chengdu-Dostyk");
  EXPECT_EQ(standard.count, 800);
  EXPECT_EQ(standard.feu_per_wagon, 1);
  EXPECT_DOUBLE_EQ(standard.max_idle_hours, 48.0);
  EXPECT_FALSE(standard.depots.has_value());
  EXPECT_EQ(standard.based_at_first(), 400);
  const WagonFleetSpec& broad = s.rail.wagons[1];
  EXPECT_EQ(broad.feu_per_wagon, 2);
  EXPECT_DOUBLE_EQ(broad.max_idle_hours, 12.0);
  ASSERT_TRUE(broad.depots.has_value());
  EXPECT_EQ(broad.based_at_first(), 400);
  EXPECT_EQ(broad.depots->second, 200);
  // Without `rail.wagons` there are none.
  EXPECT_TRUE(load_scenario(source_path("scenarios/baseline-2018.yaml")).rail.wagons.empty());
}
