#pragma once
// The 2018 baseline without its incidents on the line and inspection holds, for tests that add
// their own (or need trains undisturbed by them).
#include "scenario/ScenarioLoader.hpp"
#include "support/Files.hpp"

namespace rongou::test {

inline Scenario baseline_without_incidents_or_holds() {
  Scenario s = load_scenario(source_path("scenarios/baseline-2018.yaml"));
  s.rail.incidents.reset();
  s.rail.inspections.clear();
  return s;
}

} // namespace rongou::test
