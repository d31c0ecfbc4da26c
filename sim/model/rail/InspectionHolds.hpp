#pragma once
// Containers held for inspection at nodes (rail.inspections), waiting for a train to go on
// with. Lazy: a held box is only a queue entry with the time its hold ends; a train passing
// the node takes the boxes whose hold has ended by then. No engine event per box.
#include <cstddef>
#include <map>
#include <tuple>
#include <utility>
#include <vector>

#include "scenario/Scenario.hpp"

namespace rongou {

class InspectionHolds {
public:
  struct Held {
    int container = 0;
    int record = 0;        // index into Journal::inspection_holds
    double detached_h = 0.0;
  };
  // Box `held` of lane `lane` travelling in direction `d`, held at inspection `inspection`
  // until `ready_h`.
  void hold(int inspection, int lane, Direction d, double ready_h, Held held);
  // Up to `room` boxes of that queue whose hold has ended by `now_h`: those whose hold ended
  // first, ties by container id (so the order does not depend on actor scheduling).
  std::vector<Held> board(int inspection, int lane, Direction d, double now_h, int room);
  std::size_t waiting() const;

private:
  using Queue = std::map<std::pair<double, int>, Held>; // by (ready_h, container)
  std::map<std::tuple<int, int, Direction>, Queue> queues_;
};

} // namespace rongou
