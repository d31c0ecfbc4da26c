// The shippers' choice end to end through `rongou run` (one process per run): a dearer mode
// never gains share, a faster rail never loses it, a rail closure raises the rail days
// shippers expect in the windows after it and they come back, and lowers rail's share in
// those windows and it comes back, under full trains the class
// with the dearer time rides rail more, overflow never loses a container, the same seed
// gives the same outputs, and the subsidy's counterfactual is paired.
#include <algorithm>
#include <filesystem>
#include <gtest/gtest.h>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "ChoiceRun.hpp"
#include "support/Files.hpp"
#include "support/RunCommand.hpp"
#include "support/TempDir.hpp"

namespace fs = std::filesystem;
using rongou::test::read_file;
using rongou::test::run_rongou;
using rongou::test::source_path;
using rongou::test::TempDir;

namespace {

const std::string kScenario = source_path("tests/choice/choice-short.yaml");

nlohmann::json run(const TempDir& tmp, const std::string& name, const std::vector<std::string>& sets = {}) {
  return rongou::test::run_summary(tmp, name, kScenario, sets);
}

// choice.csv's rows after the header, each as its fields.
std::vector<std::vector<std::string>> choice_rows(const fs::path& dir) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(read_file(dir / "choice.csv"));
  std::string line;
  std::getline(in, line); // header
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string x; std::getline(ss, x, ',');)
      f.push_back(x);
    rows.push_back(std::move(f));
  }
  return rows;
}

// choice.csv: week -> the rail days shippers expected that week (the same on each class's row).
std::map<int, double> weekly_expected_rail_days(const fs::path& dir) {
  std::map<int, double> weeks;
  for (const auto& f : choice_rows(dir))
    weeks[std::stoi(f.at(0))] = std::stod(f.at(7));
  return weeks;
}

double mean_of(const std::map<int, double>& weeks, int first, int last) {
  double sum = 0.0;
  int n = 0;
  for (int w = first; w <= last; ++w)
    if (auto it = weeks.find(w); it != weeks.end()) {
      sum += it->second;
      ++n;
    }
  return n > 0 ? sum / n : 0.0;
}

// A market well below the trains' capacity and no works at Malaszewicze: shares follow the
// rule, not the room left on full trains (with full trains, a box that chose rail can be
// pushed to sea by one that did not, so final shares by class need not be monotone).
const std::vector<std::string> kRoomOnTrains{"demand.westbound.feu_per_week=150", "disruptions=[]"};

std::vector<std::string> with_room(std::vector<std::string> sets) {
  sets.insert(sets.begin(), kRoomOnTrains.begin(), kRoomOnTrains.end());
  return sets;
}

TEST(ChoiceRuns, DearerSeaFreightNeverRaisesSeaShare) {
  TempDir tmp;
  const auto base = run(tmp, "base", with_room({}));
  const auto dearer = run(tmp, "dearer", with_room({"costs.sea.freight_usd_per_feu=3600"}));
  ASSERT_EQ(base["choice"]["rechosen_feu"].get<int>(), 0);
  EXPECT_LT(dearer["choice"]["sea_feu"].get<int>(), base["choice"]["sea_feu"].get<int>());
  EXPECT_GT(dearer["choice"]["rail_share"]["feu"].get<double>(), base["choice"]["rail_share"]["feu"].get<double>());
  // Class by class too: no class sends more by sea when sea is dearer.
  for (const auto& [name, c] : base["choice"]["by_class"].items())
    EXPECT_LE(dearer["choice"]["by_class"][name]["sea"]["feu"].get<int>(), c["sea"]["feu"].get<int>()) << name;
}

TEST(ChoiceRuns, FasterRailNeverLosesShare) {
  TempDir tmp;
  const auto base = run(tmp, "base", with_room({}));
  const auto faster = run(tmp, "faster", with_room({"rail.border_dwell_hours_at.Malaszewicze.westbound.min=1",
                                                    "rail.border_dwell_hours_at.Malaszewicze.westbound.mode=2",
                                                    "rail.border_dwell_hours_at.Malaszewicze.westbound.max=4"}));
  EXPECT_LT(faster["modes"]["rail"]["transit_days"]["mean"].get<double>(),
            base["modes"]["rail"]["transit_days"]["mean"].get<double>());
  EXPECT_GT(faster["choice"]["rail_share"]["feu"].get<double>(), base["choice"]["rail_share"]["feu"].get<double>());
  for (const auto& [name, c] : base["choice"]["by_class"].items())
    EXPECT_GE(faster["choice"]["by_class"][name]["rail"]["feu"].get<int>(), c["rail"]["feu"].get<int>()) << name;
}

TEST(ChoiceRuns, CheaperRailNeverLosesShare) {
  TempDir tmp;
  const auto base = run(tmp, "base", with_room({}));
  const auto cheaper = run(tmp, "cheaper", with_room({"costs.rail.subsidy_usd_per_feu=4500"}));
  EXPECT_GT(cheaper["choice"]["rail_feu"].get<int>(), base["choice"]["rail_feu"].get<int>());
}

