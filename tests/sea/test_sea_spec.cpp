// Reading `sea:` and `costs:`: values land in the typed scenario, mistakes are reported with
// their line and key path.
#include <gtest/gtest.h>

#include "scenario/Diagnostics.hpp"
#include "scenario/ScenarioLoader.hpp"

namespace rongou {
namespace {

const std::string kHead = R"(name: t
platform: p.xml
horizon_days: 28
demand:
  westbound: {feu_per_week: 10, cargo_value_usd: 1000}
rail:
  services:
    - {name: w, direction: westbound, route: [Chengdu, Baoji], departures: [Mon], max_feu: 41}
)";

const std::string kSea = R"(sea:
  inland_mode: barge
  sailings: [Wed, Sat]
  sailing_hour: 6
  cutoff_hours_before_sailing: 24
  vessel_capacity_feu: 100
  ocean_transit_days: 30
  ocean_delay_days: {dist: exponential, mean: 1}
  european_port: hamburg
  port_dwell_days: 3
  last_leg_mode: road
)";

const std::string kCosts = R"(costs:
  rail:
    section_tariffs:
      - {section: [Chengdu, Dostyk], usd_per_feu: 3000}
      - {section: [Dostyk, Lodz], usd_per_feu: 4000}
    subsidy_usd_per_feu: 2000
  sea: {freight_usd_per_feu: 1500}
  capital_rate_pct_per_year: 10
  emissions: {ship: {wtw_g_co2e_per_teu_km: 100}}
  co2_usd_per_tonne: 25
)";

