#pragma once
// The rail-against-sea part of summary.json: modes.sea, cost_usd_per_feu
// and co2_kg_per_feu of both modes, and comparison. Keys and units: docs/outputs.md.
#include <nlohmann/json.hpp>

#include "results/RunResults.hpp"
#include "scenario/Scenario.hpp"

namespace rongou {

// Adds to a summary built by build_summary; does nothing the scenario has no data for
// (no `sea:`, no `costs:`).
void add_comparison(nlohmann::ordered_json& summary, const Scenario& scenario, const RunResults& results);

} // namespace rongou
