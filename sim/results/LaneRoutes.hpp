#pragma once
// The node sequences each lane's trains run along, for the network map: a pure function of
// the journal's route nodes. Each distinct route of a lane appears once, in the order of its
// westbound services (an eastbound route is read backwards, so a lane's westbound and
// eastbound services over the same nodes are one route).
#include <string>
#include <vector>

#include "journal/Journal.hpp"
#include "scenario/Scenario.hpp"

namespace rongou {

struct LaneRoutes {
  std::string lane;
  std::vector<std::vector<std::string>> routes; // node names, westbound origin first
};

// One per scenario lane, in scenario order, when the scenario is a network; empty otherwise.
std::vector<LaneRoutes> compute_lane_routes(const Scenario& scenario, const Journal& journal);

} // namespace rongou
