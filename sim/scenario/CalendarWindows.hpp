#pragma once
// The calendar's closures and weather windows as disruption windows of one run. They are
// made when the run is prepared, from the scenario's seed, and appended to
// Scenario::disruptions after the scenario's own (each marked with its calendar item in
// Disruption::origin), so the disruption code applies them and every output reports them
// like any other window.
#include <cstdint>
#include <vector>

#include "scenario/Scenario.hpp"

namespace rongou {

// The windows a closure item closes its node in [0, horizon): its weekdays' hours week by
// week and its holidays, merged where they touch or overlap (a Saturday and a Sunday closed
// all day are one window of 48 h), in time order.
std::vector<DayRange> closure_windows(const CalendarClosure& closure, double horizon_days);

// The windows of weather item number `item` for a run with `seed`, from a stream of their
// own ("calendar-weather", item): for each year of the run, a Poisson number of windows
// (mean windows_per_season) starting at uniform times in the season, each lasting a draw
// of duration_hours, cut at the horizon. In time order; they may overlap.
std::vector<DayRange> weather_windows(const RandomWindows& weather, std::size_t item, std::uint64_t seed,
                                      double horizon_days);

// Replaces the windows a calendar made earlier (those with an origin) by this run's: call
// again whenever the seed changes, as replications do.
void expand_calendar(Scenario& scenario);

} // namespace rongou
