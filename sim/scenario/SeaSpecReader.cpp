#include "scenario/SeaSpecReader.hpp"
#include "scenario/ScenarioKeys.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>

#include "base/Identifier.hpp"
#include "scenario/ScenarioLoader.hpp"

namespace rongou {

const char* to_string(InlandMode mode) { return mode == InlandMode::Rail ? "rail" : "barge"; }
const char* to_string(LastLegMode mode) { return mode == LastLegMode::Rail ? "rail" : "road"; }

namespace {
constexpr double kMaxDays = 365.0;
}

std::optional<SeaSpec> read_sea_section(const YamlReader& r, const YAML::Node& node, const std::string& path,
                                        Scenario& s) {
  if (!r.expect_map(node, path))
    return std::nullopt;
  r.check_keys(node, path, keys_at("sea"));
  const auto key = [&](const char* k) { return YamlReader::join(path, k); };
  SeaSpec sea;
  auto choice = [&](const char* k, const std::vector<std::string>& allowed) -> std::optional<std::string> {
    auto value = r.text(node, k, path, false);
    if (!value)
      return std::nullopt;
    if (std::find(allowed.begin(), allowed.end(), *value) != allowed.end())
      return value;
    std::string list;
    for (const auto& a : allowed)
      list += (list.empty() ? "" : ", ") + a;
    r.error(node[k], key(k), fmt::format("'{}' is not one of {}", *value, list));
    return std::nullopt;
  };
  if (auto m = choice("inland_mode", {"rail", "barge"}))
    sea.inland_mode = *m == "rail" ? InlandMode::Rail : InlandMode::Barge;
  if (auto m = choice("last_leg_mode", {"rail", "road"}))
    sea.last_leg_mode = *m == "rail" ? LastLegMode::Rail : LastLegMode::Road;
  // The lower-case names are the ports the first scenarios knew; any other value is a
  // platform node, checked to be a port when the chain is built (sim/model/sea/SeaRoute).
  static const std::map<std::string, std::string> ports = {
      {"gdansk", "Gdansk"}, {"hamburg", "Hamburg"}, {"rotterdam", "Rotterdam"}};
  for (auto [k, field] : {std::pair{"european_port", &sea.european_port}, std::pair{"origin_port", &sea.origin_port}})
    if (auto p = r.text(node, k, path, false)) {
      const auto known = ports.find(*p);
      *field = known != ports.end() && field == &sea.european_port ? known->second : *p;
      if (const auto problem = identifier_problem(*p))
        r.error(node[k], key(k), "not a valid node name: " + *problem);
    }

  const auto days = r.text_list(node, "sailings", path, true);
  for (std::size_t k = 0; k < days.size(); ++k) {
    if (auto wd = parse_weekday(days[k]))
      sea.sailing_weekdays.push_back(*wd);
    else
      r.error(node["sailings"][k], YamlReader::index(key("sailings"), k),
              fmt::format("'{}' is not a weekday; use Mon, Tue, Wed, Thu, Fri, Sat or Sun", days[k]));
  }
  std::sort(sea.sailing_weekdays.begin(), sea.sailing_weekdays.end());
  if (std::adjacent_find(sea.sailing_weekdays.begin(), sea.sailing_weekdays.end()) != sea.sailing_weekdays.end())
    r.error(node["sailings"], key("sailings"), "a weekday is listed twice");
  if (node["sailings"] && node["sailings"].IsSequence() && node["sailings"].size() == 0)
    r.error(node["sailings"], key("sailings"), "at least one sailing a week is needed");

  sea.sailing_hour = r.number(node, "sailing_hour", path, false, 0.0, 23.999).value_or(sea.sailing_hour);
  sea.cutoff_hours_before_sailing =
      r.number(node, "cutoff_hours_before_sailing", path, false, 0.0, 24.0 * 14).value_or(sea.cutoff_hours_before_sailing);
  sea.vessel_capacity_feu =
      static_cast<int>(r.integer(node, "vessel_capacity_feu", path, true, 1, 100000).value_or(1));
  if (node["ocean_transit_days"])
    sea.ocean_transit_days = r.number(node, "ocean_transit_days", path, false, 1.0, kMaxDays);
  if (auto d = r.distribution(node, "inland_delay_days", path, false, kMaxHorizonDays))
    sea.inland_delay_days = *d;
  if (auto d = r.distribution(node, "ocean_delay_days", path, false, kMaxHorizonDays))
    sea.ocean_delay_days = *d;
  if (auto d = r.distribution(node, "port_dwell_days", path, false, kMaxHorizonDays))
    sea.port_dwell_days = *d;
  if (auto d = r.distribution(node, "last_leg_delay_days", path, false, kMaxHorizonDays))
    sea.last_leg_delay_days = *d;
  // Checks against the platform (sim/model/sea/SeaRoute) report at these keys' lines.
  for (const char* k : {"inland_mode", "origin_port", "european_port", "last_leg_mode"})
    if (node[k] && node[k].Mark().line >= 0)
      s.positions[key(k)] = {node[k].Mark().line + 1, node[k].Mark().column + 1};
    else if (node.Mark().line >= 0)
      s.positions[key(k)] = {node.Mark().line + 1, node.Mark().column + 1};
  if (node.Mark().line >= 0)
    s.positions[path] = {node.Mark().line + 1, node.Mark().column + 1};
  return sea;
}

void read_sea_spec(const YamlReader& r, const YAML::Node& root, Scenario& s) {
  if (const YAML::Node node = root["sea"])
    s.sea = read_sea_section(r, node, "sea", s);
}

} // namespace rongou
