#pragma once
#include <vector>

#include "scenario/Scenario.hpp"

namespace rongou {

// Planned departure times (hours since the start of the run, day 0 a Monday) of a weekly
// service, from the start of the run up to the horizon.
std::vector<double> planned_departures_h(const RailService& service, double horizon_days);

} // namespace rongou
