#include "output/report/TimeSeries.hpp"

#include <map>

namespace rongou::report {

std::vector<StepSeries> group_step_series(const CsvTable& table, const std::string& key_column,
                                          const std::vector<std::string>& value_columns, double end_h) {
  std::vector<StepSeries> series;
  if (table.empty())
    return series;
  std::map<std::string, std::size_t> index;
  const auto key = table.column(key_column), time = table.column("time_h");
  const auto size = table.index_of("size");
  std::vector<std::size_t> values;
  for (const auto& c : value_columns)
    values.push_back(table.column(c));
  for (std::size_t r = 0; r < table.rows(); ++r) {
    auto [it, added] = index.emplace(table.cell(r, key), series.size());
    if (added) {
      series.push_back({table.cell(r, key), size ? table.number(r, *size).value_or(0.0) : 0.0, {}});
    }
    std::vector<double> v;
    for (auto c : values)
      v.push_back(table.number(r, c).value_or(0.0));
    series[it->second].points.emplace_back(table.number(r, time).value_or(0.0) / 24.0, std::move(v));
  }
  for (auto& s : series)
    if (!s.points.empty() && s.points.back().first < end_h / 24.0)
      s.points.emplace_back(end_h / 24.0, s.points.back().second);
  return series;
}

} // namespace rongou::report
