#include "results/SensitivityTable.hpp"

#include <cmath>
#include <algorithm>
#include <limits>
#include <stdexcept>

namespace rongou {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

double arc_elasticity(double x_base, double x_lo, double x_hi, double y_base, double y_lo, double y_hi) {
  if (x_base == 0.0 || y_base == 0.0 || x_hi == x_lo)
    return kNaN;
  return ((y_hi - y_lo) / y_base) / ((x_hi - x_lo) / x_base);
}

double parameter_value(const SensitivityParameter& p, double unit) {
  const double v = p.lo + unit * (p.hi - p.lo);
  return p.integer ? std::round(v) : v;
}

std::pair<double, double> one_at_a_time_values(const SensitivityParameter& p, double step) {
  double delta = std::fabs(p.base) * step;
  if (p.integer)
    delta = std::max(1.0, std::round(delta));
  return {p.base - delta, p.base + delta};
}

std::size_t sensitivity_point_count(std::size_t parameters, const MorrisDesign& design) {
  return 1 + 2 * parameters + design.points.size();
}

std::vector<SensitivityRow> sensitivity_table(const std::vector<SensitivityParameter>& parameters,
                                              const std::vector<std::string>& metrics, const MorrisDesign& design,
                                              const std::vector<std::vector<double>>& values,
                                              const std::vector<std::vector<double>>& outputs) {
  const std::size_t k = parameters.size();
  if (values.size() != sensitivity_point_count(k, design) || outputs.size() != values.size())
    throw std::invalid_argument("sensitivity_table: one row of values and outputs per point");
  // The design with the steps actually taken, in units of each parameter's range.
  MorrisDesign taken = design;
  const std::size_t first = 1 + 2 * k;
  for (std::size_t i = 0; i < design.points.size(); ++i) {
    const std::size_t j = design.moved[i];
    if (j == k)
      continue;
    const double range = parameters[j].hi - parameters[j].lo;
    taken.step[i] = range == 0.0 ? 0.0 : (values[first + i][j] - values[first + i - 1][j]) / range;
  }
  std::vector<SensitivityRow> rows;
  for (std::size_t m = 0; m < metrics.size(); ++m) {
    std::vector<double> y;
    for (std::size_t i = 0; i < design.points.size(); ++i)
      y.push_back(outputs[first + i][m]);
    // A step rounded to nothing measures nothing.
    for (std::size_t i = 0; i < design.points.size(); ++i)
      if (taken.moved[i] != k && taken.step[i] == 0.0)
        y[i] = kNaN;
    const auto effects = morris_effects(taken, y);
    for (std::size_t j = 0; j < k; ++j) {
      SensitivityRow r;
      r.parameter = parameters[j].key;
      r.metric = metrics[m];
      r.base_value = parameters[j].base;
      r.low_value = values[1 + 2 * j][j];
      r.high_value = values[2 + 2 * j][j];
      r.metric_base = outputs[0][m];
      r.metric_low = outputs[1 + 2 * j][m];
      r.metric_high = outputs[2 + 2 * j][m];
      r.elasticity = arc_elasticity(r.base_value, r.low_value, r.high_value, r.metric_base, r.metric_low, r.metric_high);
      r.morris = effects[j];
      rows.push_back(std::move(r));
    }
  }
  // Parameter by parameter.
  std::stable_sort(rows.begin(), rows.end(), [&](const SensitivityRow& a, const SensitivityRow& b) {
    const auto index = [&](const std::string& key) {
      for (std::size_t j = 0; j < k; ++j)
        if (parameters[j].key == key)
          return j;
      return k;
    };
    return index(a.parameter) < index(b.parameter);
  });
  return rows;
}

} // namespace rongou
