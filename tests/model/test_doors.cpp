// Both ends of both modes (`doors:`): the door-to-door time is the terminal-to-terminal time
// plus exactly the stages at both ends, for rail and for sea; a container's rail and sea twin
// share their stage draws; the rail booking cut-off keeps a container gated in inside it off
// its train. Each simulation runs in a child process (one SimGrid engine per process).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include "results/RunResults.hpp"
#include "run/Simulation.hpp"
#include "scenario/ScenarioLoader.hpp"
#include "support/ChildProcess.hpp"
#include "support/Files.hpp"

using namespace rongou;
using namespace rongou::test;

namespace {

// baseline-2018 (which has doors:) over 12 weeks, with more overrides.
Scenario baseline(std::vector<std::string> overrides = {}) {
  overrides.insert(overrides.begin(), "horizon_days=84");
  return load_scenario(source_path("scenarios/baseline-2018.yaml"), overrides);
}

bool stages_differ(const DoorRecord& a, const DoorRecord& b) {
  return a.loading_h != b.loading_h || a.export_clearance_h != b.export_clearance_h ||
         a.unloading_h != b.unloading_h || a.import_clearance_h != b.import_clearance_h ||
         a.last_mile_h != b.last_mile_h;
}

} // namespace

TEST(Doors, DoorToDoorIsTerminalToTerminalPlusExactlyTheStagesForBothModes) {
  const auto out = in_child_process([] {
    const Scenario s = baseline();
    const Journal j = simulate(s);
    const RunResults r = compute_run_results(s, j);
    std::vector<double> v;
    // Container by container: door-to-door minus terminal-to-terminal is the stages' sum.
    double worst = 0.0;
    int rail = 0, sea = 0;
    for (const auto& c : j.containers) {
      const DoorRecord& d = j.rail_doors.at(static_cast<std::size_t>(c.id));
      if (!d.modelled)
        continue;
      ++rail;
      const double stages = d.loading_h + d.export_clearance_h + d.terminal_closed_h + d.unloading_h +
                            d.import_clearance_h + d.last_mile_wait_h + d.last_mile_h;
      worst = std::max(worst, std::abs(rail_transit_h(j, c) - c.transit_h() - stages));
    }
    for (std::size_t i = 0; i < j.sea.size(); ++i) {
      const DoorRecord& d = j.sea_doors.at(i);
      if (!d.modelled)
        continue;
      ++sea;
      worst = std::max(worst, std::abs(sea_transit_h(j, i) - j.sea[i].transit_h() - d.total_h()));
    }
    v.push_back(rail);
    v.push_back(sea);
    v.push_back(worst);
    // The summaries: transit (door to door) = terminal to terminal + the other stages' means.
    const auto& west = r.rail.by_direction.at(Direction::Westbound);
    const auto& rd = r.doors->rail_westbound;
    const auto& sd = *r.doors->sea;
    auto ends = [](const DoorStageHours& h) { return h.total() - h.main_haul; };
    v.push_back(west.transit_days.mean - rd.terminal_to_terminal_days.mean - ends(rd.stages_hours) / 24.0);
    v.push_back(r.sea->transit_days.mean - sd.terminal_to_terminal_days.mean - ends(sd.stages_hours) / 24.0);
    v.push_back(ends(rd.stages_hours));
    v.push_back(ends(sd.stages_hours));
    v.push_back(rd.stages_hours.main_haul / 24.0 - rd.terminal_to_terminal_days.mean);
    return v;
  });
  ASSERT_EQ(out.size(), 8u);
  EXPECT_GT(out[0], 500);
  EXPECT_GT(out[1], 500);
  EXPECT_LT(out[2], 1e-9);
  EXPECT_NEAR(out[3], 0.0, 1e-9);
  EXPECT_NEAR(out[4], 0.0, 1e-9);
  EXPECT_GT(out[5], 24.0); // both ends take time, for both modes
  EXPECT_GT(out[6], 24.0);
  EXPECT_NEAR(out[7], 0.0, 1e-9);
}

TEST(Doors, RailAndSeaTwinsShareTheirStageDraws) {
  const auto out = in_child_process([] {
    const Journal j = simulate(baseline());
    double twins = 0, differ = 0, distinct_neighbours = 0;
    for (std::size_t i = 0; i < j.sea.size(); ++i) {
      const DoorRecord& s = j.sea_doors.at(i);
      const DoorRecord& r = j.rail_doors.at(static_cast<std::size_t>(j.sea[i].container));
      if (!s.modelled || !r.modelled)
        continue;
      ++twins;
      differ += stages_differ(s, r) ? 1 : 0;
      // Different containers draw differently (the draws are per container, not constants).
      if (i + 1 < j.sea.size() && j.sea_doors[i + 1].modelled)
        distinct_neighbours += stages_differ(s, j.sea_doors[i + 1]) ? 1 : 0;
    }
    return std::vector<double>{twins, differ, distinct_neighbours};
  });
  EXPECT_GT(out[0], 500);
  EXPECT_EQ(out[1], 0);
  EXPECT_GT(out[2], 0.9 * out[0]);
}

