#include "scenario/ScenarioLoader.hpp"

#include <array>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <limits>
#include <set>
#include <sstream>
#include <yaml-cpp/yaml.h>

#include "base/Identifier.hpp"
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

void read_demand(const YamlReader& r, const YAML::Node& root, Scenario& s) {
  const YAML::Node node = root["demand"];
  if (!node) {
    r.error(root, "demand", "missing required key");
    return;
  }
  if (!r.expect_map(node, "demand"))
    return;
  r.check_keys(node, "demand", keys_at("demand"));
  for (Direction d : kDirections) {
    const std::string path = YamlReader::join("demand", to_string(d));
    const YAML::Node dir = node[to_string(d)];
    if (!dir)
      continue; // no demand in that direction
    if (!r.expect_map(dir, path))
      continue;
    r.check_keys(dir, path, keys_at(path));
    DirectionalDemand demand;
    demand.feu_per_week = r.number(dir, "feu_per_week", path, true, 0.0, 1e6).value_or(0.0);
    demand.cargo_value_usd = r.number(dir, "cargo_value_usd", path, true, 0.0, 1e9).value_or(0.0);
    s.demand[d] = demand;
  }
}

void read_services(const YamlReader& r, const YAML::Node& rail, RailSpec& spec, Scenario& s) {
  const YAML::Node list = rail["services"];
  if (!list) {
    r.error(rail, "rail.services", "missing required key");
    return;
  }
  if (!r.expect_sequence(list, "rail.services"))
    return;
  std::set<std::string> names;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const YAML::Node item = list[i];
    const std::string path = YamlReader::index("rail.services", i);
    if (!r.expect_map(item, path))
      continue;
    r.check_keys(item, path, keys_at("rail.services.*"));
    RailService svc;
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
    svc.route = r.text_list(item, "route", path, true);
    if (item["route"] && item["route"].IsSequence()) {
      remember(s, YamlReader::join(path, "route"), item["route"]);
      for (std::size_t k = 0; k < item["route"].size(); ++k)
        remember(s, YamlReader::index(YamlReader::join(path, "route"), k), item["route"][k]);
      if (svc.route.size() < 2)
        r.error(item["route"], YamlReader::join(path, "route"), "a route needs at least two nodes");
    }
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
    spec.services.push_back(std::move(svc));
  }
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
    r.check_keys(item, path, keys_at("rail.locomotives.*"));
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
    pool.turnaround_hours = r.number(item, "turnaround_hours", path, true, 0.0, 24.0 * 365).value_or(0.0);
    spec.locomotives.push_back(pool);
  }
}

void read_rail(const YamlReader& r, const YAML::Node& root, Scenario& s) {
  const YAML::Node rail = root["rail"];
  if (!rail) {
    r.error(root, "rail", "missing required key");
    return;
  }
  if (!r.expect_map(rail, "rail"))
    return;
  r.check_keys(rail, "rail", keys_at("rail"));
  read_services(r, rail, s.rail, s);
  read_locomotives(r, rail, s.rail, s);
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
      remember(s, "rail.border_dwell_hours_at." + node, entry.first);
      if (auto d = r.distribution(at, node, "rail.border_dwell_hours_at", true, kMaxHorizonHours))
        s.rail.border_dwell_hours_at[node] = *d;
    }
  }
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
  read_demand(r, root, s);
  read_rail(r, root, s);
  read_disruptions(r, root, s);
  read_sea_spec(r, root, s);
  read_cost_spec(r, root, s); // after sea: it checks that a sea route has prices
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
