#pragma once
#include <yaml-cpp/yaml.h>

#include "scenario/Scenario.hpp"
#include "scenario/YamlReader.hpp"

namespace rongou {

// Reads the optional `rail.inspections` list into s.rail.inspections, reporting every
// problem. Nodes are checked against the platform and the routes later (build_route_plans):
// their places are remembered under `rail.inspections.<i>.node`.
void read_inspection_specs(const YamlReader& r, const YAML::Node& rail, Scenario& s);

} // namespace rongou
