#include "results/RunResults.hpp"

namespace rongou {

RunResults compute_run_results(const Scenario& scenario, const Journal& journal) {
  RunResults r;
  r.rail = compute_rail_metrics(scenario, journal);
  r.servers = compute_server_metrics(scenario, journal);
  r.lane_routes = compute_lane_routes(scenario, journal);
  if (scenario.sea)
    r.sea = compute_sea_metrics(scenario, journal);
  if (scenario.costs)
    r.costs = compare_costs(scenario, journal, r.rail);
  return r;
}

} // namespace rongou
