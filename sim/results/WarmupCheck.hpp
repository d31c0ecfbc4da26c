#pragma once
// Whether `warmup_days` is long enough, judged by MSER-5 (White 1997; White, Cobb and Spratt
// 2000): the series is cut into batches of 5, and the truncation point is the number of
// leading batches whose removal minimises the squared standard error of the mean of the
// rest, searched over the first half of the batches. Applied to the weekly mean
// door-to-door days of the focus lane's westbound rail containers, by week of gate-in, from
// the start of the run (the warm-up weeks included). Pure, no SimGrid.
#include <cstddef>
#include <optional>
#include <vector>

#include "journal/Journal.hpp"
#include "scenario/Scenario.hpp"

namespace rongou {

inline constexpr std::size_t kMserBatchSize = 5;

// Observations of `series` to drop from its start (a multiple of the batch size), or nullopt
// when the series is too short to judge: fewer than 4 batches, or the minimum at the limit of
// the search (half the batches).
std::optional<std::size_t> mser5_truncation(const std::vector<double>& series);

struct WarmupCheck {
  std::vector<int> weeks;          // week of the run (0-based) of each value of the series
  std::vector<double> weekly_mean_days; // the series MSER-5 is applied to; weeks without
                                        // a delivered container are left out
  std::optional<double> mser5_days;     // truncation point as days from the start of the run
  bool sufficient = true;               // mser5_days <= warmup_days (true when not judged)
};

WarmupCheck check_warmup(const Scenario& scenario, const Journal& journal);

} // namespace rongou
