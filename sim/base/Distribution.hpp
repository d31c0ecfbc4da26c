#pragma once
#include <limits>
#include <string>

#include "base/RandomStream.hpp"

namespace rongou {

// A non-negative random quantity described in a scenario as {dist: NAME, ...}.
// The unit is carried by the scenario key that holds it (e.g. `border_dwell_hours`).
struct Distribution {
  enum class Kind { Fixed, Uniform, Triangular, Normal, Lognormal, Exponential };
  Kind kind = Kind::Fixed;
  double value = 0.0; // fixed
  double min = 0.0;   // uniform, triangular
  double mode = 0.0;  // triangular
  double max = 0.0;   // uniform, triangular
  double mean = 0.0;  // normal, lognormal, exponential
  double sd = 0.0;    // normal
  double cv = 0.0;    // lognormal: coefficient of variation
  // The largest quantity the key holding it can express (its documented maximum): a draw
  // from an unbounded form (normal, lognormal, exponential) stops there.
  double ceiling = std::numeric_limits<double>::infinity();

  static Distribution fixed(double v) {
    Distribution d;
    d.value = v;
    return d;
  }

  // Draws are clamped to [0, ceiling]: every quantity here is a duration or a fraction of one.
  double sample(RandomStream& rng) const;
  double expected() const;
  std::string describe() const;
};

const char* to_string(Distribution::Kind kind);

} // namespace rongou
