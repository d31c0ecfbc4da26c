// End to end through `rongou run`, one process per run: the two modes get their random draws
// from separate streams, runs are reproducible, and the baseline lands in published ranges.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "support/Files.hpp"
#include "support/RunCommand.hpp"
#include "support/TempDir.hpp"

using namespace rongou::test;

namespace {

namespace fs = std::filesystem;

class SeaCli : public ::testing::Test {
protected:
  void SetUp() override {
    baseline_ = read_file(source_path("scenarios/baseline-2018.yaml"));
    replace(baseline_, "platform: ../platforms/rong-ou.xml", "platform: " + source_path("platforms/rong-ou.xml"));
  }

  static void replace(std::string& text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
  }
  // Writes the scenario, runs it and returns the exit code; outputs go to dir_/name/out.
  int run(const std::string& name, const std::string& yaml, std::string* stderr_text = nullptr) {
    const fs::path scenario = dir_ / (name + ".yaml");
    write_file(scenario, yaml);
    const auto result = run_rongou({"run", scenario.string(), "--quiet", "--out", (dir_ / name / "out").string()});
    if (stderr_text)
      *stderr_text = result.err;
    return result.exit_code;
  }
  std::string output(const std::string& name, const std::string& file) { return read_file(dir_ / name / "out" / file); }

