#pragma once
// Portable random draws: std:: distributions differ between standard libraries, so the
// generator (xoshiro256**, fully specified) and every transform are ours.
#include <cstdint>
#include <string_view>

#include "base/Xoshiro256.hpp"

namespace rongou {

// A stream's purpose ("doors-origin", "inspection Brest"), hashed once: where a stream is
// derived per container, hashing the text (and building it) for each one is a cost the
// simulation notices (docs/performance.md). The hash is FNV-1a's step (stable across
// compilers, unlike std::hash) from a starting value that every stream ever drawn depends on:
// it must not change.
class StreamPurpose {
public:
  constexpr explicit StreamPurpose(std::string_view purpose) {
    for (unsigned char c : purpose) {
      hash_ ^= c;
      hash_ *= 1099511628211ULL;
    }
  }
  constexpr std::uint64_t hash() const { return hash_; }

private:
  std::uint64_t hash_ = 1469598103934665603ULL;
};

class RandomStream {
public:
  explicit RandomStream(std::uint64_t seed) : engine_(seed) {}

  // A stream per purpose and per entity keeps draws independent of actor scheduling and of
  // how many draws another entity made.
  static RandomStream derive(std::uint64_t seed, const StreamPurpose& purpose, std::uint64_t index = 0);
  static RandomStream derive(std::uint64_t seed, std::string_view purpose, std::uint64_t index = 0) {
    return derive(seed, StreamPurpose(purpose), index);
  }

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
