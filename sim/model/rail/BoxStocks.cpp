#include "model/rail/BoxStocks.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace rongou {

BoxStocks::BoxStocks(const Scenario& scenario, Journal& journal, std::vector<double>& ready_h,
                     const std::map<std::pair<int, Direction>, std::string>& origins,
                     const std::map<std::pair<int, Direction>, std::vector<int>>& ids_by_lane)
    : spec_(*scenario.boxes), journal_(journal), ready_h_(ready_h) {
  for (const auto& [node, stock] : spec_.stocks) {
    BoxTerminalRecord record;
    record.node = node;
    record.start_stock = stock;
    double loads_per_week = 0.0;
    for (const auto& [lane_direction, origin] : origins) {
      if (origin != node)
        continue;
      record.origins.push_back(lane_direction);
      const auto& demand = scenario.lanes.at(static_cast<std::size_t>(lane_direction.first)).demand;
      if (auto it = demand.find(lane_direction.second); it != demand.end())
        loads_per_week += it->second.feu_per_week;
    }
    record.keep = static_cast<int>(std::ceil(loads_per_week * spec_.keep_weeks));
    for (std::size_t lane = 0; lane < scenario.lanes.size(); ++lane) {
      const auto ends = scenario.lane_terminals(static_cast<int>(lane));
      if (std::find(ends.begin(), ends.end(), node) != ends.end())
        record.lanes.push_back(static_cast<int>(lane));
    }
    Terminal& t = terminals_.emplace_back();
    for (const auto& lane_direction : record.origins)
      if (auto ids = ids_by_lane.find(lane_direction); ids != ids_by_lane.end())
        t.gate_ins.insert(t.gate_ins.end(), ids->second.begin(), ids->second.end());
    // Lanes sharing a terminal draw from one stock, in gate-in order (ids break ties).
    std::sort(t.gate_ins.begin(), t.gate_ins.end(), [&](int a, int b) {
      const double ta = journal.containers[static_cast<std::size_t>(a)].created_h;
      const double tb = journal.containers[static_cast<std::size_t>(b)].created_h;
      return ta != tb ? ta < tb : a < b;
    });
    for (int id : t.gate_ins)
      ready_h_[static_cast<std::size_t>(id)] = std::numeric_limits<double>::infinity();
    t.state.terminal = static_cast<int>(journal.box_terminals.size());
    t.state.empty = stock;
    journal.box_terminals.push_back(std::move(record));
    off_hire(t);
    sample(t, 0.0);
  }
}

int BoxStocks::terminal(const std::string& node) const {
  for (std::size_t i = 0; i < journal_.box_terminals.size(); ++i)
    if (journal_.box_terminals[i].node == node)
      return static_cast<int>(i);
  return -1;
}

void BoxStocks::advance(double now_h) {
  for (auto& t : terminals_)
    advance(t, now_h);
}

void BoxStocks::advance(Terminal& t, double now_h) {
  const auto& containers = journal_.containers;
  for (;;) {
    // A box that comes free at the same instant as a gate-in serves it.
    double at = std::numeric_limits<double>::infinity();
    enum { None, Turn, Lease, GateIn } kind = None;
    if (!t.turns.empty() && t.turns.front() <= now_h) {
      at = t.turns.front();
      kind = Turn;
    }
    if (!t.leases.empty() && t.leases.front() <= now_h && t.leases.front() < at) {
      at = t.leases.front();
      kind = Lease;
    }
    if (t.next < t.gate_ins.size()) {
      const double g = containers[static_cast<std::size_t>(t.gate_ins[t.next])].created_h;
      if (g <= now_h && g < at) {
        at = g;
        kind = GateIn;
      }
    }
    if (kind == None)
      break;
    if (kind == Turn) {
      t.turns.pop_front();
      --t.state.turning;
      box_available(t, at);
    } else if (kind == Lease) {
      t.leases.pop_front();
      ++t.state.leased;
      box_available(t, at);
    } else {
      gate_in(t, at);
    }
    sample(t, at);
  }
}

