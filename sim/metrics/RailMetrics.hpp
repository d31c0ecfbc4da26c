#pragma once
// Rail statistics of one run: a pure function of the scenario and the journal.
#include <map>
#include <vector>

#include "journal/Journal.hpp"
#include "metrics/Statistics.hpp"
#include "scenario/Scenario.hpp"

namespace rongou {

struct TrainCounts {
  int dispatched = 0; // timetabled departures from the origin in the measured window
  int arrived = 0;    // of those, how many reached the destination (all their parts)
  double per_week = 0.0;
};

struct DirectionMetrics {
  int containers_offered = 0;   // gate-in in the measured window
  int containers_delivered = 0; // of those, arrived
  SampleSummary transit_days;   // door to door, gate-in at origin to arrival at destination
  WaitHours mean_waits;         // per delivered container
  double mean_nominal_running_h = 0.0;
  TrainCounts trains;
  double mean_train_load_feu = 0.0;
};

struct WeeklyRow {
  int week = 0;
  Direction direction = Direction::Westbound;
  int trains_dispatched = 0;
  int feu_dispatched = 0;
  int trains_arrived = 0; // train units, so a train split at a gauge change counts per part
  int feu_arrived = 0;
};

struct RailMetrics {
  double window_start_h = 0.0; // warm-up excluded
  double window_end_h = 0.0;   // horizon
  std::map<Direction, DirectionMetrics> by_direction;
  DirectionMetrics all; // both directions together
  std::vector<WeeklyRow> weekly;
};

bool in_window(double t_h, const RailMetrics& m);
RailMetrics compute_rail_metrics(const Scenario& scenario, const Journal& journal);

} // namespace rongou
