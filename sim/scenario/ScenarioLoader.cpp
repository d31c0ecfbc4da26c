#include "scenario/ScenarioLoader.hpp"

#include <algorithm>
#include <array>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <limits>
#include <set>
#include <sstream>
#include <string_view>
#include <yaml-cpp/yaml.h>

#include "base/Identifier.hpp"
#include "base/Utf8.hpp"
#include "scenario/BoxSpecReader.hpp"
#include "scenario/IncidentSpecReader.hpp"
#include "scenario/InspectionSpecReader.hpp"
#include "scenario/DetourSpecReader.hpp"
#include "scenario/FerrySpecReader.hpp"
#include "scenario/DoorSpecReader.hpp"
#include "scenario/ChoiceSpecReader.hpp"
#include "scenario/CalendarReader.hpp"
#include "scenario/CalendarWindows.hpp"
#include "scenario/DisruptionReader.hpp"
#include "scenario/CostSpecReader.hpp"
#include "scenario/SeaSpecReader.hpp"
#include "scenario/ScenarioKeys.hpp"
#include "scenario/ScenarioTree.hpp"
#include "scenario/YamlReader.hpp"

namespace rongou {

namespace {

constexpr std::array<const char*, 7> kWeekdays = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

void remember(Scenario& s, const std::string& path, const YAML::Node& node) {
  if (node.IsDefined() && node.Mark().line >= 0)
    s.positions[path] = {node.Mark().line + 1, node.Mark().column + 1};
}

// The `route` list of the map at `path` (a service's, or a background lane's), each item's
// place remembered so that checks against the platform can point at it.
std::vector<std::string> read_route(const YamlReader& r, const YAML::Node& map, const std::string& path, Scenario& s) {
  auto route = r.text_list(map, "route", path, true);
  const YAML::Node list = map["route"];
  const std::string route_path = YamlReader::join(path, "route");
  if (list && list.IsSequence()) {
    remember(s, route_path, list);
    for (std::size_t k = 0; k < list.size(); ++k)
      remember(s, YamlReader::index(route_path, k), list[k]);
    if (route.size() < 2)
      r.error(list, route_path, "a route needs at least two nodes");
  }
  return route;
}

// A lane's demand: `node` is the `demand` map at `path` (top level or a lane's).
void read_demand_map(const YamlReader& r, const YAML::Node& node, const std::string& path,
                     std::map<Direction, DirectionalDemand>& into) {
  if (!r.expect_map(node, path))
    return;
  r.check_keys(node, path, keys_at("demand"));
  for (Direction d : kDirections) {
    const std::string dir_path = YamlReader::join(path, to_string(d));
    const YAML::Node dir = node[to_string(d)];
    if (!dir)
      continue; // no demand in that direction
    if (!r.expect_map(dir, dir_path))
      continue;
    r.check_keys(dir, dir_path, keys_at("demand.westbound"));
    DirectionalDemand demand;
    demand.feu_per_week = r.number(dir, "feu_per_week", dir_path, true, 0.0, 1e6).value_or(0.0);
    demand.cargo_value_usd = r.number(dir, "cargo_value_usd", dir_path, true, 0.0, 1e9).value_or(0.0);
    into[d] = demand;
  }
}

// A service's `departure_rule:` (see DepartureRule). A held train waits at most two weeks:
// longer, the slots it absorbs are most of the timetable.
DepartureRule read_departure_rule(const YamlReader& r, const YAML::Node& node, const std::string& path) {
  DepartureRule rule;
  if (!r.expect_map(node, path))
    return rule;
  r.check_keys(node, path, keys_at("rail.services.*.departure_rule")); // a lane's services take the same
  if (const auto kind = r.text(node, "kind", path, true)) {
    if (*kind == "fill")
      rule.kind = DepartureRule::Kind::Fill;
    else if (*kind != "timetable")
      r.error(node["kind"], YamlReader::join(path, "kind"),
              fmt::format("'{}' is not a departure rule; use timetable or fill", *kind));
  }
  if (rule.kind == DepartureRule::Kind::Fill) {
    rule.min_fill = r.number(node, "min_fill", path, true, 0.0, 1.0).value_or(0.0);
    rule.latest_hours = r.number(node, "latest_hours", path, true, 0.0, 24.0 * 14).value_or(0.0);
  } else {
    for (const char* key : {"min_fill", "latest_hours"})
      if (node[key])
        r.error(node[key], YamlReader::join(path, key), "goes with kind: fill (a timetabled train leaves at its slot)");
  }
  rule.min_load_to_run = r.number(node, "min_load_to_run", path, false, 0.0, 1.0).value_or(0.0);
  return rule;
}

// The services of lane `lane`: `list` is the sequence at `list_path`. Service names are
// unique across all lanes (`names`): they name trains and files.
void read_services(const YamlReader& r, const YAML::Node& list, const std::string& list_path, int lane,
                   std::set<std::string>& names, Scenario& s) {
  RailSpec& spec = s.rail;
  if (!r.expect_sequence(list, list_path))
    return;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const YAML::Node item = list[i];
    const std::string path = YamlReader::index(list_path, i);
    if (!r.expect_map(item, path))
      continue;
    r.check_keys(item, path, keys_at("rail.services.*"));
    RailService svc;
    svc.lane = lane;
    svc.key_path = path;
    if (const auto name = r.text(item, "name", path, true)) {
      svc.name = *name;
      if (const auto problem = identifier_problem(*name))
        r.error(item["name"], YamlReader::join(path, "name"), "not a valid service name: " + *problem);
      else if (!names.insert(*name).second)
        r.error(item["name"], YamlReader::join(path, "name"), fmt::format("service name '{}' is used twice", *name));
    }
    if (auto dir = r.text(item, "direction", path, true)) {
      if (*dir == "westbound")
        svc.direction = Direction::Westbound;
      else if (*dir == "eastbound")
        svc.direction = Direction::Eastbound;
      else
        r.error(item["direction"], YamlReader::join(path, "direction"),
                fmt::format("'{}' is not a direction; use westbound or eastbound", *dir));
    }
    svc.route = read_route(r, item, path, s);
    const auto days = r.text_list(item, "departures", path, true);
    for (std::size_t k = 0; k < days.size(); ++k) {
      if (auto wd = parse_weekday(days[k]))
        svc.departure_weekdays.push_back(*wd);
      else
        r.error(item["departures"][k], YamlReader::index(YamlReader::join(path, "departures"), k),
                fmt::format("'{}' is not a weekday; use Mon, Tue, Wed, Thu, Fri, Sat or Sun", days[k]));
    }
    std::sort(svc.departure_weekdays.begin(), svc.departure_weekdays.end());
    if (std::adjacent_find(svc.departure_weekdays.begin(), svc.departure_weekdays.end()) !=
        svc.departure_weekdays.end())
      r.error(item["departures"], YamlReader::join(path, "departures"), "a weekday is listed twice");
    svc.departure_hour = r.number(item, "departure_hour", path, false, 0.0, 23.999).value_or(svc.departure_hour);
    svc.max_feu = static_cast<int>(r.integer(item, "max_feu", path, true, 1, 200).value_or(1));
    remember(s, YamlReader::join(path, "max_feu"), item["max_feu"]);
    if (item["departure_rule"])
      svc.departure_rule = read_departure_rule(r, item["departure_rule"], YamlReader::join(path, "departure_rule"));
    spec.services.push_back(std::move(svc));
  }
}

// `depots: {node: locomotives based there, ...}`, nodes among the section's ends, adding up to
// the pool's count.
// `key` is `depots` for locomotives and `home` for crews.
void read_depots(const YamlReader& r, const YAML::Node& item, const std::string& path, LocomotivePoolSpec& pool,
                 const char* key = "depots") {
  const bool crews = std::string_view(key) == "home";
  const YAML::Node depots = item[key];
  const std::string depots_path = YamlReader::join(path, key);
  if (!depots || !r.expect_map(depots, depots_path))
    return;
  std::pair<int, int> based{-1, -1};
  int total = 0;
  for (const auto& entry : depots) {
    if (!entry.first.IsScalar()) {
      r.error(entry.first, depots_path, "a key must be a node name, an end of the section or district");
      return;
    }
    const std::string node = entry.first.as<std::string>();
    const std::string node_path = YamlReader::join(depots_path, node);
    int* at = node == pool.first_node ? &based.first : node == pool.second_node ? &based.second : nullptr;
    if (at == nullptr) {
      r.error(entry.first, node_path,
              fmt::format("'{}' is not an end of {} {}: a {} is at one of its ends", node, crews ? "district" : "section",
                          pool.label(), crews ? "home" : "depot"));
      return;
    }
    const auto n = r.integer(depots, node, depots_path, true, 0, 10000);
    if (!n)
      return;
    *at = static_cast<int>(*n);
    total += static_cast<int>(*n);
  }
  if (based.first < 0 && based.second < 0) {
    r.error(depots, depots_path,
            crews ? "crews need a home at one end of their district at least"
                  : "a pool needs a depot at one end of its section at least");
    return;
  }
  if (total != pool.count) {
    r.error(depots, depots_path,
            fmt::format("{} {} based at the {}, but the pool has count {}", total, crews ? "crews" : "locomotives",
                        crews ? "homes" : "depots",
                        pool.count));
    return;
  }
  pool.depots = based;
}

void read_locomotives(const YamlReader& r, const YAML::Node& rail, RailSpec& spec, Scenario& s) {
  const YAML::Node list = rail["locomotives"];
  if (!list)
    return;
  if (!r.expect_sequence(list, "rail.locomotives"))
    return;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const YAML::Node item = list[i];
    const std::string path = YamlReader::index("rail.locomotives", i);
    if (!r.expect_map(item, path))
      continue;
    // The key of the model before locomotives ran back gets its own message, not "unknown key".
    std::vector<std::string> allowed = keys_at("rail.locomotives.*");
    if (item["turnaround_hours"])
      allowed.push_back("turnaround_hours");
    r.check_keys(item, path, allowed);
    LocomotivePoolSpec pool;
    const auto section = r.text_list(item, "section", path, true);
    remember(s, YamlReader::join(path, "section"), item["section"]);
    if (item["section"] && section.size() != 2)
      r.error(item["section"], YamlReader::join(path, "section"), "a section is [first node, last node]");
    else if (section.size() == 2) {
      pool.first_node = section[0];
      pool.second_node = section[1];
      if (pool.first_node == pool.second_node)
        r.error(item["section"], YamlReader::join(path, "section"), "a section needs two different nodes");
    }
    // A pool of zero on a used section would leave trains waiting for ever; that check needs
    // the routes and is made with the platform, but a negative or absent count is wrong here.
    pool.count = static_cast<int>(r.integer(item, "count", path, true, 0, 10000).value_or(0));
    remember(s, YamlReader::join(path, "count"), item["count"]);
    if (item["turnaround_hours"])
      r.error(item["turnaround_hours"], YamlReader::join(path, "turnaround_hours"),
              "a pool has no turnaround time: its locomotives run back across the section, hauling or light; "
              "give servicing_hours (at a depot) and, if not 24, max_idle_hours instead");
    pool.servicing_hours = r.number(item, "servicing_hours", path, true, 0.0, 24.0 * 365).value_or(0.0);
    pool.max_idle_hours = r.number(item, "max_idle_hours", path, false, 0.0, 24.0 * 365).value_or(24.0);
    read_depots(r, item, path, pool);
    spec.locomotives.push_back(pool);
  }
}

