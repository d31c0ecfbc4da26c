#include "results/EmptyRepositioning.hpp"

#include <cmath>
#include <map>

namespace rongou {

std::map<Direction, double> add_empty_repositioning(const Scenario& scenario, const Journal& journal, int lane,
                                                    const RailMetrics& m, std::vector<WeeklyRow>& weekly) {
  std::map<std::string, int> max_feu; // by service name
  for (const auto& s : scenario.rail.services)
    max_feu[s.name] = s.max_feu;
  std::map<std::pair<int, Direction>, int> spare; // week index (0-based), direction -> spare wagons
  for (const auto& t : journal.trains)
    if (t.parent < 0 && t.lane == lane)
      spare[{static_cast<int>(std::floor(t.planned_departure_h / (24.0 * 7.0))), t.direction}] +=
          std::max(0, max_feu[t.service] - t.feu);

  std::map<std::pair<int, Direction>, WeeklyRow*> rows;
  for (auto& row : weekly)
    rows[{row.week - 1, row.direction}] = &row;
  std::map<Direction, int> stock;
  std::map<Direction, int> measured;
  const double weeks = (m.window_end_h - m.window_start_h) / (24.0 * 7.0);
  for (auto& [key, row] : rows) { // in week order, westbound before eastbound
    const Direction other = row->direction == Direction::Westbound ? Direction::Eastbound : Direction::Westbound;
    const auto opposite = rows.find({key.first, other});
    const int freed = opposite == rows.end() ? 0 : opposite->second->feu_arrived;
    int& s = stock[row->direction];
    s = std::max(0, s + freed - row->feu_dispatched);
    row->empty_feu_dispatched = std::min(s, spare[key]);
    s -= row->empty_feu_dispatched;
    row->empty_feu_backlog = s;
    const double week_start_h = key.first * 24.0 * 7.0;
    if (week_start_h >= m.window_start_h && week_start_h < m.window_end_h)
      measured[row->direction] += row->empty_feu_dispatched;
  }
  std::map<Direction, double> per_week;
  for (Direction d : kDirections)
    per_week[d] = weeks > 0 ? measured[d] / weeks : 0.0;
  return per_week;
}

} // namespace rongou
