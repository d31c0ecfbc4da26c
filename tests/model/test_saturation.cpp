// Saturation of the crossings and yards of platforms/china-europe.xml that the network
// scenarios use: a background lane offers a node far more trains than it can pass (a short
// route through just that node, entered from a junction so nothing upstream limits it, on a
// double track where the platform has a single one), and
// summary.json's crossings.<node> / yards.<node> give what it passes a day. What the model
// promises: the node passes its capacity and no more, whatever is offered, and a node with
// more units passes strictly more. Capacity is computed here from the platform's figures,
// not read from the model: a crossing works `crossing_positions` trains at once (and at most
// its daily quota), a yard min(tracks, cranes / cranes working a train) trains at once, each
// for the service time summary.json reports (the per-train time of docs/model.md).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <regex>
#include <string>
#include <vector>

#include "support/Files.hpp"
#include "support/RunCommand.hpp"
#include "support/TempDir.hpp"

namespace {

using rongou::test::read_file;
using rongou::test::run_rongou;
using rongou::test::source_path;
using rongou::test::TempDir;
using rongou::test::write_file;

struct Case {
  std::string node;
  std::string kind;                // "crossings" or "yards"
  std::vector<std::string> route;  // westbound order
  std::string direction;           // the direction whose first node is a junction
};

// What gtest prints for a case (its name, not the struct's bytes).
void PrintTo(const Case& c, std::ostream* os) { *os << c.kind << " " << c.node; }

std::string case_name(const testing::TestParamInfo<Case>& info) {
  return (info.param.kind == "crossings" ? "Crossing" : "Yard") + info.param.node;
}

// A property of a host of the platform, or none.
std::optional<double> host_property(const std::string& platform, const std::string& host, const std::string& key) {
  const auto start = platform.find("<host id=\"" + host + "\"");
  if (start == std::string::npos)
    return std::nullopt;
  const auto end = platform.find("</host>", start);
  const std::string block = platform.substr(start, end - start);
  std::smatch m;
  if (std::regex_search(block, m, std::regex("<prop id=\"" + key + "\" value=\"([0-9.]+)\"")))
    return std::stod(m[1].str());
  return std::nullopt;
}

// Trains the node works at once, from the platform (and what `build` adds).
double concurrent_trains(const std::string& platform, const Case& c, int added) {
  if (c.kind == "crossings")
    return *host_property(platform, c.node, "crossing_positions") + added;
  const double tracks = *host_property(platform, c.node, "tracks") + added;
  const double per_train = *host_property(platform, c.node, "cranes_per_train");
  const double cranes = *host_property(platform, c.node, "cranes") + added * per_train;
  return std::min(tracks, std::floor(cranes / std::min(per_train, cranes)));
}

std::string build_line(const Case& c, const std::string& platform) {
  if (c.kind == "crossings")
    return "build:\n  - {node: " + c.node + ", add_crossing_positions: 1}\n";
  const int per_train = static_cast<int>(*host_property(platform, c.node, "cranes_per_train"));
  return "build:\n  - {node: " + c.node + ", add_tracks: 1, add_cranes: " + std::to_string(per_train) + "}\n";
}

// summary.json after a run offering `per_week` trains.
nlohmann::json run_summary(const TempDir& dir, const std::string& tag, const Case& c, double per_week,
                        const std::string& build = "") {
  std::string route;
  for (const auto& n : c.route)
    route += (route.empty() ? "" : ", ") + n;
  std::string text =
      "name: saturation\n"
      "platform: " + source_path("platforms/china-europe.xml") + "\n"
      "horizon_days: 28\nwarmup_days: 7\nseed: 1\nfocus_lane: probe\n"
      "demand:\n  westbound: {feu_per_week: 1, cargo_value_usd: 60000}\n"
      "rail:\n  services:\n"
      "    - {name: probe, direction: westbound, route: [Chengdu, Baoji], departures: [Mon], departure_hour: 6, max_feu: 41}\n"
      "lanes:\n  - name: overload\n    background:\n"
      "      route: [" + route + "]\n"
      "      trains_per_week: {" + c.direction + ": " + std::to_string(per_week) + "}\n"
      "      feu_per_train: 41\n" + build;
  // A single track on the route would bind before the node: the probe runs on a double one.
  if (std::find(c.route.begin(), c.route.end(), "Dostyk") != c.route.end() &&
      std::find(c.route.begin(), c.route.end(), "Moyinty") != c.route.end())
    text += (build.empty() ? "build:\n" : "") + std::string("  - {segment: Dostyk-Moyinty, track: double}\n");
  const auto file = dir.path() / (tag + ".yaml");
  write_file(file, text);
  const auto out = dir.path() / tag;
  const auto result = run_rongou({"run", file.string(), "--no-report", "--quiet", "--out", out.string()});
  EXPECT_EQ(result.exit_code, 0) << result;
  return nlohmann::json::parse(read_file(out / "summary.json"));
}

// summary.json's entry for the node after a run offering `per_week` trains.
nlohmann::json run_node(const TempDir& dir, const std::string& tag, const Case& c, double per_week,
                        const std::string& build = "") {
  return run_summary(dir, tag, c, per_week, build).at(c.kind).at(c.node);
}

// A crossing at a yard node is probed on a route ending there: a train going on would hold
// its position until the yard takes it, and the yard, not the crossing, would bind.
class Saturation : public testing::TestWithParam<Case> {};

TEST_P(Saturation, PassesItsCapacityAndNoMoreAndMoreWithMoreUnits) {
#ifdef RONGOU_SANITIZE
  // Saturating a node keeps thousands of trains waiting at once, each an actor, and the
  // sanitized build runs actors as threads: a case outlasts its time limit there. The same
  // crossing and yard code runs under the sanitizers in tests/model/test_network.cpp.
  GTEST_SKIP() << "thousands of waiting trains are thousands of threads in a sanitized build";
#endif
  const Case& c = GetParam();
  const std::string platform = read_file(source_path("platforms/china-europe.xml"));
  TempDir dir;

  // Offered: twice what the node can pass, then four times.
  const auto quota = c.kind == "crossings" ? host_property(platform, c.node, "crossing_trains_per_day") : std::nullopt;
  const auto probe = run_node(dir, "probe", c, 7.0);
  const double service_h = probe.at("service_hours").get<double>();
  ASSERT_GT(service_h, 0.0);
  double capacity = concurrent_trains(platform, c, 0) * 24.0 / service_h;
  if (quota)
    capacity = std::min(capacity, *quota);
  const double offered = 2.0 * capacity * 7.0;

  const auto twice_summary = run_summary(dir, "twice", c, offered);
  const auto twice = twice_summary.at(c.kind).at(c.node);
  const auto four = run_node(dir, "four", c, 2.0 * offered);
  const double passed2 = twice.at("trains_per_day").get<double>();
  const double passed4 = four.at("trains_per_day").get<double>();
  // Saturated: within 2 % of the capacity (trains finishing in the window's first and last
  // hours make the edges), and doubling the offer adds nothing beyond that.
  EXPECT_NEAR(passed2, capacity, 0.02 * capacity) << c.node << " " << c.kind;
  EXPECT_LE(passed4, capacity * 1.02) << c.node << " " << c.kind;
  EXPECT_NEAR(passed4, passed2, 0.02 * capacity) << c.node << " " << c.kind;
  // TEU follow trains: 41 FEU = 82 TEU a train.
  EXPECT_NEAR(twice.at("teu_per_day").get<double>(), 82.0 * passed2, 0.5) << c.node;
  // A queue formed: the offer is twice what passes. A train waits for a yard track on the
  // position of the crossing it came through, and for that position on the approach side, so
  // a yard's queue stands in front of the node's crossing.
  const auto& queue = c.kind == "yards" ? twice_summary.at("crossings").at(c.node) : twice;
  EXPECT_GT(queue.at("max_queue_trains").get<int>(), 10) << c.node;

  // One more unit (a crossing position; a track and a train's cranes): strictly more passes,
  // unless a quota binds, which then still caps it.
  const auto more = run_node(dir, "more", c, 2.0 * offered, build_line(c, platform));
  const double passed_more = more.at("trains_per_day").get<double>();
  if (quota && concurrent_trains(platform, c, 1) * 24.0 / service_h > *quota) {
    EXPECT_NEAR(passed_more, *quota, 0.02 * *quota) << c.node;
  } else {
    const double capacity_more = concurrent_trains(platform, c, 1) * 24.0 / service_h;
    EXPECT_GT(passed_more, passed4 * 1.05) << c.node << " " << c.kind;
    EXPECT_NEAR(passed_more, capacity_more, 0.02 * capacity_more) << c.node << " " << c.kind;
  }
}

INSTANTIATE_TEST_SUITE_P(
    NetworkNodes, Saturation,
    testing::Values(
        Case{"Alashankou", "crossings", {"Jinghe", "Alashankou", "Dostyk"}, "westbound"},
        Case{"Dostyk", "crossings", {"Dostyk", "Moyinty"}, "eastbound"},
        Case{"Khorgos", "crossings", {"Jinghe", "Khorgos", "Altynkol"}, "westbound"},
        Case{"Altynkol", "crossings", {"Altynkol", "Almaty"}, "eastbound"},
        Case{"Petropavl", "crossings", {"Astana", "Petropavl", "Yekaterinburg"}, "westbound"},
        Case{"Iletsk", "crossings", {"Aktobe", "Iletsk", "Samara"}, "westbound"},
        Case{"Osinovka", "crossings", {"Smolensk", "Osinovka", "Minsk"}, "westbound"},
        Case{"Brest", "crossings", {"Minsk", "Brest", "Malaszewicze"}, "westbound"},
        Case{"Malaszewicze", "crossings", {"Malaszewicze", "Warsaw"}, "eastbound"},
        Case{"Erenhot", "crossings", {"Jining", "Erenhot"}, "westbound"},
        Case{"ZamynUud", "crossings", {"Erenhot", "ZamynUud", "Ulaanbaatar"}, "eastbound"},
        Case{"Sukhbaatar", "crossings", {"Ulaanbaatar", "Sukhbaatar", "Naushki"}, "westbound"},
        Case{"Naushki", "crossings", {"Sukhbaatar", "Naushki", "UlanUde"}, "eastbound"},
        Case{"Manzhouli", "crossings", {"Harbin", "Manzhouli"}, "westbound"},
        Case{"Zabaikalsk", "crossings", {"Manzhouli", "Zabaikalsk", "Chita"}, "eastbound"},
        Case{"Dostyk", "yards", {"Alashankou", "Dostyk", "Moyinty"}, "eastbound"},
        Case{"Altynkol", "yards", {"Khorgos", "Altynkol", "Almaty"}, "eastbound"},
        Case{"Malaszewicze", "yards", {"Brest", "Malaszewicze", "Warsaw"}, "eastbound"},
        Case{"Erenhot", "yards", {"Jining", "Erenhot", "ZamynUud"}, "westbound"},
        Case{"Manzhouli", "yards", {"Harbin", "Manzhouli", "Zabaikalsk"}, "westbound"}),
    case_name);

} // namespace