// `crews:`, one item per crew district.
void read_crews(const YamlReader& r, const YAML::Node& rail, RailSpec& spec, Scenario& s) {
  const YAML::Node list = rail["crews"];
  if (!list)
    return;
  if (!r.expect_sequence(list, "rail.crews"))
    return;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const YAML::Node item = list[i];
    const std::string path = YamlReader::index("rail.crews", i);
    if (!r.expect_map(item, path))
      continue;
    r.check_keys(item, path, keys_at("rail.crews.*"));
    CrewDistrictSpec district;
    const auto ends = r.text_list(item, "district", path, true);
    remember(s, YamlReader::join(path, "district"), item["district"]);
    if (item["district"] && ends.size() != 2)
      r.error(item["district"], YamlReader::join(path, "district"), "a district is [first node, last node]");
    else if (ends.size() == 2) {
      district.first_node = ends[0];
      district.second_node = ends[1];
      if (district.first_node == district.second_node)
        r.error(item["district"], YamlReader::join(path, "district"), "a district needs two different nodes");
    }
    district.count = static_cast<int>(r.integer(item, "count", path, true, 0, 100000).value_or(0));
    remember(s, YamlReader::join(path, "count"), item["count"]);
    district.rest_hours = r.number(item, "rest_hours", path, true, 0.0, 24.0 * 365).value_or(0.0);
    district.max_duty_hours = r.number(item, "max_duty_hours", path, false, 0.5, 24.0 * 7).value_or(12.0);
    district.max_idle_hours = r.number(item, "max_idle_hours", path, false, 0.0, 24.0 * 365).value_or(24.0);
    LocomotivePoolSpec as_pool = district.as_pool();
    read_depots(r, item, path, as_pool, "home");
    district.home = as_pool.depots;
    spec.crews.push_back(district);
  }
}

