#include "scenario/DetourSpecReader.hpp"

#include <fmt/format.h>

#include "scenario/ScenarioKeys.hpp"

namespace rongou {

namespace {

// A node list of a detour, each item's place remembered for the checks against the platform.
std::vector<std::string> read_nodes(const YamlReader& r, const YAML::Node& item, const std::string& key,
                                    const std::string& path, Scenario& s) {
  auto nodes = r.text_list(item, key, path, true);
  const YAML::Node list = item[key];
  const std::string list_path = YamlReader::join(path, key);
  if (!list || !list.IsSequence())
    return nodes;
  if (list.Mark().line >= 0)
    s.positions[list_path] = {list.Mark().line + 1, list.Mark().column + 1};
  for (std::size_t k = 0; k < list.size(); ++k)
    if (list[k].Mark().line >= 0)
      s.positions[YamlReader::index(list_path, k)] = {list[k].Mark().line + 1, list[k].Mark().column + 1};
  if (nodes.size() < 2)
    r.error(list, list_path, "give at least two nodes, first and last where the detour leaves and rejoins the route");
  return nodes;
}

} // namespace

void read_detour_specs(const YamlReader& r, const YAML::Node& rail, Scenario& s) {
  const YAML::Node list = rail["detours"];
  const std::string list_path = "rail.detours";
  if (!list || !r.expect_sequence(list, list_path))
    return;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const YAML::Node item = list[i];
    const std::string path = YamlReader::index(list_path, i);
    if (!r.expect_map(item, path))
      continue;
    r.check_keys(item, path, keys_at("rail.detours.*"));
    DetourSpec spec;
    spec.key_path = path;
    spec.name = r.text(item, "name", path, true).value_or("");
    spec.replaces = read_nodes(r, item, "replaces", path, s);
    spec.by = read_nodes(r, item, "by", path, s);
    if (spec.replaces.size() >= 2 && spec.by.size() >= 2 &&
        (spec.replaces.front() != spec.by.front() || spec.replaces.back() != spec.by.back()))
      r.error(item["by"], YamlReader::join(path, "by"),
              fmt::format("a detour leaves and rejoins the route where the run it replaces does: start at '{}' and "
                          "end at '{}'",
                          spec.replaces.front(), spec.replaces.back()));
    else if (spec.replaces.size() >= 2 && spec.replaces == spec.by)
      r.error(item["by"], YamlReader::join(path, "by"), "the detour is the run it replaces");
    for (const auto& earlier : s.rail.detours)
      if (!spec.name.empty() && earlier.name == spec.name)
        r.error(item["name"], YamlReader::join(path, "name"), fmt::format("a second detour named '{}'", spec.name));
    s.rail.detours.push_back(spec);
  }
}

} // namespace rongou
