#pragma once
// Reads the top-level `calendar:` section of a scenario (see docs/scenarios.md).
#include <yaml-cpp/yaml.h>

#include "scenario/Scenario.hpp"
#include "scenario/YamlReader.hpp"

namespace rongou {

void read_calendar(const YamlReader& r, const YAML::Node& root, Scenario& s);

} // namespace rongou
