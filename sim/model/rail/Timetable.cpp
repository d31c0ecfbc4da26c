#include "model/rail/Timetable.hpp"

namespace rongou {

std::vector<double> planned_departures_h(const RailService& service, double horizon_days) {
  std::vector<double> out;
  const double horizon_h = horizon_days * 24.0;
  for (int week = 0; 7.0 * 24.0 * week < horizon_h; ++week)
    for (int weekday : service.departure_weekdays) {
      const double t = 24.0 * (7 * week + weekday) + service.departure_hour;
      if (t < horizon_h)
        out.push_back(t);
    }
  return out;
}

} // namespace rongou
