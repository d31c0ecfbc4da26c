#pragma once
#include <string>

#include "results/RunResults.hpp"
#include "scenario/Scenario.hpp"

namespace rongou {

// The side-by-side rail vs sea block `rongou run` prints after the rail table: transit,
// cost by component, CO2, the breakeven cargo value and the cheaper mode at the scenario's
// cargo value. Empty when the scenario has no `sea:` section.
std::string format_comparison_table(const Scenario& scenario, const RunResults& results);

} // namespace rongou
