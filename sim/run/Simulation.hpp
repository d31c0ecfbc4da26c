#pragma once
// One simulated run of a scenario in this process (SimGrid allows one engine per process).
#include <optional>
#include <utility>
#include <vector>

#include "model/corridor/Corridor.hpp"
#include "journal/Journal.hpp"
#include "model/rail/DisruptionPlan.hpp"
#include "model/rail/RoutePlan.hpp"
#include "scenario/Scenario.hpp"
#include "model/sea/SeaRoute.hpp"

namespace rongou {

struct PreparedRun {
  Corridor corridor;
  std::vector<RoutePlan> plans;
  DisruptionPlan disruptions;
  // One per lane with a sea alternative (Scenario::sea_of), the focus lane's first.
  std::vector<std::pair<int, SeaRoute>> sea;
  std::optional<SeaRoute> sea_eastbound; // the focus lane's, with `sea.eastbound`
};

// Loads the platform into this process's engine and checks the scenario against it.
// Throws InputError with every problem found.
PreparedRun prepare_run(const Scenario& scenario);
// The same checks, adding every problem (a missing or malformed platform included) to
// `diagnostics` instead of throwing.
PreparedRun check_against_platform(const Scenario& scenario, Diagnostics& diagnostics);

// prepare_run, then the whole simulation. Throws InputError for bad input,
// engine::SimulationError when the run itself fails (e.g. a deadlock), and std::logic_error
// when called a second time in one process.
Journal simulate(const Scenario& scenario);

} // namespace rongou
