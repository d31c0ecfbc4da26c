// The calendar on the running model: a closed origin holds departures, calendar windows are
// reported with their item, and each border direction draws its own dwell. Each simulation
// runs in a child process (one SimGrid engine per process).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "results/RailMetrics.hpp"
#include "run/Simulation.hpp"
#include "scenario/CalendarWindows.hpp"
#include "scenario/ScenarioLoader.hpp"
#include "support/ChildProcess.hpp"
#include "support/Files.hpp"

using namespace rongou;
using namespace rongou::test;

namespace {

// The library baseline without its calendar (demand, closures, weather).
Scenario plain_baseline() {
  Scenario s = load_scenario(source_path("scenarios/baseline-2018.yaml"));
  s.calendar = CalendarSpec{};
  expand_calendar(s);
  return s;
}

// Westbound trains: {mean hours from slot to departure, trains leaving Mon/Wed/Fri before
// midnight, calendar trains hit, calendar windows}.
std::vector<double> westbound_departures(const Scenario& s) {
  return in_child_process([&] {
    const Journal j = simulate(s);
    double late = 0.0;
    int trains = 0;
    int early_on_closed_days = 0;
    for (const auto& t : j.trains) {
      if (t.direction != Direction::Westbound || t.parent >= 0 || !t.departed_h)
        continue;
      late += *t.departed_h - t.planned_departure_h;
      ++trains;
      const int day = static_cast<int>(t.planned_departure_h / 24.0);
      if (day % 7 % 2 == 0 && day % 7 <= 4 && *t.departed_h < 24.0 * (day + 1))
        ++early_on_closed_days;
    }
    const auto m = compute_rail_metrics(s, j);
    const double hit = m.calendar.empty() ? -1.0 : m.calendar[0].trains_hit;
    const double windows = m.calendar.empty() ? -1.0 : m.calendar[0].windows;
    return std::vector<double>{late / trains, static_cast<double>(early_on_closed_days), hit, windows};
  });
}

// Mean border hours a delivered container waited, {westbound, eastbound}.
std::vector<double> border_waits(const Scenario& s) {
  return in_child_process([&] {
    const Journal j = simulate(s);
    const auto m = compute_rail_metrics(s, j);
    return std::vector<double>{m.by_direction.at(Direction::Westbound).mean_waits.border,
                               m.by_direction.at(Direction::Eastbound).mean_waits.border};
  });
}

} // namespace

TEST(Calendar, AClosedOriginHoldsDeparturesUntilItReopens) {
  Scenario s = plain_baseline();
  const auto open = westbound_departures(s);
  CalendarClosure afternoons; // Chengdu shut from noon to midnight on Mon, Wed, Fri: the 18:00 trains wait 6 h
  afternoons.name = "chengdu-afternoons";
  afternoons.path = "calendar.closures.0";
  afternoons.node = "Chengdu";
  afternoons.weekdays = {0, 2, 4};
  afternoons.from_hour = 12;
  afternoons.to_hour = 24;
  s.calendar.closures = {afternoons};
  expand_calendar(s);
  const auto closed = westbound_departures(s);
  EXPECT_GT(closed[0], open[0]);
  EXPECT_GT(closed[0] - open[0], 2.0); // half the trains (3 of 6 a week) wait up to 6 h more: 3 h on the mean
  EXPECT_EQ(closed[1], 0.0); // none left Chengdu on a closed day before midnight
  EXPECT_GT(closed[2], 150.0); // about 52 x 3 trains held, one calendar row
  EXPECT_EQ(closed[3], 52.0 * 3);
}

TEST(Calendar, EachDirectionDrawsItsOwnBorderDwell) {
  Scenario s = plain_baseline();
  s.rail.border_dwell_hours_at["Malaszewicze"] = BorderDwell{Distribution::fixed(30), Distribution::fixed(30)};
  const auto same = border_waits(s);
  s.rail.border_dwell_hours_at["Malaszewicze"] = BorderDwell{Distribution::fixed(30), Distribution::fixed(2)};
  const auto lighter_exit = border_waits(s);
  EXPECT_NEAR(lighter_exit[0], same[0], 0.5);      // westbound: the same EU-entry dwell
  EXPECT_NEAR(same[1] - lighter_exit[1], 28.0, 2); // eastbound: 28 h less at the EU exit
}

TEST(Calendar, ATrainHeldToAnEndAtAFractionOfAnHourLeavesThen) {
  // A window ending between two whole hours (as drawn weather windows do): the engine wakes the
  // train at its clock, in seconds, which must count as the end of the window. Without
  // incidents, which would make locomotives late back to Chengdu and hold trains for them.
  Scenario s = plain_baseline();
  s.rail.incidents.reset();
  CalendarClosure evenings;
  evenings.name = "chengdu-evenings";
  evenings.path = "calendar.closures.0";
  evenings.node = "Chengdu";
  evenings.weekdays = {0, 2, 4};
  evenings.from_hour = 12;
  evenings.to_hour = 23.076142179; // seven of its windows end a rounding after the clock that reaches them
  s.calendar.closures = {evenings};
  expand_calendar(s);
  const auto late = in_child_process([&] {
    const Journal j = simulate(s);
    double worst = 0.0; // how far a held train left from the window's end, hours
    int held = 0;
    for (const auto& t : j.trains) {
      const int day = static_cast<int>(t.planned_departure_h / 24.0);
      if (t.direction != Direction::Westbound || t.parent >= 0 || !t.departed_h || day % 7 % 2 != 0 || day % 7 > 4)
        continue;
      ++held;
      worst = std::max(worst, std::abs(*t.departed_h - (24.0 * day + evenings.to_hour)));
    }
    return std::vector<double>{worst, static_cast<double>(held)};
  });
  EXPECT_GT(late[1], 150.0);
  EXPECT_LT(late[0], 1e-6); // left at the end of the window (its locomotive and crews were there)
}
