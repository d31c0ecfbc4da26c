#pragma once
// Step time series grouped by a key column (one yard, one pool), in order of first
// appearance, for the yard and locomotive charts.
#include <string>
#include <vector>

#include "output/report/CsvTable.hpp"

namespace rongou::report {

struct StepSeries {
  std::string key;
  double size = 0.0; // e.g. the pool's size, when the file has one
  std::vector<std::pair<double, std::vector<double>>> points; // time_days, values
};

// Most series a chart draws, one panel each: a run has a handful of yards and pools.
inline constexpr std::size_t kMaxStepSeries = 100;

// Groups rows of `table` by `key_column`; each point holds `value_columns` at `time_h` / 24.
// A last point at `end_h` carries the final values to the end of the run. Throws InputError
// for more than kMaxStepSeries keys, a number that is not finite or out of range (CsvTable::number).
std::vector<StepSeries> group_step_series(const CsvTable& table, const std::string& key_column,
                                          const std::vector<std::string>& value_columns, double end_h);

} // namespace rongou::report

namespace rongou::report {

// A step series summarised per day of the run: time-weighted mean, minimum and maximum of
// one value over [day, day + 1). Keeps a year of minute-by-minute changes readable.
struct DailyProfile {
  int day = 0;
  double mean = 0.0;
  double min = 0.0;
  double max = 0.0;
};
// `initial` is the value before the first sample (an empty yard, a full depot).
std::vector<DailyProfile> daily_profile(const StepSeries& series, std::size_t value, double end_days, double initial);

} // namespace rongou::report
