// End-to-end: build/rongou run as a subprocess (each run forks its own workers, so no engine
// ever starts in this test process).
#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "support/Files.hpp"
#include "support/RunCommand.hpp"
#include "support/TempDir.hpp"

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;
using namespace rongou::test;

namespace {

const std::string kScenario = source_path("tests/experiment/short-horizon.yaml");

Json json_of(const fs::path& file) { return Json::parse(read_file(file)); }

std::vector<std::string> joined(std::vector<std::string> first, const std::vector<std::string>& then) {
  first.insert(first.end(), then.begin(), then.end());
  return first;
}

// `rongou run` of the short scenario, quiet, with `args`.
CommandResult run(const std::vector<std::string>& args, const RunOptions& options = {}) {
  return run_rongou(joined(joined({"run", kScenario}, args), {"--quiet"}), options);
}

const std::vector<std::string> kSweepSets = {
    "--set", "rail.locomotives.3.count=2,3", "--set",
    "rail.border_dwell_hours_at.Malaszewicze={dist: fixed, value: 6},{dist: fixed, value: 30},"
    "{dist: fixed, value: 50}"};
// `rongou sweep` of the short scenario over kSweepSets, two replications a point, with `args`.
std::vector<std::string> sweep_args(const std::vector<std::string>& args) {
  return joined(joined(joined({"sweep", kScenario}, kSweepSets), {"--replications", "2", "--quiet"}), args);
}
CommandResult sweep(const std::vector<std::string>& args) { return run_rongou(sweep_args(args)); }

} // namespace

TEST(Replications, SummaryDoesNotDependOnTheNumberOfJobs) {
  TempDir t;
  const fs::path p = t.path();
  ASSERT_EQ(run({"--replications", "20", "--jobs", "1", "--out", (p / "j1").string()}).exit_code, 0);
  ASSERT_EQ(run({"--replications", "20", "--jobs", "2", "--out", (p / "j2").string()}).exit_code, 0);
  const std::string j1 = read_file(p / "j1/summary.json");
  ASSERT_FALSE(j1.empty());
  EXPECT_EQ(j1, read_file(p / "j2/summary.json"));
  EXPECT_EQ(read_file(p / "j1/containers.csv"), read_file(p / "j2/containers.csv"));

  const Json s = Json::parse(j1);
  EXPECT_EQ(s["replications"], 20);
  EXPECT_EQ(s["replication_seeds"].size(), 20u);
  EXPECT_TRUE(s["missing_replications"].empty());
  // The contract's number stays at its path; its interval sits beside it.
  const Json& transit = s["modes"]["rail"]["transit_days"];
  ASSERT_TRUE(transit["mean"].is_number());
  ASSERT_TRUE(transit["ci95"]["mean"].is_number());
  EXPECT_GT(transit["ci95"]["mean"].get<double>(), 0.0);   // the runs do differ
  EXPECT_LT(transit["ci95"]["mean"].get<double>(), 1.0);   // but 20 of them pin the mean down
  // The mean is the mean of the kept per-replication summaries.
  double sum = 0.0;
  for (int i = 0; i < 20; ++i)
    sum += json_of(p / fmt::format("j1/replications/rep-{:03}.json", i))["modes"]["rail"]["transit_days"]["mean"]
               .get<double>();
  EXPECT_NEAR(transit["mean"].get<double>(), sum / 20, 1e-4);
}

TEST(Replications, ReplicationZeroIsThePlainRun) {
  TempDir t;
  const fs::path p = t.path();
  ASSERT_EQ(run({"--out", (p / "plain").string()}).exit_code, 0);
  ASSERT_EQ(run({"--replications", "2", "--jobs", "2", "--out", (p / "reps").string()}).exit_code, 0);
  EXPECT_EQ(read_file(p / "plain/summary.json"), read_file(p / "reps/replications/rep-000.json"));
  EXPECT_EQ(read_file(p / "plain/containers.csv"), read_file(p / "reps/containers.csv"));
  EXPECT_NE(read_file(p / "reps/replications/rep-000.json"), read_file(p / "reps/replications/rep-001.json"));
}

