#include "model/rail/DisruptionPlan.hpp"

#include "scenario/ScenarioDiagnostic.hpp"
#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace rongou {

namespace {

// A train held to a window's end wakes at the engine's clock, in seconds: converted back to
// hours it may fall a rounding short of an end that is not a whole number of hours (a
// calendar window ending at a drawn time). Such a window is over, or the train would sleep
// to the same instant again and again.
constexpr double kClockRoundingH = 1e-9;

bool known_node(const Scenario& s, const Corridor& corridor, Diagnostics& diagnostics, const std::string& path,
                const std::string& name) {
  if (corridor.node(name) != nullptr)
    return true;
  const std::string suggestion = closest_match(name, corridor.node_names());
  report_at_key(s, diagnostics, path,
         fmt::format("node '{}' is not in platform {}{}", name, corridor.source_file,
                     suggestion.empty() ? "" : fmt::format(" (did you mean '{}'?)", suggestion)));
  return false;
}

const Segment* known_segment(const Scenario& s, const Corridor& corridor, Diagnostics& diagnostics,
                             const std::string& path, const std::vector<std::string>& ends) {
  if (ends.size() != 2)
    return nullptr; // already reported by the reader
  if (!known_node(s, corridor, diagnostics, path, ends[0]) || !known_node(s, corridor, diagnostics, path, ends[1]))
    return nullptr;
  const Segment* seg = corridor.segment_between(ends[0], ends[1]);
  if (seg == nullptr)
    report_at_key(s, diagnostics, path,
           fmt::format("no segment joins '{}' and '{}' in platform {}", ends[0], ends[1], corridor.source_file));
  return seg;
}

void resolve_capacity(const Scenario& s, const Corridor& corridor, const std::vector<RoutePlan>& plans,
                      Diagnostics& diagnostics, ResolvedDisruption& r) {
  const Disruption& d = r.spec;
  const std::string node_path = d.path + ".node";
  if (!known_node(s, corridor, diagnostics, node_path, d.node))
    return;
  const auto& yard = corridor.node(d.node)->yard;
  bool used = false;
  for (const auto& plan : plans)
    for (const auto& stop : plan.stops)
      used = used || (stop.node == d.node && stop.changes_gauge);
  if (!yard || !used) {
    report_at_key(s, diagnostics, node_path,
           fmt::format("no train changes gauge at '{}': a capacity cut needs a yard that trains use", d.node));
    return;
  }
  // A train works with a fixed set of cranes; a yard left with fewer could never serve it.
  const int crews = std::max(1, std::min(yard->cranes_per_train, yard->cranes));
  int tracks_kept = yard->tracks;
  int cranes_kept = yard->cranes;
  if (d.factor) {
    tracks_kept = std::max(1, static_cast<int>(std::lround(yard->tracks * *d.factor)));
    cranes_kept = std::max(crews, static_cast<int>(std::lround(yard->cranes * *d.factor)));
  }
  if (d.tracks) {
    tracks_kept = *d.tracks;
    if (tracks_kept > yard->tracks)
      report_at_key(s, diagnostics, d.path + ".tracks",
             fmt::format("'{}' has only {} tracks in platform {}", d.node, yard->tracks, corridor.source_file));
  }
  if (d.cranes) {
    cranes_kept = *d.cranes;
    if (cranes_kept > yard->cranes)
      report_at_key(s, diagnostics, d.path + ".cranes",
             fmt::format("'{}' has only {} cranes in platform {}", d.node, yard->cranes, corridor.source_file));
    else if (cranes_kept < crews)
      report_at_key(s, diagnostics, d.path + ".cranes",
             fmt::format("a train at '{}' works with {} cranes: keep at least {} (or use kind: closure)", d.node,
                         crews, crews));
  }
  r.tracks_out = std::max(0, yard->tracks - tracks_kept);
  r.cranes_out = std::max(0, yard->cranes - cranes_kept);
}

void resolve_locomotives(const Scenario& s, Diagnostics& diagnostics, ResolvedDisruption& r) {
  const Disruption& d = r.spec;
  if (d.section.size() != 2)
    return;
  const auto& pools = s.rail.locomotives;
  for (std::size_t p = 0; p < pools.size(); ++p) {
    const bool same = (pools[p].first_node == d.section[0] && pools[p].second_node == d.section[1]) ||
                      (pools[p].first_node == d.section[1] && pools[p].second_node == d.section[0]);
    if (!same)
      continue;
    r.pool = static_cast<int>(p);
    if (d.count >= pools[p].count)
      report_at_key(s, diagnostics, d.path + ".count",
             fmt::format("the pool of section {} has {} locomotives: a cut leaves fewer", pools[p].label(),
                         pools[p].count));
    r.locomotives_out = std::max(0, pools[p].count - d.count);
    return;
  }
  report_at_key(s, diagnostics, d.path + ".section",
         fmt::format("no locomotive pool in rail.locomotives has section [{}, {}]", d.section[0], d.section[1]));
}

// Every node and segment the calendar names, whether or not a run draws a window there.
void check_calendar_areas(const Scenario& s, const Corridor& corridor, Diagnostics& diagnostics) {
  for (const auto& c : s.calendar.closures)
    known_node(s, corridor, diagnostics, c.path + ".node", c.node);
  for (const auto& w : s.calendar.weather) {
    if (!w.node.empty())
      known_node(s, corridor, diagnostics, w.path + ".node", w.node);
    for (std::size_t k = 0; k < w.segments.size(); ++k)
      known_segment(s, corridor, diagnostics, w.path + ".segments." + std::to_string(k), w.segments[k]);
  }
}

// Every detour's nodes are in the platform and each consecutive pair of `by` is linked.
void check_detours(const Scenario& s, const Corridor& corridor, Diagnostics& diagnostics) {
  for (const auto& detour : s.rail.detours) {
    for (const auto* list : {&detour.replaces, &detour.by}) {
      const std::string list_path = detour.key_path + (list == &detour.by ? ".by" : ".replaces");
      for (std::size_t k = 0; k < list->size(); ++k)
        known_node(s, corridor, diagnostics, list_path + "." + std::to_string(k), (*list)[k]);
    }
    for (std::size_t k = 0; k + 1 < detour.by.size(); ++k) {
      const auto& a = detour.by[k];
      const auto& b = detour.by[k + 1];
      if (corridor.node(a) != nullptr && corridor.node(b) != nullptr && corridor.segment_between(a, b) == nullptr)
        report_at_key(s, diagnostics, detour.key_path + ".by." + std::to_string(k + 1),
                      fmt::format("no segment joins '{}' and '{}' in platform {}", a, b, corridor.source_file));
    }
  }
}

// Whether `nodes`, run in order, cross the place closure `r` closes: through the closed node
// (`inner_only`: strictly between the first and last node), or along the closed segment.
bool run_crosses(const ResolvedDisruption& r, const std::vector<std::string>& nodes, bool inner_only) {
  for (std::size_t k = 0; k < nodes.size(); ++k) {
    const bool inner = k > 0 && k + 1 < nodes.size();
    if (!r.spec.node.empty() && nodes[k] == r.spec.node && (inner || !inner_only))
      return true;
    if (r.segment != nullptr && k + 1 < nodes.size() && r.segment->joins(nodes[k], nodes[k + 1]))
      return true;
  }
  return false;
}

// A reroute closure's detour: named in rail.detours, going round the closed place, and the
// detoured plan of each service that runs it.
void resolve_reroute(const Scenario& s, const Corridor& corridor, Diagnostics& diagnostics, ResolvedDisruption& r) {
  const Disruption& d = r.spec;
  const std::string path = d.path + ".detour";
  const auto& detours = s.rail.detours;
  const auto detour = std::find_if(detours.begin(), detours.end(), [&](const auto& x) { return x.name == d.detour; });
  if (d.detour.empty())
    return; // reported by the reader
  if (detour == detours.end()) {
    report_at_key(s, diagnostics, path, fmt::format("no detour named '{}' in rail.detours", d.detour));
    return;
  }
  if (!run_crosses(r, detour->replaces, true)) {
    report_at_key(s, diagnostics, path,
                  fmt::format("detour '{}' does not go round {}: the run it replaces must cross the closed place "
                              "between its first and last node",
                              d.detour, d.where()));
    return;
  }
  if (run_crosses(r, detour->by, false)) {
    report_at_key(s, diagnostics, path, fmt::format("detour '{}' crosses {}, the place closed", d.detour, d.where()));
    return;
  }
  r.detoured.resize(s.rail.services.size());
  for (std::size_t service = 0; service < s.rail.services.size(); ++service) {
    Diagnostics faults;
    r.detoured[service] = build_detoured_plan(s, service, *detour, corridor, faults);
    for (const auto& fault : faults.items())
      report_at_key(s, diagnostics, detour->key_path + ".by",
                    fmt::format("service '{}' on detour '{}': {}", s.rail.services[service].name, detour->name,
                                fault.message));
    if (!faults.empty())
      r.detoured[service].reset();
  }
}

bool overlap(const Disruption& a, const Disruption& b) { return a.from_day < b.to_day && b.from_day < a.to_day; }

} // namespace

