#pragma once
#include <yaml-cpp/yaml.h>

#include "scenario/Scenario.hpp"
#include "scenario/YamlReader.hpp"

namespace rongou {

// Reads the optional `sea:` section of a scenario into s.sea, reporting every problem.
void read_sea_spec(const YamlReader& r, const YAML::Node& root, Scenario& s);

} // namespace rongou
