#pragma once
// summary.json: the keys other tools read, documented in docs/outputs.md.
#include <nlohmann/json.hpp>

#include "results/RunResults.hpp"
#include "scenario/Scenario.hpp"

namespace rongou {

// The run and its rail statistics; add_comparison (ComparisonJson.hpp) adds sea and costs.
nlohmann::ordered_json build_summary(const Scenario& scenario, const RunResults& results);
// Rounds to a fixed number of decimals so that summaries read well and compare exactly.
double rounded(double value, int decimals = 4);
// A sample's mean, percentiles and range, as every `*_days` statistic writes it.
nlohmann::ordered_json sample_json(const SampleSummary& s);
// With `doors:`, what a mode's entry under `modes` adds: terminal_to_terminal_days and
// stages_hours, whose keys are the same for rail and sea (`transit_days` is then door to door).
void add_door_stages(nlohmann::ordered_json& mode, const ModeDoorMetrics& doors, bool rail);

} // namespace rongou
