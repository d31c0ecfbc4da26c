#pragma once
#include <yaml-cpp/yaml.h>

#include "scenario/Scenario.hpp"
#include "scenario/YamlReader.hpp"

namespace rongou {

// Reads the optional `doors:` section into s.doors, reporting every problem.
void read_door_spec(const YamlReader& r, const YAML::Node& root, Scenario& s);

} // namespace rongou
