#pragma once
// The table of `rongou sensitivity`: for each parameter and metric, the one-at-a-time arc
// elasticity around the scenario's value and the Morris screening measures
// (results/MorrisScreening). Pure, no SimGrid.
//
// Points are laid out as: 0 the unchanged scenario; 1 + 2j and 2 + 2j parameter j one step
// below and above its base value; then the Morris design's points in order.
#include <cstddef>
#include <string>
#include <vector>

#include "results/MorrisScreening.hpp"

namespace rongou {

struct SensitivityParameter {
  std::string key;   // dotted scenario path
  double lo = 0.0;   // the range Morris screens
  double hi = 0.0;
  double base = 0.0; // the scenario's value (the middle of the range when the file has none)
  bool integer = false; // values are rounded to whole numbers (counts)
};

// The central arc elasticity: ((y_hi - y_lo) / y_base) / ((x_hi - x_lo) / x_base): the
// relative change of the output per relative change of the input. NaN when x_base or
// y_base is 0, or x_hi == x_lo.
double arc_elasticity(double x_base, double x_lo, double x_hi, double y_base, double y_lo, double y_hi);

// The parameter's value at a point of the unit interval (Morris levels), rounded for an
// integer parameter.
double parameter_value(const SensitivityParameter& p, double unit);
// Its values one step below and above the base (step a fraction, 0.1 for ±10 %); an integer
// parameter moves by at least 1.
std::pair<double, double> one_at_a_time_values(const SensitivityParameter& p, double step);

struct SensitivityRow {
  std::string parameter;
  std::string metric;
  double base_value = 0.0, low_value = 0.0, high_value = 0.0;
  double metric_base = 0.0, metric_low = 0.0, metric_high = 0.0;
  double elasticity = 0.0;
  MorrisEffect morris;
};

std::size_t sensitivity_point_count(std::size_t parameters, const MorrisDesign& design);

// `values[p][j]`: parameter j at point p; `outputs[p][m]`: metric m at point p (NaN where the
// point failed or lacks the metric). Rows parameter by parameter, metric by metric. Morris
// effects use the steps actually taken (integer parameters are rounded), scaled by each
// parameter's range, so a linear response gives its change over the whole range.
std::vector<SensitivityRow> sensitivity_table(const std::vector<SensitivityParameter>& parameters,
                                              const std::vector<std::string>& metrics, const MorrisDesign& design,
                                              const std::vector<std::vector<double>>& values,
                                              const std::vector<std::vector<double>>& outputs);

} // namespace rongou
