#pragma once
// Everything measured about one run (or one replication), computed once from the scenario
// and the journal. Writers (summary.json, weekly.csv, the terminal and comparison tables)
// format this value and compute nothing themselves.
#include <optional>

#include "journal/Journal.hpp"
#include "results/BoxMetrics.hpp"
#include "results/ChoiceMetrics.hpp"
#include "results/Costs.hpp"
#include "results/DoorMetrics.hpp"
#include "results/LaneRoutes.hpp"
#include "results/RailMetrics.hpp"
#include "results/PoolMetrics.hpp"
#include "results/ServerMetrics.hpp"
#include "results/SeaMetrics.hpp"
#include "results/WagonMetrics.hpp"
#include "results/WarmupCheck.hpp"
#include "scenario/Scenario.hpp"

namespace rongou {

// One lane's rail-against-sea answer in a network run: its sea metrics and costs when the
// lane has them (the focus lane's are the same as RunResults::sea and ::costs).
struct LaneModes {
  std::optional<SeaMetrics> sea;
  std::optional<CostComparison> costs;
};

struct RunResults {
  // Both rail directions, the weekly rows with the empty-container balance, and the totals of
  // every scenario disruption (closures, slowdowns, sea delays, price changes).
  RailMetrics rail;
  std::optional<SeaMetrics> sea;       // when the scenario has a `sea:` section
  std::optional<SeaMetrics> sea_eastbound; // when it has `sea.eastbound`
  std::optional<CostComparison> costs; // when the scenario has a `costs:` section
  std::optional<CostComparison> costs_eastbound; // the focus lane's back-haul, with costs and `sea.eastbound`
  std::vector<ServerMetrics> servers;  // every border crossing and yard trains used
  std::vector<PoolMetrics> pools;      // every locomotive pool, in scenario order
  std::vector<PoolMetrics> crews;      // every crew district, in scenario order
  std::vector<WagonMetrics> wagons;    // every wagon fleet (rail.wagons), in scenario order
  std::vector<LaneRoutes> lane_routes; // a network run's lanes and the nodes they run along
  std::vector<LaneModes> lanes;        // one per rail.lanes entry (network runs), same order
  BoxMetrics boxes;                    // with `boxes:`, one per box terminal
  std::optional<DoorMetrics> doors;    // with `doors:`: both ends, stage by stage, both modes
  WarmupCheck warmup;                  // MSER-5 on the focus lane's weekly rail transit
  std::optional<ChoiceMetrics> choice; // with `choice:`: what the focus lane's shippers chose
  std::optional<ChoiceMetrics> choice_eastbound; // when its eastbound shippers choose too
};

RunResults compute_run_results(const Scenario& scenario, const Journal& journal);

} // namespace rongou
