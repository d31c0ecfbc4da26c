#include "model/sea/PortQueue.hpp"

#include <algorithm>
#include <cmath>
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
  if (!cutoffs_h_.empty() && cutoff_h < cutoffs_h_.back())
    throw std::logic_error("sailings load in the order of their cut-offs");
  const int sailing = static_cast<int>(cutoffs_h_.size());
  cutoffs_h_.push_back(cutoff_h);
  Loading out;
  while (next_ < order_.size() && arrival_h_[order_[next_]] <= cutoff_h &&
         static_cast<int>(out.boarded.size()) < capacity) {
    const std::uint32_t item = order_[next_++];
    // Every earlier sailing whose cut-off came after this item reached the port found it
    // waiting, and left it behind.
    const auto first_in_time =
        std::lower_bound(cutoffs_h_.begin(), cutoffs_h_.end(), arrival_h_[item]) - cutoffs_h_.begin();
    out.boarded.push_back(item);
    out.times_rolled.push_back(sailing - static_cast<int>(first_in_time));
  }
  const auto waiting_end = std::partition_point(order_.begin() + static_cast<std::ptrdiff_t>(next_), order_.end(),
                                                [&](std::uint32_t i) { return arrival_h_[i] <= cutoff_h; });
  out.rolled = static_cast<std::size_t>(waiting_end - (order_.begin() + static_cast<std::ptrdiff_t>(next_)));
  return out;
}

std::size_t PortQueue::add(double port_arrival_h) {
  if (!cutoffs_h_.empty() && port_arrival_h <= cutoffs_h_.back())
    throw std::logic_error("an item added to a port queue must arrive after the last cut-off");
  if (arrival_h_.size() >= std::numeric_limits<std::uint32_t>::max())
    throw std::length_error("too many containers for one port queue");
  const auto item = static_cast<std::uint32_t>(arrival_h_.size());
  arrival_h_.push_back(port_arrival_h);
  // After every item arriving at the same time or earlier: ties keep index order.
  const auto at = std::upper_bound(order_.begin() + static_cast<std::ptrdiff_t>(next_), order_.end(), port_arrival_h,
                                   [this](double t, std::uint32_t i) { return t < arrival_h_[i]; });
  order_.insert(at, item);
  return item;
}

std::size_t PortQueue::waiting(double cutoff_h) const {
  const auto begin = order_.begin() + static_cast<std::ptrdiff_t>(next_);
  const auto end =
      std::partition_point(begin, order_.end(), [&](std::uint32_t i) { return arrival_h_[i] <= cutoff_h; });
  return static_cast<std::size_t>(end - begin);
}

double sailing_departure_h(const SeaLoop& loop, int k) {
  const int per_week = static_cast<int>(loop.sailing_weekdays.size());
  const int week = k / per_week;
  const int weekday = loop.sailing_weekdays[static_cast<std::size_t>(k % per_week)];
  return 24.0 * (7 * week + weekday) + loop.sailing_hour;
}

double sailing_departure_h(const SeaSpec& sea, int k) {
  SeaLoop single;
  single.sailing_weekdays = sea.sailing_weekdays;
  single.sailing_hour = sea.sailing_hour;
  return sailing_departure_h(single, k);
}

int first_sailing_with_cutoff_after(const SeaLoop& loop, double ready_h) {
  const int per_week = static_cast<int>(loop.sailing_weekdays.size());
  // Start a week before the week of `ready_h` (a cut-off can fall in the week before its sailing).
  const double weeks = std::floor((ready_h + loop.cutoff_hours_before_sailing) / (7 * 24.0));
  int k = std::max(0, (static_cast<int>(weeks) - 1) * per_week);
  while (sailing_departure_h(loop, k) - loop.cutoff_hours_before_sailing < ready_h)
    ++k;
  return k;
}

} // namespace rongou
