#pragma once
// The terminal warning when MSER-5 truncates more than the scenario's warm-up
// (results/WarmupCheck.hpp): logged for a run and for a replicated run's mean.
#include <string>

namespace rongou {

std::string warmup_warning(double mser5_days, double warmup_days);

} // namespace rongou
