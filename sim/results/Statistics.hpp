#pragma once
#include <vector>

namespace rongou {

struct SampleSummary {
  std::size_t count = 0;
  double mean = 0.0;
  double p50 = 0.0;
  double p90 = 0.0;
  double p95 = 0.0;
  double p99 = 0.0; // the tail a shipper plans safety stock for
  double min = 0.0;
  double max = 0.0;
};

// Percentile with linear interpolation between order statistics (Hyndman & Fan type 7,
// the default of R and numpy), on a sorted sample.
double percentile_sorted(const std::vector<double>& sorted, double p);
SampleSummary describe(std::vector<double> sample);

} // namespace rongou
