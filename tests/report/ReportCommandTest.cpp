// End to end through the rongou executable: `run` writes the report, `report DIR` redoes it
// from the files alone, and the report shows every chart.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <regex>

#include "Subprocess.hpp"

using namespace rongou::test;
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kChartsWithBaselineData{"string_line", "transit", "waits", "weekly", "yards",
                                                       "locomotives"};

// The <section> of one chart in report.html.
std::string section(const std::string& html, const std::string& id) {
  const auto start = html.find("<section class=\"chart\" id=\"chart-" + id + "\"");
  if (start == std::string::npos)
    return {};
  return html.substr(start, html.find("</section>", start) - start);
}

CommandResult run_baseline(const ScratchDir& scratch, const std::string& out, const std::string& extra = "") {
  return run_command(rongou_exe() + " run " + baseline() + " --out " + (scratch.path() / out).string() + " " + extra,
                     scratch.path());
}

} // namespace

TEST(ReportCommand, RunWritesAReportWithEveryChartAndItsFiles) {
  ScratchDir scratch;
  const auto r = run_baseline(scratch, "base");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const fs::path dir = scratch.path() / "base";
  for (const char* f : {"pools.csv", "yards.csv", "routes.csv", "provenance.json", "scenario.resolved.yaml"})
    EXPECT_TRUE(fs::exists(dir / f)) << f;
  const std::string html = slurp(dir / "report.html");
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

  const auto provenance = nlohmann::json::parse(slurp(dir / "provenance.json"));
  EXPECT_EQ(provenance["seed"], 1);
  EXPECT_FALSE(provenance["version"].get<std::string>().empty());
}

TEST(ReportCommand, OutputsAndReportAreByteIdenticalForTheSameSeed) {
  ScratchDir scratch;
  ASSERT_EQ(run_baseline(scratch, "a", "--seed 7").exit_code, 0);
  ASSERT_EQ(run_baseline(scratch, "b", "--seed 7").exit_code, 0);
  for (const char* f : {"pools.csv", "yards.csv", "routes.csv", "report/string_line.svg", "report/locomotives.dat"})
    EXPECT_EQ(slurp(scratch.path() / "a" / f), slurp(scratch.path() / "b" / f)) << f;
  // The command line differs only by the output folder's name.
  std::string a = slurp(scratch.path() / "a" / "report.html"), b = slurp(scratch.path() / "b" / "report.html");
  a = std::regex_replace(a, std::regex("--out [^ <]*"), "--out X");
  b = std::regex_replace(b, std::regex("--out [^ <]*"), "--out X");
  EXPECT_EQ(a, b);
}

TEST(ReportCommand, ReportRedrawsAFinishedRunWithSeaAndCosts) {
  ScratchDir scratch;
  ASSERT_EQ(run_baseline(scratch, "base", "--no-report").exit_code, 0);
  const fs::path dir = scratch.path() / "base";
  EXPECT_FALSE(fs::exists(dir / "report.html")) << "--no-report";
  // What the sea model adds to a run: modes.sea, costs, comparison, sea.csv.
  auto summary = nlohmann::json::parse(slurp(dir / "summary.json"));
  summary["modes"]["rail"]["cost_usd_per_feu"] = {{"total", 7900}, {"freight", 7000}, {"subsidy", -3000},
                                                  {"handling", 400}, {"gauge_change", 500}, {"inventory", 3000}};
  summary["modes"]["sea"]["cost_usd_per_feu"] = {{"total", 5000}, {"freight", 1600}, {"subsidy", 0},
                                                 {"handling", 600}, {"gauge_change", 0}, {"inventory", 2800}};
  summary["modes"]["sea"]["transit_days"] = {{"mean", 48.0}, {"p95", 55.0}};
  summary["comparison"]["breakeven_cargo_value_usd"] = 123456;
  std::ofstream(dir / "summary.json") << summary.dump(2);
  {
    std::ofstream sea(dir / "sea.csv");
    sea << "container,arrived_h,transit_days\n";
    for (int i = 0; i < 2000; ++i)
      sea << i << "," << 1000 + i << "," << 45.0 + (i % 80) * 0.1 << "\n";
  }
  const auto r = run_command(rongou_exe() + " report " + dir.string() + " --weeks 10-11", scratch.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string html = slurp(dir / "report.html");
  const std::string cost = section(html, "cost");
  EXPECT_NE(cost.find("data-plotted=\"yes\""), std::string::npos);
  EXPECT_NE(cost.find("123456"), std::string::npos) << "breakeven shown";
  EXPECT_NE(section(html, "transit").find("sea (n = "), std::string::npos);
  EXPECT_NE(html.find("weeks 10 to 11"), std::string::npos);
  const std::string gp = slurp(dir / "report" / "string_line.gp");
  EXPECT_NE(gp.find("set xrange [63:77]"), std::string::npos);
}

TEST(ReportCommand, NotAResultsFolderIsBadInput) {
  ScratchDir scratch;
  const auto r = run_command(rongou_exe() + " report " + scratch.path().string(), scratch.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("summary.json"), std::string::npos) << r.err;
}

TEST(ReportCommand, MissingGnuplotIsAClearErrorAndKeepsTheOutputs) {
  ScratchDir scratch;
  const auto r = run_baseline(scratch, "base", "").exit_code;
  ASSERT_EQ(r, 0);
  const std::string before = slurp(scratch.path() / "base" / "report.html");
  const auto failed = run_command("RONGOU_GNUPLOT=/nonexistent/gnuplot " + rongou_exe() + " report " +
                                      (scratch.path() / "base").string(),
                                  scratch.path());
  EXPECT_EQ(failed.exit_code, 1);
  EXPECT_NE(failed.err.find("gnuplot"), std::string::npos) << failed.err;
  EXPECT_EQ(slurp(scratch.path() / "base" / "report.html"), before) << "the earlier report is kept";
  EXPECT_TRUE(fs::exists(scratch.path() / "base" / "summary.json"));
}

TEST(Logging, QuietPrintsNothingAndVerboseShowsTheSimulatedClock) {
  ScratchDir scratch;
  const auto quiet = run_baseline(scratch, "q", "--quiet --no-report");
  ASSERT_EQ(quiet.exit_code, 0);
  EXPECT_EQ(quiet.out, "");
  EXPECT_EQ(quiet.err, "");
  const auto verbose = run_baseline(scratch, "v", "--verbose --no-report");
  ASSERT_EQ(verbose.exit_code, 0);
  EXPECT_TRUE(std::regex_search(verbose.err, std::regex(R"(rongou debug: \[day \d+ \d\d:\d\d\] westbound-\d+ arrived)")))
      << verbose.err.substr(0, 2000);
  EXPECT_NE(verbose.err.find("rongou info: simulating baseline-2018"), std::string::npos);
  EXPECT_NE(verbose.out.find("door-to-door"), std::string::npos) << "the table still goes to stdout";
  EXPECT_EQ(run_baseline(scratch, "x", "--quiet --verbose").exit_code, 2);
}
