#include "results/LaneRoutes.hpp"

#include <algorithm>
#include <map>

namespace rongou {

std::vector<LaneRoutes> compute_lane_routes(const Scenario& scenario, const Journal& journal) {
  std::vector<LaneRoutes> out;
  if (!scenario.is_network())
    return out;
  for (const auto& lane : scenario.lanes)
    out.push_back({lane.name, {}});
  // route_nodes holds services in scenario order and stops in route order.
  struct Route {
    int lane = 0;
    Direction direction = Direction::Westbound;
    std::vector<std::string> nodes;
  };
  std::vector<Route> routes;
  std::string service;
  for (const auto& r : journal.route_nodes) {
    if (routes.empty() || r.service != service || r.stop == 0) {
      routes.push_back({r.lane, r.direction, {}});
      service = r.service;
    }
    routes.back().nodes.push_back(r.node);
  }
  // Westbound routes first, so that a lane's routes keep its westbound services' order.
  std::stable_partition(routes.begin(), routes.end(),
                        [](const Route& r) { return r.direction == Direction::Westbound; });
  for (auto& r : routes) {
    if (r.lane < 0 || static_cast<std::size_t>(r.lane) >= out.size() || r.nodes.size() < 2)
      continue;
    if (r.direction == Direction::Eastbound)
      std::reverse(r.nodes.begin(), r.nodes.end());
    auto& lane_routes = out[static_cast<std::size_t>(r.lane)].routes;
    if (std::find(lane_routes.begin(), lane_routes.end(), r.nodes) == lane_routes.end())
      lane_routes.push_back(std::move(r.nodes));
  }
  return out;
}

} // namespace rongou
