#include "output/TerminalTable.hpp"

#include <cmath>

#include <fmt/format.h>

#include "output/ColumnFit.hpp"

namespace rongou {

namespace {

std::string num(double v, int decimals = 1) { return fmt::format("{:.{}f}", v, decimals); }

// Each lane: trains a week both ways; for tracked lanes their containers, door-to-door days
// and mean border and gauge-change hours per delivered container.
std::string lane_table(const RailMetrics& rail) {
  std::string t = fmt::format("{:<30}{:>16}{:>14}{:>16}{:>10}{:>10}\n", "lanes", "trains a week",
                              "containers", "door-to-door d", "border", "gauge");
  t += fmt::format("{:<30}{:>8}{:>8}{:>14}{:>8}{:>8}{:>10}{:>10}\n", "", "west", "east", "delivered", "west", "east",
                   "h/FEU", "h/FEU");
  for (const auto& lane : rail.lanes) {
    const auto& w = lane.by_direction.at(Direction::Westbound);
    const auto& e = lane.by_direction.at(Direction::Eastbound);
    const std::string label = fit_column(lane.name, 18) + (lane.focus ? " (focus)" : lane.background ? " (bg)" : "");
    if (lane.background)
      t += fmt::format("{:<30}{:>8}{:>8}{:>14}{:>8}{:>8}{:>10}{:>10}\n", label, num(w.trains.per_week),
                       num(e.trains.per_week), "-", "-", "-", "-", "-");
    else
      t += fmt::format("{:<30}{:>8}{:>8}{:>14}{:>8}{:>8}{:>10}{:>10}\n", label, num(w.trains.per_week),
                       num(e.trains.per_week), lane.all.containers_delivered, num(w.transit_days.mean),
                       num(e.transit_days.mean), num(lane.all.mean_waits.border),
                       num(lane.all.mean_waits.gauge_change));
  }
  return t;
}

// Each lane with a sea alternative or costs: westbound door-to-door days and cost per FEU by
// rail and by sea, the cheaper mode at the lane's cargo value and the breakeven value.
std::string lane_cost_table(const RunResults& results) {
  std::string t = fmt::format("{:<30}{:>8}{:>8}{:>10}{:>10}{:>9}{:>12}\n", "rail vs sea (westbound)", "rail d",
                              "sea d", "rail $", "sea $", "cheaper", "breakeven $");
  bool any = false;
  for (std::size_t i = 0; i < results.lanes.size() && i < results.rail.lanes.size(); ++i) {
    const LaneModes& modes = results.lanes[i];
    if (!modes.sea && !modes.costs)
      continue;
    any = true;
    const LaneMetrics& lane = results.rail.lanes[i];
    const auto& w = lane.by_direction.at(Direction::Westbound);
    const auto& c = modes.costs;
    const bool sea_cost = c && c->sea;
    t += fmt::format("{:<30}{:>8}{:>8}{:>10}{:>10}{:>9}{:>12}\n", fit_column(lane.name, 18) + (lane.focus ? " (focus)" : ""),
                     num(w.transit_days.mean), modes.sea ? num(modes.sea->transit_days.mean) : "-",
                     c ? num(c->rail.total(), 0) : "-", sea_cost ? num(c->sea->total(), 0) : "-",
                     sea_cost ? c->cheaper_mode() : "-",
                     c && c->breakeven_cargo_value_usd ? num(*c->breakeven_cargo_value_usd, 0) : "-");
  }
  return any ? t : std::string();
}

// Each border crossing, gauge-change yard and track section over the measured window.
std::string crossing_table(const std::vector<ServerMetrics>& servers) {
  std::string t = fmt::format("{:<22}{:<9}{:>6}{:>11}{:>9}{:>8}{:>9}{:>8}{:>9}  {}\n", "crossings and yards", "kind",
                              "units", "trains/d", "TEU/d", "util %", "wait h", "p95 h", "queue", "at");
  for (const auto& m : servers)
    t += fmt::format("{:<22}{:<9}{:>6}{:>11}{:>9}{:>8}{:>9}{:>8}{:>9}  {}\n", fit_column(m.node, 21), to_string(m.kind),
                     m.units, num(m.trains_per_day), num(m.teu_per_day), num(100.0 * m.utilisation),
                     num(m.wait_hours.mean), num(m.wait_hours.p95), m.max_queue_trains,
                     m.max_queue_trains > 0 ? fit_column(m.queue_at, 21) : "-");
  return t;
}

// Each locomotive pool: how busy, where it stood, how much it ran light, who waited.
std::string pool_table(const std::vector<PoolMetrics>& pools) {
  std::string t = fmt::format("{:<30}{:>6}{:>9}{:>12}{:>11}{:>10}{:>10}{:>9}\n", "locomotive pools", "locos",
                              "haul %", "at ends", "light/wk", "light km", "waited", "wait h");
  for (const auto& m : pools)
    t += fmt::format("{:<30}{:>6}{:>9}{:>12}{:>11}{:>10}{:>10}{:>9}\n", fit_column(m.section, 29), m.size,
                     num(100.0 * m.hauling_share), fmt::format("{} / {}", num(m.mean_at_first_end), num(m.mean_at_second_end)),
                     num(m.light_runs_per_week), num(m.light_km, 0), fmt::format("{}/{}", m.trains_waited, m.trains),
                     num(m.mean_wait_hours));
  return t;
}

// Each crew district: how much of the time crews are on trains, where they rest, how often
// they ride back as passengers, who waited.
std::string crew_table(const std::vector<PoolMetrics>& districts) {
  std::string t = fmt::format("{:<30}{:>6}{:>9}{:>12}{:>11}{:>10}{:>9}\n", "crew districts", "crews", "on tr %",
                              "at ends", "rides/wk", "waited", "wait h");
  for (const auto& m : districts)
    t += fmt::format("{:<30}{:>6}{:>9}{:>12}{:>11}{:>10}{:>9}\n", fit_column(m.section, 29), m.size,
                     num(100.0 * m.hauling_share), fmt::format("{} / {}", num(m.mean_at_first_end), num(m.mean_at_second_end)),
                     num(m.light_runs_per_week), fmt::format("{}/{}", m.trains_waited, m.trains),
                     num(m.mean_wait_hours));
  return t;
}

// Each wagon fleet: wagons on trains, where the rest stood, empty wagon trains, who waited.
std::string wagon_table(const std::vector<WagonMetrics>& fleets) {
  std::string t = fmt::format("{:<30}{:>8}{:>10}{:>16}{:>13}{:>11}{:>10}{:>9}\n", "wagon fleets", "wagons",
                              "on trn %", "at ends", "fewest", "empty trn", "waited", "wait h");
  for (const auto& m : fleets)
    t += fmt::format("{:<30}{:>8}{:>10}{:>16}{:>13}{:>11}{:>10}{:>9}\n", fit_column(m.fleet, 29), m.size,
                     num(100.0 * m.on_trains_share),
                     fmt::format("{} / {}", num(m.mean_at_first_end), num(m.mean_at_second_end)),
                     fmt::format("{} / {}", m.min_at_first_end, m.min_at_second_end), m.empty_trains,
                     fmt::format("{}/{}", m.trains_waited, m.trains), num(m.mean_wait_hours));
  return t;
}

// Each box terminal: its empty stock at the start, least, most and at the end; boxes leased,
// off-hired and sent away empty by rail over the run; the mean wait for a box.
std::string box_table(const BoxMetrics& boxes) {
  std::string t = fmt::format("{:<22}{:>7}{:>7}{:>7}{:>7}{:>8}{:>10}{:>9}{:>11}\n", "empty boxes (FEU)", "start",
                              "min", "max", "end", "leased", "off-hired", "by rail", "box wait h");
  for (const auto& b : boxes.terminals)
    t += fmt::format("{:<22}{:>7}{:>7}{:>7}{:>7}{:>8}{:>10}{:>9}{:>11}\n", fit_column(b.node, 21), b.start, b.min,
                     b.max, b.end, b.leased, b.off_hired, b.sent_by_rail, num(b.mean_box_wait_h));
  return t;
}

// With `doors:`: the focus lane's westbound door-to-door time, stage by stage, rail beside
// sea (the same stages for both: docs/model.md, "Doors: both ends of both modes").
std::string door_table(const RunResults& results) {
  const DoorMetrics& d = *results.doors;
  const ModeDoorMetrics* sea = d.sea ? &*d.sea : nullptr;
  std::string t = fmt::format("{:<38}{:>14}{:>14}\n", "door to door, stage by stage (h)", "rail", sea ? "sea" : "");
  auto row = [&](const std::string& label, double DoorStageHours::*stage) {
    t += fmt::format("{:<38}{:>14}{:>14}\n", label, num(d.rail_westbound.stages_hours.*stage),
                     sea ? num(sea->stages_hours.*stage) : "");
  };
  row("  loading at the door, haulage", &DoorStageHours::loading);
  row("  export clearance", &DoorStageHours::export_clearance);
  row("  main haul (terminal to terminal)", &DoorStageHours::main_haul);
  row("  destination terminal closed", &DoorStageHours::terminal_closed);
  row("  unloading", &DoorStageHours::unloading);
  row("  import clearance", &DoorStageHours::import_clearance);
  row("  waiting for a last-mile vehicle", &DoorStageHours::last_mile_wait);
  row("  last mile", &DoorStageHours::last_mile);
  t += fmt::format("{:<38}{:>14}{:>14}\n", "terminal to terminal days: mean",
                   num(d.rail_westbound.terminal_to_terminal_days.mean),
                   sea ? num(sea->terminal_to_terminal_days.mean) : "");
  t += fmt::format("{:<38}{:>14}{:>14}\n", "door to door days: mean", num(d.rail_westbound.stages_hours.total() / 24.0),
                   sea ? num(sea->stages_hours.total() / 24.0) : "");
  t += fmt::format("{:<38}{:>14}{:>14}\n", "missed a train at the cut-off %",
                   num(100.0 * d.rail_westbound.missed_cutoff_share), "");
  return t;
}

// With `choice:`: what one direction's market's shippers chose, class by class, and what the
// subsidy bought against the run without it.
std::string choice_table(const ChoiceMetrics& m, const char* market = "westbound") {
  std::string t;
  t += fmt::format("shippers' choice ({} market)    rail share: {}% of FEU, {}% of tonnes, {}% of value\n",
                   market, num(100.0 * m.rail_share_feu), num(100.0 * m.rail_share_tonnes), num(100.0 * m.rail_share_value));
  t += fmt::format("  {:<20}{:>8}{:>10}{:>10}{:>10}{:>12}{:>12}\n", "class", "FEU", "rail %", "rail FEU", "sea FEU",
                   "rail days", "sea days");
  for (const auto& c : m.by_class)
    t += fmt::format("  {:<20}{:>8}{:>10}{:>10}{:>10}{:>12}{:>12}\n", c.name, c.feu, num(100.0 * c.rail_share),
                     c.rail.feu, c.sea.feu, num(c.rail.mean_door_to_door_days), num(c.sea.mean_door_to_door_days));
  t += fmt::format("  left behind by a full train {} FEU (of which {} went by sea instead), rolled at sea {} FEU, "
                   "not delivered by the end {} FEU\n",
                   m.overflow_feu, m.rechosen_feu, m.rolled_sea_feu, m.in_system_feu);
  t += fmt::format("  subsidy paid {:.0f} USD", m.subsidy_paid_usd);
  if (m.subsidy) {
    t += fmt::format("; against no subsidy: {:+.0f} FEU by rail, ", m.subsidy->rail_feu_added);
    t += m.subsidy->usd_per_feu_added ? fmt::format("{:.0f} USD per FEU added", *m.subsidy->usd_per_feu_added)
                                      : std::string("no FEU added");
    t += fmt::format(", logistics cost {:+.0f} USD", m.subsidy->logistics_cost_change_usd);
  }
  t += "\n";
  return t;
}

// With `choice.routes`: the westbound market's rail routes and sea side by side.
std::string routes_table(const std::vector<RouteCarried>& routes) {
  std::string t = "routes (westbound market, what each carried)\n";
  t += fmt::format("  {:<20}{:>8}{:>9}{:>9}{:>11}{:>10}{:>12}{:>11}{:>11}\n", "route", "FEU", "share %", "km",
                   "mean days", "p95 days", "USD/FEU", "subsidy", "kg CO2e");
  for (const auto& r : routes)
    t += fmt::format("  {:<20}{:>8}{:>9}{:>9.0f}{:>11}{:>10}{:>12.0f}{:>11.0f}{:>11.0f}\n", r.name, r.feu,
                     num(100.0 * r.share_feu), r.distance_km, num(r.door_to_door_days.mean),
                     num(r.door_to_door_days.p95), r.mean_money_usd, r.mean_subsidy_usd, r.co2e_kg_per_feu);
  return t;
}

} // namespace

std::string format_terminal_table(const Scenario& scenario, const RunResults& results) {
  const RailMetrics& rail = results.rail;
  const auto& w = rail.by_direction.at(Direction::Westbound);
  const auto& e = rail.by_direction.at(Direction::Eastbound);
  std::string t;
  t += fmt::format("rongou  {}  seed {}  {} days (first {} days are warm-up, not counted)\n", scenario.name,
                   scenario.seed, scenario.horizon_days, scenario.warmup_days);
  t += fmt::format("{:<38}{:>14}{:>14}\n", "rail", "westbound", "eastbound");
  auto row = [&](const std::string& label, const std::string& a, const std::string& b) {
    t += fmt::format("{:<38}{:>14}{:>14}\n", label, a, b);
  };
  row("trains a week", num(w.trains.per_week), num(e.trains.per_week));
  row("mean load (FEU per train)", num(w.mean_train_load_feu), num(e.mean_train_load_feu));
  if (rail.departure_rules)
    row("held at origin h / cancelled", fmt::format("{} / {}", num(w.trains.held_hours_mean), w.trains.cancelled),
        fmt::format("{} / {}", num(e.trains.held_hours_mean), e.trains.cancelled));
  row("containers delivered", fmt::format("{}/{}", w.containers_delivered, w.containers_offered),
      fmt::format("{}/{}", e.containers_delivered, e.containers_offered));
  row("door-to-door days: mean", num(w.transit_days.mean), num(e.transit_days.mean));
  row("                   p50 / p95", fmt::format("{} / {}", num(w.transit_days.p50), num(w.transit_days.p95)),
      fmt::format("{} / {}", num(e.transit_days.p50), num(e.transit_days.p95)));
  row("                   p99 / max", fmt::format("{} / {}", num(w.transit_days.p99), num(w.transit_days.max)),
      fmt::format("{} / {}", num(e.transit_days.p99), num(e.transit_days.max)));
  row("hours per container: running", num(w.mean_nominal_running_h), num(e.mean_nominal_running_h));
  if (!results.boxes.terminals.empty())
    row("  waiting for an empty box", num(w.mean_waits.box), num(e.mean_waits.box));
  row("  waiting for a train at origin", num(w.mean_waits.departure), num(e.mean_waits.departure));
  row("  gauge change (queue + handling)", num(w.mean_waits.gauge_change), num(e.mean_waits.gauge_change));
  row("  waiting for a locomotive", num(w.mean_waits.locomotive), num(e.mean_waits.locomotive));
  if (!results.crews.empty())
    row("  waiting for crews", num(w.mean_waits.crew), num(e.mean_waits.crew));
  if (!results.wagons.empty())
    row("  waiting for wagons", num(w.mean_waits.wagon), num(e.mean_waits.wagon));
  row("  border dwell", num(w.mean_waits.border), num(e.mean_waits.border));
  row("  running delay", num(w.mean_waits.running_delay), num(e.mean_waits.running_delay));
  if (rail.incidents)
    row("  incidents on the line", num(w.mean_waits.incident), num(e.mean_waits.incident));
  if (rail.inspections)
    row("  held for inspection", num(w.mean_waits.inspection), num(e.mean_waits.inspection));
  if (rail.ferries)
    row("  ferries (sailing, loading)", num(w.mean_waits.ferry), num(e.mean_waits.ferry));
  if (w.mean_waits.track > 0.0 || e.mean_waits.track > 0.0)
    row("  track (single-track blocks, headways)", num(w.mean_waits.track), num(e.mean_waits.track));
  if (!rail.disruptions.empty())
    row("  disruptions (closures, slowdowns)", num(w.mean_waits.disruption), num(e.mean_waits.disruption));
  const auto& pw = rail.punctuality.at(Direction::Westbound);
  const auto& pe = rail.punctuality.at(Direction::Eastbound);
  row(fmt::format("trains on time (< {:g} min late) %", rail.punctuality_tolerance_minutes),
      num(100.0 * pw.on_time_share), num(100.0 * pe.on_time_share));
  row("train delay h: late mean / p95", fmt::format("{} / {}", num(pw.late_mean_hours), num(pw.delay_p95_hours)),
      fmt::format("{} / {}", num(pe.late_mean_hours), num(pe.delay_p95_hours)));
  auto empties = [&](Direction d) {
    return num(rail.empty_feu_per_week.count(d) ? rail.empty_feu_per_week.at(d) : 0.0);
  };
  row("empty FEU sent back a week", empties(Direction::Westbound), empties(Direction::Eastbound));
  if (results.doors)
    t += door_table(results);
  if (results.choice)
    t += choice_table(*results.choice);
  if (results.choice && !results.choice->routes.empty())
    t += routes_table(results.choice->routes);
  if (results.choice_eastbound)
    t += choice_table(*results.choice_eastbound, "eastbound");
  if (!results.boxes.terminals.empty())
    t += box_table(results.boxes);
  if (!rail.disruptions.empty()) {
    t += "disruptions                           trains hit  containers  train-hours lost\n";
    for (const auto& c : rail.calendar) { // one row per calendar item, not per window
      t += fmt::format("  {}: {} {}, {} windows, {:g} days\n", c.origin, c.name, c.where, c.windows,
                       std::round(c.window_days * 10.0) / 10.0);
      t += fmt::format("  {:<36}{:>10}{:>12}{:>18}\n", "", c.trains_hit, c.containers_hit, num(c.train_hours));
    }
    for (const auto& d : rail.disruptions) {
      if (!d.origin.empty())
        continue;
      const std::string label = fmt::format("{} {} d{:g}-{:g}", d.kind, d.where, d.from_day, d.to_day);
      if (d.kind == "sea_delay")
        t += fmt::format("  {:<36}{:>10}{:>12}{:>18}\n", label, fmt::format("{} sailings", d.sailings_hit),
                         d.containers_hit, fmt::format("{} sailing-h", num(d.sailing_hours)));
      else if (d.kind == "price")
        t += fmt::format("  {:<36}{:>10}{:>12}{:>18}\n", label, "-", d.containers_hit,
                         fmt::format("{:+.0f} USD/FEU", d.containers_hit > 0 ? d.extra_usd / d.containers_hit : 0.0));
      else
        t += fmt::format("  {:<36}{:>10}{:>12}{:>18}\n", label, d.trains_hit, d.containers_hit, num(d.train_hours));
    }
  }
  if (!rail.closures.empty()) {
    t += "closures                                    stranded  peak  cancelled  train-days  days/box  cleared in d: passed  queue\n";
    auto days = [](const std::optional<double>& d) { return d ? num(*d) : std::string("-"); };
    for (const auto& c : rail.closures) {
      const std::string label = fmt::format("{} d{:g}-{:g} {}", c.where, c.from_day, c.to_day, c.policy);
      t += fmt::format("  {:<40}{:>10}{:>6}{:>11}{:>12}{:>10}{:>22}{:>7}\n", label, c.trains_stranded, c.peak_held,
                       c.trains_cancelled, num(c.train_days), num(c.days_lost_per_focus_container),
                       days(c.days_until_last_passed), days(c.days_until_queue_cleared));
      if (c.policy == "reroute")
        t += fmt::format("    rerouted {} trains: +{} km, +{} days nominal running\n", c.trains_rerouted,
                         num(c.rerouted_extra_km), num(c.rerouted_extra_days));
    }
  }
  if (!results.pools.empty())
    t += pool_table(results.pools);
  if (!results.crews.empty())
    t += crew_table(results.crews);
  if (!results.wagons.empty())
    t += wagon_table(results.wagons);
  // A network run: the table above is the focus lane's; every lane and every crossing and
  // yard follow.
  if (scenario.is_network()) {
    t += fmt::format("focus lane: {}\n", scenario.focus().name);
    t += lane_table(rail);
    t += lane_cost_table(results);
    if (!results.servers.empty())
      t += crossing_table(results.servers);
  }
  return t;
}

} // namespace rongou
