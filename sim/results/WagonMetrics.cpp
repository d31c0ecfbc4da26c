#include "results/WagonMetrics.hpp"

#include <algorithm>

namespace rongou {

std::vector<WagonMetrics> compute_wagon_metrics(const Scenario& scenario, const Journal& journal) {
  const double start_h = scenario.warmup_days * 24.0;
  const double end_h = std::max(scenario.horizon_days * 24.0, start_h);
  const double window_h = end_h - start_h;
  std::vector<WagonMetrics> fleets(journal.wagon_fleets.size());
  for (std::size_t f = 0; f < fleets.size(); ++f) {
    WagonMetrics& m = fleets[f];
    const WagonFleetRecord& r = journal.wagon_fleets[f];
    m.fleet = r.name;
    m.first_end = r.first_end;
    m.second_end = r.second_end;
    m.size = r.count;
    m.min_at_first_end = m.size;
    m.min_at_second_end = m.size;
  }
  // Samples are in time order: each holds until the fleet's next one.
  std::vector<const WagonSample*> last(fleets.size(), nullptr);
  auto add_span = [&](const WagonSample& s, double from_h, double to_h) {
    const double a = std::max(from_h, start_h);
    const double b = std::min(to_h, end_h);
    if (b <= a || window_h <= 0.0)
      return;
    WagonMetrics& m = fleets[static_cast<std::size_t>(s.fleet)];
    const double w = (b - a) / window_h;
    m.mean_at_first_end += w * s.at_end[0];
    m.mean_at_second_end += w * s.at_end[1];
    m.mean_on_trains += w * s.on_trains;
    m.mean_in_empty_trains += w * s.in_empty_trains;
    m.min_at_first_end = std::min(m.min_at_first_end, s.at_end[0]);
    m.min_at_second_end = std::min(m.min_at_second_end, s.at_end[1]);
  };
  for (const WagonSample& s : journal.wagon_samples) {
    auto& previous = last[static_cast<std::size_t>(s.fleet)];
    if (previous != nullptr)
      add_span(*previous, previous->time_h, s.time_h);
    previous = &s;
  }
  for (const WagonSample* s : last)
    if (s != nullptr)
      add_span(*s, s->time_h, end_h);
  for (const EmptyWagonTrain& t : journal.empty_wagon_trains) {
    if (t.departed_h < start_h || t.departed_h >= end_h)
      continue;
    WagonMetrics& m = fleets[static_cast<std::size_t>(t.fleet)];
    ++m.empty_trains;
    m.empty_trains_for_trains += t.for_train ? 1 : 0;
    m.empty_wagons += t.wagons;
    m.empty_km += t.km;
  }
  for (std::size_t f = 0; f < fleets.size(); ++f) {
    WagonMetrics& m = fleets[f];
    if (m.size > 0)
      m.on_trains_share = m.mean_on_trains / m.size;
    if (f < journal.wagon_takes.size()) {
      const PoolTakes& t = journal.wagon_takes[f];
      m.trains = t.trains;
      m.trains_waited = t.waited;
      m.mean_wait_hours = t.trains > 0 ? t.wait_h / t.trains : 0.0;
      m.max_wait_hours = t.max_wait_h;
    }
  }
  return fleets;
}

} // namespace rongou