void DisruptionPlan::index_by_week(double horizon_h) {
  const auto weeks = static_cast<std::size_t>(std::max(0.0, std::ceil(horizon_h / kWeekH))) + 1;
  weeks_.assign(weeks, {});
  const double last_week = static_cast<double>(weeks - 1);
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Disruption& d = items[i].spec;
    const double last = std::min(last_week, std::floor(d.to_h() / kWeekH));
    for (double w = std::max(0.0, std::floor(d.from_h() / kWeekH)); w <= last; ++w)
      weeks_[static_cast<std::size_t>(w)].push_back(static_cast<std::uint32_t>(i));
  }
  indexed_items_ = items.size();
}

const std::vector<std::uint32_t>* DisruptionPlan::week_of(double t_h) const {
  if (indexed_items_ != items.size() || !(t_h >= 0.0))
    return nullptr;
  const double week = std::floor(t_h / kWeekH);
  return week < static_cast<double>(weeks_.size()) ? &weeks_[static_cast<std::size_t>(week)] : nullptr;
}

template <class Visit>
void DisruptionPlan::each_candidate(double t_h, Visit visit) const {
  if (const auto* week = week_of(t_h)) {
    for (const std::uint32_t i : *week)
      if (!visit(static_cast<std::size_t>(i)))
        return;
    return;
  }
  for (std::size_t i = 0; i < items.size(); ++i)
    if (!visit(i))
      return;
}