TEST(Replications, CrashedWorkerIsReportedWithItsSeedAndTheOthersFinish) {
  TempDir t;
  const fs::path p = t.path();
  RunOptions abort_replication_2;
  abort_replication_2.environment = {"RONGOU_TEST_ABORT_REPLICATION=2"};
  const auto crashed = run({"--replications", "4", "--jobs", "2", "--out", (p / "f").string()}, abort_replication_2);
  EXPECT_EQ(crashed.exit_code, 1) << crashed;
  const Json s = json_of(p / "f/summary.json");
  EXPECT_EQ(s["replications"], 3);
  EXPECT_EQ(s["replications_requested"], 4);
  ASSERT_EQ(s["missing_replications"].size(), 1u);
  EXPECT_EQ(s["missing_replications"][0]["replication"], 2);
  const auto seed = s["missing_replications"][0]["seed"].get<std::uint64_t>();
  const std::string& message = crashed.err;
  EXPECT_NE(message.find(fmt::format("replication 2 (seed {})", seed)), std::string::npos) << message;
  EXPECT_NE(message.find("signal 6"), std::string::npos) << message;
  for (int i : {0, 1, 3})
    EXPECT_TRUE(fs::exists(p / fmt::format("f/replications/rep-{:03}.json", i)));
  EXPECT_FALSE(fs::exists(p / "f/replications/rep-002.json"));

  // The reported seed re-runs that replication alone, as it would have run.
  ASSERT_EQ(run({"--replications", "4", "--jobs", "2", "--out", (p / "whole").string()}).exit_code, 0);
  ASSERT_EQ(run({"--seed", std::to_string(seed), "--out", (p / "alone").string()}).exit_code, 0);
  const std::string alone = read_file(p / "alone/summary.json");
  const std::string whole = read_file(p / "whole/replications/rep-002.json");
  EXPECT_EQ(alone.substr(alone.find("\"replications\"")), whole.substr(whole.find("\"replications\"")));
}

TEST(Sweep, ShardsMergeIntoExactlyTheUnshardedSweep) {
  TempDir t;
  const fs::path p = t.path();
  ASSERT_EQ(sweep({"--jobs", "2", "--out", (p / "all").string()}).exit_code, 0);
  for (int k = 1; k <= 3; ++k)
    ASSERT_EQ(sweep({"--jobs", "1", "--shard", fmt::format("{}/3", k), "--out", (p / fmt::format("shard-{}", k)).string()})
                  .exit_code,
              0);
  ASSERT_EQ(run_rongou({"sweep-merge", (p / "shard-3").string(), (p / "shard-1").string(), (p / "shard-2").string(),
                        "--out", (p / "merged").string(), "--quiet"})
                .exit_code,
            0);
  const auto diff = run_program("diff", {"-r", (p / "all").string(), (p / "merged").string()});
  EXPECT_EQ(diff.exit_code, 0) << diff;

  const std::string csv = read_file(p / "all/sweep.csv");
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 1 + 6); // header + 2 x 3 points
  EXPECT_NE(read_file(p / "shard-2/sweep.csv"), csv);         // a shard really is a part

  // Incomplete shards are refused and nothing is written.
  EXPECT_EQ(run_rongou({"sweep-merge", (p / "shard-1").string(), (p / "shard-2").string(), "--out",
                        (p / "partial").string(), "--quiet"})
                .exit_code,
            2);
  EXPECT_FALSE(fs::exists(p / "partial"));
}

