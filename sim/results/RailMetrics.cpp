#include "results/RailMetrics.hpp"

#include <cmath>
#include <utility>

#include "results/BoxMetrics.hpp"
#include "results/DisruptionTotals.hpp"
#include "results/EmptyRepositioning.hpp"

namespace rongou {

bool in_window(double t_h, const RailMetrics& m) { return t_h >= m.window_start_h && t_h < m.window_end_h; }

namespace {

void summarise_containers(const Journal& journal, const RailMetrics& m, int lane, std::optional<Direction> only,
                          DirectionMetrics& out) {
  std::vector<double> transit_days;
  WaitHours sum;
  double running = 0.0;
  for (const auto& c : journal.containers) {
    if (c.lane != lane || (only && c.direction != *only) || !in_window(c.created_h, m) || !journal.rides_first_route(c))
      continue;
    ++out.containers_offered;
    if (!c.arrived_h)
      continue;
    transit_days.push_back(rail_transit_h(journal, c) / 24.0); // door to door with doors:
    sum += c.waits;
    running += c.nominal_running_h;
  }
  const std::size_t delivered = transit_days.size();
  out.containers_delivered = static_cast<int>(delivered);
  out.transit_days = describe(std::move(transit_days)); // moved: a long run has a million
  if (delivered > 0) {
    const double n = static_cast<double>(delivered);
    out.mean_waits = {sum.departure / n, sum.gauge_change / n, sum.locomotive / n, sum.border / n,
                      sum.running_delay / n, sum.disruption / n, sum.track / n, sum.box / n, sum.crew / n,
                      sum.wagon / n, sum.incident / n, sum.inspection / n, sum.ferry / n};
    out.mean_nominal_running_h = running / n;
  }
}

// A train arrived when every part of it did; parts point at their parent.
std::vector<bool> whole_train_arrived(const Journal& journal) {
  std::vector<bool> arrived(journal.trains.size(), true);
  for (std::size_t i = 0; i < journal.trains.size(); ++i) {
    if (journal.trains[i].arrived_h)
      continue;
    int root = static_cast<int>(i);
    while (journal.trains[static_cast<std::size_t>(root)].parent >= 0)
      root = journal.trains[static_cast<std::size_t>(root)].parent;
    arrived[static_cast<std::size_t>(root)] = false;
  }
  return arrived;
}

// Containers and trains of one lane, by direction and both together.
void summarise_lane(const Journal& journal, const std::vector<bool>& arrived, int lane, RailMetrics& m,
                    std::map<Direction, DirectionMetrics>& by_direction, DirectionMetrics& all) {
  const double weeks = (m.window_end_h - m.window_start_h) / (24.0 * 7.0);
  for (Direction d : kDirections) {
    DirectionMetrics& dm = by_direction[d];
    summarise_containers(journal, m, lane, d, dm);
    int load = 0;
    double held_h = 0.0;
    for (std::size_t i = 0; i < journal.trains.size(); ++i) {
      const auto& t = journal.trains[i];
      if (t.lane != lane || t.direction != d || t.parent >= 0 || !in_window(t.planned_departure_h, m))
        continue;
      ++dm.trains.dispatched;
      load += t.feu;
      held_h += t.held_h;
      if (arrived[i])
        ++dm.trains.arrived;
    }
    dm.trains.per_week = weeks > 0 ? dm.trains.dispatched / weeks : 0.0;
    dm.mean_train_load_feu = dm.trains.dispatched > 0 ? static_cast<double>(load) / dm.trains.dispatched : 0.0;
    dm.trains.held_hours_mean = dm.trains.dispatched > 0 ? held_h / dm.trains.dispatched : 0.0;
    for (const auto& c : journal.cancelled_trains)
      if (c.lane == lane && c.direction == d && in_window(c.planned_departure_h, m))
        ++dm.trains.cancelled;
  }
  summarise_containers(journal, m, lane, std::nullopt, all);
}

} // namespace

std::vector<WeeklyRow> weekly_rows(const Scenario& scenario, const Journal& journal, int lane) {
  // Over the whole run (warm-up included: users want to see it settle).
  auto week_of = [](double t_h) { return static_cast<int>(std::floor(t_h / (24.0 * 7.0))); };
  const int weeks_total = std::max(static_cast<int>(std::ceil(scenario.horizon_days / 7.0)), week_of(journal.end_h) + 1);
  std::map<std::pair<int, Direction>, WeeklyRow> rows;
  for (int w = 0; w < weeks_total; ++w)
    for (Direction d : kDirections)
      rows[{w, d}] = WeeklyRow{w + 1, d, 0, 0, 0, 0, 0, 0};
  for (const auto& t : journal.trains) {
    if (t.lane != lane)
      continue;
    if (t.parent < 0) {
      auto it = rows.find({week_of(t.planned_departure_h), t.direction});
      if (it != rows.end()) {
        ++it->second.trains_dispatched;
        it->second.feu_dispatched += t.feu;
      }
    }
    if (t.arrived_h) {
      auto it = rows.find({week_of(*t.arrived_h), t.direction});
      if (it != rows.end())
        ++it->second.trains_arrived;
    }
  }
  for (const auto& c : journal.containers) {
    if (c.lane != lane || !journal.rides_rail(c))
      continue;
    if (auto it = rows.find({week_of(c.created_h), c.direction}); it != rows.end())
      ++it->second.feu_offered;
    if (c.arrived_h)
      if (auto it = rows.find({week_of(*c.arrived_h), c.direction}); it != rows.end())
        ++it->second.feu_arrived;
  }
  for (auto& [key, row] : rows) {
    double sum = 0.0;
    int days = 0;
    for (int day = 7 * key.first; day < 7 * (key.first + 1) && day < scenario.horizon_days; ++day, ++days)
      sum += scenario.calendar.demand_factor(key.second, day);
    row.demand_index = days > 0 ? sum / days : 1.0;
  }
  std::vector<WeeklyRow> out;
  for (const auto& [_, row] : rows)
    out.push_back(row);
  return out;
}

void add_simulated_empties(const Journal& journal, int lane, std::vector<WeeklyRow>& weekly) {
  auto week_of = [](double t_h) { return static_cast<int>(std::floor(t_h / (24.0 * 7.0))); };
  std::map<std::pair<int, Direction>, WeeklyRow*> rows;
  for (auto& row : weekly)
    rows[{row.week - 1, row.direction}] = &row;
  std::map<Direction, int> origin; // box terminal each direction's trains leave from
  for (const auto& t : journal.trains) {
    if (t.lane != lane || t.parent >= 0)
      continue;
    if (auto it = rows.find({week_of(t.planned_departure_h), t.direction}); it != rows.end())
      it->second->empty_feu_dispatched += t.empty_feu;
    for (std::size_t i = 0; i < journal.box_terminals.size(); ++i)
      if (journal.box_terminals[i].node == t.origin)
        origin.emplace(t.direction, static_cast<int>(i));
  }
  for (auto& [key, row] : rows)
    if (auto it = origin.find(row->direction); it != origin.end())
      row->empty_feu_backlog = box_state_at(journal, it->second, (key.first + 1) * 24.0 * 7.0).empty;
}

RailMetrics compute_rail_metrics(const Scenario& scenario, const Journal& journal) {
  RailMetrics m;
  m.window_start_h = scenario.warmup_days * 24.0;
  m.window_end_h = scenario.horizon_days * 24.0;
  m.departure_rules = journal.departure_rules;
  m.incidents = journal.incidents;
  m.inspections = journal.inspections;
  m.ferries = journal.ferries;
  for (const auto& spec : scenario.rail.inspections)
    m.inspections_by_node.push_back({spec.node, spec.direction ? to_string(*spec.direction) : "both", 0, 0, 0.0});
  for (const auto& hold : journal.inspection_holds) {
    const auto& c = journal.containers[static_cast<std::size_t>(hold.container)];
    if (c.lane != scenario.focus_lane || !in_window(c.created_h, m))
      continue;
    auto& totals = m.inspections_by_node[static_cast<std::size_t>(hold.inspection)];
    ++totals.held;
    if (hold.boarded_h) {
      ++totals.boarded;
      totals.mean_hold_hours += *hold.boarded_h - hold.detached_h;
    }
  }
  for (auto& totals : m.inspections_by_node)
    totals.mean_hold_hours = totals.boarded > 0 ? totals.mean_hold_hours / totals.boarded : 0.0;
  m.punctuality_tolerance_minutes = scenario.rail.punctuality_tolerance_minutes;
  for (Direction d : kDirections)
    m.punctuality[d] = train_punctuality(journal, scenario.focus_lane, d, m.window_start_h, m.window_end_h,
                                         m.punctuality_tolerance_minutes);
  const auto arrived = whole_train_arrived(journal);
  const int focus = scenario.focus_lane;
  summarise_lane(journal, arrived, focus, m, m.by_direction, m.all);
  if (scenario.is_network())
    for (std::size_t lane = 0; lane < scenario.lanes.size(); ++lane) {
      LaneMetrics& lm = m.lanes.emplace_back();
      lm.name = scenario.lanes[lane].name;
      lm.background = scenario.lanes[lane].background;
      lm.focus = static_cast<int>(lane) == focus;
      summarise_lane(journal, arrived, static_cast<int>(lane), m, lm.by_direction, lm.all);
    }

  m.weekly = weekly_rows(scenario, journal, focus);
  // With simulated boxes the empties are what trains carried; the post-processed balance
  // would be a second, different account of the same boxes, so it is not made.
  const bool boxes = !journal.box_terminals.empty();
  if (boxes) {
    add_simulated_empties(journal, focus, m.weekly);
    m.empty_feu_per_week = simulated_empty_feu_per_week(scenario, journal, focus);
  } else {
    m.empty_feu_per_week = add_empty_repositioning(scenario, journal, focus, m, m.weekly);
  }
  for (std::size_t lane = 0; lane < m.lanes.size(); ++lane) {
    LaneMetrics& lm = m.lanes[lane];
    if (lm.focus) {
      lm.empty_feu_per_week = m.empty_feu_per_week;
    } else if (boxes && !lm.background) {
      lm.empty_feu_per_week = simulated_empty_feu_per_week(scenario, journal, static_cast<int>(lane));
    } else if (scenario.lanes[lane].costs) { // charged in the lane's rail cost
      auto weekly = weekly_rows(scenario, journal, static_cast<int>(lane));
      lm.empty_feu_per_week = add_empty_repositioning(scenario, journal, static_cast<int>(lane), m, weekly);
    }
  }
  m.disruptions = disruption_totals(scenario, journal);
  m.calendar = calendar_item_totals(scenario, journal, m.disruptions);
  m.closures = closure_metrics(scenario, journal);
  m.demand_calendar = !scenario.calendar.demand.empty();
  return m;
}

} // namespace rongou
