#pragma once
// xoshiro256** (Blackman and Vigna, 2018), seeded through splitmix64 as its authors advise.
// The model derives a fresh stream for every train, container leg and sailing: a generator
// whose whole state is 32 bytes seeds in four multiplications, where std::mt19937_64 fills
// and twists 2.5 KB per stream, a fifth of a baseline run (docs/performance.md).
#include <array>
#include <cstdint>

namespace rongou {

class Xoshiro256 {
public:
  using result_type = std::uint64_t;

  explicit Xoshiro256(std::uint64_t seed) {
    for (auto& word : state_) {
      seed += 0x9E3779B97F4A7C15ULL; // splitmix64: never leaves the state all zero
      std::uint64_t z = seed;
      z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
      z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
      word = z ^ (z >> 31);
    }
  }
  // The raw state, for checking against the reference implementation's published outputs.
  explicit Xoshiro256(const std::array<std::uint64_t, 4>& state) : state_(state) {}

  std::uint64_t operator()() {
    const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
    const std::uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotl(state_[3], 45);
    return result;
  }

private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::array<std::uint64_t, 4> state_{};
};

} // namespace rongou
