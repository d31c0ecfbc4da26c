// The calendar: dates, closures expanded into windows, weather windows drawn per seed and
// season, demand periods scaling the Poisson rate, direction-specific border dwell.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "model/demand/ContainerDemand.hpp"
#include "scenario/CalendarDate.hpp"
#include "scenario/CalendarWindows.hpp"
#include "scenario/ScenarioLoader.hpp"
#include "support/Files.hpp"

using namespace rongou;

namespace {

std::string baseline_without_calendar() {
  std::string yaml = rongou::test::read_file(rongou::test::source_path("scenarios/baseline-2018.yaml"));
  // The library's own calendar is replaced by the one under test (it is the file's last section).
  if (const auto at = yaml.find("\ncalendar:"); at != std::string::npos)
    yaml.erase(at + 1);
  return yaml;
}

Scenario with_calendar(const std::string& block, const std::vector<std::string>& overrides = {}) {
  return load_scenario_from_string(baseline_without_calendar() + "calendar:\n" + block, "c.yaml",
                                   rongou::test::source_path("scenarios"), overrides);
}

std::vector<const Disruption*> from_calendar(const Scenario& s) {
  std::vector<const Disruption*> out;
  for (const auto& d : s.disruptions)
    if (!d.origin.empty())
      out.push_back(&d);
  return out;
}

} // namespace

TEST(CalendarDate, IsoDatesAndWeekdays) {
  ASSERT_TRUE(parse_iso_date("2018-01-01"));
  EXPECT_EQ(weekday_of(*parse_iso_date("2018-01-01")), 0); // a Monday
  EXPECT_EQ(*parse_iso_date("2018-02-16") - *parse_iso_date("2018-01-01"), 46); // Chinese New Year 2018
  EXPECT_EQ(*parse_iso_date("2018-10-01") - *parse_iso_date("2018-01-01"), 273);
  EXPECT_EQ(*parse_iso_date("2016-03-01") - *parse_iso_date("2016-02-28"), 2); // a leap year
  EXPECT_FALSE(parse_iso_date("2018-02-29"));
  EXPECT_FALSE(parse_iso_date("2018-13-01"));
  EXPECT_FALSE(parse_iso_date("18-01-01"));
}

TEST(CalendarClosures, WeekdaysMergeIntoWindowsAndHolidaysJoinThem) {
  CalendarClosure weekends;
  weekends.weekdays = {5, 6}; // Sat, Sun: one window of 48 h a week
  auto w = closure_windows(weekends, 28);
  ASSERT_EQ(w.size(), 4u);
  for (std::size_t k = 0; k < w.size(); ++k) {
    EXPECT_DOUBLE_EQ(w[k].from_day, 7.0 * k + 5);
    EXPECT_DOUBLE_EQ(w[k].to_day, 7.0 * k + 7);
  }
  weekends.holidays = {{8, 10}, {4, 6}, {27, 40}}; // Fri 4 joins the first weekend; the last is cut at the horizon
  w = closure_windows(weekends, 28);
  ASSERT_EQ(w.size(), 5u);
  EXPECT_DOUBLE_EQ(w[0].from_day, 4.0);
  EXPECT_DOUBLE_EQ(w[0].to_day, 7.0);
  EXPECT_DOUBLE_EQ(w[1].from_day, 8.0);
  EXPECT_DOUBLE_EQ(w[1].to_day, 10.0);
  EXPECT_DOUBLE_EQ(w[4].from_day, 26.0);
  EXPECT_DOUBLE_EQ(w[4].to_day, 28.0);

  CalendarClosure mornings;
  mornings.weekdays = {0}; // Mondays 08:00-16:00
  mornings.from_hour = 8;
  mornings.to_hour = 16;
  w = closure_windows(mornings, 14);
  ASSERT_EQ(w.size(), 2u);
  EXPECT_DOUBLE_EQ(w[1].from_day * 24.0, 7 * 24.0 + 8);
  EXPECT_DOUBLE_EQ(w[1].to_day * 24.0, 7 * 24.0 + 16);
}