// `rail.wagons`: fleets, each on a section between two nodes where one gauge network's trains
// are formed and broken up (checked against the routes with the platform, RoutePlan).
void read_wagons(const YamlReader& r, const YAML::Node& rail, RailSpec& spec, Scenario& s) {
  const YAML::Node list = rail["wagons"];
  if (!list || !r.expect_sequence(list, "rail.wagons"))
    return;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const YAML::Node item = list[i];
    const std::string path = YamlReader::index("rail.wagons", i);
    if (!r.expect_map(item, path))
      continue;
    r.check_keys(item, path, keys_at("rail.wagons.*"));
    WagonFleetSpec fleet;
    const auto section = r.text_list(item, "section", path, true);
    remember(s, YamlReader::join(path, "section"), item["section"]);
    if (item["section"] && section.size() != 2)
      r.error(item["section"], YamlReader::join(path, "section"), "a section is [first node, last node]");
    else if (section.size() == 2) {
      fleet.first_node = section[0];
      fleet.second_node = section[1];
      if (fleet.first_node == fleet.second_node)
        r.error(item["section"], YamlReader::join(path, "section"), "a section needs two different nodes");
    }
    fleet.count = static_cast<int>(r.integer(item, "count", path, true, 1, 1000000).value_or(1));
    remember(s, YamlReader::join(path, "count"), item["count"]);
    fleet.feu_per_wagon = static_cast<int>(r.integer(item, "feu_per_wagon", path, false, 1, 4).value_or(1));
    fleet.max_idle_hours = r.number(item, "max_idle_hours", path, false, 0.0, 24.0 * 365).value_or(48.0);
    const YAML::Node depots = item["depots"];
    const std::string depots_path = YamlReader::join(path, "depots");
    if (depots && r.expect_map(depots, depots_path)) {
      std::pair<int, int> based{0, 0};
      int total = 0;
      bool ok = true;
      for (const auto& entry : depots) {
        if (!entry.first.IsScalar()) {
          r.error(entry.first, depots_path, "a key must be a node name, an end of the section");
          ok = false;
          break;
        }
        const std::string node = entry.first.as<std::string>();
        int* at = node == fleet.first_node ? &based.first : node == fleet.second_node ? &based.second : nullptr;
        if (at == nullptr) {
          r.error(entry.first, YamlReader::join(depots_path, node),
                  fmt::format("'{}' is not an end of section {}: wagons stand at one of its ends", node,
                              fleet.label()));
          ok = false;
          break;
        }
        const auto n = r.integer(depots, node, depots_path, true, 0, 1000000);
        if (!n) {
          ok = false;
          break;
        }
        *at = static_cast<int>(*n);
        total += static_cast<int>(*n);
      }
      if (ok && total != fleet.count)
        r.error(depots, depots_path,
                fmt::format("{} wagons at the ends, but the fleet has count {}", total, fleet.count));
      else if (ok)
        fleet.depots = based;
    }
    spec.wagons.push_back(fleet);
  }
}

