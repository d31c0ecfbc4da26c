#pragma once
// emissions.csv: one row per transport chain element (leg or hub) of each costed lane's rail
// and sea chains, per FEU (docs/outputs.md, docs/emissions.md).
#include <filesystem>

#include "results/RunResults.hpp"
#include "scenario/Scenario.hpp"

namespace rongou {

void write_emissions_csv(const std::filesystem::path& file, const Scenario& scenario, const RunResults& results);

} // namespace rongou