TEST(Sweep, GnuParallelRunsTheShardsToTheSameResult) {
  if (!on_path("parallel"))
    FAIL() << "GNU parallel is not installed (scripts/setup installs it)";
  TempDir t;
  const fs::path p = t.path();
  ASSERT_EQ(sweep({"--jobs", "1", "--out", (p / "all").string()}).exit_code, 0);
  // parallel runs one shell command line per shard; {} is the shard number.
  std::string shard_command = shell_quote(rongou_executable());
  for (const auto& arg : sweep_args({"--jobs", "1", "--shard", "{}/3", "--out", (p / "shard-").string() + "{}"}))
    shard_command += " " + (arg.find("{}") == std::string::npos ? shell_quote(arg) : arg);
  const auto shards =
      run_program("parallel", {"--will-cite", "--halt", "now,fail=1", "-j", "2", shard_command, ":::", "1", "2", "3"});
  ASSERT_EQ(shards.exit_code, 0) << shards;
  ASSERT_EQ(run_rongou({"sweep-merge", (p / "shard-1").string(), (p / "shard-2").string(), (p / "shard-3").string(),
                        "--out", (p / "merged").string(), "--quiet"})
                .exit_code,
            0);
  EXPECT_EQ(read_file(p / "all/sweep.csv"), read_file(p / "merged/sweep.csv"));
  EXPECT_EQ(read_file(p / "all/sweep.json"), read_file(p / "merged/sweep.json"));
}

TEST(Sweep, PointsShareReplicationSeedsAndCompareUsesPairs) {
  TempDir t;
  const fs::path p = t.path();
  ASSERT_EQ(run_rongou({"sweep", kScenario, "--set",
                        "rail.border_dwell_hours_at.Malaszewicze={dist: fixed, value: 6},{dist: fixed, value: 30}",
                        "--replications", "3", "--jobs", "2", "--quiet", "--out", (p / "s").string()})
                .exit_code,
            0);
  const Json a = json_of(p / "s/points/point-0000/summary.json");
  const Json b = json_of(p / "s/points/point-0001/summary.json");
  EXPECT_EQ(a["replication_seeds"], b["replication_seeds"]); // common random numbers
  const auto compared =
      run_rongou({"compare", (p / "s/points/point-0000").string(), (p / "s/points/point-0001").string(), "--all"});
  ASSERT_EQ(compared.exit_code, 0) << compared;
  const std::string& table = compared.out;
  EXPECT_NE(table.find("common random numbers"), std::string::npos) << table;
  // 24 more hours at the EU border must show as a significant rise in transit time: in the
  // change table (the second row of the key after the values' row), "+x ± h*".
  std::istringstream lines(table);
  std::vector<std::string> rows;
  for (std::string line; std::getline(lines, line);)
    if (line.starts_with("modes.rail.transit_days.mean "))
      rows.push_back(line);
  ASSERT_EQ(rows.size(), 2u) << table;
  EXPECT_EQ(rows[1].back(), '*') << rows[1];
  EXPECT_NE(rows[1].find(" +"), std::string::npos) << rows[1];
  EXPECT_NE(rows[0].find(" ± "), std::string::npos) << "values with their interval: " << rows[0];
}

TEST(Sweep, BadValueIsRefusedBeforeAnythingRuns) {
  TempDir t;
  const fs::path p = t.path();
  const auto bad = run_rongou(
      {"sweep", kScenario, "--set", "rail.locomotives.3.count=2,many", "--quiet", "--out", (p / "s").string()});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("rail.locomotives.3.count"), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("sweep point 1"), std::string::npos) << bad.err;
  EXPECT_FALSE(fs::exists(p / "s"));
  EXPECT_EQ(run_rongou({"sweep", kScenario, "--set", "horizon_days=56", "--shard", "4/3", "--out", (p / "s").string()})
                .exit_code,
            2);
}

