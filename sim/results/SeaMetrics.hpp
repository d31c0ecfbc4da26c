#pragma once
// Sea-chain statistics of one lane in one run: a pure function of the scenario and the
// journal. Only containers gated in at the lane's origin inside the measured window count
// (as for rail).
#include "journal/Journal.hpp"
#include "results/Statistics.hpp"
#include "scenario/Scenario.hpp"

namespace rongou {

struct SeaMetrics {
  int containers_offered = 0;
  int containers_delivered = 0;
  SampleSummary transit_days; // gate-in at Chengdu to arrival at Lodz
  // Mean hours per delivered container, by stage; they add up to the mean transit.
  double inland_h = 0.0;          // Chengdu -> Shanghai
  double port_wait_h = 0.0;       // at Shanghai until the vessel leaves (cut-off, weekly sailing, rolling)
  double ocean_h = 0.0;           // sailing to berthing, delay included
  double ocean_delay_h = 0.0;     // of which beyond schedule
  double port_dwell_h = 0.0;      // European port: discharge, customs, release
  double last_leg_h = 0.0;        // European port -> Lodz
  double rolled_share = 0.0;      // of delivered containers, share rolled at least once
  int sailings = 0;               // departures in the window
  double mean_feu_per_sailing = 0.0;
};

SeaMetrics compute_sea_metrics(const Scenario& scenario, const Journal& journal, int lane);
// The focus lane's.
SeaMetrics compute_sea_metrics(const Scenario& scenario, const Journal& journal);

} // namespace rongou
