#include "results/PoolMetrics.hpp"

#include <algorithm>

namespace rongou {

std::vector<PoolMetrics> compute_pool_metrics(const Scenario& scenario, const PoolJournal& records) {
  const double start_h = scenario.warmup_days * 24.0;
  const double end_h = std::max(scenario.horizon_days * 24.0, start_h);
  const double window_h = end_h - start_h;
  std::vector<PoolMetrics> pools(records.names.size());
  for (std::size_t p = 0; p < pools.size(); ++p) {
    PoolMetrics& m = pools[p];
    m.section = records.names[p];
    m.size = records.sizes[p];
    if (p < records.ends.size()) {
      m.first_end = records.ends[p].first;
      m.second_end = records.ends[p].second;
    }
    m.min_at_first_end = m.size;
    m.min_at_second_end = m.size;
  }
  // Samples are in time order: each holds until the pool's next one.
  std::vector<const PoolSample*> last(pools.size(), nullptr);
  auto add_span = [&](const PoolSample& s, double from_h, double to_h) {
    const double a = std::max(from_h, start_h);
    const double b = std::min(to_h, end_h);
    if (b <= a || window_h <= 0.0)
      return;
    PoolMetrics& m = pools[static_cast<std::size_t>(s.pool)];
    const double w = (b - a) / window_h;
    m.mean_at_first_end += w * s.at_end[0];
    m.mean_at_second_end += w * s.at_end[1];
    m.mean_running_light += w * s.light;
    m.mean_hauling += w * s.hauling;
    m.min_at_first_end = std::min(m.min_at_first_end, s.at_end[0]);
    m.min_at_second_end = std::min(m.min_at_second_end, s.at_end[1]);
  };
  for (const PoolSample& s : records.samples) {
    auto& previous = last[static_cast<std::size_t>(s.pool)];
    if (previous != nullptr)
      add_span(*previous, previous->time_h, s.time_h);
    previous = &s;
  }
  for (const PoolSample* s : last)
    if (s != nullptr)
      add_span(*s, s->time_h, end_h);
  for (const LightRun& run : records.light_runs) {
    if (run.departed_h < start_h || run.departed_h >= end_h)
      continue;
    PoolMetrics& m = pools[static_cast<std::size_t>(run.pool)];
    ++m.light_runs;
    m.light_runs_for_trains += run.for_train ? 1 : 0;
    m.light_km += run.km;
    m.light_hours += run.arrived_h - run.departed_h;
  }
  for (std::size_t p = 0; p < pools.size(); ++p) {
    PoolMetrics& m = pools[p];
    if (m.size > 0)
      m.hauling_share = m.mean_hauling / m.size;
    if (window_h > 0.0)
      m.light_runs_per_week = m.light_runs / (window_h / (24.0 * 7.0));
    if (p < records.takes.size()) {
      const PoolTakes& t = records.takes[p];
      m.trains = t.trains;
      m.trains_waited = t.waited;
      m.mean_wait_hours = t.trains > 0 ? t.wait_h / t.trains : 0.0;
      m.max_wait_hours = t.max_wait_h;
    }
  }
  return pools;
}

} // namespace rongou
