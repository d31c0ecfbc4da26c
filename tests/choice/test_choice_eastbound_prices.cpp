// Eastbound (back-haul) prices (`costs.rail.eastbound_through_rate_usd_per_feu`,
// `costs.rail.eastbound_subsidy_usd_per_feu`, `costs.sea.eastbound_freight_usd_per_feu`), end
// to end through `rongou run`: the eastbound shippers pay them, the eastbound cost block
// prices the back-haul with them, and the no-subsidy counterfactual says what the eastbound
// subsidy bought. Unset, every price is the westbound one.
#include <filesystem>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "ChoiceRun.hpp"
#include "support/Files.hpp"
#include "support/RunCommand.hpp"
#include "support/TempDir.hpp"

namespace fs = std::filesystem;
using rongou::test::read_file;
using rongou::test::run_rongou;
using rongou::test::source_path;
using rongou::test::TempDir;

namespace {

const std::string kEastbound = source_path("tests/choice/choice-eastbound.yaml");

nlohmann::json run(const TempDir& tmp, const std::string& name, const std::vector<std::string>& sets = {}) {
  return rongou::test::run_summary(tmp, name, kEastbound, sets);
}

// An eastbound market below its trains' capacity (5 a week of 41 FEU) and no works: shares
// follow the prices, not the room left on full trains.
std::vector<std::string> with_room(std::vector<std::string> sets) {
  sets.insert(sets.begin(), {"demand.eastbound.feu_per_week=100", "disruptions=[]"});
  return sets;
}

} // namespace

TEST(ChoiceEastboundPrices, DearerEastboundSeaPriceNeverRaisesEastboundSeaShare) {
  TempDir tmp;
  const auto base = run(tmp, "base", with_room({"costs.sea.eastbound_freight_usd_per_feu=600"}));
  const auto dearer = run(tmp, "dearer", with_room({"costs.sea.eastbound_freight_usd_per_feu=3000"}));
  const auto& b = base["choice"]["eastbound"];
  const auto& d = dearer["choice"]["eastbound"];
  ASSERT_GT(b["sea_feu"].get<int>(), 0) << "the test needs eastbound boxes that choose sea";
  EXPECT_LT(d["sea_feu"].get<int>(), b["sea_feu"].get<int>());
  for (const auto& [name, c] : b["by_class"].items())
    EXPECT_LE(d["by_class"][name]["sea"]["feu"].get<int>(), c["sea"]["feu"].get<int>()) << name;
  // The eastbound cost block prices the back-haul at the eastbound freight.
  EXPECT_DOUBLE_EQ(base["costs_eastbound"]["sea"]["cost_usd_per_feu"]["freight"].get<double>(), 600.0);
  EXPECT_DOUBLE_EQ(dearer["costs_eastbound"]["sea"]["cost_usd_per_feu"]["freight"].get<double>(), 3000.0);
}

TEST(ChoiceEastboundPrices, CheaperEastboundRailRaisesEastboundRailShare) {
  TempDir tmp;
  const auto base = run(tmp, "base", with_room({}));
  const auto cheaper = run(tmp, "cheaper", with_room({"costs.rail.eastbound_through_rate_usd_per_feu=4000"}));
  const auto& b = base["choice"]["eastbound"];
  const auto& c = cheaper["choice"]["eastbound"];
  ASSERT_GT(b["sea_feu"].get<int>(), 0) << "the test needs eastbound boxes that choose sea";
  EXPECT_GT(c["rail_feu"].get<int>(), b["rail_feu"].get<int>());
  EXPECT_DOUBLE_EQ(cheaper["costs_eastbound"]["rail"]["cost_usd_per_feu"]["freight"].get<double>(), 4000.0);
  // Unset, the eastbound price is the westbound one.
  EXPECT_EQ(base["costs_eastbound"]["rail"]["cost_usd_per_feu"]["freight"],
            base["modes"]["rail"]["cost_usd_per_feu"]["freight"]);
  EXPECT_EQ(base["costs_eastbound"]["rail"]["cost_usd_per_feu"]["subsidy"],
            base["modes"]["rail"]["cost_usd_per_feu"]["subsidy"]);
}

// Set to the westbound prices, the eastbound keys change nothing at all; set otherwise, the
// westbound market's containers, classes and prices are the same (its records may move only
// through the shared line: eastbound trains carrying other boxes), and eastbound choices move.
TEST(ChoiceEastboundPrices, EastboundKeysAtTheWestboundPricesChangeNoOutput) {
  TempDir tmp;
  run(tmp, "unset");
  run(tmp, "same", {"costs.rail.eastbound_through_rate_usd_per_feu=7000", "costs.rail.eastbound_subsidy_usd_per_feu=3000",
                    "costs.sea.eastbound_freight_usd_per_feu=1600"});
  for (const auto& entry : fs::directory_iterator(tmp.path() / "unset")) {
    const auto name = entry.path().filename();
    if (name == "provenance.json" || name == "scenario.resolved.yaml") // they name the --set values
      continue;
    EXPECT_EQ(read_file(entry.path()), read_file(tmp.path() / "same" / name)) << name;
  }
}

