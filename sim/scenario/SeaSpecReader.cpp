#include "scenario/SeaSpecReader.hpp"
#include "scenario/ScenarioKeys.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>

#include "scenario/ScenarioLoader.hpp"

namespace rongou {

const char* to_string(InlandMode mode) { return mode == InlandMode::Rail ? "rail" : "barge"; }
const char* to_string(LastLegMode mode) { return mode == LastLegMode::Rail ? "rail" : "road"; }

namespace {
constexpr double kMaxDays = 365.0;
}

void read_sea_spec(const YamlReader& r, const YAML::Node& root, Scenario& s) {
  const YAML::Node node = root["sea"];
  if (!node)
    return;
  if (!r.expect_map(node, "sea"))
    return;
  r.check_keys(node, "sea", keys_at("sea"));
  SeaSpec sea;
  auto choice = [&](const char* key, const std::vector<std::string>& allowed) -> std::optional<std::string> {
    auto value = r.text(node, key, "sea", false);
    if (!value)
      return std::nullopt;
    if (std::find(allowed.begin(), allowed.end(), *value) != allowed.end())
      return value;
    std::string list;
    for (const auto& a : allowed)
      list += (list.empty() ? "" : ", ") + a;
    r.error(node[key], YamlReader::join("sea", key), fmt::format("'{}' is not one of {}", *value, list));
    return std::nullopt;
  };
  if (auto m = choice("inland_mode", {"rail", "barge"}))
    sea.inland_mode = *m == "rail" ? InlandMode::Rail : InlandMode::Barge;
  if (auto m = choice("last_leg_mode", {"rail", "road"}))
    sea.last_leg_mode = *m == "rail" ? LastLegMode::Rail : LastLegMode::Road;
  static const std::map<std::string, std::string> ports = {
      {"gdansk", "Gdansk"}, {"hamburg", "Hamburg"}, {"rotterdam", "Rotterdam"}};
  if (auto p = choice("european_port", {"gdansk", "hamburg", "rotterdam"}))
    sea.european_port = ports.at(*p);

  const auto days = r.text_list(node, "sailings", "sea", true);
  for (std::size_t k = 0; k < days.size(); ++k) {
    if (auto wd = parse_weekday(days[k]))
      sea.sailing_weekdays.push_back(*wd);
    else
      r.error(node["sailings"][k], YamlReader::index("sea.sailings", k),
              fmt::format("'{}' is not a weekday; use Mon, Tue, Wed, Thu, Fri, Sat or Sun", days[k]));
  }
  std::sort(sea.sailing_weekdays.begin(), sea.sailing_weekdays.end());
  if (std::adjacent_find(sea.sailing_weekdays.begin(), sea.sailing_weekdays.end()) != sea.sailing_weekdays.end())
    r.error(node["sailings"], "sea.sailings", "a weekday is listed twice");
  if (node["sailings"] && node["sailings"].IsSequence() && node["sailings"].size() == 0)
    r.error(node["sailings"], "sea.sailings", "at least one sailing a week is needed");

  sea.sailing_hour = r.number(node, "sailing_hour", "sea", false, 0.0, 23.999).value_or(sea.sailing_hour);
  sea.cutoff_hours_before_sailing =
      r.number(node, "cutoff_hours_before_sailing", "sea", false, 0.0, 24.0 * 14).value_or(sea.cutoff_hours_before_sailing);
  sea.vessel_capacity_feu =
      static_cast<int>(r.integer(node, "vessel_capacity_feu", "sea", true, 1, 100000).value_or(1));
  if (node["ocean_transit_days"])
    sea.ocean_transit_days = r.number(node, "ocean_transit_days", "sea", false, 1.0, kMaxDays);
  if (auto d = r.distribution(node, "inland_delay_days", "sea", false, kMaxHorizonDays))
    sea.inland_delay_days = *d;
  if (auto d = r.distribution(node, "ocean_delay_days", "sea", false, kMaxHorizonDays))
    sea.ocean_delay_days = *d;
  if (auto d = r.distribution(node, "port_dwell_days", "sea", false, kMaxHorizonDays))
    sea.port_dwell_days = *d;
  if (auto d = r.distribution(node, "last_leg_delay_days", "sea", false, kMaxHorizonDays))
    sea.last_leg_delay_days = *d;
  // Checks against the platform (sim/model/sea/SeaRoute) report at these keys' lines.
  for (const char* key : {"inland_mode", "european_port", "last_leg_mode"})
    if (node[key] && node[key].Mark().line >= 0)
      s.positions[YamlReader::join("sea", key)] = {node[key].Mark().line + 1, node[key].Mark().column + 1};
    else if (node.Mark().line >= 0)
      s.positions[YamlReader::join("sea", key)] = {node.Mark().line + 1, node.Mark().column + 1};
  s.sea = sea;
}

} // namespace rongou
