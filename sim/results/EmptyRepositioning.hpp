#pragma once
// The empty-container balance, a pure post-processing of the journal (it does not change the
// simulation: empties ride on wagons a train runs with anyway). Each week, at a direction's
// origin, loaded boxes arriving from the other direction are emptied there and loaded boxes
// leaving need one each; a surplus is sent back empty on that week's spare wagons
// (service max_feu minus load), and what does not fit waits for next week. A shortfall is
// taken as covered locally (leasing, other services) and not carried. A run with `boxes:`
// simulates its boxes (model/rail/BoxStocks.hpp) and does not make this balance: its
// empties are the ones trains carried (results/BoxMetrics.hpp).
#include <map>
#include <vector>

#include "journal/Journal.hpp"
#include "results/RailMetrics.hpp"
#include "scenario/Scenario.hpp"

namespace rongou {

// Fills empty_feu_dispatched and empty_feu_backlog of `weekly` (lane `lane`'s rows) and
// returns the empties sent a week in m's measured window, by direction. A lane's empties
// ride on its own trains' spare wagons only.
std::map<Direction, double> add_empty_repositioning(const Scenario& scenario, const Journal& journal, int lane,
                                                    const RailMetrics& m, std::vector<WeeklyRow>& weekly);

} // namespace rongou