void read_rail(const YamlReader& r, const YAML::Node& root, std::set<std::string>& service_names, Scenario& s) {
  const YAML::Node rail = root["rail"];
  if (!rail) {
    r.error(root, "rail", "missing required key");
    return;
  }
  if (!r.expect_map(rail, "rail"))
    return;
  r.check_keys(rail, "rail", keys_at("rail"));
  if (const YAML::Node list = rail["services"])
    read_services(r, list, "rail.services", 0, service_names, s);
  else if (!root["lanes"])
    r.error(rail, "rail.services", "missing required key");
  read_locomotives(r, rail, s.rail, s);
  read_crews(r, rail, s.rail, s);
  read_wagons(r, rail, s.rail, s);
  if (auto d = r.distribution(rail, "running_delay_fraction", "rail", false, kMaxRunningDelayFraction))
    s.rail.running_delay_fraction = *d;
  if (auto d = r.distribution(rail, "border_dwell_hours", "rail", false, kMaxHorizonHours))
    s.rail.border_dwell_hours = *d;
  if (const YAML::Node at = rail["border_dwell_hours_at"]; at && r.expect_map(at, "rail.border_dwell_hours_at")) {
    for (const auto& entry : at) {
      if (!entry.first.IsScalar()) {
        r.error(entry.first, "rail.border_dwell_hours_at", "a key must be a node name");
        continue;
      }
      const auto node = entry.first.Scalar();
      const std::string path = "rail.border_dwell_hours_at." + node;
      remember(s, path, entry.first);
      // {westbound: dist, eastbound: dist}, or one distribution for both directions.
      const YAML::Node value = at[node];
      if (value.IsMap() && (value["westbound"] || value["eastbound"])) {
        r.check_keys(value, path, {"westbound", "eastbound"});
        const auto west = r.distribution(value, "westbound", path, true, kMaxHorizonHours);
        const auto east = r.distribution(value, "eastbound", path, true, kMaxHorizonHours);
        if (west && east)
          s.rail.border_dwell_hours_at[node] = BorderDwell{*west, *east};
      } else if (auto d = r.distribution(at, node, "rail.border_dwell_hours_at", true, kMaxHorizonHours)) {
        s.rail.border_dwell_hours_at[node] = BorderDwell{*d, *d};
      }
    }
  }
  read_incident_spec(r, rail, s);
  read_inspection_specs(r, rail, s);
  read_ferry_specs(r, rail, s);
  read_detour_specs(r, rail, s);
  s.rail.punctuality_tolerance_minutes =
      r.number(rail, "punctuality_tolerance_minutes", "rail", false, 0.0, kMaxHorizonHours * 60.0)
          .value_or(s.rail.punctuality_tolerance_minutes);
}

