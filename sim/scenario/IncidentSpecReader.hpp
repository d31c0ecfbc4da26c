#pragma once
#include <yaml-cpp/yaml.h>

#include "scenario/Scenario.hpp"
#include "scenario/YamlReader.hpp"

namespace rongou {

// Reads the optional `rail.incidents` map into s.rail.incidents, reporting every problem.
// Country codes are checked against the platform later (build_route_plans): their places are
// remembered under `rail.incidents.per_1000_train_km_by_country.<code>`.
void read_incident_spec(const YamlReader& r, const YAML::Node& rail, Scenario& s);

} // namespace rongou