std::string error_of(const std::string& yaml) {
  try {
    load_scenario_from_string(yaml, "s.yaml", ".");
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(SeaSpec, ReadsEveryKey) {
  const Scenario s = load_scenario_from_string(kHead + kSea + kCosts, "s.yaml", ".");
  ASSERT_TRUE(s.sea && s.costs);
  EXPECT_EQ(s.sea->inland_mode, InlandMode::Barge);
  EXPECT_EQ(s.sea->sailing_weekdays, (std::vector<int>{2, 5}));
  EXPECT_DOUBLE_EQ(s.sea->sailing_hour, 6);
  EXPECT_DOUBLE_EQ(s.sea->cutoff_hours_before_sailing, 24);
  EXPECT_EQ(s.sea->vessel_capacity_feu, 100);
  EXPECT_EQ(s.sea->ocean_transit_days, 30.0);
  EXPECT_EQ(s.sea->ocean_delay_days.kind, Distribution::Kind::Exponential);
  EXPECT_EQ(s.sea->european_port, "Hamburg");
  EXPECT_DOUBLE_EQ(s.sea->port_dwell_days.expected(), 3);
  EXPECT_EQ(s.sea->last_leg_mode, LastLegMode::Road);
  EXPECT_DOUBLE_EQ(s.costs->rail.freight_usd_per_feu(), 7000);
  EXPECT_DOUBLE_EQ(s.costs->rail.subsidy_usd_per_feu, 2000);
  EXPECT_DOUBLE_EQ(s.costs->sea.freight_usd_per_feu, 1500);
  EXPECT_NEAR(s.costs->inventory_fraction_per_day(), 0.10 / 365.0, 1e-15);
  EXPECT_DOUBLE_EQ(s.costs->emissions.ship_wtw_g_co2e_per_teu_km(false), 100);
  EXPECT_DOUBLE_EQ(s.costs->emissions.rail.electric_kwh_per_train_km, 11.1); // default kept
  EXPECT_DOUBLE_EQ(s.costs->co2_usd_per_tonne, 25);
}

// Westbound Chengdu -> Baoji, eastbound Baoji -> Chengdu: the eastbound chain's ends.
const std::string kBothWays = R"(name: t
platform: p.xml
horizon_days: 28
demand:
  westbound: {feu_per_week: 10, cargo_value_usd: 1000}
  eastbound: {feu_per_week: 5, cargo_value_usd: 1000}
rail:
  services:
    - {name: w, direction: westbound, route: [Chengdu, Baoji], departures: [Mon], max_feu: 41}
    - {name: e, direction: eastbound, route: [Baoji, Chengdu], departures: [Tue], max_feu: 41}
sea:
  sailings: [Wed, Sat]
  vessel_capacity_feu: 100
  inland_delay_days: 1
  last_leg_mode: road
)";

TEST(SeaSpec, WithoutEastboundThereIsNoEastboundChain) {
  const Scenario s = load_scenario_from_string(kBothWays, "s.yaml", ".");
  ASSERT_TRUE(s.sea);
  EXPECT_FALSE(s.sea->eastbound);
}

TEST(SeaSpec, EastboundMirrorCopiesTheWestboundChainBetweenTheEastboundTerminals) {
  const Scenario s = load_scenario_from_string(kBothWays + "  eastbound: mirror\n", "s.yaml", ".");
  ASSERT_TRUE(s.sea && s.sea->eastbound);
  const SeaSpec& e = *s.sea->eastbound;
  EXPECT_EQ(e.sailing_weekdays, s.sea->sailing_weekdays);
  EXPECT_EQ(e.vessel_capacity_feu, 100);
  EXPECT_DOUBLE_EQ(e.inland_delay_days.expected(), 1.0);
  EXPECT_EQ(e.last_leg_mode, LastLegMode::Road);
  // Westbound geography: origin is the Chinese end, where the eastbound services end.
  EXPECT_EQ(e.origin, "Chengdu");
  EXPECT_EQ(e.destination, "Baoji");
  EXPECT_FALSE(e.eastbound);
}

TEST(SeaSpec, AnEastboundMapChangesOnlyWhatItGives) {
  const Scenario s = load_scenario_from_string(kBothWays + "  eastbound: {last_leg_mode: rail, port_dwell_days: 3}\n",
                                               "s.yaml", ".");
  ASSERT_TRUE(s.sea && s.sea->eastbound);
  const SeaSpec& e = *s.sea->eastbound;
  EXPECT_EQ(e.last_leg_mode, LastLegMode::Rail);
  EXPECT_DOUBLE_EQ(e.port_dwell_days.expected(), 3.0);
  EXPECT_EQ(e.sailing_weekdays, (std::vector<int>{2, 5})); // mirrored
  EXPECT_DOUBLE_EQ(e.inland_delay_days.expected(), 1.0);     // mirrored
  EXPECT_EQ(s.sea->last_leg_mode, LastLegMode::Road);        // westbound untouched
}

TEST(SeaSpec, AnEastboundTimetableReplacesTheWholeWestboundOne) {
  const Scenario s = load_scenario_from_string(
      kBothWays + "  eastbound:\n    loops:\n      - {name: back, sailings: [Fri], vessel_capacity_feu: 40}\n", "s.yaml",
      ".");
  ASSERT_TRUE(s.sea && s.sea->eastbound);
  const auto loops = s.sea->eastbound->effective_loops();
  ASSERT_EQ(loops.size(), 1u);
  EXPECT_EQ(loops[0].name, "back");
  EXPECT_EQ(loops[0].sailing_weekdays, (std::vector<int>{4}));
  EXPECT_EQ(loops[0].vessel_capacity_feu, 40);
  EXPECT_TRUE(s.sea->loops.empty()); // westbound keeps its single loop
  EXPECT_EQ(s.sea->effective_loops()[0].vessel_capacity_feu, 100);
}

TEST(SeaSpec, AnEastboundSingleLoopNeedsItsSailingsAndSlots) {
  const std::string e = error_of(kBothWays + "  eastbound: {sailing_hour: 6}\n");
  EXPECT_NE(e.find("sea.eastbound.sailings"), std::string::npos) << e;
  EXPECT_NE(e.find("sea.eastbound.vessel_capacity_feu"), std::string::npos) << e;
}

TEST(SeaSpec, BothSectionsAreOptional) {
  const Scenario s = load_scenario_from_string(kHead, "s.yaml", ".");
  EXPECT_FALSE(s.sea);
  EXPECT_FALSE(s.costs);
}

const std::string kLoops = R"(sea:
  precarriage: timed
  sailing_choice: first_sailing
  precarriage_margin_hours: 6
  loops:
    - name: ae10
      sailings: [Wed]
      vessel_capacity_feu: 200
      blank_sailing_probability: 0.03
      blank_sailing_seasons:
        - {from_day: 42, to_day: 63, probability: 0.15}
      rolled_share: {dist: triangular, min: 0, mode: 0.05, max: 0.2}
    - name: oa
      sailings: [Sat]
      sailing_hour: 12
      vessel_capacity_feu: 150
      ocean_transit_days: 37
)";

