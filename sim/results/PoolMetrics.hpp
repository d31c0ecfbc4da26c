#pragma once
// What each locomotive pool (or crew district) did over the measured window: where its units
// were on average (at each end, with a train, running light or riding back), the light runs
// that set off, and the trains that waited. A pure function of the journal's pool samples, light runs and takes.
#include <string>
#include <vector>

#include "journal/Journal.hpp"
#include "scenario/Scenario.hpp"

namespace rongou {

struct PoolMetrics {
  std::string section;
  std::string first_end;
  std::string second_end;
  int size = 0;
  // Time-weighted means over the window: locomotives at each end (standing or being
  // serviced), running light, hauling.
  double mean_at_first_end = 0.0;
  double mean_at_second_end = 0.0;
  double mean_running_light = 0.0;
  double mean_hauling = 0.0;
  double hauling_share = 0.0; // mean_hauling / size
  int min_at_first_end = 0;   // fewest at the end at any moment of the window
  int min_at_second_end = 0;
  int light_runs = 0;         // set off in the window
  int light_runs_for_trains = 0;
  double light_km = 0.0;
  double light_hours = 0.0;
  double light_runs_per_week = 0.0;
  int trains = 0;             // took a locomotive (or a district's crews), asking in the window
  int trains_waited = 0;
  double mean_wait_hours = 0.0; // per train that took one
  double max_wait_hours = 0.0;
};

// One per pool of `records` (journal.locomotives or journal.crews), in scenario order.
std::vector<PoolMetrics> compute_pool_metrics(const Scenario& scenario, const PoolJournal& records);

} // namespace rongou
