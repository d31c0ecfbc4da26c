#include "results/ClosureMetrics.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace rongou {

namespace {

constexpr double kBaselineH = 7.0 * 24.0;

struct Step {
  double t_h = 0.0;
  int change = 0;
};

// Changes of a count in time order, decreases first at one instant: a train that starts
// service when another arrives is not counted twice.
void sort_steps(std::vector<Step>& steps) {
  std::sort(steps.begin(), steps.end(),
            [](const Step& a, const Step& b) { return a.t_h != b.t_h ? a.t_h < b.t_h : a.change < b.change; });
}

int peak_of(std::vector<Step> steps) {
  sort_steps(steps);
  int now = 0;
  int peak = 0;
  for (const auto& s : steps) {
    now += s.change;
    peak = std::max(peak, now);
  }
  return peak;
}

// `horizon_h`: no train is dispatched after it, so a queue that is back to its level only then
// emptied because traffic stopped, not because the crossing caught up: not counted.
void add_queue(ClosureMetrics& m, const Disruption& d, const Journal& journal, const std::set<int>& stranded,
               double horizon_h) {
  std::set<std::string> nodes;
  if (!d.node.empty())
    nodes.insert(d.node);
  for (const auto& end : d.segment)
    nodes.insert(end);
  std::vector<Step> steps;
  bool any_server = false;
  const double from_h = d.from_h();
  const double to_h = d.to_h();
  double last_arrival_h = to_h; // of a train it held, at these servers
  for (const auto& v : journal.server_visits) {
    if ((v.kind != ServerKind::Crossing && v.kind != ServerKind::Yard) || !nodes.count(std::string(v.node_name())))
      continue;
    any_server = true;
    if (stranded.count(v.train) && v.arrived_h >= from_h)
      last_arrival_h = std::max(last_arrival_h, v.arrived_h);
    if (v.started_h > v.arrived_h) {
      steps.push_back({v.arrived_h, +1});
      steps.push_back({v.started_h, -1});
    }
  }
  if (!any_server)
    return;
  sort_steps(steps);
  // Time-average number waiting over [from - 7 days, from).
  const double base_from_h = std::max(0.0, from_h - kBaselineH);
  double area = 0.0;
  int now = 0;
  double last_h = base_from_h;
  std::size_t i = 0;
  for (; i < steps.size() && steps[i].t_h < from_h; ++i) {
    if (steps[i].t_h > base_from_h) {
      area += now * (steps[i].t_h - last_h);
      last_h = steps[i].t_h;
    }
    now += steps[i].change;
  }
  area += now * (from_h - last_h);
  m.queue_before = from_h > base_from_h ? area / (from_h - base_from_h) : 0.0;
  // The first instant from the last held train's arrival on with no more waiting than that.
  for (; i < steps.size() && steps[i].t_h <= last_arrival_h; ++i)
    now += steps[i].change;
  const auto cleared_at = [&](double t_h) {
    if (t_h < horizon_h)
      m.days_until_queue_cleared = (t_h - to_h) / 24.0;
  };
  if (now <= m.queue_before) {
    cleared_at(last_arrival_h);
    return;
  }
  for (; i < steps.size(); ++i) {
    now += steps[i].change;
    // Every change at one instant first: the count between two instants is what waits.
    if (i + 1 < steps.size() && steps[i + 1].t_h == steps[i].t_h)
      continue;
    if (now <= m.queue_before) {
      cleared_at(steps[i].t_h);
      return;
    }
  }
}

} // namespace

std::vector<ClosureMetrics> closure_metrics(const Scenario& scenario, const Journal& journal) {
  std::vector<ClosureMetrics> out;
  std::map<int, std::size_t> by_disruption;
  for (std::size_t i = 0; i < scenario.disruptions.size(); ++i) {
    const auto& d = scenario.disruptions[i];
    if (d.kind != DisruptionKind::Closure || !d.origin.empty())
      continue;
    ClosureMetrics m;
    m.index = static_cast<int>(i);
    m.where = d.where();
    m.from_day = d.from_day;
    m.to_day = d.to_day;
    m.policy = to_string(d.policy);
    by_disruption[m.index] = out.size();
    out.push_back(m);
  }
  if (out.empty())
    return out;
  struct Held {
    std::set<int> trains;
    std::map<std::string, int> at;
    std::vector<Step> holds;
    std::map<int, double> passed_h; // per train, its last hold's passing; -1 if not passed
    std::set<int> focus_trains;
    double focus_container_hours = 0.0;
  };
  std::vector<Held> held(out.size());
  for (const auto& hit : journal.disruption_hits) {
    const auto found = by_disruption.find(hit.disruption);
    if (found == by_disruption.end() || hit.sailing >= 0)
      continue;
    ClosureMetrics& m = out[found->second];
    Held& h = held[found->second];
    const TrainRecord& train = journal.trains[static_cast<std::size_t>(hit.train)];
    const bool focus = !train.background && train.lane == scenario.focus_lane;
    if (h.trains.insert(hit.train).second) {
      ++h.at[std::string(interned_node_name(hit.held_at))];
      if (focus) {
        h.focus_trains.insert(hit.train);
        m.focus_containers += hit.feu;
      }
    }
    if (focus)
      h.focus_container_hours += hit.wait_h * hit.feu;
    h.holds.push_back({hit.time_h, +1});
    h.holds.push_back({hit.time_h + hit.wait_h, -1});
    m.train_days += hit.wait_h / 24.0;
    m.container_days += hit.wait_h * hit.feu / 24.0;
    auto& passed = h.passed_h[hit.train];
    passed = hit.passed_h < 0.0 || passed < 0.0 ? -1.0 : std::max(passed, hit.passed_h);
  }
  for (const auto& c : journal.closure_cancellations)
    if (const auto found = by_disruption.find(c.disruption); found != by_disruption.end())
      ++out[found->second].trains_cancelled;
  for (const auto& r : journal.closure_reroutes)
    if (const auto found = by_disruption.find(r.disruption); found != by_disruption.end()) {
      ClosureMetrics& m = out[found->second];
      ++m.trains_rerouted;
      m.rerouted_extra_km += r.extra_km;
      m.rerouted_extra_days += r.extra_nominal_h / 24.0;
    }
  for (std::size_t k = 0; k < out.size(); ++k) {
    ClosureMetrics& m = out[k];
    const Held& h = held[k];
    const Disruption& d = scenario.disruptions[static_cast<std::size_t>(m.index)];
    m.trains_stranded = static_cast<int>(h.trains.size());
    m.stranded_at.assign(h.at.begin(), h.at.end());
    m.peak_held = peak_of(h.holds);
    m.days_lost_per_focus_container = m.focus_containers > 0 ? h.focus_container_hours / 24.0 / m.focus_containers : 0.0;
    double last_h = d.to_h();
    for (const auto& [train, passed_h] : h.passed_h) {
      if (passed_h < 0.0)
        ++m.not_passed;
      else
        last_h = std::max(last_h, passed_h);
    }
    if (m.not_passed == 0)
      m.days_until_last_passed = (last_h - d.to_h()) / 24.0;
    add_queue(m, d, journal, h.trains, scenario.horizon_days * 24.0);
  }
  return out;
}

} // namespace rongou
