#include <cmath>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <regex>

#include "results/Compare.hpp"
#include "output/Quantity.hpp"
#include "output/SideBySideFormats.hpp"
#include "results/SideBySide.hpp"
#include "experiment/Replications.hpp"
#include "scenario/Diagnostics.hpp"
#include "support/TempDir.hpp"

using namespace rongou;
namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;
using rongou::test::TempDir;

namespace {

Json summary(std::uint64_t seed, double transit) {
  Json j;
  j["seed"] = seed;
  j["replications"] = 1;
  j["modes"]["rail"]["transit_days"]["mean"] = transit;
  j["only_here"] = 1.0;
  return j;
}

// A results folder with one replication per value; seeds from `scenario_seed`.
fs::path folder(const fs::path& dir, std::uint64_t scenario_seed, const std::vector<double>& transit) {
  fs::create_directories(dir / "replications");
  for (std::size_t i = 0; i < transit.size(); ++i)
    std::ofstream(dir / "replications" / (replication_file_stem(i) + ".json"))
        << summary(replication_seed(scenario_seed, i), transit[i]).dump(2);
  std::ofstream(dir / "summary.json") << summary(scenario_seed, transit.front()).dump(2);
  return dir;
}

const ComparisonRow& row(const Comparison& c, const std::string& path) {
  for (const auto& r : c.rows)
    if (r.path == path)
      return r;
  throw std::runtime_error("no row " + path);
}

} // namespace

TEST(Compare, SameSeedsArePairedAndSeeSmallShifts) {
  TempDir t;
  const auto a = read_results_folder(folder(t.path() / "a", 1, {10.1, 20.1, 30.1, 40.1}));
  const auto b = read_results_folder(folder(t.path() / "b", 1, {10.0, 20.0, 30.0, 40.0}));
  const Comparison c = compare_results(a, b);
  EXPECT_EQ(c.method, ComparisonMethod::Paired);
  const auto& r = row(c, "modes.rail.transit_days.mean");
  EXPECT_NEAR(r.difference.difference, 0.1, 1e-9);
  EXPECT_TRUE(r.difference.significant);
  const SideBySide table = side_by_side({b, a}); // a against the reference b
  const std::string text = format_side_by_side_text(table, SideBySideRows::All);
  EXPECT_NE(text.find("common random numbers"), std::string::npos) << text;
  // The change, its interval and the mark that the interval excludes zero, on the row's line.
  EXPECT_TRUE(std::regex_search(text, std::regex("\nmodes\\.rail\\.transit_days\\.mean +d +\\+0\\.100 ± [0-9.]+\\*\n")))
      << text;
}

TEST(Compare, DifferentSeedsUseWelch) {
  TempDir t;
  const auto a = read_results_folder(folder(t.path() / "a", 1, {10.1, 20.1, 30.1, 40.1}));
  const auto b = read_results_folder(folder(t.path() / "b", 2, {10.0, 20.0, 30.0, 40.0}));
  const Comparison c = compare_results(a, b);
  EXPECT_EQ(c.method, ComparisonMethod::Welch);
  EXPECT_FALSE(row(c, "modes.rail.transit_days.mean").difference.significant);
}

TEST(Compare, ComparingAFolderWithItselfFindsNothing) {
  TempDir t;
  const auto a = read_results_folder(folder(t.path() / "a", 1, {10.1, 12.0, 11.3}));
  const Comparison c = compare_results(a, a);
  for (const auto& r : c.rows) {
    EXPECT_DOUBLE_EQ(r.difference.difference, 0.0) << r.path;
    EXPECT_FALSE(r.difference.significant) << r.path;
  }
  // Run metadata is not a statistic.
  for (const auto& r : c.rows)
    EXPECT_NE(r.path, "seed");
}

TEST(Compare, MissingSummaryIsBadInput) {
  TempDir t;
  EXPECT_THROW(read_results_folder(t.path() / "nothing"), InputError);
}

// A lane or node name may hold a '.', so a statistic below it must still be found on both
// sides and compared, not lost when its path is read back.
TEST(Compare, NamesWithADotKeepTheirRows) {
  TempDir t;
  for (const char* side : {"a", "b"}) {
    Json j = summary(1, 10.0);
    j["lanes"]["st. petersburg-lodz"]["trains"]["westbound"]["per_week"] = side[0] == 'a' ? 7.0 : 5.0;
    fs::create_directories(t.path() / side);
    std::ofstream(t.path() / side / "summary.json") << j.dump(2);
  }
  const Comparison c = compare_results(read_results_folder(t.path() / "a"), read_results_folder(t.path() / "b"));
  const auto& r = row(c, "lanes.st. petersburg-lodz.trains.westbound.per_week");
  EXPECT_DOUBLE_EQ(r.a, 7.0);
  EXPECT_DOUBLE_EQ(r.b, 5.0);
  EXPECT_DOUBLE_EQ(r.difference.difference, 2.0);
}

