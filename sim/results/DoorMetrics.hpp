#pragma once
// Both ends of both modes (`doors:`): door-to-door time split into the same stages for rail
// and sea, measured over the focus lane's containers gated in inside the window. A pure
// function of the scenario and the journal.
#include <optional>

#include "journal/Journal.hpp"
#include "results/Statistics.hpp"
#include "scenario/Scenario.hpp"

namespace rongou {

// Mean hours per delivered container; they add up to the mean door-to-door time.
struct DoorStageHours {
  double loading = 0.0;
  double export_clearance = 0.0;
  // Gate-in at the origin terminal to arrival at the destination terminal: rail's wait for
  // its train (the booking cut-off included) and the train; sea's inland leg, port wait,
  // ocean, European port and last leg.
  double main_haul = 0.0;
  double terminal_closed = 0.0; // a closure of the destination terminal held unloading
  double unloading = 0.0;
  double import_clearance = 0.0;
  double last_mile_wait = 0.0;
  double last_mile = 0.0;
  double total() const {
    return loading + export_clearance + main_haul + terminal_closed + unloading + import_clearance + last_mile_wait +
           last_mile;
  }
};

struct ModeDoorMetrics {
  int containers_delivered = 0;
  DoorStageHours stages_hours;
  SampleSummary terminal_to_terminal_days;
  // Rail: share of delivered containers that missed at least one train with room because
  // they were inside its booking cut-off.
  double missed_cutoff_share = 0.0;
};

struct DoorMetrics {
  ModeDoorMetrics rail_westbound;
  ModeDoorMetrics rail_eastbound;
  std::optional<ModeDoorMetrics> sea; // with `sea:`
};

// With `doors:`; nothing otherwise.
std::optional<DoorMetrics> compute_door_metrics(const Scenario& scenario, const Journal& journal);

} // namespace rongou