TEST(CalendarClosures, DatesBecomeDaysOfTheRunAndWindowsCarryTheirItem) {
  const Scenario s = with_calendar("  start_date: 2018-01-01\n"
                                   "  closures:\n"
                                   "    - name: lodz-holidays\n"
                                   "      node: Lodz\n"
                                   "      weekdays: [Sun]\n"
                                   "      holidays:\n"
                                   "        - {first_date: 2018-05-01, last_date: 2018-05-03}\n");
  const auto windows = from_calendar(s);
  ASSERT_EQ(windows.size(), 53u); // 52 Sundays in 364 days, and 1-3 May (Tue-Thu), apart from them
  const auto may = std::find_if(windows.begin(), windows.end(), [](const Disruption* d) { return d->from_day == 120; });
  ASSERT_NE(may, windows.end());
  EXPECT_DOUBLE_EQ((*may)->to_day, 123.0); // the last date is closed too
  for (const Disruption* d : windows) {
    EXPECT_EQ(d->kind, DisruptionKind::Closure);
    EXPECT_EQ(d->node, "Lodz");
    EXPECT_EQ(d->origin, "calendar.closures.0");
    EXPECT_EQ(d->origin_name, "lodz-holidays");
  }
}

TEST(CalendarWeather, WindowsAreDrawnPerSeedAndKeepToTheirSeason) {
  RandomWindows winter;
  winter.kind = DisruptionKind::Slowdown;
  winter.season = DayRange{335, 59}; // December to February, across the year's end
  winter.windows_per_season = 6;
  winter.duration_hours = Distribution::fixed(48);
  const auto a = weather_windows(winter, 0, 1, 3 * 365);
  ASSERT_GT(a.size(), 6u);
  for (const auto& w : a) {
    const double day_of_year = std::fmod(w.from_day, 365.0);
    EXPECT_TRUE(day_of_year >= 335 || day_of_year < 59) << w.from_day;
    EXPECT_NEAR(w.to_day - w.from_day, std::min(2.0, 3 * 365 - w.from_day), 1e-9);
  }
  const auto again = weather_windows(winter, 0, 1, 3 * 365);
  ASSERT_EQ(again.size(), a.size());
  for (std::size_t k = 0; k < a.size(); ++k)
    EXPECT_EQ(again[k].from_day, a[k].from_day);
  const auto other_seed = weather_windows(winter, 0, 2, 3 * 365);
  const auto other_item = weather_windows(winter, 1, 1, 3 * 365);
  auto starts = [](const std::vector<DayRange>& v) {
    std::vector<double> out;
    for (const auto& w : v)
      out.push_back(w.from_day);
    return out;
  };
  EXPECT_NE(starts(other_seed), starts(a));
  EXPECT_NE(starts(other_item), starts(a));
}

TEST(CalendarWeather, EachReplicationSeedGetsItsOwnWindowsOnEverySegmentOfTheArea) {
  const std::string block = "  weather:\n"
                            "    - name: gales\n"
                            "      kind: closure\n"
                            "      segments: [[Urumqi, Jinghe], [Jinghe, Alashankou]]\n"
                            "      season: {from_day: 59, to_day: 151}\n"
                            "      windows_per_season: 4\n"
                            "      duration_hours: {dist: triangular, min: 8, mode: 12, max: 30}\n";
  Scenario one = with_calendar(block);
  const Scenario two = with_calendar(block, {"seed=2"});
  const auto a = from_calendar(one);
  const auto b = from_calendar(two);
  ASSERT_FALSE(a.empty());
  ASSERT_EQ(a.size() % 2, 0u); // each window on both segments
  for (std::size_t k = 0; k < a.size(); k += 2) {
    EXPECT_EQ(a[k]->from_day, a[k + 1]->from_day);
    EXPECT_EQ(a[k]->segment, (std::vector<std::string>{"Urumqi", "Jinghe"}));
    EXPECT_EQ(a[k + 1]->segment, (std::vector<std::string>{"Jinghe", "Alashankou"}));
    EXPECT_GE(a[k]->from_day, 59.0);
    EXPECT_LT(a[k]->from_day, 151.0);
  }
  std::vector<double> starts_a, starts_b;
  for (const Disruption* d : a)
    starts_a.push_back(d->from_day);
  for (const Disruption* d : b)
    starts_b.push_back(d->from_day);
  EXPECT_NE(starts_a, starts_b);
  // Expanding again for the same seed gives the same windows and drops none of the scenario's own.
  const std::size_t own = one.disruptions.size() - a.size();
  one.seed = 2;
  expand_calendar(one);
  ASSERT_EQ(one.disruptions.size(), own + b.size());
  for (std::size_t k = 0; k < b.size(); ++k)
    EXPECT_EQ(one.disruptions[own + k].from_day, b[k]->from_day);
}

