// End to end through the `rongou` executable: what a user types.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "support/Files.hpp"
#include "support/RunCommand.hpp"
#include "support/TempDir.hpp"

using namespace rongou::test;

namespace {
const std::string kBaseline = source_path("scenarios/baseline-2018.yaml");

// The baseline's text, with its platform given as an absolute path so that the copy can
// live in a temporary folder.
std::string baseline_text() {
  std::string yaml = read_file(kBaseline);
  const std::string relative = "../platforms/rong-ou.xml";
  yaml.replace(yaml.find(relative), relative.size(), source_path("platforms/rong-ou.xml"));
  return yaml;
}
const char* const kOutputs[] = {"summary.json", "containers.csv", "trains.csv", "weekly.csv", "events.csv"};
} // namespace

TEST(Cli, RunWritesTheOutputsAndPrintsTheTable) {
  TempDir dir;
  const auto r = run_rongou({"run", kBaseline, "--out", (dir.path() / "out").string()});
  ASSERT_EQ(r.exit_code, 0) << r;
  EXPECT_NE(r.out.find("door-to-door days: mean"), std::string::npos) << r;
  for (const char* f : kOutputs)
    EXPECT_TRUE(std::filesystem::exists(dir.path() / "out" / f)) << f;
  const std::string summary = read_file(dir.path() / "out" / "summary.json");
  for (const char* key : {"\"scenario\"", "\"modes\"", "\"transit_days\"", "\"per_week\"", "\"waits_hours\""})
    EXPECT_NE(summary.find(key), std::string::npos) << key;
}

TEST(Cli, SameScenarioAndSeedGiveByteIdenticalOutputs) {
  TempDir dir;
  for (const char* out : {"a", "b"})
    ASSERT_EQ(run_rongou({"run", kBaseline, "--quiet", "--out", (dir.path() / out).string()}).exit_code, 0);
  ASSERT_EQ(run_rongou({"run", kBaseline, "--quiet", "--seed", "2", "--out", (dir.path() / "c").string()}).exit_code, 0);
  for (const char* f : kOutputs) {
    const auto a = read_file(dir.path() / "a" / f);
    EXPECT_FALSE(a.empty()) << f;
    EXPECT_EQ(a, read_file(dir.path() / "b" / f)) << f << " differs between two runs of the same seed";
  }
  EXPECT_NE(read_file(dir.path() / "a" / "containers.csv"), read_file(dir.path() / "c" / "containers.csv"))
      << "another seed should give other draws";
}

TEST(Cli, BadInputExitsWithTwoAndNamesTheProblem) {
  TempDir dir;
  const auto missing = run_rongou({"run", (dir.path() / "nope.yaml").string()});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("nope.yaml: cannot read scenario: file not found"), std::string::npos) << missing;

  std::string yaml = baseline_text();
  yaml.replace(yaml.find("Moyinty, Astana"), 7, "Moyinti");
  const auto file = dir.path() / "typo.yaml";
  write_file(file, yaml);
  const auto typo = run_rongou({"validate", file.string()});
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_NE(typo.err.find("node 'Moyinti' is not in platform"), std::string::npos) << typo;
  EXPECT_NE(typo.err.find("did you mean 'Moyinty'?"), std::string::npos) << typo;
  EXPECT_NE(typo.err.find("typo.yaml:"), std::string::npos) << typo;

  EXPECT_EQ(run_rongou({"frobnicate"}).exit_code, 2);

  std::string lost = read_file(kBaseline);
  const auto platform_line = lost.find("platform:");
  lost.replace(lost.find("../platforms/rong-ou.xml"), 24, "../platforms/nowhere.xml");
  write_file(dir.path() / "lost.yaml", lost);
  const auto no_platform = run_rongou({"validate", (dir.path() / "lost.yaml").string()});
  EXPECT_EQ(no_platform.exit_code, 2);
  const auto line = 1 + std::count(lost.begin(), lost.begin() + static_cast<std::ptrdiff_t>(platform_line), '\n');
  EXPECT_NE(no_platform.err.find("lost.yaml:" + std::to_string(line) + ":11: platform: "), std::string::npos)
      << no_platform;
  EXPECT_NE(no_platform.err.find("nowhere.xml: platform file not found"), std::string::npos) << no_platform;
}

TEST(Cli, AFailedRunLeavesEarlierResultsUntouched) {
  TempDir dir;
  const auto out = (dir.path() / "out").string();
  ASSERT_EQ(run_rongou({"run", kBaseline, "--quiet", "--out", out}).exit_code, 0);
  const auto before = read_file(dir.path() / "out" / "summary.json");

  std::string yaml = baseline_text();
  yaml.replace(yaml.find("count: 3"), 8, "count: 0");
  const auto bad = dir.path() / "bad.yaml";
  write_file(bad, yaml);
  const auto r = run_rongou({"run", bad.string(), "--out", out});
  EXPECT_EQ(r.exit_code, 2) << r;
  EXPECT_NE(r.err.find("a pool of 0 locomotives"), std::string::npos) << r;
  EXPECT_EQ(read_file(dir.path() / "out" / "summary.json"), before);
}

TEST(Cli, ValidateAcceptsTheBaseline) {
  const auto r = run_rongou({"validate", kBaseline});
  EXPECT_EQ(r.exit_code, 0) << r;
}
