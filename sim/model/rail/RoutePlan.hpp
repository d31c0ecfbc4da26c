#pragma once
// What a train of a service does at each node of its route, worked out once from the
// scenario and the corridor, so trains only follow the plan. Building the plans is also where
// a scenario is checked against its platform.
#include <optional>
#include <string>
#include <vector>

#include "model/corridor/Corridor.hpp"
#include "base/Distribution.hpp"
#include "scenario/Diagnostics.hpp"
#include "scenario/Scenario.hpp"

namespace rongou {

struct RouteStop {
  std::string node;
  std::optional<Distribution> border_dwell_hours; // set at border nodes (not at the origin)
  bool crosses_border = false;                    // served by the node's border crossing (no dwell draw)
  // The previous stop is the neighbour's station on the same border: a train waits there,
  // on the approach side, until this crossing takes it (a position and the day's quota).
  bool admitted_on_approach = false;
  bool changes_gauge = false;                     // transshipment at this node's yard
  int release_pool = -1;                          // locomotive pool whose section ends here
  int acquire_pool = -1;                          // locomotive pool whose section starts here
  int acquire_end = 0;                            // this node's end of that section (LocomotivePool)
  int release_crews = -1;                         // crew district that ends here
  int acquire_crews = -1;                         // crew district that starts here
  int acquire_crews_end = 0;                      // this node's end of that district
  int crews_per_train = 0;                        // relays: crews a train takes for the district
  int wagons_return = -1;                         // wagon fleet whose section ends here (given back)
  int wagons_return_end = 0;                      // this node's end of that fleet's section
  int wagons_take = -1;                           // wagon fleet whose section starts here (taken)
  int wagons_take_end = 0;                        // this node's end of that fleet's section
  const Segment* next = nullptr;                  // segment to the next stop; null at the destination
  // Expected incidents of a train on `next` (rail.incidents): its km at the rates of the
  // countries of its two ends, half its km at each.
  double expected_incidents = 0.0;
  // Index into RailSpec::inspections holding this service's containers here, or -1; never at
  // the origin or the destination.
  int inspection = -1;
  // Index into RailSpec::ferries of the line sailing `next`, or -1: the train gives its boxes
  // to the line's sailings here and is re-formed at the next stop.
  int ferry = -1;
};

struct RoutePlan {
  std::string service;
  std::vector<RouteStop> stops;
  double length_km = 0.0;
};

// One plan per scenario service, in scenario order. Adds a diagnostic, with the scenario's
// file and line, for every route node or segment missing from the platform, gauge change
// without a yard, locomotive section or crew district not on any route, overlapping sections
// or districts, pool of zero on a section trains use, fewer crews than a train's relays, train
// longer than its first segment allows, and (in a scenario with several lanes) border node with
// no crossing capacity in the platform; and for wagon fleets (rail.wagons), a fleet on no
// route, one whose ends are not where a route's trains are formed and broken up, fleets
// overlapping on a route, and a fleet too small for one train; and an incident rate for a
// country no node of the platform carries; and for ferry lines (rail.ferries), a port not in
// the platform, ports no ferry segment joins, and a ferry segment on a route that no line sails.
std::vector<RoutePlan> build_route_plans(const Scenario& scenario, const Corridor& corridor,
                                         Diagnostics& diagnostics);

// Where `run` lies in `route` as consecutive nodes, in the route's direction or reversed:
// the index of its first node in the route and whether it is reversed; nullopt if it is not.
struct RunInRoute {
  std::size_t first = 0;
  bool reversed = false;
};
std::optional<RunInRoute> find_run(const std::vector<std::string>& route, const std::vector<std::string>& run);

// Service `service`'s plan with `detour.by` in place of the run `detour.replaces` of its route
// (reversed for a route that runs it the other way), built as every plan is, so that the
// detour's crossings, yards, sections and speeds come from the platform; nullopt if the route
// does not run `replaces`. Faults of the detoured route (a border without capacity, a gauge
// change without a yard...) go to `diagnostics`, keyed as the service's.
std::optional<RoutePlan> build_detoured_plan(const Scenario& scenario, std::size_t service, const DetourSpec& detour,
                                             const Corridor& corridor, Diagnostics& diagnostics);

// A plan's running time at its segments' nominal speeds, without waits.
double nominal_hours(const RoutePlan& plan);

} // namespace rongou