TEST(Compare, ManyFoldersInOneTableForPeopleAndMachines) {
  TempDir t;
  const fs::path p = t.path();
  ASSERT_EQ(run({"--out", (p / "base").string()}).exit_code, 0);
  ASSERT_EQ(run({"--out", (p / "slow").string(), "--set",
                 "rail.border_dwell_hours_at.Malaszewicze={dist: fixed, value: 60}"})
                .exit_code,
            0);
  ASSERT_EQ(run({"--out", (p / "other-seed").string(), "--seed", "5"}).exit_code, 0);
  const std::vector<std::string> folders = {(p / "base").string(), (p / "slow").string(), (p / "other-seed").string()};

  const auto text = run_rongou(joined({"compare"}, folders));
  ASSERT_EQ(text.exit_code, 0) << text;
  // Leads with the key results, in people's numbers (no exponents), then what changed most.
  const auto key = text.out.find("Key results\n");
  const auto most = text.out.find("What changed most");
  ASSERT_NE(key, std::string::npos) << text.out;
  ASSERT_NE(most, std::string::npos) << text.out;
  EXPECT_LT(key, most);
  EXPECT_EQ(text.out.find("e+0"), std::string::npos) << text.out;
  EXPECT_TRUE(std::regex_search(text.out, std::regex("\nrail door to door, mean +d +[0-9.]+ +[0-9.]+ +[0-9.]+\n")))
      << text.out;
  // The same scenario three times: columns named by their folders.
  EXPECT_NE(text.out.find(" base "), std::string::npos);
  EXPECT_NE(text.out.find(" other-seed"), std::string::npos);

  // CSV: the slower border shows as a positive change of the rail mean against the first.
  const auto csv = run_rongou(joined(joined({"compare"}, folders), {"--format", "csv"}));
  ASSERT_EQ(csv.exit_code, 0) << csv;
  EXPECT_TRUE(csv.out.starts_with("section,key,label,unit,base,base_ci95,slow,slow_ci95,other-seed,other-seed_ci95,"
                                  "slow_change,slow_change_ci95,slow_significant,other-seed_change,"))
      << csv.out;
  const Json summary_base = json_of(p / "base/summary.json");
  const Json summary_slow = json_of(p / "slow/summary.json");
  const Json json = Json::parse(run_rongou(joined(joined({"compare"}, folders), {"--format", "json"})).out);
  ASSERT_EQ(json["folders"].size(), 3u);
  bool found = false;
  for (const auto& row : json["rows"])
    if (row["key"] == "modes.rail.transit_days.mean") {
      found = true;
      EXPECT_EQ(row["section"], "key");
      EXPECT_DOUBLE_EQ(row["values"][0]["mean"].get<double>(),
                       summary_base["modes"]["rail"]["transit_days"]["mean"].get<double>());
      EXPECT_TRUE(row["changes"][0].is_null());
      EXPECT_NEAR(row["changes"][1]["change"].get<double>(),
                  summary_slow["modes"]["rail"]["transit_days"]["mean"].get<double>() -
                      summary_base["modes"]["rail"]["transit_days"]["mean"].get<double>(),
                  1e-9);
      EXPECT_GT(row["changes"][1]["change"].get<double>(), 1.0); // 54 more hours at the border
    }
  EXPECT_TRUE(found);

  // --changed lists fewer rows than --all, and every one of them differs.
  const auto all = run_rongou(joined(joined({"compare"}, folders), {"--all", "--format", "json"}));
  const auto changed = run_rongou(joined(joined({"compare"}, folders), {"--changed", "--format", "json"}));
  const Json all_rows = Json::parse(all.out)["rows"], changed_rows = Json::parse(changed.out)["rows"];
  EXPECT_LT(changed_rows.size(), all_rows.size());
  for (const auto& row : changed_rows)
    if (row["section"] == "changed") {
      const auto& v = row["values"];
      EXPECT_FALSE(v[0] == v[1] && v[1] == v[2]) << row.dump();
    }
  EXPECT_EQ(run_rongou(joined(joined({"compare"}, folders), {"--all", "--changed"})).exit_code, 2);
}

