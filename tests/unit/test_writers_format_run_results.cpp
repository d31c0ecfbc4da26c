// The results of a run are computed once, into a RunResults, and every writer of a derived
// figure only formats that value. Two checks: the writers' signatures give them the scenario
// and the RunResults but no journal (so they have nothing to recompute from), and each writer
// prints a value planted in the RunResults that the journal does not give (so a writer that
// recomputed from the journal would print another number).
#include <algorithm>
#include <gtest/gtest.h>
#include <iterator>
#include <stdexcept>
#include <type_traits>

#include "output/ComparisonJson.hpp"
#include "output/ComparisonTable.hpp"
#include "output/CsvFiles.hpp"
#include "output/RunOutputs.hpp"
#include "output/SummaryJson.hpp"
#include "output/TerminalTable.hpp"
#include "results/RunResults.hpp"
#include "support/Files.hpp"
#include "support/TempDir.hpp"

namespace rongou {
namespace {

using Json = nlohmann::ordered_json;

static_assert(std::is_same_v<decltype(&build_summary), Json (*)(const Scenario&, const RunResults&)>);
static_assert(std::is_same_v<decltype(&add_comparison), void (*)(Json&, const Scenario&, const RunResults&)>);
static_assert(std::is_same_v<decltype(&run_summary), Json (*)(const Scenario&, const RunResults&)>);
static_assert(std::is_same_v<decltype(&format_terminal_table), std::string (*)(const Scenario&, const RunResults&)>);
static_assert(
    std::is_same_v<decltype(&format_comparison_table), std::string (*)(const Scenario&, const RunResults&)>);
static_assert(std::is_same_v<decltype(&write_weekly_csv), void (*)(const std::filesystem::path&, const RunResults&)>);

// A westbound rail flow and a sea flow, with costs: every part of RunResults is filled.
struct Fixture {
  Scenario s;
  Journal j;

