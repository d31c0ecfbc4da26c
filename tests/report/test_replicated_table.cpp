// The terminal table of `run --replications`: formats the aggregated summary, lanes and
// crossings included for a network run.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "output/ReplicatedTable.hpp"

using namespace rongou;
using Json = nlohmann::ordered_json;

namespace {

Json corridor_summary() {
  Json j;
  j["scenario"] = "s";
  j["seed"] = 7;
  j["replications"] = 3;
  j["replications_requested"] = 3;
  j["modes"]["rail"]["transit_days"]["mean"] = 12.5;
  j["modes"]["rail"]["transit_days"]["ci95"]["mean"] = 0.25;
  return j;
}

Json network_summary() {
  Json j = corridor_summary();
  j["focus_lane"] = "rong-ou";
  Json& focus = j["lanes"]["rong-ou"];
  focus["background"] = false;
  focus["focus"] = true;
  focus["trains"]["westbound"]["per_week"] = 6.0;
  focus["trains"]["eastbound"]["per_week"] = 5.0;
  focus["directions"]["westbound"]["transit_days"]["mean"] = 10.93;
  focus["directions"]["westbound"]["transit_days"]["ci95"]["mean"] = 0.12;
  Json& bg = j["lanes"]["yiwu.madrid"];
  bg["background"] = true;
  bg["focus"] = false;
  bg["trains"]["westbound"]["per_week"] = 1.0;
  bg["trains"]["eastbound"]["per_week"] = 0.5;
  Json& brest = j["crossings"]["Brest"];
  brest["trains_per_day"] = 9.56;
  brest["utilisation"] = 0.533;
  brest["wait_hours"]["mean"] = 0.14;
  brest["wait_hours"]["ci95"]["mean"] = 0.03;
  brest["max_queue_trains"] = 3.0;
  brest["ci95"]["trains_per_day"] = 0.02;
  j["yards"]["Malaszewicze"]["trains_per_day"] = 9.6;
  return j;
}

std::string line_with(const std::string& table, const std::string& start) {
  std::size_t pos = 0;
  while (pos < table.size()) {
    const std::size_t end = table.find('\n', pos);
    const std::string line = table.substr(pos, end - pos);
    if (line.starts_with(start))
      return line;
    pos = end == std::string::npos ? table.size() : end + 1;
  }
  return {};
}

} // namespace

TEST(ReplicatedTable, CorridorRunHasNoNetworkTables) {
  const std::string t = format_replicated_table(corridor_summary());
  EXPECT_NE(t.find("modes.rail.transit_days.mean"), std::string::npos);
  EXPECT_NE(t.find("+- 0.25"), std::string::npos);
  EXPECT_EQ(t.find("lanes"), std::string::npos);
  EXPECT_EQ(t.find("crossings and yards"), std::string::npos);
}

TEST(ReplicatedTable, NetworkRunListsEveryLaneAndCrossingWithIntervals) {
  const std::string t = format_replicated_table(network_summary());
  EXPECT_NE(t.find("focus lane: rong-ou"), std::string::npos);
  const std::string focus = line_with(t, "rong-ou (focus)");
  EXPECT_NE(focus.find("10.9 +-0.1"), std::string::npos) << focus;
  EXPECT_NE(focus.find("6.0"), std::string::npos) << focus;
  const std::string bg = line_with(t, "yiwu.madrid (bg)");
  ASSERT_FALSE(bg.empty()) << t;
  EXPECT_NE(bg.find("0.5"), std::string::npos) << bg;
  const std::string brest = line_with(t, "Brest");
  EXPECT_NE(brest.find("crossing"), std::string::npos) << brest;
  EXPECT_NE(brest.find("9.6 +-0.0"), std::string::npos) << brest;
  EXPECT_NE(brest.find("0.53"), std::string::npos) << brest;
  EXPECT_NE(brest.find("0.1 +-0.0"), std::string::npos) << brest;
  const std::string yard = line_with(t, "Malaszewicze");
  EXPECT_NE(yard.find("yard"), std::string::npos) << yard;
  EXPECT_NE(yard.find(" - "), std::string::npos) << yard; // no utilisation in this aggregate
}
