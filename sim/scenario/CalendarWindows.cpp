#include "scenario/CalendarWindows.hpp"

#include <algorithm>
#include <cmath>

#include "base/RandomStream.hpp"

namespace rongou {

double CalendarSpec::demand_factor(Direction d, double day) const {
  double factor = 1.0;
  for (const auto& p : demand)
    if ((!p.direction || *p.direction == d) && day >= p.days.from_day && day < p.days.to_day)
      factor *= p.factor;
  return factor;
}

namespace {

std::vector<DayRange> merged(std::vector<DayRange> windows) {
  std::sort(windows.begin(), windows.end(), [](const DayRange& a, const DayRange& b) {
    return a.from_day < b.from_day || (a.from_day == b.from_day && a.to_day < b.to_day);
  });
  std::vector<DayRange> out;
  for (const auto& w : windows) {
    if (!out.empty() && w.from_day <= out.back().to_day)
      out.back().to_day = std::max(out.back().to_day, w.to_day);
    else
      out.push_back(w);
  }
  return out;
}

} // namespace

std::vector<DayRange> closure_windows(const CalendarClosure& closure, double horizon_days) {
  std::vector<DayRange> windows;
  for (int day = 0; day < static_cast<int>(std::ceil(horizon_days)); ++day)
    if (std::find(closure.weekdays.begin(), closure.weekdays.end(), day % 7) != closure.weekdays.end())
      windows.push_back({day + closure.from_hour / 24.0, day + closure.to_hour / 24.0});
  for (const auto& h : closure.holidays)
    windows.push_back(h);
  std::vector<DayRange> out;
  for (auto w : merged(std::move(windows))) {
    if (w.from_day >= horizon_days)
      continue;
    w.to_day = std::min(w.to_day, horizon_days);
    out.push_back(w);
  }
  return out;
}

std::vector<DayRange> weather_windows(const RandomWindows& weather, std::size_t item, std::uint64_t seed,
                                      double horizon_days) {
  auto rng = RandomStream::derive(seed, "calendar-weather", item);
  constexpr double kYearDays = 365.0;
  // The season within a year, as one or two ranges of days of that year.
  std::vector<DayRange> parts;
  if (!weather.season)
    parts.push_back({0.0, kYearDays});
  else if (weather.season->from_day < weather.season->to_day)
    parts.push_back(*weather.season);
  else
    parts = {{weather.season->from_day, kYearDays}, {0.0, weather.season->to_day}};
  double season_days = 0.0;
  for (const auto& p : parts)
    season_days += p.to_day - p.from_day;
  std::vector<DayRange> out;
  for (int year = 0; year * kYearDays < horizon_days; ++year) {
    const auto count = rng.poisson(weather.windows_per_season);
    for (std::uint64_t k = 0; k < count; ++k) {
      // A uniform point of the season, laid out over its parts.
      double at = rng.uniform(0.0, season_days);
      double start = 0.0;
      for (const auto& p : parts) {
        if (at < p.to_day - p.from_day) {
          start = year * kYearDays + p.from_day + at;
          break;
        }
        at -= p.to_day - p.from_day;
      }
      const double hours = weather.duration_hours.sample(rng);
      if (start >= horizon_days || hours <= 0.0)
        continue;
      out.push_back({start, std::min(horizon_days, start + hours / 24.0)});
    }
  }
  std::sort(out.begin(), out.end(), [](const DayRange& a, const DayRange& b) { return a.from_day < b.from_day; });
  return out;
}

void expand_calendar(Scenario& scenario) {
  auto& list = scenario.disruptions;
  list.erase(std::remove_if(list.begin(), list.end(), [](const Disruption& d) { return !d.origin.empty(); }),
             list.end());
  const auto& calendar = scenario.calendar;
  for (const auto& closure : calendar.closures)
    for (const auto& w : closure_windows(closure, scenario.horizon_days)) {
      Disruption d;
      d.kind = DisruptionKind::Closure;
      d.path = closure.path + ".node";
      d.node = closure.node;
      d.from_day = w.from_day;
      d.to_day = w.to_day;
      d.origin = closure.path;
      d.origin_name = closure.name;
      list.push_back(std::move(d));
    }
  for (std::size_t i = 0; i < calendar.weather.size(); ++i) {
    const auto& weather = calendar.weather[i];
    for (const auto& w : weather_windows(weather, i, scenario.seed, scenario.horizon_days)) {
      Disruption d;
      d.kind = weather.kind;
      d.from_day = w.from_day;
      d.to_day = w.to_day;
      d.speed_factor = weather.speed_factor;
      d.origin = weather.path;
      d.origin_name = weather.name;
      if (!weather.node.empty()) {
        d.path = weather.path + ".node";
        d.node = weather.node;
        list.push_back(d);
        continue;
      }
      for (std::size_t k = 0; k < weather.segments.size(); ++k) {
        d.path = weather.path + ".segments." + std::to_string(k);
        d.segment = weather.segments[k];
        list.push_back(d);
      }
    }
  }
}

} // namespace rongou