TEST(Sweep, ReportDrawsEachColumnAgainstTheAxisWithIntervals) {
  TempDir t;
  const fs::path p = t.path();
  ASSERT_EQ(sweep({"--out", (p / "s").string(), "--jobs", "2", "--column", "modes.rail.transit_days.mean", "--column",
                   "rail.waits_hours.border"})
                .exit_code,
            0);
  const std::string html = read_file(p / "s/report.html");
  for (const char* id : {"column-01", "column-02"})
    EXPECT_NE(html.find(std::string("id=\"chart-") + id + "\" data-plotted=\"yes\""), std::string::npos) << id;
  // Two replications: error bars; the second axis (three dwell values) gives three lines
  // over the first (locomotive counts, numeric).
  const std::string gp = read_file(p / "s/report/column-01.gp");
  EXPECT_NE(gp.find("yerrorlines"), std::string::npos) << gp;
  EXPECT_NE(gp.find("index 2 "), std::string::npos) << gp;
  EXPECT_EQ(gp.find("index 3 "), std::string::npos) << gp;
  EXPECT_EQ(gp.find("set xtics ("), std::string::npos) << "a numeric axis is drawn to scale";
  // The data are sweep.csv's: the mean and half-width of the point (count 2, 30 h dwell).
  const std::string csv = read_file(p / "s/sweep.csv");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(csv, m, std::regex("\n4,3,\"\\{dist: fixed, value: 30\\}\",2,([0-9.]+),([0-9.]+),")))
      << csv;
  EXPECT_NE(read_file(p / "s/report/column-01.dat").find(fmt::format("3 {} {}\n", m[1].str(), m[2].str())),
            std::string::npos);

  // `rongou report` redraws the sweep's report; --no-report writes none.
  fs::remove(p / "s/report.html");
  ASSERT_EQ(run_rongou({"report", (p / "s").string(), "--quiet"}).exit_code, 0);
  EXPECT_EQ(read_file(p / "s/report.html"), html);
  ASSERT_EQ(run_rongou({"sweep", kScenario, "--set", "rail.locomotives.3.count=2,3", "--quiet", "--no-report", "--out",
                        (p / "n").string()})
                .exit_code,
            0);
  EXPECT_FALSE(fs::exists(p / "n/report.html"));
  EXPECT_TRUE(fs::exists(p / "n/sweep.csv"));

  // Category values on the axis: drawn as categories; without gnuplot nothing runs (exit 2).
  ASSERT_EQ(run_rongou({"sweep", kScenario, "--set",
                        "rail.border_dwell_hours_at.Malaszewicze={dist: fixed, value: 6},{dist: fixed, value: 30}",
                        "--quiet", "--out", (p / "c").string()})
                .exit_code,
            0);
  EXPECT_NE(read_file(p / "c/report/column-02.gp").find("set xtics ('{dist: fixed, value: 6}' 0"), std::string::npos);
  RunOptions without_gnuplot;
  without_gnuplot.environment = {"RONGOU_GNUPLOT=/nonexistent/gnuplot"};
  const auto no_gnuplot = run_rongou(sweep_args({"--out", (p / "g").string()}), without_gnuplot);
  EXPECT_EQ(no_gnuplot.exit_code, 2) << no_gnuplot;
  EXPECT_NE(no_gnuplot.err.find("gnuplot"), std::string::npos) << no_gnuplot.err;
  EXPECT_FALSE(fs::exists(p / "g"));
}

// The warm-up check: a run whose first four weeks are held by a closure at the EU border,
// with no warm-up, is told so on the terminal and in summary.json; the short run's 16 weeks
// are too few to judge.
TEST(Warmup, Mser5FindsAClosureAtTheStartAndWarns) {
  TempDir t;
  const fs::path p = t.path();
  const auto closed = run_rongou({"run", kScenario, "--out", (p / "closed").string(), "--no-report", "--set",
                                  "horizon_days=364", "--set", "warmup_days=0", "--set",
                                  "disruptions=[{kind: closure, node: Malaszewicze, from_day: 0, to_day: 28}]"});
  ASSERT_EQ(closed.exit_code, 0) << closed;
  const Json s = json_of(p / "closed/summary.json");
  ASSERT_TRUE(s["warmup"]["mser5_days"].is_number()) << s["warmup"].dump();
  EXPECT_GE(s["warmup"]["mser5_days"].get<double>(), 35.0);
  EXPECT_EQ(s["warmup"]["sufficient"], false);
  EXPECT_NE(closed.err.find("warm-up may be too short"), std::string::npos) << closed.err;

  ASSERT_EQ(run({"--out", (p / "short").string()}).exit_code, 0);
  const Json short_run = json_of(p / "short/summary.json");
  EXPECT_TRUE(short_run["warmup"]["mser5_days"].is_null());
  EXPECT_EQ(short_run["warmup"]["sufficient"], true);
}
