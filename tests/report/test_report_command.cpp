// End to end through the rongou executable: `run` writes the report, `report DIR` redoes it
// from the files alone, and the report shows every chart.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <cmath>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "support/Files.hpp"
#include "support/RunCommand.hpp"
#include "support/TempDir.hpp"

using namespace rongou::test;
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kChartsWithBaselineData{"string_line", "transit", "cost",  "waits",
                                                       "weekly",      "yards",   "locomotives"};

// The <section> of one chart in report.html.
std::string section(const std::string& html, const std::string& id) {
  const auto start = html.find("<section class=\"chart\" id=\"chart-" + id + "\"");
  if (start == std::string::npos)
    return {};
  return html.substr(start, html.find("</section>", start) - start);
}

// `rongou run` of the baseline into scratch/out, then `extra` arguments.
CommandResult run_baseline(const TempDir& scratch, const std::string& out, const std::vector<std::string>& extra = {}) {
  std::vector<std::string> args = {"run", source_path("scenarios/baseline-2018.yaml"), "--out",
                                   (scratch.path() / out).string()};
  args.insert(args.end(), extra.begin(), extra.end());
  return run_rongou(args);
}

std::string fmt_n(const std::string& prefix, long n) { return prefix + std::to_string(n); }

} // namespace

TEST(ReportCommand, RunWritesAReportWithEveryChartAndItsFiles) {
  TempDir scratch;
  const auto r = run_baseline(scratch, "base");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const fs::path dir = scratch.path() / "base";
  for (const char* f : {"pools.csv", "yards.csv", "routes.csv", "provenance.json", "scenario.resolved.yaml"})
    EXPECT_TRUE(fs::exists(dir / f)) << f;
  const std::string html = read_file(dir / "report.html");
  ASSERT_FALSE(html.empty());
  for (const auto& id : kChartsWithBaselineData) {
    const std::string s = section(html, id);
    ASSERT_FALSE(s.empty()) << id;
    EXPECT_NE(s.find("data-plotted=\"yes\""), std::string::npos) << id;
    EXPECT_NE(s.find("<svg"), std::string::npos) << id;
    EXPECT_NE(s.find("<path"), std::string::npos) << id << ": no drawn data";
    EXPECT_TRUE(fs::exists(dir / "report" / (id + ".gp"))) << id;
    EXPECT_TRUE(fs::exists(dir / "report" / (id + ".svg"))) << id;
  }
  EXPECT_FALSE(section(html, "cost").empty());
  // Self-contained: nothing is fetched from elsewhere (XML namespaces are names, not fetches).
  EXPECT_FALSE(std::regex_search(html, std::regex(R"((src|href|url)\s*[=(]\s*["']?(https?:|//))")));
  EXPECT_EQ(html.find("<script src"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_NE(html.find("name: baseline-2018"), std::string::npos) << "the scenario file is shown";
  EXPECT_NE(html.find("--out"), std::string::npos) << "the command is shown";

  const auto provenance = nlohmann::json::parse(read_file(dir / "provenance.json"));
  EXPECT_EQ(provenance["seed"], 1);
  EXPECT_FALSE(provenance["version"].get<std::string>().empty());
}

TEST(ReportCommand, OutputsAndReportAreByteIdenticalForTheSameSeed) {
  TempDir scratch;
  ASSERT_EQ(run_baseline(scratch, "a", {"--seed", "7"}).exit_code, 0);
  ASSERT_EQ(run_baseline(scratch, "b", {"--seed", "7"}).exit_code, 0);
  for (const char* f : {"pools.csv", "yards.csv", "routes.csv", "report/string_line.svg", "report/locomotives.dat"})
    EXPECT_EQ(read_file(scratch.path() / "a" / f), read_file(scratch.path() / "b" / f)) << f;
  // The command line differs only by the output folder's name.
  std::string a = read_file(scratch.path() / "a" / "report.html"), b = read_file(scratch.path() / "b" / "report.html");
  a = std::regex_replace(a, std::regex("--out [^ <]*"), "--out X");
  b = std::regex_replace(b, std::regex("--out [^ <]*"), "--out X");
  EXPECT_EQ(a, b);
}

// The report reads what the sea chain and cost model really write (sea.csv columns,
// modes.*.cost_usd_per_feu, comparison.breakeven_cargo_value_usd), checked against summary.json.
TEST(ReportCommand, ReportRedrawsAFinishedRunWithSeaAndCosts) {
  TempDir scratch;
  ASSERT_EQ(run_baseline(scratch, "base", {"--no-report"}).exit_code, 0);
  const fs::path dir = scratch.path() / "base";
  EXPECT_FALSE(fs::exists(dir / "report.html")) << "--no-report";
  ASSERT_TRUE(fs::exists(dir / "sea.csv"));
  const auto summary = nlohmann::json::parse(read_file(dir / "summary.json"));
  const auto r = run_rongou({"report", dir.string(), "--weeks", "10-11"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string html = read_file(dir / "report.html");

  // Sea series: as many containers as summary.json counts (warm-up and after-horizon left out).
  const std::string transit = section(html, "transit");
  const auto sea_n = summary["modes"]["sea"]["containers_delivered"].get<long>();
  EXPECT_NE(transit.find(fmt_n("sea (n = ", sea_n)), std::string::npos) << "sea n = " << sea_n;
  const auto west_n = summary["rail"]["directions"]["westbound"]["containers_delivered"].get<long>();
  EXPECT_NE(transit.find(fmt_n("rail westbound (n = ", west_n)), std::string::npos);

  // Cost: every component of both modes, with the summary's values, in cost.dat.
  const std::string cost = section(html, "cost");
  EXPECT_NE(cost.find("data-plotted=\"yes\""), std::string::npos);
  const auto breakeven = summary["comparison"]["breakeven_cargo_value_usd"].get<double>();
  EXPECT_NE(cost.find(fmt_n("breakeven cargo value: US$ ", std::lround(breakeven))), std::string::npos);
  std::ifstream dat(dir / "report" / "cost.dat");
  std::map<std::string, std::pair<double, double>> rows; // label -> rail, sea
  for (std::string line; std::getline(dat, line);) {
    if (line.empty() || line[0] == '#')
      continue;
    const auto close = line.find('"', 1);
    std::istringstream rest(line.substr(close + 1));
    double rail = 0, rail_ci = 0, sea = 0, sea_ci = 0;
    rest >> rail >> rail_ci >> sea >> sea_ci;
    rows[line.substr(1, close - 1)] = {rail, sea};
  }
  const auto& rail_cost = summary["modes"]["rail"]["cost_usd_per_feu"];
  const auto& sea_cost = summary["modes"]["sea"]["cost_usd_per_feu"];
  for (const auto& [key, label] : std::vector<std::pair<std::string, std::string>>{
           {"total", "total"}, {"freight", "freight"}, {"subsidy", "subsidy"}, {"inventory", "inventory"},
           {"haulage", "haulage"}, {"gauge_change", "gauge change"}}) {
    ASSERT_TRUE(rows.count(label)) << label;
    EXPECT_NEAR(rows[label].first, rail_cost[key].get<double>(), 0.01) << key;
    EXPECT_NEAR(rows[label].second, sea_cost[key].get<double>(), 0.01) << key;
  }
  double rail_sum = 0.0;
  for (const auto& [label, v] : rows)
    if (label != "total")
      rail_sum += v.first;
  EXPECT_NEAR(rail_sum, rows["total"].first, 0.05) << "the components add up to the total";

  EXPECT_NE(html.find("weeks 10 to 11"), std::string::npos);
  const std::string gp = read_file(dir / "report" / "string_line.gp");
  EXPECT_NE(gp.find("set xrange [63:77]"), std::string::npos);
}

TEST(ReportCommand, ReplicatedRunDrawsIntervals) {
  TempDir scratch;
  const auto r = run_baseline(scratch, "rep", {"--replications", "3", "--jobs", "2", "--quiet"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const fs::path dir = scratch.path() / "rep";
  const auto summary = nlohmann::json::parse(read_file(dir / "summary.json"));
  ASSERT_TRUE(summary["modes"]["rail"]["cost_usd_per_feu"].contains("ci95"));
  for (const char* chart : {"cost", "waits"})
    EXPECT_NE(read_file(dir / "report" / (std::string(chart) + ".gp")).find("histogram errorbars"), std::string::npos)
        << chart;
  // Transit means of all replications with their interval as a shaded band.
  const std::string transit_gp = read_file(dir / "report" / "transit.gp");
  EXPECT_NE(transit_gp.find("set object 1 rect"), std::string::npos);
  const std::string html = read_file(dir / "report.html");
  EXPECT_NE(section(html, "transit").find(" ± "), std::string::npos);
  EXPECT_NE(html.find("3 replications"), std::string::npos);
  EXPECT_TRUE(std::regex_search(html, std::regex(R"(breakeven cargo value US\$ \d+ ± \d+)"))) << "headline interval";
}

TEST(CompareReport, DrawsBothRunsOnEachChart) {
  TempDir scratch;
  ASSERT_EQ(run_baseline(scratch, "a", {"--no-report", "--quiet"}).exit_code, 0);
  const std::string daily = source_path("scenarios/frequency-daily.yaml");
  ASSERT_EQ(run_rongou({"run", daily, "--no-report", "--quiet", "--out", (scratch.path() / "b").string()}).exit_code, 0);
  const fs::path a = scratch.path() / "a", b = scratch.path() / "b", out = scratch.path() / "ab";
  const auto r = run_rongou({"compare", a.string(), b.string(), "--report", out.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Key results"), std::string::npos) << "the table is still printed";
  const std::string html = read_file(out / "report.html");
  // A bar chart per key result, a bar per folder; frequency-daily has no sea: no bar, its
  // label kept, and "–" in the table.
  for (const char* id : {"key-modes-rail-transit-days-mean", "key-rail-waits-hours-border"})
    EXPECT_NE(section(html, id).find("data-plotted=\"yes\""), std::string::npos) << id;
  const std::string sea = read_file(out / "report" / "key-modes-sea-transit-days-mean.dat");
  EXPECT_NE(sea.find("\n1 ? ?\n"), std::string::npos) << sea;
  EXPECT_NE(read_file(out / "report" / "key-modes-sea-transit-days-mean.gp").find("'frequency-daily' 1"),
            std::string::npos);
  EXPECT_NE(html.find("<td>–</td>"), std::string::npos);
  for (const char* id : {"transit", "cost", "waits", "weekly"}) {
    const std::string s = section(html, id);
    ASSERT_NE(s.find("data-plotted=\"yes\""), std::string::npos) << id;
    EXPECT_NE(s.find("<path"), std::string::npos) << id;
    EXPECT_NE(s.find("A "), std::string::npos) << id;
  }
  for (const char* id : {"transit", "waits", "weekly"})
    EXPECT_NE(section(html, id).find("B "), std::string::npos) << id;
  // Only A's scenario has the sea chain and costs: B adds no sea series and no cost bars.
  EXPECT_NE(section(html, "transit").find("A sea (n = "), std::string::npos);
  EXPECT_EQ(section(html, "transit").find("B sea"), std::string::npos);
  EXPECT_NE(section(html, "cost").find("A rail"), std::string::npos);
  EXPECT_EQ(section(html, "cost").find("B rail"), std::string::npos);
  // B runs daily trains (7 a week against 6 westbound): its weekly column says so.
  std::ifstream weekly(out / "report" / "weekly.dat");
  double a_trains = 0, b_trains = 0;
  for (std::string line; std::getline(weekly, line);) {
    if (line.empty() || line[0] == '#')
      continue;
    std::istringstream cells(line);
    std::vector<double> v;
    for (std::string c; cells >> c;)
      v.push_back(c == "?" ? 0.0 : std::stod(c));
    ASSERT_EQ(v.size(), 13u) << line;
    a_trains += v[1];
    b_trains += v[7];
  }
  EXPECT_GT(b_trains, a_trains);
  EXPECT_NE(html.find("no interval"), std::string::npos) << "single runs: says there is no interval";
  EXPECT_FALSE(fs::exists(a / "report.html")) << "A and B are not touched";

  // Into a results folder it refuses (it would replace that run's report).
  const auto into_a = run_rongou({"compare", a.string(), b.string(), "--report", a.string()});
  EXPECT_EQ(into_a.exit_code, 2) << into_a.err;
  EXPECT_NE(into_a.err.find("results folder"), std::string::npos) << into_a.err;
}

TEST(ReportCommand, NotAResultsFolderIsBadInput) {
  TempDir scratch;
  const auto r = run_rongou({"report", scratch.path().string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("summary.json"), std::string::npos) << r.err;
}

TEST(ReportCommand, MissingGnuplotIsAClearErrorAndKeepsTheOutputs) {
  TempDir scratch;
  const auto r = run_baseline(scratch, "base").exit_code;
  ASSERT_EQ(r, 0);
  const std::string before = read_file(scratch.path() / "base" / "report.html");
  RunOptions without_gnuplot;
  without_gnuplot.environment = {"RONGOU_GNUPLOT=/nonexistent/gnuplot"};
  const auto failed = run_rongou({"report", (scratch.path() / "base").string()}, without_gnuplot);
  EXPECT_EQ(failed.exit_code, 2); // checked before anything is read or written
  EXPECT_NE(failed.err.find("gnuplot"), std::string::npos) << failed.err;
  EXPECT_EQ(read_file(scratch.path() / "base" / "report.html"), before) << "the earlier report is kept";
  EXPECT_TRUE(fs::exists(scratch.path() / "base" / "summary.json"));
}

TEST(Logging, QuietPrintsNothingAndVerboseShowsTheSimulatedClock) {
  TempDir scratch;
  const auto quiet = run_baseline(scratch, "q", {"--quiet", "--no-report"});
  ASSERT_EQ(quiet.exit_code, 0);
  EXPECT_EQ(quiet.out, "");
  EXPECT_EQ(quiet.err, "");
  const auto verbose = run_baseline(scratch, "v", {"--verbose", "--no-report"});
  ASSERT_EQ(verbose.exit_code, 0);
  EXPECT_TRUE(std::regex_search(verbose.err, std::regex(R"(rongou debug: \[day \d+ \d\d:\d\d\] westbound-\d+ arrived)")))
      << verbose.err.substr(0, 2000);
  EXPECT_NE(verbose.err.find("rongou info: simulating baseline-2018"), std::string::npos);
  EXPECT_NE(verbose.out.find("door-to-door"), std::string::npos) << "the table still goes to stdout";
  EXPECT_EQ(run_baseline(scratch, "x", {"--quiet", "--verbose"}).exit_code, 2);
}
