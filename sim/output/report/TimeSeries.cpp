#include "output/report/TimeSeries.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <map>

#include "output/report/RunData.hpp"
#include "scenario/Diagnostics.hpp"

namespace rongou::report {

std::vector<StepSeries> group_step_series(const CsvTable& table, const std::string& key_column,
                                          const std::vector<std::string>& value_columns, double end_h) {
  std::vector<StepSeries> series;
  if (table.empty())
    return series;
  std::map<std::string, std::size_t, std::less<>> index;
  const auto key = table.column(key_column), time = table.column("time_h");
  const auto size = table.index_of("size");
  std::vector<std::size_t> values;
  for (const auto& c : value_columns)
    values.push_back(table.column(c));
  for (std::size_t r = 0; r < table.rows(); ++r) {
    auto [it, added] = index.emplace(table.cell(r, key), series.size());
    if (added && series.size() == kMaxStepSeries)
      throw InputError(fmt::format("{}: {}: more than {} different values; a run has a handful", table.place(r),
                                   key_column, kMaxStepSeries));
    if (added) {
      series.push_back({std::string(table.cell(r, key)), size ? table.number(r, *size, 0.0).value_or(0.0) : 0.0, {}});
    }
    std::vector<double> v;
    for (auto c : values)
      v.push_back(table.number(r, c).value_or(0.0));
    // Several changes at one instant show as their last state; unchanged states add nothing
    // to a step plot but size to the SVG.
    auto& points = series[it->second].points;
    const double t = table.number(r, time).value_or(0.0) / 24.0;
    if (!points.empty() && points.back().first == t)
      points.pop_back();
    if (!points.empty() && points.back().second == v)
      continue;
    points.emplace_back(t, std::move(v));
  }
  for (auto& s : series)
    if (!s.points.empty() && s.points.back().first < end_h / 24.0)
      s.points.emplace_back(end_h / 24.0, s.points.back().second);
  return series;
}

} // namespace rongou::report

namespace rongou::report {

std::vector<DailyProfile> daily_profile(const StepSeries& series, std::size_t value, double end_days, double initial) {
  std::vector<DailyProfile> days;
  const auto& p = series.points;
  if (p.empty())
    return days;
  const int last_day = static_cast<int>(std::ceil(end_days)) - 1;
  // p[k - 1] is the state in force at the start of the current day (k = 0: the initial state).
  std::size_t k = 0;
  for (int d = 0; d <= last_day; ++d) {
    const double from = d, to = d + 1.0;
    while (k < p.size() && p[k].first <= from)
      ++k;
    double v = k == 0 ? initial : p[k - 1].second[value];
    DailyProfile day{d, 0.0, v, v};
    double t = from, weighted = 0.0;
    for (std::size_t j = k; j < p.size() && p[j].first < to; ++j) {
      weighted += v * (p[j].first - t);
      t = p[j].first;
      v = p[j].second[value];
      day.min = std::min(day.min, v);
      day.max = std::max(day.max, v);
    }
    weighted += v * (to - t);
    day.mean = weighted;
    days.push_back(day);
  }
  return days;
}

} // namespace rongou::report