TEST(ChoiceRuns, ARailClosureRaisesWhatShippersExpectOfRailAfterwardsAndItComesBack) {
  TempDir tmp;
  const auto r = run_rongou({"run", source_path("tests/choice/choice-closure.yaml"), "--out",
                             (tmp.path() / "closed").string(), "--no-report", "--quiet"});
  ASSERT_EQ(r.exit_code, 0) << r;
  const auto days = weekly_expected_rail_days(tmp.path() / "closed");
  // Brest is closed in weeks 6-7; the boxes it held are overdue, then delivered late, from
  // week 8 on. With room on the trains rail still beats a 40-day sea for most boxes, so the
  // closure shows in what shippers expect of rail more than in the shares.
  const double before = mean_of(days, 2, 5);
  const double after = mean_of(days, 9, 11);
  const double recovered = mean_of(days, 18, 26);
  EXPECT_GT(after, before + 2.0) << before << " " << after;
  EXPECT_LT(recovered, after - 2.0) << after << " " << recovered;
}

// choice.csv: week -> {rail FEU, sea FEU} over every class.
std::map<int, std::pair<int, int>> weekly_feu_by_mode(const fs::path& dir) {
  std::map<int, std::pair<int, int>> weeks;
  for (const auto& f : choice_rows(dir)) {
    weeks[std::stoi(f.at(0))].first += std::stoi(f.at(3));
    weeks[std::stoi(f.at(0))].second += std::stoi(f.at(4));
  }
  return weeks;
}

// Rail's share of the FEU gated in during weeks first..last.
double rail_share_of_weeks(const std::map<int, std::pair<int, int>>& weeks, int first, int last) {
  int rail = 0;
  int all = 0;
  for (int w = first; w <= last; ++w)
    if (auto it = weeks.find(w); it != weeks.end()) {
      rail += it->second.first;
      all += it->second.first + it->second.second;
    }
  EXPECT_GT(all, 0) << "weeks " << first << "-" << last;
  return all > 0 ? static_cast<double>(rail) / all : 0.0;
}

TEST(ChoiceRuns, ARailClosureLowersRailsShareInTheWindowsAfterItAndItComesBack) {
  // Brest closed [kClosedFrom, kClosedTo) days; expectations from the last kWindowDays of
  // deliveries. Passed to the run, so that the weeks below follow from the same numbers.
  constexpr int kClosedFrom = 42;
  constexpr int kClosedTo = 56;
  constexpr int kWindowDays = 28;
  constexpr int kWeek = 7;
  // Before: every week that ends before the closure starts.
  constexpr int kBeforeLast = kClosedFrom / kWeek - 1;
  // Trough: the closure reaches the expectations within days of its start (boxes held at
  // Brest count at their age once older than the window's mean, before they are delivered),
  // and the late deliveries stay in the window for window_days after it ends. So: the first
  // week that starts after the closure does, to the last week that ends by to_day + window.
  constexpr int kTroughFirst = kClosedFrom / kWeek + 1;
  constexpr int kTroughLast = (kClosedTo + kWindowDays) / kWeek - 1;
  // Recovered: the held boxes are delivered within days of the reopening and leave the
  // window window_days later; one more window on, nothing the closure did is in it. From
  // to_day + 2 x window to the horizon (196 days).
  constexpr int kRecoveredFirst = (kClosedTo + 2 * kWindowDays) / kWeek;
  constexpr int kRecoveredLast = 196 / kWeek - 1;
  static_assert(kBeforeLast < kTroughFirst && kTroughLast < kRecoveredFirst);

  TempDir tmp;
  const auto run_closure = [&](int seed, const std::string& name, std::vector<std::string> sets) {
    std::vector<std::string> args{"run", source_path("tests/choice/choice-closure-shares.yaml"), "--out",
                                  (tmp.path() / name).string(), "--no-report", "--quiet", "--seed", std::to_string(seed),
                                  "--set", "choice.window_days=" + std::to_string(kWindowDays)};
    for (auto& s : sets) {
      args.push_back("--set");
      args.push_back(s);
    }
    const auto r = run_rongou(args);
    EXPECT_EQ(r.exit_code, 0) << r;
    return weekly_feu_by_mode(tmp.path() / name);
  };
  // Three seeds, each on its own: the effect is far larger than a seed's noise (about 0.45
  // before, 0.25 in the trough), so each must show it. The same seed without the closure
  // shows that the fall is the closure's: the weeks of the trough are winter weeks whose
  // share is a little lower without it too.
  for (const int seed : {1, 2, 3}) {
    const auto closed = run_closure(seed, "closed" + std::to_string(seed),
                                    {"disruptions.0.from_day=" + std::to_string(kClosedFrom),
                                     "disruptions.0.to_day=" + std::to_string(kClosedTo)});
    const auto open = run_closure(seed, "open" + std::to_string(seed), {"disruptions=[]"});
    ASSERT_FALSE(closed.empty());
    const double before = rail_share_of_weeks(closed, closed.begin()->first, kBeforeLast);
    const double trough = rail_share_of_weeks(closed, kTroughFirst, kTroughLast);
    const double recovered = rail_share_of_weeks(closed, kRecoveredFirst, kRecoveredLast);
    EXPECT_LT(trough, before) << "seed " << seed;
    EXPECT_LT(trough, rail_share_of_weeks(open, kTroughFirst, kTroughLast)) << "seed " << seed;
    EXPECT_GT(recovered, trough) << "seed " << seed;
  }
}

