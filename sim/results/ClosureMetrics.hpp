#pragma once
// What each of the scenario's own closure windows did: the trains it stranded and where, how
// many it held at once, the days it cost, the trains it cancelled or rerouted, and how long the backlog
// took to clear after it reopened. A pure function of the scenario and the journal.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "journal/Journal.hpp"
#include "scenario/Scenario.hpp"

namespace rongou {

struct ClosureMetrics {
  int index = 0; // in Scenario::disruptions
  std::string where;
  double from_day = 0.0;
  double to_day = 0.0;
  std::string policy;
  int trains_stranded = 0;                              // trains it held, each once
  std::vector<std::pair<std::string, int>> stranded_at; // trains by the node they (first) held at, by name
  int peak_held = 0;                                    // most of its holds under way at one instant
  double train_days = 0.0;                              // its holds, summed over trains
  double container_days = 0.0;                          // each hold times the containers on the train
  int focus_containers = 0;                             // the focus lane's containers on trains it held
  double days_lost_per_focus_container = 0.0;           // their hold days over their number
  int trains_cancelled = 0;                             // policy cancel: trains that did not run
  // Policy reroute: trains sent round the closed place by the detour from their departure, and
  // the km and nominal running days their detoured routes added (summed over those trains).
  int trains_rerouted = 0;
  double rerouted_extra_km = 0.0;
  double rerouted_extra_days = 0.0;
  // From the window's end until the last train it held had passed the closed place (left the
  // closed node, or reached the far end of the closed segment); nullopt if some had not by
  // the end of the run (`not_passed` of them), 0 if it held none.
  std::optional<double> days_until_last_passed;
  int not_passed = 0;
  // Trains waiting at the border crossings and gauge-change yards of the closed place (the
  // node, or both ends of the segment): the time-average over the 7 days before the window,
  // and the days from the window's end until the number waiting is back at or below it, once
  // the last train it held that queues there has arrived; nullopt if that does not happen
  // within the run or the place has no crossing or yard.
  double queue_before = 0.0;
  std::optional<double> days_until_queue_cleared;
};

// One per scenario closure listed under `disruptions:` (not those the calendar makes), in
// scenario order.
std::vector<ClosureMetrics> closure_metrics(const Scenario& scenario, const Journal& journal);

} // namespace rongou
