#pragma once
// Containers offered at the origin terminal: a Poisson number each day, at uniformly drawn
// gate-in times, its mean the weekly demand / 7 times the calendar's demand factor of the
// day. Containers are data, not actors: trains take them from the queue.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "scenario/Scenario.hpp"

namespace rongou {

// Gate-in times (hours, ascending) of every container offered in [0, horizon).
std::vector<double> generate_gate_in_hours(const DirectionalDemand& demand, double horizon_days,
                                           std::uint64_t seed, Direction direction, const CalendarSpec& calendar);

// First-come, first-served queue at an origin terminal over pre-generated gate-in times.
class OriginQueue {
public:
  explicit OriginQueue(std::vector<int> container_ids_by_gate_in, const std::vector<double>* gate_in_h)
      : ids_(std::move(container_ids_by_gate_in)), gate_in_h_(gate_in_h) {}

  // Takes, in gate-in order, up to `room` containers that are at the terminal at time `now_h`.
  std::vector<int> board(double now_h, int room);
  std::size_t waiting(double now_h) const;
  // The first `n` containers not yet taken (fewer if fewer are left), ready or not.
  std::vector<int> queued(std::size_t n) const {
    const std::size_t end = std::min(ids_.size(), next_ + n);
    return {ids_.begin() + static_cast<std::ptrdiff_t>(next_), ids_.begin() + static_cast<std::ptrdiff_t>(end)};
  }

private:
  std::vector<int> ids_;
  const std::vector<double>* gate_in_h_; // indexed by container id
  std::size_t next_ = 0;
};

} // namespace rongou
