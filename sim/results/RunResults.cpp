#include "results/RunResults.hpp"

namespace rongou {

RunResults compute_run_results(const Scenario& scenario, const Journal& journal) {
  RunResults r;
  r.rail = compute_rail_metrics(scenario, journal);
  r.servers = compute_server_metrics(scenario, journal);
  r.pools = compute_pool_metrics(scenario, journal.locomotives);
  r.crews = compute_pool_metrics(scenario, journal.crews);
  r.wagons = compute_wagon_metrics(scenario, journal);
  r.lane_routes = compute_lane_routes(scenario, journal);
  r.boxes = compute_box_metrics(scenario, journal);
  r.doors = compute_door_metrics(scenario, journal);
  r.warmup = check_warmup(scenario, journal);
  if (scenario.sea)
    r.sea = compute_sea_metrics(scenario, journal);
  if (scenario.sea && scenario.sea->eastbound)
    r.sea_eastbound = compute_eastbound_sea_metrics(scenario, journal);
  if (scenario.costs)
    r.costs = compare_costs(scenario, journal, r.rail);
  r.costs_eastbound = compare_costs_eastbound(scenario, journal);
  if (scenario.choice)
    r.choice = compute_choice_metrics(scenario, journal);
  if (scenario.choice && scenario.choice->eastbound)
    r.choice_eastbound = compute_choice_metrics(scenario, journal, Direction::Eastbound);
  for (std::size_t lane = 0; lane < r.rail.lanes.size(); ++lane) {
    LaneModes& modes = r.lanes.emplace_back();
    const int index = static_cast<int>(lane);
    if (index == scenario.focus_lane) {
      modes.sea = r.sea;
      modes.costs = r.costs;
      continue;
    }
    if (scenario.sea_of(index))
      modes.sea = compute_sea_metrics(scenario, journal, index);
    if (scenario.costs_of(index))
      modes.costs = compare_costs(scenario, journal, index, r.rail.lanes[lane].empty_feu_per_week);
  }
  return r;
}

} // namespace rongou
