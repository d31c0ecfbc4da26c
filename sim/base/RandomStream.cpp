#include "base/RandomStream.hpp"

#include <cmath>
#include <numbers>

namespace rongou {

std::uint64_t mix_seed(std::uint64_t a, std::uint64_t b) {
  // splitmix64 finaliser over a combination of both inputs
  std::uint64_t z = a + 0x9E3779B97F4A7C15ULL * (b + 1);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

RandomStream RandomStream::derive(std::uint64_t seed, const StreamPurpose& purpose, std::uint64_t index) {
  return RandomStream(mix_seed(mix_seed(seed, purpose.hash()), index));
}

double RandomStream::uniform01() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }

double RandomStream::uniform(double lo, double hi) { return lo + (hi - lo) * uniform01(); }

double RandomStream::standard_normal() {
  if (has_spare_normal_) {
    has_spare_normal_ = false;
    return spare_normal_;
  }
  double u1 = 0.0;
  do {
    u1 = uniform01();
  } while (u1 <= 0.0);
  const double u2 = uniform01();
  const double radius = std::sqrt(-2.0 * std::log(u1));
  const double angle = 2.0 * std::numbers::pi * u2;
  spare_normal_ = radius * std::sin(angle);
  has_spare_normal_ = true;
  return radius * std::cos(angle);
}

double RandomStream::exponential(double mean) { return -mean * std::log(1.0 - uniform01()); }

std::uint64_t RandomStream::poisson(double mean) {
  if (mean <= 0.0)
    return 0;
  if (mean < 30.0) { // Knuth's product method: exact, fine for small means
    const double limit = std::exp(-mean);
    double product = uniform01();
    std::uint64_t count = 0;
    while (product > limit) {
      ++count;
      product *= uniform01();
    }
    return count;
  }
  // Large means: normal approximation with continuity correction is accurate to well under
  // one percent in the tails that matter here (daily container counts).
  const double draw = std::round(mean + std::sqrt(mean) * standard_normal());
  return draw < 0.0 ? 0 : static_cast<std::uint64_t>(draw);
}

} // namespace rongou
