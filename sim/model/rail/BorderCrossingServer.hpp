#pragma once
// A border crossing as a server. A train arriving at the crossing waits, first come first
// served within its direction, for the day's quota (where the neighbour accepts only so many
// trains a day) and then for a processing position, and is processed (customs, inspection,
// hand-over) for its direction's per-train time. Its wait is what it spends before a
// position takes it: nothing of it is drawn, all of it comes from the other trains.
#include <array>
#include <string_view>

#include "engine/FifoResource.hpp"
#include "journal/Journal.hpp"
#include "model/corridor/Corridor.hpp"

namespace rongou {

struct CrossingPassage {
  double queue_h = 0.0;
  double processing_h = 0.0;
};

class BorderCrossingServer {
public:
  BorderCrossingServer(std::string_view node, const BorderCrossing& spec);

  // Blocks for the whole passage of a train going `direction`: queue, then processing.
  CrossingPassage cross(Direction direction);

  // Trains that may start processing on day `day` (from 0) in one direction: a quota of 4.5
  // a day lets 4 and 5 start on alternate days, and an unused quota is not carried over.
  static int quota_on_day(double trains_per_day, long day);

private:
  void wait_for_quota(int direction);

  BorderCrossing spec_;
  FifoResource positions_;
  // Admission in order within a direction: a train waiting for tomorrow's quota keeps the
  // ones behind it waiting too, as a queue at a border does.
  std::array<FifoResource, 2> admission_;
  std::array<long, 2> quota_day_ = {-1, -1};
  std::array<int, 2> started_today_ = {0, 0};
};

} // namespace rongou
