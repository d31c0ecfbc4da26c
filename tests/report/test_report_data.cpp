// The report's pure parts: reading results files back, summarising time series, writing
// chart data. No SimGrid, no gnuplot.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include "base/Log.hpp"
#include "output/Provenance.hpp"
#include "output/report/Chart.hpp"
#include "output/report/ReportWriter.hpp"
#include "output/report/ResultsFile.hpp"
#include "output/report/StringLineChart.hpp"
#include "output/report/TimeSeries.hpp"
#include "scenario/Diagnostics.hpp"
#include "support/Files.hpp"
#include "support/TempDir.hpp"

using namespace rongou;
using namespace rongou::report;

using rongou::test::read_file;
using rongou::test::TempDir;
using rongou::test::write_file;

TEST(CsvTable, ReadsCellsByColumnName) {
  TempDir dir;
  write_file(dir.path() / "t.csv", "a,b,c\n1,,x\n2.5,3,y\n");
  const auto t = CsvTable::read(dir.path() / "t.csv");
  ASSERT_EQ(t.rows(), 2u);
  EXPECT_EQ(t.cell(1, t.column("c")), "y");
  EXPECT_FALSE(t.number(0, t.column("b")).has_value());
  EXPECT_DOUBLE_EQ(*t.number(1, t.column("a")), 2.5);
  EXPECT_THROW(t.number(0, t.column("c")), InputError) << "text where a number belongs";
  EXPECT_THROW(t.column("d"), InputError);
}

// Quoted cells are unquoted where they stand in the file's text: the cells after one that
// shrank must still read as written.
TEST(CsvTable, UnquotedCellsLeaveTheirNeighboursIntact) {
  TempDir dir;
  write_file(dir.path() / "t.csv", "\"a \"\"x\"\"\",b,\"c,\"\"\"\"\"\r\n"
                                   "\"\"\"\"\"\",\"two\nlines\",7\r\n"
                                   "\"\",,\"\"\"q\"\n");
  const auto t = CsvTable::read(dir.path() / "t.csv");
  ASSERT_EQ(t.rows(), 2u);
  EXPECT_EQ(t.column("a \"x\""), 0u);
  EXPECT_EQ(t.column("b"), 1u);
  EXPECT_EQ(t.column("c,\"\""), 2u);
  EXPECT_EQ(t.cell(0, 0), "\"\"");
  EXPECT_EQ(t.cell(0, 1), "two\nlines");
  EXPECT_EQ(t.cell(0, 2), "7");
  EXPECT_EQ(t.cell(1, 0), "");
  EXPECT_EQ(t.cell(1, 1), "");
  EXPECT_EQ(t.cell(1, 2), "\"q");
  EXPECT_EQ(t.place(1), (dir.path() / "t.csv").string() + ":4");
}

TEST(CsvTable, RowOfWrongWidthNamesFileAndLine) {
  TempDir dir;
  write_file(dir.path() / "t.csv", "a,b\n1,2\n3\n");
  try {
    CsvTable::read(dir.path() / "t.csv");
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("t.csv:3"), std::string::npos) << e.what();
  }
}

TEST(DailyProfile, IsTimeWeightedAndStartsFromTheInitialValue) {
  StepSeries s{"yard", 0.0, {}};
  s.points.push_back({0.5, {2.0}});  // from noon of day 0: 2
  s.points.push_back({1.25, {0.0}}); // from 06:00 of day 1: 0
  const auto days = daily_profile(s, 0, 3.0, 4.0);
  ASSERT_EQ(days.size(), 3u);
  EXPECT_NEAR(days[0].mean, 0.5 * 4.0 + 0.5 * 2.0, 1e-12);
  EXPECT_EQ(days[0].min, 2.0);
  EXPECT_EQ(days[0].max, 4.0);
  EXPECT_NEAR(days[1].mean, 0.25 * 2.0, 1e-12);
  EXPECT_EQ(days[1].min, 0.0);
  EXPECT_EQ(days[2].mean, 0.0);
  EXPECT_EQ(days[2].max, 0.0);
}

TEST(ReadStat, AcceptsPlainNumbersAndReplicationIntervals) {
  const auto j = nlohmann::json::parse(R"({"a": 3, "b": {"mean": 4, "ci95": 0.5}, "c": 7, "ci95": {"c": 1.5}})");
  EXPECT_EQ(read_stat(j, "a")->value, 3.0);
  EXPECT_EQ(read_stat(j, "a")->ci95, 0.0);
  EXPECT_EQ(read_stat(j, "b")->value, 4.0);
  EXPECT_EQ(read_stat(j, "b")->ci95, 0.5);
  EXPECT_EQ(read_stat(j, "c")->ci95, 1.5);
  EXPECT_FALSE(read_stat(j, "missing").has_value());
}

TEST(HtmlEscape, EscapesMarkup) { EXPECT_EQ(html_escape("a<b>&\"c\""), "a&lt;b&gt;&amp;&quot;c&quot;"); }

