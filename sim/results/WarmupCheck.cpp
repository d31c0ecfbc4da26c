#include "results/WarmupCheck.hpp"

#include <cmath>
#include <limits>
#include <map>

namespace rongou {

std::optional<std::size_t> mser5_truncation(const std::vector<double>& series) {
  // Batch means of 5; an incomplete last batch is left out.
  std::vector<double> batches;
  for (std::size_t i = 0; i + kMserBatchSize <= series.size(); i += kMserBatchSize) {
    double sum = 0.0;
    for (std::size_t j = 0; j < kMserBatchSize; ++j)
      sum += series[i + j];
    batches.push_back(sum / static_cast<double>(kMserBatchSize));
  }
  const std::size_t k = batches.size();
  if (k < 4)
    return std::nullopt;
  // MSER(d) = sum_{j>=d} (Z_j - mean_d)^2 / (k - d)^2; the first minimum over d <= k/2. A
  // minimum at that limit says the run is too short to tell where a transient ends, not that
  // half the run is one (White, Cobb and Spratt 2000): not judged.
  std::size_t best = 0;
  double best_value = std::numeric_limits<double>::infinity();
  for (std::size_t d = 0; d <= k / 2; ++d) {
    const double n = static_cast<double>(k - d);
    double mean = 0.0;
    for (std::size_t j = d; j < k; ++j)
      mean += batches[j];
    mean /= n;
    double squares = 0.0;
    for (std::size_t j = d; j < k; ++j)
      squares += (batches[j] - mean) * (batches[j] - mean);
    const double value = squares / (n * n);
    if (value < best_value) {
      best_value = value;
      best = d;
    }
  }
  if (best == k / 2)
    return std::nullopt;
  return best * kMserBatchSize;
}

WarmupCheck check_warmup(const Scenario& scenario, const Journal& journal) {
  constexpr double kWeekH = 24.0 * 7.0;
  // Only whole weeks of gate-in inside the horizon: a part week at the end would hold only
  // the containers fast enough to arrive.
  const int whole_weeks = static_cast<int>(std::floor(scenario.horizon_days * 24.0 / kWeekH));
  std::map<int, std::pair<double, std::size_t>> by_week; // week -> (sum of days, containers)
  for (const auto& c : journal.containers) {
    if (c.lane != scenario.focus_lane || c.direction != Direction::Westbound || !c.arrived_h)
      continue;
    const int week = static_cast<int>(std::floor(c.created_h / kWeekH));
    if (week < 0 || week >= whole_weeks)
      continue;
    auto& [sum, count] = by_week[week];
    sum += c.transit_h() / 24.0;
    ++count;
  }
  WarmupCheck check;
  for (const auto& [week, totals] : by_week) {
    check.weeks.push_back(week);
    check.weekly_mean_days.push_back(totals.first / static_cast<double>(totals.second));
  }
  if (const auto truncated = mser5_truncation(check.weekly_mean_days)) {
    check.mser5_days = *truncated == 0 ? 0.0 : 7.0 * check.weeks[*truncated];
    check.sufficient = *check.mser5_days <= scenario.warmup_days;
  }
  return check;
}

} // namespace rongou
