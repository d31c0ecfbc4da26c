#include "results/ServerMetrics.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace rongou {

namespace {

double overlap_h(double a0, double a1, double b0, double b1) { return std::max(0.0, std::min(a1, b1) - std::max(a0, b0)); }

// Most trains waiting at once, in the window [from_h, to_h) and on each day: one sweep over
// arrivals (+1) and starts (-1) in time order, a start before an arrival at the same instant
// (a train taken at once never queued). A day starts with the queue the day before left.
int sweep_queues(std::vector<std::pair<double, int>> changes, double from_h, double to_h,
                 std::vector<ServerDay>& daily) {
  std::sort(changes.begin(), changes.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : a.second < b.second;
  });
  int queue = 0;
  int most = 0;
  std::size_t day = 0; // the day the sweep is in
  auto carry_into = [&](std::size_t d) {
    for (; day < d && day + 1 < daily.size();) {
      ++day;
      daily[day].max_queue_trains = std::max(daily[day].max_queue_trains, queue);
    }
  };
  for (const auto& [t, delta] : changes) {
    carry_into(static_cast<std::size_t>(std::max(0.0, t / 24.0)));
    queue += delta;
    if (t >= from_h && t < to_h)
      most = std::max(most, queue);
    if (day < daily.size() && t < 24.0 * static_cast<double>(daily.size()))
      daily[day].max_queue_trains = std::max(daily[day].max_queue_trains, queue);
  }
  carry_into(daily.size());
  return most;
}

} // namespace

std::vector<ServerMetrics> compute_server_metrics(const Scenario& scenario, const Journal& journal) {
  const double start_h = scenario.warmup_days * 24.0;
  const double end_h = scenario.horizon_days * 24.0;
  const double window_days = (end_h - start_h) / 24.0;
  const int days = static_cast<int>(std::ceil(scenario.horizon_days));

  std::map<std::pair<std::string, ServerKind>, std::vector<const ServerVisit*>> by_server;
  for (const auto& v : journal.server_visits)
    by_server[{std::string(v.node_name()), v.kind}].push_back(&v);

  std::vector<ServerMetrics> out;
  for (const auto& info : journal.servers) {
    ServerMetrics m;
    m.node = info.node;
    m.kind = info.kind;
    m.units = info.units;
    m.quota_trains_per_day = info.trains_per_day;
    m.daily.resize(static_cast<std::size_t>(days));
    for (int d = 0; d < days; ++d)
      m.daily[static_cast<std::size_t>(d)].day = d;
    std::vector<double> waits;
    std::vector<std::pair<double, int>> changes;
    double busy_h = 0.0;
    double service_h = 0.0;
    double feu = 0.0;
    std::vector<double> day_wait_sum(static_cast<std::size_t>(days), 0.0);
    const auto found = by_server.find({info.node, info.kind});
    const std::vector<const ServerVisit*> none;
    std::map<std::string, double> waited_at; // node -> train-hours waited there
    for (const ServerVisit* v : found == by_server.end() ? none : found->second) {
      waited_at[std::string(interned_node_name(v->queued_at))] += v->started_h - v->arrived_h;
      changes.emplace_back(v->arrived_h, +1);
      changes.emplace_back(v->started_h, -1);
      busy_h += overlap_h(v->started_h, v->left_h, start_h, end_h);
      for (int d = std::max(0, static_cast<int>(v->started_h / 24.0));
           d < days && 24.0 * d < v->left_h; ++d)
        m.daily[static_cast<std::size_t>(d)].utilisation += overlap_h(v->started_h, v->left_h, 24.0 * d, 24.0 * (d + 1));
      const int start_day = static_cast<int>(v->started_h / 24.0);
      if (start_day < days) {
        auto& day = m.daily[static_cast<std::size_t>(start_day)];
        ++day.trains_started;
        day.teu += 2.0 * v->feu;
        day_wait_sum[static_cast<std::size_t>(start_day)] += v->started_h - v->arrived_h;
      }
      if (v->arrived_h >= start_h && v->arrived_h < end_h)
        waits.push_back(v->started_h - v->arrived_h);
      if (v->started_h >= start_h && v->started_h < end_h) {
        ++m.trains;
        ++(v->direction == Direction::Westbound ? m.trains_westbound : m.trains_eastbound);
        feu += v->feu;
        service_h += v->left_h - v->started_h;
      }
    }
    m.queue_at = info.node;
    double longest = 0.0;
    for (const auto& [node, hours] : waited_at) // by name: ties go the same way every run
      if (hours > longest) {
        longest = hours;
        m.queue_at = node;
      }
    m.trains_per_day = window_days > 0 ? m.trains / window_days : 0.0;
    m.teu_per_day = window_days > 0 ? 2.0 * feu / window_days : 0.0;
    m.utilisation = m.units > 0 && end_h > start_h ? busy_h / (m.units * (end_h - start_h)) : 0.0;
    m.mean_service_hours = m.trains > 0 ? service_h / m.trains : 0.0;
    m.wait_hours = describe(std::move(waits));
    m.max_queue_trains = sweep_queues(std::move(changes), start_h, end_h, m.daily);
    for (auto& day : m.daily) {
      const auto d = static_cast<std::size_t>(day.day);
      day.utilisation = m.units > 0 ? day.utilisation / (m.units * 24.0) : 0.0;
      day.mean_wait_hours = day.trains_started > 0 ? day_wait_sum[d] / day.trains_started : 0.0;
    }
    out.push_back(std::move(m));
  }
  return out;
}

} // namespace rongou
