#pragma once
// A border crossing as a server. A train waits, first come first served within its
// direction, for the crossing to be open (where it has opening hours), for the day's quota
// (where the neighbour accepts only so many trains a day) and then for a processing position,
// and is processed (customs, inspection, hand-over) for its direction's per-train time; a
// train that has started may finish after closing. Its wait is what it spends before a position takes it: nothing
// of it is drawn, all of it comes from the other trains. Where it waits is the train's
// business (Train: on the approach side when the previous stop is the neighbour's station).
#include <array>
#include <string_view>

#include "engine/FifoResource.hpp"
#include "journal/Journal.hpp"
#include "model/corridor/Corridor.hpp"

namespace rongou {

class BorderCrossingServer {
public:
  BorderCrossingServer(std::string_view node, const BorderCrossing& spec);

  // Blocks until the crossing takes a train going `direction`: the day's quota, then a
  // position, which the train holds until it gives the hold back (after its processing, or,
  // where it changes gauge, once the yard takes it: the position is where it waits).
  Hold admit(Direction direction);
  double processing_hours(Direction direction) const {
    return direction == Direction::Westbound ? spec_.processing_hours_westbound : spec_.processing_hours_eastbound;
  }

  // Trains that may start processing on day `day` (from 0) in one direction: a quota of 4.5
  // a day lets 4 and 5 start on alternate days, and an unused quota is not carried over.
  static int quota_on_day(double trains_per_day, long day);

  // Opening hours: whether a train may start at `t_h`, and the next time it may (t_h itself
  // when open). Open around the clock without opening hours.
  static bool open_at(const BorderCrossing& spec, double t_h);
  static double next_opening_h(const BorderCrossing& spec, double t_h);

private:
  // The day's quota: false, having slept to the next day, when it is used up.
  bool take_quota(int direction);

  BorderCrossing spec_;
  FifoResource positions_;
  // Admission in order within a direction: a train waiting for tomorrow's quota keeps the
  // ones behind it waiting too, as a queue at a border does.
  std::array<FifoResource, 2> admission_;
  std::array<long, 2> quota_day_ = {-1, -1};
  std::array<int, 2> started_today_ = {0, 0};
};

} // namespace rongou
