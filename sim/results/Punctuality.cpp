#include "results/Punctuality.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "results/Statistics.hpp"

namespace rongou {

TrainPunctuality train_punctuality(const Journal& journal, int lane, Direction d, double window_start_h,
                                   double window_end_h, double tolerance_minutes) {
  // The last arrival of every root train's parts; a part not arrived leaves the train out.
  const std::size_t n = journal.trains.size();
  std::vector<double> last_arrival_h(n, 0.0);
  std::vector<bool> all_arrived(n, true);
  for (std::size_t i = 0; i < n; ++i) {
    std::size_t root = i;
    while (journal.trains[root].parent >= 0)
      root = static_cast<std::size_t>(journal.trains[root].parent);
    const auto& arrived = journal.trains[i].arrived_h;
    if (!arrived)
      all_arrived[root] = false;
    else
      last_arrival_h[root] = std::max(last_arrival_h[root], *arrived);
  }
  std::map<std::string, std::vector<double>> transit_by_service; // arrival - planned departure, hours
  std::vector<std::pair<const std::string*, double>> trains;
  for (std::size_t i = 0; i < n; ++i) {
    const auto& t = journal.trains[i];
    if (t.lane != lane || t.direction != d || t.parent >= 0 || t.background || !all_arrived[i] ||
        t.planned_departure_h < window_start_h || t.planned_departure_h >= window_end_h)
      continue;
    const double transit_h = last_arrival_h[i] - t.planned_departure_h;
    transit_by_service[t.service].push_back(transit_h);
    trains.emplace_back(&t.service, transit_h);
  }
  std::map<std::string, double> scheduled_h;
  for (auto& [service, transits] : transit_by_service) {
    std::sort(transits.begin(), transits.end());
    scheduled_h[service] = percentile_sorted(transits, 0.5);
  }
  TrainPunctuality p;
  p.trains = static_cast<int>(trains.size());
  if (trains.empty())
    return p;
  const double tolerance_h = tolerance_minutes / 60.0;
  std::vector<double> delays_h;
  int on_time = 0;
  int over_2h = 0;
  double late_sum_h = 0.0;
  for (const auto& [service, transit_h] : trains) {
    const double delay_h = std::max(0.0, transit_h - scheduled_h.at(*service));
    delays_h.push_back(delay_h);
    if (delay_h < tolerance_h) {
      ++on_time;
    } else {
      late_sum_h += delay_h;
    }
    if (delay_h >= 2.0)
      ++over_2h;
  }
  const double count = static_cast<double>(trains.size());
  p.on_time_share = on_time / count;
  p.late_mean_hours = on_time < p.trains ? late_sum_h / (p.trains - on_time) : 0.0;
  std::sort(delays_h.begin(), delays_h.end());
  p.delay_p95_hours = percentile_sorted(delays_h, 0.95);
  p.over_2h_share = over_2h / count;
  return p;
}

} // namespace rongou
