// Invariants of a whole baseline year: what must hold whatever the parameters.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "results/DoorMetrics.hpp"
#include "results/RailMetrics.hpp"
#include "run/Simulation.hpp"
#include "scenario/ScenarioLoader.hpp"
#include "support/ChildProcess.hpp"
#include "support/Files.hpp"

using namespace rongou;
using rongou::test::source_path;

class BaselineYear : public ::testing::Test {
protected:
  void SetUp() override {
    scenario = load_scenario(source_path("scenarios/baseline-2018.yaml"));
    journal = simulate(scenario);
  }
  Scenario scenario;
  Journal journal;
};

TEST_F(BaselineYear, EveryContainerThatDepartsArrivesExactlyOnce) {
  std::map<int, int> arrivals; // container -> times it was unloaded at a destination
  std::map<int, std::size_t> finishing_train;
  // Held for inspection where no later train took it before the run ended: left, not arrived.
  std::set<int> still_held;
  for (const auto& hold : journal.inspection_holds)
    if (!hold.boarded_h)
      still_held.insert(hold.container);
  int departed = 0;
  for (const auto& c : journal.containers) {
    if (!c.departed_h) {
      EXPECT_FALSE(c.arrived_h.has_value());
      continue;
    }
    ++departed;
    if (still_held.count(c.id) > 0) {
      EXPECT_FALSE(c.arrived_h.has_value()) << "container " << c.id;
      continue;
    }
    ASSERT_TRUE(c.arrived_h.has_value()) << "container " << c.id << " left but never arrived";
    ASSERT_GE(c.train, 0);
    const auto& t = journal.trains[static_cast<std::size_t>(c.train)];
    ASSERT_TRUE(t.arrived_h.has_value());
    EXPECT_DOUBLE_EQ(*t.arrived_h, *c.arrived_h);
    ++arrivals[c.id];
  }
  EXPECT_GT(departed, 10000);
  for (const auto& [id, n] : arrivals)
    ASSERT_EQ(n, 1) << id;
  // Containers carried = containers boarded, train by train.
  int boarded = 0;
  for (const auto& t : journal.trains)
    if (t.parent < 0)
      boarded += t.feu;
  EXPECT_EQ(boarded, departed);
}

TEST_F(BaselineYear, NoTrainLeavesLongerThanItsServiceAllows) {
  for (const auto& t : journal.trains)
    ASSERT_LE(t.feu, 41) << t.id;
}

TEST_F(BaselineYear, WaitsAreNeverNegativeAndAddUpToTheTransitTime) {
  for (const auto& c : journal.containers) {
    if (!c.arrived_h)
      continue;
    for (double w : {c.waits.departure, c.waits.gauge_change, c.waits.locomotive, c.waits.border,
                     c.waits.running_delay, c.waits.disruption, c.waits.track})
      ASSERT_GE(w, 0.0) << "container " << c.id;
    ASSERT_NEAR(c.transit_h(), c.waits.total() + c.nominal_running_h, 1e-6) << "container " << c.id;
  }
}

TEST_F(BaselineYear, EachTrainsEventsAreInTimeOrder) {
  std::map<int, double> last;
  std::map<int, int> count;
  for (const auto& e : journal.events) {
    auto it = last.find(e.train);
    if (it != last.end()) {
      ASSERT_GE(e.time_h, it->second) << journal.trains[static_cast<std::size_t>(e.train)].id;
    }
    last[e.train] = e.time_h;
    ++count[e.train];
  }
  for (std::size_t i = 0; i < journal.trains.size(); ++i) {
    const auto& t = journal.trains[i];
    ASSERT_TRUE(t.departed_h && t.arrived_h) << t.id;
    EXPECT_GE(*t.departed_h, t.planned_departure_h) << t.id;
    EXPECT_GT(*t.arrived_h, *t.departed_h) << t.id;
    EXPECT_DOUBLE_EQ(last.at(static_cast<int>(i)), *t.arrived_h) << t.id;
  }
}

TEST_F(BaselineYear, LocomotivesAreConserved) {
  ASSERT_FALSE(journal.locomotives.samples.empty());
  std::vector<int> seen(journal.locomotives.names.size(), 0);
  for (const auto& s : journal.locomotives.samples) {
    const int size = journal.locomotives.sizes[static_cast<std::size_t>(s.pool)];
    ASSERT_GE(s.at_end[0], 0);
    ASSERT_GE(s.at_end[1], 0);
    ASSERT_GE(s.light, 0);
    ASSERT_GE(s.hauling, 0);
    ASSERT_GE(s.withdrawn, 0);
    ASSERT_EQ(s.total(), size) << journal.locomotives.names[static_cast<std::size_t>(s.pool)] << " at " << s.time_h << " h";
    ++seen[static_cast<std::size_t>(s.pool)];
  }
  for (std::size_t p = 0; p < seen.size(); ++p)
    EXPECT_GT(seen[p], 0) << journal.locomotives.names[p] << " was never used";
  // At the end every train has arrived: no locomotive is left hauling.
  std::vector<const PoolSample*> final_sample(journal.locomotives.names.size(), nullptr);
  for (const auto& s : journal.locomotives.samples)
    final_sample[static_cast<std::size_t>(s.pool)] = &s;
  for (const auto* s : final_sample)
    EXPECT_EQ(s->hauling, 0);
}

