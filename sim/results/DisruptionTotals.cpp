#include "results/DisruptionTotals.hpp"

#include <set>

#include <fmt/format.h>

#include "scenario/PriceChanges.hpp"

namespace rongou {

std::vector<DisruptionTotals> disruption_totals(const Scenario& scenario, const Journal& journal) {
  std::vector<DisruptionTotals> out;
  std::vector<std::set<int>> trains(scenario.disruptions.size());
  for (std::size_t i = 0; i < scenario.disruptions.size(); ++i) {
    const auto& d = scenario.disruptions[i];
    DisruptionTotals t;
    t.index = static_cast<int>(i);
    t.kind = to_string(d.kind);
    t.where = d.where();
    t.from_day = d.from_day;
    t.to_day = d.to_day;
    t.origin = d.origin;
    t.origin_name = d.origin_name;
    out.push_back(t);
  }
  for (const auto& hit : journal.disruption_hits) {
    auto& t = out.at(static_cast<std::size_t>(hit.disruption));
    if (hit.sailing >= 0) { // one hit per loaded sailing
      ++t.sailings_hit;
      t.containers_hit += hit.feu;
      t.sailing_hours += hit.wait_h;
      t.container_hours += hit.wait_h * hit.feu;
      continue;
    }
    // A train held twice by one closure (e.g. at both ends of a segment) counts once.
    if (trains[static_cast<std::size_t>(hit.disruption)].insert(hit.train).second) {
      ++t.trains_hit;
      t.containers_hit += hit.feu;
    }
    t.train_hours += hit.wait_h;
    t.container_hours += hit.wait_h * hit.feu;
  }
  // Price changes hit every container of their mode gated in during the window, whether
  // it is delivered by the end of the run or not.
  auto charge = [&](std::size_t i, int lane, double gate_in_h) {
    const auto& d = scenario.disruptions[i];
    if (!d.active_at(gate_in_h))
      return;
    const double before = freight_usd_at(scenario, lane, d.mode, gate_in_h, i);
    ++out[i].containers_hit;
    out[i].extra_usd += apply_price_change(d, before) - before;
  };
  for (std::size_t i = 0; i < scenario.disruptions.size(); ++i) {
    const auto& d = scenario.disruptions[i];
    if (d.kind != DisruptionKind::Price)
      continue;
    const int lane = d.lane < 0 ? scenario.focus_lane : d.lane;
    if (d.mode == "rail") {
      for (const auto& c : journal.containers)
        if (c.direction == Direction::Westbound && c.lane == lane)
          charge(i, lane, c.created_h);
    } else {
      for (const auto& r : journal.sea)
        if (r.lane == lane)
          charge(i, lane, r.gate_in_h);
    }
  }
  return out;
}

std::vector<CalendarItemTotals> calendar_item_totals(const Scenario& scenario, const Journal& journal,
                                                     const std::vector<DisruptionTotals>& totals) {
  std::vector<CalendarItemTotals> out;
  auto item = [&](const std::string& path, const std::string& name, const std::string& kind, const std::string& where,
                  int areas) {
    CalendarItemTotals t;
    t.origin = path;
    t.name = name;
    t.kind = kind;
    t.where = areas > 1 ? fmt::format("{} +{}", where, areas - 1) : where;
    out.push_back(t);
  };
  for (const auto& c : scenario.calendar.closures)
    item(c.path, c.name, "closure", c.node, 1);
  for (const auto& w : scenario.calendar.weather) {
    const std::string first = w.node.empty() && !w.segments.empty() ? w.segments[0][0] + "-" + w.segments[0][1] : w.node;
    item(w.path, w.name, to_string(w.kind), first, w.node.empty() ? static_cast<int>(w.segments.size()) : 1);
  }
  auto find = [&](const std::string& origin) -> CalendarItemTotals* {
    for (auto& t : out)
      if (t.origin == origin)
        return &t;
    return nullptr;
  };
  // A weather window over several segments is one window, listed once per segment.
  std::set<std::pair<std::string, std::pair<double, double>>> counted;
  for (const auto& t : totals)
    if (auto* group = find(t.origin); group && counted.insert({t.origin, {t.from_day, t.to_day}}).second) {
      ++group->windows;
      group->window_days += t.to_day - t.from_day;
    }
  std::set<std::pair<std::string, int>> trains;
  for (const auto& hit : journal.disruption_hits) {
    const auto& d = scenario.disruptions.at(static_cast<std::size_t>(hit.disruption));
    auto* group = find(d.origin);
    if (group == nullptr || hit.sailing >= 0)
      continue;
    if (trains.insert({d.origin, hit.train}).second) {
      ++group->trains_hit;
      group->containers_hit += hit.feu;
    }
    group->train_hours += hit.wait_h;
    group->container_hours += hit.wait_h * hit.feu;
  }
  return out;
}

} // namespace rongou
