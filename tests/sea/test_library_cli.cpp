// The price and sea-side scenarios of the library, end to end through `rongou run`, one
// process per run: each changes what it says and nothing else.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "support/Files.hpp"
#include "support/RunCommand.hpp"
#include "support/TempDir.hpp"

using namespace rongou::test;

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

class Library : public ::testing::Test {
protected:
  // Runs a scenario file; returns its summary.json and keeps its terminal table.
  json run(const fs::path& scenario, const std::string& name) {
    const fs::path out = dir_ / name;
    const auto result = run_rongou({"run", scenario.string(), "--no-report", "--out", out.string()});
    EXPECT_EQ(result.exit_code, 0) << result;
    tables_[name] = result.out;
    return json::parse(read_file(out / "summary.json"));
  }
  std::string table(const std::string& name) { return tables_.at(name); }
  static fs::path library(const std::string& file) { return source_path("scenarios/" + file); }

  TempDir temp_;
  const fs::path dir_ = temp_.path();
  std::map<std::string, std::string> tables_; // what each run printed on stdout, by name
};

double cost(const json& j, const std::string& mode, const std::string& part) {
  return j["modes"][mode]["cost_usd_per_feu"][part].get<double>();
}

TEST_F(Library, SubsidyCutRaisesTheRailTotalByTheSubsidyAndChangesNothingElse) {
  const json base = run(library("baseline-2018.yaml"), "base");
  const json cut = run(library("subsidy-cut.yaml"), "cut");
  EXPECT_DOUBLE_EQ(cost(cut, "rail", "subsidy"), 0.0);
  EXPECT_NEAR(cost(cut, "rail", "total") - cost(base, "rail", "total"), -cost(base, "rail", "subsidy"), 0.02);
  EXPECT_DOUBLE_EQ(cost(cut, "sea", "total"), cost(base, "sea", "total"));
  EXPECT_EQ(cut["modes"]["rail"]["transit_days"], base["modes"]["rail"]["transit_days"]);
  // A dearer rail can only raise the cargo value above which rail wins.
  if (!base["comparison"]["breakeven_cargo_value_usd"].is_null() &&
      !cut["comparison"]["breakeven_cargo_value_usd"].is_null()) {
    EXPECT_GT(cut["comparison"]["breakeven_cargo_value_usd"].get<double>(),
              base["comparison"]["breakeven_cargo_value_usd"].get<double>());
  }
  EXPECT_NE(table("cut").find("breakeven cargo value"), std::string::npos);
  EXPECT_NE(table("cut").find("is cheaper"), std::string::npos);
}

TEST_F(Library, SeaRateSpikeChargesThePeakToTheBoxesGatedInDuringIt) {
  const json spike = run(library("sea-rate-spike-2021.yaml"), "spike");
  ASSERT_GE(spike["disruptions"].size(), 1u);
  for (std::size_t i = 1; i < spike["disruptions"].size(); ++i) // then the calendar's windows
    EXPECT_TRUE(spike["disruptions"][i].contains("origin"));
  const auto& d = spike["disruptions"][0];
  EXPECT_EQ(d["kind"], "price");
  EXPECT_GT(d["containers_hit"].get<int>(), 0);
  EXPECT_NEAR(d["extra_usd"].get<double>(), d["containers_hit"].get<int>() * 3500.0, 1.0);
  // The mean sea freight lies between the base and the peak price.
  EXPECT_GT(cost(spike, "sea", "freight"), 10000.0);
  EXPECT_LT(cost(spike, "sea", "freight"), 13500.0);
  EXPECT_NE(table("spike").find("price sea freight"), std::string::npos) << table("spike");
}

// A sea_delay over the whole run adds its days to every sailing and so, exactly, to the mean
// sea transit; the rail side, which draws from other streams, does not move.
TEST_F(Library, ASeaDelayOverTheWholeRunAddsItsDaysToEverySeaContainer) {
  // Both without the baseline's own disruptions (the works of 2018), which the cape's list replaces.
  const fs::path plain = dir_ / "plain.yaml";
  write_file(plain, "extends: " + library("baseline-2018.yaml").string() + "\n" + "name: plain\ndisruptions: []\n");
  const json base = run(plain, "base");
  const fs::path scenario = dir_ / "cape.yaml";
  write_file(scenario, "extends: " + library("baseline-2018.yaml").string() + "\n" + "name: cape\n" +
                           "disruptions:\n  - {kind: sea_delay, from_day: 0, to_day: 400, extra_days: 10}\n");
  const json cape = run(scenario, "cape");
  // Terminal to terminal exactly; door to door the boxes then meet other Sundays and holidays
  // at Lodz and other vehicles for the last mile (doors:), so only about.
  const double before = base["modes"]["sea"]["terminal_to_terminal_days"]["mean"].get<double>();
  const double after = cape["modes"]["sea"]["terminal_to_terminal_days"]["mean"].get<double>();
  EXPECT_NEAR(after - before, 10.0, 0.02);
  const double door_before = base["modes"]["sea"]["transit_days"]["mean"].get<double>();
  const double door_after = cape["modes"]["sea"]["transit_days"]["mean"].get<double>();
  EXPECT_NEAR(door_after - door_before, 10.0, 0.5);
  EXPECT_EQ(cape["modes"]["rail"]["transit_days"], base["modes"]["rail"]["transit_days"]);
  const auto& d = cape["disruptions"][0];
  EXPECT_EQ(d["kind"], "sea_delay");
  EXPECT_GT(d["sailings_hit"].get<int>(), 40);
  EXPECT_EQ(d["trains_hit"].get<int>(), 0);
  const std::string csv = read_file(dir_ / "cape" / "disruptions.csv");
  EXPECT_NE(csv.find(",sea_delay,ocean,"), std::string::npos) << csv.substr(0, 300);
  EXPECT_NE(csv.find("sailing-"), std::string::npos);
}

} // namespace
