#pragma once
// Sea-chain statistics of one lane in one run: a pure function of the scenario and the
// journal. Only containers gated in at the lane's origin inside the measured window count
// (as for rail).
#include <string>
#include <vector>

#include "journal/Journal.hpp"
#include "results/Statistics.hpp"
#include "scenario/Scenario.hpp"

namespace rongou {

// One loop's sailings in the window and the delivered containers it carried.
struct SeaLoopMetrics {
  std::string name;
  int sailings = 0;                 // scheduled departures in the window, blanked included
  int blanked = 0;
  double mean_feu_per_sailing = 0.0; // over the sailings that left
  double mean_rolled_share_drawn = 0.0; // the carrier's roll share, over the sailings that left
  int containers = 0;               // delivered containers it carried
  double rolled_share = 0.0;        // of those, share rolled at least once
  double port_wait_h = 0.0;         // their mean wait at the origin port
  double hub_wait_h = 0.0;          // their mean wait at the loop's hub for the feeder (0 without a hub)
};

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
  // Loops, blank sailings and pre-carriage (written when SeaSpec::reports_loops()).
  double blank_sailing_share = 0.0;  // of the scheduled sailings in the window
  double blank_capacity_share = 0.0; // of their slots
  double precarriage_shift_h = 0.0;  // mean hours the shipper moved the gate-in later (timed pre-carriage)
  std::vector<SeaLoopMetrics> loops;
  // Hub and feeder (written when SeaSpec::uses_hub()): stages of the mean, 0 for boxes whose
  // loop calls at the European port itself. ocean_h then ends at the hub for boxes via one.
  double hub_wait_h = 0.0; // mother vessel berths at the hub -> feeder leaves
  double feeder_h = 0.0;   // feeder leaves the hub -> berths at the European port, delay included
  int feeder_sailings = 0; // departures in the window, from every hub of the lane
  double mean_feu_per_feeder = 0.0;
};

SeaMetrics compute_sea_metrics(const Scenario& scenario, const Journal& journal, int lane);
// The focus lane's.
SeaMetrics compute_sea_metrics(const Scenario& scenario, const Journal& journal);
// The focus lane's eastbound chain (`sea.eastbound`), terminal to terminal: the stages are
// in travel order (inland_h is the pre-carriage to the European port, port_dwell_h and
// last_leg_h are spent at the Chinese end); no hubs.
SeaMetrics compute_eastbound_sea_metrics(const Scenario& scenario, const Journal& journal);

} // namespace rongou