// When only westbound shippers choose, the eastbound prices reach nothing but the eastbound
// cost block: every westbound record (every CSV file) is byte-identical.
TEST(ChoiceEastboundPrices, WithoutEastboundChoiceTheEastboundPricesChangeOnlyTheEastboundCosts) {
  TempDir tmp;
  const auto base = run(tmp, "base", {"choice.directions=[westbound]"});
  auto back_haul = run(tmp, "back", {"choice.directions=[westbound]", "costs.rail.eastbound_through_rate_usd_per_feu=4000",
                                     "costs.rail.eastbound_subsidy_usd_per_feu=0",
                                     "costs.sea.eastbound_freight_usd_per_feu=600"});
  int compared = 0;
  for (const auto& entry : fs::directory_iterator(tmp.path() / "base"))
    if (entry.path().extension() == ".csv") {
      EXPECT_EQ(read_file(entry.path()), read_file(tmp.path() / "back" / entry.path().filename()))
          << entry.path().filename();
      ++compared;
    }
  EXPECT_GE(compared, 10);
  EXPECT_DOUBLE_EQ(back_haul["costs_eastbound"]["rail"]["cost_usd_per_feu"]["freight"].get<double>(), 4000.0);
  EXPECT_DOUBLE_EQ(back_haul["costs_eastbound"]["rail"]["cost_usd_per_feu"]["subsidy"].get<double>(), 0.0);
  EXPECT_DOUBLE_EQ(back_haul["costs_eastbound"]["sea"]["cost_usd_per_feu"]["freight"].get<double>(), 600.0);
  back_haul["costs_eastbound"] = base["costs_eastbound"];
  back_haul["scenario"] = base["scenario"];
  EXPECT_EQ(base, back_haul);
}

// With eastbound choice the eastbound prices move eastbound choices; the westbound market (its
// containers, classes and prices) stays as it was. Its records may move through the shared
// line only: eastbound trains carrying other boxes meet westbound ones differently at the
// yards (docs/choice.md).
TEST(ChoiceEastboundPrices, EastboundPricesMoveEastboundChoicesAndLeaveTheWestboundMarket) {
  TempDir tmp;
  const auto base = run(tmp, "base", with_room({}));
  const auto back_haul = run(tmp, "back", with_room({"costs.rail.eastbound_through_rate_usd_per_feu=4000",
                                                     "costs.rail.eastbound_subsidy_usd_per_feu=0",
                                                     "costs.sea.eastbound_freight_usd_per_feu=600"}));
  EXPECT_NE(base["choice"]["eastbound"]["rail_feu"], back_haul["choice"]["eastbound"]["rail_feu"]);
  EXPECT_EQ(base["choice"]["feu"], back_haul["choice"]["feu"]);
  for (const auto& [name, c] : base["choice"]["by_class"].items())
    EXPECT_EQ(back_haul["choice"]["by_class"][name]["feu"], c["feu"]) << name;
  EXPECT_EQ(base["modes"]["rail"]["cost_usd_per_feu"]["freight"], back_haul["modes"]["rail"]["cost_usd_per_feu"]["freight"]);
  EXPECT_EQ(base["modes"]["rail"]["cost_usd_per_feu"]["subsidy"], back_haul["modes"]["rail"]["cost_usd_per_feu"]["subsidy"]);
  EXPECT_EQ(base["modes"]["sea"]["cost_usd_per_feu"]["freight"], back_haul["modes"]["sea"]["cost_usd_per_feu"]["freight"]);
}

TEST(ChoiceEastboundPrices, AnEastboundSubsidyAddsEastboundRailFeu) {
  TempDir tmp;
  // Room on the eastbound trains and a subsidy as large as the rail price's gap to sea: the
  // shippers who take rail only because of it have a free slot.
  const auto s = run(tmp, "cf", with_room({"costs.rail.eastbound_subsidy_usd_per_feu=4000", "choice.counterfactual=no-subsidy"}));
  const auto& east = s["choice"]["eastbound"]["subsidy"];
  ASSERT_TRUE(east.contains("rail_feu_added")) << east;
  const double added = east["rail_feu_added"].get<double>();
  EXPECT_GT(added, 0.0);
  EXPECT_GT(east["paid_usd"].get<double>(), 0.0);
  ASSERT_FALSE(east["usd_per_feu_added"].is_null());
  EXPECT_NEAR(east["usd_per_feu_added"].get<double>(), east["paid_usd"].get<double>() / added, 1.0);
  EXPECT_TRUE(east.contains("logistics_cost_change_usd"));
  // The westbound market carries its own effect beside it.
  EXPECT_TRUE(s["choice"]["subsidy"].contains("rail_feu_added"));
  // The subsidy block of the eastbound costs is the eastbound subsidy.
  EXPECT_DOUBLE_EQ(s["costs_eastbound"]["rail"]["cost_usd_per_feu"]["subsidy"].get<double>(), -4000.0);
}
