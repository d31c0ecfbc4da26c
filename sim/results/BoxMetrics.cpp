#include "results/BoxMetrics.hpp"

#include <algorithm>
#include <map>

namespace rongou {

namespace {

bool measured(const Scenario& s, double t_h) { return t_h >= s.warmup_days * 24.0 && t_h < s.horizon_days * 24.0; }

// Which box terminal each lane and direction's loads start at.
std::map<std::pair<int, Direction>, int> origin_terminals(const Journal& journal) {
  std::map<std::pair<int, Direction>, int> out;
  for (std::size_t i = 0; i < journal.box_terminals.size(); ++i)
    for (const auto& origin : journal.box_terminals[i].origins)
      out[origin] = static_cast<int>(i);
  return out;
}

} // namespace

BoxSample box_state_at(const Journal& journal, int terminal, double t_h) {
  BoxSample state;
  bool found = false;
  for (const auto& s : journal.box_samples) {
    if (s.time_h > t_h)
      break;
    if (s.terminal == terminal) {
      state = s;
      found = true;
    }
  }
  if (!found)
    for (const auto& s : journal.box_samples)
      if (s.terminal == terminal)
        return s;
  return state;
}

BoxMetrics compute_box_metrics(const Scenario& scenario, const Journal& journal) {
  BoxMetrics m;
  for (std::size_t i = 0; i < journal.box_terminals.size(); ++i) {
    auto& t = m.terminals.emplace_back();
    t.node = journal.box_terminals[i].node;
    t.keep = journal.box_terminals[i].keep;
    t.start = t.min = t.max = journal.box_terminals[i].start_stock;
  }
  std::vector<bool> seen(m.terminals.size(), false);
  for (const auto& s : journal.box_samples) {
    auto& t = m.terminals.at(static_cast<std::size_t>(s.terminal));
    if (!seen[static_cast<std::size_t>(s.terminal)]) {
      t.min = t.max = s.empty;
      seen[static_cast<std::size_t>(s.terminal)] = true;
    }
    t.min = std::min(t.min, s.empty);
    t.max = std::max(t.max, s.empty);
    t.end = s.empty;
    t.leased = s.leased;
    t.off_hired = s.off_hired;
    t.sent_by_rail = s.sent_empty;
  }
  for (const auto& train : journal.trains) {
    if (train.parent >= 0 || train.empty_feu == 0)
      continue;
    for (auto& t : m.terminals)
      if (t.node == train.destination)
        t.received_by_rail += train.empty_feu;
  }
  const double start_h = scenario.warmup_days * 24.0, end_h = scenario.horizon_days * 24.0;
  for (std::size_t i = 0; i < m.terminals.size(); ++i) {
    const auto from = box_state_at(journal, static_cast<int>(i), start_h);
    const auto to = box_state_at(journal, static_cast<int>(i), end_h);
    m.terminals[i].leased_in_window = to.leased - (start_h > 0.0 ? from.leased : 0);
    m.terminals[i].off_hired_in_window = to.off_hired - (start_h > 0.0 ? from.off_hired : 0);
  }
  const auto origins = origin_terminals(journal);
  std::vector<double> wait_sum(m.terminals.size(), 0.0);
  for (const auto& c : journal.containers) {
    if (!c.arrived_h || !measured(scenario, c.created_h))
      continue;
    const auto it = origins.find({c.lane, c.direction});
    if (it == origins.end())
      continue;
    auto& t = m.terminals[static_cast<std::size_t>(it->second)];
    ++t.containers;
    if (c.waits.box > 0.0)
      ++t.containers_waited;
    wait_sum[static_cast<std::size_t>(it->second)] += c.waits.box;
    t.max_box_wait_h = std::max(t.max_box_wait_h, c.waits.box);
  }
  for (std::size_t i = 0; i < m.terminals.size(); ++i)
    if (m.terminals[i].containers > 0)
      m.terminals[i].mean_box_wait_h = wait_sum[i] / m.terminals[i].containers;
  return m;
}

std::map<Direction, double> simulated_empty_feu_per_week(const Scenario& scenario, const Journal& journal, int lane) {
  std::map<Direction, double> per_week;
  for (Direction d : kDirections)
    per_week[d] = 0.0;
  const double weeks = (scenario.horizon_days - scenario.warmup_days) / 7.0;
  for (const auto& t : journal.trains)
    if (t.parent < 0 && t.lane == lane && measured(scenario, t.planned_departure_h))
      per_week[t.direction] += t.empty_feu;
  for (auto& [d, feu] : per_week)
    feu = weeks > 0 ? feu / weeks : 0.0;
  return per_week;
}

double box_leasing_usd(const Scenario& scenario, const Journal& journal, int lane) {
  if (!scenario.boxes || !scenario.boxes->lessor || journal.box_terminals.empty())
    return 0.0;
  const auto& lessor = *scenario.boxes->lessor;
  std::map<int, int> per_lane; // containers gated in in the window, both directions
  for (const auto& c : journal.containers)
    if (measured(scenario, c.created_h))
      ++per_lane[c.lane];
  const BoxMetrics m = compute_box_metrics(scenario, journal);
  double usd = 0.0;
  for (std::size_t i = 0; i < m.terminals.size(); ++i) {
    const auto& lanes = journal.box_terminals[i].lanes;
    if (std::find(lanes.begin(), lanes.end(), lane) == lanes.end())
      continue;
    int through = 0; // containers of every lane whose boxes start or end here
    for (int l : lanes)
      through += per_lane[l];
    if (through == 0)
      continue;
    const double share = static_cast<double>(per_lane[lane]) / through;
    usd += share * (lessor.pick_up_usd * m.terminals[i].leased_in_window +
                    lessor.drop_off_usd * m.terminals[i].off_hired_in_window);
  }
  return usd;
}

} // namespace rongou
