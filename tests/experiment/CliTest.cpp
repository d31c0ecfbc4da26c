// End-to-end: build/rongou run as a subprocess (each run forks its own workers, so no engine
// ever starts in this test process).
#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

namespace {

const std::string kRongou = RONGOU_EXE;
const std::string kScenario = SHORT_SCENARIO;

struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "rongou-cli-XXXXXX").string();
    path = ::mkdtemp(pattern.data());
  }
  ~TempDir() { fs::remove_all(path); }
};

// Runs a shell command; returns its exit code, with stderr kept in `err` when given.
int sh(const std::string& command, const fs::path& err = {}) {
  const std::string full = err.empty() ? command + " 2>/dev/null" : command + " 2>" + err.string();
  const int status = std::system(full.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

std::string slurp(const fs::path& file) {
  std::ifstream in(file);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

Json json_of(const fs::path& file) { return Json::parse(slurp(file)); }

std::string run(const std::string& args) { return fmt::format("{} run {} {} --quiet", kRongou, kScenario, args); }

const std::string kSweepSets =
    "--set rail.locomotives.3.count=2,3 --set 'rail.border_dwell_hours_at.Malaszewicze={dist: fixed, value: 6},"
    "{dist: fixed, value: 30},{dist: fixed, value: 50}'";
std::string sweep(const std::string& args) {
  return fmt::format("{} sweep {} {} --replications 2 --quiet {}", kRongou, kScenario, kSweepSets, args);
}

} // namespace

TEST(Replications, SummaryDoesNotDependOnTheNumberOfJobs) {
  TempDir t;
  ASSERT_EQ(sh(run(fmt::format("--replications 20 --jobs 1 --out {}/j1", t.path.string()))), 0);
  ASSERT_EQ(sh(run(fmt::format("--replications 20 --jobs 2 --out {}/j2", t.path.string()))), 0);
  const std::string j1 = slurp(t.path / "j1/summary.json");
  ASSERT_FALSE(j1.empty());
  EXPECT_EQ(j1, slurp(t.path / "j2/summary.json"));
  EXPECT_EQ(slurp(t.path / "j1/containers.csv"), slurp(t.path / "j2/containers.csv"));

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
    sum += json_of(t.path / fmt::format("j1/replications/rep-{:03}.json", i))["modes"]["rail"]["transit_days"]["mean"]
               .get<double>();
  EXPECT_NEAR(transit["mean"].get<double>(), sum / 20, 1e-4);
}

TEST(Replications, ReplicationZeroIsThePlainRun) {
  TempDir t;
  ASSERT_EQ(sh(run(fmt::format("--out {}/plain", t.path.string()))), 0);
  ASSERT_EQ(sh(run(fmt::format("--replications 2 --jobs 2 --out {}/reps", t.path.string()))), 0);
  EXPECT_EQ(slurp(t.path / "plain/summary.json"), slurp(t.path / "reps/replications/rep-000.json"));
  EXPECT_EQ(slurp(t.path / "plain/containers.csv"), slurp(t.path / "reps/containers.csv"));
  EXPECT_NE(slurp(t.path / "reps/replications/rep-000.json"), slurp(t.path / "reps/replications/rep-001.json"));
}

TEST(Replications, CrashedWorkerIsReportedWithItsSeedAndTheOthersFinish) {
  TempDir t;
  const fs::path err = t.path / "stderr";
  const int code = sh(fmt::format("RONGOU_TEST_ABORT_REPLICATION=2 {}", run(fmt::format(
                                                                          "--replications 4 --jobs 2 --out {}/f",
                                                                          t.path.string()))),
                      err);
  EXPECT_EQ(code, 1);
  const Json s = json_of(t.path / "f/summary.json");
  EXPECT_EQ(s["replications"], 3);
  EXPECT_EQ(s["replications_requested"], 4);
  ASSERT_EQ(s["missing_replications"].size(), 1u);
  EXPECT_EQ(s["missing_replications"][0]["replication"], 2);
  const auto seed = s["missing_replications"][0]["seed"].get<std::uint64_t>();
  const std::string message = slurp(err);
  EXPECT_NE(message.find(fmt::format("replication 2 (seed {})", seed)), std::string::npos) << message;
  EXPECT_NE(message.find("signal 6"), std::string::npos) << message;
  for (int i : {0, 1, 3})
    EXPECT_TRUE(fs::exists(t.path / fmt::format("f/replications/rep-{:03}.json", i)));
  EXPECT_FALSE(fs::exists(t.path / "f/replications/rep-002.json"));

  // The reported seed re-runs that replication alone, as it would have run.
  ASSERT_EQ(sh(run(fmt::format("--replications 4 --jobs 2 --out {}/whole", t.path.string()))), 0);
  ASSERT_EQ(sh(run(fmt::format("--seed {} --out {}/alone", seed, t.path.string()))), 0);
  EXPECT_EQ(slurp(t.path / "alone/summary.json").substr(slurp(t.path / "alone/summary.json").find("\"replications\"")),
            slurp(t.path / "whole/replications/rep-002.json")
                .substr(slurp(t.path / "whole/replications/rep-002.json").find("\"replications\"")));
}

TEST(Sweep, ShardsMergeIntoExactlyTheUnshardedSweep) {
  TempDir t;
  const std::string p = t.path.string();
  ASSERT_EQ(sh(sweep(fmt::format("--jobs 2 --out {}/all", p))), 0);
  for (int k = 1; k <= 3; ++k)
    ASSERT_EQ(sh(sweep(fmt::format("--jobs 1 --shard {}/3 --out {}/shard-{}", k, p, k))), 0);
  ASSERT_EQ(sh(fmt::format("{} sweep-merge {}/shard-3 {}/shard-1 {}/shard-2 --out {}/merged --quiet", kRongou, p, p,
                           p, p)),
            0);
  EXPECT_EQ(sh(fmt::format("diff -r {}/all {}/merged", p, p)), 0);

  const std::string csv = slurp(t.path / "all/sweep.csv");
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 1 + 6); // header + 2 x 3 points
  EXPECT_NE(slurp(t.path / "shard-2/sweep.csv"), csv);         // a shard really is a part

  // Incomplete shards are refused and nothing is written.
  EXPECT_EQ(sh(fmt::format("{} sweep-merge {}/shard-1 {}/shard-2 --out {}/partial --quiet", kRongou, p, p, p)), 2);
  EXPECT_FALSE(fs::exists(t.path / "partial"));
}

TEST(Sweep, GnuParallelRunsTheShardsToTheSameResult) {
  if (sh("command -v parallel >/dev/null") != 0)
    FAIL() << "GNU parallel is not installed (scripts/setup installs it)";
  TempDir t;
  const std::string p = t.path.string();
  ASSERT_EQ(sh(sweep(fmt::format("--jobs 1 --out {}/all", p))), 0);
  ASSERT_EQ(sh(fmt::format("parallel --will-cite --halt now,fail=1 -j 2 \"{}\" ::: 1 2 3",
                           sweep(fmt::format("--jobs 1 --shard {{}}/3 --out {}/shard-{{}}", p)))),
            0);
  ASSERT_EQ(sh(fmt::format("{} sweep-merge {}/shard-* --out {}/merged --quiet", kRongou, p, p)), 0);
  EXPECT_EQ(slurp(t.path / "all/sweep.csv"), slurp(t.path / "merged/sweep.csv"));
  EXPECT_EQ(slurp(t.path / "all/sweep.json"), slurp(t.path / "merged/sweep.json"));
}

TEST(Sweep, PointsShareReplicationSeedsAndCompareUsesPairs) {
  TempDir t;
  const std::string p = t.path.string();
  ASSERT_EQ(sh(fmt::format("{} sweep {} --set 'rail.border_dwell_hours_at.Malaszewicze={{dist: fixed, value: 6}},"
                           "{{dist: fixed, value: 30}}' --replications 3 --jobs 2 --quiet --out {}/s",
                           kRongou, kScenario, p)),
            0);
  const Json a = json_of(t.path / "s/points/point-0000/summary.json");
  const Json b = json_of(t.path / "s/points/point-0001/summary.json");
  EXPECT_EQ(a["replication_seeds"], b["replication_seeds"]); // common random numbers
  ASSERT_EQ(sh(fmt::format("{} compare {}/s/points/point-0001 {}/s/points/point-0000 > {}/cmp", kRongou, p, p, p)), 0);
  const std::string table = slurp(t.path / "cmp");
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
  const fs::path err = t.path / "stderr";
  EXPECT_EQ(sh(fmt::format("{} sweep {} --set rail.locomotives.3.count=2,many --quiet --out {}/s", kRongou, kScenario,
                           t.path.string()),
               err),
            2);
  EXPECT_NE(slurp(err).find("rail.locomotives.3.count"), std::string::npos) << slurp(err);
  EXPECT_NE(slurp(err).find("sweep point 1"), std::string::npos) << slurp(err);
  EXPECT_FALSE(fs::exists(t.path / "s"));
  EXPECT_EQ(sh(fmt::format("{} sweep {} --set horizon_days=56 --shard 4/3 --out {}/s", kRongou, kScenario,
                           t.path.string())),
            2);
}
