#include "scenario/InspectionSpecReader.hpp"

#include <fmt/format.h>
#include <set>
#include <utility>

#include "scenario/ScenarioKeys.hpp"

namespace rongou {

void read_inspection_specs(const YamlReader& r, const YAML::Node& rail, Scenario& s) {
  const YAML::Node list = rail["inspections"];
  const std::string list_path = "rail.inspections";
  if (!list || !r.expect_sequence(list, list_path))
    return;
  std::set<std::pair<std::string, Direction>> seen;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const YAML::Node item = list[i];
    const std::string path = YamlReader::index(list_path, i);
    if (!r.expect_map(item, path))
      continue;
    r.check_keys(item, path, keys_at("rail.inspections.*"));
    InspectionSpec spec;
    spec.key_path = path;
    spec.node = r.text(item, "node", path, true).value_or("");
    if (item["node"] && item["node"].Mark().line >= 0)
      s.positions[YamlReader::join(path, "node")] = {item["node"].Mark().line + 1, item["node"].Mark().column + 1};
    spec.share = r.number(item, "share", path, true, 0.0, 1.0).value_or(0.0);
    if (auto d = r.distribution(item, "hold_hours", path, true, kMaxHorizonHours))
      spec.hold_hours = *d;
    if (auto dir = r.text(item, "direction", path, false)) {
      if (*dir == "westbound")
        spec.direction = Direction::Westbound;
      else if (*dir == "eastbound")
        spec.direction = Direction::Eastbound;
      else
        r.error(item["direction"], YamlReader::join(path, "direction"),
                fmt::format("'{}' is not a direction; use westbound or eastbound, or leave it out for both", *dir));
    }
    // Two holds at one node for one direction would draw twice per box: one is enough.
    bool clash = false;
    for (Direction d : kDirections)
      if (spec.applies_to(d) && !spec.node.empty())
        clash = !seen.insert({spec.node, d}).second || clash;
    if (clash)
      r.error(item, path, fmt::format("a second inspection at '{}' for the same direction: give one", spec.node));
    s.rail.inspections.push_back(spec);
  }
}

} // namespace rongou
