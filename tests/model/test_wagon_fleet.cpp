// Wagon fleets (`rail.wagons`): first a fleet on its own, a few trains with hand-picked times
// on a section whose empty run takes 10 h, so that where the wagons are, when each train has
// its wagons and every empty wagon train can be checked to the hour; then the library's
// wagon-shortage scenario: a smaller fleet waits longer, the imbalance between the directions
// runs back empty, a fleet that never binds changes nothing else, and a run repeats itself.
// Each simulation runs in a process of its own (one SimGrid engine per process).
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>
#include <utility>

#include "engine/Engine.hpp"
#include "journal/Journal.hpp"
#include "model/rail/WagonFleet.hpp"
#include "results/RailMetrics.hpp"
#include "results/WagonMetrics.hpp"
#include "run/Simulation.hpp"
#include "scenario/ScenarioLoader.hpp"
#include "support/ChildProcess.hpp"
#include "support/Files.hpp"
#include "support/RunCommand.hpp"
#include "support/TempDir.hpp"

using namespace rongou;
using namespace rongou::test;

namespace {

const char* const kHost = "Chengdu";
constexpr double kRunH = 10.0;
constexpr double kRunKm = 400.0;
constexpr int kTrainWagons = 5;
constexpr int kA = 0; // the section's first end, Osinovka
constexpr int kB = 1; // its second, Brest

engine::Session& session() {
  static engine::Session s(source_path("platforms/rong-ou.xml"));
  return s;
}

WagonFleetSpec fleet_spec(int at_a, int at_b, double max_idle_h = 1000.0) {
  WagonFleetSpec spec;
  spec.first_node = "Osinovka";
  spec.second_node = "Brest";
  spec.count = at_a + at_b;
  spec.max_idle_hours = max_idle_h;
  spec.depots = std::make_pair(at_a, at_b);
  return spec;
}

// A train that asks for `wagons` at end `from` at `ask_h`, runs `run_h` to the other end,
// gives them back there, and notes when it had them.
void train(WagonFleet& fleet, std::map<std::string, double>& got, const std::string& name, int from, int wagons,
           double ask_h, double run_h) {
  engine::spawn(name, kHost, [&fleet, &got, name, from, wagons, ask_h, run_h] {
    engine::sleep_until_h(ask_h);
    fleet.take(from, wagons);
    got[name] = engine::now_h();
    engine::sleep_h(run_h);
    fleet.give_back(1 - from, wagons);
  });
}

// Every wagon is somewhere after every change, and never fewer than none anywhere.
void expect_conserved(const Journal& journal, int count) {
  double last_h = 0.0;
  for (const auto& s : journal.wagon_samples) {
    EXPECT_EQ(s.at_end[0] + s.at_end[1] + s.on_trains + s.in_empty_trains, count) << "at " << s.time_h;
    EXPECT_GE(s.at_end[0], 0) << "at " << s.time_h;
    EXPECT_GE(s.at_end[1], 0) << "at " << s.time_h;
    EXPECT_GE(s.time_h, last_h);
    last_h = s.time_h;
  }
}

Scenario wagon_shortage(const std::vector<std::string>& overrides = {}) {
  return load_scenario(source_path("scenarios/wagon-shortage.yaml"), overrides);
}

} // namespace

TEST(WagonFleet, WagonsAreWhereTheTrainLeftThemAndCarryTheNextTrainBack) {
  session();
  Journal journal;
  WagonFleet fleet(0, fleet_spec(5, 0), kRunH, kRunKm, kTrainWagons, 0.0, journal);
  std::map<std::string, double> got;
  train(fleet, got, "a", kA, 3, 0, 10);  // 3 of A's 5 to B, there at 10
  train(fleet, got, "b", kB, 3, 12, 10); // takes a's 3 at B at once
  train(fleet, got, "c", kA, 2, 13, 10); // A's other 2
  session().run();
  fleet.finish(40);
  EXPECT_DOUBLE_EQ(got["a"], 0);
  EXPECT_DOUBLE_EQ(got["b"], 12);
  EXPECT_DOUBLE_EQ(got["c"], 13);
  EXPECT_TRUE(journal.empty_wagon_trains.empty());
  expect_conserved(journal, 5);
  const WagonSample& last = journal.wagon_samples.back();
  EXPECT_EQ(last.at_end[kA], 3); // b's
  EXPECT_EQ(last.at_end[kB], 2); // c's
  const PoolTakes& takes = journal.wagon_takes.at(0);
  EXPECT_EQ(takes.trains, 3);
  EXPECT_EQ(takes.waited, 0);
}

TEST(WagonFleet, ATrainWaitsForWagonsGivenBackAtItsEnd) {
  session();
  Journal journal;
  WagonFleet fleet(0, fleet_spec(3, 0), kRunH, kRunKm, kTrainWagons, 0.0, journal);
  std::map<std::string, double> got;
  train(fleet, got, "a", kA, 3, 0, 10); // all three to B, there at 10
  train(fleet, got, "b", kB, 3, 2, 10); // none anywhere to call: waits for a's, 10
  session().run();
  fleet.finish(40);
  EXPECT_DOUBLE_EQ(got["b"], 10);
  EXPECT_TRUE(journal.empty_wagon_trains.empty());
  expect_conserved(journal, 3);
  const PoolTakes& takes = journal.wagon_takes.at(0);
  EXPECT_EQ(takes.waited, 1);
  EXPECT_DOUBLE_EQ(takes.wait_h, 8);
  EXPECT_DOUBLE_EQ(takes.max_wait_h, 8);
}

