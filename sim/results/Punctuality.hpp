#pragma once
// Punctuality of a lane's trains at their destination, as railway regulators publish it for
// freight: the share of trains on time within a tolerance, and how late the others are.
//
// A train's schedule is its planned departure plus its service's scheduled transit, taken as
// the median of (arrival - planned departure) over the service's trains in the measured
// window: the timetable an operator would publish from experience of the line, so a train is
// late when it took longer than a typical train of its service. By construction at least half
// of a service's trains are then on time; the spread and tail of the delays, not the on-time
// share, carry what the model says.
#include <map>

#include "journal/Journal.hpp"
#include "scenario/Scenario.hpp"

namespace rongou {

struct TrainPunctuality {
  int trains = 0;               // whole trains planned in the window that arrived (every part)
  double on_time_share = 0.0;   // delay below the tolerance (early trains are on time)
  double late_mean_hours = 0.0; // mean delay of the trains not on time
  double delay_p95_hours = 0.0; // of every train's delay, early counted as 0
  double over_2h_share = 0.0;   // delay of 120 minutes or more
};

// The whole trains (parent -1) of `lane` in direction `d` with a planned departure in
// [window_start_h, window_end_h); a train split at a gauge change arrives with its last part.
TrainPunctuality train_punctuality(const Journal& journal, int lane, Direction d, double window_start_h,
                                   double window_end_h, double tolerance_minutes);

} // namespace rongou
