#pragma once
// Reads the top-level `disruptions:` list of a scenario (see docs/disruptions.md).
#include <yaml-cpp/yaml.h>

#include "scenario/Scenario.hpp"
#include "scenario/YamlReader.hpp"

namespace rongou {

void read_disruptions(const YamlReader& r, const YAML::Node& root, Scenario& s);

} // namespace rongou
