#pragma once
// Replications to a precision: replications run in batches of a fixed size until the 95 %
// half-width of every target statistic is at most its target (a sequential procedure, Law,
// "Simulation Modeling and Analysis", 5th ed., 2015, §9.4.1), between a least and a most
// number of replications. A batch is evaluated only once all its replications are done, and
// replication i always runs with replication_seed(seed, i), so the number reached depends on
// the seeds alone, never on --jobs or on which worker finishes first.
#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace rongou {

struct PrecisionTarget {
  std::string path;          // dotted summary.json path
  double half_width = 0.0;   // in the statistic's unit
};

struct PrecisionRule {
  std::vector<PrecisionTarget> targets; // all must hold
  std::size_t min_replications = 10;
  std::size_t max_replications = 100;
  std::size_t batch = 5;
  // When true (rank), the targets hold for the paired differences variant v - variant 0
  // (v >= 1) on their common replications; otherwise for every variant's own mean.
  bool on_differences_from_first = false;
};

inline constexpr std::size_t kDefaultMinReplications = 10;
inline constexpr std::size_t kDefaultMaxReplications = 100;
inline constexpr std::size_t kPrecisionBatch = 5;

// "key.path=half-width", the half-width a positive number. Throws InputError naming it.
PrecisionTarget parse_precision_target(const std::string& argument);

struct PrecisionStatus {
  bool reached = false;
  std::vector<double> half_widths; // per target: the widest over the variants (NaN: unknown)
};

// `done[v][i]`: replication i of variant v (nullptr when it failed). Throws InputError when a
// target's path is in none of the summaries.
PrecisionStatus precision_status(const PrecisionRule& rule,
                                 const std::vector<std::vector<const nlohmann::ordered_json*>>& done);

// The `precision` object of summary.json: {target: {path: hw}, reached, half_width: {path:
// hw}, stopped_because: "target reached" | "max replications"}.
nlohmann::ordered_json precision_json(const PrecisionRule& rule, const PrecisionStatus& status);

} // namespace rongou
