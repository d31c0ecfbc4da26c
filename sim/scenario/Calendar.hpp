#pragma once
// A scenario's calendar (`calendar:`): demand that moves with the seasons, nodes closed on
// weekdays and holidays, and weather windows drawn at random. Closures and weather become
// disruption windows when the run is prepared (CalendarWindows.hpp); demand periods scale
// the Poisson rate of the tracked lanes' gate-ins (model/demand/ContainerDemand.cpp).
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/Distribution.hpp"
#include "scenario/Disruption.hpp"

namespace rongou {

enum class Direction; // scenario/Scenario.hpp

// Days since the start of the run, [from_day, to_day).
struct DayRange {
  double from_day = 0.0;
  double to_day = 0.0;
};

// Gate-ins on the tracked lanes in [from_day, to_day) arrive at `factor` times the usual
// rate, in both directions or in `direction` only. Overlapping periods multiply.
struct DemandPeriod {
  std::string name;
  std::string path; // "calendar.demand.N", for messages
  DayRange days;
  double factor = 1.0;
  std::optional<Direction> direction;
};

// A node closed on some weekdays (between from_hour and to_hour of each) and on holiday
// ranges, for the whole run.
struct CalendarClosure {
  std::string name;
  std::string path; // "calendar.closures.N"
  std::string node;
  std::vector<int> weekdays; // 0 = Monday; day 0 of a run is a Monday
  double from_hour = 0.0;    // of each closed weekday
  double to_hour = 24.0;
  std::vector<DayRange> holidays;
};

// Windows of a disruption drawn at random for each run: a Poisson number a season (each
// year of the run), starting at uniform times in it, lasting a draw of duration_hours.
struct RandomWindows {
  std::string name;
  std::string path; // "calendar.weather.N"
  DisruptionKind kind = DisruptionKind::Closure; // closure or slowdown
  std::string node;                              // closure of a node, or
  std::vector<std::vector<std::string>> segments; // every segment of the area, [a, b] each
  double speed_factor = 1.0;                     // slowdown
  // Days of the year (0-365, day 0 of the run = day 0 of its first year); from > to wraps
  // round the year's end (winter: from 335 to 59). Absent: all year.
  std::optional<DayRange> season;
  double windows_per_season = 0.0;
  Distribution duration_hours = Distribution::fixed(24.0);
};

struct CalendarSpec {
  std::optional<std::string> start_date; // ISO date of day 0 (a Monday), for dates in the calendar
  std::vector<DemandPeriod> demand;
  std::vector<CalendarClosure> closures;
  std::vector<RandomWindows> weather;

  // The factor on the rate of gate-ins in direction `d` on day `day` of the run: the
  // product of the demand periods covering it (1 outside them).
  double demand_factor(Direction d, double day) const;
  bool empty() const { return demand.empty() && closures.empty() && weather.empty(); }
};

} // namespace rongou
