#pragma once
#include <string>

#include "results/RunResults.hpp"
#include "scenario/Scenario.hpp"

namespace rongou {

// The short table `rongou run` prints: what a user reads first.
std::string format_terminal_table(const Scenario& scenario, const RunResults& results);

} // namespace rongou
