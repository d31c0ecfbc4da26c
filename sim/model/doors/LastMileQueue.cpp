#include "model/doors/LastMileQueue.hpp"

#include <algorithm>
#include <functional>
#include <numeric>
#include <queue>
#include <utility>

namespace rongou {

std::vector<LastMileTrip> serve_last_mile(const std::vector<LastMileJob>& jobs, int trucks) {
  std::vector<std::size_t> order(jobs.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return jobs[a].ready_h < jobs[b].ready_h; });
  // (free at, vehicle number): the earliest free vehicle first, the lowest number among equals.
  using Vehicle = std::pair<double, int>;
  std::priority_queue<Vehicle, std::vector<Vehicle>, std::greater<>> free_at;
  for (int v = 0; v < std::max(trucks, 1); ++v)
    free_at.push({0.0, v});
  std::vector<LastMileTrip> trips(jobs.size());
  for (std::size_t i : order) {
    const auto [free_h, vehicle] = free_at.top();
    free_at.pop();
    const double start_h = std::max(jobs[i].ready_h, free_h);
    trips[i].wait_h = start_h - jobs[i].ready_h;
    trips[i].delivered_h = start_h + jobs[i].drive_h;
    free_at.push({start_h + 2.0 * jobs[i].drive_h, vehicle});
  }
  return trips;
}

} // namespace rongou
