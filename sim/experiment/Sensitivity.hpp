#pragma once
// `rongou sensitivity`: one-at-a-time elasticities around a scenario's values and a Morris
// screening over the parameters' ranges (results/SensitivityTable), each point an
// experiment of --replications on the scenario's replication seeds (common random numbers).
// Points split into shards as a sweep's do; `sensitivity-merge` joins them.
// See docs/experiments.md.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "results/SensitivityTable.hpp"

namespace rongou {

struct SensitivityOptions {
  std::string scenario_file;
  std::vector<std::string> params;  // "key.path=lo..hi"
  std::vector<std::string> metrics; // summary paths; empty: default_rank_metrics()
  double step_pct = 10.0;           // the one-at-a-time step, % of the base value
  std::size_t morris_trajectories = 10;
  std::size_t morris_levels = 4;
  std::optional<std::string> shard; // "K/N"
  std::string out;                  // default results/<scenario name>-sensitivity
  std::optional<std::uint64_t> seed;
  std::size_t replications = 1;
  unsigned jobs = 1;
  bool quiet = false;
  bool force = false;
};

// "key.path=lo..hi" (lo < hi); integer when both bounds are written as whole numbers.
// Throws InputError. The base value is filled in by the caller.
SensitivityParameter parse_sensitivity_parameter(const std::string& argument);

// Returns the exit code (0 all done, 1 some replications failed); throws InputError.
int run_sensitivity(const SensitivityOptions& options);
// Joins shard folders into `out` (points.csv in point order, sensitivity.csv, the charts).
int merge_sensitivity(const std::vector<std::string>& shard_dirs, const std::string& out, bool quiet, bool force);

} // namespace rongou
