#pragma once
// Combines per-replication summaries (output/SummaryJson) into the summary of an experiment.
// Generic over the summary's shape, so keys added later are aggregated without changes here:
// every numeric leaf becomes its mean across replications, at the same path (old readers
// read the same numbers), and every object holding numeric leaves gains a `ci95` object
// with the same keys holding the 95 % half-widths (Student t); a boolean leaf is true only
// when it is true in every replication. Pure, no SimGrid.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "results/RunMetadataKeys.hpp" // the keys copied, not averaged

namespace rongou {

// `replications` in index order; all must have the same shape as the first (keys missing
// from a later one are averaged over the replications that have them).
nlohmann::ordered_json aggregate_summaries(const std::vector<nlohmann::ordered_json>& replications);

struct MissingReplication {
  std::size_t index = 0;
  std::uint64_t seed = 0;
  std::string reason;
};

// The summary.json of an experiment: the aggregate, with `seed` the scenario's seed,
// `replications` the number aggregated, and `replications_requested`, `replication_seeds`
// (of those aggregated, in index order) and `missing_replications` appended.
nlohmann::ordered_json experiment_summary(std::uint64_t scenario_seed, std::size_t requested,
                                          const std::vector<nlohmann::ordered_json>& done,
                                          const std::vector<std::uint64_t>& done_seeds,
                                          const std::vector<MissingReplication>& missing);

} // namespace rongou