void BoxStocks::gate_in(Terminal& t, double at_h) {
  const int id = t.gate_ins[t.next];
  const bool nobody_waiting = t.first_waiting == t.next;
  ++t.next;
  if (nobody_waiting && t.state.empty > 0) {
    --t.state.empty;
    ++t.state.loaded_out;
    ready_h_[static_cast<std::size_t>(id)] = at_h;
    t.first_waiting = t.next;
    return;
  }
  t.state.waiting = static_cast<int>(t.next - t.first_waiting);
  if (!spec_.lessor)
    return;
  // Lease what the boxes already ordered and those turning into empties before a lease
  // could arrive do not cover. Empties on trains bound here are not counted: their arrival
  // depends on the trains' waits ahead.
  const double lead_h = spec_.lessor->lead_days * 24.0;
  const auto turning_in_time = std::upper_bound(t.turns.begin(), t.turns.end(), at_h + lead_h) - t.turns.begin();
  const long shortfall = t.state.waiting - static_cast<long>(t.leases.size()) - static_cast<long>(turning_in_time);
  if (shortfall > 0)
    t.leases.push_back(at_h + lead_h);
}

void BoxStocks::box_available(Terminal& t, double at_h) {
  if (t.first_waiting < t.next) {
    const int id = t.gate_ins[t.first_waiting++];
    auto& c = journal_.containers[static_cast<std::size_t>(id)];
    ready_h_[static_cast<std::size_t>(id)] = at_h;
    c.waits.box = at_h - c.created_h;
    ++t.state.loaded_out;
    t.state.waiting = static_cast<int>(t.next - t.first_waiting);
    return;
  }
  ++t.state.empty;
  off_hire(t);
}

void BoxStocks::off_hire(Terminal& t) {
  if (!spec_.lessor || !spec_.lessor->max_stock || t.state.empty <= *spec_.lessor->max_stock)
    return;
  t.state.off_hired += t.state.empty - *spec_.lessor->max_stock;
  t.state.empty = *spec_.lessor->max_stock;
}

void BoxStocks::sample(Terminal& t, double at_h) {
  t.state.time_h = at_h;
  auto& samples = journal_.box_samples;
  if (t.last_sample < samples.size() && samples[t.last_sample].time_h == at_h) {
    samples[t.last_sample] = t.state; // one row per terminal and instant: its state after them all
    return;
  }
  t.last_sample = samples.size();
  samples.push_back(t.state);
}

int BoxStocks::depart(int origin, int destination, int loaded, int room, double now_h) {
  advance(now_h);
  Terminal& o = terminals_.at(static_cast<std::size_t>(origin));
  Terminal& d = terminals_.at(static_cast<std::size_t>(destination));
  o.state.loaded_out -= loaded;
  d.state.inbound_loaded += loaded;
  int sent = 0;
  if (spec_.reposition == BoxReposition::Rail && origin != destination) {
    const int keep = journal_.box_terminals[static_cast<std::size_t>(origin)].keep;
    sent = std::clamp(o.state.empty - keep, 0, std::max(0, room));
    o.state.empty -= sent;
    o.state.sent_empty += sent;
    d.state.inbound_empty += sent;
  }
  sample(o, now_h);
  sample(d, now_h);
  return sent;
}

void BoxStocks::arrive(int destination, int loaded, int empties, double now_h) {
  advance(now_h);
  Terminal& d = terminals_.at(static_cast<std::size_t>(destination));
  d.state.inbound_loaded -= loaded;
  d.state.turning += loaded;
  for (int i = 0; i < loaded; ++i)
    d.turns.push_back(now_h + spec_.turn_hours);
  d.state.inbound_empty -= empties;
  for (int i = 0; i < empties; ++i)
    box_available(d, now_h);
  sample(d, now_h);
  advance(d, now_h); // with turn_hours 0 the boxes are empties at once
}

void BoxStocks::finish(double end_h) {
  for (auto& t : terminals_) {
    advance(t, end_h);
    sample(t, end_h);
  }
  std::stable_sort(journal_.box_samples.begin(), journal_.box_samples.end(),
                   [](const BoxSample& a, const BoxSample& b) { return a.time_h < b.time_h; });
}

} // namespace rongou
