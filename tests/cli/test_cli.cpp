// End to end through the `rongou` executable: what a user types.
#include <gtest/gtest.h>

#include "support/TestSupport.hpp"

using namespace rongou::testing;

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
const char* kOutputs[] = {"summary.json", "containers.csv", "trains.csv", "weekly.csv", "events.csv"};
} // namespace

TEST(Cli, RunWritesTheOutputsAndPrintsTheTable) {
  TempDir dir;
  const auto r = run_command(rongou_command("run " + kBaseline + " --out " + (dir.path() / "out").string()));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("door-to-door days: mean"), std::string::npos) << r.output;
  for (const char* f : kOutputs)
    EXPECT_TRUE(std::filesystem::exists(dir.path() / "out" / f)) << f;
  const std::string summary = read_file(dir.path() / "out" / "summary.json");
  for (const char* key : {"\"scenario\"", "\"modes\"", "\"transit_days\"", "\"per_week\"", "\"waits_hours\""})
    EXPECT_NE(summary.find(key), std::string::npos) << key;
}

TEST(Cli, SameScenarioAndSeedGiveByteIdenticalOutputs) {
  TempDir dir;
  for (const char* out : {"a", "b"})
    ASSERT_EQ(run_command(rongou_command("run " + kBaseline + " --quiet --out " + (dir.path() / out).string())).exit_code, 0);
  ASSERT_EQ(run_command(rongou_command("run " + kBaseline + " --quiet --seed 2 --out " + (dir.path() / "c").string())).exit_code, 0);
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
  const auto missing = run_command(rongou_command("run " + (dir.path() / "nope.yaml").string()));
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.output.find("nope.yaml: cannot read scenario: file not found"), std::string::npos) << missing.output;

  std::string yaml = baseline_text();
  yaml.replace(yaml.find("Moyinty, Astana"), 7, "Moyinti");
  const auto file = dir.path() / "typo.yaml";
  write_file(file, yaml);
  const auto typo = run_command(rongou_command("validate " + file.string()));
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_NE(typo.output.find("node 'Moyinti' is not in platform"), std::string::npos) << typo.output;
  EXPECT_NE(typo.output.find("did you mean 'Moyinty'?"), std::string::npos) << typo.output;
  EXPECT_NE(typo.output.find("typo.yaml:"), std::string::npos) << typo.output;

  EXPECT_EQ(run_command(rongou_command("frobnicate")).exit_code, 2);

  std::string lost = read_file(kBaseline);
  const auto platform_line = lost.find("platform:");
  lost.replace(lost.find("../platforms/rong-ou.xml"), 24, "../platforms/nowhere.xml");
  write_file(dir.path() / "lost.yaml", lost);
  const auto no_platform = run_command(rongou_command("validate " + (dir.path() / "lost.yaml").string()));
  EXPECT_EQ(no_platform.exit_code, 2);
  const auto line = 1 + std::count(lost.begin(), lost.begin() + static_cast<std::ptrdiff_t>(platform_line), '\n');
  EXPECT_NE(no_platform.output.find("lost.yaml:" + std::to_string(line) + ":11: platform: "), std::string::npos)
      << no_platform.output;
  EXPECT_NE(no_platform.output.find("nowhere.xml: platform file not found"), std::string::npos)
      << no_platform.output;
}

TEST(Cli, AFailedRunLeavesEarlierResultsUntouched) {
  TempDir dir;
  const auto out = (dir.path() / "out").string();
  ASSERT_EQ(run_command(rongou_command("run " + kBaseline + " --quiet --out " + out)).exit_code, 0);
  const auto before = read_file(dir.path() / "out" / "summary.json");

  std::string yaml = baseline_text();
  yaml.replace(yaml.find("count: 3"), 8, "count: 0");
  const auto bad = dir.path() / "bad.yaml";
  write_file(bad, yaml);
  const auto r = run_command(rongou_command("run " + bad.string() + " --out " + out));
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("a pool of 0 locomotives"), std::string::npos) << r.output;
  EXPECT_EQ(read_file(dir.path() / "out" / "summary.json"), before);
}

TEST(Cli, ValidateAcceptsTheBaseline) {
  const auto r = run_command(rongou_command("validate " + kBaseline));
  EXPECT_EQ(r.exit_code, 0) << r.output;
}