TEST_F(BaselineYear, PoolAndYardSamplesAreInTimeOrder) {
  // pools.csv and yards.csv promise time order; pools book idle moves lazily, so this can break.
  for (std::size_t i = 1; i < journal.locomotives.samples.size(); ++i)
    ASSERT_LE(journal.locomotives.samples[i - 1].time_h, journal.locomotives.samples[i].time_h) << "pool sample " << i;
  for (std::size_t i = 1; i < journal.yard_samples.size(); ++i)
    ASSERT_LE(journal.yard_samples[i - 1].time_h, journal.yard_samples[i].time_h) << "yard sample " << i;
}

TEST_F(BaselineYear, TimetableRunsSixWestboundAndFiveEastboundEveryWeek) {
  const auto metrics = compute_rail_metrics(scenario, journal);
  for (const auto& row : metrics.weekly) {
    if (row.week > 52)
      continue; // the weeks after the horizon only see trains arriving
    ASSERT_EQ(row.trains_dispatched, row.direction == Direction::Westbound ? 6 : 5) << "week " << row.week;
  }
  EXPECT_DOUBLE_EQ(metrics.by_direction.at(Direction::Westbound).trains.per_week, 6.0);
  EXPECT_DOUBLE_EQ(metrics.by_direction.at(Direction::Eastbound).trains.per_week, 5.0);
}

TEST_F(BaselineYear, WestboundDoorToDoorIsInThePublishedRange) {
  // Published journeys of the train Chengdu-Lodz run from 10.5 days (China Daily 2016) to
  // 12-14 days (Xinhua 2013), then 1-3 days to distribute (Xinhua 2013); forwarders quote
  // 13-14 days terminal to terminal to Poland and 20-26 door to door China-Europe (DHL 2024).
  // The journey is the train's, departure to arrival: the wait for a train at the origin
  // (cut-off, a full train in the peaks of the calendar) comes on top of it in
  // terminal_to_terminal_days. The baseline has doors: transit_days is door to door.
  // Publications in docs/reference-data.md.
  const auto metrics = compute_rail_metrics(scenario, journal);
  const auto doors = compute_door_metrics(scenario, journal);
  ASSERT_TRUE(doors.has_value());
  double journey_h = 0.0;
  int journeys = 0;
  for (const auto& c : journal.containers)
    if (c.direction == Direction::Westbound && c.arrived_h && in_window(c.created_h, metrics)) {
      journey_h += *c.arrived_h - *c.departed_h;
      ++journeys;
    }
  ASSERT_GT(journeys, 0);
  const double journey = journey_h / journeys / 24.0;
  EXPECT_GE(journey, 10.5);
  EXPECT_LE(journey, 14.0);
  const double terminal = doors->rail_westbound.terminal_to_terminal_days.mean;
  EXPECT_GT(terminal, journey);
  const double door = metrics.by_direction.at(Direction::Westbound).transit_days.mean;
  EXPECT_GE(door, terminal + 1.0);
  EXPECT_LE(door, 26.0);
}

TEST_F(BaselineYear, YardsNeverHoldMoreTrainsThanTracks) {
  const auto corridor = prepare_run(scenario).corridor; // same process, same engine
  ASSERT_FALSE(journal.yard_samples.empty());
  for (const auto& s : journal.yard_samples) {
    ASSERT_GE(s.trains_queued, 0);
    ASSERT_GE(s.trains_on_tracks, 0);
    const std::string yard(s.yard_name());
    ASSERT_NE(corridor.node(yard), nullptr) << yard;
    ASSERT_LE(s.trains_on_tracks, corridor.node(yard)->yard->tracks) << yard;
  }
}

TEST(Simulation, ASecondSimulationInOneProcessIsRefused) {
  // SimGrid allows one engine per process: a second run must fail loudly, not run on the
  // first one's leftovers.
  const auto out = rongou::test::in_child_process([] {
    Scenario s = load_scenario(source_path("scenarios/baseline-2018.yaml"));
    s.horizon_days = 14;
    s.warmup_days = 0;
    const Journal first = simulate(s);
    double refused = 0;
    try {
      simulate(s);
    } catch (const std::logic_error& e) {
      refused = std::string(e.what()).find("one engine per process") != std::string::npos ? 1 : 0;
    }
    return std::vector<double>{static_cast<double>(first.trains.size()), refused};
  });
  EXPECT_GT(out[0], 0); // the first run ran
  EXPECT_EQ(out[1], 1);
}
