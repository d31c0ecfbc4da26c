#pragma once
// Portable random draws: std:: distributions differ between standard libraries, so the
// generator (xoshiro256**, fully specified) and every transform are ours.
#include <cstdint>
#include <string_view>

#include "base/Xoshiro256.hpp"

namespace rongou {

class RandomStream {
public:
  explicit RandomStream(std::uint64_t seed) : engine_(seed) {}

  // A stream per purpose and per entity keeps draws independent of actor scheduling and of
  // how many draws another entity made.
  static RandomStream derive(std::uint64_t seed, std::string_view purpose, std::uint64_t index = 0);

  double uniform01();                      // in [0, 1)
  double uniform(double lo, double hi);
  double standard_normal();
  double exponential(double mean);
  std::uint64_t poisson(double mean);

private:
  Xoshiro256 engine_;
  double spare_normal_ = 0.0;
  bool has_spare_normal_ = false;
};

std::uint64_t mix_seed(std::uint64_t a, std::uint64_t b);

} // namespace rongou
