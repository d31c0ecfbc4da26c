#pragma once
#include <yaml-cpp/yaml.h>

#include "scenario/Scenario.hpp"
#include "scenario/YamlReader.hpp"

namespace rongou {

// Reads the optional `choice:` section into s.choice, reporting every problem. After the
// sea and costs sections: choice needs both for the focus lane.
void read_choice_spec(const YamlReader& r, const YAML::Node& root, Scenario& s);

} // namespace rongou