TEST(WagonFleet, TrainsShortOfWagonsCallThemFromTheOtherEndFirstComeFirstServed) {
  session();
  Journal journal;
  WagonFleet fleet(0, fleet_spec(2, 3), kRunH, kRunKm, kTrainWagons, 0.0, journal);
  std::map<std::string, double> got;
  train(fleet, got, "a", kA, 3, 0, 50); // 2 at A: calls 1 from B, there at 10
  train(fleet, got, "b", kA, 2, 1, 50); // behind a; calls B's other 2, there at 11
  session().run();
  fleet.finish(100);
  EXPECT_DOUBLE_EQ(got["a"], 10);
  EXPECT_DOUBLE_EQ(got["b"], 11);
  ASSERT_EQ(journal.empty_wagon_trains.size(), 2U);
  const EmptyWagonTrain& first = journal.empty_wagon_trains[0];
  EXPECT_EQ(interned_node_name(first.from), "Brest");
  EXPECT_EQ(interned_node_name(first.to), "Osinovka");
  EXPECT_DOUBLE_EQ(first.departed_h, 0);
  EXPECT_DOUBLE_EQ(first.arrived_h, kRunH);
  EXPECT_EQ(first.wagons, 1);
  EXPECT_DOUBLE_EQ(first.km, kRunKm);
  EXPECT_TRUE(first.for_train);
  EXPECT_DOUBLE_EQ(journal.empty_wagon_trains[1].departed_h, 1);
  EXPECT_EQ(journal.empty_wagon_trains[1].wagons, 2);
  expect_conserved(journal, 5);
  // While they ran empty they were at neither end.
  bool seen_empty = false;
  for (const auto& s : journal.wagon_samples)
    if (s.time_h >= 0 && s.time_h < 10 && s.in_empty_trains == 1)
      seen_empty = true;
  EXPECT_TRUE(seen_empty);
}

TEST(WagonFleet, IdleWagonsRunEmptyToTheEndWithFewerAndNoFurther) {
  session();
  Journal journal;
  WagonFleet fleet(0, fleet_spec(10, 0, 24), kRunH, kRunKm, kTrainWagons, 0.0, journal);
  session().run();
  fleet.finish(200);
  // At 24 the ten at A have stood their limit and B has none: wagons go while B (with those
  // sent) has fewer than half of what A keeps: 3 go (B 3, A 7; a fourth would leave 6 for 4).
  // At 58 B's three have stood theirs, but A has more: they stay.
  ASSERT_EQ(journal.empty_wagon_trains.size(), 1U);
  const EmptyWagonTrain& run = journal.empty_wagon_trains[0];
  EXPECT_DOUBLE_EQ(run.departed_h, 24);
  EXPECT_DOUBLE_EQ(run.arrived_h, 34);
  EXPECT_EQ(run.wagons, 3);
  EXPECT_FALSE(run.for_train);
  expect_conserved(journal, 10);
  EXPECT_EQ(journal.wagon_samples.back().at_end[kA], 7);
  EXPECT_EQ(journal.wagon_samples.back().at_end[kB], 3);
}

TEST(WagonFleet, AnEmptyWagonTrainIsNoLongerThanTheSectionAllows) {
  session();
  Journal journal;
  WagonFleet fleet(0, fleet_spec(0, 12), kRunH, kRunKm, kTrainWagons, 0.0, journal);
  std::map<std::string, double> got;
  train(fleet, got, "a", kA, 12, 0, 10); // calls all 12 from B: trains of 5, 5 and 2
  session().run();
  fleet.finish(100);
  EXPECT_DOUBLE_EQ(got["a"], kRunH);
  ASSERT_EQ(journal.empty_wagon_trains.size(), 3U);
  EXPECT_EQ(journal.empty_wagon_trains[0].wagons, 5);
  EXPECT_EQ(journal.empty_wagon_trains[1].wagons, 5);
  EXPECT_EQ(journal.empty_wagon_trains[2].wagons, 2);
  expect_conserved(journal, 12);
}

TEST(WagonFleet, EveryWagonOfTheLibraryScenarioIsAlwaysSomewhere) {
  const auto out = in_child_process([] {
    const Scenario s = wagon_shortage();
    const Journal j = simulate(s);
    double failures = 0;
    for (const auto& w : j.wagon_samples) {
      const int count = j.wagon_fleets.at(static_cast<std::size_t>(w.fleet)).count;
      if (w.at_end[0] + w.at_end[1] + w.on_trains + w.in_empty_trains != count || w.at_end[0] < 0 ||
          w.at_end[1] < 0 || w.on_trains < 0 || w.in_empty_trains < 0)
        ++failures;
    }
    // A container's waits and nominal running add up to its transit, the wagon wait included.
    for (const auto& c : j.containers)
      if (c.arrived_h && std::abs(c.waits.total() + c.nominal_running_h - c.transit_h()) > 1e-6)
        ++failures;
    return std::vector<double>{failures, static_cast<double>(j.wagon_samples.size())};
  });
  EXPECT_EQ(out[0], 0);
  EXPECT_GT(out[1], 1000);
}

