#include "output/ComparisonText.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace rongou {

namespace {

std::string number(double v) {
  if (std::isnan(v))
    return "-";
  return fmt::format("{:.4g}", v);
}

} // namespace

std::string format_comparison(const ResultsFolder& a, const ResultsFolder& b, const Comparison& c) {
  std::string out;
  out += fmt::format("A: {} ({} replications)\nB: {} ({} replications)\n", a.dir.string(),
                     std::max<std::size_t>(1, a.reps.size()), b.dir.string(), std::max<std::size_t>(1, b.reps.size()));
  switch (c.method) {
  case ComparisonMethod::Paired:
    out += fmt::format("paired differences over {} replications with the same seeds (common random numbers)\n", c.n_a);
    break;
  case ComparisonMethod::Welch:
    out += "Welch's t on independent replications (different seeds)\n";
    break;
  case ComparisonMethod::Single:
    out += "no confidence intervals: run both with --replications 2 or more\n";
    break;
  }
  std::size_t width = 4;
  for (const auto& r : c.rows)
    width = std::max(width, r.path.size());
  out += fmt::format("{:<{}}  {:>11}  {:>11}  {:>11}  {:>10}  {}\n", "key", width, "A", "B", "A-B", "+-95%", "sig");
  std::size_t significant = 0;
  for (const auto& r : c.rows) {
    const bool sig = r.difference.significant;
    significant += sig ? 1 : 0;
    out += fmt::format("{:<{}}  {:>11}  {:>11}  {:>11}  {:>10}  {}\n", r.path, width, number(r.a), number(r.b),
                       number(r.difference.difference), number(r.difference.half_width), sig ? "*" : "");
  }
  if (c.method != ComparisonMethod::Single)
    out += fmt::format("* the 95 % interval of A-B excludes zero ({} of {} statistics)\n", significant, c.rows.size());
  return out;
}

} // namespace rongou