// A background lane's `background:` map: a route (westbound order; eastbound trains run it
// reversed) and trains a week per direction, each a service of its own.
void read_background(const YamlReader& r, const YAML::Node& node, const std::string& path, int lane,
                     const std::string& lane_name, std::set<std::string>& names, Scenario& s) {
  if (!r.expect_map(node, path))
    return;
  r.check_keys(node, path, keys_at("lanes.*.background"));
  const auto route = read_route(r, node, path, s);
  BackgroundTimetable timetable;
  timetable.load_feu = static_cast<int>(r.integer(node, "feu_per_train", path, true, 0, 200).value_or(0));
  remember(s, YamlReader::join(path, "feu_per_train"), node["feu_per_train"]);
  timetable.departure_jitter_hours = r.number(node, "departure_jitter_hours", path, false, 0.0, 168.0).value_or(0.0);
  if (const YAML::Node season = node["seasonal_index"]) {
    const std::string season_path = YamlReader::join(path, "seasonal_index");
    if (r.expect_sequence(season, season_path)) {
      if (season.size() != 12)
        r.error(season, season_path, fmt::format("{} factors; give 12, one a month", season.size()));
      for (std::size_t m = 0; m < season.size(); ++m) {
        YAML::Node wrapper;
        wrapper["f"] = season[m];
        const auto f = r.number(wrapper, "f", YamlReader::index(season_path, m), true, 0.0, 100.0);
        timetable.seasonal_index.push_back(f.value_or(1.0));
      }
    }
  }
  const YAML::Node per_week = node["trains_per_week"];
  const std::string per_week_path = YamlReader::join(path, "trains_per_week");
  if (!per_week) {
    r.error(node, per_week_path, "missing required key");
    return;
  }
  if (!r.expect_map(per_week, per_week_path))
    return;
  r.check_keys(per_week, per_week_path, keys_at("lanes.*.background.trains_per_week"));
  remember(s, per_week_path, per_week);
  for (Direction d : kDirections) {
    // A direction given as 0 trains a week still has its service, with no departures: its route
    // stays planned, so a what-if that stops a lane's trains leaves the scenario's locomotive
    // sections on routes and its lane in every table.
    const auto n = r.number(per_week, to_string(d), per_week_path, false, 0.0, 10000.0);
    if (!n)
      continue;
    RailService svc;
    svc.name = fmt::format("{}-{}", lane_name, to_string(d));
    if (!lane_name.empty() && !names.insert(svc.name).second)
      r.error(per_week, per_week_path, fmt::format("service name '{}' is used twice", svc.name));
    svc.direction = d;
    svc.route = route;
    if (d == Direction::Eastbound)
      std::reverse(svc.route.begin(), svc.route.end());
    svc.lane = lane;
    svc.key_path = path;
    svc.max_feu = std::max(1, timetable.load_feu);
    svc.background = timetable;
    svc.background->trains_per_week = *n;
    s.rail.services.push_back(std::move(svc));
  }
}

// `lanes:` beside the top-level lane: tracked lanes (demand and services) and background
// lanes (trains a week). Names are unique, the top-level lane's (focus_lane) included.
void read_lanes(const YamlReader& r, const YAML::Node& root, std::set<std::string>& service_names, Scenario& s) {
  const YAML::Node list = root["lanes"];
  if (!list || !r.expect_sequence(list, "lanes"))
    return;
  std::set<std::string> lane_names;
  for (const auto& lane : s.lanes)
    lane_names.insert(lane.name);
  for (std::size_t i = 0; i < list.size(); ++i) {
    const YAML::Node item = list[i];
    const std::string path = YamlReader::index("lanes", i);
    if (!r.expect_map(item, path))
      continue;
    r.check_keys(item, path, keys_at("lanes.*"));
    Lane lane;
    lane.key_path = path;
    lane.item = static_cast<int>(i);
    if (const auto name = r.text(item, "name", path, true)) {
      remember(s, YamlReader::join(path, "name"), item["name"]);
      if (const auto problem = identifier_problem(*name))
        r.error(item["name"], YamlReader::join(path, "name"), "not a valid lane name: " + *problem);
      else if (!lane_names.insert(*name).second)
        r.error(item["name"], YamlReader::join(path, "name"), fmt::format("lane name '{}' is used twice", *name));
      lane.name = *name;
    }
    const int index = static_cast<int>(s.lanes.size());
    const bool tracked = item["demand"] || item["services"];
    if (item["background"] && tracked) {
      r.error(item["background"], YamlReader::join(path, "background"),
              "a lane is either background (trains a week) or tracked (demand and services), not both");
    } else if (item["background"]) {
      lane.background = true;
      for (const char* section : {"sea", "costs"})
        if (item[section])
          r.error(item[section], YamlReader::join(path, section),
                  "a background lane carries no tracked containers: it has no sea alternative or costs");
      read_background(r, item["background"], YamlReader::join(path, "background"), index, lane.name, service_names,
                      s);
    } else if (tracked) {
      if (!item["demand"])
        r.error(item, YamlReader::join(path, "demand"), "missing required key (a lane with services has demand)");
      else
        read_demand_map(r, item["demand"], YamlReader::join(path, "demand"), lane.demand);
      if (!item["services"])
        r.error(item, YamlReader::join(path, "services"), "missing required key (a lane with demand has services)");
      else
        read_services(r, item["services"], YamlReader::join(path, "services"), index, service_names, s);
      if (const YAML::Node sea = item["sea"])
        lane.sea = read_sea_section(r, sea, YamlReader::join(path, "sea"), s);
      if (const YAML::Node costs = item["costs"])
        lane.costs = read_cost_section(r, costs, YamlReader::join(path, "costs"), item["sea"].IsDefined());
    } else {
      r.error(item, path, "a lane needs either background (trains a week) or demand and services");
    }
    s.lanes.push_back(std::move(lane));
  }
}

