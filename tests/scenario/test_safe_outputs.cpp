// A run that fails, whether on bad input or later, never touches earlier results; a good
// run saves the scenario exactly as run, and running that file again gives the same results.
#include <filesystem>
#include <gtest/gtest.h>
#include <map>

#include "support/Files.hpp"
#include "support/RunCommand.hpp"
#include "support/TempDir.hpp"

namespace fs = std::filesystem;
using rongou::test::read_file;
using rongou::test::run_rongou;
using rongou::test::source_path;
using rongou::test::TempDir;

namespace {

const std::string kBaseline = source_path("scenarios/baseline-2018.yaml");

std::map<std::string, std::string> snapshot(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::directory_iterator(dir))
    files[entry.path().filename().string()] = read_file(entry.path());
  return files;
}

TEST(SafeOutputs, BadSetAfterAGoodRunLeavesItsFilesByteIdentical) {
  const TempDir root;
  const fs::path out = root.path() / "results";
  const auto good = run_rongou({"run", kBaseline, "--out", out.string(), "--quiet", "--set", "horizon_days=91"});
  ASSERT_EQ(good.exit_code, 0) << good;
  const auto before = snapshot(out);
  ASSERT_TRUE(before.count("scenario.resolved.yaml"));
  ASSERT_TRUE(before.count("summary.json"));

  for (const std::vector<std::string>& bad :
       {std::vector<std::string>{"--set", "rail.servics.0.max_feu=20"}, {"--set", "horizon_days=-1"},
        {"--set", "rail.services.0.route.3=Nowhere"}, {"--set", "platform=missing.xml"}}) {
    std::vector<std::string> args = {"run", kBaseline, "--out", out.string(), "--quiet"};
    args.insert(args.end(), bad.begin(), bad.end());
    const auto result = run_rongou(args);
    EXPECT_EQ(result.exit_code, 2) << result;
    EXPECT_EQ(snapshot(out), before) << "after " << bad[1];
  }
  // Nothing staged is left lying around either.
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(out.parent_path()))
    ++entries;
  EXPECT_EQ(entries, 1u);
}

TEST(SafeOutputs, ResolvedScenarioReproducesTheRun) {
  const TempDir temp;
  const fs::path root = temp.path();
  const auto first = run_rongou({"run", kBaseline, "--out", (root / "a").string(), "--quiet", "--no-report", "--seed", "5", "--set",
                                 "horizon_days=91", "--set", "rail.services.1.departures=[Tue,Fri]"});
  ASSERT_EQ(first.exit_code, 0) << first;
  const std::string resolved = read_file(root / "a" / "scenario.resolved.yaml");
  EXPECT_NE(resolved.find("seed: 5"), std::string::npos) << resolved;
  EXPECT_NE(resolved.find("horizon_days: 91"), std::string::npos) << resolved;
  EXPECT_NE(resolved.find("departures: [Tue, Fri]"), std::string::npos) << resolved;

  const auto second =
      run_rongou({"run", (root / "a" / "scenario.resolved.yaml").string(), "--out", (root / "b").string(), "--quiet", "--no-report"});
  ASSERT_EQ(second.exit_code, 0) << second;
  // Everything the model produced is identical; provenance.json rightly names another file
  // and command.
  auto a = snapshot(root / "a");
  auto b = snapshot(root / "b");
  ASSERT_TRUE(a.count("provenance.json") && b.count("provenance.json"));
  a.erase("provenance.json");
  b.erase("provenance.json");
  EXPECT_EQ(a, b);
}

} // namespace
