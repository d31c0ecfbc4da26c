// Departure rules (`departure_rule:`): a fill rule raises trains' loads and never holds a
// train past its latest time; min_fill 0 is the timetable; a cancelled train's containers
// leave on a later train. Each simulation runs in a child process (one SimGrid engine per
// process).
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "run/Simulation.hpp"
#include "scenario/ScenarioLoader.hpp"
#include "support/ChildProcess.hpp"
#include "support/Files.hpp"

using namespace rongou;
using namespace rongou::test;

namespace {

const std::string kFill = "{kind: fill, min_fill: 0.9, latest_hours: 72}";

// baseline-2018 over 20 weeks, with `rule` (the same for both services; empty: none) and more overrides.
Scenario baseline(const std::string& rule, std::vector<std::string> overrides = {}) {
  overrides.insert(overrides.begin(), "horizon_days=140");
  if (!rule.empty()) {
    overrides.push_back("rail.services.0.departure_rule=" + rule);
    overrides.push_back("rail.services.1.departure_rule=" + rule);
  }
  return load_scenario(source_path("scenarios/baseline-2018.yaml"), overrides);
}

// Mean loaded FEU per train {westbound, eastbound}.
std::vector<double> mean_loads(const std::string& rule, const std::vector<std::string>& overrides) {
  return in_child_process([&] {
    const Journal j = simulate(baseline(rule, overrides));
    std::map<Direction, std::pair<double, int>> sums;
    for (const auto& t : j.trains)
      if (t.parent < 0) {
        sums[t.direction].first += t.feu;
        ++sums[t.direction].second;
      }
    std::vector<double> out;
    for (Direction d : kDirections)
      out.push_back(sums[d].second > 0 ? sums[d].first / sums[d].second : 0.0);
    return out;
  });
}

// Every train's and container's times, in journal order: equal runs give equal vectors.
std::vector<double> trace(const std::string& rule) {
  return in_child_process([&] {
    const Journal j = simulate(baseline(rule, {"horizon_days=56"}));
    std::vector<double> out;
    for (const auto& t : j.trains) {
      out.push_back(t.planned_departure_h);
      out.push_back(t.feu);
      out.push_back(t.departed_h.value_or(-1.0));
      out.push_back(t.arrived_h.value_or(-1.0));
    }
    for (const auto& c : j.containers) {
      out.push_back(c.departed_h.value_or(-1.0));
      out.push_back(c.arrived_h.value_or(-1.0));
      out.push_back(c.waits.departure);
    }
    out.push_back(static_cast<double>(j.cancelled_trains.size()));
    return out;
  });
}

} // namespace

TEST(DepartureRules, FillNeverLowersTheMeanLoadAndRaisesItUnderThinDemand) {
  const auto timetable = mean_loads("", {});
  const auto fill = mean_loads(kFill, {});
  ASSERT_EQ(fill.size(), 2u);
  for (std::size_t d = 0; d < 2; ++d)
    EXPECT_GE(fill[d], timetable[d] - 1e-9) << "direction " << d;
  // 60 FEU a week eastbound on five trains: 12 a train by the timetable.
  const std::vector<std::string> thin = {"demand.eastbound.feu_per_week=60"};
  const auto thin_timetable = mean_loads("", thin);
  const auto thin_fill = mean_loads(kFill, thin);
  EXPECT_GT(thin_fill[1], thin_timetable[1] + 5.0);
}

TEST(DepartureRules, ATrainNeverLeavesLaterThanItsSlotPlusLatestHours) {
  const auto failures = in_child_process([] {
    const Journal j = simulate(baseline(kFill, {"demand.eastbound.feu_per_week=60"}));
    double failures = 0, held = 0;
    std::map<std::string, double> last_left; // by service: when its previous train left
    for (const auto& t : j.trains) {
      if (t.parent >= 0)
        continue;
      if (t.held_h < 0.0 || t.held_h > 72.0 + 1e-9)
        ++failures;
      held += t.held_h > 0.0;
      // It leaves the terminal once released (a locomotive may keep it a little longer).
      if (t.departed_h && *t.departed_h + 1e-9 < t.planned_departure_h + t.held_h)
        ++failures;
      // One train at a time per service: the next one's slot is after the last one left.
      if (auto it = last_left.find(t.service); it != last_left.end() && t.planned_departure_h <= it->second)
        ++failures;
      last_left[t.service] = t.planned_departure_h + t.held_h;
    }
    for (const auto& c : j.containers)
      if (c.departed_h && c.waits.departure < -1e-9)
        ++failures;
    return std::vector<double>{failures, held};
  });
  EXPECT_EQ(failures[0], 0.0);
  EXPECT_GT(failures[1], 0.0) << "thin demand should hold some trains";
}

TEST(DepartureRules, MinFillZeroIsTheTimetable) {
  const auto timetable = trace("");
  EXPECT_EQ(trace("{kind: fill, min_fill: 0, latest_hours: 72}"), timetable);
  EXPECT_EQ(trace("{kind: timetable}"), timetable);
}

TEST(DepartureRules, ACancelledTrainsContainersLeaveOnALaterTrain) {
  const auto result = in_child_process([] {
    // 60 FEU a week eastbound on five trains of 41: most fall below 60 % (25 FEU) at their slot.
    const Journal j = simulate(baseline("{kind: timetable, min_load_to_run: 0.6}",
                                        {"demand.eastbound.feu_per_week=60"}));
    double failures = 0;
    const double end_h = 140 * 24.0;
    for (const auto& cancelled : j.cancelled_trains) {
      if (cancelled.planned_departure_h != cancelled.cancelled_h) // timetable: cancelled at its slot
        ++failures;
      // Those there when it was cancelled left later, on a train that ran.
      int later = 0;
      for (const auto& c : j.containers)
        if (c.direction == cancelled.direction && c.created_h <= cancelled.cancelled_h && c.departed_h &&
            *c.departed_h > cancelled.cancelled_h)
          ++later;
      if (cancelled.cancelled_h < end_h - 14 * 24.0 && later < cancelled.feu)
        ++failures;
    }
    // No train below the threshold ran; every container of the first 16 weeks left.
    for (const auto& t : j.trains)
      if (t.parent < 0 && !t.background && t.feu < 25)
        ++failures;
    for (const auto& c : j.containers)
      if (c.created_h < 16 * 7 * 24.0 && !c.departed_h)
        ++failures;
    return std::vector<double>{failures, static_cast<double>(j.cancelled_trains.size())};
  });
  EXPECT_EQ(result[0], 0.0);
  EXPECT_GT(result[1], 0.0);
}