// A sweep folder holds its points' summaries, not one of its own: the message says where.
TEST(Compare, ASweepFolderIsNamedAsSuch) {
  TempDir t;
  std::ofstream(t.path() / "sweep.json") << "{}";
  try {
    read_results_folder(t.path());
    FAIL() << "a sweep folder read as a results folder";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("is a sweep folder"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("points"), std::string::npos) << e.what();
  }
}

// Folders side by side: a statistic one folder lacks has no value and no change there, and
// the change of the others is against the first folder.
TEST(SideBySide, MissingStatisticsAreEmptyAndChangesAreAgainstTheFirst) {
  TempDir t;
  for (const char* side : {"a", "b", "c"}) {
    Json j = summary(1, side[0] == 'a' ? 10.0 : side[0] == 'b' ? 12.5 : 9.0);
    if (side[0] != 'b')
      j["modes"]["sea"]["transit_days"]["mean"] = 50.0;
    fs::create_directories(t.path() / side);
    std::ofstream(t.path() / side / "summary.json") << j.dump(2);
  }
  const SideBySide table = side_by_side(
      {read_results_folder(t.path() / "a"), read_results_folder(t.path() / "b"), read_results_folder(t.path() / "c")});
  const auto* rail = table.find("modes.rail.transit_days.mean");
  const auto* sea = table.find("modes.sea.transit_days.mean");
  ASSERT_TRUE(rail && sea);
  EXPECT_FALSE(rail->changes[0].has_value());
  EXPECT_DOUBLE_EQ(rail->changes[1]->difference, 2.5);
  EXPECT_DOUBLE_EQ(rail->changes[2]->difference, -1.0);
  EXPECT_FALSE(sea->values[1].has_value());
  EXPECT_FALSE(sea->changes[1].has_value());
  EXPECT_DOUBLE_EQ(sea->changes[2]->difference, 0.0);
  EXPECT_TRUE(sea->changed()); // present in a and c, absent in b
  // Key results lead, by name; the sea row of b reads "–".
  const std::string text = format_side_by_side_text(table, SideBySideRows::Headline);
  EXPECT_TRUE(std::regex_search(text, std::regex("\nsea door to door, mean +d +50 +– +50\n"))) << text;
  EXPECT_TRUE(std::regex_search(text, std::regex("\nrail door to door, mean +d +\\+2\\.50 +-1\\n"))) << text;
}

// Numbers for people: the unit from the key's name, thousands separated, shares in %.
TEST(Quantity, UnitsFromKeyNamesAndNumbersWithoutExponents) {
  EXPECT_EQ(unit_of("modes.rail.cost_usd_per_feu.total"), "US$");
  EXPECT_EQ(unit_of("modes.rail.transit_days.p95"), "d");
  EXPECT_EQ(unit_of("rail.waits_hours.border"), "h");
  EXPECT_EQ(unit_of("modes.sea.rolled_share"), "%");
  EXPECT_EQ(unit_of("rail.trains.westbound.per_week"), "/week");
  EXPECT_EQ(unit_of("modes.sea.loops.ae10.blanked"), "");
  EXPECT_EQ(human_number(11050.0, ""), "11,050");
  EXPECT_EQ(human_number(1234567.4, "US$"), "1,234,567");
  EXPECT_EQ(human_number(-3000.0, "US$"), "-3,000");
  EXPECT_EQ(human_number(18.1077, "d"), "18.1");
  EXPECT_EQ(human_number(2.5, "x"), "2.50");
  EXPECT_EQ(human_number(0.0535, "%"), "5.35");
  EXPECT_EQ(human_number(0.0366, "h"), "0.037");
  EXPECT_EQ(human_number(std::nan(""), "h"), "–");
  EXPECT_EQ(human_change(3000.0, "US$"), "+3,000");
  EXPECT_EQ(human_change(-0.18, "d"), "-0.180");
  EXPECT_EQ(human_change(0.0, "d"), "0");
}
