#include "model/demand/ContainerDemand.hpp"

#include <algorithm>

#include "base/RandomStream.hpp"

namespace rongou {

std::vector<double> generate_gate_in_hours(const DirectionalDemand& demand, double horizon_days,
                                           std::uint64_t seed, Direction direction, const CalendarSpec& calendar) {
  auto rng = RandomStream::derive(seed, direction == Direction::Westbound ? "demand-westbound" : "demand-eastbound");
  std::vector<double> gate_in;
  const double per_day = demand.feu_per_week / 7.0;
  const auto days = static_cast<int>(horizon_days);
  for (int day = 0; day < days; ++day) {
    // A factor of exactly 1 leaves the mean, and so every draw, as without a calendar.
    const auto count = rng.poisson(per_day * calendar.demand_factor(direction, day));
    const std::size_t first = gate_in.size();
    for (std::uint64_t k = 0; k < count; ++k)
      gate_in.push_back(24.0 * day + rng.uniform(0.0, 24.0));
    std::sort(gate_in.begin() + static_cast<std::ptrdiff_t>(first), gate_in.end());
  }
  return gate_in;
}

std::vector<int> OriginQueue::board(double now_h, int room) {
  std::vector<int> boarded;
  if (choices_ == nullptr) {
    while (next_ < ids_.size() && static_cast<int>(boarded.size()) < room &&
           (*gate_in_h_)[static_cast<std::size_t>(ids_[next_])] <= now_h)
      boarded.push_back(ids_[next_++]);
    return boarded;
  }
  // Boxes that went by sea stay in the list, passed over; the first ones left for rail board
  // in gate-in order. A box passed over is behind the boarding point for good.
  while (next_ < ids_.size() && passed_over(ids_[next_]))
    ++next_;
  std::size_t i = next_;
  for (; i < ids_.size() && static_cast<int>(boarded.size()) < room &&
         (*gate_in_h_)[static_cast<std::size_t>(ids_[i])] <= now_h;
       ++i)
    if (!passed_over(ids_[i])) {
      boarded.push_back(ids_[i]);
      (*choices_)[static_cast<std::size_t>(ids_[i])].boarded = true;
    }
  // Those passed over between next_ and i were all chosen for sea: the line starts after them.
  next_ = i;
  return boarded;
}

std::size_t OriginQueue::waiting(double now_h) const {
  std::size_t n = 0;
  for (std::size_t i = next_; i < ids_.size() && (*gate_in_h_)[static_cast<std::size_t>(ids_[i])] <= now_h; ++i)
    if (!passed_over(ids_[i]))
      ++n;
  return n;
}

void OriginQueue::count_left_behind(double now_h) {
  if (choices_ == nullptr)
    return;
  for (std::size_t i = next_; i < ids_.size() && (*gate_in_h_)[static_cast<std::size_t>(ids_[i])] <= now_h; ++i)
    if (!passed_over(ids_[i])) {
      auto& left = (*choices_)[static_cast<std::size_t>(ids_[i])].left_behind;
      if (left < 0xFF)
        ++left;
    }
}

} // namespace rongou
