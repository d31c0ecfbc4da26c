#include "base/Distribution.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace rongou {

double Distribution::sample(RandomStream& rng) const {
  double draw = 0.0;
  switch (kind) {
  case Kind::Fixed:
    draw = value;
    break;
  case Kind::Uniform:
    draw = rng.uniform(min, max);
    break;
  case Kind::Triangular: {
    const double u = rng.uniform01();
    const double split = (max > min) ? (mode - min) / (max - min) : 0.0;
    draw = (u < split) ? min + std::sqrt(u * (max - min) * (mode - min))
                       : max - std::sqrt((1.0 - u) * (max - min) * (max - mode));
    break;
  }
  case Kind::Normal:
    draw = mean + sd * rng.standard_normal();
    break;
  case Kind::Lognormal: {
    // Parameterised by the mean and coefficient of variation of the quantity itself,
    // which is how delay statistics are published.
    const double sigma2 = std::log(1.0 + cv * cv);
    const double mu = std::log(mean) - sigma2 / 2.0;
    draw = std::exp(mu + std::sqrt(sigma2) * rng.standard_normal());
    break;
  }
  case Kind::Exponential:
    draw = rng.exponential(mean);
    break;
  }
  return std::clamp(draw, 0.0, ceiling);
}

double Distribution::expected() const {
  switch (kind) {
  case Kind::Fixed:
    return value;
  case Kind::Uniform:
    return (min + max) / 2.0;
  case Kind::Triangular:
    return (min + mode + max) / 3.0;
  case Kind::Normal:
  case Kind::Lognormal:
  case Kind::Exponential:
    return mean;
  }
  return 0.0;
}

const char* to_string(Distribution::Kind kind) {
  switch (kind) {
  case Distribution::Kind::Fixed:
    return "fixed";
  case Distribution::Kind::Uniform:
    return "uniform";
  case Distribution::Kind::Triangular:
    return "triangular";
  case Distribution::Kind::Normal:
    return "normal";
  case Distribution::Kind::Lognormal:
    return "lognormal";
  case Distribution::Kind::Exponential:
    return "exponential";
  }
  return "?";
}

std::string Distribution::describe() const {
  switch (kind) {
  case Kind::Fixed:
    return fmt::format("fixed {}", value);
  case Kind::Uniform:
    return fmt::format("uniform {}..{}", min, max);
  case Kind::Triangular:
    return fmt::format("triangular {}/{}/{}", min, mode, max);
  case Kind::Normal:
    return fmt::format("normal mean {} sd {}", mean, sd);
  case Kind::Lognormal:
    return fmt::format("lognormal mean {} cv {}", mean, cv);
  case Kind::Exponential:
    return fmt::format("exponential mean {}", mean);
  }
  return "?";
}

} // namespace rongou
