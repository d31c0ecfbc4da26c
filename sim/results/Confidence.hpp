#pragma once
// Confidence intervals across independent replications: Student t for one mean, Welch for
// the difference of two independent means, paired t for common-random-number pairs.
// Pure functions, no SimGrid.
#include <cstddef>
#include <vector>

namespace rongou {

// Quantiles and distribution functions from Boost.Math (Debian libboost-math-dev): Student's
// t with `df` degrees of freedom (df may be fractional, as Welch's is) and the standard
// normal. Quantiles throw std::invalid_argument unless 0 < p < 1 (and df > 0).
double student_t_quantile(double p, double df);
double student_t_cdf(double t, double df);
double normal_quantile(double p);

struct MeanCi {
  std::size_t n = 0;
  double mean = 0.0;
  double half_width = 0.0; // of the 95 % interval; NaN when n < 2
};
MeanCi mean_ci95(const std::vector<double>& sample);

struct DifferenceCi {
  double difference = 0.0; // a - b
  double half_width = 0.0; // 95 %; NaN when there are too few replications
  double df = 0.0;
  bool significant = false; // the interval excludes zero
};
// Welch's unequal-variance interval for mean(a) - mean(b).
DifferenceCi welch_difference(const std::vector<double>& a, const std::vector<double>& b);
// Paired interval on a[i] - b[i] (a and b of equal length, element i from the same seed).
DifferenceCi paired_difference(const std::vector<double>& a, const std::vector<double>& b);

} // namespace rongou
