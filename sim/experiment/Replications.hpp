#pragma once
// Replications of one or more scenario variants, each replication in a worker process of
// its own (experiment/ProcessPool). Replication i of a scenario with seed s runs with
// replication_seed(s, i) whatever the number of jobs or the order workers finish in, and
// variants sharing a seed share their replication seeds: common random numbers.
#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "experiment/Aggregate.hpp"
#include "experiment/Precision.hpp"
#include "output/DetailLevel.hpp"
#include "scenario/Scenario.hpp"

namespace rongou {

// Replication 0 runs with the scenario's own seed, so that a one-replication experiment is
// the plain run; the others with a splitmix mix of (seed, index).
std::uint64_t replication_seed(std::uint64_t scenario_seed, std::size_t index);

struct Variant {
  Scenario scenario;
  std::filesystem::path dir;       // where its files are written (may be a staging folder)
  std::filesystem::path final_dir; // where they will be once complete (for messages)
  std::string label;               // names the variant in messages; empty for a single run
  std::string rerun_command;       // e.g. "rongou run x.yaml"; " --seed N" is appended
  bool write_csvs = false;         // the per-container/train CSVs of replication 0
  DetailLevel detail = DetailLevel::All; // how many of their rows (output/DetailLevel.hpp)
};

struct ExperimentOptions {
  std::size_t replications = 1; // ignored when `precision` is set
  std::optional<PrecisionRule> precision; // replications in batches to a half-width
  unsigned jobs = 1;
  bool progress = true;
  std::string progress_label = "replications";
};

struct VariantOutcome {
  std::vector<nlohmann::ordered_json> done; // per-replication summaries, index order
  std::vector<std::uint64_t> done_seeds;
  std::vector<MissingReplication> missing;
  nlohmann::ordered_json summary; // experiment_summary(...); written to dir/summary.json
};

struct ExperimentOutcome {
  std::vector<VariantOutcome> variants;
  std::optional<std::string> input_error; // a worker found bad input: nothing is written
  std::size_t replications = 0;           // run per variant (the count reached, with a precision)
  std::optional<PrecisionStatus> precision;
  bool complete() const;
};

// Writes dir/replications/rep-NNN.json for each replication that succeeds (NNN the index,
// three digits or more), the log of each failed one as rep-NNN.log, and dir/summary.json
// for each variant with at least one replication done. Failures are reported on stderr with
// their seed; they do not stop the others. A worker's bad-input error (exit code 2) stops
// the experiment.
ExperimentOutcome run_experiment(const std::vector<Variant>& variants, const ExperimentOptions& options);

// Test-only: when the environment variable of this name holds a replication index, the
// worker of that replication aborts (SIGABRT) before simulating, to exercise fault handling.
inline constexpr const char* kTestAbortReplicationEnv = "RONGOU_TEST_ABORT_REPLICATION";

std::string replication_file_stem(std::size_t index); // "rep-007"

} // namespace rongou
