#include "model/choice/RailBooking.hpp"

#include <algorithm>

#include "model/rail/Timetable.hpp"

namespace rongou {

std::vector<RailDeparture> planned_departures(const Scenario& scenario, int lane, Direction direction,
                                              double until_days, std::optional<std::size_t> route) {
  std::vector<RailDeparture> out;
  for (std::size_t s = 0; s < scenario.rail.services.size(); ++s) {
    const RailService& service = scenario.rail.services[s];
    if (service.lane != lane || service.direction != direction || service.background)
      continue;
    if (route && scenario.choice && scenario.choice->route_of_service(s) != *route)
      continue;
    for (double at_h : planned_departures_h(service, until_days))
      out.push_back({at_h, service.max_feu});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const RailDeparture& a, const RailDeparture& b) { return a.at_h < b.at_h; });
  return out;
}

std::optional<double> booked_departure_h(const std::vector<RailDeparture>& departures, double from_h,
                                         double ready_h, int ahead) {
  auto it = std::lower_bound(departures.begin(), departures.end(), from_h,
                             [](const RailDeparture& d, double h) { return d.at_h < h; });
  long slots = 0;
  for (; it != departures.end(); ++it) {
    slots += it->slots;
    if (it->at_h >= ready_h && slots > ahead)
      return it->at_h;
  }
  return std::nullopt;
}

ExpectedDays booked_expectation(const ExpectedDays& from_departure, double booked_wait_days) {
  return ExpectedDays{from_departure.mean_days + booked_wait_days, from_departure.p95_days + booked_wait_days};
}

} // namespace rongou
