// Closures of the Brest-Malaszewicze crossing on the 2021 network: what they strand, how the
// backlog clears at the crossings' and the yard's capacity, and what each policy changes.
// Each simulation runs in a child process (one SimGrid engine per process).
#include <gtest/gtest.h>

#include <set>

#include "results/ClosureMetrics.hpp"
#include "run/Simulation.hpp"
#include "scenario/ScenarioLoader.hpp"
#include "support/ChildProcess.hpp"
#include "support/Files.hpp"

using namespace rongou;
using namespace rongou::test;

namespace {

constexpr double kFromDay = 70.0;

// network-2021 without its own windows, over 26 weeks: the crossing carries its 2021 load.
Scenario network() {
  Scenario s = load_scenario(source_path("scenarios/network-2021.yaml"));
  s.disruptions.clear();
  s.horizon_days = 182;
  return s;
}

Disruption closure(double days, ClosurePolicy policy = ClosurePolicy::Hold) {
  Disruption d;
  d.kind = DisruptionKind::Closure;
  d.path = "disruptions.0";
  d.segment = {"Brest", "Malaszewicze"};
  d.from_day = kFromDay;
  d.to_day = kFromDay + days;
  d.policy = policy;
  return d;
}

struct Outcome {
  int stranded = 0;
  int cancelled = 0;
  double last_passed_days = -1.0;
  double queue_cleared_days = -1.0;
  int trains_run = 0;       // train units leaving their origin (not parts of a split)
  int lost = 0;             // containers gated in before day 120 and not delivered
  int held_beyond_origin = 0; // trains that had not left by the window's start, held elsewhere
  int left_in_window = 0;   // trains crossing Brest-Malaszewicze that left their origin in the window
};

Outcome run(const Scenario& s) {
  // The child hands back numbers: the outcome's fields in order.
  const std::vector<double> v = in_child_process([&] {
    const Journal j = simulate(s);
    const auto metrics = closure_metrics(s, j);
    Outcome o;
    const ClosureMetrics& c = metrics.at(0);
    o.stranded = c.trains_stranded;
    o.cancelled = c.trains_cancelled;
    o.last_passed_days = c.days_until_last_passed.value_or(-1.0);
    o.queue_cleared_days = c.days_until_queue_cleared.value_or(-1.0);
    const Disruption& d = s.disruptions.at(0);
    for (const auto& t : j.trains)
      if (t.parent < 0) {
        ++o.trains_run;
        if (t.departed_h && d.active_at(*t.departed_h))
          for (const auto& v : j.server_visits)
            if (v.train == static_cast<int>(&t - j.trains.data()) && v.node_name() == "Malaszewicze" &&
                v.kind == ServerKind::Crossing) {
              ++o.left_in_window;
              break;
            }
      }
    for (const auto& c2 : j.containers)
      if (c2.created_h < 120.0 * 24.0 && !c2.arrived_h)
        ++o.lost;
    for (const auto& hit : j.disruption_hits) {
      const auto& t = j.trains[static_cast<std::size_t>(hit.train)];
      if (hit.disruption == 0 && t.planned_departure_h >= d.from_h() && interned_node_name(hit.held_at) != t.origin)
        ++o.held_beyond_origin;
    }
    return std::vector<double>{double(o.stranded), double(o.cancelled), o.last_passed_days, o.queue_cleared_days,
                               double(o.trains_run), double(o.lost), double(o.held_beyond_origin),
                               double(o.left_in_window)};
  });
  Outcome o;
  o.stranded = static_cast<int>(v.at(0));
  o.cancelled = static_cast<int>(v.at(1));
  o.last_passed_days = v.at(2);
  o.queue_cleared_days = v.at(3);
  o.trains_run = static_cast<int>(v.at(4));
  o.lost = static_cast<int>(v.at(5));
  o.held_beyond_origin = static_cast<int>(v.at(6));
  o.left_in_window = static_cast<int>(v.at(7));
  return o;
}

} // namespace