TEST(Provenance, CommandLineIsQuotedForAShell) {
  EXPECT_EQ(Provenance::join_command({"rongou", "run", "my file.yaml", "--set", "a=it's"}),
            "rongou run 'my file.yaml' --set 'a=it'\\''s'");
}

TEST(SimClockFlag, PrintsDayAndTimeOfDay) {
  EXPECT_EQ(log::format_sim_time(0.0), "[day 0 00:00] ");
  EXPECT_EQ(log::format_sim_time(24.0 * 12 + 6.5), "[day 12 06:30] ");
}

namespace {
// A two-node corridor and two trains: one inside weeks 1-1, one only in week 3.
RunData tiny_run(const std::filesystem::path& dir) {
  write_file(dir / "summary.json", R"({"scenario": "tiny", "seed": 1, "horizon_days": 21, "warmup_days": 0})");
  write_file(dir / "routes.csv", "service,direction,stop,node,km,country,border,gauge_change\n"
                            "w,westbound,0,A,0.0,CN,0,0\nw,westbound,1,B,500.0,KZ,1,1\nw,westbound,2,C,900.0,KZ,0,0\n");
  write_file(dir / "trains.csv", "train,direction\nw-1,westbound\nw-2,westbound\n");
  write_file(dir / "events.csv", "train,time_h,node,event\n"
                            "w-1,10.000,A,depart\nw-1,30.000,B,arrive\nw-1,40.000,B,depart\nw-1,60.000,C,finish\n"
                            "w-2,340.000,A,depart\nw-2,360.000,B,arrive\n");
  return load_run_data(dir);
}
} // namespace

TEST(StringLineChart, PlacesEventsAtRouteKmAndKeepsTheWindow) {
  TempDir dir;
  const RunData run = tiny_run(dir.path());
  std::filesystem::create_directory(dir.path() / "report");
  const auto files = StringLineChart(1, 1).write(run, dir.path() / "report");
  ASSERT_TRUE(files.plotted) << files.note;
  const std::string data = read_file(dir.path() / "report" / "string_line_westbound.dat");
  EXPECT_NE(data.find("# w-1"), std::string::npos);
  EXPECT_EQ(data.find("# w-2"), std::string::npos) << "w-2 runs in week 3 only";
  EXPECT_NE(data.find("1.2500 500.0"), std::string::npos) << data; // 30 h at B
  EXPECT_NE(data.find("2.5000 900.0"), std::string::npos) << data;
  const std::string gp = read_file(dir.path() / "report" / "string_line.gp");
  EXPECT_NE(gp.find("break of gauge"), std::string::npos);
  EXPECT_NE(gp.find("set xrange [0:7]"), std::string::npos) << gp;
}

TEST(StringLineChart, SaysSoWhenTheRunHasNoRoutes) {
  TempDir dir;
  tiny_run(dir.path());
  std::filesystem::remove(dir.path() / "routes.csv");
  const RunData run = load_run_data(dir.path());
  const auto files = StringLineChart(1, 1).write(run, dir.path());
  EXPECT_FALSE(files.plotted);
  EXPECT_NE(files.note.find("routes.csv"), std::string::npos);
}

TEST(RunData, RejectsAFolderWithoutSummary) {
  TempDir dir;
  EXPECT_THROW(load_run_data(dir.path()), InputError);
}

TEST(ReportCharts, EveryChartHasItsOwnId) {
  std::set<std::string> ids;
  for (const auto& c : report_charts({}))
    EXPECT_TRUE(ids.insert(c->id()).second) << c->id();
  EXPECT_GE(ids.size(), 7u);
}

TEST(ResultsFile, RefusesAFifoWithoutOpeningItAndFollowsSymlinksOnlyInsideTheFolder) {
  test::TempDir dir;
  const auto run = dir.path() / "run";
  std::filesystem::create_directories(run);
  ASSERT_EQ(::mkfifo((run / "containers.csv").c_str(), 0600), 0);
  // Opening a FIFO for reading would block until a writer comes: the check must not open it.
  try {
    check_results_file(run / "containers.csv");
    FAIL() << "a FIFO was accepted";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("containers.csv: not a regular file; refused"), std::string::npos) << e.what();
  }
  test::write_file(dir.path() / "outside.txt", "secret\n");
  std::filesystem::create_symlink("../outside.txt", run / "scenario.resolved.yaml");
  EXPECT_THROW(read_results_file(run / "scenario.resolved.yaml"), InputError);
  test::write_file(run / "inside.csv", "a\n1\n");
  std::filesystem::create_symlink("inside.csv", run / "trains.csv");
  EXPECT_EQ(read_results_file(run / "trains.csv"), "a\n1\n");
  test::write_file(run / "summary.json", "{}");
  EXPECT_EQ(read_results_file(run / "summary.json"), "{}");
}
