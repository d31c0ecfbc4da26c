#include <gtest/gtest.h>

#include "scenario/Diagnostics.hpp"
#include "scenario/ScenarioLoader.hpp"
#include "support/Files.hpp"

using namespace rongou;

namespace {

// The baseline with these disruptions instead of its own (a list is replaced whole).
std::string with_disruptions(const std::string& block) { return "extends: baseline-2018.yaml\ndisruptions:\n" + block; }

std::string error_of(const std::string& yaml) {
  try {
    load_scenario_from_string(yaml, "d.yaml", rongou::test::source_path("scenarios"));
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

} // namespace

TEST(DisruptionReader, ReadsEveryKind) {
  const auto s = load_scenario_from_string(
      with_disruptions("  - {kind: capacity, node: Malaszewicze, from_day: 10, to_day: 20, factor: 0.5}\n"
                       "  - {kind: closure, segment: [Brest, Malaszewicze], from_day: 1, to_day: 2}\n"
                       "  - {kind: locomotives, section: [Osinovka, Brest], from_day: 3, to_day: 4, count: 1}\n"
                       "  - {kind: slowdown, segment: [Kazan, Moscow], from_day: 5, to_day: 6, speed_factor: 0.5}\n"),
      "d.yaml", rongou::test::source_path("scenarios"));
  ASSERT_GE(s.disruptions.size(), 4u);
  for (std::size_t i = 4; i < s.disruptions.size(); ++i) // then the calendar's windows
    EXPECT_FALSE(s.disruptions[i].origin.empty());
  EXPECT_EQ(s.disruptions[0].kind, DisruptionKind::Capacity);
  EXPECT_DOUBLE_EQ(*s.disruptions[0].factor, 0.5);
  EXPECT_EQ(s.disruptions[1].where(), "Brest-Malaszewicze");
  EXPECT_EQ(s.disruptions[2].count, 1);
  EXPECT_DOUBLE_EQ(s.disruptions[3].speed_factor, 0.5);
}

TEST(DisruptionReader, ErrorsNameTheLineAndKeyPath) {
  const std::string yaml = with_disruptions("  - {kind: closure, from_day: 5, to_day: 2, node: Brest}\n"
                                            "  - {kind: flood, from_day: 1, to_day: 2}\n"
                                            "  - {kind: slowdown, segment: [Kazan], from_day: 1, to_day: 2, speed: 1}\n");
  const std::string err = error_of(yaml);
  EXPECT_NE(err.find("disruptions.0.to_day"), std::string::npos) << err;
  EXPECT_NE(err.find("disruptions.1.kind"), std::string::npos) << err;
  EXPECT_NE(err.find("disruptions.2.segment"), std::string::npos) << err;
  EXPECT_NE(err.find("disruptions.2.speed"), std::string::npos) << err;
  EXPECT_NE(err.find("d.yaml:"), std::string::npos) << err;
}

TEST(DisruptionReader, ReadsSeaDelaysAndPriceChanges) {
  const auto s = load_scenario_from_string(
      with_disruptions("  - {kind: sea_delay, from_day: 10, to_day: 20, extra_days: 12}\n"
                       "  - {kind: price, mode: sea, from_day: 0, to_day: 100, price_factor: 6}\n"
                       "  - {kind: price, mode: rail, from_day: 0, to_day: 100, freight_usd_per_feu: 9000}\n"),
      "d.yaml", rongou::test::source_path("scenarios"));
  ASSERT_GE(s.disruptions.size(), 3u); // then the calendar's windows
  EXPECT_EQ(s.disruptions[0].kind, DisruptionKind::SeaDelay);
  EXPECT_DOUBLE_EQ(s.disruptions[0].extra_days, 12);
  EXPECT_EQ(s.disruptions[0].where(), "ocean");
  EXPECT_EQ(s.disruptions[1].kind, DisruptionKind::Price);
  EXPECT_DOUBLE_EQ(*s.disruptions[1].price_factor, 6);
  EXPECT_FALSE(s.disruptions[1].freight_usd_per_feu);
  EXPECT_EQ(s.disruptions[2].where(), "rail freight");
  EXPECT_DOUBLE_EQ(*s.disruptions[2].freight_usd_per_feu, 9000);
}

TEST(DisruptionReader, PriceAndSeaDelayMistakesAreNamed) {
  const std::string err =
      error_of(with_disruptions("  - {kind: price, mode: air, from_day: 0, to_day: 10, price_factor: 2}\n"
                                "  - {kind: price, mode: sea, from_day: 0, to_day: 10}\n"
                                "  - {kind: sea_delay, from_day: 0, to_day: 10, extra_days: 5, factor: 0.5}\n"));
  EXPECT_NE(err.find("disruptions.0.mode: 'air' is not a mode"), std::string::npos) << err;
  EXPECT_NE(err.find("disruptions.1: a price change needs price_factor"), std::string::npos) << err;
  EXPECT_NE(err.find("disruptions.2.factor"), std::string::npos) << err;
}

TEST(DisruptionReader, AClosureHoldsByDefaultAndReadsItsPolicy) {
  const auto s = load_scenario_from_string(
      with_disruptions("  - {kind: closure, node: Brest, from_day: 1, to_day: 2}\n"
                       "  - {kind: closure, node: Brest, from_day: 3, to_day: 4, policy: hold_at_origin}\n"
                       "  - {kind: closure, segment: [Brest, Malaszewicze], from_day: 5, to_day: 6, policy: cancel}\n"),
      "d.yaml", rongou::test::source_path("scenarios"));
  ASSERT_GE(s.disruptions.size(), 3u);
  EXPECT_EQ(s.disruptions[0].policy, ClosurePolicy::Hold);
  EXPECT_EQ(s.disruptions[1].policy, ClosurePolicy::HoldAtOrigin);
  EXPECT_EQ(s.disruptions[2].policy, ClosurePolicy::Cancel);
  for (std::size_t i = 3; i < s.disruptions.size(); ++i) // the calendar's closures hold
    EXPECT_EQ(s.disruptions[i].policy, ClosurePolicy::Hold);
  const std::string err = error_of(with_disruptions("  - {kind: closure, node: Brest, from_day: 1, to_day: 2, policy: detour}\n"));
  EXPECT_NE(err.find("disruptions.0.policy: 'detour' is not a closure policy"), std::string::npos) << err;
  const std::string bare = error_of(with_disruptions("  - {kind: closure, node: Brest, from_day: 1, to_day: 2, policy: reroute}\n"));
  EXPECT_NE(bare.find("disruptions.0.policy: policy reroute needs detour"), std::string::npos) << bare;
  const Scenario rerouted = load_scenario_from_string(
      with_disruptions("  - {kind: closure, node: Brest, from_day: 1, to_day: 2, policy: reroute, detour: round}\n"),
      "d.yaml", rongou::test::source_path("scenarios"));
  EXPECT_EQ(rerouted.disruptions[0].policy, ClosurePolicy::Reroute);
  EXPECT_EQ(rerouted.disruptions[0].detour, "round");
}
