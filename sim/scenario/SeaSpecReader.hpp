#pragma once
#include <optional>
#include <string>
#include <yaml-cpp/yaml.h>

#include "scenario/Scenario.hpp"
#include "scenario/YamlReader.hpp"

namespace rongou {

// Reads the optional `sea:` section of a scenario into s.sea, reporting every problem.
void read_sea_spec(const YamlReader& r, const YAML::Node& root, Scenario& s);

// Reads one `sea` map at `path` ("sea", "lanes.3.sea"), remembering the lines of the keys
// that the platform checks report at. Empty when the node is not a map.
std::optional<SeaSpec> read_sea_section(const YamlReader& r, const YAML::Node& node, const std::string& path,
                                        Scenario& s);

} // namespace rongou
