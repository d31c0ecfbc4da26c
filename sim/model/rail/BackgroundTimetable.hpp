#pragma once
// Departure times of a background lane's trains: `trains_per_week` spread evenly over the
// week (a fraction carries over, so 2.5 a week is 5 a fortnight), scaled month by month by
// the seasonal index, each moved by a uniform jitter of at most half the jitter either way.
#include <cstdint>
#include <vector>

#include "scenario/Scenario.hpp"

namespace rongou {

// Months of the seasonal index: twelve of 365/12 days from day 0, repeating every 365 days.
int month_of_day(double day);

// Hours since the start of the run, sorted, all in [0, horizon).
std::vector<double> background_departures_h(const RailService& service, double horizon_days, std::uint64_t seed);

} // namespace rongou
