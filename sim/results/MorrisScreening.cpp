#include "results/MorrisScreening.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

#include "base/RandomStream.hpp"

namespace rongou {

MorrisDesign morris_design(std::size_t parameters, std::size_t trajectories, std::size_t levels,
                           std::uint64_t seed) {
  if (parameters < 1 || trajectories < 1 || levels < 2 || levels % 2 != 0)
    throw std::invalid_argument("morris_design: need parameters >= 1, trajectories >= 1, an even number of levels");
  MorrisDesign d;
  d.parameters = parameters;
  d.trajectories = trajectories;
  d.levels = levels;
  const double spacing = 1.0 / static_cast<double>(levels - 1);
  d.delta = static_cast<double>(levels) / (2.0 * static_cast<double>(levels - 1));
  RandomStream random = RandomStream::derive(seed, "morris-design");
  const auto draw_below = [&random](std::size_t n) {
    return std::min(n - 1, static_cast<std::size_t>(random.uniform01() * static_cast<double>(n)));
  };
  for (std::size_t t = 0; t < trajectories; ++t) {
    std::vector<double> x(parameters);
    for (auto& v : x)
      v = static_cast<double>(draw_below(levels)) * spacing;
    std::vector<std::size_t> order(parameters);
    std::iota(order.begin(), order.end(), std::size_t{0});
    for (std::size_t i = parameters; i > 1; --i) // Fisher-Yates
      std::swap(order[i - 1], order[draw_below(i)]);
    d.points.push_back(x);
    d.moved.push_back(parameters);
    d.step.push_back(0.0);
    for (std::size_t j : order) {
      // Up when the level above exists, otherwise down: every point stays on the grid.
      const double step = x[j] + d.delta <= 1.0 + 1e-12 ? d.delta : -d.delta;
      x[j] = std::clamp(x[j] + step, 0.0, 1.0);
      d.points.push_back(x);
      d.moved.push_back(j);
      d.step.push_back(step);
    }
  }
  return d;
}

std::vector<MorrisEffect> morris_effects(const MorrisDesign& design, const std::vector<double>& outputs) {
  if (outputs.size() != design.points.size())
    throw std::invalid_argument("morris_effects: one output per design point");
  std::vector<std::vector<double>> ee(design.parameters);
  for (std::size_t i = 0; i < design.points.size(); ++i) {
    if (design.moved[i] == design.parameters)
      continue;
    const double before = outputs[i - 1];
    const double after = outputs[i];
    if (std::isnan(before) || std::isnan(after))
      continue;
    ee[design.moved[i]].push_back((after - before) / design.step[i]);
  }
  std::vector<MorrisEffect> effects(design.parameters);
  for (std::size_t j = 0; j < design.parameters; ++j) {
    MorrisEffect& e = effects[j];
    const auto& v = ee[j];
    e.effects = v.size();
    if (v.empty()) {
      e.mu = e.mu_star = e.sigma = std::numeric_limits<double>::quiet_NaN();
      continue;
    }
    double sum = 0.0, abs_sum = 0.0;
    for (double x : v) {
      sum += x;
      abs_sum += std::fabs(x);
    }
    e.mu = sum / static_cast<double>(v.size());
    e.mu_star = abs_sum / static_cast<double>(v.size());
    if (v.size() < 2) {
      e.sigma = std::numeric_limits<double>::quiet_NaN();
      continue;
    }
    double ss = 0.0;
    for (double x : v)
      ss += (x - e.mu) * (x - e.mu);
    e.sigma = std::sqrt(ss / static_cast<double>(v.size() - 1));
  }
  return effects;
}

} // namespace rongou