  Fixture() {
    s.name = "planted";
    s.warmup_days = 0.0;
    s.horizon_days = 14.0;
    s.demand[Direction::Westbound] = {10.0, 50000.0};
    s.sea = SeaSpec{};
    s.sea->european_port = "Gdansk";
    CostSpec c;
    c.rail.through_rate_usd_per_feu = 7000;
    c.sea.freight_usd_per_feu = 2000;
    c.value_of_time_pct_per_day = 1.0;
    s.costs = c;
    TrainRecord t;
    t.id = "west-1";
    t.service = "west";
    t.feu = 3;
    t.planned_departure_h = 24.0;
    t.departed_h = 24.0;
    t.arrived_h = 24.0 * 13;
    j.trains.push_back(t);
    for (int i = 0; i < 3; ++i) {
      ContainerRecord rc;
      rc.id = i;
      rc.direction = Direction::Westbound;
      rc.created_h = 12.0;
      rc.train = 0;
      rc.departed_h = 24.0;
      rc.arrived_h = 24.0 * 13;
      j.containers.push_back(rc);
      SeaRecord sr;
      sr.container = i;
      sr.gate_in_h = 12.0;
      sr.port_arrival_h = 48.0;
      sr.sailed_h = 72.0;
      sr.port_arrival_eu_h = 72.0 + 24.0 * 30;
      sr.arrived_h = *sr.port_arrival_eu_h + 48.0;
      j.sea.push_back(sr);
    }
    j.end_h = 24.0 * 14;
  }
};

// Values the journal cannot give: a writer printing them formats the RunResults it is handed.
RunResults planted(const Fixture& f) {
  RunResults r = compute_run_results(f.s, f.j);
  EXPECT_EQ(r.rail.by_direction.at(Direction::Westbound).containers_delivered, 3);
  EXPECT_TRUE(r.sea && r.costs && r.costs->sea);
  r.rail.by_direction.at(Direction::Westbound).transit_days.mean = 777.0;
  r.rail.by_direction.at(Direction::Westbound).trains.per_week = 66.0;
  r.rail.weekly.at(0).empty_feu_dispatched = 4321;
  r.sea->transit_days.mean = 888.0;
  r.costs->rail.freight = 12345.0;
  r.costs->sea->freight = 23456.0;
  r.costs->breakeven_cargo_value_usd = 98765.0;
  return r;
}

TEST(WritersFormatRunResults, ComputeRunResultsFillsEveryPart) {
  const Fixture f;
  const RunResults r = compute_run_results(f.s, f.j);
  EXPECT_DOUBLE_EQ(r.rail.by_direction.at(Direction::Westbound).transit_days.mean, 12.5);
  ASSERT_TRUE(r.sea.has_value());
  EXPECT_EQ(r.sea->containers_delivered, 3);
  EXPECT_DOUBLE_EQ(r.sea->transit_days.mean, (72.0 + 24.0 * 30 + 48.0 - 12.0) / 24.0);
  ASSERT_TRUE(r.costs.has_value());
  EXPECT_DOUBLE_EQ(r.costs->rail.freight, 7000);
  ASSERT_TRUE(r.costs->sea.has_value());
  EXPECT_DOUBLE_EQ(r.costs->sea->freight, 2000);
}

TEST(WritersFormatRunResults, SummaryPrintsTheGivenResults) {
  const Fixture f;
  const Json j = run_summary(f.s, planted(f));
  EXPECT_EQ(j["rail"]["directions"]["westbound"]["transit_days"]["mean"].get<double>(), 777.0);
  EXPECT_EQ(j["modes"]["rail"]["transit_days"]["mean"].get<double>(), 777.0);
  EXPECT_EQ(j["rail"]["trains"]["westbound"]["per_week"].get<double>(), 66.0);
  EXPECT_EQ(j["modes"]["sea"]["transit_days"]["mean"].get<double>(), 888.0);
  EXPECT_EQ(j["modes"]["rail"]["cost_usd_per_feu"]["freight"].get<double>(), 12345.0);
  EXPECT_EQ(j["modes"]["sea"]["cost_usd_per_feu"]["freight"].get<double>(), 23456.0);
  EXPECT_EQ(j["comparison"]["breakeven_cargo_value_usd"].get<double>(), 98765.0);
}

TEST(WritersFormatRunResults, TablesPrintTheGivenResults) {
  const Fixture f;
  const RunResults r = planted(f);
  const std::string rail = format_terminal_table(f.s, r);
  EXPECT_NE(rail.find("777.0"), std::string::npos) << rail;
  EXPECT_NE(rail.find("66.0"), std::string::npos) << rail;
  const std::string cmp = format_comparison_table(f.s, r);
  EXPECT_NE(cmp.find("777.0"), std::string::npos) << cmp;
  EXPECT_NE(cmp.find("888.0"), std::string::npos) << cmp;
  EXPECT_NE(cmp.find("12345"), std::string::npos) << cmp;
  EXPECT_NE(cmp.find("23456"), std::string::npos) << cmp;
  EXPECT_NE(cmp.find("$98765 per FEU"), std::string::npos) << cmp;
}

TEST(WritersFormatRunResults, RunFolderPrintsTheGivenResults) {
  const Fixture f;
  const test::TempDir tmp;
  std::filesystem::create_directories(tmp.path() / "run");
  write_run_outputs(tmp.path() / "run", f.s, f.j, planted(f));
  const Json j = Json::parse(test::read_file(tmp.path() / "run" / "summary.json"));
  EXPECT_EQ(j["rail"]["directions"]["westbound"]["transit_days"]["mean"].get<double>(), 777.0);
  EXPECT_EQ(j["modes"]["sea"]["transit_days"]["mean"].get<double>(), 888.0);
  EXPECT_EQ(j["modes"]["rail"]["cost_usd_per_feu"]["freight"].get<double>(), 12345.0);
  const std::string weekly = test::read_file(tmp.path() / "run" / "weekly.csv");
  EXPECT_NE(weekly.find("1,westbound,1,3,0,0,4321,"), std::string::npos) << weekly;
}

// Results computed beside the journal's files are the ones returned and written, file for
// file as when the results are given.
TEST(WritersFormatRunResults, ResultsComputedBesideTheFilesAreWrittenAsGiven) {
  const Fixture f;
  const test::TempDir tmp;
  const auto given = tmp.path() / "given";
  const auto computed = tmp.path() / "computed";
  std::filesystem::create_directories(given);
  std::filesystem::create_directories(computed);
  write_run_outputs(given, f.s, f.j, planted(f));
  int computations = 0;
  const RunResults r = write_run_outputs(computed, f.s, f.j, [&] {
    ++computations;
    return planted(f);
  });
  EXPECT_EQ(computations, 1);
  EXPECT_EQ(r.sea->transit_days.mean, 888.0);
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(given)) {
    const auto name = entry.path().filename();
    names.push_back(name.string());
    ASSERT_TRUE(std::filesystem::exists(computed / name)) << name;
    EXPECT_EQ(test::read_file(computed / name), test::read_file(entry.path())) << name;
  }
  EXPECT_EQ(names.size(), static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(computed),
                                                                  std::filesystem::directory_iterator())));
  EXPECT_NE(std::find(names.begin(), names.end(), "weekly.csv"), names.end());
  EXPECT_NE(std::find(names.begin(), names.end(), "containers.csv"), names.end());
}

// A computation that fails fails the writing, after the journal's files: no file that
// formats results, and no summary.json.
TEST(WritersFormatRunResults, AFailedComputationWritesNoResults) {
  const Fixture f;
  const test::TempDir tmp;
  std::filesystem::create_directories(tmp.path() / "run");
  EXPECT_THROW(write_run_outputs(tmp.path() / "run", f.s, f.j,
                                 []() -> RunResults { throw std::runtime_error("metrics failed"); }),
               std::runtime_error);
  EXPECT_TRUE(std::filesystem::exists(tmp.path() / "run" / "containers.csv"));
  EXPECT_FALSE(std::filesystem::exists(tmp.path() / "run" / "weekly.csv"));
  EXPECT_FALSE(std::filesystem::exists(tmp.path() / "run" / "summary.json"));
}

} // namespace
} // namespace rongou