// The eastbound sea chain runs between the lane's eastbound terminals, kept in the westbound
// geography of SeaSpec: `origin` is the Chinese end (where eastbound services end),
// `destination` the European end (where they start).
void settle_eastbound_ends(const YamlReader& r, const YAML::Node& node, const std::string& path,
                           const std::string& lane_name, int lane, const Scenario& s, SeaSpec& east) {
  const RailService* first = nullptr;
  for (const auto& svc : s.rail.services) {
    if (svc.lane != lane || svc.direction != Direction::Eastbound || svc.route.size() < 2)
      continue;
    if (first == nullptr) {
      first = &svc;
      east.destination = svc.route.front();
      east.origin = svc.route.back();
    } else if (svc.route.front() != east.destination || svc.route.back() != east.origin) {
      r.error(node, path,
              fmt::format("eastbound services '{}' and '{}' run between different terminals; the eastbound sea chain "
                          "needs one origin and one destination",
                          first->name, svc.name));
      return;
    }
  }
  if (first == nullptr)
    r.error(node, path,
            fmt::format("the eastbound sea chain carries eastbound containers, and lane '{}' has no eastbound service",
                        lane_name));
}

// Each sea alternative runs between its lane's westbound terminals: the first and last node
// of the lane's westbound services, which must agree.
void settle_sea_ends(const YamlReader& r, const YAML::Node& root, Scenario& s) {
  for (std::size_t lane = 0; lane < s.lanes.size(); ++lane) {
    const int index = static_cast<int>(lane);
    const bool focus = index == s.focus_lane;
    std::optional<SeaSpec>& sea = focus ? s.sea : s.lanes[lane].sea;
    if (!sea)
      continue;
    const std::string path = s.section_path(index, "sea");
    const YAML::Node node = focus ? root["sea"] : root["lanes"][s.lanes[lane].item]["sea"];
    const RailService* first = nullptr;
    for (const auto& svc : s.rail.services) {
      if (svc.lane != index || svc.direction != Direction::Westbound || svc.route.size() < 2)
        continue;
      if (first == nullptr) {
        first = &svc;
        sea->origin = svc.route.front();
        sea->destination = svc.route.back();
      } else if (svc.route.front() != sea->origin || svc.route.back() != sea->destination) {
        r.error(node, path,
                fmt::format("westbound services '{}' and '{}' run between different terminals; the sea alternative "
                            "needs one origin and one destination",
                            first->name, svc.name));
        break;
      }
    }
    if (first == nullptr)
      r.error(node, path,
              fmt::format("the sea alternative carries westbound containers, and lane '{}' has no westbound service",
                          s.lanes[lane].name));
    if (sea->eastbound)
      settle_eastbound_ends(r, node["eastbound"], path + ".eastbound", s.lanes[lane].name, index, s, *sea->eastbound);
  }
}

// The focus lane's sea alternative and prices are the top-level `sea:` and `costs:`; a
// `lanes:` item named by focus_lane has none of its own.
void refuse_focus_lane_sections(const YamlReader& r, const YAML::Node& root, Scenario& s) {
  Lane& focus = s.lanes.at(static_cast<std::size_t>(s.focus_lane));
  if (focus.item < 0)
    return;
  const YAML::Node item = root["lanes"][focus.item];
  for (const char* section : {"sea", "costs"})
    if (item[section])
      r.error(item[section], YamlReader::join(focus.key_path, section),
              fmt::format("lane '{}' is the focus lane: its {} is the top-level {}:", focus.name, section, section));
  focus.sea.reset();
  focus.costs.reset();
}

