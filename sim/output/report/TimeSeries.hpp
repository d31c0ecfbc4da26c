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

// Groups rows of `table` by `key_column`; each point holds `value_columns` at `time_h` / 24.
// A last point at `end_h` carries the final values to the end of the run.
std::vector<StepSeries> group_step_series(const CsvTable& table, const std::string& key_column,
                                          const std::vector<std::string>& value_columns, double end_h);

} // namespace rongou::report
