#pragma once
#include <yaml-cpp/yaml.h>

#include "scenario/Scenario.hpp"
#include "scenario/YamlReader.hpp"

namespace rongou {

// Reads the optional `rail.ferries` list into s.rail.ferries, reporting every problem. Ports
// are checked against the platform later (build_route_plans): their places are remembered
// under `rail.ferries.<i>.ports`.
void read_ferry_specs(const YamlReader& r, const YAML::Node& rail, Scenario& s);

} // namespace rongou