TEST(WagonFleet, UnderLoadASmallerFleetWaitsStrictlyLonger) {
  // The 1,520 mm fleet from about enough to well short: each smaller one strictly lengthens
  // the mean wait of a train for wagons at its ends.
  double previous = -1.0;
  for (const char* count : {"800", "600", "500", "450"}) {
    const auto wait = in_child_process([&] {
      const Scenario s = wagon_shortage({std::string("rail.wagons.1.count=") + count});
      const Journal j = simulate(s);
      const auto fleets = compute_wagon_metrics(s, j);
      return std::vector<double>{fleets.at(1).mean_wait_hours};
    });
    EXPECT_GT(wait[0], previous) << "1,520 mm fleet of " << count;
    previous = wait[0];
  }
  EXPECT_GT(previous, 24.0) << "450 wagons for 11 trains a week across Kazakhstan and Russia is a real shortage";
}

TEST(WagonFleet, TheImbalanceBetweenTheDirectionsRunsBackEmpty) {
  // With a 1,520 mm fleet large enough never to bind, every westbound load takes a wagon at
  // Dostyk and every eastbound load one at Malaszewicze: 230 - 120 = 110 wagons a week more
  // reach Malaszewicze than leave it, and must run back empty. Over the measured 48 weeks
  // that is 5,280 wagons; the stock the fleet started with at each end and the wagons on
  // trains at the window's edges make up the difference, within 10 %.
  const auto out = in_child_process([] {
    const Scenario s = wagon_shortage({"rail.wagons.1.count=3000"});
    const Journal j = simulate(s);
    const double start_h = s.warmup_days * 24.0;
    const double end_h = s.horizon_days * 24.0;
    double back = 0;    // Malaszewicze -> Dostyk
    double forth = 0;   // Dostyk -> Malaszewicze
    for (const auto& t : j.empty_wagon_trains) {
      if (t.fleet != 1 || t.departed_h < start_h || t.departed_h >= end_h)
        continue;
      (interned_node_name(t.to) == "Dostyk" ? back : forth) += t.wagons;
    }
    const auto fleets = compute_wagon_metrics(s, j);
    const double weeks = (end_h - start_h) / (24.0 * 7.0);
    const double imbalance = (s.demand.at(Direction::Westbound).feu_per_week -
                              s.demand.at(Direction::Eastbound).feu_per_week) * weeks;
    return std::vector<double>{back - forth, imbalance, forth, static_cast<double>(fleets.at(1).trains_waited)};
  });
  EXPECT_NEAR(out[0], out[1], 0.10 * out[1]) << "net empty wagons back against (230 - 120) x weeks";
  EXPECT_LT(out[2], 0.05 * out[1]) << "hardly any run the other way";
  EXPECT_EQ(out[3], 0) << "a fleet that never binds";
}

TEST(WagonFleet, AFleetThatNeverBindsChangesNothingElse) {
  // Taking and giving back wagons that are always there is no engine event: every container
  // arrives exactly when it does without fleets. Each run returns its empty wagon trains, then
  // every container's arrival.
  auto arrivals = [](const Scenario& s) {
    return in_child_process([&] {
      const Journal j = simulate(s);
      std::vector<double> out{static_cast<double>(j.empty_wagon_trains.size())};
      for (const auto& c : j.containers)
        out.push_back(c.arrived_h ? *c.arrived_h + c.waits.wagon : -1.0);
      return out;
    });
  };
  const auto with = arrivals(
      wagon_shortage({"rail.wagons.0.count=5000", "rail.wagons.1.count=5000", "rail.wagons.2.count=5000"}));
  const auto without = arrivals(load_scenario(source_path("scenarios/baseline-2018.yaml")));
  ASSERT_EQ(with.size(), without.size());
  EXPECT_GT(with[0], 0) << "the idle wagons still run back where they are short";
  EXPECT_EQ(without[0], 0);
  for (std::size_t i = 1; i < with.size(); ++i)
    ASSERT_EQ(with[i], without[i]) << "container " << i - 1;
}

TEST(WagonFleet, TheSameSeedGivesTheSameOutputs) {
  const TempDir dir;
  const auto first = dir.path() / "first";
  const auto second = dir.path() / "second";
  for (const auto& out : {first, second}) {
    const auto r = run_rongou({"run", source_path("scenarios/wagon-shortage.yaml"), "--out", out.string(),
                               "--detail", "none"});
    ASSERT_EQ(r.exit_code, 0) << r;
  }
  for (const char* file : {"wagons.csv", "empty_wagon_trains.csv", "summary.json", "pools.csv", "weekly.csv"}) {
    ASSERT_TRUE(std::filesystem::exists(first / file)) << file;
    EXPECT_EQ(read_file(first / file), read_file(second / file)) << file;
  }
}
