#pragma once
// The last mile at a destination terminal: containers, cleared and ready at the terminal,
// queue first come first served for one of `trucks` vehicles; a vehicle carries one
// container to the consignee's door and comes back, busy for twice the drive. Exact as a
// k-server FIFO over known ready times, so it needs no engine event. Pure, tested alone.
#include <cstddef>
#include <vector>

namespace rongou {

struct LastMileJob {
  double ready_h = 0.0; // at the terminal, unloaded and cleared
  double drive_h = 0.0; // one way
};

struct LastMileTrip {
  double wait_h = 0.0;      // ready to a vehicle
  double delivered_h = 0.0; // at the consignee's door
};

// One trip per job, in the jobs' order. Jobs are served in order of ready time, ties in the
// order given, each by the vehicle free first (the lowest-numbered among equals).
std::vector<LastMileTrip> serve_last_mile(const std::vector<LastMileJob>& jobs, int trucks);

} // namespace rongou
