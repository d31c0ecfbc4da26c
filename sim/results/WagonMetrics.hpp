#pragma once
// What each wagon fleet did over the measured window: where its wagons were on average (at
// each end, on trains, in empty wagon trains), the fewest at each end, the empty wagon trains
// that set off, and the trains that waited for wagons. A pure function of the journal's wagon
// samples, empty wagon trains and takes.
#include <string>
#include <vector>

#include "journal/Journal.hpp"
#include "scenario/Scenario.hpp"

namespace rongou {

struct WagonMetrics {
  std::string fleet;
  std::string first_end;
  std::string second_end;
  int size = 0;
  // Time-weighted means over the window.
  double mean_at_first_end = 0.0;
  double mean_at_second_end = 0.0;
  double mean_on_trains = 0.0;
  double mean_in_empty_trains = 0.0;
  double on_trains_share = 0.0; // mean_on_trains / size
  int min_at_first_end = 0;     // fewest at the end at any moment of the window
  int min_at_second_end = 0;
  int empty_trains = 0;         // set off in the window
  int empty_trains_for_trains = 0;
  int empty_wagons = 0;         // wagons those carried
  double empty_km = 0.0;        // train-km of empty wagon trains
  int trains = 0;               // took wagons, asking in the window
  int trains_waited = 0;
  double mean_wait_hours = 0.0; // per train that took wagons
  double max_wait_hours = 0.0;
};

// One per scenario fleet (journal.wagon_fleets), in that order.
std::vector<WagonMetrics> compute_wagon_metrics(const Scenario& scenario, const Journal& journal);

} // namespace rongou
