#include "output/LeverRankText.hpp"

#include <cmath>
#include <fmt/format.h>

#include "output/ColumnFit.hpp"

namespace rongou {

namespace {

constexpr std::size_t kLeverWidth = 44;
constexpr std::size_t kCellWidth = 20;

std::string effect_cell(double value, double half_width, bool significant) {
  if (std::isnan(value))
    return "-";
  std::string cell = fmt::format("{:+.3f}", value);
  if (!std::isnan(half_width))
    cell += fmt::format(" +-{:.3f}", half_width);
  return cell + (significant ? " *" : "");
}

} // namespace

std::string format_rank_table(const RankResults& results) {
  if (results.metrics.empty())
    return {};
  std::string out = fmt::format("{}: {} levers against the unchanged scenario, {} paired replications (seed {})\n",
                                results.scenario, results.levers.size(), results.replications, results.seed);
  out += fmt::format("ranked by effect{} on {}, {} is better\n", results.per_dollar ? " per million USD a year" : "",
                     results.metrics.front().metric, results.better == Better::Lower ? "lower" : "higher");
  for (std::size_t m = 0; m < results.metrics.size(); ++m)
    out += fmt::format("  [{}] {}: base {:.3f}{}\n", m + 1, results.metrics[m].metric, results.metrics[m].base.mean,
                       std::isnan(results.metrics[m].base.half_width)
                           ? std::string()
                           : fmt::format(" +-{:.3f}", results.metrics[m].base.half_width));
  out += fmt::format("{:>4}  {:<{}}", "rank", "lever", kLeverWidth);
  for (std::size_t m = 0; m < results.metrics.size(); ++m)
    out += fmt::format("  {:>{}}", fmt::format("[{}] effect", m + 1), kCellWidth);
  if (results.per_dollar)
    out += fmt::format("  {:>14}  {:>{}}", "USD a year", "[1] per M USD/yr", kCellWidth);
  out += "\n";
  for (const auto& first : results.metrics.front().levers) {
    out += fmt::format("{:>4}  {:<{}}", first.rank, fit_column(first.label, kLeverWidth), kLeverWidth);
    for (const auto& metric : results.metrics) {
      const RankedLever& r = lever_in(metric, first.label);
      out += fmt::format("  {:>{}}", effect_cell(r.effect.difference, r.effect.half_width, r.effect.significant),
                         kCellWidth);
    }
    if (results.per_dollar)
      out += fmt::format("  {:>14.0f}  {:>{}}", first.cost_usd_per_year.value_or(std::nan("")),
                         effect_cell(first.effect_per_musd_year.value_or(std::nan("")),
                                     first.effect_per_musd_year_ci95.value_or(std::nan("")), first.effect.significant),
                         kCellWidth);
    out += "\n";
  }
  out += "effect: lever - base, mean of the per-replication differences +- 95 % half-width; * the interval excludes 0\n";
  return out;
}

} // namespace rongou
