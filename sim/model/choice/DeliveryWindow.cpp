#include "model/choice/DeliveryWindow.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace rongou {

void DeliveryWindow::add(double arrived_h, double days) { items_.emplace_back(arrived_h, days); }

WindowStats DeliveryWindow::stats(double now_h, const std::vector<double>& overdue_days) {
  // Items come in the order they were seen delivered, not strictly by arrival time: drop by value.
  items_.erase(std::remove_if(items_.begin(), items_.end(),
                              [&](const auto& item) { return item.first <= now_h - window_h_; }),
               items_.end());
  WindowStats out;
  std::vector<double> days;
  days.reserve(items_.size());
  for (const auto& [arrived_h, d] : items_)
    if (arrived_h <= now_h)
      days.push_back(d);
  out.deliveries = static_cast<int>(days.size());
  if (days.empty())
    return out;
  double sum = 0.0;
  for (double d : days)
    sum += d;
  const double delivered_mean = sum / static_cast<double>(days.size());
  for (double d : overdue_days)
    if (d > delivered_mean) {
      days.push_back(d);
      sum += d;
    }
  out.mean_days = sum / static_cast<double>(days.size());
  const auto rank = static_cast<std::size_t>(std::ceil(0.95 * static_cast<double>(days.size())));
  const auto at = days.begin() + static_cast<std::ptrdiff_t>(std::max<std::size_t>(rank, 1) - 1);
  std::nth_element(days.begin(), at, days.end());
  out.p95_days = *at;
  return out;
}

} // namespace rongou