TEST(SeaSpec, ReadsLoopsAndPrecarriage) {
  const Scenario s = load_scenario_from_string(kHead + kLoops, "s.yaml", ".");
  ASSERT_TRUE(s.sea);
  EXPECT_EQ(s.sea->precarriage, Precarriage::Timed);
  EXPECT_EQ(s.sea->sailing_choice, SailingChoice::FirstSailing);
  EXPECT_DOUBLE_EQ(s.sea->precarriage_margin_hours, 6);
  EXPECT_TRUE(s.sea->reports_loops());
  const auto loops = s.sea->effective_loops();
  ASSERT_EQ(loops.size(), 2u);
  EXPECT_EQ(loops[0].name, "ae10");
  EXPECT_EQ(loops[0].sailing_weekdays, (std::vector<int>{2}));
  EXPECT_EQ(loops[0].vessel_capacity_feu, 200);
  EXPECT_FALSE(loops[0].ocean_transit_days);
  EXPECT_DOUBLE_EQ(loops[0].blank_probability_at(24.0 * 40), 0.03);
  EXPECT_DOUBLE_EQ(loops[0].blank_probability_at(24.0 * 42), 0.15);
  EXPECT_DOUBLE_EQ(loops[0].blank_probability_at(24.0 * 63), 0.03); // to_day is exclusive
  EXPECT_EQ(loops[0].rolled_share.kind, Distribution::Kind::Triangular);
  EXPECT_EQ(loops[1].name, "oa");
  EXPECT_DOUBLE_EQ(loops[1].sailing_hour, 12);
  EXPECT_EQ(loops[1].ocean_transit_days, 37.0);
  EXPECT_DOUBLE_EQ(loops[1].blank_probability_at(24.0 * 50), 0.0);
}

// A section without `loops` is one loop of its own keys, with the names and streams it had.
TEST(SeaSpec, TheSingleLoopKeysMakeOneUnnamedLoop) {
  const Scenario s = load_scenario_from_string(kHead + kSea, "s.yaml", ".");
  ASSERT_TRUE(s.sea);
  EXPECT_FALSE(s.sea->reports_loops());
  const auto loops = s.sea->effective_loops();
  ASSERT_EQ(loops.size(), 1u);
  EXPECT_EQ(loops[0].name, "");
  EXPECT_EQ(loops[0].label(), "single");
  EXPECT_EQ(loops[0].sailing_weekdays, (std::vector<int>{2, 5}));
  EXPECT_EQ(loops[0].vessel_capacity_feu, 100);
  EXPECT_EQ(loops[0].ocean_transit_days, 30.0);
}

TEST(SeaSpec, LoopMistakesNameTheirKeyPath) {
  std::string mixed = kHead + kLoops;
  mixed.replace(mixed.find("  loops:"), 8, "  sailings: [Mon]\n  loops:");
  EXPECT_NE(error_of(mixed).find("sea.sailings: this key describes the section's single loop"), std::string::npos)
      << error_of(mixed);
  std::string bad_share = kHead + kLoops;
  bad_share.replace(bad_share.find("max: 0.2}"), 9, "max: 1.5}");
  EXPECT_NE(error_of(bad_share).find("sea.loops.0.rolled_share"), std::string::npos) << error_of(bad_share);
  std::string no_name = kHead + kLoops;
  no_name.replace(no_name.find("name: oa\n      "), 15, "");
  EXPECT_NE(error_of(no_name).find("sea.loops.1.name: missing required key"), std::string::npos) << error_of(no_name);
  std::string bad_choice = kHead + kLoops;
  bad_choice.replace(bad_choice.find("first_sailing"), 13, "cheapest");
  EXPECT_NE(error_of(bad_choice).find("sea.sailing_choice: 'cheapest' is not one of earliest_arrival, first_sailing"),
            std::string::npos)
      << error_of(bad_choice);
}