int DisruptionPlan::closure_blocking(double t_h, const std::string& from, const std::string& to) const {
  int found = -1;
  each_candidate(t_h, [&](std::size_t i) {
    const auto& r = items[i];
    if (r.spec.kind != DisruptionKind::Closure || !r.spec.active_at(t_h) || t_h >= r.spec.to_h() - kClockRoundingH)
      return true;
    const bool blocks = (r.segment != nullptr && r.segment->joins(from, to)) ||
                        (!r.spec.node.empty() && (r.spec.node == from || r.spec.node == to));
    if (blocks && (found < 0 || r.spec.to_day > items[static_cast<std::size_t>(found)].spec.to_day))
      found = static_cast<int>(i);
    return true;
  });
  return found;
}

std::optional<DisruptionPlan::Passing> DisruptionPlan::passing(int item, const RoutePlan& plan,
                                                               std::size_t from_stop) const {
  const auto& r = items[static_cast<std::size_t>(item)];
  const auto& stops = plan.stops;
  for (std::size_t k = from_stop; k < stops.size(); ++k) {
    if (!r.spec.node.empty() && stops[k].node == r.spec.node)
      return Passing{k, k + 1 == stops.size()}; // the last stop is passed on arrival
    if (r.segment != nullptr && k + 1 < stops.size() && r.segment->joins(stops[k].node, stops[k + 1].node))
      return Passing{k + 1, true};
  }
  return std::nullopt;
}

int DisruptionPlan::closure_on_route(double t_h, const RoutePlan& plan, std::size_t from_stop,
                                     ClosurePolicy policy) const {
  int found = -1;
  each_candidate(t_h, [&](std::size_t i) {
    const auto& r = items[i];
    if (r.spec.kind != DisruptionKind::Closure || r.spec.policy != policy || !r.spec.active_at(t_h) ||
        t_h >= r.spec.to_h() - kClockRoundingH)
      return true;
    if ((found < 0 || r.spec.to_day > items[static_cast<std::size_t>(found)].spec.to_day) &&
        passing(static_cast<int>(i), plan, from_stop))
      found = static_cast<int>(i);
    return true;
  });
  return found;
}

