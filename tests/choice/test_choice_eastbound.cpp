// Eastbound shippers choose too (`choice.directions: [westbound, eastbound]`), end to end
// through `rongou run`: on the eastbound market a dearer sea never gains share and a faster
// rail never loses it, overflow never drops an eastbound container, and the westbound
// market's results are those of the same run without eastbound choice.
#include <filesystem>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

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

nlohmann::json run(const TempDir& tmp, const std::string& name, const std::vector<std::string>& sets = {},
                   const std::string& scenario = kEastbound) {
  return rongou::test::run_summary(tmp, name, scenario, sets);
}

// An eastbound market below its trains' capacity (5 a week of 41 FEU) and no works: shares
// follow the rule, not the room left on full trains.
const std::vector<std::string> kRoomOnTrains{"demand.eastbound.feu_per_week=100", "disruptions=[]"};

std::vector<std::string> with_room(std::vector<std::string> sets) {
  sets.insert(sets.begin(), kRoomOnTrains.begin(), kRoomOnTrains.end());
  return sets;
}

// The first field of each row after the header of a CSV file whose second field is `second_field` (any when empty).
std::vector<long> ids_in(const fs::path& file, const std::string& second_field = "") {
  std::vector<long> ids;
  std::istringstream in(read_file(file));
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    std::stringstream ss(line);
    std::string id, second;
    std::getline(ss, id, ',');
    std::getline(ss, second, ',');
    if (second_field.empty() || second == second_field)
      ids.push_back(std::stol(id));
  }
  return ids;
}

} // namespace

TEST(ChoiceEastbound, DearerSeaFreightNeverRaisesEastboundSeaShare) {
  TempDir tmp;
  const auto base = run(tmp, "base", with_room({}));
  const auto dearer = run(tmp, "dearer", with_room({"costs.sea.freight_usd_per_feu=3600"}));
  const auto& b = base["choice"]["eastbound"];
  const auto& d = dearer["choice"]["eastbound"];
  ASSERT_GT(b["feu"].get<int>(), 0);
  ASSERT_GT(b["sea_feu"].get<int>(), 0) << "the test needs eastbound boxes that choose sea";
  EXPECT_LT(d["sea_feu"].get<int>(), b["sea_feu"].get<int>());
  EXPECT_GT(d["rail_share"]["feu"].get<double>(), b["rail_share"]["feu"].get<double>());
  for (const auto& [name, c] : b["by_class"].items())
    EXPECT_LE(d["by_class"][name]["sea"]["feu"].get<int>(), c["sea"]["feu"].get<int>()) << name;
}

TEST(ChoiceEastbound, FasterEastboundRailNeverLosesShare) {
  TempDir tmp;
  // The slower run holds every eastbound train 2 to 6 days at the EU exit.
  const auto slower = run(tmp, "slower", with_room({"rail.border_dwell_hours_at.Malaszewicze.eastbound.min=48",
                                                    "rail.border_dwell_hours_at.Malaszewicze.eastbound.mode=96",
                                                    "rail.border_dwell_hours_at.Malaszewicze.eastbound.max=144"}));
  const auto faster = run(tmp, "faster", with_room({}));
  const auto& s = slower["choice"]["eastbound"];
  const auto& f = faster["choice"]["eastbound"];
  EXPECT_GT(f["rail_share"]["feu"].get<double>(), s["rail_share"]["feu"].get<double>());
  for (const auto& [name, c] : s["by_class"].items())
    EXPECT_GE(f["by_class"][name]["rail"]["feu"].get<int>(), c["rail"]["feu"].get<int>()) << name;
}

TEST(ChoiceEastbound, OverflowNeverDropsAnEastboundContainer) {
  TempDir tmp;
  // An eastbound market above its trains' capacity, trains under 37 boxes cancelled: boxes
  // are left behind and go by sea after one missed departure.
  const auto s = run(tmp, "full",
                     {"demand.eastbound.feu_per_week=300", "rail.services.1.departure_rule={kind: timetable, min_load_to_run: 0.9}",
                      "choice.rechoose_sea_after_left_behind=1"});
  const auto& c = s["choice"]["eastbound"];
  EXPECT_GT(c["overflow_feu"].get<int>(), 0) << "the eastbound market must overflow the trains for this test";
  EXPECT_GT(c["rechosen_feu"].get<int>(), 0);
  EXPECT_EQ(c["rail_feu"].get<int>() + c["sea_feu"].get<int>(), c["feu"].get<int>());
  EXPECT_EQ(c["delivered_feu"].get<int>() + c["in_system_feu"].get<int>(), c["feu"].get<int>());
  // Every eastbound container of the run is in exactly one of containers.csv (its eastbound
  // rows: rail) and sea_eastbound.csv.
  const auto rail = ids_in(tmp.path() / "full" / "containers.csv", "eastbound");
  const auto sea = ids_in(tmp.path() / "full" / "sea_eastbound.csv");
  const auto west = ids_in(tmp.path() / "full" / "containers.csv", "westbound");
  const auto west_sea = ids_in(tmp.path() / "full" / "sea.csv");
  std::multiset<long> eastbound(rail.begin(), rail.end());
  eastbound.insert(sea.begin(), sea.end());
  std::set<long> westbound(west.begin(), west.end());
  westbound.insert(west_sea.begin(), west_sea.end());
  ASSERT_FALSE(eastbound.empty());
  for (long id : eastbound) {
    EXPECT_EQ(eastbound.count(id), 1u) << "container " << id;
    EXPECT_EQ(westbound.count(id), 0u) << "container " << id;
  }
}

// The two markets share the rail line: eastbound trains that now carry only the boxes that
// chose rail meet westbound trains differently at shared crossings and yards, so westbound
// days, and through them a few westbound choices, may move. What the model promises is the
// westbound market itself: the same containers, drawn into the same classes (streams of
// their own), and the westbound keys where they were.
TEST(ChoiceEastbound, EastboundChoiceLeavesTheWestboundMarketAsItWas) {
  TempDir tmp;
  const auto both = run(tmp, "both");
  const auto west_only = run(tmp, "west", {"choice.directions=[westbound]"});
  ASSERT_TRUE(both["choice"].contains("eastbound"));
  EXPECT_FALSE(west_only["choice"].contains("eastbound"));
  const auto& b = both["choice"];
  const auto& w = west_only["choice"];
  EXPECT_EQ(b["feu"], w["feu"]);
  ASSERT_EQ(b["by_class"].size(), w["by_class"].size());
  for (const auto& [name, c] : w["by_class"].items())
    EXPECT_EQ(b["by_class"][name]["feu"], c["feu"]) << name;
  for (const char* key : {"feu", "rail_feu", "sea_feu", "delivered_feu", "in_system_feu", "rail_share", "by_class",
                          "overflow_feu", "rechosen_feu", "rolled_sea_feu", "subsidy"})
    EXPECT_TRUE(b.contains(key)) << key;
}
