#include "results/Confidence.hpp"

#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace rongou {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double sample_variance(const std::vector<double>& x, double mean) {
  double ss = 0.0;
  for (double v : x)
    ss += (v - mean) * (v - mean);
  return ss / static_cast<double>(x.size() - 1);
}

double mean_of(const std::vector<double>& x) {
  double sum = 0.0;
  for (double v : x)
    sum += v;
  return sum / static_cast<double>(x.size());
}

} // namespace

double student_t_cdf(double t, double df) {
  return boost::math::cdf(boost::math::students_t_distribution<double>(df), t);
}

double student_t_quantile(double p, double df) {
  if (!(p > 0.0 && p < 1.0) || !(df > 0.0))
    throw std::invalid_argument("student_t_quantile: need 0 < p < 1 and df > 0");
  return boost::math::quantile(boost::math::students_t_distribution<double>(df), p);
}

double normal_quantile(double p) {
  if (!(p > 0.0 && p < 1.0))
    throw std::invalid_argument("normal_quantile: need 0 < p < 1");
  return boost::math::quantile(boost::math::normal_distribution<double>(), p);
}

MeanCi mean_ci95(const std::vector<double>& sample) {
  MeanCi ci;
  ci.n = sample.size();
  if (sample.empty()) {
    ci.mean = kNaN;
    ci.half_width = kNaN;
    return ci;
  }
  ci.mean = mean_of(sample);
  if (sample.size() < 2) {
    ci.half_width = kNaN;
    return ci;
  }
  const double df = static_cast<double>(sample.size() - 1);
  ci.half_width = student_t_quantile(0.975, df) * std::sqrt(sample_variance(sample, ci.mean) / sample.size());
  return ci;
}

DifferenceCi welch_difference(const std::vector<double>& a, const std::vector<double>& b) {
  DifferenceCi d;
  d.half_width = kNaN;
  d.df = kNaN;
  if (a.empty() || b.empty()) {
    d.difference = kNaN;
    return d;
  }
  const double ma = mean_of(a);
  const double mb = mean_of(b);
  d.difference = ma - mb;
  if (a.size() < 2 || b.size() < 2)
    return d;
  const double va = sample_variance(a, ma) / a.size();
  const double vb = sample_variance(b, mb) / b.size();
  const double se2 = va + vb;
  if (se2 == 0.0) { // both samples constant: the difference is exact
    d.half_width = 0.0;
    d.df = static_cast<double>(a.size() + b.size() - 2);
    d.significant = d.difference != 0.0;
    return d;
  }
  // Welch-Satterthwaite degrees of freedom.
  d.df = se2 * se2 / (va * va / (a.size() - 1) + vb * vb / (b.size() - 1));
  d.half_width = student_t_quantile(0.975, d.df) * std::sqrt(se2);
  d.significant = std::fabs(d.difference) > d.half_width;
  return d;
}

DifferenceCi paired_difference(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size())
    throw std::invalid_argument("paired_difference: samples of different length");
  std::vector<double> diff(a.size());
  for (std::size_t i = 0; i < a.size(); ++i)
    diff[i] = a[i] - b[i];
  const MeanCi ci = mean_ci95(diff);
  DifferenceCi d;
  d.difference = ci.mean;
  d.half_width = ci.half_width;
  d.df = diff.size() >= 2 ? static_cast<double>(diff.size() - 1) : kNaN;
  if (std::isnan(ci.half_width))
    return d;
  d.significant = ci.half_width == 0.0 ? ci.mean != 0.0 : std::fabs(ci.mean) > ci.half_width;
  return d;
}

} // namespace rongou