TEST(CalendarDemand, APeriodAtHalfRateHalvesItsGateIns) {
  DirectionalDemand demand{700, 0}; // 100 a day
  CalendarSpec calendar;
  DemandPeriod half;
  half.days = {100, 200};
  half.factor = 0.5;
  calendar.demand = {half};
  const auto gate_in = generate_gate_in_hours(demand, 364, 7, Direction::Westbound, calendar);
  auto count = [&](double from_day, double to_day) {
    return std::count_if(gate_in.begin(), gate_in.end(),
                         [&](double h) { return h >= 24 * from_day && h < 24 * to_day; });
  };
  // Poisson counts: 5,000 expected in the period (sd 71) and 10,000 in as many days outside.
  EXPECT_NEAR(static_cast<double>(count(100, 200)), 5000.0, 4 * std::sqrt(5000.0));
  EXPECT_NEAR(static_cast<double>(count(0, 100)), 10000.0, 4 * std::sqrt(10000.0));
  // A period of one direction leaves the other alone.
  calendar.demand[0].direction = Direction::Eastbound;
  const auto west = generate_gate_in_hours(demand, 364, 7, Direction::Westbound, calendar);
  EXPECT_EQ(west, generate_gate_in_hours(demand, 364, 7, Direction::Westbound, CalendarSpec{}));
}

TEST(CalendarDemand, FactorOneEverywhereDrawsExactlyAsWithoutACalendar) {
  DirectionalDemand demand{230, 0};
  CalendarSpec calendar;
  DemandPeriod flat;
  flat.days = {0, 364};
  flat.factor = 1.0;
  calendar.demand = {flat, flat};
  EXPECT_EQ(generate_gate_in_hours(demand, 364, 1, Direction::Westbound, calendar),
            generate_gate_in_hours(demand, 364, 1, Direction::Westbound, CalendarSpec{}));
}

TEST(CalendarDemand, PeriodsByDateAndDirection) {
  const Scenario s = with_calendar("  start_date: 2018-01-01\n"
                                   "  demand:\n"
                                   "    - {name: cny, first_date: 2018-02-12, last_date: 2018-03-04, factor: 0.5, "
                                   "direction: westbound}\n"
                                   "    - {name: peak, from_day: 280, to_day: 350, factor: 1.2}\n");
  EXPECT_DOUBLE_EQ(s.calendar.demand_factor(Direction::Westbound, 42), 0.5);
  EXPECT_DOUBLE_EQ(s.calendar.demand_factor(Direction::Westbound, 62), 0.5);
  EXPECT_DOUBLE_EQ(s.calendar.demand_factor(Direction::Westbound, 63), 1.0);
  EXPECT_DOUBLE_EQ(s.calendar.demand_factor(Direction::Eastbound, 50), 1.0);
  EXPECT_DOUBLE_EQ(s.calendar.demand_factor(Direction::Eastbound, 300), 1.2);
}

TEST(BorderDwell, EachDirectionDrawsItsOwn) {
  const Scenario s = load_scenario_from_string(
      baseline_without_calendar(), "c.yaml", rongou::test::source_path("scenarios"),
      {"rail.border_dwell_hours_at.Brest={westbound: {dist: fixed, value: 9}, eastbound: {dist: fixed, value: 2}}",
       "rail.border_dwell_hours_at.Osinovka={dist: fixed, value: 4}"});
  EXPECT_DOUBLE_EQ(s.border_dwell_at("Brest", Direction::Westbound).value, 9.0);
  EXPECT_DOUBLE_EQ(s.border_dwell_at("Brest", Direction::Eastbound).value, 2.0);
  EXPECT_DOUBLE_EQ(s.border_dwell_at("Osinovka", Direction::Westbound).value, 4.0);
  EXPECT_DOUBLE_EQ(s.border_dwell_at("Osinovka", Direction::Eastbound).value, 4.0);
}