// `build:` what-ifs that add to the platform's nodes, or change a segment's track. Checked
// against the platform later.
void read_build(const YamlReader& r, const YAML::Node& root, Scenario& s) {
  const YAML::Node list = root["build"];
  if (!list || !r.expect_sequence(list, "build"))
    return;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const YAML::Node item = list[i];
    const std::string path = YamlReader::index("build", i);
    if (!r.expect_map(item, path))
      continue;
    r.check_keys(item, path, keys_at("build.*"));
    CapacityAddition add;
    add.key_path = path;
    remember(s, path, item);
    if (item["segment"]) {
      add.segment = r.text(item, "segment", path, true).value_or("");
      for (const char* key : {"segment", "track", "passing_loops"})
        if (item[key])
          remember(s, YamlReader::join(path, key), item[key]);
      if (item["node"])
        r.error(item["node"], YamlReader::join(path, "node"), "a build item is at a node or on a segment, not both");
      for (const char* key : {"add_tracks", "add_cranes", "add_crossing_positions", "crossing_processing_hours",
                              "crossing_trains_per_day", "crossing_opens_hour", "crossing_closes_hour", "new_yard"})
        if (item[key])
          r.error(item[key], YamlReader::join(path, key), "a segment has no yard or crossing; give it at a node");
      if (const auto track = r.text(item, "track", path, false)) {
        if (*track != "single" && *track != "double")
          r.error(item["track"], YamlReader::join(path, "track"),
                  fmt::format("unknown track '{}'; use single or double", printable(*track)));
        else
          add.single_track = *track == "single";
      }
      if (const auto loops = r.integer(item, "passing_loops", path, false, 0, 10000))
        add.passing_loops = static_cast<int>(*loops);
      add.headway_minutes = r.number(item, "headway_minutes", path, false, 0.0, 10080.0);
      if (!item["track"] && !item["passing_loops"] && !item["headway_minutes"])
        r.error(item, path, "a segment's build item changes its track, passing_loops or headway_minutes");
      s.build.push_back(std::move(add));
      continue;
    }
    for (const char* key : {"track", "passing_loops", "headway_minutes"})
      if (item[key])
        r.error(item[key], YamlReader::join(path, key), "a node has no track to change; give it on a segment");
    add.node = r.text(item, "node", path, true).value_or("");
    remember(s, YamlReader::join(path, "node"), item["node"]);
    add.add_tracks = static_cast<int>(r.integer(item, "add_tracks", path, false, 0, 1000).value_or(0));
    add.add_cranes = static_cast<int>(r.integer(item, "add_cranes", path, false, 0, 1000).value_or(0));
    add.add_crossing_positions =
        static_cast<int>(r.integer(item, "add_crossing_positions", path, false, 0, 1000).value_or(0));
    add.crossing_processing_hours = r.number(item, "crossing_processing_hours", path, false, 0.0, 8760.0);
    add.crossing_trains_per_day = r.number(item, "crossing_trains_per_day", path, false, 0.01, 10000.0);
    add.crossing_opens_hour = r.number(item, "crossing_opens_hour", path, false, 0.0, 24.0);
    add.crossing_closes_hour = r.number(item, "crossing_closes_hour", path, false, 0.0, 24.0);
    if (add.crossing_opens_hour.has_value() != add.crossing_closes_hour.has_value())
      r.error(item, path, "opening hours need both crossing_opens_hour and crossing_closes_hour");
    else if (add.crossing_opens_hour && *add.crossing_opens_hour == *add.crossing_closes_hour)
      r.error(item["crossing_closes_hour"], YamlReader::join(path, "crossing_closes_hour"),
              "a crossing that closes when it opens is never open (leave both out for one open around the clock)");
    if (const YAML::Node yard = item["new_yard"]) {
      const std::string yard_path = YamlReader::join(path, "new_yard");
      if (r.expect_map(yard, yard_path)) {
        r.check_keys(yard, yard_path, keys_at("build.*.new_yard"));
        NewYardSpec y;
        y.tracks = static_cast<int>(r.integer(yard, "tracks", yard_path, true, 1, 1000).value_or(1));
        y.cranes = static_cast<int>(r.integer(yard, "cranes", yard_path, true, 1, 1000).value_or(1));
        y.cranes_per_train =
            static_cast<int>(r.integer(yard, "cranes_per_train", yard_path, false, 1, 1000).value_or(y.cranes));
        y.crane_rate_feu_per_hour = r.number(yard, "crane_rate_feu_per_hour", yard_path, true, 0.001, 1e4).value_or(1);
        y.handling_fixed_hours = r.number(yard, "handling_fixed_hours", yard_path, false, 0.0, 8760.0).value_or(0);
        add.new_yard = y;
      }
    }
    s.build.push_back(std::move(add));
  }
}

// Whether rail.services is given (rail may be anything a file says: only a map has keys).
bool has_top_level_services(const YAML::Node& root) {
  const YAML::Node rail = root["rail"];
  return rail && rail.IsMap() && rail["services"];
}

// The lane the top-level keys describe: the top-level demand and rail.services if given
// (named by focus_lane, "main" if not said), else the tracked lane focus_lane names.
void settle_focus(const YamlReader& r, const YAML::Node& root, Scenario& s) {
  const auto focus = r.text(root, "focus_lane", "", false);
  remember(s, "focus_lane", root["focus_lane"]);
  const bool top_level = has_top_level_services(root);
  if (top_level || !root["lanes"]) { // without lanes, the top-level lane is the only one
    s.focus_lane = 0;
    return;
  }
  if (!focus) {
    r.error(root, "focus_lane", "missing required key: without rail.services, focus_lane names the lane the summary describes");
    return;
  }
  for (std::size_t i = 0; i < s.lanes.size(); ++i)
    if (s.lanes[i].name == *focus) {
      if (s.lanes[i].background)
        r.error(root["focus_lane"], "focus_lane",
                fmt::format("lane '{}' is background traffic: the focus lane carries containers", *focus));
      s.focus_lane = static_cast<int>(i);
      s.demand = s.lanes[i].demand;
      return;
    }
  std::vector<std::string> names;
  for (const auto& lane : s.lanes)
    names.push_back(lane.name);
  const std::string suggestion = closest_match(*focus, names);
  r.error(root["focus_lane"], "focus_lane",
          fmt::format("no lane is named '{}'{}", *focus,
                      suggestion.empty() ? "" : fmt::format(" (did you mean '{}'?)", suggestion)));
}

