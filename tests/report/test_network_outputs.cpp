// A network run (several lanes, tests/model/network/) through the rongou executable: the lane
// and crossing tables, crossings.csv, lanes.csv, network.json, `--detail`, the report's map
// and utilisation chart, a tampered network.json, `compare` of two network runs, and a second
// lane with its own sea alternative and costs in every output.
#include <gtest/gtest.h>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "output/report/NetworkMapSvg.hpp"
#include "support/Files.hpp"
#include "support/RunCommand.hpp"
#include "support/TempDir.hpp"

using namespace rongou::test;
namespace fs = std::filesystem;

namespace {

// The network fixture copied into scratch/fixture, with `from` replaced by `to` in its
// platform and scenario (to rename a node), run into scratch/out with `extra` arguments.
CommandResult run_network(const TempDir& scratch, const std::string& out, const std::vector<std::string>& extra = {},
                          const std::string& from = "", const std::string& to = "") {
  const fs::path fixture = scratch.path() / "fixture";
  fs::create_directories(fixture);
  for (const char* name : {"platform.xml", "scenario.yaml"}) {
    std::string text = read_file(source_path(std::string("tests/model/network/") + name));
    if (!from.empty())
      text = std::regex_replace(text, std::regex(from), to);
    write_file(fixture / name, text);
  }
  std::vector<std::string> args = {"run", (fixture / "scenario.yaml").string(), "--out",
                                   (scratch.path() / out).string()};
  args.insert(args.end(), extra.begin(), extra.end());
  return run_rongou(args);
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size()))
    ++n;
  return n;
}

std::size_t lines(const std::string& text) { return count(text, "\n"); }

std::string section(const std::string& html, const std::string& id) {
  const auto start = html.find("<section class=\"chart\" id=\"chart-" + id + "\"");
  if (start == std::string::npos)
    return {};
  return html.substr(start, html.find("</section>", start) - start);
}

} // namespace

