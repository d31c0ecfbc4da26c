#include "experiment/Precision.hpp"

#include <charconv>
#include <cmath>
#include <fmt/format.h>
#include <limits>

#include "base/InputError.hpp"
#include "experiment/SummaryPath.hpp"
#include "output/SummaryJson.hpp"
#include "results/Confidence.hpp"

namespace rongou {

using Json = nlohmann::ordered_json;

PrecisionTarget parse_precision_target(const std::string& argument) {
  const auto eq = argument.rfind('=');
  if (eq == std::string::npos || eq == 0)
    throw InputError(fmt::format("--precision {}: expected key.path=half-width", argument));
  PrecisionTarget target;
  target.path = argument.substr(0, eq);
  const std::string number = argument.substr(eq + 1);
  const char* end = number.data() + number.size();
  const auto [ptr, error] = std::from_chars(number.data(), end, target.half_width);
  if (number.empty() || ptr != end || error != std::errc() || !(target.half_width > 0.0) ||
      !std::isfinite(target.half_width))
    throw InputError(fmt::format("--precision {}: the half-width must be a positive number", argument));
  return target;
}

PrecisionStatus precision_status(const PrecisionRule& rule, const std::vector<std::vector<const Json*>>& done) {
  PrecisionStatus status;
  status.reached = true;
  for (const auto& target : rule.targets) {
    bool found = false;
    double widest = 0.0;
    bool known = true;
    const auto sample_of = [&](std::size_t v) {
      std::vector<double> values;
      for (std::size_t i = 0; i < done[v].size(); ++i) {
        if (!done[v][i])
          continue;
        const auto x = number_at(*done[v][i], target.path);
        if (!x)
          continue;
        found = true;
        if (!rule.on_differences_from_first) {
          values.push_back(*x);
          continue;
        }
        const auto b = i < done[0].size() && done[0][i] ? number_at(*done[0][i], target.path) : std::nullopt;
        if (b)
          values.push_back(*x - *b);
      }
      return values;
    };
    for (std::size_t v = rule.on_differences_from_first ? 1 : 0; v < done.size(); ++v) {
      const double hw = mean_ci95(sample_of(v)).half_width;
      if (std::isnan(hw))
        known = false;
      else
        widest = std::max(widest, hw);
    }
    if (!found)
      throw InputError(fmt::format("--precision {}: no such statistic in summary.json", target.path));
    const double hw = known ? widest : std::numeric_limits<double>::quiet_NaN();
    status.half_widths.push_back(hw);
    if (!known || hw > target.half_width)
      status.reached = false;
  }
  return status;
}

Json precision_json(const PrecisionRule& rule, const PrecisionStatus& status) {
  Json target = Json::object();
  Json widths = Json::object();
  for (std::size_t t = 0; t < rule.targets.size(); ++t) {
    target[rule.targets[t].path] = rule.targets[t].half_width;
    const double hw = status.half_widths[t];
    widths[rule.targets[t].path] = std::isnan(hw) ? Json(nullptr) : Json(rounded(hw));
  }
  Json out;
  out["target"] = std::move(target);
  out["reached"] = status.reached;
  out["half_width"] = std::move(widths);
  out["stopped_because"] = status.reached ? "target reached" : "max replications";
  out["batch"] = rule.batch;
  out["min_replications"] = rule.min_replications;
  out["max_replications"] = rule.max_replications;
  return out;
}

} // namespace rongou
