#pragma once
// `rongou rank`: each lever (a --set assignment) applied alone to a scenario, and with
// --pairs each pair, run as variants of one experiment on the same replication seeds as the
// unchanged scenario (common random numbers), ranked by its paired effect on the metrics
// (results/LeverRanking). See docs/experiments.md.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "experiment/Precision.hpp"
#include "results/LeverRanking.hpp"

namespace rongou {

struct RankOptions {
  std::string scenario_file;
  std::vector<std::string> levers;  // "key.path=value"
  std::vector<std::string> metrics; // summary paths; empty: default_rank_metrics()
  bool pairs = false;
  Better better = Better::Lower;    // of the first metric
  std::vector<std::string> costs;   // "key.path=ONE_OFF_USD[,USD_PER_YEAR]"
  double discount_rate_pct = 4.0;
  double horizon_years = 30.0;
  std::string out;                  // default results/<scenario name>-rank
  std::optional<std::uint64_t> seed;
  std::size_t replications = 10;
  std::optional<PrecisionRule> precision;
  unsigned jobs = 1;
  bool report = true;
  bool quiet = false;
  bool force = false;
};

const std::vector<std::string>& default_rank_metrics();

// "key.path=ONE_OFF_USD[,USD_PER_YEAR]": the key and its cost. Throws InputError.
std::pair<std::string, LeverCost> parse_lever_cost(const std::string& argument);

// Returns the exit code (0 all done, 1 some replications failed); throws InputError for bad
// input before anything is written.
int run_rank(const RankOptions& options);

} // namespace rongou
