#pragma once
// Reads `costs.emissions` (docs/emissions.md) into an EmissionSpec, keeping the defaults of
// what the scenario leaves out.
#include <yaml-cpp/yaml.h>

#include <string>

#include "scenario/EmissionSpec.hpp"
#include "scenario/YamlReader.hpp"

namespace rongou {

void read_emission_spec(const YamlReader& r, const YAML::Node& costs, const std::string& costs_path, EmissionSpec& spec);

} // namespace rongou