TEST(Closures, ALongerClosureStrandsMoreTrainsAndClearsLater) {
  Scenario s = network();
  s.disruptions = {closure(4)};
  const Outcome shorter = run(s);
  s.disruptions = {closure(10)};
  const Outcome longer = run(s);
  ASSERT_GT(shorter.stranded, 0);
  EXPECT_GT(longer.stranded, shorter.stranded);
  ASSERT_GE(shorter.last_passed_days, 0.0);
  ASSERT_GE(shorter.queue_cleared_days, 0.0);
  EXPECT_GT(longer.last_passed_days, shorter.last_passed_days);
  EXPECT_GT(longer.queue_cleared_days, shorter.queue_cleared_days);
}

TEST(Closures, FewerTracksAtTheYardBehindItClearSlower) {
  Scenario s = network();
  s.disruptions = {closure(10)};
  const Outcome full = run(s);
  Disruption cut;
  cut.kind = DisruptionKind::Capacity;
  cut.path = "disruptions.1";
  cut.node = "Malaszewicze";
  cut.from_day = kFromDay;
  cut.to_day = s.horizon_days;
  cut.tracks = 4;
  s.disruptions.push_back(cut);
  const Outcome fewer = run(s);
  ASSERT_GE(full.queue_cleared_days, 0.0);
  EXPECT_GT(fewer.last_passed_days, full.last_passed_days);
  EXPECT_TRUE(fewer.queue_cleared_days < 0.0 || fewer.queue_cleared_days > full.queue_cleared_days)
      << fewer.queue_cleared_days << " against " << full.queue_cleared_days;
}

TEST(Closures, NoContainerIsLostUnderAnyPolicy) {
  Scenario s = network();
  for (const ClosurePolicy policy : {ClosurePolicy::Hold, ClosurePolicy::HoldAtOrigin, ClosurePolicy::Cancel}) {
    s.disruptions = {closure(10, policy)};
    EXPECT_EQ(run(s).lost, 0) << to_string(policy);
  }
}

TEST(Closures, HoldAtOriginStrandsNoTrainBeyondItsOrigin) {
  Scenario s = network();
  s.disruptions = {closure(10)};
  const Outcome hold = run(s);
  s.disruptions = {closure(10, ClosurePolicy::HoldAtOrigin)};
  const Outcome origin = run(s);
  EXPECT_GT(hold.held_beyond_origin, 0); // under hold, trains leaving in the window reach Brest and wait there
  EXPECT_EQ(origin.held_beyond_origin, 0);
  EXPECT_EQ(origin.left_in_window, 0);
  EXPECT_GT(origin.stranded, 0);
}

TEST(Closures, CancelRunsStrictlyFewerTrains) {
  Scenario s = network();
  s.disruptions = {closure(10)};
  const Outcome hold = run(s);
  s.disruptions = {closure(10, ClosurePolicy::Cancel)};
  const Outcome cancel = run(s);
  EXPECT_EQ(hold.cancelled, 0);
  ASSERT_GT(cancel.cancelled, 0);
  EXPECT_EQ(cancel.trains_run, hold.trains_run - cancel.cancelled);
  EXPECT_EQ(cancel.left_in_window, 0);
  EXPECT_LT(cancel.stranded, hold.stranded); // only trains under way when it closed are held
}

TEST(Closures, AQueueThatClearsOnlyAfterTheHorizonIsNotCountedAsCleared) {
  // The same 10-day closure, in a run that ends two days after the reopening: the backlog
  // does not drain in two days, and after the horizon no train leaves, so the queue would
  // empty by itself. The longer run clears it under traffic, after more than those two days.
  Scenario s = network();
  s.disruptions = {closure(10)};
  const Outcome full = run(s);
  s.horizon_days = kFromDay + 10 + 2;
  const Outcome cut_short = run(s);
  ASSERT_GT(full.queue_cleared_days, 2.0);
  EXPECT_LT(cut_short.queue_cleared_days, 0.0) << "cleared after " << cut_short.queue_cleared_days << " days";
}
