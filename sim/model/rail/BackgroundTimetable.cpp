#include "model/rail/BackgroundTimetable.hpp"

#include <algorithm>
#include <cmath>

#include "base/RandomStream.hpp"

namespace rongou {

int month_of_day(double day) {
  const double in_year = std::fmod(day, 365.0);
  return std::min(11, static_cast<int>(in_year / (365.0 / 12.0)));
}

std::vector<double> background_departures_h(const RailService& service, double horizon_days, std::uint64_t seed) {
  std::vector<double> out;
  if (!service.background)
    return out;
  const BackgroundTimetable& t = *service.background;
  const double horizon_h = 24.0 * horizon_days;
  auto rng = RandomStream::derive(seed, "background-" + service.name);
  // Trains due so far (a running sum of the daily rate); the k-th train leaves when the sum
  // passes k + 1/2, so one train a week leaves mid-week rather than at the start of the run.
  double due = 0.0;
  double next = 0.5;
  for (int day = 0; day < static_cast<int>(std::ceil(horizon_days)); ++day) {
    const double factor = t.seasonal_index.empty() ? 1.0 : t.seasonal_index[static_cast<std::size_t>(month_of_day(day))];
    const double per_day = t.trains_per_week * factor / 7.0;
    if (per_day <= 0.0)
      continue;
    const double after = due + per_day;
    while (next <= after) {
      const double nominal_h = 24.0 * (day + (next - due) / per_day);
      const double jitter_h = t.departure_jitter_hours > 0.0
                                  ? rng.uniform(-t.departure_jitter_hours / 2.0, t.departure_jitter_hours / 2.0)
                                  : 0.0;
      const double h = std::clamp(nominal_h + jitter_h, 0.0, horizon_h);
      if (h < horizon_h)
        out.push_back(h);
      next += 1.0;
    }
    due = after;
  }
  std::sort(out.begin(), out.end());
  return out;
}

} // namespace rongou
