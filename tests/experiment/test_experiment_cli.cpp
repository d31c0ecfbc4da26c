// End-to-end: build/rongou run as a subprocess (each run forks its own workers, so no engine
// ever starts in this test process).
#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
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
      run_rongou({"compare", (p / "s/points/point-0001").string(), (p / "s/points/point-0000").string()});
  ASSERT_EQ(compared.exit_code, 0) << compared;
  const std::string& table = compared.out;
  EXPECT_NE(table.find("common random numbers"), std::string::npos) << table;
  // 24 more hours at the EU border must show as a significant rise in transit time.
  std::istringstream lines(table);
  bool found = false;
  for (std::string line; std::getline(lines, line);)
    if (line.starts_with("modes.rail.transit_days.mean ")) {
      found = true;
      EXPECT_EQ(line.back(), '*') << line;
    }
  EXPECT_TRUE(found) << table;
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