// Reads what it can, adding every problem to `diagnostics`; throws nothing for bad input.
Scenario read_root(const ScenarioTree& tree, Diagnostics& diagnostics) {
  const YAML::Node& root = tree.root;
  YamlReader r(tree.file, diagnostics, &tree.sources);
  Scenario s;
  s.source_file = tree.file;
  s.sources = tree.sources;
  if (!r.expect_map(root, ""))
    return s;
  r.check_keys(root, "", keys_at(""));
  if (const auto name = r.text(root, "name", "", true)) {
    if (const auto problem = identifier_problem(*name))
      r.error(root["name"], "name", "not a valid scenario name: " + *problem);
    else if (name->find('/') != std::string::npos)
      r.error(root["name"], "name", "a scenario name names a results folder: no slashes");
    else
      s.name = *name;
  }
  s.description = r.text(root, "description", "", false).value_or("");
  if (auto platform = r.text(root, "platform", "", true)) {
    // Relative to the file that names it (a parent's, with extends); from --set, to the
    // current directory.
    std::filesystem::path p(*platform);
    const Origin& origin = tree.sources.lookup("platform");
    if (p.is_relative() && origin.has_marks)
      p = (origin.source == tree.file ? std::filesystem::path(tree.base_directory)
                                      : std::filesystem::path(origin.source).parent_path()) / p;
    s.platform_file = p.lexically_normal().string();
    remember(s, "platform", root["platform"]);
  }
  const auto horizon = r.number(root, "horizon_days", "", true, 1.0, kMaxHorizonDays);
  s.horizon_days = horizon.value_or(1.0);
  s.warmup_days = r.number(root, "warmup_days", "", false, 0.0, kMaxHorizonDays).value_or(0.0);
  if (horizon && s.warmup_days >= s.horizon_days)
    r.error(root["warmup_days"], "warmup_days", "the warm-up must end before the horizon");
  s.seed = static_cast<std::uint64_t>(r.integer(root, "seed", "", false, 0, 1LL << 53).value_or(1));
  // The top-level lane comes first: rail.services name lane 0.
  std::set<std::string> service_names;
  const bool top_level_lane = !root["lanes"] || has_top_level_services(root);
  if (!top_level_lane && root["demand"])
    r.error(root["demand"], "demand", "the top-level demand goes with rail.services; a lane in lanes has its own");
  if (top_level_lane) {
    Lane lane;
    lane.name = r.text(root, "focus_lane", "", false).value_or("main");
    if (const auto problem = identifier_problem(lane.name))
      r.error(root["focus_lane"], "focus_lane", "not a valid lane name: " + *problem);
    if (const YAML::Node demand = root["demand"])
      read_demand_map(r, demand, "demand", lane.demand);
    else
      r.error(root, "demand", "missing required key");
    s.demand = lane.demand;
    s.lanes.push_back(std::move(lane));
  }
  read_rail(r, root, service_names, s);
  read_lanes(r, root, service_names, s);
  settle_focus(r, root, s);
  read_build(r, root, s);
  read_disruptions(r, root, s);
  read_sea_spec(r, root, s);
  read_cost_spec(r, root, s); // after sea: it checks that a sea route has prices
  if (!s.lanes.empty()) {
    refuse_focus_lane_sections(r, root, s);
    settle_sea_ends(r, root, s);
  }
  read_box_spec(r, root, s); // after the lanes: stocks name their terminals
  read_door_spec(r, root, s);
  read_calendar(r, root, s);
  read_choice_spec(r, root, s); // after sea, costs, boxes and doors, which it needs or refuses
  if (diagnostics.empty())
    expand_calendar(s); // again by whoever changes the seed (replications, sweeps)
  return s;
}

} // namespace

std::optional<int> parse_weekday(const std::string& name) {
  for (std::size_t i = 0; i < kWeekdays.size(); ++i)
    if (name == kWeekdays[i])
      return static_cast<int>(i);
  return std::nullopt;
}

const char* weekday_name(int weekday) { return kWeekdays.at(static_cast<std::size_t>(weekday % 7)); }

std::optional<Scenario> read_scenario(ScenarioTree tree, const std::vector<std::string>& overrides,
                                      Diagnostics& diagnostics) {
  // Unreadable, malformed, or a broken extends chain: reading on would only add noise.
  if (!tree.root.IsDefined() || !diagnostics.empty())
    return std::nullopt;
  for (const auto& assignment : overrides)
    apply_override(tree, assignment, diagnostics);
  Scenario s = read_root(tree, diagnostics);
  if (tree.root.IsMap()) {
    YAML::Node resolved = YAML::Clone(tree.root);
    // The saved copy must run from wherever it is kept.
    if (!s.platform_file.empty())
      resolved["platform"] = std::filesystem::absolute(s.platform_file).lexically_normal().string();
    s.resolved_yaml = emit_yaml(resolved);
  }
  return s;
}

std::optional<Scenario> read_scenario(const std::string& path, const std::vector<std::string>& overrides,
                                      Diagnostics& diagnostics) {
  return read_scenario(read_scenario_tree(path, diagnostics), overrides, diagnostics);
}

Scenario load_scenario_from_string(const std::string& yaml, const std::string& file_label,
                                   const std::string& base_directory, const std::vector<std::string>& overrides) {
  Diagnostics diagnostics;
  auto s = read_scenario(read_scenario_tree_from_string(yaml, file_label, base_directory, diagnostics), overrides,
                         diagnostics);
  diagnostics.throw_if_any();
  return std::move(*s);
}

Scenario load_scenario(const std::string& path, const std::vector<std::string>& overrides) {
  Diagnostics diagnostics;
  auto s = read_scenario(path, overrides, diagnostics);
  diagnostics.throw_if_any();
  return std::move(*s);
}

} // namespace rongou
