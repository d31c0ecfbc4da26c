#pragma once
// The scenario's disruptions resolved against the corridor and the route plans: which yard,
// segment or locomotive pool each one acts on and how many tracks, cranes or locomotives
// it takes out. Building it is where disruptions are checked against the platform.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/corridor/Corridor.hpp"
#include "model/rail/RoutePlan.hpp"
#include "scenario/Diagnostics.hpp"
#include "scenario/Scenario.hpp"

namespace rongou {

struct ResolvedDisruption {
  Disruption spec;
  const Segment* segment = nullptr; // closure or slowdown of a segment
  int pool = -1;                    // locomotives: the pool's index in rail.locomotives
  int tracks_out = 0;               // capacity: taken out of service during the window
  int cranes_out = 0;
  int locomotives_out = 0;          // locomotives: taken out of the pool during the window
  // Closure of policy reroute: for each service, its plan round the closed place by the
  // detour, or none where its route does not run the detour's `replaces`.
  std::vector<std::optional<RoutePlan>> detoured;
};

class DisruptionPlan {
public:
  std::vector<ResolvedDisruption> items;

  // A closure active at `t_h` that keeps a train at `from` from running to `to` (the segment
  // or either end node is closed), the one reopening last; -1 if none.
  int closure_blocking(double t_h, const std::string& from, const std::string& to) const;
  int slowdown_on(double t_h, const Segment* segment) const; // -1 if none
  int capacity_at(double t_h, const std::string& node) const;
  int locomotive_cut(double t_h, int pool) const;

  // Where a train on `plan` from stop `from_stop` passes the place closure `item` closes: the
  // stop it leaves the closed node from, or reaches the far end of the closed segment at
  // (`on_arrival`); nullopt if its route from there does not cross it.
  struct Passing {
    std::size_t stop = 0;
    bool on_arrival = false;
  };
  std::optional<Passing> passing(int item, const RoutePlan& plan, std::size_t from_stop) const;
  // A closure of policy `policy` active at `t_h` whose closed place is on `plan` from
  // `from_stop` on, the one reopening last; -1 if none.
  int closure_on_route(double t_h, const RoutePlan& plan, std::size_t from_stop, ClosurePolicy policy) const;

  // Lists, for each week up to `horizon_h`, the items whose window touches it, so that the
  // questions above look at a week's few windows, not at every window of a long run. Items
  // added afterwards, and times outside those weeks, are answered from all items.
  void index_by_week(double horizon_h);

private:
  static constexpr double kWeekH = 168.0;
  // The items that may be active at `t_h`, in order; nullptr: look at all of them.
  const std::vector<std::uint32_t>* week_of(double t_h) const;
  // Calls `visit(i)` for each candidate item in order until it returns false.
  template <class Visit>
  void each_candidate(double t_h, Visit visit) const;
  std::vector<std::vector<std::uint32_t>> weeks_;
  std::size_t indexed_items_ = 0;
};

// Adds a diagnostic, with the scenario's file and line, for every node, segment or section
// missing from the platform or the scenario, capacity cut at a node where no train changes
// gauge, cut that leaves a yard unable to work one train, pool cut to at least its size,
// and overlapping windows on one yard or pool; for every node and segment the calendar's
// closures and weather name, once, at the item's key; for every rail.detours node missing
// from the platform and pair of `by` no link joins; and for a reroute closure whose detour is
// not in rail.detours, does not go round the closed place, or whose `by` crosses it.
DisruptionPlan build_disruption_plan(const Scenario& scenario, const Corridor& corridor,
                                     const std::vector<RoutePlan>& plans, Diagnostics& diagnostics);

} // namespace rongou
