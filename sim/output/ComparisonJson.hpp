#pragma once
// The rail-against-sea part of summary.json: modes.sea, cost_usd_per_feu
// and co2_kg_per_feu of both modes, and comparison, for the focus lane; lanes.<name>.sea and
// lanes.<name>.costs for each lane of a network run that has them. Keys and units:
// docs/outputs.md.
#include <nlohmann/json.hpp>

#include "results/RunResults.hpp"
#include "scenario/Scenario.hpp"

namespace rongou {

// Adds to a summary built by build_summary; does nothing the scenario has no data for
// (no `sea:`, no `costs:` on any lane).
void add_comparison(nlohmann::ordered_json& summary, const Scenario& scenario, const RunResults& results);

} // namespace rongou
