#pragma once
// Containers offered at the origin terminal: a Poisson number each day, at uniformly drawn
// gate-in times, its mean the weekly demand / 7 times the calendar's demand factor of the
// day. Containers are data, not actors: trains take them from the queue.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "journal/ChoiceRecords.hpp"
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

  // With `choice:`, the queue holds only the containers whose shippers chose rail by `route`
  // (ChoiceSpec::routes; 0 without routes): the others are passed over. `choices` is indexed
  // by container id and outlives the queue.
  void follow_choices(std::vector<ChoiceRecord>* choices, std::size_t route = 0) {
    choices_ = choices;
    route_ = route;
  }

  // Takes, in gate-in order, up to `room` containers that are at the terminal at time `now_h`.
  std::vector<int> board(double now_h, int room);
  std::size_t waiting(double now_h) const;
  // With choices followed: counts a train that left full on each container still waiting at `now_h`.
  void count_left_behind(double now_h);
  // The first `n` containers not yet taken (fewer if fewer are left), ready or not.
  std::vector<int> queued(std::size_t n) const {
    if (choices_ != nullptr) { // those that chose sea are not in line
      std::vector<int> out;
      for (std::size_t i = next_; i < ids_.size() && out.size() < n; ++i)
        if (!passed_over(ids_[i]))
          out.push_back(ids_[i]);
      return out;
    }
    const std::size_t end = std::min(ids_.size(), next_ + n);
    return {ids_.begin() + static_cast<std::ptrdiff_t>(next_), ids_.begin() + static_cast<std::ptrdiff_t>(end)};
  }

private:
  std::vector<int> ids_;
  const std::vector<double>* gate_in_h_; // indexed by container id
  std::size_t next_ = 0;
  std::vector<ChoiceRecord>* choices_ = nullptr;
  std::size_t route_ = 0;
  bool passed_over(int id) const {
    if (choices_ == nullptr)
      return false;
    const ChoiceRecord& r = (*choices_)[static_cast<std::size_t>(id)];
    return r.mode != ChosenMode::Rail || r.route != route_;
  }
};

} // namespace rongou