int DisruptionPlan::slowdown_on(double t_h, const Segment* segment) const {
  int found = -1;
  each_candidate(t_h, [&](std::size_t i) {
    if (items[i].spec.kind == DisruptionKind::Slowdown && items[i].segment == segment && items[i].spec.active_at(t_h))
      found = static_cast<int>(i);
    return found < 0;
  });
  return found;
}

int DisruptionPlan::capacity_at(double t_h, const std::string& node) const {
  int found = -1;
  each_candidate(t_h, [&](std::size_t i) {
    if (items[i].spec.kind == DisruptionKind::Capacity && items[i].spec.node == node && items[i].spec.active_at(t_h))
      found = static_cast<int>(i);
    return found < 0;
  });
  return found;
}

int DisruptionPlan::locomotive_cut(double t_h, int pool) const {
  int found = -1;
  each_candidate(t_h, [&](std::size_t i) {
    if (items[i].spec.kind == DisruptionKind::Locomotives && items[i].pool == pool && items[i].spec.active_at(t_h))
      found = static_cast<int>(i);
    return found < 0;
  });
  return found;
}

DisruptionPlan build_disruption_plan(const Scenario& scenario, const Corridor& corridor,
                                     const std::vector<RoutePlan>& plans, Diagnostics& all_diagnostics) {
  DisruptionPlan out;
  check_calendar_areas(scenario, corridor, all_diagnostics);
  check_detours(scenario, corridor, all_diagnostics);
  for (const Disruption& d : scenario.disruptions) {
    // A calendar window's area was checked with its item above; a window of a run names it
    // by its item's key (calendar.closures.0.node) and is not reported again.
    Diagnostics already_reported;
    Diagnostics& diagnostics = d.origin.empty() ? all_diagnostics : already_reported;
    const std::string node_key = d.origin.empty() ? d.path + ".node" : d.path;
    const std::string segment_key = d.origin.empty() ? d.path + ".segment" : d.path;
    ResolvedDisruption r;
    r.spec = d;
    switch (d.kind) {
    case DisruptionKind::Capacity:
      resolve_capacity(scenario, corridor, plans, diagnostics, r);
      break;
    case DisruptionKind::Closure: {
      const bool known = !d.node.empty() ? known_node(scenario, corridor, diagnostics, node_key, d.node)
                                         : (r.segment = known_segment(scenario, corridor, diagnostics, segment_key,
                                                                      d.segment)) != nullptr;
      if (known && d.policy == ClosurePolicy::Reroute)
        resolve_reroute(scenario, corridor, diagnostics, r);
      break;
    }
    case DisruptionKind::Locomotives:
      resolve_locomotives(scenario, diagnostics, r);
      break;
    case DisruptionKind::Slowdown:
      r.segment = known_segment(scenario, corridor, diagnostics, segment_key, d.segment);
      break;
    case DisruptionKind::SeaDelay: // the sea model and the cost model read these from the scenario
    case DisruptionKind::Price:
      break;
    }
    // Two cuts of one yard or pool at once would each take units out assuming the other
    // had not: the result would not be what either says.
    for (const auto& earlier : out.items) {
      const bool same_yard = d.kind == DisruptionKind::Capacity && earlier.spec.kind == DisruptionKind::Capacity &&
                             earlier.spec.node == d.node;
      const bool same_pool = d.kind == DisruptionKind::Locomotives &&
                             earlier.spec.kind == DisruptionKind::Locomotives && earlier.pool == r.pool && r.pool >= 0;
      if ((same_yard || same_pool) && overlap(earlier.spec, d))
        report_at_key(scenario, diagnostics, d.path,
               fmt::format("overlaps {} on {}: split the windows so that they do not overlap", earlier.spec.path,
                           d.where()));
    }
    out.items.push_back(std::move(r));
  }
  out.index_by_week(scenario.horizon_days * 24.0);
  return out;
}

} // namespace rongou