TEST(NetworkOutputs, LaneAndCrossingTablesFollowTheFocusTable) {
  TempDir scratch;
  const auto r = run_network(scratch, "net", {"--no-report"});
  ASSERT_EQ(r.exit_code, 0) << r;
  EXPECT_NE(r.out.find("focus lane: chengdu-lodz"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\nlanes "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("chengdu-lodz (focus)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("xian-lodz (bg)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("crossings and yards"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Dostyk"), std::string::npos) << r.out;
  EXPECT_LT(r.out.find("door-to-door days: mean"), r.out.find("crossings and yards")) << r.out;
}

TEST(NetworkOutputs, SingleCorridorRunHasNoLaneOrCrossingTableNorNetworkFiles) {
  TempDir scratch;
  const auto r = run_rongou({"run", source_path("scenarios/baseline-2018.yaml"), "--out",
                             (scratch.path() / "base").string(), "--no-report"});
  ASSERT_EQ(r.exit_code, 0) << r;
  EXPECT_EQ(r.out.find("focus lane:"), std::string::npos);
  EXPECT_EQ(r.out.find("crossings and yards"), std::string::npos);
  for (const char* f : {"crossings.csv", "lanes.csv", "network.json"})
    EXPECT_FALSE(fs::exists(scratch.path() / "base" / f)) << f;
}

TEST(NetworkOutputs, CrossingsCsvHasARowPerServerAndDayAndLanesCsvOnePerLaneAndDirection) {
  TempDir scratch;
  const auto r = run_network(scratch, "net", {"--no-report"});
  ASSERT_EQ(r.exit_code, 0) << r;
  const fs::path dir = scratch.path() / "net";
  const auto network = nlohmann::json::parse(read_file(dir / "network.json"));
  const std::size_t servers = network["servers"].size();
  ASSERT_GT(servers, 0u);
  const auto summary = nlohmann::json::parse(read_file(dir / "summary.json"));
  ASSERT_EQ(servers, summary["crossings"].size() + summary["yards"].size());
  const std::size_t days = summary["horizon_days"].get<std::size_t>();
  const std::string crossings = read_file(dir / "crossings.csv");
  EXPECT_EQ(crossings.substr(0, crossings.find('\n')),
            "day,node,kind,units,trains_started,teu,utilisation,mean_wait_hours,max_queue_trains");
  EXPECT_EQ(lines(crossings), 1 + servers * days);
  const std::string lanes = read_file(dir / "lanes.csv");
  EXPECT_EQ(lines(lanes), 1 + 2 * network["lanes"].size());
  EXPECT_NE(lanes.find("\nxian-lodz,1,0,westbound,"), std::string::npos) << lanes;
  EXPECT_NE(lanes.find("\nchengdu-lodz,0,1,eastbound,"), std::string::npos) << lanes;
  // Every lane runs along a route of network.json's nodes.
  for (const auto& lane : network["lanes"])
    EXPECT_FALSE(lane["routes"].empty()) << lane.dump();
  // containers.csv and trains.csv name each row's lane in their last column: containers are
  // the tracked lane's only, trains come from both lanes.
  const auto last_column = [](const std::string& line) { return line.substr(line.rfind(',') + 1); };
  std::map<std::string, std::size_t> container_lanes, train_lanes;
  std::istringstream containers(read_file(dir / "containers.csv"));
  std::string line;
  std::getline(containers, line);
  EXPECT_EQ(last_column(line), "lane");
  while (std::getline(containers, line))
    ++container_lanes[last_column(line)];
  std::istringstream trains(read_file(dir / "trains.csv"));
  std::getline(trains, line);
  EXPECT_EQ(last_column(line), "lane");
  while (std::getline(trains, line))
    ++train_lanes[last_column(line)];
  EXPECT_EQ(container_lanes.size(), 1u);
  EXPECT_GT(container_lanes["chengdu-lodz"], 0u);
  EXPECT_GT(train_lanes["chengdu-lodz"], 0u);
  EXPECT_GT(train_lanes["xian-lodz"], 0u);
  EXPECT_EQ(train_lanes.size(), 2u);
}

TEST(NetworkOutputs, DetailNoneWritesNoPerRecordFilesAndTheReportSaysWhy) {
  TempDir scratch;
  const auto r = run_network(scratch, "net", {"--detail", "none"});
  ASSERT_EQ(r.exit_code, 0) << r;
  const fs::path dir = scratch.path() / "net";
  for (const char* f : {"events.csv", "containers.csv", "trains.csv"})
    EXPECT_FALSE(fs::exists(dir / f)) << f;
  for (const char* f : {"summary.json", "weekly.csv", "crossings.csv", "lanes.csv", "network.json", "report.html"})
    EXPECT_TRUE(fs::exists(dir / f)) << f;
  const std::string html = read_file(dir / "report.html");
  const std::string string_line = section(html, "string_line");
  EXPECT_NE(string_line.find("data-plotted=\"no\""), std::string::npos);
  EXPECT_NE(string_line.find("--detail none"), std::string::npos) << string_line;
  EXPECT_NE(section(html, "transit").find("--detail none"), std::string::npos);
  // `report DIR` redoes it from the files alone.
  const auto again = run_rongou({"report", dir.string()});
  EXPECT_EQ(again.exit_code, 0) << again;
}

TEST(NetworkOutputs, DetailFocusWritesTheFocusLanesTrainsOnly) {
  TempDir scratch;
  const auto all = run_network(scratch, "all", {"--no-report"});
  ASSERT_EQ(all.exit_code, 0) << all;
  const auto focus = run_network(scratch, "focus", {"--no-report", "--detail", "focus"});
  ASSERT_EQ(focus.exit_code, 0) << focus;
  const std::string trains_all = read_file(scratch.path() / "all" / "trains.csv");
  const std::string trains_focus = read_file(scratch.path() / "focus" / "trains.csv");
  // The focus lane's services are `westbound` and `eastbound`; the background lane's trains
  // are named after it.
  std::istringstream rows(trains_focus);
  std::string row;
  std::getline(rows, row); // header
  std::size_t n = 0;
  while (std::getline(rows, row)) {
    ++n;
    EXPECT_TRUE(row.starts_with("westbound-") || row.starts_with("eastbound-")) << row;
  }
  EXPECT_GT(n, 0u);
  EXPECT_LT(lines(trains_focus), lines(trains_all));
  EXPECT_EQ(read_file(scratch.path() / "focus" / "containers.csv"),
            read_file(scratch.path() / "all" / "containers.csv")); // only the focus lane has containers
  EXPECT_LT(lines(read_file(scratch.path() / "focus" / "events.csv")),
            lines(read_file(scratch.path() / "all" / "events.csv")));
  const auto provenance = nlohmann::json::parse(read_file(scratch.path() / "focus" / "provenance.json"));
  EXPECT_EQ(provenance["detail"], "focus");
  EXPECT_FALSE(nlohmann::json::parse(read_file(scratch.path() / "all" / "provenance.json")).contains("detail"));
}

TEST(NetworkOutputs, DetailRejectsAnythingElse) {
  TempDir scratch;
  const auto r = run_network(scratch, "net", {"--no-report", "--detail", "some"});
  EXPECT_EQ(r.exit_code, 2) << r;
  EXPECT_FALSE(fs::exists(scratch.path() / "net" / "summary.json"));
}

TEST(NetworkOutputs, ReportHasAMapWithACirclePerServerAndAPathPerLaneAndAUtilisationChart) {
  TempDir scratch;
  // A node named Xi'an: an identifier with a quote, which the SVG must escape.
  const auto r = run_network(scratch, "net", {}, "Xian", "Xi'an");
  ASSERT_EQ(r.exit_code, 0) << r;
  const fs::path dir = scratch.path() / "net";
  const auto network = nlohmann::json::parse(read_file(dir / "network.json"));
  const std::string svg = read_file(dir / "report" / "network-map.svg");
  EXPECT_EQ(count(svg, "<circle class=\"server\""), network["servers"].size());
  EXPECT_EQ(count(svg, "<path class=\"lane\""), network["lanes"].size());
  EXPECT_NE(svg.find(">Xi&apos;an</text>"), std::string::npos);
  EXPECT_EQ(svg.find("Xi'an"), std::string::npos);
  const std::string html = read_file(dir / "report.html");
  const std::string map = section(html, "network-map");
  EXPECT_NE(map.find("data-plotted=\"yes\""), std::string::npos);
  EXPECT_NE(map.find("<svg"), std::string::npos);
  const std::string chart = section(html, "crossings");
  EXPECT_NE(chart.find("data-plotted=\"yes\""), std::string::npos) << chart;
  EXPECT_NE(chart.find("<svg"), std::string::npos);
  EXPECT_TRUE(fs::exists(dir / "report" / "crossings.gp"));
}

// The report's crossing table: a row per crossing and yard of summary.json, each saying
// where its queue stood, and "–" where no train ever waited.
TEST(NetworkOutputs, ReportTableSaysWhereEachQueueStood) {
  TempDir scratch;
  const auto r = run_network(scratch, "net");
  ASSERT_EQ(r.exit_code, 0) << r;
  const fs::path dir = scratch.path() / "net";
  const auto summary = nlohmann::json::parse(read_file(dir / "summary.json"));
  const std::string html = read_file(dir / "report.html");
  const auto start = html.find("<h2 id=\"crossings\">");
  ASSERT_NE(start, std::string::npos);
  const std::string table = html.substr(start, html.find("</table>", start) - start);
  EXPECT_NE(html.find("href=\"#crossings\""), std::string::npos);
  std::size_t servers = 0, queued = 0;
  for (const char* group : {"crossings", "yards"})
    for (const auto& [node, m] : summary[group].items()) {
      ++servers;
      const std::string kind = std::string(group) == "crossings" ? "crossing" : "yard";
      const bool waited = m["max_queue_trains"].get<double>() > 0.0;
      queued += waited ? 1 : 0;
      const std::string where = waited ? m["queue_at"].get<std::string>() : "–";
      const std::string row = "<tr><th>" + node + "</th><td>" + kind + "</td>";
      const auto at = table.find(row);
      ASSERT_NE(at, std::string::npos) << row;
      const std::string line = table.substr(at, table.find("</tr>", at) - at);
      EXPECT_NE(line.find("<td>" + where + "</td>"), std::string::npos) << line;
    }
  EXPECT_EQ(count(table, "<tr><th>") - 1, servers); // less the header row
  EXPECT_GT(queued, 0U); // the fixture's background traffic makes some train wait
}

// A lane stopped by a what-if (0 trains a week both ways) keeps its services and routes: a
// locomotive pool whose section only that lane runs is still on a route, and the lane is
// still in lanes.csv, with no trains.
TEST(NetworkOutputs, ALaneAtZeroTrainsAWeekKeepsItsRoutesAndRunsNoTrain) {
  TempDir scratch;
  const auto r = run_network(scratch, "net",
                             {"--no-report", "--set", "lanes.0.background.trains_per_week={westbound: 0, eastbound: 0}",
                              "--set",
                              "rail.locomotives=[{section: [Dostyk, Brest], count: 60, servicing_hours: 30}, "
                              "{section: [Xian, Urumqi], count: 2, servicing_hours: 24}]"});
  ASSERT_EQ(r.exit_code, 0) << r;
  const fs::path dir = scratch.path() / "net";
  const auto summary = nlohmann::json::parse(read_file(dir / "summary.json"));
  const auto& lane = summary["lanes"]["xian-lodz"];
  EXPECT_EQ(lane["trains"]["westbound"]["dispatched"], 0);
  EXPECT_EQ(lane["trains"]["eastbound"]["dispatched"], 0);
  EXPECT_GT(summary["lanes"]["chengdu-lodz"]["trains"]["westbound"]["dispatched"].get<int>(), 0);
  EXPECT_NE(read_file(dir / "lanes.csv").find("\nxian-lodz,1,0,westbound,"), std::string::npos);
  EXPECT_EQ(read_file(dir / "trains.csv").find("xian-lodz-westbound-"), std::string::npos);
}

TEST(NetworkOutputs, MapEscapesEveryNameForXml) {
  rongou::report::NetworkData network;
  network.focus_lane = "a";
  network.nodes = {{"<A&'\"", "CN", 30.0, 104.0, "terminal"}, {"B", "PL", 52.0, 19.0, "terminal"},
                   {"C", "KZ", std::nullopt, std::nullopt, "border"}};
  network.lanes = {{"l<1>", false, true, 3.0, 2.0, {{"<A&'\"", "C", "B"}}}};
  network.servers = {{"<A&'\"", "crossing", 2, 0.9, 3.0, 1.0}, {"B", "yard", 4, 0.1, 1.0, 0.0}};
  const auto map = rongou::report::draw_network_map(network);
  EXPECT_EQ(map.nodes_drawn, 2u);
  EXPECT_EQ(map.nodes_without_coordinates, 1u);
  EXPECT_EQ(map.svg.find("<A"), std::string::npos);
  EXPECT_EQ(map.svg.find("l<1>"), std::string::npos);
  EXPECT_NE(map.svg.find("&lt;A&amp;&apos;&quot;"), std::string::npos);
  EXPECT_EQ(count(map.svg, "<circle class=\"server\""), 2u);
  EXPECT_NE(map.svg.find("#d62828"), std::string::npos); // 90 %: red
  EXPECT_NE(map.svg.find("#2e9e44"), std::string::npos); // 10 %: green
}

TEST(NetworkOutputs, ReportRefusesATamperedNetworkJson) {
  TempDir scratch;
  const auto r = run_network(scratch, "net", {"--no-report"});
  ASSERT_EQ(r.exit_code, 0) << r;
  const fs::path dir = scratch.path() / "net";
  const std::string original = read_file(dir / "network.json");
  struct Tamper {
    std::string name;
    std::string text;
    std::string message;
  };
  auto replaced = [&](const std::string& from, const std::string& to) {
    std::string t = original;
    const auto at = t.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return at == std::string::npos ? t : t.replace(at, from.size(), to);
  };
  const std::vector<Tamper> cases = {
      {"number out of range", replaced("\"utilisation\": ", "\"utilisation\": 7.5, \"x\": "),
       "servers.0.utilisation: 7.5 is not a finite number in [0, 1.5]"},
      {"number beyond a double", replaced("\"lon\": ", "\"lon\": 1e400, \"x\": "), "malformed JSON"},
      {"text number", replaced("\"lat\": ", "\"lat\": \"north\", \"x\": "), "lat"},
      {"huge file", original + std::string(5 * 1024 * 1024, ' '), "bytes, more than"},
      {"non-identifier name", replaced("\"name\": \"Chengdu\"", "\"name\": \"`touch x`\""), "not a name"},
      {"unknown route node", replaced("\"Urumqi\",", "\"Nowhere\","), "not one of the file's nodes"},
  };
  for (const auto& c : cases) {
    write_file(dir / "network.json", c.text);
    const auto report = run_rongou({"report", dir.string()});
    EXPECT_EQ(report.exit_code, 2) << c.name << ": " << report;
    EXPECT_NE(report.err.find("network.json"), std::string::npos) << c.name << ": " << report;
    EXPECT_NE(report.err.find(c.message), std::string::npos) << c.name << ": " << report;
    EXPECT_FALSE(fs::exists(dir / "report.html")) << c.name;
  }
}

TEST(NetworkOutputs, CompareOfTwoNetworkRunsShowsLanesAndCrossings) {
  TempDir scratch;
  ASSERT_EQ(run_network(scratch, "a", {"--no-report"}).exit_code, 0);
  ASSERT_EQ(run_network(scratch, "b", {"--no-report", "--seed", "11"}).exit_code, 0);
  const auto r = run_rongou({"compare", (scratch.path() / "a").string(), (scratch.path() / "b").string(), "--all"});
  ASSERT_EQ(r.exit_code, 0) << r;
  EXPECT_NE(r.out.find("crossings.Dostyk.utilisation"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("crossings.Dostyk.wait_hours.mean"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("lanes.chengdu-lodz.directions.westbound.transit_days.mean"), std::string::npos) << r.out;
}

namespace {

// tests/model/network/costed-lanes.yaml: a second tracked lane with its own sea alternative
// (Xian -> Ningbo -> Hamburg -> Lodz) and prices; the focus lane has the top-level ones.
CommandResult run_costed_lanes(const TempDir& scratch, const std::string& out, const std::vector<std::string>& extra) {
  const fs::path fixture = scratch.path() / "costed";
  fs::create_directories(fixture);
  for (const char* name : {"platform.xml", "costed-lanes.yaml"})
    write_file(fixture / name, read_file(source_path(std::string("tests/model/network/") + name)));
  std::vector<std::string> args = {"run", (fixture / "costed-lanes.yaml").string(), "--out",
                                   (scratch.path() / out).string()};
  args.insert(args.end(), extra.begin(), extra.end());
  return run_rongou(args);
}

} // namespace

TEST(NetworkOutputs, EachCostedLaneHasItsSeaAndCostsInSummaryLanesCsvTerminalReportAndCompare) {
  TempDir scratch;
  const auto r = run_costed_lanes(scratch, "a", {});
  ASSERT_EQ(r.exit_code, 0) << r;
  const fs::path dir = scratch.path() / "a";
  const auto summary = nlohmann::json::parse(read_file(dir / "summary.json"));
  const auto& xian = summary["lanes"]["xian-lodz"];
  ASSERT_TRUE(xian.contains("sea") && xian.contains("costs")) << xian.dump();
  EXPECT_EQ(xian["sea"]["european_port"], "Hamburg");
  EXPECT_GT(xian["sea"]["transit_days"]["mean"].get<double>(), 30.0);
  EXPECT_EQ(xian["costs"]["sea"]["cost_usd_per_feu"]["freight"].get<double>(), 2500.0);
  EXPECT_EQ(xian["costs"]["rail"]["cost_usd_per_feu"]["freight"].get<double>(), 9000.0);
  EXPECT_EQ(xian["costs"]["comparison"]["cargo_value_usd"].get<double>(), 90000.0);
  // The focus lane's entry is the top-level figures.
  const auto& focus = summary["lanes"]["chengdu-lodz"];
  EXPECT_EQ(focus["costs"]["rail"]["cost_usd_per_feu"], summary["modes"]["rail"]["cost_usd_per_feu"]);
  EXPECT_EQ(focus["costs"]["comparison"], summary["comparison"]);
  EXPECT_EQ(focus["sea"]["transit_days"], summary["modes"]["sea"]["transit_days"]);

  const std::string lanes = read_file(dir / "lanes.csv");
  EXPECT_NE(lanes.find(",sea_transit_mean_days,rail_total_usd_per_feu,sea_total_usd_per_feu,cheaper_mode,"
                       "breakeven_cargo_value_usd\n"),
            std::string::npos)
      << lanes;
  const std::string cheaper = xian["costs"]["comparison"]["cheaper_mode"].get<std::string>();
  std::smatch m;
  ASSERT_TRUE(std::regex_search(lanes, m, std::regex("\nxian-lodz,0,0,westbound,[^\n]*,([0-9.]+),([0-9.]+),([0-9.]+),("
                                                     "rail|sea|neither),([0-9.]*)\n")))
      << lanes;
  EXPECT_NEAR(std::stod(m[1]), xian["sea"]["transit_days"]["mean"].get<double>(), 1e-3);
  EXPECT_NEAR(std::stod(m[2]), xian["costs"]["rail"]["cost_usd_per_feu"]["total"].get<double>(), 0.01);
  EXPECT_NEAR(std::stod(m[3]), xian["costs"]["sea"]["cost_usd_per_feu"]["total"].get<double>(), 0.01);
  EXPECT_EQ(m[4], cheaper);
  // Eastbound rows and lanes without them leave the five cells empty.
  EXPECT_NE(lanes.find("\nchengdu-lodz,0,1,eastbound,"), std::string::npos);
  std::istringstream rows(lanes);
  for (std::string row; std::getline(rows, row);) {
    if (row.find(",eastbound,") != std::string::npos) {
      EXPECT_EQ(row.substr(row.size() - 5), ",,,,,") << row;
    }
  }

  EXPECT_NE(r.out.find("rail vs sea (westbound)"), std::string::npos) << r.out;
  EXPECT_TRUE(std::regex_search(r.out, std::regex("\nxian-lodz +[0-9.]+ +[0-9.]+ +[0-9]+ +[0-9]+ +" + cheaper)))
      << r.out;
  const std::string html = read_file(dir / "report.html");
  EXPECT_NE(html.find("Rail or sea, lane by lane"), std::string::npos);
  EXPECT_NE(html.find("<tr><th>xian-lodz</th>"), std::string::npos);

  ASSERT_EQ(run_costed_lanes(scratch, "b", {"--no-report", "--seed", "9"}).exit_code, 0);
  const auto c = run_rongou({"compare", dir.string(), (scratch.path() / "b").string(), "--all"});
  ASSERT_EQ(c.exit_code, 0) << c;
  EXPECT_NE(c.out.find("lanes.xian-lodz.costs.sea.cost_usd_per_feu.total"), std::string::npos) << c.out;
  EXPECT_NE(c.out.find("lanes.xian-lodz.sea.transit_days.mean"), std::string::npos) << c.out;
  EXPECT_NE(c.out.find("lanes.xian-lodz.costs.comparison.breakeven_cargo_value_usd"), std::string::npos) << c.out;
}