TEST(Doors, ABookingCutOffKeepsAContainerGatedInInsideItOffItsTrain) {
  // 48 hours before departure: with 6 trains a week some gate-ins fall inside a cut-off.
  const auto out = in_child_process([] {
    const Journal j = simulate(baseline({"doors.origin.cutoff_hours=48"}));
    double boarded_too_late = 0, inside_cutoff_of_a_train_with_room = 0, missed = 0, boarded = 0;
    for (const auto& c : j.containers) {
      if (!c.departed_h || c.train < 0)
        continue;
      ++boarded;
      // Boarded only trains leaving at least the cut-off after its gate-in.
      boarded_too_late += *c.departed_h - c.created_h < 48.0 - 1e-9 ? 1 : 0;
      missed += j.rail_doors.at(static_cast<std::size_t>(c.id)).trains_missed_at_cutoff > 0 ? 1 : 0;
    }
    // Every train that left with room: the containers gated in within 48 h before it, and
    // still waiting, are not on it; as many of them as it had room for are counted as misses.
    const Scenario s = baseline({"doors.origin.cutoff_hours=48"});
    for (const auto& t : j.trains) {
      if (t.parent >= 0 || t.background || !t.departed_h)
        continue;
      const double leave_h = t.planned_departure_h + t.held_h; // the cut-off counts from here
      int max_feu = 0;
      for (const auto& svc : s.rail.services)
        if (svc.name == t.service)
          max_feu = svc.max_feu;
      int inside = 0, marked = 0;
      for (const auto& c : j.containers)
        if (c.direction == t.direction && c.created_h > leave_h - 48.0 && c.created_h <= leave_h && c.departed_h &&
            *c.departed_h > *t.departed_h) {
          ++inside;
          marked += j.rail_doors.at(static_cast<std::size_t>(c.id)).trains_missed_at_cutoff > 0 ? 1 : 0;
        }
      inside_cutoff_of_a_train_with_room += marked < std::min(inside, max_feu - t.feu) ? 1 : 0;
    }
    return std::vector<double>{boarded, boarded_too_late, missed, inside_cutoff_of_a_train_with_room};
  });
  EXPECT_GT(out[0], 500);
  EXPECT_EQ(out[1], 0);
  EXPECT_GT(out[2], 0.1 * out[0]);
  EXPECT_EQ(out[3], 0); // trains whose misses were not all counted
}

TEST(Doors, ALongerCutOffLengthensTheWaitForATrain) {
  auto wait = [](const std::string& cutoff) {
    return in_child_process([&] {
      const Journal j = simulate(baseline({"doors.origin.cutoff_hours=" + cutoff}));
      double sum = 0, n = 0;
      for (const auto& c : j.containers)
        if (c.direction == Direction::Westbound && c.departed_h) {
          sum += c.waits.departure;
          ++n;
        }
      return std::vector<double>{sum / n};
    });
  };
  const double none = wait("0").at(0);
  const double day = wait("24").at(0);
  const double two_days = wait("48").at(0);
  EXPECT_LT(none, day);
  EXPECT_LT(day, two_days);
}

TEST(Doors, AClosedDestinationTerminalHoldsUnloadingUntilItReopens) {
  // Lodz closed from day 60 to day 64: sea containers reaching it then wait for the reopening;
  // the others do not wait.
  const auto out = in_child_process([] {
    Scenario s = baseline();
    Disruption closure;
    closure.kind = DisruptionKind::Closure;
    closure.path = "disruptions.0";
    closure.node = "Lodz";
    closure.from_day = 60;
    closure.to_day = 64;
    s.disruptions.clear(); // the baseline's own closures of Lodz (Sundays, holidays) aside
    s.disruptions.push_back(closure);
    const Journal j = simulate(s);
    double inside = 0, wrong = 0;
    for (std::size_t i = 0; i < j.sea.size(); ++i) {
      const DoorRecord& d = j.sea_doors.at(i);
      if (!d.modelled)
        continue;
      const double arrived = *j.sea[i].arrived_h;
      const bool closed = closure.active_at(arrived);
      inside += closed ? 1 : 0;
      const double expected = closed ? closure.to_h() - arrived : 0.0;
      wrong += std::abs(d.terminal_closed_h - expected) > 1e-9 ? 1 : 0;
    }
    return std::vector<double>{inside, wrong};
  });
  EXPECT_GT(out[0], 10); // the test has containers arriving while Lodz is closed
  EXPECT_EQ(out[1], 0);
}

TEST(Doors, ClosuresThatOverlapOrFollowOneAnotherHoldUntilTheLastOfThemEnds) {
  // Lodz closed on days 60-62, 61-64 and 64-65 (overlapping, then touching) and 70-71: a
  // container reaching it on days 60-65 waits until day 65, whichever window it met first;
  // one on days 70-71 until day 71; the others do not wait.
  const auto out = in_child_process([] {
    Scenario s = baseline();
    s.disruptions.clear(); // the baseline's own closures of Lodz (Sundays, holidays) aside
    for (auto [from, to] : {std::pair{64, 65}, std::pair{60, 62}, std::pair{70, 71}, std::pair{61, 64}}) {
      Disruption closure;
      closure.kind = DisruptionKind::Closure;
      closure.path = "disruptions." + std::to_string(s.disruptions.size());
      closure.node = "Lodz";
      closure.from_day = from;
      closure.to_day = to;
      s.disruptions.push_back(closure);
    }
    const Journal j = simulate(s);
    double held = 0, wrong = 0;
    for (std::size_t i = 0; i < j.sea.size(); ++i) {
      const DoorRecord& d = j.sea_doors.at(i);
      if (!d.modelled)
        continue;
      const double arrived = *j.sea[i].arrived_h;
      double open = arrived;
      if (arrived >= 60 * 24.0 && arrived < 65 * 24.0)
        open = 65 * 24.0;
      else if (arrived >= 70 * 24.0 && arrived < 71 * 24.0)
        open = 71 * 24.0;
      held += open > arrived ? 1 : 0;
      wrong += std::abs(d.terminal_closed_h - (open - arrived)) > 1e-9 ? 1 : 0;
    }
    return std::vector<double>{held, wrong};
  });
  EXPECT_GT(out[0], 10); // the test has containers arriving while Lodz is closed
  EXPECT_EQ(out[1], 0);
}
