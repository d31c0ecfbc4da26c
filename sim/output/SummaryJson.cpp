#include "output/SummaryJson.hpp"

#include <cmath>

namespace rongou {

nlohmann::ordered_json sample_json(const SampleSummary& s) {
  return {{"mean", rounded(s.mean)}, {"p50", rounded(s.p50)}, {"p90", rounded(s.p90)}, {"p95", rounded(s.p95)},
          {"p99", rounded(s.p99)},   {"min", rounded(s.min)},   {"max", rounded(s.max)}};
}

double rounded(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  const double r = std::round(value * scale) / scale;
  return r == 0.0 ? 0.0 : r; // no "-0.0"
}

namespace {

const char* server_group(ServerKind kind) {
  switch (kind) {
  case ServerKind::Crossing:
    return "crossings";
  case ServerKind::Yard:
    return "yards";
  case ServerKind::Track:
    return "tracks";
  case ServerKind::Ferry:
    return "ferries";
  }
  return "?";
}

// `box`, `crew`, `wagon`, `incident`, `inspection`, `ferry`: the run simulates boxes (`boxes:`),
// crews (`rail.crews`), wagon fleets (`rail.wagons`), incidents on the line (`rail.incidents`),
// inspection holds (`rail.inspections`), ferry lines (`rail.ferries`); without, the key is left out.
nlohmann::ordered_json waits_json(const WaitHours& w, bool box, bool crew, bool wagon, bool incident, bool inspection,
                                 bool ferry) {
  nlohmann::ordered_json j = {{"departure", rounded(w.departure)},
                              {"gauge_change", rounded(w.gauge_change)},
                              {"locomotive", rounded(w.locomotive)},
                              {"border", rounded(w.border)},
                              {"running_delay", rounded(w.running_delay)},
                              {"disruption", rounded(w.disruption)},
                              {"track", rounded(w.track)}};
  if (box)
    j["box"] = rounded(w.box);
  if (crew)
    j["crew"] = rounded(w.crew);
  if (wagon)
    j["wagon"] = rounded(w.wagon);
  if (incident)
    j["incident"] = rounded(w.incident);
  if (inspection)
    j["inspection"] = rounded(w.inspection);
  if (ferry)
    j["ferry"] = rounded(w.ferry);
  return j;
}

nlohmann::ordered_json direction_json(const DirectionMetrics& d, bool box, bool crew, bool wagon, bool incident,
                                      bool inspection, bool ferry) {
  return {{"containers_offered", d.containers_offered},
          {"containers_delivered", d.containers_delivered},
          {"transit_days", sample_json(d.transit_days)},
          {"waits_hours", waits_json(d.mean_waits, box, crew, wagon, incident, inspection, ferry)},
          {"running_nominal_hours", rounded(d.mean_nominal_running_h)},
          {"mean_train_load_feu", rounded(d.mean_train_load_feu)}};
}

// Only with a departure rule, so a timetabled run's summary keeps its keys.
void add_rule_counts(nlohmann::ordered_json& j, const TrainCounts& trains) {
  j["cancelled"] = trains.cancelled;
  j["held_hours_mean"] = rounded(trains.held_hours_mean);
}

nlohmann::ordered_json lane_json(const LaneMetrics& lane, bool box, bool crew, bool wagon, bool incident,
                                 bool inspection, bool ferry, bool rules) {
  nlohmann::ordered_json j;
  j["background"] = lane.background;
  j["focus"] = lane.focus;
  for (Direction d : kDirections) {
    const auto& dm = lane.by_direction.at(d);
    j["trains"][to_string(d)] = {{"dispatched", dm.trains.dispatched},
                                 {"arrived", dm.trains.arrived},
                                 {"per_week", rounded(dm.trains.per_week)}};
    if (rules)
      add_rule_counts(j["trains"][to_string(d)], dm.trains);
  }
  if (!lane.background) {
    j["containers_delivered"] = lane.all.containers_delivered;
    for (Direction d : kDirections)
      j["directions"][to_string(d)] =
          direction_json(lane.by_direction.at(d), box, crew, wagon, incident, inspection, ferry);
  }
  return j;
}

nlohmann::ordered_json pool_json(const PoolMetrics& m) {
  return {{"count", m.size},
          {"hauling_share", rounded(m.hauling_share, 3)},
          {"mean_at", {{m.first_end, rounded(m.mean_at_first_end)}, {m.second_end, rounded(m.mean_at_second_end)}}},
          {"fewest_at", {{m.first_end, m.min_at_first_end}, {m.second_end, m.min_at_second_end}}},
          {"mean_running_light", rounded(m.mean_running_light)},
          {"light_runs", m.light_runs},
          {"light_runs_for_trains", m.light_runs_for_trains},
          {"light_runs_per_week", rounded(m.light_runs_per_week)},
          {"light_km", rounded(m.light_km, 0)},
          {"light_hours", rounded(m.light_hours)},
          {"trains", m.trains},
          {"trains_waited", m.trains_waited},
          {"wait_hours", {{"mean", rounded(m.mean_wait_hours)}, {"max", rounded(m.max_wait_hours)}}}};
}

// A crew district: crews on trains, where they rest, their rides back as passengers, and the
// trains that waited for their crews.
nlohmann::ordered_json crew_json(const PoolMetrics& m) {
  return {{"count", m.size},
          {"on_trains_share", rounded(m.hauling_share, 3)},
          {"mean_at", {{m.first_end, rounded(m.mean_at_first_end)}, {m.second_end, rounded(m.mean_at_second_end)}}},
          {"fewest_at", {{m.first_end, m.min_at_first_end}, {m.second_end, m.min_at_second_end}}},
          {"mean_riding_back", rounded(m.mean_running_light)},
          {"rides_back", m.light_runs},
          {"rides_back_for_trains", m.light_runs_for_trains},
          {"rides_back_per_week", rounded(m.light_runs_per_week)},
          {"ride_hours", rounded(m.light_hours)},
          {"trains", m.trains},
          {"trains_waited", m.trains_waited},
          {"wait_hours", {{"mean", rounded(m.mean_wait_hours)}, {"max", rounded(m.max_wait_hours)}}}};
}

nlohmann::ordered_json wagon_json(const WagonMetrics& m) {
  return {{"count", m.size},
          {"on_trains_share", rounded(m.on_trains_share, 3)},
          {"mean_at", {{m.first_end, rounded(m.mean_at_first_end)}, {m.second_end, rounded(m.mean_at_second_end)}}},
          {"fewest_at", {{m.first_end, m.min_at_first_end}, {m.second_end, m.min_at_second_end}}},
          {"mean_in_empty_trains", rounded(m.mean_in_empty_trains)},
          {"empty_trains", m.empty_trains},
          {"empty_trains_for_trains", m.empty_trains_for_trains},
          {"empty_wagons", m.empty_wagons},
          {"empty_km", rounded(m.empty_km, 0)},
          {"trains", m.trains},
          {"trains_waited", m.trains_waited},
          {"wait_hours", {{"mean", rounded(m.mean_wait_hours)}, {"max", rounded(m.max_wait_hours)}}}};
}

nlohmann::ordered_json server_json(const ServerMetrics& m) {
  nlohmann::ordered_json j = {{"units", m.units},
                              {"trains_per_day", rounded(m.trains_per_day)},
                              {"teu_per_day", rounded(m.teu_per_day)},
                              {"utilisation", rounded(m.utilisation, 3)},
                              {"wait_hours", {{"mean", rounded(m.wait_hours.mean)}, {"p95", rounded(m.wait_hours.p95)},
                                              {"max", rounded(m.wait_hours.max)}}},
                              {"service_hours", rounded(m.mean_service_hours)},
                              {"max_queue_trains", m.max_queue_trains},
                              {"queue_at", m.queue_at},
                              {"trains", {{"westbound", m.trains_westbound}, {"eastbound", m.trains_eastbound}}}};
  if (m.quota_trains_per_day > 0.0)
    j["quota_trains_per_day"] = rounded(m.quota_trains_per_day);
  return j;
}

} // namespace

void add_door_stages(nlohmann::ordered_json& mode, const ModeDoorMetrics& doors, bool rail) {
  const auto& t = doors.terminal_to_terminal_days;
  mode["terminal_to_terminal_days"] = sample_json(t);
  const DoorStageHours& s = doors.stages_hours;
  mode["stages_hours"] = {{"loading", rounded(s.loading)},
                          {"export_clearance", rounded(s.export_clearance)},
                          {"main_haul", rounded(s.main_haul)},
                          {"terminal_closed", rounded(s.terminal_closed)},
                          {"unloading", rounded(s.unloading)},
                          {"import_clearance", rounded(s.import_clearance)},
                          {"last_mile_wait", rounded(s.last_mile_wait)},
                          {"last_mile", rounded(s.last_mile)}};
  if (rail)
    mode["missed_cutoff_share"] = rounded(doors.missed_cutoff_share);
}

nlohmann::ordered_json build_summary(const Scenario& scenario, const RunResults& results) {
  const RailMetrics& rail = results.rail;
  nlohmann::ordered_json j;
  j["scenario"] = scenario.name;
  j["seed"] = scenario.seed;
  j["replications"] = 1;
  j["horizon_days"] = scenario.horizon_days;
  j["warmup_days"] = scenario.warmup_days;

  // The comparison is for the Chengdu -> Lodz direction: modes.rail is westbound.
  const DirectionMetrics& west = rail.by_direction.at(Direction::Westbound);
  j["modes"]["rail"] = {{"direction", "westbound"},
                        {"containers_delivered", west.containers_delivered},
                        {"transit_days", sample_json(west.transit_days)}};
  if (results.doors)
    add_door_stages(j["modes"]["rail"], results.doors->rail_westbound, true);

  auto& r = j["rail"];
  for (Direction d : kDirections) {
    const auto& dm = rail.by_direction.at(d);
    r["trains"][to_string(d)] = {{"dispatched", dm.trains.dispatched},
                                 {"arrived", dm.trains.arrived},
                                 {"per_week", rounded(dm.trains.per_week)}};
    if (rail.departure_rules)
      add_rule_counts(r["trains"][to_string(d)], dm.trains);
  }
  const bool box = !results.boxes.terminals.empty();
  const bool crew = !results.crews.empty();
  const bool wagon = !results.wagons.empty();
  const bool incident = rail.incidents;
  const bool inspection = rail.inspections;
  const bool ferry = rail.ferries;
  r["waits_hours"] = waits_json(west.mean_waits, box, crew, wagon, incident, inspection, ferry);
  for (Direction d : kDirections)
    r["directions"][to_string(d)] = direction_json(rail.by_direction.at(d), box, crew, wagon, incident, inspection, ferry);
  r["punctuality"]["tolerance_minutes"] = rounded(rail.punctuality_tolerance_minutes);
  for (Direction d : kDirections) {
    const TrainPunctuality& p = rail.punctuality.at(d);
    r["punctuality"][to_string(d)] = {{"trains", p.trains},
                                      {"on_time_share", rounded(p.on_time_share, 3)},
                                      {"late_mean_hours", rounded(p.late_mean_hours)},
                                      {"delay_p95_hours", rounded(p.delay_p95_hours)},
                                      {"over_2h_share", rounded(p.over_2h_share, 3)}};
  }
  for (const auto& totals : rail.inspections_by_node)
    r["inspections"][totals.node][totals.direction] = {{"held", totals.held},
                                                       {"boarded", totals.boarded},
                                                       {"mean_hold_hours", rounded(totals.mean_hold_hours)}};
  for (Direction d : kDirections)
    r["empty_feu_per_week"][to_string(d)] = rounded(rail.empty_feu_per_week.count(d) ? rail.empty_feu_per_week.at(d) : 0.0);
  for (const PoolMetrics& m : results.pools)
    r["locomotives"][m.section] = pool_json(m);
  for (const PoolMetrics& m : results.crews)
    r["crews"][m.section] = crew_json(m);
  for (const WagonMetrics& m : results.wagons)
    r["wagons"][m.fleet] = wagon_json(m);
  j["disruptions"] = nlohmann::ordered_json::array();
  for (const auto& t : rail.disruptions) {
    j["disruptions"].push_back({{"index", t.index},
                                {"kind", t.kind},
                                {"where", t.where},
                                {"from_day", t.from_day},
                                {"to_day", t.to_day},
                                {"trains_hit", t.trains_hit},
                                {"containers_hit", t.containers_hit},
                                {"train_hours", rounded(t.train_hours)},
                                {"container_hours", rounded(t.container_hours)},
                                {"sailings_hit", t.sailings_hit},
                                {"sailing_hours", rounded(t.sailing_hours)},
                                {"extra_usd", rounded(t.extra_usd)}});
    if (!t.origin.empty())
      j["disruptions"].back()["origin"] = t.origin;
  }
  // Present with closures under `disruptions:`: what each did (ClosureMetrics).
  for (const auto& c : rail.closures) {
    auto at = nlohmann::ordered_json::object();
    for (const auto& [node, trains] : c.stranded_at)
      at[node] = trains;
    auto days = [](const std::optional<double>& d) { return d ? nlohmann::ordered_json(rounded(*d)) : nullptr; };
    j["closures"].push_back({{"index", c.index},
                             {"where", c.where},
                             {"from_day", c.from_day},
                             {"to_day", c.to_day},
                             {"policy", c.policy},
                             {"trains_stranded", c.trains_stranded},
                             {"stranded_at", at},
                             {"peak_held", c.peak_held},
                             {"train_days", rounded(c.train_days)},
                             {"container_days", rounded(c.container_days)},
                             {"focus_containers", c.focus_containers},
                             {"days_lost_per_focus_container", rounded(c.days_lost_per_focus_container)},
                             {"trains_cancelled", c.trains_cancelled},
                             {"days_until_last_passed", days(c.days_until_last_passed)},
                             {"not_passed", c.not_passed},
                             {"queue_before", rounded(c.queue_before)},
                             {"days_until_queue_cleared", days(c.days_until_queue_cleared)}});
    if (c.policy == "reroute") {
      auto& added = j["closures"].back();
      added["trains_rerouted"] = c.trains_rerouted;
      added["rerouted_extra_km"] = rounded(c.rerouted_extra_km);
      added["rerouted_extra_days"] = rounded(c.rerouted_extra_days);
    }
  }
  // Present with calendar closures or weather windows: their windows item by item.
  for (const auto& c : rail.calendar)
    j["calendar"].push_back({{"origin", c.origin},
                             {"name", c.name},
                             {"kind", c.kind},
                             {"where", c.where},
                             {"windows", c.windows},
                             {"window_days", rounded(c.window_days)},
                             {"trains_hit", c.trains_hit},
                             {"containers_hit", c.containers_hit},
                             {"train_hours", rounded(c.train_hours)},
                             {"container_hours", rounded(c.container_hours)}});
  for (const auto& b : results.boxes.terminals)
    j["boxes"][b.node] = {{"start", b.start},
                          {"end", b.end},
                          {"min", b.min},
                          {"max", b.max},
                          {"keep", b.keep},
                          {"leased", b.leased},
                          {"off_hired", b.off_hired},
                          {"empties_sent_by_rail", b.sent_by_rail},
                          {"empties_received_by_rail", b.received_by_rail},
                          {"containers", b.containers},
                          {"containers_waited", b.containers_waited},
                          {"mean_box_wait_hours", rounded(b.mean_box_wait_h)},
                          {"max_box_wait_hours", rounded(b.max_box_wait_h)}};
  // A network run: every lane, and every crossing, yard and track section trains used. The keys above
  // describe the focus lane.
  if (scenario.is_network()) {
    j["focus_lane"] = scenario.focus().name;
    for (const auto& lane : rail.lanes)
      j["lanes"][lane.name] = lane_json(lane, box, crew, wagon, incident, inspection, ferry, rail.departure_rules);
    for (const auto& m : results.servers)
      j[server_group(m.kind)][m.node] = server_json(m);
  }
  // MSER-5's truncation point against warmup_days (results/WarmupCheck.hpp); null when the
  // run has too few weeks to judge.
  j["warmup"] = {{"mser5_days", results.warmup.mser5_days ? nlohmann::ordered_json(*results.warmup.mser5_days)
                                                          : nlohmann::ordered_json()},
                 {"sufficient", results.warmup.sufficient}};
  return j;
}

} // namespace rongou
