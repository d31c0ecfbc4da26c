#include "results/Statistics.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace rongou {

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
  std::sort(sample.begin(), sample.end());
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
