#pragma once
#include <vector>

#include "journal/Journal.hpp"
#include "results/RailMetrics.hpp"
#include "scenario/Scenario.hpp"

namespace rongou {

// Per scenario disruption: trains and containers hit and hours lost, over the whole run
// (a window is chosen on purpose, so the warm-up is not cut from it).
std::vector<DisruptionTotals> disruption_totals(const Scenario& scenario, const Journal& journal);

// Per calendar closure or weather item: its windows' totals together (see CalendarItemTotals).
std::vector<CalendarItemTotals> calendar_item_totals(const Scenario& scenario, const Journal& journal,
                                                     const std::vector<DisruptionTotals>& totals);

} // namespace rongou
