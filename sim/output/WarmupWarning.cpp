#include "output/WarmupWarning.hpp"

#include <fmt/format.h>

namespace rongou {

std::string warmup_warning(double mser5_days, double warmup_days) {
  return fmt::format("warm-up too short: MSER-5 on the weekly rail door-to-door time finds the start-up transient "
                     "lasting {:.0f} days, warmup_days is {:.0f}; set warmup_days to at least {:.0f} "
                     "(summary.json warmup)",
                     mser5_days, warmup_days, mser5_days);
}

} // namespace rongou
