// Behaviour under disruption windows. Each simulation runs in a child process (one SimGrid
// engine per process).
#include <gtest/gtest.h>

#include "results/RailMetrics.hpp"
#include "run/Simulation.hpp"
#include "scenario/ScenarioLoader.hpp"
#include "support/ChildProcess.hpp"
#include "support/Files.hpp"

using namespace rongou;
using namespace rongou::test;

namespace {

// The baseline without its own windows (the 2018 works, the calendar's closures and weather):
// each test's windows are the only ones, in the runs it compares.
Scenario baseline() {
  Scenario s = load_scenario(source_path("scenarios/baseline-2018.yaml"));
  s.disruptions.clear();
  return s;
}

Disruption capacity(const std::string& node, double from, double to, std::optional<int> tracks,
                    std::optional<int> cranes) {
  Disruption d;
  d.kind = DisruptionKind::Capacity;
  d.path = "disruptions.0";
  d.node = node;
  d.from_day = from;
  d.to_day = to;
  d.tracks = tracks;
  d.cranes = cranes;
  return d;
}

// Westbound means: {gauge change h, locomotive h, transit h, yard queue h per train}.
std::vector<double> westbound(const Scenario& s) {
  return in_child_process([&] {
    const Journal j = simulate(s);
    const auto m = compute_rail_metrics(s, j);
    const auto& w = m.by_direction.at(Direction::Westbound);
    double queue = 0.0;
    int trains = 0;
    for (const auto& t : j.trains)
      if (t.direction == Direction::Westbound) {
        queue += t.gauge_change_queue_h;
        ++trains;
      }
    return std::vector<double>{w.mean_waits.gauge_change, w.mean_waits.locomotive, w.transit_days.mean * 24.0,
                               queue / trains};
  });
}

} // namespace

TEST(Disruptions, FewerTracksOrCranesAtMalaszewiczeNeverShortenTransit) {
  Scenario s = baseline();
  // Locomotives to spare: with short pools, trains held at the yard may find a locomotive
  // given back meanwhile further on, and transit is then no longer the yard's alone.
  for (auto& pool : s.rail.locomotives)
    pool.count *= 4;
  const auto base = westbound(s);
  double previous_yard = base[0];
  for (int tracks : {3, 1}) {
    s.disruptions = {capacity("Malaszewicze", 0, 364, tracks, 2)};
    const auto cut = westbound(s);
    EXPECT_GE(cut[0], previous_yard - 1e-9) << tracks << " tracks";
    EXPECT_GE(cut[2], base[2] - 1e-9) << tracks << " tracks";
    previous_yard = cut[0];
  }
  EXPECT_GT(previous_yard, base[0]); // one track and two cranes for 11 trains a week is a bottleneck
}

TEST(Disruptions, MoreTrainsAgainstASmallYardLengthenItsQueue) {
  // A yard kept to one track and one train's cranes all year: 6 westbound a week, then two
  // services a day each way.
  // Locomotives are plentiful in both runs and demand fills the trains, so that the yard is
  // the constraint being approached.
  Scenario s = baseline();
  s.disruptions = {capacity("Malaszewicze", 0, 364, 1, 2)};
  for (auto& pool : s.rail.locomotives)
    pool.count *= 4;
  s.demand[Direction::Westbound].feu_per_week = 6 * 41;
  s.demand[Direction::Eastbound].feu_per_week = 5 * 41;
  const auto six = westbound(s);
  s.demand[Direction::Westbound].feu_per_week = 14 * 41;
  s.demand[Direction::Eastbound].feu_per_week = 14 * 41;
  for (auto& svc : s.rail.services)
    svc.departure_weekdays = {0, 1, 2, 3, 4, 5, 6};
  auto second = s.rail.services;
  for (auto& svc : second) {
    svc.name += "-2";
    svc.departure_hour = 6;
  }
  s.rail.services.insert(s.rail.services.end(), second.begin(), second.end());
  const auto fourteen = westbound(s);
  EXPECT_GT(fourteen[3], six[3]); // queue per train at the yard
}

TEST(Disruptions, AClosuresQueueClearsAfterTheWindow) {
  Scenario s = baseline();
  Disruption d;
  d.kind = DisruptionKind::Closure;
  d.path = "disruptions.0";
  d.node = "Brest";
  d.from_day = 100;
  d.to_day = 104;
  s.disruptions = {d};
  const auto out = in_child_process([&] {
    const Journal j = simulate(s);
    // Largest disruption hold of trains planned before, during, and well after the window.
    double held_in_window = 0.0, held_late = 0.0;
    int hits = 0;
    for (const auto& t : j.trains) {
      if (t.parent >= 0)
        continue;
      const double planned_day = t.planned_departure_h / 24.0;
      if (planned_day >= 115)
        held_late = std::max(held_late, t.waits.disruption);
      else
        held_in_window = std::max(held_in_window, t.waits.disruption);
    }
    for (const auto& h : j.disruption_hits) {
      ++hits;
      EXPECT_GE(h.time_h, d.from_h());
      EXPECT_LT(h.time_h, d.to_h());
      EXPECT_LE(h.time_h + h.wait_h, d.to_h() + 1e-9);
    }
    return std::vector<double>{held_in_window, held_late, static_cast<double>(hits)};
  });
  EXPECT_GT(out[2], 0.0);
  EXPECT_GT(out[0], 24.0); // somebody waited at the closed border for more than a day
  EXPECT_EQ(out[1], 0.0);  // trains planned well after the window are not held
}

TEST(Disruptions, CuttingALocomotivePoolRaisesLocomotiveWaits) {
  Scenario s = baseline();
  const auto base = westbound(s);
  Disruption d;
  d.kind = DisruptionKind::Locomotives;
  d.path = "disruptions.0";
  d.section = {"Petropavl", "Osinovka"};
  d.from_day = 28;
  d.to_day = 200;
  d.count = 3;
  s.disruptions = {d};
  const auto cut = westbound(s);
  EXPECT_GT(cut[1], base[1]);
  EXPECT_GE(cut[2], base[2] - 1e-9);
}

TEST(Disruptions, ASlowdownLengthensTransitByItsExtraRunningTime) {
  Scenario s = baseline();
  const auto base = westbound(s);
  Disruption d;
  d.kind = DisruptionKind::Slowdown;
  d.path = "disruptions.0";
  d.segment = {"Kazan", "Moscow"};
  d.from_day = 0;
  d.to_day = 364;
  d.speed_factor = 0.5;
  s.disruptions = {d};
  const auto slow = westbound(s);
  EXPECT_GT(slow[2], base[2]);
}

TEST(Disruptions, LocomotivesAreConservedDuringACut) {
  Scenario s = baseline();
  Disruption d;
  d.kind = DisruptionKind::Locomotives;
  d.path = "disruptions.0";
  d.section = {"Osinovka", "Brest"};
  d.from_day = 30;
  d.to_day = 90;
  d.count = 1;
  s.disruptions = {d};
  const Journal j = simulate(s);
  int max_withdrawn = 0;
  for (const auto& p : j.locomotives.samples) {
    ASSERT_EQ(p.total(), j.locomotives.sizes[static_cast<std::size_t>(p.pool)]);
    max_withdrawn = std::max(max_withdrawn, p.withdrawn);
    if (p.time_h >= d.to_h() + 1e-9) {
      ASSERT_EQ(p.withdrawn, 0) << "at " << p.time_h;
    }
  }
  EXPECT_EQ(max_withdrawn, 2);
}