TEST(SeaSpec, MistakesNameFileLineAndKey) {
  std::string yaml = kHead + kSea + kCosts;
  yaml.replace(yaml.find("vessel_capacity_feu"), 19, "vesel_capacity_feu");
  yaml.replace(yaml.find("hamburg"), 7, "hamburgh");
  const std::string e = error_of(yaml);
  EXPECT_NE(e.find("s.yaml:14:3: sea.vesel_capacity_feu: unknown key (did you mean 'vessel_capacity_feu'?)"),
            std::string::npos)
      << e;
  // Any other name than gdansk, hamburg and rotterdam is a platform node, checked against the
  // platform (tests/sea/test_sea_chain.cpp): the loader only checks that it is a name.
  EXPECT_EQ(e.find("hamburgh"), std::string::npos) << e;
  EXPECT_NE(e.find("sea.vessel_capacity_feu: missing required key"), std::string::npos) << e;
}

TEST(SeaSpec, PortsNameAnyNodeAndTheLowerCaseNamesStayThePortsTheyWere) {
  std::string yaml = kHead + kSea + kCosts;
  yaml.replace(yaml.find("european_port: hamburg"), 22, "european_port: rotterdam\n  origin_port: Ningbo");
  Scenario s = load_scenario_from_string(yaml, "s.yaml", ".");
  EXPECT_EQ(s.sea->european_port, "Rotterdam");
  EXPECT_EQ(s.sea->origin_port, "Ningbo");
  yaml.replace(yaml.find("european_port: rotterdam"), 24, "european_port: Gdynia");
  s = load_scenario_from_string(yaml, "s.yaml", ".");
  EXPECT_EQ(s.sea->european_port, "Gdynia");
  EXPECT_EQ(s.sea->origin, "Chengdu"); // the westbound service's terminals
  EXPECT_EQ(s.sea->destination, "Baoji");
  yaml.replace(yaml.find("european_port: Gdynia"), 21, "european_port: 'Gdy,nia'");
  EXPECT_NE(error_of(yaml).find("sea.european_port: not a valid node name"), std::string::npos) << error_of(yaml);
}

TEST(SeaSpec, ALanesSeaAndCostsNeedTheLanesWestboundServiceAndSeaPrices) {
  const std::string lane = R"(lanes:
  - name: other
    demand:
      eastbound: {feu_per_week: 10, cargo_value_usd: 1000}
    services:
      - {name: e, direction: eastbound, route: [Baoji, Chengdu], departures: [Mon], max_feu: 41}
    sea:
      sailings: [Wed]
      vessel_capacity_feu: 10
    costs:
      rail: {through_rate_usd_per_feu: 7000}
)";
  const std::string e = error_of(kHead + lane);
  EXPECT_NE(e.find("s.yaml:16:7: lanes.0.sea: the sea alternative carries westbound containers, and lane 'other' has "
                   "no westbound service"),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("lanes.0.costs.sea: the scenario has a sea route"), std::string::npos) << e;
}

TEST(SeaSpec, RailFreightNeedsExactlyOnePriceForm) {
  std::string both = kHead + kSea + kCosts;
  both.replace(both.find("    section_tariffs:"), 0, "    through_rate_usd_per_feu: 7000\n");
  EXPECT_NE(error_of(both).find("give either through_rate_usd_per_feu or section_tariffs"), std::string::npos);
  const std::string none = kHead + "costs:\n  rail: {subsidy_usd_per_feu: 1}\n";
  EXPECT_NE(error_of(none).find("costs.rail: missing the freight price"), std::string::npos) << error_of(none);
}

TEST(SeaSpec, ASeaRouteNeedsSeaPrices) {
  const std::string yaml = kHead + kSea + "costs:\n  rail: {through_rate_usd_per_feu: 7000}\n  value_of_time_pct_per_day: 1\n";
  EXPECT_NE(error_of(yaml).find("costs.sea: the scenario has a sea route"), std::string::npos) << error_of(yaml);
}

TEST(SeaSpec, ValueOfTimeAndCapitalRateExcludeEachOther) {
  std::string yaml = kHead + kSea + kCosts + "  value_of_time_pct_per_day: 1\n";
  EXPECT_NE(error_of(yaml).find("not both"), std::string::npos) << error_of(yaml);
}

} // namespace
} // namespace rongou
