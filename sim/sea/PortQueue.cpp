#include "sea/PortQueue.hpp"

#include <algorithm>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace rongou {

PortQueue::PortQueue(std::vector<double> port_arrival_h) : arrival_h_(std::move(port_arrival_h)) {
  if (arrival_h_.size() > std::numeric_limits<std::uint32_t>::max())
    throw std::length_error("too many containers for one port queue");
  order_.resize(arrival_h_.size());
  std::iota(order_.begin(), order_.end(), std::uint32_t{0});
  std::stable_sort(order_.begin(), order_.end(),
                   [this](std::uint32_t a, std::uint32_t b) { return arrival_h_[a] < arrival_h_[b]; });
}

PortQueue::Loading PortQueue::load(double cutoff_h, int capacity) {
  Loading out;
  while (next_ < order_.size() && arrival_h_[order_[next_]] <= cutoff_h) {
    if (static_cast<int>(out.boarded.size()) < capacity)
      out.boarded.push_back(order_[next_++]);
    else
      break;
  }
  for (std::size_t i = next_; i < order_.size() && arrival_h_[order_[i]] <= cutoff_h; ++i)
    out.rolled.push_back(order_[i]);
  return out;
}

double sailing_departure_h(const SeaSpec& sea, int k) {
  const int per_week = static_cast<int>(sea.sailing_weekdays.size());
  const int week = k / per_week;
  const int weekday = sea.sailing_weekdays[static_cast<std::size_t>(k % per_week)];
  return 24.0 * (7 * week + weekday) + sea.sailing_hour;
}

} // namespace rongou
