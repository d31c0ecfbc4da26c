#include "results/Statistics.hpp"

#include <algorithm>
#include <boost/sort/spreadsort/float_sort.hpp>
#include <cmath>
#include <numeric>

namespace rongou {

namespace {

// Ascending. Boost's float_sort, a radix sort on the values' bits, takes about a third of the
// time std::sort takes on the hundreds of thousands of waits and transit times of a long run.
// It is used only where every value is a number with its sign bit clear (0.0 or more, no NaN,
// no -0.0): there equal values are the same bits, so both sorts give the one sequence, and the
// mean summed in it is the same; its integer arithmetic on negative values' bits also
// overflows. Any other sample goes to std::sort.
void sort_sample(std::vector<double>& sample) {
  const bool non_negative =
      std::none_of(sample.begin(), sample.end(), [](double v) { return std::isnan(v) || std::signbit(v); });
  if (non_negative)
    boost::sort::spreadsort::float_sort(sample.begin(), sample.end());
  else
    std::sort(sample.begin(), sample.end());
}

} // namespace

double percentile_sorted(const std::vector<double>& sorted, double p) {
  if (sorted.empty())
    return 0.0;
  const double h = (static_cast<double>(sorted.size()) - 1.0) * p;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const auto hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

SampleSummary describe(std::vector<double> sample) {
  SampleSummary d;
  d.count = sample.size();
  if (sample.empty())
    return d;
  sort_sample(sample);
  d.mean = std::accumulate(sample.begin(), sample.end(), 0.0) / static_cast<double>(sample.size());
  d.p50 = percentile_sorted(sample, 0.50);
  d.p90 = percentile_sorted(sample, 0.90);
  d.p95 = percentile_sorted(sample, 0.95);
  d.p99 = percentile_sorted(sample, 0.99);
  d.min = sample.front();
  d.max = sample.back();
  return d;
}

} // namespace rongou