TEST(ChoiceRuns, UnderFullTrainsTheClassWithTheDearerTimeRidesRailMore) {
  TempDir tmp;
  // Two classes alike but for their value of time; the market (1,200 FEU a week) is about
  // five times the trains' slots, so shippers compete for booked slots.
  const auto s = run(tmp, "vot",
                     {"choice.classes=[{name: quick, share: 0.5, cargo_value_usd: 60000, tonnes_per_feu: 10, "
                      "value_of_time_pct_per_day: 1.0, reliability_weight: 1.0}, {name: patient, share: 0.5, "
                      "cargo_value_usd: 60000, tonnes_per_feu: 10, value_of_time_pct_per_day: 0.2, "
                      "reliability_weight: 1.0}]"});
  const auto& c = s["choice"];
  ASSERT_GT(c["overflow_feu"].get<int>(), 0) << "the trains must be full for this test";
  EXPECT_GT(c["by_class"]["quick"]["rail_share"].get<double>(), c["by_class"]["patient"]["rail_share"].get<double>());
}

TEST(ChoiceRuns, OverflowNeverDropsAContainer) {
  TempDir tmp;
  // Trains with fewer than 37 boxes are cancelled: boxes booked on them miss their departure
  // and go by sea after one; full trains leave the rest behind.
  const auto s = run(tmp, "full",
                     {"demand.westbound.feu_per_week=300",
                      "rail.services.0.departure_rule={kind: timetable, min_load_to_run: 0.9}",
                      "choice.rechoose_sea_after_left_behind=1"});
  const auto& c = s["choice"];
  EXPECT_GT(c["overflow_feu"].get<int>(), 0) << "the market must overflow the trains for this test";
  EXPECT_GT(c["rechosen_feu"].get<int>(), 0);
  EXPECT_LE(c["rechosen_feu"].get<int>(), c["overflow_feu"].get<int>());
  EXPECT_EQ(c["rail_feu"].get<int>() + c["sea_feu"].get<int>(), c["feu"].get<int>());
  EXPECT_EQ(c["delivered_feu"].get<int>() + c["in_system_feu"].get<int>(), c["feu"].get<int>());
  // Every westbound container of the run is in exactly one of containers.csv (rail) and sea.csv.
  std::multiset<long> ids;
  long max_west = -1;
  for (const char* file : {"containers.csv", "sea.csv"}) {
    std::istringstream in(read_file(tmp.path() / "full" / file));
    std::string line;
    std::getline(in, line);
    const bool rail = std::string(file) == "containers.csv";
    while (std::getline(in, line)) {
      std::stringstream ss(line);
      std::string id, second;
      std::getline(ss, id, ',');
      std::getline(ss, second, ',');
      if (rail && second != "westbound")
        continue;
      ids.insert(std::stol(id));
      max_west = std::max(max_west, std::stol(id));
    }
  }
  ASSERT_GT(max_west, 0);
  EXPECT_EQ(ids.size(), static_cast<std::size_t>(max_west + 1));
  for (long id = 0; id <= max_west; ++id)
    EXPECT_EQ(ids.count(id), 1u) << "container " << id;
}

TEST(ChoiceRuns, SameSeedSameOutputs) {
  TempDir tmp;
  run(tmp, "a");
  run(tmp, "b");
  for (const char* file : {"summary.json", "choice.csv", "containers.csv", "sea.csv"})
    EXPECT_EQ(read_file(tmp.path() / "a" / file), read_file(tmp.path() / "b" / file)) << file;
  run(tmp, "c", {"seed=2"});
  EXPECT_NE(read_file(tmp.path() / "a" / "choice.csv"), read_file(tmp.path() / "c" / "choice.csv"));
}

TEST(ChoiceRuns, TheCounterfactualRunsWithoutSubsidyOnTheSameSeeds) {
  TempDir tmp;
  const auto with = run(tmp, "with", {"choice.counterfactual=no-subsidy"});
  const auto without = run(tmp, "without", {"costs.rail.subsidy_usd_per_feu=0"});
  const auto& subsidy = with["choice"]["subsidy"];
  ASSERT_TRUE(subsidy.contains("rail_feu_added")) << with["choice"].dump(2);
  EXPECT_DOUBLE_EQ(subsidy["rail_feu_added"].get<double>(),
                   with["choice"]["rail_feu"].get<int>() - without["choice"]["rail_feu"].get<int>());
  EXPECT_GE(subsidy["rail_feu_added"].get<double>(), 0.0);
  EXPECT_GT(subsidy["paid_usd"].get<double>(), 0.0);
  EXPECT_EQ(without["choice"]["subsidy"]["paid_usd"].get<double>(), 0.0);
}

} // namespace
