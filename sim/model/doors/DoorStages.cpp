#include "model/doors/DoorStages.hpp"

#include <algorithm>
#include <functional>
#include <iterator>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "base/RandomStream.hpp"
#include "model/doors/LastMileQueue.hpp"

namespace rongou {

namespace {

// The hours each node is closed, found once per run (a long run has thousands of windows
// and tens of thousands of containers): the union of its closure windows [from, to) as
// disjoint spans in time order, windows that overlap or touch joined into one span.
using ClosedSpans = std::vector<std::pair<double, double>>;
using ClosuresByNode = std::map<std::string, ClosedSpans, std::less<>>;

ClosuresByNode closures_by_node(const Scenario& scenario) {
  ClosuresByNode windows;
  for (const auto& d : scenario.disruptions)
    if (d.kind == DisruptionKind::Closure && d.from_h() < d.to_h())
      windows[d.node].emplace_back(d.from_h(), d.to_h());
  for (auto& [node, spans] : windows) {
    std::sort(spans.begin(), spans.end());
    ClosedSpans joined;
    for (const auto& span : spans)
      if (!joined.empty() && span.first <= joined.back().second)
        joined.back().second = std::max(joined.back().second, span.second);
      else
        joined.push_back(span);
    spans = std::move(joined);
  }
  return windows;
}

// When a container arriving at `node` at `t_h` can be unloaded: the first hour from `t_h` on
// that no closure of the node holds (windows may follow one another).
double terminal_open_h(const ClosuresByNode& closures, const std::string& node, double t_h) {
  const auto at = closures.find(node);
  if (at == closures.end())
    return t_h;
  const ClosedSpans& spans = at->second;
  // The last span starting at or before t_h holds it if it ends after t_h.
  auto after = std::upper_bound(spans.begin(), spans.end(), t_h,
                                [](double t, const std::pair<double, double>& span) { return t < span.first; });
  if (after == spans.begin())
    return t_h;
  const auto& span = *std::prev(after);
  return t_h < span.second ? span.second : t_h;
}

struct Arrival {
  DoorRecord* record = nullptr;
  double terminal_h = 0.0;           // arrival at the destination terminal
  const std::string* node = nullptr; // the terminal (held by the journal or the scenario)
  DoorDraws draws;
};

// Closure, unloading and clearance per container, then the flow's vehicles in order of ready time.
void deliver(const ClosuresByNode& closures, const DoorSpec& spec, std::vector<Arrival>& flow) {
  std::vector<LastMileJob> jobs;
  jobs.reserve(flow.size());
  for (auto& a : flow) {
    DoorRecord& r = *a.record;
    r.modelled = true;
    r.loading_h = a.draws.loading_h;
    r.export_clearance_h = a.draws.export_clearance_h;
    r.terminal_closed_h = terminal_open_h(closures, *a.node, a.terminal_h) - a.terminal_h;
    r.unloading_h = a.draws.unloading_h;
    r.import_clearance_h = a.draws.import_clearance_h;
    r.last_mile_h = a.draws.drive_h;
    jobs.push_back({a.terminal_h + r.terminal_closed_h + r.unloading_h + r.import_clearance_h, a.draws.drive_h});
  }
  const auto trips = serve_last_mile(jobs, spec.last_mile.trucks);
  for (std::size_t i = 0; i < flow.size(); ++i)
    flow[i].record->last_mile_wait_h = trips[i].wait_h;
}

} // namespace

DoorDraws draw_door_stages(const DoorSpec& spec, std::uint64_t seed, int container) {
  static constexpr StreamPurpose kOrigin("doors-origin");
  static constexpr StreamPurpose kDestination("doors-destination");
  const auto id = static_cast<std::uint64_t>(container);
  DoorDraws d;
  auto origin = RandomStream::derive(seed, kOrigin, id);
  d.loading_h = spec.loading_hours.sample(origin);
  d.export_clearance_h = spec.export_clearance_hours.sample(origin);
  auto destination = RandomStream::derive(seed, kDestination, id);
  d.unloading_h = spec.unloading_hours.sample(destination);
  d.import_clearance_h = spec.import_clearance_hours.sample(destination);
  d.drive_h = spec.last_mile.drive_hours.sample(destination);
  return d;
}

void record_doors(const Scenario& scenario, Journal& journal) {
  if (!scenario.doors)
    return;
  const DoorSpec& spec = *scenario.doors;
  const ClosuresByNode closures = closures_by_node(scenario);
  journal.rail_doors.resize(journal.containers.size());
  journal.sea_doors.assign(journal.sea.size(), DoorRecord{});
  // One flow at a time: the arrivals of a long run are its largest passing allocation. On one
  // thread too: replications keep every processor busy, where a second thread only costs
  // (docs/performance.md).
  for (Direction direction : kDirections) {
    std::vector<Arrival> flow;
    for (const auto& c : journal.containers)
      if (c.lane == scenario.focus_lane && c.direction == direction && c.arrived_h && c.train >= 0)
        flow.push_back({&journal.rail_doors[static_cast<std::size_t>(c.id)], *c.arrived_h,
                        &journal.trains[static_cast<std::size_t>(c.train)].destination,
                        draw_door_stages(spec, scenario.seed, c.id)});
    deliver(closures, spec, flow);
  }
  if (!scenario.sea)
    return;
  std::vector<Arrival> flow;
  for (std::size_t i = 0; i < journal.sea.size(); ++i) {
    const auto& r = journal.sea[i];
    if (r.lane == scenario.focus_lane && r.arrived_h)
      flow.push_back({&journal.sea_doors[i], *r.arrived_h, &scenario.sea->destination,
                      draw_door_stages(spec, scenario.seed, r.container)});
  }
  deliver(closures, spec, flow);
}

} // namespace rongou
