#pragma once
// The points of a parameter sweep and their split into shards. Pure, no SimGrid.
// Points are numbered in row-major order: the first --set varies slowest, as in nested loops
// written in the order given. Shard K of N holds the points i with i % N == K - 1, so every
// shard gets a share of each region of the grid (costs often grow along one axis).
#include <cstddef>
#include <string>
#include <vector>

namespace rongou {

struct SweepAxis {
  std::string key;                 // dotted scenario path
  std::vector<std::string> values; // YAML texts, in the order given
};

// "key.path=v1,v2,..." split at commas outside brackets, braces and quotes, so a value may
// be a YAML list or mapping ("rail.services.0.departures=[Mon,Wed],[Tue,Thu]").
// Throws InputError naming the argument.
SweepAxis parse_sweep_axis(const std::string& argument);

std::size_t grid_size(const std::vector<SweepAxis>& axes);
// The override assignments ("key=value") of point `index`.
std::vector<std::string> point_assignments(const std::vector<SweepAxis>& axes, std::size_t index);
std::vector<std::string> point_values(const std::vector<SweepAxis>& axes, std::size_t index);

struct Shard {
  std::size_t k = 1; // 1-based
  std::size_t n = 1;
  bool holds(std::size_t point) const { return point % n == k - 1; }
};
// "K/N" with 1 <= K <= N; throws InputError.
Shard parse_shard(const std::string& text);

} // namespace rongou
