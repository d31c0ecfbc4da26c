#pragma once
#include <optional>
#include <string>
#include <yaml-cpp/yaml.h>

#include "scenario/Scenario.hpp"
#include "scenario/YamlReader.hpp"

namespace rongou {

// Reads the optional `costs:` section of a scenario into s.costs, reporting every problem.
void read_cost_spec(const YamlReader& r, const YAML::Node& root, Scenario& s);

// Reads one `costs` map at `path` ("costs", "lanes.3.costs"); `has_sea`: the lane has a sea
// alternative, so sea prices are required. Empty when the node is not a map.
std::optional<CostSpec> read_cost_section(const YamlReader& r, const YAML::Node& node, const std::string& path,
                                          bool has_sea);

} // namespace rongou
