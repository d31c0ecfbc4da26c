#pragma once
#include <yaml-cpp/yaml.h>

#include "scenario/Scenario.hpp"
#include "scenario/YamlReader.hpp"

namespace rongou {

// Reads the optional `boxes:` section into s.boxes, reporting every problem. Needs the lanes
// and their services read: stocks are checked against the tracked lanes' terminals.
void read_box_spec(const YamlReader& r, const YAML::Node& root, Scenario& s);

} // namespace rongou
