#include "output/WarmupWarning.hpp"

#include <fmt/format.h>

namespace rongou {

std::string warmup_warning(double mser5_days, double warmup_days) {
  return fmt::format("warm-up may be too short: MSER-5 on the weekly mean rail door-to-door time truncates {:.0f} "
                     "days, warmup_days is {:.0f}: a start-up transient, or a trend or season of the calendar "
                     "that no warm-up removes (summary.json warmup; docs/experiments.md)",
                     mser5_days, warmup_days);
}

} // namespace rongou
