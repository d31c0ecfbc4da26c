#pragma once
#include <yaml-cpp/yaml.h>

#include "scenario/Scenario.hpp"
#include "scenario/YamlReader.hpp"

namespace rongou {

// Reads the optional `rail.detours` list into s.rail.detours, reporting every problem the
// file alone shows (names given once, two nodes or more, `by` starting and ending where
// `replaces` does). Nodes and links are checked against the platform later
// (build_disruption_plan): each item's place is remembered under `rail.detours.<i>.by.<k>`.
void read_detour_specs(const YamlReader& r, const YAML::Node& rail, Scenario& s);

} // namespace rongou