  TempDir temp_;
  const fs::path dir_ = temp_.path();
  std::string baseline_;
};

TEST_F(SeaCli, SeaResultsDoNotDependOnRailParameters) {
  std::string changed = baseline_;
  replace(changed, "running_delay_fraction: {dist: lognormal, mean: 0.01, cv: 0.8}",
          "running_delay_fraction: {dist: lognormal, mean: 0.20, cv: 0.5}");
  replace(changed, "departures: [Mon, Tue, Wed, Thu, Fri, Sat]", "departures: [Mon, Wed, Fri]");
  ASSERT_EQ(run("a", baseline_), 0);
  ASSERT_EQ(run("b", changed), 0);
  EXPECT_NE(output("a", "containers.csv"), output("b", "containers.csv")); // the change did bite on rail
  EXPECT_FALSE(output("a", "sea.csv").empty());
  EXPECT_EQ(output("a", "sea.csv"), output("b", "sea.csv"));
  EXPECT_EQ(output("a", "sailings.csv"), output("b", "sailings.csv"));
}

// The eastbound chain draws from streams of its own and writes beside the westbound one:
// every CSV file is as without it, and the summary only gains modes.sea_eastbound and the
// eastbound cost block (costs_eastbound).
TEST_F(SeaCli, AnEastboundChainLeavesEveryWestboundResultAsItWas) {
  std::string mirrored = baseline_;
  replace(mirrored, "\nsea:\n", "\nsea:\n  eastbound: mirror\n");
  ASSERT_EQ(run("a", baseline_), 0);
  ASSERT_EQ(run("b", mirrored), 0);
  int compared = 0;
  for (const auto& entry : fs::directory_iterator(dir_ / "a" / "out")) {
    const std::string file = entry.path().filename().string();
    if (entry.path().extension() != ".csv")
      continue;
    EXPECT_EQ(output("a", file), output("b", file)) << file;
    ++compared;
  }
  EXPECT_GE(compared, 10); // sea.csv, sailings.csv, containers.csv, trains.csv, events.csv ...
  const auto a = nlohmann::json::parse(output("a", "summary.json"));
  auto b = nlohmann::json::parse(output("b", "summary.json"));
  ASSERT_TRUE(b["modes"].contains("sea_eastbound"));
  const auto east = b["modes"]["sea_eastbound"];
  EXPECT_EQ(east["direction"], "eastbound");
  // Every eastbound container offered in the window arrives, after about as long at sea.
  EXPECT_GT(east["containers_offered"].get<int>(), 0);
  EXPECT_EQ(east["containers_delivered"], east["containers_offered"]);
  EXPECT_NEAR(east["transit_days"]["mean"].get<double>(), a["modes"]["sea"]["transit_days"]["mean"].get<double>(), 8.0);
  b["modes"].erase("sea_eastbound");
  // The back-haul is costed at the westbound prices when no eastbound price is given; the
  // empties stay the westbound flow's charge.
  ASSERT_TRUE(b.contains("costs_eastbound"));
  const auto& east_costs = b["costs_eastbound"];
  EXPECT_EQ(east_costs["rail"]["cost_usd_per_feu"]["freight"], a["modes"]["rail"]["cost_usd_per_feu"]["freight"]);
  EXPECT_EQ(east_costs["sea"]["cost_usd_per_feu"]["freight"], a["modes"]["sea"]["cost_usd_per_feu"]["freight"]);
  EXPECT_EQ(east_costs["rail"]["cost_usd_per_feu"]["empty_repositioning"].get<double>(), 0.0);
  EXPECT_GT(east_costs["rail"]["co2_kg_per_feu"].get<double>(), 0.0);
  EXPECT_GT(east_costs["sea"]["co2_kg_per_feu"].get<double>(), 0.0);
  b.erase("costs_eastbound");
  b["scenario"] = a["scenario"];
  EXPECT_EQ(a, b);
}

TEST_F(SeaCli, RailResultsDoNotDependOnSeaParameters) {
  std::string changed = baseline_;
  replace(changed, "european_port: gdansk", "european_port: rotterdam");
  replace(changed, "ocean_delay_days: {dist: exponential, mean: 1.0}", "ocean_delay_days: {dist: exponential, mean: 3.0}");
  ASSERT_EQ(run("a", baseline_), 0);
  ASSERT_EQ(run("b", changed), 0);
  EXPECT_NE(output("a", "sea.csv"), output("b", "sea.csv"));
  for (const char* f : {"containers.csv", "trains.csv", "events.csv", "weekly.csv"})
    EXPECT_EQ(output("a", f), output("b", f)) << f;
}

TEST_F(SeaCli, SameScenarioAndSeedGiveIdenticalOutputs) {
  ASSERT_EQ(run("a", baseline_), 0);
  ASSERT_EQ(run("b", baseline_), 0);
  for (const char* f : {"sea.csv", "sailings.csv", "summary.json", "containers.csv"})
    EXPECT_EQ(output("a", f), output("b", f)) << f;
}

TEST_F(SeaCli, BaselineMatchesPublishedRanges) {
  ASSERT_EQ(run("a", baseline_), 0);
  const auto j = nlohmann::json::parse(output("a", "summary.json"));
  const auto& sea = j["modes"]["sea"];
  const auto& rail = j["modes"]["rail"];
  // Sea door to door Chengdu-Lodz: 45-55 days published (docs/reference-data.md).
  EXPECT_GE(sea["transit_days"]["mean"].get<double>(), 45.0);
  EXPECT_LE(sea["transit_days"]["mean"].get<double>(), 55.0);
  EXPECT_EQ(sea["containers_delivered"], sea["containers_offered"]);
  // Rail's freight price, after subsidy, is 2-4 times sea's at 2018-19 prices.
  const double ratio = j["comparison"]["rail_to_sea_freight_ratio"].get<double>();
  EXPECT_GE(ratio, 2.0);
  EXPECT_LE(ratio, 4.0);
  for (const auto* mode : {&rail, &sea}) {
    const auto& c = (*mode)["cost_usd_per_feu"];
    const double sum = c["freight"].get<double>() + c["haulage"].get<double>() + c["subsidy"].get<double>() +
                       c["handling"].get<double>() + c["gauge_change"].get<double>() + c["inventory"].get<double>() +
                       c["co2"].get<double>();
    EXPECT_NEAR(c["total"].get<double>(), sum, 0.05);
    EXPECT_GT((*mode)["co2_kg_per_feu"].get<double>(), 0.0);
  }
  EXPECT_NEAR(j["comparison"]["rail_minus_sea_cost_usd_per_feu"].get<double>(),
              rail["cost_usd_per_feu"]["total"].get<double>() - sea["cost_usd_per_feu"]["total"].get<double>(), 0.05);
  EXPECT_TRUE(j["comparison"]["breakeven_cargo_value_usd"].is_number());
}

TEST_F(SeaCli, BadSeaInputExitsWithCode2AndNamesTheKey) {
  std::string bad = baseline_;
  replace(bad, "vessel_capacity_feu: 200", "vessel_capacity_feu: -4");
  std::string err;
  EXPECT_EQ(run("a", bad, &err), 2);
  EXPECT_NE(err.find("sea.loops.0.vessel_capacity_feu: -4 is out of range"), std::string::npos) << err;
  EXPECT_FALSE(fs::exists(dir_ / "a" / "out"));
}

// For the same demand, shippers who time their pre-carriage to a sailing's cut-off wait less at
// Shanghai than shippers who send each box on at its gate-in: the wait for the weekly sailing
// moves into the factory, ahead of the sea twin's gate-in.
TEST_F(SeaCli, TimedPrecarriageWaitsLessAtThePortThanAsReady) {
  std::string as_ready = baseline_;
  replace(as_ready, "precarriage: timed", "precarriage: as_ready");
  ASSERT_EQ(run("timed", baseline_), 0);
  ASSERT_EQ(run("as_ready", as_ready), 0);
  const auto timed_sea = nlohmann::json::parse(output("timed", "summary.json"))["modes"]["sea"];
  const auto ready_sea = nlohmann::json::parse(output("as_ready", "summary.json"))["modes"]["sea"];
  const double timed_wait = timed_sea["main_haul_hours"]["port_wait"].get<double>();
  const double ready_wait = ready_sea["main_haul_hours"]["port_wait"].get<double>();
  EXPECT_LT(timed_wait, ready_wait);
  EXPECT_GT(timed_sea["precarriage"]["shift_hours"].get<double>(), 0.0);
  EXPECT_EQ(ready_sea["precarriage"]["shift_hours"].get<double>(), 0.0);
  // Blank sailings and roll-overs are drawn per sailing, whatever the shippers do.
  EXPECT_EQ(timed_sea["blank_sailing_share"], ready_sea["blank_sailing_share"]);
  EXPECT_GT(timed_sea["blank_sailing_share"].get<double>(), 0.0);
  EXPECT_GT(timed_sea["rolled_share"].get<double>(), 0.0);
  for (const char* loop : {"ae10", "ocean-alliance"})
    EXPECT_GT(timed_sea["loops"][loop]["containers"].get<int>(), 0) << loop;
  // The loop columns of the per-record files.
  EXPECT_NE(output("timed", "sailings.csv").find(",loop,blanked,rolled_share_drawn\n"), std::string::npos);
  EXPECT_NE(output("timed", "sea.csv").find(",loop,precarriage_shift_h\n"), std::string::npos);
}

} // namespace
