#pragma once
#include <yaml-cpp/yaml.h>

#include "scenario/Scenario.hpp"
#include "scenario/YamlReader.hpp"

namespace rongou {

// Reads the optional `costs:` section of a scenario into s.costs, reporting every problem.
void read_cost_spec(const YamlReader& r, const YAML::Node& root, Scenario& s);

} // namespace rongou
